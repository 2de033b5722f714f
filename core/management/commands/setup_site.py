"""Create (or complete) what every install needs. Safe to run again: changes nothing then."""

from typing import Any

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from core import setup


class Command(BaseCommand):
    help = "Create the site, its sections, categories, editorial groups and workflow."

    def handle(self, *args: Any, **options: Any) -> None:
        names = setup.run_all()
        self.stdout.write(
            self.style.SUCCESS(_("Site ready: %(steps)s.") % {"steps": ", ".join(names)})
        )
