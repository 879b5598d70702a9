"""Fixtures for the corpus tests: the two bundled meeting packages processed once per session (≈0.5 s)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.config import REPO_ROOT, Settings
from assistant.corpus.pipeline import process_file

F0 = REPO_ROOT / "corpus" / "2019-11-29-balv-vergaderstukken.txt"
F1 = REPO_ROOT / "corpus" / "2024-06-26-alv-vergaderstukken.txt"


@pytest.fixture(scope="session")
def corpus_settings() -> Settings:
    return Settings(repo_root=REPO_ROOT, corpus_dir=REPO_ROOT / "corpus")


@pytest.fixture(scope="session")
def f0(corpus_settings):
    return process_file(F0, corpus_settings)


@pytest.fixture(scope="session")
def f1(corpus_settings):
    return process_file(F1, corpus_settings)


@pytest.fixture(scope="session")
def source_lines() -> dict[str, list[str]]:
    return {path.name: path.read_text(encoding="utf-8").split("\n") for path in (F0, F1)}


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path
