"""Simplified Chinese by default; English through Django's language switch."""

from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.test import Client


def test_pages_are_in_simplified_chinese_by_default(db: None) -> None:
    page = Client().get("/accounts/login/").content.decode()
    assert 'lang="zh-hans"' in page
    assert "首页" in page and "我的" in page


def test_the_language_switch_turns_the_site_to_english_and_back(db: None) -> None:
    client = Client()
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/accounts/login/"})
    assert response.status_code == 302
    page = client.get("/accounts/login/").content.decode()
    assert 'lang="en"' in page
    assert "Home" in page and "Mine" in page and "首页" not in page

    client.post("/i18n/setlang/", {"language": "zh-hans", "next": "/"})
    assert "首页" in client.get("/accounts/login/").content.decode()


def test_the_switch_ignores_unknown_languages(db: None) -> None:
    client = Client()
    client.post("/i18n/setlang/", {"language": "xx", "next": "/"})
    assert 'lang="zh-hans"' in client.get("/accounts/login/").content.decode()


def project_catalogues() -> list[Path]:
    base = Path(settings.BASE_DIR)
    skip = {".venv", ".tools", "var"}
    return [p for p in base.rglob("zh_Hans/LC_MESSAGES/django.po") if not skip & set(p.parts)]


@pytest.mark.parametrize(
    "po_path", project_catalogues(), ids=lambda p: str(p.parent.parent.parent.parent.name)
)
def test_every_message_is_translated_to_chinese(po_path: Path) -> None:
    catalogue = polib.pofile(str(po_path))
    untranslated = [e.msgid for e in catalogue.untranslated_entries()]
    fuzzy = [e.msgid for e in catalogue.fuzzy_entries()]
    assert not untranslated, f"untranslated in {po_path}: {untranslated[:5]}"
    assert not fuzzy, f"fuzzy in {po_path}: {fuzzy[:5]}"
    assert po_path.with_suffix(".mo").exists(), "run manage.py compile_translations"
