from io import StringIO

from django.core.management import call_command


def test_every_model_change_has_a_migration(db: None) -> None:
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)  # exits 1 if missing
