"""Room pages: the transcript works without JavaScript; room.js makes it live."""

import uuid
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import ActionError
from core.parse import as_id
from rooms import actions, queries
from rooms.actions.sessions import get_session_for
from rooms.forms import MinutesForm, SayForm, SessionForm
from rooms.frames import room_data
from rooms.models import SessionState
from rooms.permissions import may_moderate_room, may_report, may_speak, room_state

TRANSCRIPT_PAGE = 100
LOG_PAGE = 50


def _room(user: Any, pk: int) -> Any:
    try:
        return actions.get_room_for(user, pk)
    except ActionError as exc:
        raise Http404(exc.message) from exc


def room(request: HttpRequest, pk: int) -> HttpResponse:
    proposal, found = _room(request.user, pk)
    before = request.GET.get("before", "")
    said = actions.history(found, before=as_id(before), limit=TRANSCRIPT_PAGE)
    can_speak = may_speak(request.user, proposal)
    sessions = queries.sessions(found)
    context = {
        "proposal": proposal,
        "room": found,
        "state": room_state(found, proposal),
        "said": said,
        "earlier": said[0].seq if said and said[0].seq > 1 else None,
        "can_speak": can_speak,
        "can_moderate": may_moderate_room(request.user, proposal),
        "can_report": may_report(request.user, proposal),
        "form": SayForm(initial={"client_id": uuid.uuid4().hex}) if can_speak else None,
        "sessions": sessions,
        "current": next((s for s in sessions if s.state != SessionState.ENDED), None),
        "config": {
            **room_data(found, proposal, can_speak=can_speak),
            "ws": f"/ws/rooms/{proposal.pk}/",
            "api": f"/api/v1/proposals/{proposal.pk}/messages",
            "last_id": said[-1].seq if said else 0,
            "can_moderate": may_moderate_room(request.user, proposal),
            "me": request.user.pk,
            "my_name": getattr(request.user, "name", ""),
        },
    }
    return render(request, "rooms/room.html", context)


def _back(pk: int) -> HttpResponse:
    return redirect(reverse("rooms:room", args=[pk]) + "#transcript-end")


def _act(request: HttpRequest, pk: int, action: Any, done: str = "") -> HttpResponse:
    try:
        action()
    except ActionError as exc:
        messages.error(request, exc.message)
    else:
        if done:
            messages.success(request, done)
    return _back(pk)


@login_required
@require_POST
def say(request: HttpRequest, pk: int) -> HttpResponse:
    data = request.POST
    return _act(
        request,
        pk,
        lambda: actions.say(
            request.user, pk, body=data.get("body", ""), client_id=data.get("client_id", "")
        ),
    )


@login_required
@require_POST
def hide(request: HttpRequest, pk: int, seq: int) -> HttpResponse:
    return _act(
        request,
        pk,
        lambda: actions.hide_message(request.user, pk, seq, reason=request.POST.get("reason", "")),
        _("The message is hidden."),
    )


@login_required
@require_POST
def report(request: HttpRequest, pk: int, seq: int) -> HttpResponse:
    return _act(
        request,
        pk,
        lambda: actions.report_message(
            request.user, pk, seq, reason=request.POST.get("reason", "")
        ),
        _("Thank you. The committee will look at it."),
    )


@login_required
@require_POST
def mute(request: HttpRequest, pk: int) -> HttpResponse:
    data = request.POST
    return _act(
        request,
        pk,
        lambda: actions.mute_user(
            request.user,
            pk,
            data.get("user", ""),
            minutes=data.get("minutes", ""),
            reason=data.get("reason", ""),
        ),
        _("The person is muted in this room."),
    )


@login_required
@require_POST
def close(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(request, pk, lambda: actions.close_room(request.user, pk), _("The room is closed."))


@login_required
@require_POST
def reopen(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(request, pk, lambda: actions.open_room(request.user, pk), _("The room is open."))


@login_required
def moderation_log(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        proposal, found = queries.moderated_room(request.user, pk)
    except ActionError as exc:
        raise Http404(exc.message) from exc
    page = Paginator(queries.moderation_log(found), LOG_PAGE).get_page(request.GET.get("page"))
    reports = list(queries.open_reports(found)[:LOG_PAGE])
    context = {"proposal": proposal, "room": found, "page": page, "reports": reports}
    return render(request, "rooms/log.html", context)


@login_required
def session_new(request: HttpRequest, pk: int) -> HttpResponse:
    proposal, _found = _room(request.user, pk)
    if not may_moderate_room(request.user, proposal):
        raise Http404
    form = SessionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            actions.schedule_session(
                request.user,
                pk,
                title=data["title"],
                agenda=form.agenda_items(),
                starts_at=data["starts_at"],
                ends_at=data["ends_at"],
            )
        except ActionError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            messages.success(request, _("The session is scheduled."))
            return redirect("rooms:room", pk=pk)
    return render(request, "rooms/session_form.html", {"proposal": proposal, "form": form})


@login_required
def minutes(request: HttpRequest, pk: int, session_id: int) -> HttpResponse:
    try:
        proposal, session = get_session_for(request.user, pk, session_id)
    except ActionError as exc:
        raise Http404(exc.message) from exc
    if not may_moderate_room(request.user, proposal):
        raise Http404
    initial = {"minutes": session.minutes or actions.prefill_minutes(session)}
    form = MinutesForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        publish = "publish" in request.POST
        try:
            actions.save_minutes(
                request.user, pk, session_id, minutes=form.cleaned_data["minutes"], publish=publish
            )
        except ActionError as exc:
            form.add_error("minutes", exc.message)
        else:
            messages.success(
                request, _("The minutes are published.") if publish else _("The minutes are saved.")
            )
            return redirect("rooms:room", pk=pk)
    context = {"proposal": proposal, "session": session, "form": form}
    return render(request, "rooms/minutes_form.html", context)
