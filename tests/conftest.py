"""Shared fixtures: a small region tree and named personas.

resident_a, resident_a2   approved residents of 村A
resident_b                resident of the sibling village 村B
committee_a, committee_b  committees of 村A and 村B
staff                     staff of the township above both villages
editor                    propaganda editor (city)
dept                      department (district)
outsider                  signed up, no membership
admin                     superuser
"""

from dataclasses import dataclass
from typing import Any

import pytest
from django.core.cache import cache

from accounts.actions import grant_membership
from accounts.models import Region, Role, User
from core import sms
from tests.factories import UserFactory, village_tree


@dataclass
class World:
    regions: dict[str, Region]
    resident_a: User
    resident_a2: User
    resident_b: User
    committee_a: User
    committee_b: User
    staff: User
    editor: User
    dept: User
    outsider: User
    admin: User

    @property
    def village_a(self) -> Region:
        return self.regions["village_a"]

    @property
    def village_b(self) -> Region:
        return self.regions["village_b"]

    @property
    def township(self) -> Region:
        return self.regions["township"]

    def persona(self, name: str) -> Any:
        return None if name == "anonymous" else getattr(self, name)


def _member(region: Region, role: str, **kwargs: Any) -> User:
    """Roles come through the membership action, as in the product (it also syncs the
    Wagtail groups that follow memberships)."""
    user = UserFactory(**kwargs)
    grant_membership(user=user, region=region, role=role)
    return user


@pytest.fixture
def world(db: None) -> World:
    regions = village_tree()
    admin = UserFactory(username="admin", is_superuser=True, is_staff=True)
    return World(
        regions=regions,
        resident_a=_member(regions["village_a"], Role.RESIDENT, display_name="王秀英"),
        resident_a2=_member(regions["village_a"], Role.RESIDENT, display_name="李建国"),
        resident_b=_member(regions["village_b"], Role.RESIDENT, display_name="张桂兰"),
        committee_a=_member(regions["village_a"], Role.COMMITTEE, display_name="陈主任"),
        committee_b=_member(regions["village_b"], Role.COMMITTEE, display_name="刘主任"),
        staff=_member(regions["township"], Role.STAFF, display_name="周干事"),
        editor=_member(regions["city"], Role.EDITOR, display_name="吴宣传"),
        dept=_member(regions["district"], Role.DEPARTMENT, display_name="区住建局"),
        outsider=UserFactory(display_name="路人"),
        admin=admin,
    )


# Each xdist worker's own Redis database (and the refusal of database 0): tests/parallel.py.


@pytest.fixture(autouse=True)
def _isolated(settings: Any) -> Any:
    """Each test starts with an empty cache (rate limits) and SMS outbox."""
    settings.SMS_BACKEND = "core.sms.LocmemSmsBackend"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.WHITENOISE_AUTOREFRESH = True
    # PBKDF2 is slow on purpose; tests only need passwords to round-trip.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    cache.clear()
    sms.outbox.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _eager_celery() -> Any:
    """Tasks run inline in tests, in both runtime modes (no worker runs under pytest)."""
    from config.celery import app

    previous = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = previous


# --- Browser tests -----------------------------------------------------------

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE_VIEWPORT = {"width": 390, "height": 844}


@pytest.fixture(scope="session")
def chromium() -> Any:
    import os
    import shutil

    if not shutil.which(CHROMIUM):
        pytest.skip("Debian's chromium is not installed (make browser-deps)")
    # Playwright's sync API runs an event loop in this thread; the test's own ORM
    # calls are still synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


@pytest.fixture
def phone_page(chromium: Any) -> Any:
    """A fresh phone-sized browser page (its own cookies), Chinese by default."""
    context = chromium.new_context(viewport=PHONE_VIEWPORT, locale="zh-CN", device_scale_factor=2)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def login_in_browser(page: Any, base_url: str, phone: str, password: str) -> None:
    """Log in through the real login form."""
    page.goto(f"{base_url}/accounts/login/")
    page.fill("input[name=login]", phone)
    page.fill("input[name=password]", password)
    page.click("main form button[type=submit]")
    page.wait_for_load_state()


# --- Live daphne sites (HTTP + websockets), see tests/rooms/live.py ---------------
@pytest.fixture(scope="session")
def live_template(tmp_path_factory: Any) -> Any:
    """One migrated SQLite file per test session; each live site copies it."""
    from tests.rooms.live import migrated_template

    return migrated_template(tmp_path_factory.mktemp("live"))
