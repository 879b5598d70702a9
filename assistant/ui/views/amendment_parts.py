"""Amendment parts: pick the proposal (only amendable items; the others with the reason), then strike/replace or
insert passages of the proposal text, with a strike/insert preview of every change."""

from __future__ import annotations

import streamlit as st

from assistant.errors import UserFacingError
from assistant.ui.views.draft_state import DraftState

ACTIONS = {"Schrappen en vervangen": "vervangen", "Invoegen": "invoegen"}
DIFF_LEGEND = "Doorgehaald = geschrapt, onderstreept = ingevoegd."


def _agenda_item(state: DraftState, draft, part) -> None:
    choices = draft.proposal_choices()
    if not choices.known:
        st.markdown(f"**{part.label}**")
        st.write(choices.summary)
        return
    options = [item.number for item in choices.amendable]
    titles = {item.number: f"{item.number} — {item.title}" for item in choices.amendable}
    current = draft.item.agenda_item if draft.item.agenda_item in options else None
    key = state.key(part.key)
    st.selectbox(
        "Voorstel (agendapunt ter besluitvorming)", options, key=key, format_func=titles.get,
        index=options.index(current) if current else None, placeholder="Kies het voorstel",
        on_change=lambda: state.apply(draft.choose_proposal, st.session_state[key], refresh_widgets=True),
    )
    with st.expander("Niet amendabel op deze vergadering"):
        st.markdown("\n".join(f"- **{i.number}** {i.title}: {i.reason}" for i in choices.not_amendable))


def _change_previews(state: DraftState, draft) -> None:
    from assistant.motions.template import is_placeholder

    shown = 0
    for index, preview in enumerate(draft.change_previews()):
        change = draft.item.changes[index]
        if is_placeholder(change.schrappen) or is_placeholder(change.vervangen_door):
            continue  # the sjabloon's placeholder change
        shown += 1
        with st.container(border=True):
            st.markdown(f"**Wijziging {index + 1}:** {preview['instruction']}")
            st.html(f'<p class="diff">{preview["html"]}</p>')
            st.caption(DIFF_LEGEND)
            st.button("Wijziging verwijderen", key=state.key("verwijder", index),
                      on_click=lambda i=index: state.apply(draft.remove_change, i, refresh_widgets=True))
    if not shown:
        st.write("Nog geen wijziging.")


def _add_change_form(state: DraftState, draft) -> None:
    with st.form(state.key("wijziging")):
        action = ACTIONS[st.radio("Soort wijziging", list(ACTIONS), horizontal=True)]
        passage = st.text_area("Passage uit het voorstel (letterlijk; bij invoegen: de tekst waarna u invoegt)")
        new_text = st.text_area("Nieuwe tekst (leeg laten om alleen te schrappen)")
        if not st.form_submit_button("Wijziging toevoegen"):
            return
    try:
        if action == "invoegen":
            draft.add_insertion(passage, new_text)
        else:
            draft.add_change(passage, new_text, tighten=True)
    except UserFacingError as error:
        st.error(str(error))
        return
    state.bump()
    st.rerun()


def _changes(state: DraftState, draft, part) -> None:
    st.markdown(f"**{part.label}**")
    if not draft.item.agenda_item or draft.item.agenda_item.startswith("["):
        st.write("Kies eerst het voorstel.")
        return
    try:
        text = draft.proposal_text()
    except UserFacingError as error:
        st.warning(str(error))
        return
    with st.expander("Tekst van het voorstel"):
        st.text(text)
    _change_previews(state, draft)
    _add_change_form(state, draft)


def render(state: DraftState, draft, part) -> None:
    if part.key == "agenda_item":
        _agenda_item(state, draft, part)
    else:
        _changes(state, draft, part)
