"""/healthz: is every store this process depends on reachable?"""

import asyncio
import uuid
from collections.abc import Callable

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache

from config.celery import app as celery_app


def check_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache() -> None:
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "ok", 10)
    if cache.get(key) != "ok":
        raise RuntimeError("cache did not return what was stored")
    cache.delete(key)


def check_channel_layer() -> None:
    layer = get_channel_layer()
    if layer is None:
        raise RuntimeError("no channel layer configured")

    async def round_trip() -> dict:
        channel = await layer.new_channel()
        await layer.send(channel, {"type": "health.ping"})
        return await asyncio.wait_for(layer.receive(channel), timeout=2)

    if async_to_sync(round_trip)().get("type") != "health.ping":
        raise RuntimeError("channel layer did not deliver")


def check_broker() -> None:
    if celery_app.conf.task_always_eager:
        return  # tasks run inline; there is no broker to reach
    with celery_app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, timeout=2)


CHECKS: dict[str, Callable[[], None]] = {
    "database": check_database,
    "cache": check_cache,
    "channel_layer": check_channel_layer,
    "broker": check_broker,
}


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    results: dict[str, dict[str, str]] = {}
    for name, check in CHECKS.items():
        try:
            check()
        except Exception as exc:  # any failure means "down"; say which and why
            results[name] = {"status": "down", "error": type(exc).__name__}
        else:
            results[name] = {"status": "up"}
    down = [name for name, result in results.items() if result["status"] == "down"]
    body = {
        "status": "down" if down else "up",
        "down": down,
        "checks": results,
        "mode": {
            "database": settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1],
            "celery": "eager" if celery_app.conf.task_always_eager else "broker",
        },
    }
    return JsonResponse(body, status=503 if down else 200)
