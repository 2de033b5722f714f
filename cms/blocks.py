"""StreamField blocks for content pages: one template per block in templates/blocks/."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

# Editors get exactly these rich text features, nothing else (no raw HTML, no embeds).
RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]
# Short answers and captions: no lists.
RICH_TEXT_INLINE_FEATURES = ["bold", "italic", "link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("heading"), max_length=80)
    size = blocks.ChoiceBlock(
        label=_("level"),
        choices=[("h2", _("section heading")), ("h3", _("sub-heading"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading_block.html"


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs: object) -> None:
        super().__init__(features=RICH_TEXT_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")
        template = "blocks/paragraph_block.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    caption = blocks.CharBlock(label=_("caption"), max_length=120, required=False)

    class Meta:
        icon = "image"
        label = _("Image with caption")
        template = "blocks/image_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quotation"), max_length=500)
    source = blocks.CharBlock(label=_("source"), max_length=80, required=False)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote_block.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(
        label=_("link text"),
        max_length=80,
        required=False,
        help_text=_("Leave empty to use the document's title."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document link")
        template = "blocks/document_link_block.html"


class LegalProvisionBlock(blocks.StructBlock):
    """A quoted article of a law, e.g. 《中华人民共和国民法典》第二百八十八条."""

    law = blocks.CharBlock(label=_("law"), max_length=80)
    article = blocks.CharBlock(label=_("article"), max_length=40, required=False)
    text = blocks.TextBlock(label=_("text of the provision"), max_length=2000)

    class Meta:
        icon = "list-ul"
        label = _("Legal provision")
        template = "blocks/legal_provision_block.html"


class RelatedProvisionsBlock(blocks.ListBlock):
    def __init__(self, **kwargs: object) -> None:
        super().__init__(LegalProvisionBlock(), **kwargs)

    class Meta:
        icon = "list-ul"
        label = _("Related legal provisions")
        template = "blocks/related_provisions_block.html"


class ArticleStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    document = DocumentLinkBlock()
    provisions = RelatedProvisionsBlock()


class QuestionAnswerBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("question"), max_length=200)
    answer = blocks.RichTextBlock(label=_("answer"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = _("Question and answer")
        template = "blocks/question_answer_block.html"


class QuestionsStreamBlock(blocks.StreamBlock):
    qa = QuestionAnswerBlock()
    provisions = RelatedProvisionsBlock()


class RulesStreamBlock(blocks.StreamBlock):
    """A village's rules: chapters (headings) and articles (paragraphs)."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    provisions = RelatedProvisionsBlock()
