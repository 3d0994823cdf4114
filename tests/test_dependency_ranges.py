"""The dependency ranges pyproject.toml declares are the ones CI tests: the lowest
versions pinned in constraints-lowest.txt (installed by .ci/run in a second venv) are the
lower bounds, one for one."""

from __future__ import annotations

import re

from tests.conftest import ROOT

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]


def _lower_bounds() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    bounds = {}
    for requirement in project["dependencies"]:
        match = re.match(r"^([A-Za-z0-9_.-]+)\s*>=\s*([0-9][0-9.]*)", requirement)
        assert match, f"{requirement!r} has no lower bound (>=): CI could not test it"
        bounds[match.group(1).lower()] = match.group(2)
    return bounds


def _pinned() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "constraints-lowest.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, version = re.match(r"^([A-Za-z0-9_.-]+)==([0-9.]+)", line).groups()
            pins[name.lower()] = version
    return pins


def _same(declared: str, pinned: str) -> bool:
    """``5.4`` and ``5.4.0`` are one version."""
    return declared.split(".") == pinned.split(".")[: len(declared.split("."))] and all(
        part == "0" for part in pinned.split(".")[len(declared.split(".")) :]
    )


def test_every_lower_bound_is_pinned_for_the_lowest_run():
    bounds, pins = _lower_bounds(), _pinned()
    assert set(bounds) == set(pins)
    for name, version in bounds.items():
        assert _same(version, pins[name]), f"{name}: pyproject says >={version}, pin {pins[name]}"


def test_ci_runs_the_suite_on_the_lowest_versions():
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "-c constraints-lowest.txt" in script
