"""Who is using the app and what they may do.

Three modes (setting ``auth_mode``):

- ``none`` (default): one local user, ``lokaal``, with both roles; the app runs on the user's own machine.
- ``oidc``: Streamlit's built-in OpenID Connect login (``st.login``; provider configured in ``.streamlit/secrets.toml``
  under ``[auth]``). Roles come from the ``groups`` or ``roles`` claim of the ID token.
- ``header``: a reverse proxy that has already authenticated the user sets ``auth_header`` (default
  ``X-Forwarded-User``) and optionally ``auth_role_header`` (default ``X-Forwarded-Groups``, comma-separated). The
  app must then only be reachable through that proxy.

Two roles: *griffie/medewerker* (ask, draft, check one submission) and *concernstaf/beheer* (also batch review,
corpus upload and the meeting registry). Pure functions: the Streamlit wiring lives in ``session.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Mapping

ROLE_GRIFFIE = "griffie"
ROLE_CONCERNSTAF = "concernstaf"
ROLE_LABELS = {ROLE_GRIFFIE: "griffie/medewerker", ROLE_CONCERNSTAF: "concernstaf/beheer"}

# Group names as identity providers and proxies send them -> our role. Data, so a deployment can see what counts.
GROUP_TO_ROLE = {
    "griffie": ROLE_GRIFFIE,
    "griffier": ROLE_GRIFFIE,
    "medewerker": ROLE_GRIFFIE,
    "concernstaf": ROLE_CONCERNSTAF,
    "beheer": ROLE_CONCERNSTAF,
    "beheerder": ROLE_CONCERNSTAF,
    "admin": ROLE_CONCERNSTAF,
}
LOCAL_USER_ID = "lokaal"


@dataclass(frozen=True)
class AppUser:
    user_id: str  # stable key for per-user data (drafts); safe for file names and SQL
    display_name: str
    roles: frozenset[str]
    authenticated: bool  # False for the single local user

    @property
    def is_concernstaf(self) -> bool:
        return ROLE_CONCERNSTAF in self.roles

    @property
    def role_label(self) -> str:
        return ", ".join(ROLE_LABELS[r] for r in sorted(self.roles) if r in ROLE_LABELS) or "geen rol"


def local_user() -> AppUser:
    return AppUser(LOCAL_USER_ID, "Lokale gebruiker", frozenset({ROLE_GRIFFIE, ROLE_CONCERNSTAF}), False)


def user_key(identity: str) -> str:
    """A stable, safe key from an e-mail address or login name (lower case; odd characters replaced)."""
    key = re.sub(r"[^a-z0-9@._-]+", "_", identity.strip().lower())
    return key[:120] or LOCAL_USER_ID


def roles_from_groups(groups) -> frozenset[str]:
    """Map a group claim (list or comma/semicolon/space separated string) to roles; griffie when none match."""
    if isinstance(groups, str):
        items = re.split(r"[,;\s]+", groups)
    else:
        items = [str(g) for g in (groups or [])]
    roles = {GROUP_TO_ROLE[g.strip().lower()] for g in items if g.strip().lower() in GROUP_TO_ROLE}
    if ROLE_CONCERNSTAF in roles:
        roles.add(ROLE_GRIFFIE)  # beheer may do everything a griffier may
    return frozenset(roles or {ROLE_GRIFFIE})


def _header(headers: Mapping[str, str], name: str) -> str:
    wanted = name.lower()
    for key, value in headers.items():
        if key.lower() == wanted:
            return str(value).strip()
    return ""


def user_from_headers(headers: Mapping[str, str], user_header: str, role_header: str) -> AppUser | None:
    """The user a trusted reverse proxy announced, or None when the header is absent."""
    identity = _header(headers, user_header)
    if not identity:
        return None
    return AppUser(user_key(identity), identity, roles_from_groups(_header(headers, role_header)), True)


def user_from_oidc(claims: Mapping | None) -> AppUser | None:
    """The user Streamlit's OIDC login produced (``st.user``), or None when not logged in."""
    if not claims or not claims.get("is_logged_in"):
        return None
    identity = str(claims.get("email") or claims.get("preferred_username") or claims.get("sub") or "")
    if not identity:
        return None
    name = str(claims.get("name") or identity)
    groups = claims.get("groups") or claims.get("roles") or []
    return AppUser(user_key(identity), name, roles_from_groups(groups), True)
