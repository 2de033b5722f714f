"""Phone numbers are stored in E.164 (+8613800000001); people type them as 13800000001."""

import phonenumbers
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def normalize_phone(raw: str) -> str:
    """Return the E.164 form of a phone number, or raise ValidationError in Chinese."""
    text = "".join(ch for ch in (raw or "") if not ch.isspace() and ch not in "-()")
    if not text:
        raise ValidationError(_("Please enter a phone number."), code="required")
    try:
        number = phonenumbers.parse(text, settings.PHONE_DEFAULT_REGION)
    except phonenumbers.NumberParseException as exc:
        raise ValidationError(_("This is not a valid phone number."), code="invalid") from exc
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(_("This is not a valid phone number."), code="invalid")
    # Logins and notices go by SMS: only mainland China mobile numbers can receive them.
    mobile = {
        phonenumbers.PhoneNumberType.MOBILE,
        phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
    }
    if (
        phonenumbers.region_code_for_number(number) != "CN"
        or phonenumbers.number_type(number) not in mobile
    ):
        raise ValidationError(_("Please enter a mainland China mobile number."), code="not_mobile")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def mask_phone(phone: str) -> str:
    """+8613800000001 → 138****0001, for showing a number to its owner without shoulder-surfing."""
    national = phone[3:] if phone.startswith("+86") else phone
    return national[:3] + "****" + national[-4:] if len(national) >= 8 else national
