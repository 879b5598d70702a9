"""Heavy, process-wide objects for the app, loaded once (``st.cache_resource``) and shared by all sessions.

The index reader (chunks, BM25, Chroma, embedder) and the answering engine built on it are keyed by the index
folder and its generation, so a re-ingest from the Bronnen page makes the next run pick up the new generation.
Loading includes one warm-up question, so the first real question after start-up is answered quickly.
"""

from __future__ import annotations

import streamlit as st

from assistant.config import Settings, get_settings

# A question that goes to retrieval (not to the rule engine), so the warm-up loads the dense embedder too.
WARM_UP_QUESTION = "Wat staat er in de notulen over aangehouden moties?"


def settings() -> Settings:
    """The process settings (environment > motie.toml > defaults), read once per process."""
    return get_settings()


def current_generation(app_settings: Settings) -> str:
    """The generation the index folder points at now ("" when there is no index yet). Cheap: one small file."""
    from assistant.index.generations import current_generation as generation_of  # light: json + os only

    return generation_of(app_settings) or ""


@st.cache_resource(show_spinner=False, max_entries=2)
def _engine_for(index_dir: str, generation: str, _settings: Settings):
    from assistant.answer import AskEngine
    from assistant.index.reader import open_index

    engine = AskEngine(_settings, reader=open_index(_settings))
    engine.ask(WARM_UP_QUESTION)  # loads the embedder and touches every index structure once
    if engine.reader.dense_available:
        engine.reader.dense_search(WARM_UP_QUESTION, 1)
    return engine


def ask_engine(app_settings: Settings | None = None):
    """The answering engine over the current index generation (raises ``IndexMissingError`` without an index)."""
    app_settings = app_settings or settings()
    generation = current_generation(app_settings)
    return _engine_for(str(app_settings.resolved_index_dir), generation, app_settings)


def index_reader(app_settings: Settings | None = None):
    """The open index of the current generation (shared with the answering engine)."""
    return ask_engine(app_settings).reader


def forget_index() -> None:
    """Drop the cached engine and reader (after a re-ingest)."""
    from assistant.index.reader import clear_reader_cache

    _engine_for.clear()
    clear_reader_cache()
