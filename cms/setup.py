"""The Wagtail side of every install (`manage.py setup_site`): the site and its home page,
the content sections, the content categories, the editorial groups and the approval workflow.

Pages are made through Wagtail's API, so revisions exist. Idempotent: a page that already
exists (same slug under the same parent) is left as its editors made it.
"""

from typing import Any

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Collection, Locale, Page, Site

from cms import editorial
from cms.models import Category, HomePage, SectionIndexPage, SectionKind, VillageRulesIndexPage
from core import setup

# Not "home": Wagtail's first migration leaves its "Welcome" page under that slug.
HOME_SLUG = "portal"
SITE_NAME = "有事好商量"
HOME_INTRO = "群众的事，大家商量着办。提议题、来附议、进议事厅、参与表决、看结果公示。"

# (slug, title, kind, intro): editorial content, stored as page data in Chinese.
SECTIONS = [
    ("dezhi", "德治", SectionKind.MORAL, "讲文明、树新风：好家风、好邻里、好人好事，都在这里。"),
    ("fazhi", "法治", SectionKind.LEGAL, "学法、懂法、用法：身边的法律知识和法律服务。"),
    ("gonggao", "公告", SectionKind.NOTICE, "村务、街道通知和便民服务公告。"),
    ("dangjian", "党建引领", SectionKind.PARTY, "党建引领基层治理：党员示范岗、议事协商进展。"),
]
RULES_SLUG = "cunguiminyue"
# The first two are also matter categories: related content matches a matter by name.
CONTENT_CATEGORIES = [
    "矛盾纠纷",
    "环境卫生",
    "婚姻家庭",
    "移风易俗",
    "法律援助",
    "孝老爱亲",
    "村务公开",
]


def ensure_root() -> Page:
    """Wagtail's roots: page tree, collection tree and locale (made by its migrations;
    gone after a test database flush)."""
    Locale.objects.get_or_create(language_code=get_supported_content_language_variant("zh-hans"))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    root = Page.get_first_root_node()
    return root or Page.add_root(title="Root", slug="root", locale=Locale.get_default())


def ensure_home_page() -> HomePage:
    """The home page, the default Site pointing at it, and no Wagtail welcome page."""
    home = HomePage.objects.first()
    root = ensure_root()
    if home is None:
        home = HomePage(title=SITE_NAME, slug=HOME_SLUG, intro=HOME_INTRO)
        root.add_child(instance=home)
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name=SITE_NAME,
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = SITE_NAME
        site.save()
    Page.objects.filter(depth=2, slug="home").exclude(pk=home.pk).delete()
    return home


def publish_child(
    parent: Page, page: Page, *, tags: tuple[str, ...] = (), regions: tuple[Any, ...] = ()
) -> Page:
    """Add the page under its parent unless a page with its slug is already there."""
    existing = parent.get_children().filter(slug=page.slug).first()
    if existing is not None:
        return existing.specific
    if tags:
        page.tags.add(*tags)  # type: ignore[attr-defined]
    if regions:
        page.target_regions = list(regions)  # type: ignore[attr-defined]
    parent = Page.objects.get(pk=parent.pk)  # fresh numchild after earlier additions
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def section(home: HomePage, slug: str, title: str, kind: str, intro: str) -> SectionIndexPage:
    page = SectionIndexPage(title=title, slug=slug, kind=kind, intro=intro)
    return publish_child(home, page)  # type: ignore[return-value]


def ensure_sections(home: HomePage) -> None:
    for slug, title, kind, intro in SECTIONS:
        section(home, slug, title, kind, intro)
    rules = VillageRulesIndexPage(
        title="村规民约", slug=RULES_SLUG, intro="各村（社区）经村民会议表决通过的村规民约。"
    )
    publish_child(home, rules)


def categories() -> dict[str, Category]:
    return {name: Category.objects.get_or_create(name=name)[0] for name in CONTENT_CATEGORIES}


def ensure_site() -> None:
    """Home, sections and categories, then the groups and workflow that cover the sections."""
    ensure_sections(ensure_home_page())
    categories()
    editorial.ensure_editorial_setup()


setup.register("cms.site", ensure_site)
