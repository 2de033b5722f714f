"""Demo content for the Wagtail site: the home page, created through Wagtail's API."""

from typing import Any

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site

from cms.models import HomePage

HOME_SLUG = "portal"  # not "home": Wagtail's own welcome page holds that slug at first


def ensure_root() -> Page:
    """Wagtail's tree root (made by its migrations; gone after a test database flush)."""
    Locale.objects.get_or_create(language_code=get_supported_content_language_variant("zh-hans"))
    root = Page.get_first_root_node()
    return root or Page.add_root(title="Root", slug="root", locale=Locale.get_default())


def ensure_home_page() -> HomePage:
    home = HomePage.objects.first()
    root = ensure_root()
    if home is None:
        home = HomePage(
            title="有事好商量",
            slug=HOME_SLUG,
            intro="群众的事，大家商量着办。提议题、来附议、进议事厅、参与表决、看结果公示。",
        )
        root.add_child(instance=home)
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name="有事好商量",
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = "有事好商量"
        site.save()
    # Wagtail's first migration leaves a "Welcome to your new Wagtail site!" page.
    Page.objects.filter(depth=2, slug="home").exclude(pk=home.pk).delete()
    return home


def seed_cms(regions: dict[str, Any]) -> None:
    ensure_home_page()
