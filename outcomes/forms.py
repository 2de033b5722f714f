"""Forms parse and label input; the actions do the real checking (one set of rules)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from outcomes.models import DEFAULT_PUBLICITY_DAYS, TEXT_MAX, Rating
from proposals.forms import MultipleImageField


class OutcomeForm(forms.Form):
    decision = forms.CharField(
        label=_("Decision"), max_length=TEXT_MAX, widget=forms.Textarea(attrs={"rows": 4})
    )
    responsible = forms.CharField(label=_("Responsible person or department"), max_length=60)
    deadline = forms.DateField(label=_("Deadline"), widget=forms.DateInput(attrs={"type": "date"}))
    publicity_days = forms.IntegerField(
        label=_("Publicity period (days)"),
        min_value=1,
        max_value=30,
        initial=DEFAULT_PUBLICITY_DAYS,
    )


class ObjectionForm(forms.Form):
    text = forms.CharField(
        label=_("Your objection"), max_length=TEXT_MAX, widget=forms.Textarea(attrs={"rows": 3})
    )


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("Public answer"), max_length=TEXT_MAX, widget=forms.Textarea(attrs={"rows": 3})
    )


class ProgressForm(forms.Form):
    text = forms.CharField(
        label=_("What was done"), max_length=TEXT_MAX, widget=forms.Textarea(attrs={"rows": 3})
    )
    percent = forms.IntegerField(label=_("Percent done"), min_value=0, max_value=100)
    photos = MultipleImageField(label=_("Photos (optional)"), required=False)


class RatingForm(forms.Form):
    rating = forms.ChoiceField(
        label=_("How satisfied are you?"), choices=Rating.choices, widget=forms.RadioSelect
    )
    comment = forms.CharField(
        label=_("Comment (optional)"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
