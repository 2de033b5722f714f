"""Search segments are recomputed when a page's text may change, not on Wagtail's
bookkeeping saves (locking, revisions, publishing flags)."""

from typing import Any

import pytest
from django.core.management import call_command

from cms.models import ArticlePage
from core import segment


@pytest.fixture
def article(db: None) -> ArticlePage:
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    page = ArticlePage.objects.live().first()
    assert page is not None
    return page


def counting(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []
    real = segment.index_text

    def index_text(text: str) -> str:
        calls.append(text)
        return real(text)

    monkeypatch.setattr(segment, "index_text", index_text)
    return calls


def test_bookkeeping_saves_do_not_segment_again(article: Any, monkeypatch: Any) -> None:
    calls = counting(monkeypatch)
    article.locked = True
    article.save(update_fields=["locked", "latest_revision_id"])
    assert calls == []


def test_a_new_title_is_searchable_at_once(article: Any, monkeypatch: Any) -> None:
    calls = counting(monkeypatch)
    article.title = "调解邻里纠纷的新办法"
    article.save(update_fields=["title"])
    assert len(calls) == 1
    article.refresh_from_db()
    assert "调解" in article.search_terms.split()
