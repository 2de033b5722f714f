"""Extract messages into every catalogue of the project: the root one and each app's.

Each catalogue is a folder holding locale/zh_Hans (the project root, or an app). Its
messages come from the files under that folder, minus folders that have catalogues of
their own, so every message lands in exactly one catalogue. Needs GNU gettext
(xgettext); `compile_translations` does not.
"""

import os
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

LANGUAGE = "zh_Hans"
NEVER = ["tests/*", "bench/*", "var/*", ".tools/*", "node_modules/*", "docs/*"]


def catalogue_dirs(base: Path) -> list[Path]:
    found = [
        po.parents[3]
        for po in base.rglob(f"locale/{LANGUAGE}/LC_MESSAGES/django.po")
        if not {".venv", ".tools", "var"} & set(po.relative_to(base).parts)
    ]
    return sorted(set(found))


def ignores_for(folder: Path, catalogues: list[Path]) -> list[str]:
    nested = [c for c in catalogues if c != folder and folder in c.parents]
    return NEVER + [f"{c.relative_to(folder)}/*" for c in nested]


class Command(BaseCommand):
    help = "Run makemessages for the root catalogue and every app catalogue."

    def handle(self, *args: Any, **options: Any) -> None:
        base = Path(settings.BASE_DIR)
        catalogues = catalogue_dirs(base)
        here = Path.cwd()
        try:
            for folder in catalogues:
                os.chdir(folder)
                call_command(
                    "makemessages",
                    locale=[LANGUAGE],
                    ignore_patterns=ignores_for(folder, catalogues),
                    no_location=True,
                    verbosity=0,
                )
                self.stdout.write(f"updated {folder.relative_to(base) or '.'}")
        finally:
            os.chdir(here)
