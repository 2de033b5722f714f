"""allauth adapter: phone numbers live on our User; SMS codes go through core.sms."""

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.phones import normalize_phone
from core.sms import send_sms


class ChinesePhoneField(forms.CharField):
    """Accepts 13800000001, 138 0000 0001 or +8613800000001; cleans to E.164."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 20)
        kwargs.setdefault("label", _("Phone number"))
        super().__init__(**kwargs)
        self.widget.attrs.update(
            {"inputmode": "tel", "autocomplete": "tel", "placeholder": "13800000000"}
        )

    def clean(self, value: Any) -> str:
        value = super().clean(value)
        if not value and not self.required:
            return ""
        return normalize_phone(value)


class AccountAdapter(DefaultAccountAdapter):
    def phone_form_field(self, **kwargs: Any) -> forms.Field:
        return ChinesePhoneField(**kwargs)

    def clean_phone(self, phone: str) -> str:
        return normalize_phone(phone)

    def send_verification_code_sms(self, user: Any, phone: str, code: str, **kwargs: Any) -> None:
        text = _(
            "[有事好商量] Your code is %(code)s. It expires in a few minutes; share it with no one."
        )
        send_sms(phone, text % {"code": code})

    def send_unknown_account_sms(self, phone: str, **kwargs: Any) -> None:
        # Deliberately silent: the page answers the same either way (no enumeration),
        # and texting numbers that have no account would let anyone spam strangers.
        return None

    def send_account_already_exists_sms(self, phone: str) -> None:
        # Sign-up with a taken number looks like success (no enumeration); tell the owner.
        send_sms(
            phone,
            _(
                "[有事好商量] Someone tried to sign up with this number, "
                "which already has an account."
            ),
        )

    def set_phone(self, user: Any, phone: str, verified: bool) -> None:
        user.phone = phone
        user.phone_verified = verified
        if user.pk:
            user.save(update_fields=["phone", "phone_verified"])

    def get_phone(self, user: Any) -> tuple[str, bool] | None:
        return (user.phone, user.phone_verified) if user.phone else None

    def set_phone_verified(self, user: Any, phone: str) -> None:
        User.objects.filter(pk=user.pk, phone=phone).update(phone_verified=True)
        user.phone_verified = True

    def get_user_by_phone(self, phone: str) -> Any:
        # allauth passes the login field as typed (e.g. "138 0000 0001").
        try:
            phone = normalize_phone(phone)
        except ValidationError:
            return None
        return User.objects.filter(phone=phone, is_active=True).first()

    def populate_username(self, request: Any, user: Any) -> None:
        # People never choose a username; derive a unique one so the admin has a handle.
        if not user.username:
            user.username = self.generate_unique_username(
                [user.display_name, user.email, (user.phone or "")[-8:], "user"]
            )
