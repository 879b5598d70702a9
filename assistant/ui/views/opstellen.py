"""Motie opstellen / Amendement opstellen: the guided editor over ``assistant.drafting.DraftSession``.

Each part of the sjabloon is a field with, beside it, the sjabloon's guidance and the live findings for that part.
Every change is autosaved (``assistant.drafts_store``, per user) and re-validated. Above the form: the deadline
countdown and the overall verdict; below: phrase suggestions, "lijkt op", downloads and the version history.
"""

from __future__ import annotations

import streamlit as st

from assistant.errors import UserFacingError
from assistant.ui import resources, session
from assistant.ui.views import draft_panels, draft_parts
from assistant.ui.views.draft_state import DraftState

TITLES = {"motie": "Motie opstellen", "amendement": "Amendement opstellen"}
NEW_LABELS = {"motie": "Nieuwe motie", "amendement": "Nieuw amendement"}  # de motie, het amendement
INTROS = {
    "motie": "Stel een motie op in het VNG-sjabloon. Naast elk onderdeel staat wat het sjabloon vraagt en wat de "
    "controle ervan vindt. Alles wordt automatisch bewaard.",
    "amendement": "Stel een amendement op een voorstel ter besluitvorming op. Kies het voorstel, geef aan wat er "
    "geschrapt en ingevoegd wordt, en zie meteen het resultaat. Alles wordt automatisch bewaard.",
}


def _render_new_form(state: DraftState) -> None:
    from assistant.rules import meetings

    known = list(reversed(meetings.list_meetings(resources.settings())))
    with st.form(f"nieuw-{state.kind}"):
        st.markdown(f"**{NEW_LABELS[state.kind]}**")
        labels = [m.label for m in known]
        meeting = st.selectbox("Vergadering", labels, help="De ALV waarvoor u indient; voeg een nieuwe ALV toe op "
                               "de pagina Termijnen.")
        gemeente = st.text_input("Indienende gemeente", placeholder="bijvoorbeeld Renkum")
        if not st.form_submit_button("Nieuw concept starten", type="primary"):
            return
    try:
        state.start(known[labels.index(meeting)].date, gemeente)
    except UserFacingError as error:
        st.error(str(error))
        return
    st.rerun()


def _render_draft_picker(state: DraftState) -> None:
    from assistant.motions.template import is_placeholder

    drafts = state.drafts()
    if drafts:
        labels = {d.draft_id: f"{'(zonder titel)' if is_placeholder(d.titel) or not d.titel else d.titel} — "
                              f"{d.indiener} — bijgewerkt {d.updated_at[:16].replace('T', ' ')}" for d in drafts}
        ids = list(labels)
        current = ids.index(state.draft_id) if state.draft_id in ids else 0
        chosen = st.selectbox("Uw concepten", ids, index=current, format_func=labels.get, key=f"kies-{state.kind}")
        if chosen != state.draft_id:
            state.open(chosen)
            st.rerun()
    with st.expander(f"{NEW_LABELS[state.kind]} beginnen", expanded=not drafts):
        _render_new_form(state)


def render(kind: str) -> None:
    st.title(TITLES[kind])
    st.write(INTROS[kind])
    state = DraftState(kind, resources.settings(), session.current_user().user_id)
    _render_draft_picker(state)
    draft = state.session()
    if draft is None:
        return
    state.show_pending_error()
    validation = draft.validate()
    draft_panels.render_status(draft, validation)
    draft_parts.render_parts(state, draft, validation)
    draft_panels.render_suggestions(state, draft)
    draft_panels.render_similar(draft)
    draft_panels.render_downloads(draft, validation)
    draft_panels.render_history(state, draft)
