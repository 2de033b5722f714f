"""The matter categories every install starts with (`manage.py setup_site`).

Migration 0002 creates them too; a test database flush removes them, and this puts them
back without touching categories an administrator added or reordered.
"""

from core import setup
from proposals.models import Category

DEFAULT_CATEGORIES = [
    "公共设施",
    "环境卫生",
    "矛盾纠纷",
    "社区服务",
    "公共安全",
    "社会治安",
    "其他",
]


def ensure_categories() -> None:
    for position, name in enumerate(DEFAULT_CATEGORIES):
        Category.objects.get_or_create(name=name, defaults={"position": position})


setup.register("proposals.categories", ensure_categories)
