"""Resident text: checked on the way in, escaped on the way out.

Bodies are plain text. On input we refuse anything that looks like markup or a
script link (a clear error beats silently changed words). On output every surface
escapes; the page additionally turns http(s) addresses into links.
"""

import re

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from core.errors import ActionError

# "<b", "</p", "<!--", "<?" — a tag start; a lone "<" as in "温度<5度" is fine.
_TAG = re.compile(r"<\s*[/!?a-zA-Z]")
_SCRIPT_LINK = re.compile(r"(?:javascript|vbscript|data)\s*:", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_URL = re.compile(r"https?://[^\s<>\"'，。！？、；：（）【】]+", re.IGNORECASE)


def clean_line(value: str, *, field: str, label: str, max_length: int) -> str:
    """A one-line field such as the title."""
    value = _CONTROL.sub("", (value or "").replace("\r", " ").replace("\n", " ")).strip()
    _check(value, field=field, label=label, max_length=max_length)
    return value


def clean_body(value: str, *, field: str, label: str, max_length: int) -> str:
    """Multi-line text: line breaks kept, trailing spaces and control characters dropped."""
    value = (value or "").replace("\r\n", "\n").replace("\r", "\n")
    value = "\n".join(line.rstrip() for line in _CONTROL.sub("", value).split("\n")).strip()
    _check(value, field=field, label=label, max_length=max_length)
    return value


def _check(value: str, *, field: str, label: str, max_length: int) -> None:
    if not value:
        raise ActionError(_("%(field)s cannot be empty.") % {"field": label}, field=field)
    if len(value) > max_length:
        raise ActionError(
            _("%(field)s is too long (%(max)d characters at most, you wrote %(count)d).")
            % {"field": label, "max": max_length, "count": len(value)},
            field=field,
        )
    if _TAG.search(value) or _SCRIPT_LINK.search(value):
        raise ActionError(
            _("%(field)s must be plain text: please remove HTML tags and script links.")
            % {"field": label},
            field=field,
        )


def render_body(value: str) -> SafeString:
    """Escaped text with line breaks kept and web addresses as links."""
    parts: list[str] = []
    last = 0
    for match in _URL.finditer(value):
        parts.append(escape(value[last : match.start()]))
        url = match.group(0)
        parts.append(
            format_html('<a href="{}" rel="nofollow noopener ugc" target="_blank">{}</a>', url, url)
        )
        last = match.end()
    parts.append(escape(value[last:]))
    html = "".join(parts).replace("\n", "<br>")
    return mark_safe(html)  # noqa: S308 - every piece above was escaped
