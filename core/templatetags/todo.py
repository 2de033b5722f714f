"""{% todo_card %}: the signed-in person's 待办 card (core.todo)."""

from typing import Any

from django import template

from core import todo

register = template.Library()


@register.inclusion_tag("core/_todo_card.html", takes_context=True)
def todo_card(context: dict[str, Any]) -> dict[str, Any]:
    return {"items": todo.for_user(context["request"].user)}
