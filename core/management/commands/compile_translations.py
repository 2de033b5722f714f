"""Compile every .po file of the project into .mo, without GNU gettext.

`manage.py compilemessages` needs msgfmt, which a fresh machine may not have;
polib is pure Python, so `make run` works with only Python installed.
"""

from pathlib import Path

import polib  # type: ignore[import-untyped]
from django.conf import settings
from django.core.management.base import BaseCommand

SKIP = {".venv", ".tools", "node_modules", "var"}


class Command(BaseCommand):
    help = "Compile the project's .po translation files into .mo files."

    def handle(self, *args: object, **options: object) -> None:
        base = Path(settings.BASE_DIR)
        count = 0
        for po_path in sorted(base.rglob("*.po")):
            if SKIP.intersection(po_path.relative_to(base).parts):
                continue
            mo_path = po_path.with_suffix(".mo")
            if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                continue
            polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
            count += 1
        self.stdout.write(f"compiled {count} translation file(s)")
