"""Texts of the notifications about people and places."""

from typing import Any

from django.utils.translation import gettext as _

from accounts.models import Membership, MembershipStatus
from core.notify import renderer


@renderer("membership_requested")
def membership_requested(user: Any, data: dict[str, Any]) -> str | None:
    membership = (
        Membership.objects.select_related("region", "user")
        .filter(pk=int(data.get("membership_id") or 0), status=MembershipStatus.PENDING)
        .first()
    )
    if membership is None:
        return None
    return _("[有事好商量] %(name)s asks to join %(place)s. Please review it under 我的.") % {
        "name": membership.user.name,
        "place": membership.region.name,
    }


@renderer("membership_decided")
def membership_decided(user: Any, data: dict[str, Any]) -> str | None:
    membership = (
        Membership.objects.select_related("region")
        .filter(pk=int(data.get("membership_id") or 0), user=user)
        .first()
    )
    if membership is None:
        return None
    if membership.status == MembershipStatus.REVOKED:
        return _("[有事好商量] Your role at %(place)s was withdrawn. %(reason)s") % {
            "place": membership.region.name,
            "reason": membership.reason,
        }
    if membership.status == MembershipStatus.APPROVED:
        return _("[有事好商量] Your request to join %(place)s was approved.") % {
            "place": membership.region.name
        }
    return _("[有事好商量] Your request to join %(place)s was not approved: %(reason)s") % {
        "place": membership.region.name,
        "reason": membership.reason,
    }
