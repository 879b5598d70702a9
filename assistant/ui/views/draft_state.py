"""The open draft of one editor page, kept across reruns and restored after a refresh.

``st.session_state`` holds the ``DraftSession``; widget keys carry the draft id and a revision number, so when the
draft changes from outside a widget (a suggestion accepted, a version restored, another draft opened) the widgets
are created afresh from the model instead of showing stale text.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from assistant.config import Settings
from assistant.errors import UserFacingError


@st.cache_resource(show_spinner=False)
def _store(path: str):
    """One store object per database file (it opens a short connection per operation, so threads may share it)."""
    from assistant.drafts_store import DraftStore

    return DraftStore(path)


class DraftState:
    def __init__(self, kind: str, settings: Settings, user_id: str):
        self.kind = kind
        self.settings = settings
        self.user_id = user_id
        self._session_key = f"draft-{kind}-{user_id}"
        self._revision_key = f"draft-rev-{kind}"
        self._error_key = f"draft-error-{kind}"

    # the store and the open session

    def store(self):
        return _store(str(self.settings.resolved_drafts_db))

    def drafts(self) -> list:
        return [d for d in self.store().list(user=self.user_id) if d.kind == self.kind]

    def session(self):
        """The open draft; after a refresh or restart, the most recently changed draft of this kind."""
        draft = st.session_state.get(self._session_key)
        if draft is None:
            latest = self.drafts()
            if latest:
                draft = self._open_session(latest[0].draft_id)
        return draft

    @property
    def draft_id(self) -> str | None:
        draft = self.session()
        return draft.draft_id if draft is not None else None

    def _open_session(self, draft_id: str):
        from assistant.drafting import DraftSession

        draft = DraftSession.open(draft_id, store=self.store(), user=self.user_id, settings=self.settings)
        st.session_state[self._session_key] = draft
        self.bump()
        return draft

    def open(self, draft_id: str) -> None:
        self._open_session(draft_id)

    def start(self, alv_date: dt.date, gemeente: str) -> None:
        from assistant.drafting import DraftSession

        draft = DraftSession.new(self.kind, alv_date=alv_date, gemeente=gemeente, store=self.store(),
                                 user=self.user_id, settings=self.settings)
        st.session_state[self._session_key] = draft
        self.bump()

    def delete(self) -> None:
        draft = self.session()
        if draft is not None:
            self.store().delete(draft.draft_id, user=self.user_id)
        st.session_state.pop(self._session_key, None)
        self.bump()

    # widgets

    def bump(self) -> None:
        st.session_state[self._revision_key] = st.session_state.get(self._revision_key, 0) + 1

    def key(self, *parts) -> str:
        revision = st.session_state.get(self._revision_key, 0)
        return ":".join(str(p) for p in (self.kind, self.draft_id, revision, *parts))

    def apply(self, action, *args, refresh_widgets: bool = False, **kwargs) -> None:
        """Run a change on the draft (from a widget callback); a Dutch error is shown on the next run."""
        try:
            action(*args, **kwargs)
        except UserFacingError as error:
            st.session_state[self._error_key] = str(error)
        if refresh_widgets:
            self.bump()

    def show_pending_error(self) -> None:
        message = st.session_state.pop(self._error_key, None)
        if message:
            st.error(message)
