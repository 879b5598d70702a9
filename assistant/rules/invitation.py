"""Draft meeting-registry entries from an invitation letter (ledenbrief "Uitnodiging ALV ...").

Ingest and ``motie meeting propose`` call this to *propose* an entry; staff review it before it is saved with
``add_meeting``. Pure text heuristics tuned on the two invitation letters in the corpus.
"""

from __future__ import annotations

import datetime as dt
import re

from assistant.errors import InputError
from assistant.rules.meetings import (
    _MONTHS,
    AgendaItem,
    Meeting,
    _date_in,
    format_date_nl,
    meeting_named_in_text,
    normalise_item_number,
)

_TIME_RANGE = re.compile(r"\b(\d{1,2})[.:](\d{2})\s*(?:-|–|tot)\s*(\d{1,2})[.:](\d{2})\s*uur")
_START_AT = re.compile(r"(?:start|begint|aanvang)\s+om\s+(\d{1,2})[.:](\d{2})", re.IGNORECASE)
_ADDRESS = re.compile(r"[A-Za-z0-9._%+-]+@vng\.nl", re.IGNORECASE)
_LOCATION = re.compile(
    r"(?:\d{2}[.:]\d{2}\s*uur,?\s+in\s+|bij\s+|van\s+\d{1,2}[.:]\d{2}\s+tot\s+\d{1,2}[.:]\d{2}\s+uur,\s+)"
    r"([A-Z][^.\n]{3,80}?)(?:\.|\n|$)"
)
_AGENDA_LINE = re.compile(r"^\s*(?:-\s*)?(\d{1,2}|[a-h])[.)]?\s*(?:\t|\s)\s*(.+?)\s*$")
_STATUS_WORDS = (("ter besluitvorming", "ter besluitvorming"), ("ter kennisname", "ter kennisname"),
                 ("ter informatie", "ter informatie"), ("bespreking", "bespreking"))
_NON_SUBMISSION = {"info@vng.nl"}


def _kind_from(text: str, day: dt.date) -> str:
    """The kind named right before the meeting date ("Buitengewone ALV op vrijdag 29 november 2019")."""
    written = format_date_nl(day)
    for match in re.finditer(re.escape(written), text):
        before = text[max(0, match.start() - 120):match.start()].lower()
        if "buitengewone" in before or "balv" in before:
            return "BALV"
        if "najaars" in before:
            return "Najaars-ALV"
        if "extra alv" in before:
            return "Extra ALV"
        if "alv" in before or "ledenvergadering" in before:
            return "ALV"
    return "ALV"


def _submission_addresses(text: str) -> tuple[str, ...]:
    """vng.nl addresses named where the letter says how to submit, most frequent first.

    Other addresses (a werkgroep contact, info@) are left out; an address used far less often than the main one
    (e.g. a one-off typo like motie@vng.nl next to motiealv@vng.nl) is dropped too.
    """
    counts: dict[str, int] = {}
    for match in _ADDRESS.finditer(text):
        context = text[max(0, match.start() - 300):match.start()].lower()
        if not re.search(r"indien|ingediend|moties|amendementen", context):
            continue
        address = match.group(0).lower()
        if address not in _NON_SUBMISSION:
            counts[address] = counts.get(address, 0) + 1
    if not counts:
        return ()
    top = max(counts.values())
    ranked = sorted(counts, key=lambda a: -counts[a])
    return tuple(a for a in ranked if counts[a] * 2 >= top)


_NOTE_HEADING = re.compile(
    r"^[#*\s]*(\d{1,2}\s*[a-h]?)\.\s+[^\n]*?\(([^()\n]*(?:besluitvorming|kennisname|informatie|bespreking)[^()\n]*)\)",
    re.MULTILINE | re.IGNORECASE,
)
_DEFAULT_STATUS = (
    (re.compile(r"^(opening|sluiting|rondvraag)", re.IGNORECASE), "geen voorstel"),
    (re.compile(r"^mededeling", re.IGNORECASE), "ter informatie"),
    (re.compile(r"^stand van zaken", re.IGNORECASE), "ter kennisname"),
)


def _statuses_from_notes(text: str) -> dict[str, str]:
    """Statuses from the per-item notes ("#### 6. Stand van zaken ... (ter kennisname)")."""
    found: dict[str, str] = {}
    for match in _NOTE_HEADING.finditer(text):
        label = match.group(2).lower()
        # "(ter kennisname resp. ter besluitvorming)": part of the item is put to a decision, so it is amendable.
        status = next(s for word, s in (("besluitvorming", "ter besluitvorming"), ("kennisname", "ter kennisname"),
                                         ("informatie", "ter informatie"), ("bespreking", "bespreking")) if word in label)
        found.setdefault(normalise_item_number(match.group(1)), status)
    return found


def _meeting_date_from(text: str) -> dt.date | None:
    # The invitation names the meeting with a weekday ("vrijdag 29 november 2019"); prefer that over letter dates.
    weekday = re.search(
        r"(?:ALV|ledenvergadering|Ledenvergadering)[^\n]{0,80}?(?:maandag|dinsdag|woensdag|donderdag|vrijdag)\s+"
        r"(\d{1,2}\s+(?:" + "|".join(_MONTHS) + r")\s+\d{4})", text, re.IGNORECASE)
    if weekday:
        return _date_in(weekday.group(1))
    return meeting_named_in_text(text)


def _agenda_items(text: str) -> list[dict]:
    """Numbered agenda lines after an "agenda" heading: "5. Titel", " - b. Titel" (sub-items get the number)."""
    start = re.search(r"agenda", text, re.IGNORECASE)
    if not start:
        return []
    items, current, started = [], "", False
    for line in text[start.end():].splitlines()[:80]:
        match = _AGENDA_LINE.match(line)
        if not match:
            if started and line.strip() and not line.lstrip().startswith("-") and len(items) > 3:
                break
            continue
        key, title = match.group(1), re.sub(r"[*_]", "", match.group(2)).split("\t")[0].strip()
        if key.isdigit():
            current, number = key, key
        elif current:
            number = current + key
        else:
            continue
        started = True
        status = next((s for word, s in _STATUS_WORDS if word in title.lower()), None)
        items.append({"number": number, "title": title, "status": status})
    return items


def propose_meeting_from_text(text: str) -> Meeting:
    """A draft registry entry from an invitation letter, for review by staff (``origin="draft"``).

    Recovers the meeting date (named with a weekday), kind, start/end time, location, the submission address(es)
    (vng.nl addresses named where the letter says how to submit) and the numbered agenda, with each item's status
    from the agenda line or the per-item notes ("(ter kennisname)"); otherwise opening/closing/rondvraag have no
    proposal and the rest defaults to "ter besluitvorming". Staff must check amendability before saving.
    """
    day = _meeting_date_from(text)
    if day is None:
        raise InputError("Geen vergaderdatum gevonden in de uitnodiging.", hint="Vul de datum zelf in (--date).")
    start = end = ""
    if m := _TIME_RANGE.search(text):
        start, end = f"{int(m[1]):02d}:{m[2]}", f"{int(m[3]):02d}:{m[4]}"
    elif m := _START_AT.search(text):
        start = f"{int(m[1]):02d}:{m[2]}"
    addresses = _submission_addresses(text)
    location = ""
    if m := _LOCATION.search(text):
        location = m.group(1).strip().rstrip(",")
    items = []
    noted = _statuses_from_notes(text)
    for data in _agenda_items(text):
        if data["status"] is None:
            fallback = next((status for pattern, status in _DEFAULT_STATUS if pattern.match(data["title"])),
                            "ter besluitvorming")
            data["status"] = noted.get(data["number"], fallback)
        try:
            items.append(AgendaItem.from_dict(data))
        except InputError:
            continue
    unique = {item.number: item for item in items}
    return Meeting(
        date=day, kind=_kind_from(text, day), start=start, end=end, location=location, addresses=tuple(addresses),
        items=tuple(unique.values()), origin="draft",
        notes=("Concept uit een uitnodigingsbrief: controleer agendapunten en amendeerbaarheid vóór opslaan.",),
    )
