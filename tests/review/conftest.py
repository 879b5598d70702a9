"""Fixtures for the batch review tests (builders in ``review_helpers``)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from assistant.config import Settings

# The helpers module sits next to this file; make it importable however pytest is started (one file or all).
sys.path.insert(0, str(Path(__file__).parent))
from review_helpers import build_submissions  # noqa: E402


@pytest.fixture(scope="session")
def submissions(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    folder = tmp_path_factory.mktemp("inzendingen") / "inzendingen"
    return folder, build_submissions(folder)


@pytest.fixture(scope="session")
def motion_records():
    from assistant.review.history import records_from_corpus

    records, _ = records_from_corpus(Settings())
    return records


@pytest.fixture()
def review_settings(tmp_path) -> Settings:
    return Settings(data_dir=tmp_path / "data")
