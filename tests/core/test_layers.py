"""The dependency rule holds in CI: an app imports only from the layers below it.

import-linter reads the contract from pyproject.toml; these tests prove that the real tree
keeps it, that an upward import (even inside a function) breaks it, and that every app is
covered by it.
"""

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

from django.conf import settings

BASE = Path(settings.BASE_DIR)
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--no-logo"],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


def contract() -> dict:
    return tomllib.loads((BASE / "pyproject.toml").read_text())["tool"]["importlinter"]


def apps_on_disk() -> set[str]:
    return {path.parent.name for path in BASE.glob("*/apps.py")} | {"config"}


def copy_of_the_project(tmp_path: Path) -> Path:
    """pyproject.toml and the Python files of every app: what import-linter reads."""
    shutil.copy(BASE / "pyproject.toml", tmp_path / "pyproject.toml")
    for name in contract()["root_packages"]:
        shutil.copytree(
            BASE / name, tmp_path / name, ignore=shutil.ignore_patterns("locale", "static")
        )
    return tmp_path


def test_the_real_tree_keeps_the_layers() -> None:
    result = lint_imports(BASE)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout


def test_a_low_app_importing_a_high_one_fails_lint(tmp_path: Path) -> None:
    project = copy_of_the_project(tmp_path)
    with (project / "core" / "parse.py").open("a") as module:
        module.write("\n\ndef sneaky() -> None:\n    import cms  # noqa\n")
    result = lint_imports(project)
    assert result.returncode != 0
    assert "core is not allowed to import cms" in result.stdout
    assert "core.parse -> cms" in result.stdout


def test_siblings_stay_independent(tmp_path: Path) -> None:
    project = copy_of_the_project(tmp_path)
    with (project / "rooms" / "queries.py").open("a") as module:
        module.write("\nfrom ballots import models as _ballots  # noqa\n")
    result = lint_imports(project)
    assert result.returncode != 0
    assert "rooms is not allowed to import ballots" in result.stdout


def test_every_app_is_in_the_contract() -> None:
    """A new app (referrals, insight…) must join root_packages and take its layer."""
    config = contract()
    layers = " | ".join(config["contracts"][0]["layers"]).replace("(", "").replace(")", "")
    named = {name.strip() for name in layers.split("|")}
    assert apps_on_disk() <= set(config["root_packages"])
    assert set(config["root_packages"]) <= named
    assert {"referrals", "insight"} <= named
