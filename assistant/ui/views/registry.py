"""The meeting registry on the Termijnen page: the known meetings and (concernstaf) a form to add the next ALV."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from assistant.errors import UserFacingError
from assistant.ui import resources
from assistant.ui.widgets import table
from assistant.ui.text import format_date

FLASH_KEY = "registry_flash"
ORIGIN_LABELS = {"bundled": "meegeleverd", "user": "toegevoegd", "draft": "concept"}
ITEM_FORMAT_HELP = "Eén agendapunt per regel: nummer | titel | status, bijvoorbeeld: 5b | Resolutie asiel | ter besluitvorming"


def render_known_meetings() -> None:
    from assistant.rules import meetings

    st.header("Bekende vergaderingen")
    known = meetings.list_meetings(resources.settings())
    if not known:
        st.write("Het register bevat nog geen vergaderingen.")
        return
    table(
        {
            "Datum": [format_date(m.date) for m in known],
            "Soort": [m.kind for m in known],
            "Begintijd": [m.start or "–" for m in known],
            "Locatie": [m.location or "–" for m in known],
            "Indienen bij": [", ".join(m.addresses) or "–" for m in known],
            "Herkomst": [ORIGIN_LABELS.get(m.origin, m.origin) for m in known],
        }
    )
    for meeting in known:
        with st.expander(f"Agenda {meeting.label} ({len(meeting.items)} punten)"):
            if not meeting.items:
                st.write("Geen agendapunten vastgelegd.")
                continue
            table(
                {
                    "Punt": [i.number for i in meeting.items],
                    "Titel": [i.title for i in meeting.items],
                    "Status": [i.status for i in meeting.items],
                    "Amendabel": ["ja" if i.amendable else f"nee — {i.reason}" for i in meeting.items],
                }
            )


def parse_item_lines(text: str) -> list[dict]:
    """``5b | Titel | ter besluitvorming`` per line → item dicts for ``Meeting.from_dict`` (which validates)."""
    items = []
    for line in text.splitlines():
        if not line.strip():
            continue
        parts = [p.strip() for p in line.split("|")]
        number = parts[0]
        title = parts[1] if len(parts) > 1 else ""
        status = parts[2] if len(parts) > 2 and parts[2] else "ter besluitvorming"
        items.append({"number": number, "title": title, "status": status})
    return items


def render_add_form() -> None:
    from assistant.rules import meetings

    st.header("Volgende ALV toevoegen")
    if FLASH_KEY in st.session_state:
        st.success(st.session_state.pop(FLASH_KEY))
    with st.form("vergadering_toevoegen", clear_on_submit=False):
        day = st.date_input("Datum", value=None, format="DD-MM-YYYY", min_value=dt.date(2000, 1, 1))
        kind = st.selectbox("Soort vergadering", meetings.MEETING_KINDS)
        start = st.text_input("Begintijd (UU:MM)", placeholder="11:30")
        location = st.text_input("Locatie")
        address = st.text_input("E-mailadres voor indiening", placeholder="motiealv@vng.nl")
        items_text = st.text_area("Agendapunten", help=ITEM_FORMAT_HELP, placeholder="5b | Resolutie | ter besluitvorming")
        replace = st.checkbox("Bestaande vergadering op deze datum vervangen")
        submitted = st.form_submit_button("Vergadering opslaan", type="primary")
    if not submitted:
        return
    if day is None:
        st.error("Vul de datum van de vergadering in.")
        return
    data = {
        "date": day.isoformat(), "kind": kind, "start": start.strip(), "location": location.strip(),
        "addresses": [address.strip()] if address.strip() else [], "items": parse_item_lines(items_text),
    }
    try:
        meeting = meetings.Meeting.from_dict(data, origin="user")
        meetings.add_meeting(meeting, resources.settings(), replace_existing=replace)
    except UserFacingError as error:
        st.error(str(error))
        return
    st.session_state[FLASH_KEY] = f"{meeting.label} is opgeslagen in het register."
    st.rerun()  # so the list above shows the new meeting
