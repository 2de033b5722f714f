"""Reading numbers from user input without surprises.

`str.isdigit()` accepts "²" and "٣", which `int()` then refuses or reads oddly, and a
very long run of digits overflows the database's integer: one helper for all of it.
"""

import re
from typing import Any

_ID = re.compile(r"[0-9]{1,18}")


def as_id(value: Any) -> int | None:
    """A positive integer (a database id, a count) from user input, or None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if 0 < value < 10**18 else None
    text = value.strip() if isinstance(value, str) else ""
    number = int(text) if _ID.fullmatch(text) else 0
    return number or None
