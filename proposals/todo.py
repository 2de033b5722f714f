"""待办 from proposals: matters with enough co-signs, waiting for the committee's review."""

from typing import Any

from django.urls import reverse
from django.utils.translation import ngettext

from core import todo
from proposals.models import State
from proposals.queries import review_queue


@todo.provider
def matters_to_review(user: Any) -> list[todo.Todo]:
    count = review_queue(user).filter(state=State.REVIEWING).count()
    label = ngettext(
        "%(n)d matter is waiting for your review",
        "%(n)d matters are waiting for your review",
        count,
    ) % {"n": count}
    return [todo.Todo("review", label, count, reverse("proposals:review_queue"))]
