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
