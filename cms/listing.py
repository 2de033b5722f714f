"""Listings of content pages: targeted to a place, paginated, a fixed number of queries."""

from typing import Any

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import HttpRequest
from wagtail.query import PageQuerySet

from accounts.models import Region
from cms.models import LISTING_PAGE_SIZE, ContentPage, HomePage, VillageRulesPage


def targeted_to(pages: QuerySet[Any], region: Region | None) -> QuerySet[Any]:
    """Content meant for everyone, for the place, or for a place above it.

    Without a chosen place every published page is listed."""
    if region is None:
        return pages
    through = ContentPage.target_regions.through
    has_targets = Exists(through.objects.filter(contentpage_id=OuterRef("pk")))
    reaches = Exists(
        through.objects.filter(
            contentpage_id=OuterRef("pk"), region__path__in=region.ancestor_paths()
        )
    )
    return pages.filter(Q(~has_targets) | Q(reaches))


def _public_content() -> PageQuerySet:
    return (
        ContentPage.objects.live()
        .public()
        .select_related("category")
        .order_by("-first_published_at", "-pk")
    )


def section_listing(section: Any, region: Region | None) -> QuerySet[ContentPage]:
    return targeted_to(_public_content().child_of(section), region)


def content_for_region(region: Region | None, *, limit: int) -> list[ContentPage]:
    """The newest content for a place, its village rules pages left out."""
    pages = _public_content().not_type(VillageRulesPage)
    return list(targeted_to(pages, region)[:limit])


def featured_for(home: HomePage, region: Region | None, *, limit: int = 4) -> list[Any]:
    """The editors' picks, or else the newest content for the visitor's place."""
    ids = list(home.featured.values_list("content_id", flat=True))
    # Live and public only (a private page's title must not show), in the editors' order.
    pages = _public_content().filter(pk__in=ids).in_bulk()
    picked = [pages[pk] for pk in ids if pk in pages]
    return picked[:limit] or content_for_region(region, limit=limit)


def paginate(request: HttpRequest, items: QuerySet[Any]) -> PaginatorPage:
    return Paginator(items, LISTING_PAGE_SIZE).get_page(request.GET.get("page"))
