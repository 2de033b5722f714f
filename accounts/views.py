from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import actions
from accounts.forms import DecisionForm, JoinRequestForm
from accounts.models import MembershipStatus, User
from accounts.permissions import may_edit_content, moderated_paths
from accounts.phones import mask_phone
from core.errors import ActionError


@login_required
def me(request: HttpRequest) -> HttpResponse:
    user = cast(User, request.user)
    memberships = user.memberships.select_related("region").order_by("-created")
    context = {
        "masked_phone": mask_phone(user.phone) if user.phone else "",
        "memberships": memberships,
        "approved": [m for m in memberships if m.status == MembershipStatus.APPROVED],
        "may_review": bool(moderated_paths(user)) or user.is_superuser,
        "pending_count": actions.pending_requests_for(user).count(),
        "may_edit_content": may_edit_content(user),
    }
    return render(request, "accounts/me.html", context)


@login_required
def join(request: HttpRequest) -> HttpResponse:
    form = JoinRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            membership = actions.request_membership(
                request.user, form.cleaned_data["region"], note=form.cleaned_data["note"]
            )
        except ActionError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            messages.success(
                request,
                _("Your request to join %(place)s was sent. The committee will review it.")
                % {"place": membership.region.name},
            )
            return redirect("accounts:me")
    status = 400 if form.errors else 200
    return render(request, "accounts/join.html", {"form": form}, status=status)


@login_required
def requests_queue(request: HttpRequest) -> HttpResponse:
    pending = actions.pending_requests_for(request.user)[:200]
    return render(request, "accounts/requests.html", {"pending": pending})


@login_required
@require_POST
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    form = DecisionForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))
        return redirect("accounts:requests")
    approve = form.cleaned_data["decision"] == "approve"
    try:
        membership = actions.decide_membership(
            request.user, pk, approve=approve, reason=form.cleaned_data["reason"]
        )
    except ActionError as exc:
        messages.error(request, exc.message)
    else:
        text = _("Approved %(name)s.") if approve else _("Rejected %(name)s.")
        messages.success(request, text % {"name": membership.user.name})
    return redirect("accounts:requests")
