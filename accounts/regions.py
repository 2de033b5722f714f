"""Reading the region tree for pages: labels and choices in one query."""

from accounts.models import JOINABLE_KINDS, Region


def labelled_regions(*, joinable_only: bool = False) -> list[tuple[Region, str]]:
    """Every place in tree order, labelled with the places above it: 崇川区 · 和平桥街道 · 村A."""
    regions = list(Region.objects.order_by("path"))
    by_path = {region.path: region for region in regions}
    labelled = []
    for region in regions:
        if joinable_only and region.kind not in JOINABLE_KINDS:
            continue
        # Skip the city: every place shares it.
        names = [by_path[p].name for p in region.ancestor_paths()[1:] if p in by_path]
        labelled.append((region, " · ".join(names) or region.name))
    return labelled
