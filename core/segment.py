"""Chinese word segmentation for search (see docs: ARCHITECTURE "Chinese search").

Databases treat a run of Chinese characters as one token, so we store jieba's
`cut_for_search` segments of each page in a plain text field and match the query's
segments against it. jieba loads its dictionary (and logs to stderr) on first use:
initialise lazily, once.
"""

import logging
import re
from functools import cache
from typing import Any

# Whitespace and punctuation are not search terms.
_NOT_A_TERM = re.compile(r"^[\W_]+$", re.UNICODE)
MAX_QUERY_TERMS = 8


@cache
def _jieba() -> Any:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


def segments(text: str) -> list[str]:
    """Search segments of the text, lower-cased, in order, duplicates removed."""
    seen: dict[str, None] = {}
    for token in _jieba().cut_for_search(text or ""):
        token = token.strip().lower()
        if token and not _NOT_A_TERM.match(token):
            seen.setdefault(token, None)
    return list(seen)


def index_text(text: str) -> str:
    """What a page stores in its `search_terms` field: segments separated by spaces."""
    return " ".join(segments(text))


def query_terms(query: str) -> list[str]:
    """The query's terms. A term contained in a longer one is dropped: the longer one
    already requires it, and `cut_for_search` returns both (调解 and 人民调解)."""
    terms = segments(query[:100])
    kept = [t for t in terms if not any(t != other and t in other for other in terms)]
    return kept[:MAX_QUERY_TERMS]
