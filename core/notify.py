"""The door every app uses to announce something to a person: notify_on_commit().

It sits in core because apps below the inbox (accounts) announce things too. What happens
next lives in the inbox app, which plugs itself in with set_dispatcher() when it loads:
rendering, preferences and delivery on each channel.

Each event kind has a renderer that turns (recipient, data) into a Message (or a
plain string, or None for "nothing to say"). Delivery — in-app, email, SMS, by the
recipient's preferences, each at most once — lives in the inbox app.

    @renderer("proposal_state_changed")
    def render(user, data) -> Message | None: ...

    notify_on_commit("proposal_state_changed", user.pk, proposal_id=7, entry_id=42)
"""

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.db import transaction


@dataclass(frozen=True)
class Message:
    text: str  # one or two sentences: the SMS, the in-app line, the email body
    url: str = ""  # a path on this site (never an outside address)
    subject: str = ""  # the email subject; defaults to the start of `text`


Renderer = Callable[[Any, dict[str, Any]], "str | Message | None"]
RENDERERS: dict[str, Renderer] = {}


def renderer(event: str) -> Callable[[Renderer], Renderer]:
    def register(func: Renderer) -> Renderer:
        RENDERERS[event] = func
        return func

    return register


Dispatcher = Callable[[str, int, dict[str, Any], str], None]
_dispatcher: list[Dispatcher] = []


def set_dispatcher(dispatch: Dispatcher) -> None:
    """The inbox app hands over its delivery (a Celery task) once, from AppConfig.ready."""
    _dispatcher[:] = [dispatch]


def notify_on_commit(event: str, user_id: int, **data: Any) -> None:
    """Schedule a notification; nothing is sent if the surrounding transaction rolls back.

    The key is fixed now, so a task that is delivered twice sends once.
    """
    if not _dispatcher:
        raise ImproperlyConfigured("No notification dispatcher: is the inbox app installed?")
    dispatch = _dispatcher[0]
    key = uuid.uuid4().hex
    transaction.on_commit(lambda: dispatch(event, user_id, data, key))
