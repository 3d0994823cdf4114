"""The pre-commit hook in .pre-commit-hooks.yaml, run for real with ``pre-commit try-repo``.

try-repo clones this checkout (HEAD plus staged and modified tracked files, through a
shadow commit), pip-installs it into a fresh hook environment from PyPI, and runs the
hook on a filing in a throwaway git repository: first the real seed with its two defects
(the hook must fail and name them), then the corrected seed (the hook must pass).

It needs the network to PyPI; set FILINGLINT_OFFLINE=1 to skip it. The manifest and the
configuration snippet in docs/pre-commit.md are also validated by pre-commit, offline.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEED

PRE_COMMIT = Path(sys.executable).parent / ("pre-commit.exe" if os.name == "nt" else "pre-commit")
TIMEOUT = 300  # seconds for one try-repo run, hook environment install included


def _env(tmp_path: Path) -> dict[str, str]:
    """The caller's environment without git's per-repository variables (set when pytest runs
    inside a git hook), with pre-commit's and filinglint's caches in the test's directory."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env["PRE_COMMIT_HOME"] = str(tmp_path / "pre-commit-home")
    env["FILINGLINT_CACHE_DIR"] = str(tmp_path / "filinglint-cache")
    return env


def _git(*args: str, cwd: Path, env: dict[str, str]) -> str:
    done = subprocess.run(
        ["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True
    )
    return done.stdout


def _try_repo(
    filing: str, cwd: Path, env: dict[str, str], hook: str = "filinglint"
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            str(PRE_COMMIT),
            "try-repo",
            str(ROOT),
            hook,
            "--files",
            filing,
            "--color",
            "never",
            "--verbose",
        ],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )


@pytest.fixture
def checkout_env(tmp_path: Path) -> dict[str, str]:
    """Preconditions, each a skip with its reason, and the environment for the runs."""
    if os.environ.get("FILINGLINT_OFFLINE") == "1":
        pytest.skip("FILINGLINT_OFFLINE=1: the hook environment is installed from PyPI")
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    if not PRE_COMMIT.exists():
        pytest.skip(
            f"pre-commit is not installed next to {sys.executable} (pip install -e '.[test]')"
        )
    env = _env(tmp_path)
    try:
        top = _git("rev-parse", "--show-toplevel", cwd=ROOT, env=env).strip()
    except subprocess.CalledProcessError:
        pytest.skip(f"{ROOT} is not a git checkout, which try-repo needs")
    if Path(top).resolve() != ROOT.resolve():
        pytest.skip(f"{ROOT} is not the top of its own git checkout (that is {top})")
    tracked = subprocess.run(
        ["git", "ls-files", "--error-unmatch", ".pre-commit-hooks.yaml"],
        cwd=ROOT,
        env=env,
        capture_output=True,
    )
    assert tracked.returncode == 0, (
        "try-repo sees only tracked files: `git add .pre-commit-hooks.yaml` (or commit it)"
    )
    return env


@pytest.mark.precommit
def test_hook_fails_on_the_seed_and_passes_once_corrected(
    tmp_path: Path, checkout_env: dict[str, str], clean_seed_text: str
):
    env = checkout_env
    work = tmp_path / "filings"
    work.mkdir()
    _git("init", "--quiet", cwd=work, env=env)
    _git("config", "user.name", "filinglint tests", cwd=work, env=env)
    _git("config", "user.email", "tests@filinglint.invalid", cwd=work, env=env)
    filing = work / SEED.name
    shutil.copyfile(SEED, filing)
    _git("add", SEED.name, cwd=work, env=env)

    failed = _try_repo(SEED.name, work, env)
    output = failed.stdout + failed.stderr
    assert failed.returncode == 1, output
    assert "filinglint" in output and "Failed" in output, output
    assert "FEE001 [fee-mismatch]" in output, output
    assert "EXH001 [exhibit-index-mismatch]" in output, output

    # The fix hook applies safe fixes only: the seed's fee is settled by the filing (its
    # rate was in force, its valuation is its count × price), so it is fixed; the exhibit
    # title is not (no fix knows which title is right), so the hook still fails.
    before = filing.read_text(encoding="utf-8")
    fixing = _try_repo(SEED.name, work, env, hook="filinglint-fix")
    output = fixing.stdout + fixing.stderr
    assert fixing.returncode == 1, output
    assert "EXH001 [exhibit-index-mismatch]" in output and "Fixed 1 finding." in output, output
    assert filing.read_text(encoding="utf-8") == before.replace("$203.00", "$202.25", 1)

    filing.write_text(clean_seed_text, encoding="utf-8")  # "$202.25", "Form of Notice"
    _git("add", SEED.name, cwd=work, env=env)

    passed = _try_repo(SEED.name, work, env)
    output = passed.stdout + passed.stderr
    assert passed.returncode == 0, output
    assert "Passed" in output and "FEE001" not in output, output


def _validate(kind: str, path: Path) -> subprocess.CompletedProcess[str]:
    if not PRE_COMMIT.exists():
        pytest.skip(
            f"pre-commit is not installed next to {sys.executable} (pip install -e '.[test]')"
        )
    return subprocess.run(
        [str(PRE_COMMIT), f"validate-{kind}", str(path)], capture_output=True, text=True
    )


def test_hook_manifest_is_valid():
    done = _validate("manifest", ROOT / ".pre-commit-hooks.yaml")
    assert done.returncode == 0, done.stdout + done.stderr


def test_documented_config_is_valid_and_names_the_hook(tmp_path: Path):
    doc = (ROOT / "docs" / "pre-commit.md").read_text(encoding="utf-8")
    snippet = next(b for b in re.findall(r"```yaml\n(.*?)```", doc, re.S) if b.startswith("repos:"))
    assert "- id: filinglint" in snippet
    config = tmp_path / ".pre-commit-config.yaml"
    config.write_text(snippet, encoding="utf-8")
    done = _validate("config", config)
    assert done.returncode == 0, done.stdout + done.stderr
    manifest = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert re.search(r"^- id: filinglint$", manifest, re.M)


def test_every_hook_sends_every_extension_check_walks():
    """A hook whose `files` leaves out an extension `check` walks (.nc) skips those filings."""
    from filinglint.cli.walk import EXTENSIONS

    manifest = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    patterns = re.findall(r"^\s*files:\s*'([^']*)'", manifest, re.M)
    hooks = re.findall(r"^- id: ", manifest, re.M)
    assert len(patterns) == len(hooks) >= 2
    for pattern in patterns:
        for extension in EXTENSIONS:
            assert re.search(pattern, f"filings/a{extension.upper()}"), (pattern, extension)
            assert re.search(pattern, f"filings/a{extension}"), (pattern, extension)
        assert not re.search(pattern, "filings/a.pdf")
