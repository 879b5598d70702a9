"""Per-session Streamlit wiring: who is logged in (see ``auth.py`` for the modes) and the login screen."""

from __future__ import annotations

import streamlit as st

from assistant.config import Settings
from assistant.ui import auth

USER_KEY = "app_user"


def _oidc_claims() -> dict:
    try:
        return st.user.to_dict()
    except Exception:  # noqa: BLE001 - no [auth] section configured: treat as logged out
        return {}


def resolve_user(settings: Settings) -> auth.AppUser | None:
    """The current user, or None when the deployment requires a login that has not happened."""
    if settings.auth_mode == "oidc":
        return auth.user_from_oidc(_oidc_claims())
    if settings.auth_mode == "header":
        return auth.user_from_headers(dict(st.context.headers), settings.auth_header, settings.auth_role_header)
    return auth.local_user()


def current_user() -> auth.AppUser:
    """The user resolved for this run by ``main.run`` (pages call this)."""
    return st.session_state.get(USER_KEY) or auth.local_user()


def render_login(settings: Settings) -> None:
    """What a visitor sees before logging in."""
    st.title("Motie-assistent")
    if settings.auth_mode == "oidc":
        st.write("Meld u aan met uw organisatie-account om de Motie-assistent te gebruiken.")
        st.button("Aanmelden", type="primary", on_click=st.login)
    else:
        st.error(
            "U bent niet aangemeld. Deze installatie verwacht dat een beveiligde proxy uw gebruikersnaam doorgeeft "
            f"(kop '{settings.auth_header}'). Neem contact op met de beheerder."
        )
