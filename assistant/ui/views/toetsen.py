"""Toetsen: check one motion or amendment (pasted or uploaded) against the rules; and, for the concernstaf, the
batch review of all submissions for a meeting."""

from __future__ import annotations

import datetime as dt
from typing import Any

import streamlit as st

from assistant.errors import UserFacingError
from assistant.ui import findings, resources, session, uploads
from assistant.ui.widgets import file_input
from assistant.ui.text import format_date, format_deadline

RESULT_KEY = "toetsen_resultaat"
AUTO_MEETING = "Afleiden uit de tekst"


def meeting_options() -> tuple[list[str], dict[str, dt.date]]:
    from assistant.rules import meetings

    known = list(reversed(meetings.list_meetings(resources.settings())))
    return [AUTO_MEETING, *[m.label for m in known]], {m.label: m.date for m in known}


def _submitted_at_input(key: str) -> dt.datetime | None:
    known = st.checkbox("Tijdstip van indiening invullen", key=f"{key}-bekend",
                        help="Zonder tijdstip wordt niet beoordeeld of het stuk op tijd is (bij e-mail geldt "
                             "het ontvangsttijdstip uit de e-mail).")
    if not known:
        return None
    columns = st.columns(2)
    day = columns[0].date_input("Datum van indiening", format="DD-MM-YYYY", key=f"{key}-datum")
    time = columns[1].time_input("Tijd van indiening", value=dt.time(11, 0), key=f"{key}-tijd", step=60)
    return dt.datetime.combine(day, time) if day and time else None


def _read_upload(uploaded) -> Any:
    """Save the upload inside the data directory and extract its text (and, for e-mail, the submission time)."""
    from assistant.motions.extract import read_submission_file

    path = uploads.save_upload(resources.settings(), "toetsen", uploaded.name, uploaded.getvalue(),
                               allowed=uploads.SUBMISSION_TYPES)
    return read_submission_file(path)


def run_check(text: str, alv_date: dt.date | None, submitted_at: dt.datetime | None,
              submitted_at_source: str | None = None) -> dict:
    from assistant.motions.parse import parse_submission
    from assistant.rules.check import check

    item = parse_submission(text)
    result = check(item, alv_date=alv_date, submitted_at=submitted_at, settings=resources.settings())
    return {"item": item, "result": result, "submitted_at_source": submitted_at_source}


SUBMITTED_AT_SOURCES = {"received": "uit de e-mail (ontvangen door de VNG)", "date": "uit de e-mail (verzenddatum)"}


def _render_result(outcome: dict) -> None:
    result, item = outcome["result"], outcome["item"]
    found = list(result.findings)
    kind = "motie" if item.kind == "motie" else "amendement"
    meeting = f" voor de {result.meeting_label}" if result.meeting_label else (
        f" voor de ALV van {format_date(result.alv_date, weekday=False)} (niet in het register)")
    st.header("Uitkomst")
    if result.valid:
        st.success(f"Deze {kind}{meeting} voldoet aan de regels ({findings.summary(found)}).")
    else:
        st.error(f"Deze {kind}{meeting} voldoet niet aan de regels: {findings.summary(found)}.")
    if result.submitted_at is None:
        st.caption("Niet beoordeeld of het stuk op tijd is: het tijdstip van indiening is onbekend.")
    else:
        origin = SUBMITTED_AT_SOURCES.get(outcome.get("submitted_at_source") or "", "zoals ingevuld")
        st.caption(f"Ingediend op {format_deadline(result.submitted_at)}, {origin}.")
    findings.render_findings(found)
    if result.advice:
        st.subheader("Tips")
        findings.render_findings(result.advice)
    with st.expander("Zo heeft de assistent het stuk gelezen"):
        st.json(item.model_dump(mode="json"), expanded=False)


def _render_single() -> None:
    settings = resources.settings()
    text = st.text_area("Tekst van de motie of het amendement", height=260, key="toets_tekst",
                        placeholder="Plak hier de volledige tekst, inclusief ondertekening.")
    uploaded = file_input("Of upload een bestand", uploads.SUBMISSION_TYPES, settings.upload_max_mb,
                          key="toets_bestand")
    options, dates = meeting_options()
    choice = st.selectbox("Vergadering", options, key="toets_vergadering")
    submitted_at = _submitted_at_input("toets")
    if st.button("Toetsen", type="primary", key="toets_knop"):
        st.session_state.pop(RESULT_KEY, None)
        try:
            source = "manual" if submitted_at else None
            if uploaded is not None:
                extracted = _read_upload(uploaded)
                text = extracted.text
                if submitted_at is None and extracted.submitted_at is not None:
                    submitted_at, source = extracted.submitted_at, extracted.submitted_at_source
            if not text or not text.strip():
                raise UserFacingError("Plak een tekst of upload een bestand om te toetsen.")
            with st.spinner("Bezig met toetsen…"):
                st.session_state[RESULT_KEY] = run_check(text, dates.get(choice), submitted_at, source)
        except UserFacingError as error:
            st.error(str(error))
    if RESULT_KEY in st.session_state:
        _render_result(st.session_state[RESULT_KEY])


def render() -> None:
    st.title("Toetsen")
    st.write("Controleer een motie of amendement op de regels van de VNG: sjabloon, ondertekening, termijn en "
             "amendeerbaarheid. Elke bevinding noemt de regel en de passage in de vergaderstukken.")
    if not session.current_user().is_concernstaf:
        _render_single()
        return
    single, batch = st.tabs(["Eén stuk toetsen", "Alle inzendingen (concernstaf)"])
    with single:
        _render_single()
    with batch:
        from assistant.ui.views import review

        review.render()
