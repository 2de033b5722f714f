"""The admin form of every content page: refuses unsafe links instead of dropping them.

Wagtail's rich text converter silently strips a `javascript:` href; an editor would not
notice that the link they typed is gone. We look at the raw editor state (Draftail's
JSON, wherever it sits in the form: a rich text field or a block inside a StreamField)
and refuse the whole form with a message, so nothing is saved.
"""

import json
import re
from collections.abc import Iterator
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.whitelist import check_url

SAFE_SCHEMES = ("http", "https", "mailto", "tel")
_CONTROL = re.compile(r"[`\x00-\x20\x7f-\xa0\s]+")


def is_safe_url(url: str) -> bool:
    """Web, e-mail and phone links, and relative links inside the site."""
    if check_url(url) is None:
        return False
    squeezed = _CONTROL.sub("", url.lower())
    scheme, sep, _rest = squeezed.partition(":")
    if not sep or "/" in scheme or "?" in scheme or "#" in scheme:
        return True  # relative: /content/... or #anchor
    return scheme in SAFE_SCHEMES


def _editor_states(value: str) -> Iterator[dict[str, Any]]:
    if not (value.startswith("{") and "entityMap" in value):
        return
    try:
        state = json.loads(value)
    except ValueError:
        return
    if isinstance(state, dict):
        yield state


def unsafe_links(data: Any) -> list[str]:
    """URLs of links in any rich text editor state posted with the form."""
    found = []
    for _key, values in data.lists():
        for value in values:
            if not isinstance(value, str):
                continue
            for state in _editor_states(value):
                entities = state.get("entityMap") or {}
                for entity in entities.values() if isinstance(entities, dict) else []:
                    url = str((entity.get("data") or {}).get("url") or "")
                    if url and not is_safe_url(url):
                        found.append(url)
    return found


class ContentPageForm(WagtailAdminPageForm):
    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        refused = unsafe_links(self.data)
        if refused:
            raise ValidationError(
                _(
                    "Links may only lead to web pages, e-mail addresses or phone numbers. "
                    "This link was refused: %(url)s"
                ),
                params={"url": refused[0][:80]},
                code="unsafe_link",
            )
        return cleaned
