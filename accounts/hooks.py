"""What higher apps do when a membership changes, without accounts importing them.

cms keeps Wagtail groups in step with memberships (an approved editor is in 宣传员, a
village's committee edits its 村规民约). It registers a listener here from its
AppConfig.ready; the membership actions (approve, reject, grant, revoke) call
`membership_changed` inside their transaction, so the group change commits or rolls back
with the membership. An explicit call, not a model signal: the write stays in the action.
"""

from collections.abc import Callable
from typing import Any

from accounts.models import Membership

Listener = Callable[[Membership, Any], None]

_listeners: list[Listener] = []


def on_membership_change(listener: Listener) -> None:
    """`listener(membership, actor)` runs after each change; registering twice is harmless."""
    if listener not in _listeners:
        _listeners.append(listener)


def membership_changed(membership: Membership, *, actor: Any = None) -> None:
    for listener in _listeners:
        listener(membership, actor)
