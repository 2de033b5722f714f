"""待办: what is waiting for the signed-in person, gathered from every app.

Each app registers a provider from its AppConfig.ready; a provider takes the user and
returns the items it knows about, in a fixed number of queries (usually one), whatever the
data size. The home page and 我的 show them as one card.

    @todo.provider
    def votes_waiting(user) -> list[todo.Todo]: ...
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Todo:
    key: str  # stable, for tests and styling: "votes", "review", ...
    label: str  # translated, says the count: "2 votes are waiting for you"
    count: int
    url: str
    urgent: bool = False  # e.g. a vote closing within a day


Provider = Callable[[Any], list[Todo]]
_providers: list[Provider] = []


def provider(func: Provider) -> Provider:
    if func not in _providers:
        _providers.append(func)
    return func


def for_user(user: Any) -> list[Todo]:
    """Everything waiting for `user`, urgent first; nothing for anonymous visitors."""
    if not getattr(user, "is_authenticated", False):
        return []
    items = [item for each in _providers for item in each(user) if item.count > 0]
    return sorted(items, key=lambda item: not item.urgent)
