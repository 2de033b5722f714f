from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from rooms.models import BODY_MAX


class SayForm(forms.Form):
    body = forms.CharField(
        label=_("Your message"),
        max_length=BODY_MAX,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": BODY_MAX}),
    )
    client_id = forms.CharField(widget=forms.HiddenInput, max_length=64)


class SessionForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=60)
    agenda = forms.CharField(
        label=_("Agenda (one item per line)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    starts_at = forms.DateTimeField(
        label=_("Starts at"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )
    ends_at = forms.DateTimeField(
        label=_("Ends at"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )

    def agenda_items(self) -> list[Any]:
        return self.cleaned_data.get("agenda", "").splitlines()


class MinutesForm(forms.Form):
    minutes = forms.CharField(
        label=_("Minutes"),
        widget=forms.Textarea(attrs={"rows": 16}),
        max_length=20000,
        required=False,
    )
