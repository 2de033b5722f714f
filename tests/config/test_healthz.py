import pytest
from django.db import OperationalError
from django.test import Client, override_settings

from config import health
from config.celery import app as celery_app


def test_it_is_up_when_every_store_answers(db: None) -> None:
    response = Client().get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "up"
    assert set(body["checks"]) == {"database", "cache", "channel_layer", "broker"}
    assert body["down"] == []


UNREACHABLE_REDIS = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
    }
}


def test_it_names_an_unreachable_cache(db: None) -> None:
    with override_settings(CACHES=UNREACHABLE_REDIS):
        response = Client().get("/healthz")
    assert response.status_code == 503
    assert response.json()["down"] == ["cache"]


def test_it_names_an_unreachable_broker(db: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(celery_app.conf, "task_always_eager", False)
    monkeypatch.setitem(celery_app.conf, "broker_url", "redis://127.0.0.1:1/0")
    monkeypatch.setitem(celery_app.conf, "broker_write_url", None)
    response = Client().get("/healthz")
    assert response.status_code == 503
    assert response.json()["down"] == ["broker"]


def test_it_names_a_database_that_does_not_answer(
    db: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse() -> None:
        raise OperationalError("connection refused")

    monkeypatch.setitem(health.CHECKS, "database", refuse)
    response = Client().get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["down"] == ["database"]
    assert body["checks"]["database"] == {"status": "down", "error": "OperationalError"}


def test_it_is_never_cached(db: None) -> None:
    assert "no-cache" in Client().get("/healthz")["Cache-Control"]


def test_it_names_an_unreachable_channel_layer(db: None) -> None:
    broken = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {"hosts": ["redis://127.0.0.1:1/0"]},
        }
    }
    with override_settings(CHANNEL_LAYERS=broken):
        response = Client().get("/healthz")
    assert response.status_code == 503
    assert response.json()["down"] == ["channel_layer"]
