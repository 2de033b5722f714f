"""The production overlay: refuses to start without real secrets, passes check --deploy."""

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

REAL_SECRET = "k3J9-vX2q_Lm8Rt5Yw1Zp7Nc4Hb6Gd0Fs3Qa9We2Ur5Ty8Io1Pl4Kj7Mn0Bv6Cx3"


def manage(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    inherited = {"DATABASE_URL", "REDIS_URL", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {k: v for k, v in os.environ.items() if k not in inherited}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=Path(settings.BASE_DIR),
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


PRODUCTION = {
    "DJANGO_ENV": "production",
    "SECRET_KEY": REAL_SECRET,
    "ALLOWED_HOSTS": "shangliang.example.cn",
    "DATABASE_URL": "sqlite:////tmp/youshi-check.sqlite3",
    "REDIS_URL": "redis://127.0.0.1:6379/15",
}


def test_production_settings_pass_the_deployment_check() -> None:
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_turns_debug_off_and_cookies_secure() -> None:
    code = (
        "from django.conf import settings as s;"
        "print(s.DEBUG, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS > 0)"
    )
    result = manage("shell", "-c", code, **PRODUCTION)
    assert result.stdout.splitlines()[-1].split() == ["False", "True", "True", "True"], (
        result.stderr
    )


def test_production_refuses_to_start_without_a_real_secret() -> None:
    for secret in ["", "dev-only-insecure-key-do-not-deploy", "short"]:
        result = manage("check", **{**PRODUCTION, "SECRET_KEY": secret})
        assert result.returncode != 0
        assert "SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_its_servers() -> None:
    for missing in ["DATABASE_URL", "REDIS_URL", "ALLOWED_HOSTS"]:
        env = {k: v for k, v in PRODUCTION.items() if k != missing}
        result = manage("check", **env)
        assert result.returncode != 0
        assert missing in result.stderr


def test_a_malformed_boolean_is_refused() -> None:
    result = manage("check", DEBUG="perhaps")
    assert result.returncode != 0
    assert "DEBUG must be a boolean" in result.stderr


def test_production_borrows_postgresql_connections_from_a_sized_pool() -> None:
    code = (
        "from django.conf import settings as s; d = s.DATABASES['default'];"
        "print(d['CONN_MAX_AGE'], d['OPTIONS']['pool'])"
    )
    env = {
        **PRODUCTION,
        "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/youshi",
        "DB_POOL_MAX": "6",
    }
    result = manage("shell", "-c", code, **env)
    assert result.stdout.splitlines()[-1] == "0 {'min_size': 2, 'max_size': 6, 'timeout': 10}", (
        result.stderr
    )


def test_the_pool_is_off_in_development_unless_asked_for() -> None:
    code = (
        "from django.conf import settings as s;"
        "print('pool' in s.DATABASES['default'].get('OPTIONS', {}))"
    )
    env = {"DATABASE_URL": "postgres://postgres@127.0.0.1:5432/youshi"}
    assert manage("shell", "-c", code, **env).stdout.split()[-1] == "False"
    assert manage("shell", "-c", code, **env, DB_POOL="1").stdout.split()[-1] == "True"
