"""Panels around the editor: deadline and verdict, phrase suggestions, "lijkt op", downloads, versions/delete."""

from __future__ import annotations

import json
import re

import streamlit as st

from assistant.errors import UserFacingError
from assistant.ui import citations, findings, resources
from assistant.ui.views.draft_state import DraftState

SIMILAR_KEY = "draft-lijkt-op"
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _file_stem(draft) -> str:
    title = re.sub(r"[^A-Za-z0-9]+", "-", draft.item.titel or "concept").strip("-").lower()[:50] or "concept"
    gemeente = re.sub(r"[^A-Za-z0-9]+", "-", draft.item.indiener or "").strip("-").lower()
    return f"{draft.kind}-{gemeente}-{title}".strip("-")


def render_status(draft, validation) -> None:
    """Deadline countdown, what is still missing, and the findings that belong to no single part."""
    if validation.deadline is not None:
        deadline = validation.deadline
        (st.warning if deadline.passed else st.info)(deadline.label)
    for note in validation.notes:
        st.caption(note)
    general = validation.by_part.get("algemeen", [])
    if validation.ready_to_submit:
        st.success("Deze tekst is compleet en voldoet aan de regels.")
    elif validation.complete:
        st.success("De tekst is compleet. Na ondertekening kan hij worden ingediend.")
    else:
        missing = ", ".join(validation.missing)
        parts = [f"nog in te vullen: {missing}" if missing else "",
                 "er staat nog tekst uit het sjabloon in" if validation.placeholders else "",
                 findings.summary(validation.findings)]
        st.markdown("**Nog niet compleet:** " + "; ".join(p for p in parts if p) + ".")
    for finding in general:
        findings.render_finding(finding)


REFORMULATE_PARTS = {"titel": "Titel", "aanleiding": "Aanleiding", "constateringen": "Eerste constatering",
                     "overwegingen": "Eerste overweging", "oproepen": "Oproep"}
LLM_SUGGESTION_KEY = "draft-llm-suggestie"


def _suggestion_card(state: DraftState, draft, suggestion, *, on_done=None) -> None:
    with st.container(border=True):
        st.markdown(suggestion.explanation)
        st.markdown(f"*Nu:* {suggestion.original}\n\n*Voorstel:* {suggestion.replacement}")

        def accept(s=suggestion):
            state.apply(draft.accept, s, refresh_widgets=True)
            if on_done:
                on_done()

        st.button("Overnemen", key=state.key("suggestie", suggestion.suggestion_id), on_click=accept)
        if on_done:
            st.button("Afwijzen", key=state.key("afwijzen", suggestion.suggestion_id), on_click=on_done)


def _render_reformulate(state: DraftState, draft) -> None:
    """With a language model configured: a "herformuleer" suggestion for one part, never applied silently."""
    settings = resources.settings()
    if settings.llm_backend in ("", "none"):
        return
    columns = st.columns([2, 1])
    part = columns[0].selectbox("Onderdeel herformuleren met het taalmodel", list(REFORMULATE_PARTS),
                                format_func=REFORMULATE_PARTS.get, key=state.key("herformuleer-deel"))
    if columns[1].button("Herformuleer", key=state.key("herformuleer")):
        index = 0 if part in ("constateringen", "overwegingen", "oproepen") else None
        try:
            with st.spinner("Het taalmodel formuleert een voorstel…"):
                st.session_state[LLM_SUGGESTION_KEY] = draft.reformulate(part, index)
        except UserFacingError as error:
            st.error(str(error))
    pending = st.session_state.get(LLM_SUGGESTION_KEY)
    if pending is not None:
        _suggestion_card(state, draft, pending, on_done=lambda: st.session_state.pop(LLM_SUGGESTION_KEY, None))


def render_suggestions(state: DraftState, draft) -> None:
    if draft.kind != "motie":
        return
    suggestions = draft.suggestions()
    llm = resources.settings().llm_backend not in ("", "none")
    if not suggestions and not llm:
        return
    st.header("Suggesties voor de formulering")
    st.caption("Voorstellen op basis van het sjabloon. Er verandert niets tot u een suggestie overneemt.")
    for suggestion in suggestions:
        _suggestion_card(state, draft, suggestion)
    _render_reformulate(state, draft)


def render_similar(draft) -> None:
    st.header("Lijkt op")
    st.write("Eerdere moties en passages in de vergaderstukken over hetzelfde onderwerp, met preadvies en uitkomst: "
             "zo ziet u of de VNG hier al mee bezig is.")
    key = f"{SIMILAR_KEY}-{draft.draft_id}"
    if st.button("Zoek vergelijkbare moties", key=f"zoek-{key}"):
        try:
            with st.spinner("Bezig met zoeken…"):
                st.session_state[key] = draft.similar(resources.index_reader())
        except UserFacingError as error:
            st.warning(str(error))
    result = st.session_state.get(key)
    if result is None:
        return
    if not result.motions and not result.passages:
        st.write("Niets gevonden dat hierop lijkt.")
    for similar in result.motions:
        record = similar.record
        follow = f", vervolg: {record.follow_up}" if record.follow_up else ""
        st.markdown(f"- **{record.title}** ({', '.join(record.gemeenten)}, {record.meeting}) — preadvies "
                    f"{record.preadvies or 'onbekend'}, uitkomst {record.outcome or 'onbekend'}{follow}")
    if result.passages:
        st.markdown("**Passages in de vergaderstukken**")
        for number, passage in enumerate(result.passages, start=1):
            citations.render_citation(citations.to_citation(passage.chunk), number)


def render_downloads(draft, validation) -> None:
    st.header("Downloaden en indienen")
    if not validation.complete:
        st.caption("Let op: dit concept is nog niet compleet; de downloads bevatten de huidige tekst.")
    stem = _file_stem(draft)
    columns = st.columns(4)
    columns[0].download_button("Word (DOCX)", data=lambda: draft.render("docx"), file_name=f"{stem}.docx",
                               mime=DOCX_MIME, on_click="ignore", key="download-docx")
    columns[1].download_button("Markdown", data=lambda: draft.render("md"), file_name=f"{stem}.md",
                               mime="text/markdown", on_click="ignore", key="download-md")
    columns[2].download_button("E-mail (.eml)", data=lambda: draft.render("eml"), file_name=f"{stem}.eml",
                               mime="message/rfc822", on_click="ignore", key="download-eml")
    columns[3].download_button("Concept (JSON)", data=lambda: json.dumps(draft.to_dict(), ensure_ascii=False, indent=2),
                               file_name=f"{stem}.json", mime="application/json", on_click="ignore",
                               key="download-json")
    address, known = draft.submission_address()
    st.link_button(f"E-mail openen aan {address}", draft.render("mailto"))
    if not known:
        st.caption("Het indieningsadres van deze vergadering is niet bekend; controleer het adres in de uitnodiging.")
    if draft.item.ondersteunende_gemeenten:
        st.download_button("Lijst ondersteunende gemeenten (CSV)", data=lambda: draft.render("steunlijst-csv"),
                           file_name=f"{stem}-ondersteuners.csv", mime="text/csv", on_click="ignore",
                           key="download-steunlijst")


def render_history(state: DraftState, draft) -> None:
    with st.expander("Versies en verwijderen"):
        versions = state.store().history(draft.draft_id, user=state.user_id)
        st.write(f"{len(versions)} bewaarde versies. Elke wijziging wordt automatisch bewaard.")
        if len(versions) > 1:
            labels = {v.version: f"versie {v.version} — {v.saved_at[:16].replace('T', ' ')} — {v.titel}"
                      for v in versions}
            chosen = st.selectbox("Versie", list(labels), format_func=labels.get, key=state.key("versie"))
            if st.button("Deze versie terugzetten", key=state.key("terugzetten")):
                state.store().restore(draft.draft_id, chosen, user=state.user_id)
                state.open(draft.draft_id)
                st.rerun()
        confirm = st.checkbox("Ik wil dit concept met alle versies definitief verwijderen", key=state.key("bevestig"))
        if st.button("Concept verwijderen", disabled=not confirm, key=state.key("verwijderen")):
            state.delete()
            st.rerun()
