"""One door for what a real install needs: `manage.py setup_site`.

Production is not the demo: the Wagtail site and home page, the content sections, the
categories, the editorial groups and their approval workflow come from here, on every
install; `seed_demo` runs this first and only adds people, places and sample content.

Each app registers its idempotent step from AppConfig.ready, so steps run in
INSTALLED_APPS order (lower layers first), and core never imports the apps above it:

    site_setup.register("cms.site", ensure_site)
"""

from collections.abc import Callable

from django.db import transaction

Step = Callable[[], None]

_steps: dict[str, Step] = {}


def register(name: str, step: Step) -> None:
    """A step must be safe to run any number of times and change nothing the second time."""
    _steps[name] = step


def steps() -> list[str]:
    return list(_steps)


def run_all() -> list[str]:
    """Run every step, all or nothing; answer their names in the order they ran."""
    with transaction.atomic():
        for step in _steps.values():
            step()
    return steps()
