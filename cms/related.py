"""Content related to a matter: 法治/德治 pages sharing its category or tags."""

from django.db.models import Case, Count, IntegerField, Q, Value, When

from cms.models import ContentPage, SectionIndexPage, SectionKind

RELATED_KINDS = (SectionKind.LEGAL, SectionKind.MORAL)


def related_content_for(category_name: str, tags: list[str], limit: int = 3) -> list[ContentPage]:
    """Best matches first: the same category counts more than one shared tag.

    E.g. a neighbour dispute (category 邻里纠纷, tag 调解) finds the 人民调解 Q&A."""
    tags = [t for t in tags if t]
    if not category_name and not tags:
        return []
    sections = SectionIndexPage.objects.live().filter(kind__in=RELATED_KINDS)
    under = Q(pk__in=[])
    for path in sections.values_list("path", flat=True):
        under |= Q(path__startswith=path)
    match = Q(category__name=category_name) if category_name else Q(pk__in=[])
    if tags:
        match |= Q(tagged_items__tag__name__in=tags)
    pages = (
        ContentPage.objects.live()
        .public()
        .filter(under)
        .filter(match)
        .annotate(
            tag_hits=Count("tagged_items", filter=Q(tagged_items__tag__name__in=tags)),
            category_hit=Case(
                When(category__name=category_name or None, then=Value(2)),
                default=Value(0),
                output_field=IntegerField(),
            ),
        )
        .order_by("-category_hit", "-tag_hits", "-first_published_at")
    )
    return list(pages[:limit])
