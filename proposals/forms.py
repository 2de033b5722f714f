"""Forms parse and label input; the actions do the real checking (one set of rules)."""

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import Region
from accounts.permissions import approved_roles
from accounts.regions import labelled_regions
from proposals.lifecycle import REASON_MAX
from proposals.models import BODY_MAX, TITLE_MAX, Category, State


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleImageField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        if not data:
            return []
        return list(data) if isinstance(data, list | tuple) else [data]


def _choice(form: forms.Form, name: str) -> forms.ChoiceField:
    return cast(forms.ChoiceField, form.fields[name])


def _categories() -> list[tuple[Any, str]]:
    return [(c.pk, c.name) for c in Category.objects.filter(active=True)]


class ProposalForm(forms.Form):
    title = forms.CharField(
        label=_("Title"),
        max_length=TITLE_MAX,
        help_text=_("One sentence, e.g. 村口路灯坏了，晚上出行不便"),
    )
    body = forms.CharField(
        label=_("Details"),
        max_length=BODY_MAX,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Plain text. Say where, what happens, and what you suggest."),
    )
    category = forms.TypedChoiceField(label=_("Category"), coerce=int)
    region = forms.TypedChoiceField(label=_("Village or community"), coerce=int)
    images = MultipleImageField(
        label=_("Pictures (optional)"),
        required=False,
        help_text=_("Up to 6 JPEG, PNG or WebP pictures, 5 MB each."),
    )

    def __init__(self, *args: Any, user: Any, editing: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choice(self, "category").choices = [("", _("Choose a category")), *_categories()]
        self.fields["images"].widget.attrs["accept"] = "image/jpeg,image/png,image/webp"
        if editing:
            del self.fields["region"]
        else:
            _choice(self, "region").choices = resident_places(user)


def resident_places(user: Any) -> list[tuple[Any, str]]:
    paths = [path for role, path in approved_roles(user) if role == "resident"]
    regions = Region.objects.filter(path__in=paths).order_by("path")
    return [(r.pk, r.name) for r in regions if r.is_joinable]


SORTS = [("new", _("Newest")), ("support", _("Most supported"))]


class ListFilterForm(forms.Form):
    region = forms.TypedChoiceField(label=_("Place"), coerce=int, required=False)
    state = forms.ChoiceField(label=_("State"), required=False)
    category = forms.TypedChoiceField(label=_("Category"), coerce=int, required=False)
    sort = forms.ChoiceField(label=_("Sort"), choices=SORTS, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.regions = labelled_regions()
        _choice(self, "region").choices = [("", _("All places"))] + [
            (r.pk, label) for r, label in self.regions
        ]
        _choice(self, "state").choices = [("", _("All states"))] + [
            (value, label) for value, label in State.choices if value != State.DRAFT
        ]
        _choice(self, "category").choices = [("", _("All categories")), *_categories()]

    def region_path(self) -> str | None:
        wanted = self.cleaned_data.get("region")
        return next((r.path for r, _label in self.regions if r.pk == wanted), None)


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            ("accept", _("Accept for deliberation")),
            ("reject", _("Reject")),
            ("merge", _("Merge into another matter")),
        ],
    )
    reason = forms.CharField(
        label=_("Reason"),
        max_length=REASON_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    merge_into = forms.TypedChoiceField(label=_("Merge into"), coerce=int, required=False)

    def __init__(self, *args: Any, merge_choices: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choice(self, "merge_into").choices = [("", _("Choose a matter")), *merge_choices]
