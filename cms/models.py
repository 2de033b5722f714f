"""Editorial content (德治, 法治, 公告, 党建引领, 村规民约) as Wagtail pages.

Every piece of content is a ContentPage: it carries a category, tags, the places it
is meant for, and the jieba segments that make it searchable in Chinese.
"""

from typing import Any

from django.db import models
from django.http import HttpRequest
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from accounts.models import JOINABLE_KINDS, Region
from accounts.permissions import may_edit_content
from cms.blocks import (
    RICH_TEXT_FEATURES,
    ArticleStreamBlock,
    QuestionsStreamBlock,
    RulesStreamBlock,
)
from cms.forms import ContentPageForm
from core import segment

LISTING_PAGE_SIZE = 20


class Category(models.Model):
    """A subject shared by content and matters, e.g. 邻里纠纷, 环境卫生, 婚姻家庭."""

    name = models.CharField(_("name"), max_length=40, unique=True)

    panels = [FieldPanel("name")]

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ContentPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "cms.ContentPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ContentPage(Page):
    """What every content page shares. Not created directly: pick a concrete type."""

    summary: models.CharField = models.CharField(
        _("summary"),
        max_length=200,
        blank=True,
        help_text=_("One or two sentences shown in lists and search results."),
    )
    category: "models.ForeignKey[Category | None, Category | None]" = models.ForeignKey(
        Category,
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    tags = ClusterTaggableManager(verbose_name=_("tags"), through=ContentPageTag, blank=True)
    target_regions = ParentalManyToManyField(
        "accounts.Region",
        verbose_name=_("meant for these places"),
        blank=True,
        related_name="+",
        help_text=_("Leave empty for everyone. A place includes every place below it."),
    )
    # jieba segments of the title and text, refreshed on every save (see core/segment.py).
    search_terms: models.TextField = models.TextField(editable=False, blank=True, default="")

    is_creatable = False
    base_form_class = ContentPageForm
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("search_terms"),
        index.FilterField("category"),
    ]
    meta_panels = [
        MultiFieldPanel(
            [FieldPanel("category"), FieldPanel("tags"), FieldPanel("target_regions")],
            heading=_("Category, tags and places"),
        )
    ]

    class Meta:
        verbose_name = _("content page")

    def searchable_text(self) -> str:
        """Title, summary and every text field and stream of the concrete page."""
        parts = [self.title, self.summary]
        for field in self._meta.get_fields():
            if isinstance(field, StreamField):
                value = getattr(self, field.name)
                parts.extend(str(s) for s in field.stream_block.get_searchable_content(value))
            elif isinstance(field, RichTextField):
                parts.append(strip_tags(getattr(self, field.name) or ""))
        parts.extend(self.extra_search_text())
        return " ".join(p for p in parts if p)

    def extra_search_text(self) -> list[str]:
        return []

    def save(self, *args: Any, **kwargs: Any) -> None:
        update_fields = kwargs.get("update_fields")
        # Wagtail saves bookkeeping alone (latest_revision, live, locked…) often: segmenting
        # the text again is only needed when the text may have changed.
        if update_fields is None or not set(update_fields) <= _BOOKKEEPING_FIELDS:
            self.search_terms = segment.index_text(self.searchable_text())
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "search_terms"}
        super().save(*args, **kwargs)


# Wagtail's own Page fields (by name and column), which it saves alone for bookkeeping;
# of them, only the title is searched.
_BOOKKEEPING_FIELDS = frozenset(
    name
    for field in Page._meta.concrete_fields
    if field.name != "title"
    for name in (field.name, field.attname)
)


def _village_choices() -> models.Q:
    return models.Q(kind__in=list(JOINABLE_KINDS))


class HomePage(Page):
    """The site's front page: matters near the visitor's village, outcomes, featured content."""

    intro: models.CharField = models.CharField(_("introduction"), max_length=200, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        InlinePanel("featured", label=_("Featured content"), max_num=6),
    ]
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["cms.SectionIndexPage", "cms.VillageRulesIndexPage"]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from cms import participation, village
        from cms.listing import featured_for

        context = super().get_context(request, *args, **kwargs)
        chosen = village.chosen_village(request)
        context.update(
            village=chosen,
            village_choices=village.village_choices(),
            proposals=participation.latest_proposals(chosen, limit=5),
            outcomes=participation.latest_outcomes(chosen, limit=5),
            featured=featured_for(self, chosen),
            sections=self.get_children().live().public(),
            may_edit_content=may_edit_content(request.user),
        )
        return context


class HomePageFeatured(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured")
    content: "models.ForeignKey[Page, Page]" = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [
        PageChooserPanel(
            "content",
            ["cms.ArticlePage", "cms.ExemplarPage", "cms.LegalQAPage", "cms.VillageRulesPage"],
        )
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("featured content")


class SectionKind(models.TextChoices):
    MORAL = "moral", _("moral education (德治)")
    LEGAL = "legal", _("rule of law (法治)")
    NOTICE = "notice", _("announcements")
    PARTY = "party", _("Party leadership")


class SectionIndexPage(Page):
    """A section: 德治, 法治, 公告 or 党建引领. Lists its content for the visitor's village."""

    kind: models.CharField = models.CharField(_("kind"), max_length=16, choices=SectionKind.choices)
    intro: models.CharField = models.CharField(_("introduction"), max_length=200, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("kind"), FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.ArticlePage", "cms.ExemplarPage", "cms.LegalQAPage"]

    class Meta:
        verbose_name = _("section")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from cms import village
        from cms.listing import paginate, section_listing

        context = super().get_context(request, *args, **kwargs)
        chosen = village.chosen_village(request)
        context["village"] = chosen
        context["items"] = paginate(request, section_listing(self, chosen))
        return context


class ArticlePage(ContentPage):
    """An article: heading, paragraphs, images, quotes, documents, legal provisions."""

    body = StreamField(ArticleStreamBlock(), verbose_name=_("body"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
        *ContentPage.meta_panels,
    ]
    parent_page_types = ["cms.SectionIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("article")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from cms import participation

        context = super().get_context(request, *args, **kwargs)
        names = [self.category.name] if self.category else []
        context["related_proposals"] = participation.proposals_related_to(
            names, [t.name for t in self.tags.all()], limit=5
        )
        return context


class Honour(models.TextChoices):
    GOOD_DEEDS = "good_deeds", _("good deeds (好人好事)")
    MORAL_MODEL = "moral_model", _("moral model (道德模范)")


class ExemplarPage(ContentPage):
    """好人好事 / 道德模范: a person, their village, their story, a photo."""

    honour: models.CharField = models.CharField(
        _("honour"), max_length=16, choices=Honour.choices, default=Honour.GOOD_DEEDS
    )
    person: models.CharField = models.CharField(_("person"), max_length=40)
    village: "models.ForeignKey[Region | None, Region | None]" = models.ForeignKey(
        Region,
        verbose_name=_("village"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to=_village_choices,
    )
    photo: "models.ForeignKey[Any, Any]" = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    story = RichTextField(_("story"), features=RICH_TEXT_FEATURES)

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("honour"),
        FieldPanel("person"),
        FieldPanel("village"),
        FieldPanel("photo"),
        FieldPanel("story"),
        *ContentPage.meta_panels,
    ]
    parent_page_types = ["cms.SectionIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("exemplar")

    def extra_search_text(self) -> list[str]:
        return [self.person]


class LegalQAPage(ContentPage):
    """法律问答: questions and answers, rendered as an accessible FAQ."""

    intro: models.CharField = models.CharField(_("introduction"), max_length=200, blank=True)
    questions = StreamField(QuestionsStreamBlock(), verbose_name=_("questions"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("intro"),
        FieldPanel("questions"),
        *ContentPage.meta_panels,
    ]
    parent_page_types = ["cms.SectionIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("legal Q&A")


class VillageRulesIndexPage(Page):
    """村规民约: one rules page per village or community."""

    intro: models.CharField = models.CharField(_("introduction"), max_length=200, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.VillageRulesPage"]
    max_count = 1

    class Meta:
        verbose_name = _("village rules index")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["rules_pages"] = (
            VillageRulesPage.objects.child_of(self)
            .live()
            .public()
            .select_related("village")
            .order_by("village__path")
        )
        return context


class VillageRulesPage(ContentPage):
    """One village's rules and conventions. Wagtail keeps every revision; the label
    names the version residents know (e.g. 2026年修订版)."""

    village: "models.OneToOneField[Region, Region]" = models.OneToOneField(
        Region,
        verbose_name=_("village"),
        on_delete=models.PROTECT,
        related_name="rules_page",
        limit_choices_to=_village_choices,
    )
    version_label: models.CharField = models.CharField(_("version"), max_length=40, blank=True)
    adopted_on: models.DateField = models.DateField(_("adopted on"), null=True, blank=True)
    adopted_outcome_id: models.PositiveIntegerField = models.PositiveIntegerField(
        _("number of the outcome whose vote adopted it"),
        null=True,
        blank=True,
    )
    body = StreamField(RulesStreamBlock(), verbose_name=_("rules"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("village"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("version_label"),
                FieldPanel("adopted_on"),
                FieldPanel("adopted_outcome_id"),
            ],
            heading=_("Version"),
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("category"), FieldPanel("tags")], heading=_("Category and tags")
        ),
    ]
    parent_page_types = ["cms.VillageRulesIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("village rules")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from cms import participation
        from cms.listing import content_for_region

        context = super().get_context(request, *args, **kwargs)
        context["outcome"] = participation.outcome_link(self.adopted_outcome_id)
        context["village_content"] = content_for_region(self.village, limit=5)
        return context
