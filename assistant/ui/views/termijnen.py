"""Termijnen: every deadline for an ALV date with the skipped days, the known meetings, and (concernstaf) a form to
add the next ALV to the meeting registry."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from assistant.ui import citations, resources, session
from assistant.ui.widgets import table
from assistant.ui.text import days_left_text, format_date, format_deadline


def _default_alv_date() -> dt.date:
    """The next known meeting on or after today, else the most recent one, else four weeks from today."""
    from assistant.rules import meetings

    today = dt.date.today()
    upcoming = meetings.next_meeting_on_or_after(today)
    if upcoming is not None:
        return upcoming.date
    known = meetings.list_meetings()
    return known[-1].date if known else today + dt.timedelta(weeks=4)


def _render_deadlines(alv_date: dt.date) -> None:
    from assistant.rules.calendar import deadlines

    settings = resources.settings()
    result = deadlines(alv_date, extra_non_working_days=settings.extra_non_working_days)
    today = dt.date.today()
    heading = f"Termijnen voor de {result.meeting_label}" if result.meeting_label else "Termijnen voor deze datum"
    st.header(heading)
    for label, moment, kind in (
        ("Amendementen", result.amendment_deadline, "statutaire termijn"),
        ("Moties", result.motion_deadline, "dringend verzoek van het VNG-bestuur"),
    ):
        left = days_left_text((moment.date() - today).days)
        st.markdown(f"**{label}:** uiterlijk {format_deadline(moment)} ({kind}) — {left}")
    for note in result.notes:
        st.warning(note)

    st.subheader("Overgeslagen dagen")
    holidays = [(d, name) for d, name in result.skipped_days if name not in ("zaterdag", "zondag")]
    weekend = len(result.skipped_days) - len(holidays)
    if holidays:
        table({"Datum": [format_date(d) for d, _ in holidays], "Reden": [name for _, name in holidays]})
    else:
        st.write("Geen feestdagen of extra vrije dagen in deze periode.")
    st.caption(f"Daarnaast {weekend} weekenddagen overgeslagen.")

    st.subheader("Andere data")
    rows = sorted(result.other_dates.values(), key=lambda o: o.day)
    table(
        {
            "Wat": [o.label for o in rows],
            "Wanneer": [format_date(o.day) + (f", {o.time:%H.%M} uur" if o.time else "") for o in rows],
            "Herkomst": [o.origin for o in rows],
        }
    )
    st.subheader("Hoe er geteld wordt")
    st.write(result.convention)
    citations.render_sources(result.sources, heading="Bronnen")


def _render_meetings() -> None:
    from assistant.ui.views import registry

    registry.render_known_meetings()
    if session.current_user().is_concernstaf:
        registry.render_add_form()


def render() -> None:
    st.title("Termijnen")
    st.write(
        "Kies de datum van de ALV. U ziet de uiterste indieningsmomenten voor amendementen en moties, welke dagen "
        "niet meetellen en de andere data in aanloop naar de vergadering."
    )
    alv_date = st.date_input("Datum van de ALV", value=_default_alv_date(), format="DD-MM-YYYY", key="alv_datum")
    if alv_date:
        _render_deadlines(alv_date)
    _render_meetings()
