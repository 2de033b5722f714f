"""Content search with Chinese word segmentation: every query term must match."""

from django.db.models import QuerySet

from cms.models import ContentPage
from core import segment


def search_content(query: str) -> tuple[list[str], QuerySet[ContentPage]]:
    """(the terms searched for, the matching published pages, newest first)."""
    terms = segment.query_terms(query)
    pages = ContentPage.objects.none()
    if terms:
        pages = ContentPage.objects.live().public().select_related("category")
        for term in terms:
            # Segments are stored lower-cased; a substring match also finds a term
            # that jieba kept inside a longer word (垃圾 in 垃圾分类).
            pages = pages.filter(search_terms__contains=term)
        pages = pages.order_by("-first_published_at", "-pk")
    return terms, pages
