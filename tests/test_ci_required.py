"""The ``ci_required`` marker (tests/conftest.py): a skip stays a skip locally, but fails under CI=true."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT_CONFTEST = Path(__file__).resolve().parent / "conftest.py"

# An inner test session that loads the real hooks from tests/conftest.py (by path: it is not an importable module).
INNER_CONFTEST = f"""
import importlib.util
import pytest

_spec = importlib.util.spec_from_file_location("motie_tests_conftest", {str(ROOT_CONFTEST)!r})
_root = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_root)
pytest_configure = _root.pytest_configure
pytest_runtest_makereport = _root.pytest_runtest_makereport


@pytest.fixture
def missing_tool():
    pytest.skip("gereedschap ontbreekt")
"""

INNER_TESTS = """
import pytest


@pytest.mark.ci_required
def test_required_skips_in_body():
    pytest.skip("server niet geinstalleerd")


@pytest.mark.ci_required
def test_required_skips_in_fixture(missing_tool):
    pass


@pytest.mark.ci_required
def test_required_runs():
    assert True


def test_optional_skips():
    pytest.skip("mag overslaan")


@pytest.mark.ci_required
@pytest.mark.xfail(reason="bekend probleem")
def test_required_expected_failure():
    assert False
"""


def _run_inner(tmp_path: Path, **env: str) -> subprocess.CompletedProcess:
    (tmp_path / "conftest.py").write_text(textwrap.dedent(INNER_CONFTEST), encoding="utf-8")
    (tmp_path / "test_inner.py").write_text(INNER_TESTS, encoding="utf-8")
    clean = {k: v for k, v in os.environ.items() if k not in {"CI", "MOTIE_REQUIRE_CI_TESTS"}}
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-rA", "-p", "no:cacheprovider", str(tmp_path)],
                          cwd=tmp_path, env={**clean, **env}, capture_output=True, text=True, timeout=120)


def test_locally_a_required_test_may_skip_with_its_reason(tmp_path):
    result = _run_inner(tmp_path)
    assert result.returncode == 0, result.stdout
    assert "1 passed, 3 skipped, 1 xfailed" in result.stdout
    assert "server niet geinstalleerd" in result.stdout and "gereedschap ontbreekt" in result.stdout


@pytest.mark.parametrize("switch", [{"CI": "true"}, {"MOTIE_REQUIRE_CI_TESTS": "1"}], ids=["CI", "lokaal"])
def test_in_ci_a_skipped_required_test_fails(tmp_path, switch):
    result = _run_inner(tmp_path, **switch)
    assert result.returncode == 1, result.stdout
    # A skip in the test body fails the test; a skip in a fixture fails its setup (pytest reports an error).
    assert "1 failed, 1 passed, 1 skipped, 1 xfailed, 1 error" in result.stdout
    assert "Verplicht in CI, maar overgeslagen: server niet geinstalleerd" in result.stdout
    assert "Verplicht in CI, maar overgeslagen: gereedschap ontbreekt" in result.stdout
    assert "FAILED test_inner.py::test_optional_skips" not in result.stdout

