"""The Wagtail admin speaks Chinese to a new user."""

from typing import Any

import pytest
from wagtail.users.models import UserProfile

from tests.cms.conftest import Site

pytestmark = pytest.mark.django_db


def test_a_new_editor_sees_the_admin_in_chinese(client: Any, site: Site, world: Any) -> None:
    client.force_login(world.editor)
    response = client.get("/admin/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'lang="zh-hans"' in html
    assert "控制面板" in html
    assert UserProfile.get_for_user(world.editor).get_preferred_language() == "zh-hans"


def test_a_resident_cannot_enter_the_admin(client: Any, site: Site, world: Any) -> None:
    client.force_login(world.resident_a)
    response = client.get("/admin/")
    assert response.status_code == 302


ADMIN_PAGES = ["/admin/", "/admin/pages/", "/admin/images/", "/admin/documents/", "/admin/users/"]


@pytest.mark.parametrize("path", ADMIN_PAGES)
def test_the_admin_calls_no_outside_address(client: Any, site: Site, world: Any, path: str) -> None:
    """Intranets: no release check, no Gravatar, no script or style from elsewhere."""
    import re

    world.admin.email = "admin@example.com"  # an e-mail address is what Gravatar would use
    world.admin.save()
    client.force_login(world.admin)
    html = client.get(path).content.decode()
    assert "w-upgrade" not in html  # the release check fetches from wagtail.org
    assert "gravatar" not in html
    # What the browser fetches by itself (links people may follow are not requests).
    fetched = re.findall(r'(?:src|data-[a-z-]*url)="((?:https?:)?//[^"]+)"', html)
    fetched += re.findall(r'<link[^>]*href="((?:https?:)?//[^"]+)"', html)
    assert [s for s in fetched if "testserver" not in s] == []
