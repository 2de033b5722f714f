"""Simplified Chinese by default; English through Django's language switch."""

import os
import shutil
import subprocess
import sys
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


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="GNU gettext is not installed")
def test_no_message_in_the_code_is_missing_from_its_catalogue(tmp_path: Path) -> None:
    """Extract messages afresh in a copy of the project; every one must be translated."""
    base = Path(settings.BASE_DIR)
    copy = tmp_path / "project"
    shutil.copytree(
        base,
        copy,
        ignore=shutil.ignore_patterns(".venv", ".tools", ".git", "var", "*.mo", "node_modules"),
    )
    env = {**os.environ, "VAR_DIR": str(tmp_path / "var")}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "update_translations"],
        cwd=copy,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    missing = {}
    for po_path in copy.rglob("zh_Hans/LC_MESSAGES/django.po"):
        catalogue = polib.pofile(str(po_path))
        gaps = [e.msgid for e in catalogue.untranslated_entries() + catalogue.fuzzy_entries()]
        if gaps:
            missing[str(po_path.relative_to(copy))] = gaps[:8]
    assert not missing, f"messages without a Chinese translation: {missing}"
