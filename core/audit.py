"""Writing and reading the audit log (操作日志)."""

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from core.models import AuditEntry


def record(
    actor: Any,
    verb: str,
    target: models.Model,
    *,
    region: Any = None,
    reason: str = "",
    **data: Any,
) -> AuditEntry:
    """Append one entry. Call inside the action's transaction so both commit together."""
    return AuditEntry.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        verb=verb,
        target_type=ContentType.objects.get_for_model(target),
        target_id=target.pk,
        region=region,
        reason=reason,
        data=data,
    )


def entries_for(target: models.Model) -> models.QuerySet[AuditEntry]:
    return AuditEntry.objects.filter(
        target_type=ContentType.objects.get_for_model(target), target_id=target.pk
    ).select_related("actor")
