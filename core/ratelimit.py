"""A small fixed-window rate limit on the shared cache (Redis once there are several processes)."""

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from django.core.cache import cache

_state = threading.local()


def allow(key: str, *, limit: int, window: int) -> bool:
    """Count one hit on `key`; False once more than `limit` hits fall in the current window."""
    if getattr(_state, "suspended", False):
        return True
    bucket = f"rl:{key}:{int(time.time()) // window}"
    if cache.add(bucket, 1, timeout=window + 1):
        return True
    try:
        return cache.incr(bucket) <= limit
    except ValueError:  # expired between add and incr
        cache.add(bucket, 1, timeout=window + 1)
        return True


@contextmanager
def suspended() -> Iterator[None]:
    """For seed data and test set-up in this thread: writes on behalf of many at once."""
    previous = getattr(_state, "suspended", False)
    _state.suspended = True
    try:
        yield
    finally:
        _state.suspended = previous
