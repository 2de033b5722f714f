"""The one door from action errors to page responses (the API's is core.api).

Missing and forbidden both come out as 404 (get_x_for raises NotFound for both); any other
ActionError on a form becomes a field error, and on a one-click POST a flash message.
"""

from collections.abc import Callable
from typing import Any, TypeVar

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect

from core.errors import ActionError

R = TypeVar("R")


def found(call: Callable[[], R]) -> R:
    """Run a lookup; any ActionError (missing, forbidden, bad id) becomes the 404 page."""
    try:
        return call()
    except ActionError as exc:
        raise Http404(exc.message) from exc


def form_error(form: Any, exc: ActionError) -> None:
    """Show an action's refusal on the form (on its field when it names one); 404 stays 404."""
    if exc.status == 404:
        raise Http404(exc.message)
    form.add_error(exc.field if exc.field in form.fields else None, exc.message)


def post_action(request: HttpRequest, call: Callable[[], Any], done: str, to: Any) -> HttpResponse:
    """A one-click POST: run the action, flash what happened, redirect to `to`."""
    try:
        call()
    except ActionError as exc:
        if exc.status == 404:
            raise Http404(exc.message) from exc
        messages.error(request, exc.message)
    else:
        messages.success(request, done)
    return redirect(to)
