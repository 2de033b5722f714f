"""Looking up one object by an id from user input, inside an already-filtered queryset.

Each app's `get_x_for(user, pk)` filters to what the user may see, then calls `one_visible`,
so a bad id, a missing row and a hidden row all come back as None (one answer: 404).
"""

from typing import Any, TypeVar

from django.db.models import Model, QuerySet

from core.parse import as_id

T = TypeVar("T", bound=Model)


def one_visible(queryset: QuerySet[T], pk: Any, *, lock: bool = False) -> T | None:
    """The row with this id in `queryset`, or None. `lock=True` inside a transaction."""
    key = as_id(pk)
    if key is None:
        return None
    if lock:
        queryset = queryset.select_for_update(of=("self",))
    return queryset.filter(pk=key).first()
