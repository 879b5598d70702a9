"""Dutch display formatting shared by the pages (dates, times, counts). No locale dependency: the server's locale
is not ours to choose, and Dutch month names must not turn English on a machine set to C.UTF-8."""

from __future__ import annotations

import datetime as dt

MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)
WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")


def format_date(day: dt.date, *, weekday: bool = True) -> str:
    """``donderdag 13 juni 2024`` (or ``13 juni 2024`` without the weekday)."""
    text = f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    return f"{WEEKDAYS[day.weekday()]} {text}" if weekday else text


def format_deadline(moment: dt.datetime) -> str:
    """``donderdag 13 juni 2024, 12.00 uur`` — the VNG documents write times with a full stop."""
    return f"{format_date(moment.date())}, {moment:%H.%M} uur"


def days_left_text(days: int) -> str:
    """A countdown in words: ``nog 3 dagen``, ``vandaag``, ``verstreken (2 dagen geleden)``."""
    if days > 1:
        return f"nog {days} dagen"
    if days == 1:
        return "nog 1 dag"
    if days == 0:
        return "vandaag"
    ago = -days
    return f"verstreken ({ago} {'dag' if ago == 1 else 'dagen'} geleden)"


def plural(count: int, singular: str, plural_form: str) -> str:
    return f"{count} {singular if count == 1 else plural_form}"
