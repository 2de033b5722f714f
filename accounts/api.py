"""GET /api/v1/regions — the place tree, public."""

from django.http import HttpRequest
from ninja import Router, Schema

from accounts.models import Region

router = Router(tags=["regions"])


class RegionOut(Schema):
    id: int
    name: str
    kind: str
    parent: int | None


@router.get("", response=list[RegionOut])
def list_regions(request: HttpRequest) -> list[RegionOut]:
    """Every place in tree order, with its parent's id (one query)."""
    regions = list(Region.objects.order_by("path").values("id", "name", "kind", "path", "depth"))
    by_path = {row["path"]: row["id"] for row in regions}
    step = Region.steplen
    return [
        RegionOut(
            id=row["id"],
            name=row["name"],
            kind=row["kind"],
            parent=by_path.get(row["path"][:-step]) if row["depth"] > 1 else None,
        )
        for row in regions
    ]
