"""App shell: page config, who the user is, the page navigation and the sidebar. Pages live in ``views/``; the
files in ``pages/`` are the thin entry scripts ``st.navigation`` runs (file pages, so AppTest can switch to them)."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from assistant.ui import resources, session, sidebar, style

PAGES_DIR = Path(__file__).resolve().parent / "pages"


def _page(file: str, title: str, url_path: str, *, default: bool = False) -> st.Page:
    return st.Page(PAGES_DIR / file, title=title, url_path=url_path, default=default)


def build_pages() -> list[st.Page]:
    """The navigation, in the order of the users' tasks. A flat list on purpose: Streamlit's sectioned sidebar
    navigation renders invalid list markup (``<div>`` inside ``<ul>``), which screen readers and axe reject.
    Every role sees every page; what a role may do is decided on the page (review, upload, registry)."""
    return [
        _page("vragen.py", "Vragen", "vragen", default=True),
        _page("motie_opstellen.py", "Motie opstellen", "motie-opstellen"),
        _page("amendement_opstellen.py", "Amendement opstellen", "amendement-opstellen"),
        _page("toetsen.py", "Toetsen", "toetsen"),
        _page("termijnen.py", "Termijnen", "termijnen"),
        _page("bronnen.py", "Bronnen", "bronnen"),
    ]


def run() -> None:
    st.set_page_config(page_title="Motie-assistent", page_icon=":material/account_balance:", layout="wide")
    style.apply()
    try:
        settings = resources.settings()
    except ValueError as error:  # a typo in motie.toml or a MOTIE_* variable
        st.error(f"De configuratie kan niet worden gelezen: {error}")
        st.stop()
    user = session.resolve_user(settings)
    if user is None:
        session.render_login(settings)
        st.stop()
    st.session_state[session.USER_KEY] = user
    page = st.navigation(build_pages())
    sidebar.render(settings, user, resources.current_generation(settings))
    page.run()
