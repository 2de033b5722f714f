from django.core.management import call_command

from accounts.models import Membership, Region, User
from core.models import AuditEntry
from demo.accounts import ACCOUNTS, DEMO_PASSWORD


def counts() -> tuple[int, ...]:
    return (
        Region.objects.count(),
        User.objects.count(),
        Membership.objects.count(),
        AuditEntry.objects.count(),
    )


def test_the_demo_data_loads_twice_without_duplicates(db: None) -> None:
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    first = counts()
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert counts() == first
    assert Region.objects.get(name="南通市").get_descendant_count() >= 11
    assert Region.objects.filter(kind__in=["village", "community"]).count() >= 6


def test_every_documented_account_logs_in_with_the_demo_password(db: None) -> None:
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    for account in ACCOUNTS:
        user = User.objects.get(phone=account.phone)
        assert user.check_password(DEMO_PASSWORD), account.username
        if account.role:
            assert user.memberships.filter(role=account.role, status="approved").exists()
    assert User.objects.get(username="admin").is_superuser


def test_the_demo_accounts_are_refused_in_production(db: None, settings: object) -> None:
    import pytest
    from django.core.management.base import CommandError

    settings.PRODUCTION = True  # type: ignore[attr-defined]
    with pytest.raises(CommandError, match="production"):
        call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert not User.objects.exists()
