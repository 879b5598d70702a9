"""Fixtures for the drafting tests (draft builders in ``drafting_helpers``)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from assistant.drafts_store import DraftStore

# The helpers module sits next to this file; make it importable however pytest is started (one file or all).
sys.path.insert(0, str(Path(__file__).parent))


@pytest.fixture
def store(tmp_path) -> DraftStore:
    return DraftStore(tmp_path / "drafts.sqlite")
