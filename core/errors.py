"""Errors raised by actions. Every adapter (page, API, websocket) maps them the same way.

The message is user-facing (translated); `code` and `status` are for machines.
"""

from django.utils.functional import Promise


class ActionError(Exception):
    status = 422
    code = "invalid"

    def __init__(self, message: str | Promise, *, field: str | None = None) -> None:
        super().__init__(str(message))
        self.message = str(message)
        self.field = field

    @property
    def errors(self) -> dict[str, list[str]]:
        return {self.field: [self.message]} if self.field else {}


class Forbidden(ActionError):
    status = 403
    code = "forbidden"


class NotFound(ActionError):
    """Raised for objects that do not exist *and* for objects the user may not see."""

    status = 404
    code = "not_found"


class Conflict(ActionError):
    """The request is valid but the object's current state does not allow it."""

    status = 409
    code = "conflict"


class TooMany(ActionError):
    """The user is acting faster than the rate limit allows; they may try again later."""

    status = 429
    code = "rate_limited"
