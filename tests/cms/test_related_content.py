"""A matter shows related 法治/德治 content by category and tags."""

from typing import Any

import pytest
from django.template.loader import render_to_string

from cms.models import Category, SectionKind
from cms.related import related_content_for
from cms.setup import section
from tests.cms.conftest import Site, article

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(site: Site) -> None:
    dispute = Category.objects.create(name="邻里纠纷")
    rubbish = Category.objects.create(name="环境卫生")
    article(site.legal, "人民调解问答", category=dispute, tags=("调解", "邻里"))
    article(site.moral, "好邻居", tags=("邻里",))
    article(site.legal, "垃圾分类", category=rubbish, tags=("垃圾分类",))
    notices = section(site.home, "gonggao", "公告", SectionKind.NOTICE, "")
    article(notices, "邻里纠纷公告", category=dispute, tags=("调解",))


def test_a_neighbour_dispute_finds_the_mediation_content_first(content: None) -> None:
    titles = [p.title for p in related_content_for("邻里纠纷", ["调解", "邻里"])]
    assert titles == ["人民调解问答", "好邻居"]


def test_tags_alone_find_content(content: None) -> None:
    assert [p.title for p in related_content_for("", ["垃圾分类"])] == ["垃圾分类"]


def test_nothing_matches_nothing(content: None) -> None:
    assert related_content_for("", []) == []
    assert related_content_for("不存在", ["没有"]) == []


def test_the_limit_is_respected(content: None) -> None:
    assert len(related_content_for("邻里纠纷", ["调解", "邻里", "垃圾分类"], limit=2)) == 2


def test_drafts_are_not_related(site: Site) -> None:
    page = article(site.legal, "草稿", tags=("调解",))
    page.unpublish()
    assert related_content_for("", ["调解"]) == []


def test_the_inclusion_template_lists_the_pages(content: None, rf: Any) -> None:
    pages = related_content_for("邻里纠纷", ["调解"])
    html = render_to_string(
        "cms/_related_content.html", {"related_pages": pages}, request=rf.get("/")
    )
    assert "学法明理" in html and "人民调解问答" in html
    assert render_to_string("cms/_related_content.html", {"related_pages": []}).strip() == ""
