"""Forms parse and label input; the actions do the real checking (one set of rules)."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ballots.models import QUESTION_MAX, Kind, PassRule


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"


class BallotForm(forms.Form):
    question = forms.CharField(label=_("Question put to the vote"), max_length=QUESTION_MAX)
    kind = forms.ChoiceField(label=_("Kind of ballot"), choices=Kind.choices)
    options = forms.CharField(
        label=_("Options (one per line; not needed for yes/no)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )
    max_choices = forms.IntegerField(
        label=_("Multiple choice: at most this many"), min_value=1, initial=1, required=False
    )
    secret = forms.BooleanField(label=_("Secret ballot"), initial=True, required=False)
    opens_at = forms.DateTimeField(
        label=_("Opens (empty: now)"), widget=DateTimeInput(), required=False
    )
    closes_at = forms.DateTimeField(label=_("Closes"), widget=DateTimeInput())
    quorum_percent = forms.IntegerField(
        label=_("Quorum (% of the electorate; empty: village default)"),
        min_value=0,
        max_value=100,
        required=False,
    )
    pass_rule = forms.ChoiceField(
        label=_("Pass rule"),
        choices=[("", _("village default")), *PassRule.choices],
        required=False,
    )


class DefaultsForm(forms.Form):
    quorum_percent = forms.IntegerField(label=_("Quorum (%)"), min_value=0, max_value=100)
    pass_rule = forms.ChoiceField(label=_("Pass rule"), choices=PassRule.choices)


class PaperTallyForm(forms.Form):
    photo = forms.FileField(label=_("Photo of the tally sheet"))
    note = forms.CharField(label=_("Note"), max_length=500, required=False)

    def __init__(self, *args: Any, options: list[Any], roll: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for option in options:
            self.fields[f"count_{option.pk}"] = forms.IntegerField(
                label=option.label, min_value=0, initial=0
            )
        self.fields["voters"] = forms.MultipleChoiceField(
            label=_("Residents who voted on paper"),
            choices=[(e.user_id, e.user.name) for e in roll],
            widget=forms.CheckboxSelectMultiple,
        )
        self.order_fields(["voters", *[f"count_{o.pk}" for o in options], "photo", "note"])

    def counts(self) -> dict[int, int]:
        return {
            int(name.removeprefix("count_")): value
            for name, value in self.cleaned_data.items()
            if name.startswith("count_")
        }
