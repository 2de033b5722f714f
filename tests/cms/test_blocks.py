"""Each StreamField block renders through its own template."""

import io
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.rich_text import RichText

from cms.models import ArticlePage, LegalQAPage
from cms.setup import publish_child
from tests.cms.conftest import Site

pytestmark = pytest.mark.django_db


def png(name: str = "photo.png", size: tuple[int, int] = (40, 30)) -> ImageFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, format="PNG")
    return ImageFile(buffer, name=name)


def test_every_article_block_renders(client: Any, site: Site) -> None:
    image = get_image_model().objects.create(title="志愿者", file=png())
    document = get_document_model().objects.create(
        title="调解申请书", file=ContentFile(b"%PDF-1.4 demo", name="apply.pdf")
    )
    page = publish_child(
        site.legal,
        ArticlePage(
            title="全部区块",
            slug="all-blocks",
            body=[
                ("heading", {"text": "小标题", "size": "h3"}),
                ("paragraph", RichText("<p>段落<i>文字</i></p>")),
                ("image", {"image": image, "caption": "志愿者上门"}),
                ("quote", {"text": "远亲不如近邻", "source": "俗语"}),
                ("document", {"document": document, "title": ""}),
                (
                    "provisions",
                    [
                        {
                            "law": "中华人民共和国人民调解法",
                            "article": "第四条",
                            "text": "不收取任何费用。",
                        }
                    ],
                ),
            ],
        ),
    )
    html = client.get(page.url).content.decode()
    assert '<h3 class="block-heading">小标题</h3>' in html
    assert "段落<i>文字</i>" in html
    assert "<figcaption>志愿者上门</figcaption>" in html and "<img" in html
    assert '<blockquote class="block-quote">' in html and "— 俗语" in html
    assert document.url in html and "调解申请书" in html
    assert "《中华人民共和国人民调解法》" in html and "第四条" in html


def test_the_legal_qa_page_is_an_accessible_faq(client: Any, site: Site) -> None:
    page = publish_child(
        site.legal,
        LegalQAPage(
            title="法律问答",
            slug="qa",
            questions=[
                ("qa", {"question": f"问题{i}？", "answer": RichText(f"<p>回答{i}。</p>")})
                for i in range(6)
            ],
        ),
    )
    html = client.get(page.url).content.decode()
    assert html.count('<details class="qa">') == 6
    assert "<summary>" in html and "问题5？" in html and "回答5。" in html
