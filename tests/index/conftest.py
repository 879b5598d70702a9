"""Fixtures for index tests: small synthetic corpora in tmp dirs, settings pointing there, a ``process_file`` spy.

The helpers are exposed as fixtures (``topics``, ``vng``, ``write_corpus``, ``settings_for``) because the suite runs
with ``--import-mode=importlib``, where test modules cannot import a sibling helper module.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.config import Settings

def vng(text: str) -> str:
    """A file the structure-aware pipeline recognises as one VNG document (a MEDEDELING), whatever else it does."""
    return "MEDEDELING\n\n" + text


TOPICS = {
    "motie.txt": vng("Een motie moet uiterlijk negen werkdagen voor de ALV worden ingediend bij het VNG-bureau.\n"
                     "De motie wordt ondertekend door de burgemeester namens het college.\n"),
    "begroting.txt": vng("De begroting 2025 van de vereniging wordt door de ledenvergadering vastgesteld.\n"
                         "De contributie stijgt met drie procent.\n"),
    "locatie.md": vng("De vergadering vindt plaats in het congrescentrum in Hazerswoude-Dorp.\n"
                      "Parkeren kan op het terrein naast de zaal.\n"),
}


def write_corpus(directory: Path, files: dict[str, str] | None = None) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for name, text in (files or TOPICS).items():
        (directory / name).write_text(text, encoding="utf-8")
    return directory


def settings_for(root: Path, embedder: str = "minilm-test", **changes) -> Settings:
    """A private repo root with its own corpus/, data dir and committed-cache dir (never the real repository)."""
    base = Settings(repo_root=root, corpus_dir=root / "corpus", data_dir=root / "data",
                    embedding_cache_dir=root / "corpus" / ".embeddings", embedder=embedder, chroma_mode="embedded")
    return base.replace(**changes) if changes else base


@pytest.fixture
def topics() -> dict[str, str]:
    return dict(TOPICS)


@pytest.fixture(name="vng")
def vng_fixture():
    return vng


@pytest.fixture(name="write_corpus")
def write_corpus_fixture():
    return write_corpus


@pytest.fixture(name="settings_for")
def settings_for_fixture():
    return settings_for


@pytest.fixture
def corpus_root(tmp_path) -> Path:
    write_corpus(tmp_path / "corpus")
    return tmp_path


@pytest.fixture
def read_spy(monkeypatch):
    """Wraps the real ``process_file`` and records which files were read."""
    from assistant.corpus import pipeline

    calls: list[str] = []
    real = pipeline.process_file

    def spy(path, settings):
        calls.append(Path(path).name)
        return real(path, settings)

    monkeypatch.setattr(pipeline, "process_file", spy)
    return calls
