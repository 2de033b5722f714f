"""What every page's layout needs: the bottom navigation and the site name."""

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

# (url name, label, icon): an entry whose page is not installed is left out.
NAV = [
    ("home", _("Home"), "⌂"),
    ("proposals:proposal_list", _("Matters"), "☰"),
    ("outcomes:outcome_list", _("Outcomes"), "✓"),
    ("content_index", _("Content"), "✎"),
    ("accounts:me", _("Mine"), "☺"),
]


def _nav(request: HttpRequest) -> list[dict[str, Any]]:
    items = []
    for name, label, icon in NAV:
        try:
            url = "/" if name == "home" else reverse(name)
        except NoReverseMatch:
            continue
        active = request.path == "/" if url == "/" else request.path.startswith(url)
        items.append({"url": url, "label": label, "icon": icon, "active": active})
    return items


def site(request: HttpRequest) -> dict[str, Any]:
    return {"nav_items": _nav(request), "site_name": settings.WAGTAIL_SITE_NAME}
