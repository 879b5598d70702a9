"""Dutch municipalities (gemeenten) as of a date, shipped as data with its source.

``assistant/data/municipalities.json`` holds one row per gemeente: ``{name, cbs_code, valid_from, valid_until,
merged_into?, split_into?, aliases?}``; ``valid_from`` is inclusive (``null``: already existing on the coverage
start), ``valid_until`` is exclusive (the day of the merger). Municipal mergers take effect (almost always) on
1 January, so the list as of the meeting date is what a submission is checked against.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from assistant.errors import InputError

DATA_PATH = Path(__file__).resolve().parent.parent / "data" / "municipalities.json"


@dataclass(frozen=True)
class Municipality:
    name: str
    cbs_code: str
    valid_from: dt.date | None
    valid_until: dt.date | None
    merged_into: str | None = None  # CBS code of the successor
    split_into: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()

    def exists_on(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_until is None or day < self.valid_until)


def _date(value) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


@lru_cache(maxsize=1)
def _dataset() -> tuple[dict, tuple[Municipality, ...]]:
    data = json.loads(DATA_PATH.read_text(encoding="utf-8"))
    rows = tuple(
        Municipality(
            name=row["name"], cbs_code=row["cbs_code"], valid_from=_date(row.get("valid_from")),
            valid_until=_date(row.get("valid_until")), merged_into=row.get("merged_into"),
            split_into=tuple(row.get("split_into", ())), aliases=tuple(row.get("aliases", ())),
        )
        for row in data["municipalities"]
    )
    return data, rows


def source() -> str:
    """Where the list comes from (Dutch), for display next to a finding."""
    return _dataset()[0]["source"]


def coverage() -> tuple[dt.date, dt.date]:
    data = _dataset()[0]
    return dt.date.fromisoformat(data["coverage_from"]), dt.date.fromisoformat(data["coverage_until"])


def _key(name: str) -> str:
    """Comparison key: lower case, no accents, no "gemeente" prefix, no punctuation or qualifiers' dots."""
    text = unicodedata.normalize("NFKD", str(name or "")).encode("ascii", "ignore").decode("ascii")
    text = text.lower().replace("\u2019", "'").replace("`", "'")
    text = re.sub(r"^\s*(de\s+)?gemeente(n)?\s+", "", text)
    text = re.sub(r"[.,&()\-/]", " ", text)
    text = text.replace("'s ", "'s").replace("'", "")
    return " ".join(text.split())


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[Municipality, ...]]:
    index: dict[str, list[Municipality]] = {}
    for row in _dataset()[1]:
        labels = (row.name, *row.aliases)
        # "Bergen (NH.)" is also found as plain "Bergen" (then ambiguous with "Bergen (L.)").
        labels += tuple(re.sub(r"\s*\(.*?\)", "", label) for label in labels if "(" in label)
        for label in labels:
            bucket = index.setdefault(_key(label), [])
            if row not in bucket:
                bucket.append(row)
    return {key: tuple(rows) for key, rows in index.items()}


def _by_code(code: str) -> Municipality | None:
    return next((row for row in _dataset()[1] if row.cbs_code == code), None)


def _check_date(day: dt.date | None) -> dt.date:
    if day is None:
        return dt.date.today()
    if isinstance(day, dt.datetime):
        day = day.date()
    start, _ = coverage()
    if day < start:
        raise InputError(
            f"De gemeentelijst in de assistent begint op {start:%d-%m-%Y}; {day:%d-%m-%Y} valt daarvoor.",
            hint="Controleer de gemeentenaam zelf bij het CBS (Gemeentelijke indeling per jaar).",
        )
    return day


def municipalities_on(day: dt.date | None = None) -> set[str]:
    """Names (CBS spelling) of all gemeenten that exist on ``day`` (default: today)."""
    day = _check_date(day)
    return {row.name for row in _dataset()[1] if row.exists_on(day)}


def lookup(name: str, day: dt.date | None = None) -> Municipality | None:
    """The gemeente a name refers to on ``day`` (aliases and spelling variants allowed), if it exists then."""
    day = _check_date(day)
    candidates = [row for row in _index().get(_key(name), ()) if row.exists_on(day)]
    return candidates[0] if len(candidates) == 1 else None


def normalise_gemeente(name: str, day: dt.date | None = None) -> str:
    """Canonical CBS name for a spelling variant ("gemeente Den Bosch" -> "'s-Hertogenbosch").

    Without ``day`` any name ever in the list is accepted (the most recent row wins); unknown names come back
    cleaned up (prefix "gemeente" removed, spaces collapsed) but otherwise unchanged.
    """
    rows = _index().get(_key(name), ())
    if day is not None:
        rows = tuple(row for row in rows if row.exists_on(_check_date(day))) or rows
    if len(rows) == 1:
        return rows[0].name
    cleaned = re.sub(r"^\s*(de\s+)?gemeente\s+", "", str(name or ""), flags=re.IGNORECASE)
    return " ".join(cleaned.split())


def is_municipality(name: str, day: dt.date | None = None) -> bool:
    """True when ``name`` is a Dutch gemeente on ``day`` (an ambiguous "Bergen" counts: both exist)."""
    day = _check_date(day)
    return any(row.exists_on(day) for row in _index().get(_key(name), ()))


def successor_note(name: str, day: dt.date | None = None) -> str | None:
    """Dutch note when ``name`` was a gemeente that no longer exists on ``day`` ("opgegaan in ...")."""
    day = _check_date(day)
    for row in _index().get(_key(name), ()):
        if row.valid_until is not None and row.valid_until <= day:
            if row.merged_into:
                successor = _by_code(row.merged_into)
                return (f"{row.name} bestaat sinds {row.valid_until:%d-%m-%Y} niet meer als gemeente; "
                        f"zij is opgegaan in {successor.name if successor else row.merged_into}.")
            if row.split_into:
                names = [(_by_code(code) or row).name for code in row.split_into]
                return (f"{row.name} bestaat sinds {row.valid_until:%d-%m-%Y} niet meer als gemeente; "
                        f"het gebied is verdeeld over {', '.join(names)}.")
    return None


def suggest(name: str, day: dt.date | None = None, *, limit: int = 3) -> list[str]:
    """Close matches among the gemeenten of ``day`` for a Dutch "bedoelt u ...?" hint (best first)."""
    day = _check_date(day)
    names = sorted(municipalities_on(day))
    key = _key(name)
    by_key: dict[str, str] = {}
    for row in _dataset()[1]:
        if row.exists_on(day):
            for label in (row.name, *row.aliases):
                by_key.setdefault(_key(label), row.name)
    exact = [row.name for row in _index().get(key, ()) if row.exists_on(day)]
    if exact:
        return sorted(set(exact))[:limit]
    matches = difflib.get_close_matches(key, list(by_key), n=limit * 3, cutoff=0.75)
    result: list[str] = []
    for match in matches:
        if by_key[match] not in result:
            result.append(by_key[match])
    if not result:
        prefix = [n for n in names if _key(n).startswith(key) and key]
        result = prefix
    return result[:limit]


def describe_unknown(name: str, day: dt.date | None = None) -> str:
    """One Dutch sentence for a finding about a name that is not a gemeente on ``day``."""
    day = _check_date(day)
    note = successor_note(name, day)
    if note:
        return note
    options = suggest(name, day)
    text = f"'{name}' staat niet in de lijst van Nederlandse gemeenten op {day:%d-%m-%Y}."
    if options:
        text += " Bedoelt u " + " of ".join(f"'{o}'" for o in options) + "?"
    return text
