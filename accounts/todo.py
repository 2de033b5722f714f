"""待办 from accounts: join requests waiting for this person's decision."""

from typing import Any

from django.urls import reverse
from django.utils.translation import ngettext

from accounts.actions import pending_requests_for
from core import todo


@todo.provider
def join_requests(user: Any) -> list[todo.Todo]:
    count = pending_requests_for(user).count()
    label = ngettext(
        "%(n)d request to join is waiting for your decision",
        "%(n)d requests to join are waiting for your decision",
        count,
    ) % {"n": count}
    return [todo.Todo("join_requests", label, count, reverse("accounts:requests"))]
