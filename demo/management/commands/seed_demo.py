"""Load the demo places, people and content. Safe to run again: nothing is duplicated.

What every install needs (site, sections, categories, groups, workflow) comes from
`setup_site`, which runs first; this adds only people, places and sample content.
"""

from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from accounts import actions
from accounts.models import Membership, Region, Role, User
from demo.accounts import ACCOUNTS, APPLICANT, DEMO_PASSWORD, REGION_TREE, DemoAccount
from demo.ballots import seed_ballots
from demo.cms import seed_cms
from demo.proposals import seed_consult
from demo.rooms import seed_rooms


def ensure_region(name: str, kind: str, parent: Region | None) -> Region:
    if parent is None:
        existing = Region.get_root_nodes().filter(name=name).first()
        return existing or Region.add_root(name=name, kind=kind)
    existing = parent.get_children().filter(name=name).first()
    return existing or parent.add_child(name=name, kind=kind)


def ensure_tree(node: tuple, parent: Region | None = None) -> dict[str, Region]:
    name, kind, children = node
    region = ensure_region(name, kind, parent)
    # Re-read the parent: treebeard updates numchild in the database, not on our instance.
    found = {name: region}
    for child in children:
        found.update(ensure_tree(child, Region.objects.get(pk=region.pk)))
    return found


def ensure_user(account: DemoAccount) -> User:
    user = User.objects.filter(phone=account.phone).first()
    if user is None:
        user = User(username=account.username, phone=account.phone, phone_verified=True)
        user.set_password(DEMO_PASSWORD)
    user.display_name = account.display_name
    if account.username == "admin":
        user.is_staff = user.is_superuser = True
    user.save()
    return user


class Command(BaseCommand):
    help = "Create (or complete) the demo places, accounts and content."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load demo accounts (with their published password) even in production.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.PRODUCTION and not options["force"]:
            raise CommandError(
                "Refusing to create demo accounts with a published password in production "
                "(DJANGO_ENV=production). Pass --force if this really is a demo server."
            )
        call_command("setup_site", stdout=self.stdout)
        with transaction.atomic():
            regions = ensure_tree(REGION_TREE)
            for account in ACCOUNTS:
                user = ensure_user(account)
                if account.role and account.place:
                    actions.grant_membership(
                        user=user, region=regions[account.place], role=account.role
                    )
            self.ensure_applicant(regions)
            self.seed_content(regions)
        self.print_accounts()

    def ensure_applicant(self, regions: dict[str, Region]) -> None:
        user = ensure_user(APPLICANT)
        if not Membership.objects.filter(user=user, role=Role.RESIDENT).exists():
            actions.request_membership(
                user, regions[APPLICANT.place or ""].pk, note="住在幸福村3组12号，新搬来的"
            )

    def seed_content(self, regions: dict[str, Region]) -> None:
        seed_cms(regions)
        seed_consult(regions)
        seed_ballots(regions)
        seed_rooms(regions)

    def print_accounts(self) -> None:
        self.stdout.write(self.style.SUCCESS(f"Demo data ready. Password: {DEMO_PASSWORD}"))
        for account in [*ACCOUNTS, APPLICANT]:
            name = f"{account.display_name} ({account.description})"
            self.stdout.write(f"  {account.username:<11} {account.phone}  {name}")
