from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

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
    user: Any = request.user
    item = get_object_or_404(Notification, pk=pk, user=user)
    if item.read_at is None:
        item.read_at = timezone.now()
        item.save(update_fields=["read_at"])
    safe = url_has_allowed_host_and_scheme(item.url, allowed_hosts=None) and item.url.startswith(
        "/"
    )
    return redirect(item.url if safe else "notifications:inbox")


@login_required
@require_POST
def read_all(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    Notification.objects.filter(user=user, read_at__isnull=True).update(read_at=timezone.now())
    return redirect("notifications:inbox")


@login_required
def preferences(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    current = Preference.objects.filter(user=user).first() or Preference(user=user)
    form = PreferenceForm(request.POST or None, instance=current)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your choices were saved."))
        return redirect("notifications:preferences")
    return render(request, "inbox/preferences.html", {"form": form})
