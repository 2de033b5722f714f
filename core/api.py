"""The JSON API's shared parts: one error shape for every router.

    {"detail": "<message>", "errors": {"<field>": ["<message>", ...]}}

401 anonymous, 404 missing *and* forbidden objects, 422 invalid input, 409 conflict.
"""

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.security import SessionAuth

from core.errors import ActionError

# Session cookie + the CSRF token in the X-CSRFToken header.
session_auth = SessionAuth(csrf=True)


def error_body(detail: str, errors: dict[str, list[str]] | None = None, **extra: Any) -> dict:
    return {"detail": detail, "errors": errors or {}, **extra}


def _field(loc: list[Any]) -> str:
    names = [str(part) for part in loc if isinstance(part, str)]
    names = [n for n in names if n not in {"body", "query", "path", "payload", "filters"}]
    return names[-1] if names else "__all__"


def install_error_handlers(api: NinjaAPI) -> None:
    def action_error(request: HttpRequest, exc: Any) -> HttpResponse:
        return api.create_response(
            request, error_body(exc.message, exc.errors, code=exc.code), status=exc.status
        )

    def validation_error(request: HttpRequest, exc: Any) -> HttpResponse:
        errors: dict[str, list[str]] = {}
        for error in exc.errors:
            errors.setdefault(_field(list(error.get("loc", []))), []).append(str(error.get("msg")))
        body = error_body(_("The input is not valid."), errors, code="invalid")
        return api.create_response(request, body, status=422)

    def unauthenticated(request: HttpRequest, exc: Any) -> HttpResponse:
        body = error_body(_("Please log in first."), code="unauthenticated")
        return api.create_response(request, body, status=401)

    def http_error(request: HttpRequest, exc: Any) -> HttpResponse:
        return api.create_response(request, error_body(str(exc)), status=exc.status_code)

    def not_found(request: HttpRequest, exc: Any) -> HttpResponse:
        body = error_body(_("Not found."), code="not_found")
        return api.create_response(request, body, status=404)

    api.add_exception_handler(ActionError, action_error)
    api.add_exception_handler(ValidationError, validation_error)
    api.add_exception_handler(AuthenticationError, unauthenticated)
    api.add_exception_handler(HttpError, http_error)
    api.add_exception_handler(Http404, not_found)
