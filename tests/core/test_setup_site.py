"""`manage.py setup_site` makes what every install needs, and changes nothing when run again.

Production gets it too: on a fresh PostgreSQL database with production settings, the
steps of `make prepare` give a home page that answers and the approval workflow.
"""

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from wagtail.models import (
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Revision,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowState,
    WorkflowTask,
)
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from accounts.actions import grant_membership
from accounts.models import Role
from cms import editorial
from cms.models import ArticlePage, HomePage, SectionIndexPage
from cms.models import Category as ContentCategory
from proposals.models import Category as MatterCategory
from tests.core.test_settings import PRODUCTION
from tests.factories import UserFactory, add_region

pytestmark = pytest.mark.django_db

COUNTED = (
    Page,
    Revision,
    Site,
    Group,
    GroupPagePermission,
    GroupCollectionPermission,
    Workflow,
    WorkflowTask,
    WorkflowPage,
    GroupApprovalTask,
    ContentCategory,
    MatterCategory,
)


def snapshot() -> dict[str, Any]:
    counts: dict[str, Any] = {model.__name__: model.objects.count() for model in COUNTED}
    counts["group permissions"] = sorted(
        Group.objects.values_list("name", "permissions__codename").order_by()
    )
    counts["site root"] = list(Site.objects.values_list("root_page_id", "is_default_site"))
    return counts


def setup_site() -> None:
    call_command("setup_site", stdout=open(os.devnull, "w"))  # noqa: SIM115


def test_setup_site_makes_the_site_sections_categories_groups_and_workflow() -> None:
    setup_site()
    home = HomePage.objects.get()
    assert home.slug != "home" and home.live
    assert not Page.objects.filter(depth=2, slug="home").exists()  # Wagtail's welcome page
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    sections = set(SectionIndexPage.objects.child_of(home).values_list("slug", flat=True))
    assert sections == {"dezhi", "fazhi", "gonggao", "dangjian"}
    assert {"矛盾纠纷", "环境卫生"} <= set(ContentCategory.objects.values_list("name", flat=True))
    assert {"矛盾纠纷", "其他"} <= set(MatterCategory.objects.values_list("name", flat=True))
    assert Group.objects.filter(name__in=[editorial.EDITORS, editorial.MODERATORS]).count() == 2
    for page in SectionIndexPage.objects.all():
        assert page.get_workflow().name == editorial.WORKFLOW_NAME


def test_running_setup_site_twice_changes_nothing() -> None:
    setup_site()
    before = snapshot()
    setup_site()
    assert snapshot() == before


def test_setup_site_leaves_what_editors_changed_alone() -> None:
    setup_site()
    legal = SectionIndexPage.objects.get(slug="fazhi")
    legal.title = "法治宣传"
    legal.save_revision().publish()
    setup_site()
    assert SectionIndexPage.objects.get(slug="fazhi").title == "法治宣传"


def test_seed_demo_runs_setup_site_first_and_adds_only_samples() -> None:
    call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    after_seed = snapshot()
    setup_site()
    assert snapshot() == after_seed


def test_an_editor_submits_and_a_moderator_approves_on_a_fresh_setup(client: Any) -> None:
    setup_site()
    editor = UserFactory(display_name="宣传员甲")
    grant_membership(user=editor, region=add_region("某市", "city"), role=Role.EDITOR)
    moderator = UserFactory(display_name="审核员乙")
    moderator.groups.add(Group.objects.get(name=editorial.MODERATORS))
    legal = SectionIndexPage.objects.get(slug="fazhi")

    client.force_login(editor)
    form = {
        "title": "人民调解不收费",
        "slug": "tiaojie",
        "body": streamfield([("paragraph", rich_text("<p>调解不收费。</p>"))]),
        "action-submit": "action-submit",
    }
    add = reverse("wagtailadmin_pages:add", args=["cms", "articlepage", legal.pk])
    assert client.post(add, nested_form_data(form)).status_code == 302
    page = ArticlePage.objects.get(slug="tiaojie")
    assert not page.live
    state = WorkflowState.objects.get(object_id=str(page.pk))

    client.force_login(moderator)
    approve = reverse(
        "wagtailadmin_pages:workflow_action", args=[page.pk, "approve", state.current_task_state.pk]
    )
    assert client.post(approve, {"comment": "同意"}).status_code == 302
    page.refresh_from_db()
    assert page.live
    assert client.get(page.url).status_code == 200


# --- Production: make prepare's steps on a fresh PostgreSQL database --------------------


def _admin_connection() -> Any:
    import psycopg

    params = connection.get_connection_params()
    params["dbname"] = "postgres"
    return psycopg.connect(**params, autocommit=True)


@pytest.fixture
def fresh_database() -> Any:
    """An empty database beside the test database (per xdist worker, as that one is)."""
    name = f"{connection.settings_dict['NAME']}_prepare"
    with _admin_connection() as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    s = connection.settings_dict
    yield f"postgres://{s['USER']}:{s['PASSWORD'] or ''}@{s['HOST']}:{s['PORT'] or 5432}/{name}"
    with _admin_connection() as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    inherited = {"DATABASE_URL", "REDIS_URL", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {k: v for k, v in os.environ.items() if k not in inherited}
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=Path(settings.BASE_DIR),
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result


CHECK = """
from django.test import Client
from wagtail.models import Workflow
response = Client().get("/", HTTP_HOST="shangliang.example.cn", secure=True)
print(response.status_code, Workflow.objects.filter(name="宣传审核流程", active=True).count())
"""


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL")
def test_make_prepare_in_production_gives_a_working_site(
    fresh_database: str, tmp_path: Path
) -> None:
    env = {
        **PRODUCTION,
        "DATABASE_URL": fresh_database,
        "REDIS_URL": settings.REDIS_URL,
        "VAR_DIR": str(tmp_path),  # collectstatic writes to VAR_DIR/static
    }
    manage("migrate", "--no-input", "-v", "0", env=env)
    first = manage("setup_site", env=env).stdout
    assert "cms.site" in first
    manage("collectstatic", "--no-input", "-v", "0", env=env)
    assert manage("shell", "-c", CHECK, env=env).stdout.splitlines()[-1].split() == ["200", "1"]
    refused = subprocess.run(
        [sys.executable, "manage.py", "seed_demo"],
        cwd=Path(settings.BASE_DIR),
        env={**{k: v for k, v in os.environ.items() if k != "DATABASE_URL"}, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert refused.returncode != 0
