"""Dutch date phrases ("1 november 2019", "05-11-2019") to ISO dates."""

from __future__ import annotations

import re
from datetime import date

MONTHS = {
    "januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6,
    "juli": 7, "augustus": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
}
_MONTH_ALT = "|".join(MONTHS)
LONG_DATE = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH_ALT})\s+(\d{{4}})\b", re.IGNORECASE)
NUMERIC_DATE = re.compile(r"\b(\d{1,2})-(\d{1,2})-(\d{4})\b")


def _iso(day: int, month: int, year: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def find_long_date(text: str) -> str | None:
    """First "d maand jjjj" in the text as an ISO date, or None."""
    match = LONG_DATE.search(text)
    if not match:
        return None
    return _iso(int(match.group(1)), MONTHS[match.group(2).lower()], int(match.group(3)))


def find_any_date(text: str) -> str | None:
    """A long Dutch date, else a numeric dd-mm-jjjj date."""
    found = find_long_date(text)
    if found:
        return found
    match = NUMERIC_DATE.search(text)
    return _iso(int(match.group(1)), int(match.group(2)), int(match.group(3))) if match else None

