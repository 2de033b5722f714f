from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import NotFound
from inbox import actions
from inbox.forms import PreferenceForm
from inbox.models import Notification, Preference


@login_required
def inbox(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    items = Notification.objects.filter(user=user)[:100]
    return render(request, "inbox/inbox.html", {"items": items})


@login_required
@require_POST
def open_notification(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        item = actions.mark_read(request.user, pk)
    except NotFound as exc:
        raise Http404(exc.message) from exc
    safe = url_has_allowed_host_and_scheme(item.url, allowed_hosts=None) and item.url.startswith(
        "/"
    )
    return redirect(item.url if safe else "inbox:inbox")


@login_required
@require_POST
def read_all(request: HttpRequest) -> HttpResponse:
    actions.mark_all_read(request.user)
    return redirect("inbox:inbox")


@login_required
def preferences(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    current = Preference.objects.filter(user=user).first() or Preference(user=user)
    form = PreferenceForm(request.POST or None, instance=current)
    if request.method == "POST" and form.is_valid():
        actions.set_preferences(user, **form.cleaned_data)
        messages.success(request, _("Your choices were saved."))
        return redirect("inbox:preferences")
    return render(request, "inbox/preferences.html", {"form": form})
