"""Who hears about a proposal's changes, and what they read."""

from typing import Any

from django.utils.translation import gettext as _

from core.notify import Message, notify_on_commit, renderer
from proposals.models import Follow, Proposal, State


def notify_state_change(
    proposal: Proposal, *, actor_id: int | None, source: str, notify_author_as: str | None
) -> None:
    """Followers hear that the state changed; the author hears "reviewed" on a review."""
    data = {"proposal_id": proposal.pk, "state": str(proposal.state), "source": source}
    skip = {actor_id}
    if notify_author_as:
        notify_on_commit(notify_author_as, proposal.author_id, **data)
        skip.add(proposal.author_id)
    followers = Follow.objects.filter(proposal=proposal).values_list("user_id", flat=True)
    for user_id in followers:
        if user_id not in skip:
            notify_on_commit("proposal_state_changed", user_id, **data)


def _proposal(data: dict[str, Any]) -> Proposal | None:
    return Proposal.objects.filter(pk=int(data.get("proposal_id") or 0)).first()


def _state_label(value: Any) -> str:
    try:
        return str(State(value).label)
    except ValueError:
        return str(value)


@renderer("proposal_state_changed")
def proposal_state_changed(user: Any, data: dict[str, Any]) -> Message | None:
    proposal = _proposal(data)
    if proposal is None:
        return None
    text = _("[有事好商量] The matter “%(title)s” you follow is now: %(state)s.") % {
        "title": proposal.title,
        "state": _state_label(data.get("state")),
    }
    return Message(text, url=proposal.get_absolute_url())


@renderer("proposal_reviewed")
def proposal_reviewed(user: Any, data: dict[str, Any]) -> Message | None:
    proposal = _proposal(data)
    if proposal is None or proposal.author_id != user.pk:
        return None
    texts: dict[str, str] = {
        State.DELIBERATING: _(
            "[有事好商量] Your matter “%(title)s” was accepted for deliberation."
        ),
        State.REJECTED: _("[有事好商量] Your matter “%(title)s” was not accepted."),
        State.MERGED: _("[有事好商量] Your matter “%(title)s” was merged into a similar one."),
    }
    template = texts.get(str(data.get("state")))
    if template is None:
        return None
    return Message(template % {"title": proposal.title}, url=proposal.get_absolute_url())
