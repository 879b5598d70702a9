"""AppTest helpers: run ``app.py`` headless with settings pointed at a temporary data directory (and, for pages
that need it, at the session's bundled test index)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.config import get_settings

REPO_ROOT = Path(__file__).resolve().parents[2]
APP_PATH = REPO_ROOT / "app.py"
PAGES = {
    "vragen": "assistant/ui/pages/vragen.py",
    "motie": "assistant/ui/pages/motie_opstellen.py",
    "amendement": "assistant/ui/pages/amendement_opstellen.py",
    "toetsen": "assistant/ui/pages/toetsen.py",
    "termijnen": "assistant/ui/pages/termijnen.py",
    "bronnen": "assistant/ui/pages/bronnen.py",
}
TIMEOUT_S = 60  # the first run in a process opens the index (Chroma + embedder)


def _use_env(monkeypatch, **values: str) -> None:
    for name, value in values.items():
        monkeypatch.setenv(f"MOTIE_{name.upper()}", str(value))
    get_settings.cache_clear()


@pytest.fixture
def app_settings(tmp_path, monkeypatch):
    """Settings with a fresh data directory (uploads, drafts, registry additions land there)."""
    _use_env(monkeypatch, data_dir=tmp_path / "data", auth_mode="none")
    yield get_settings()
    get_settings.cache_clear()


def _open_page(page: str | None = None, *, user: dict | None = None, query_params: dict | None = None):
    """Run the app once (the shell), then switch to ``page`` and run it."""
    from streamlit.testing.v1 import AppTest

    app = AppTest.from_file(str(APP_PATH), default_timeout=TIMEOUT_S)
    if user is not None:
        app.user = user
    if query_params:
        app.query_params.update(query_params)
    app.run()
    if page:
        app.switch_page(PAGES[page]).run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def _texts(app) -> str:
    """All visible text of a run (markdown, captions, alerts, headings) in one string, for simple assertions."""
    parts = [m.value for m in app.markdown] + [c.value for c in app.caption]
    for kind in ("title", "header", "subheader", "success", "error", "warning", "info"):
        parts.extend(str(e.value) for e in getattr(app, kind))
    return "\n".join(parts)


@pytest.fixture
def open_page():
    """``open_page("termijnen", user=..., query_params=...) -> AppTest`` (already run, no exception)."""
    return _open_page


@pytest.fixture
def texts():
    return _texts


@pytest.fixture
def indexed_app_settings(bundled_index_settings, tmp_path, monkeypatch):
    """Like ``app_settings``, with the index pointed at the session's bundled test index (built once)."""
    _use_env(monkeypatch, data_dir=tmp_path / "data", index_dir=bundled_index_settings.resolved_index_dir,
             auth_mode="none")
    yield get_settings()
    get_settings.cache_clear()
