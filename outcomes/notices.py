"""Who hears about outcomes, and what they read."""

from typing import Any

from django.utils.translation import gettext as _

from accounts.models import Membership, MembershipStatus, Role
from core.notify import Message, notify_on_commit, renderer
from outcomes.models import Outcome
from proposals.models import Follow


def notify_outcome(
    outcome: Outcome, event: str, *, exclude: int | None = None, committee: bool = False
) -> None:
    """Followers of the matter hear of an outcome event; `committee=True` tells the committee."""
    if committee:
        recipients = set(
            Membership.objects.filter(
                region=outcome.proposal.region,
                role=Role.COMMITTEE,
                status=MembershipStatus.APPROVED,
            ).values_list("user_id", flat=True)
        )
    else:
        recipients = set(
            Follow.objects.filter(proposal_id=outcome.proposal_id).values_list("user_id", flat=True)
        )
    for user_id in sorted(recipients - {exclude}):
        notify_on_commit(event, user_id, outcome_id=outcome.pk)


def _outcome(data: dict[str, Any]) -> Outcome | None:
    outcome_id = data.get("outcome_id")
    if not isinstance(outcome_id, int):
        return None
    return Outcome.objects.select_related("proposal").filter(pk=outcome_id).first()


def _message(template: str, data: dict[str, Any]) -> Message | None:
    outcome = _outcome(data)
    if outcome is None:
        return None
    return Message(template % {"title": outcome.proposal.title}, url=outcome.get_absolute_url())


@renderer("outcome_published")
def outcome_published(user: Any, data: dict[str, Any]) -> Message | None:
    return _message(_("[有事好商量] The outcome of “%(title)s” is published for comment."), data)


@renderer("outcome_objection")
def outcome_objection(user: Any, data: dict[str, Any]) -> Message | None:
    return _message(_("[有事好商量] A resident objected to the outcome of “%(title)s”."), data)


@renderer("objection_answered")
def objection_answered(user: Any, data: dict[str, Any]) -> Message | None:
    return _message(_("[有事好商量] Your objection to “%(title)s” was answered."), data)


@renderer("outcome_progress")
def outcome_progress(user: Any, data: dict[str, Any]) -> Message | None:
    return _message(_("[有事好商量] New progress on “%(title)s”."), data)
