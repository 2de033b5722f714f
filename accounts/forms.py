from typing import Any

from allauth.account.forms import LoginForm as BaseLoginForm
from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.actions import REASON_MAX
from accounts.regions import labelled_regions


class LoginForm(BaseLoginForm):
    """allauth's login form, with a label that says what to type."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["login"].label = _("Phone number or email")
        self.fields["login"].widget.attrs.update(
            {"placeholder": "13800000000", "autocomplete": "username"}
        )


class SignupExtraForm(forms.Form):
    """Fields allauth's sign-up form lacks. allauth calls signup() after creating the user."""

    display_name = forms.CharField(
        label=_("Your name"),
        max_length=40,
        help_text=_("How neighbours will see you, e.g. 王大爷 or 李梅."),
    )

    def signup(self, request: Any, user: Any) -> None:
        user.display_name = self.cleaned_data["display_name"].strip()
        user.save(update_fields=["display_name"])


class JoinRequestForm(forms.Form):
    region = forms.TypedChoiceField(label=_("Village or community"), coerce=int)
    note = forms.CharField(
        label=_("Note to the committee (optional)"),
        max_length=REASON_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example your address or household, to help the committee check."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        places = [(region.pk, label) for region, label in labelled_regions(joinable_only=True)]
        field = self.fields["region"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", _("Choose a place")), *places]


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("approve", _("Approve")), ("reject", _("Reject"))],
        error_messages={
            "required": _("Please choose approve or reject."),
            "invalid_choice": _("Please choose approve or reject."),
        },
    )
    reason = forms.CharField(
        label=_("Reason"),
        max_length=REASON_MAX,
        required=False,
        error_messages={"max_length": _("The reason is too long (200 characters at most).")},
    )
