"""{% proposal_stepper proposal %}: where the matter stands, who handles it, by when."""

from typing import Any

from django import template

from proposals.stepper import stepper_for

register = template.Library()


@register.inclusion_tag("proposals/_stepper.html")
def proposal_stepper(proposal: Any) -> dict[str, Any]:
    return {"proposal": proposal, "stepper": stepper_for(proposal)}
