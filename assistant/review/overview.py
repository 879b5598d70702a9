"""The overview as the concernstaf sees it: columns, Dutch cell values, sorting, filtering and the detail view.

One definition of the columns serves the app's table and the CSV/XLSX exports, so what a reviewer sorts on screen
is what the bestuur receives.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from assistant.review.batch import ReviewRow, natural_number_key

SEVERITY_NL = {"error": "fout", "warning": "waarschuwing", "info": "opmerking"}


@dataclass(frozen=True)
class Column:
    key: str  # ReviewRow field
    label: str  # Dutch header
    width: int = 14  # characters, for XLSX


COLUMNS: tuple[Column, ...] = (
    Column("number", "Nr.", 6),
    Column("kind", "Soort", 12),
    Column("gemeenten", "Gemeente(n)", 26),
    Column("title", "Titel", 48),
    Column("agenda_item", "Agendapunt", 11),
    Column("submitted_at", "Ingediend op", 18),
    Column("submitted_at_source", "Bron tijdstip", 13),
    Column("on_time", "Op tijd?", 10),
    Column("late_note", "Let op", 30),
    Column("actueel_reason", "Reden actueel onderwerp", 30),
    Column("errors", "Fouten", 8),
    Column("warnings", "Waarschuwingen", 8),
    Column("signed_by", "Ondertekend door", 36),
    Column("supporters_count", "Ondersteuners", 8),
    Column("status", "Status", 20),
    Column("preadvies_text", "Preadvies", 40),
    Column("group", "Groep", 7),
    Column("duplicate_of", "Duplicaat van", 24),
    Column("supersedes", "Vervangt versie", 24),
    Column("superseded_by", "Vervangen door", 24),
    Column("error", "Leesfout", 40),
    Column("file", "Bestand", 30),
)

TIME_SOURCE_NL = {
    "received": "e-mail (ontvangen door VNG)",
    "date": "e-mail (verzenddatum)",
    "handmatig": "handmatig",
}


def cell(row: ReviewRow, key: str) -> str | int:
    """The value of one column as a reviewer reads it (Dutch, no Python reprs)."""
    value = getattr(row, key)
    if key == "on_time":
        if row.error:
            return ""
        return {True: "ja", False: "nee"}.get(value, "onbekend (geen tijdstip)")
    if key == "submitted_at_source":
        return TIME_SOURCE_NL.get(value, value or "")
    if key == "submitted_at" and value:
        return value.replace("T", " ")[:16]
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if value is None:
        return ""
    return value


def table(rows: list[ReviewRow], columns: tuple[Column, ...] = COLUMNS) -> list[list[str | int]]:
    """Header plus one list of cell values per row."""
    return [[c.label for c in columns], *([cell(row, c.key) for c in columns] for row in rows)]


# --- sorting and filtering (for the app) -------------------------------------------------------------------------

SORT_KEYS: dict[str, Callable[[ReviewRow], object]] = {
    "number": lambda r: (natural_number_key(r.number or r.duplicate_of_number), r.version or 0, r.file),
    "gemeente": lambda r: ((r.gemeenten or [""])[0].casefold(), r.file),
    "title": lambda r: (r.title.casefold(), r.file),
    "agenda_item": lambda r: (r.agenda_item is None, natural_agenda_key(r.agenda_item), r.file),
    "submitted_at": lambda r: (r.submitted_at is None, r.submitted_at or "", r.file),
    "errors": lambda r: (r.errors, r.warnings, r.file),
    "warnings": lambda r: (r.warnings, r.errors, r.file),
    "status": lambda r: (r.status or "", r.file),
    "group": lambda r: (r.group is None, natural_agenda_key(r.group), r.file),
    "file": lambda r: r.file,
}


def natural_agenda_key(value: str | None) -> tuple:
    digits = "".join(ch for ch in (value or "") if ch.isdigit())
    letters = "".join(ch for ch in (value or "") if ch.isalpha())
    return (int(digits) if digits else 0, letters)


def sort_rows(rows: list[ReviewRow], by: str = "number", *, descending: bool = False) -> list[ReviewRow]:
    if by not in SORT_KEYS:
        from assistant.errors import InputError

        raise InputError(f"Onbekende sorteersleutel {by!r}.", hint=f"Kies uit: {', '.join(SORT_KEYS)}.")
    return sorted(rows, key=SORT_KEYS[by], reverse=descending)


def filter_rows(
    rows: list[ReviewRow],
    *,
    kind: str | None = None,
    status: str | None = None,
    gemeente: str | None = None,
    agenda_item: str | None = None,
    group: str | None = None,
    only_invalid: bool = False,
    only_late: bool = False,
    only_unreadable: bool = False,
    include_duplicates: bool = True,
    include_superseded: bool = True,
    text: str | None = None,
) -> list[ReviewRow]:
    """Rows matching every given criterion (case-insensitive for names and text)."""

    def keep(row: ReviewRow) -> bool:
        if kind and row.kind != kind:
            return False
        if status and row.status != status:
            return False
        if gemeente and not any(gemeente.casefold() in g.casefold() for g in row.gemeenten + row.supporters):
            return False
        if agenda_item and (row.agenda_item or "") != agenda_item:
            return False
        if group and row.group != group:
            return False
        if only_invalid and (row.valid or row.error):
            return False
        if only_late and row.on_time is not False:
            return False
        if only_unreadable and not row.error:
            return False
        if not include_duplicates and row.duplicate_of:
            return False
        if not include_superseded and row.superseded_by:
            return False
        if text and text.casefold() not in f"{row.title} {row.file} {' '.join(row.gemeenten)}".casefold():
            return False
        return True

    return [row for row in rows if keep(row)]


def row_detail(row: ReviewRow) -> dict:
    """What the detail view shows: the parsed parts, every finding with its sources, history links."""
    parsed = row.parsed or {}
    parts: dict[str, object] = {}
    if row.kind == "motie":
        parts = {
            "Aanleiding": parsed.get("aanleiding", ""),
            "Constaterende dat": parsed.get("constateringen", []),
            "Overwegende dat": parsed.get("overwegingen", []),
            "Oproep": [o.get("text", "") for o in parsed.get("oproepen", [])],
            "Slotzin": parsed.get("slotzin", ""),
        }
    elif row.kind == "amendement":
        parts = {
            "Agendapunt": parsed.get("agenda_item", ""),
            "Voorstel": parsed.get("target_proposal", ""),
            "Wijzigingen": [
                {"actie": c.get("action"), "schrappen": c.get("schrappen"), "vervangen door": c.get("vervangen_door"),
                 "invoegen na": c.get("invoegen_na")}
                for c in parsed.get("changes", [])
            ],
            "Toelichting": parsed.get("toelichting", ""),
        }
    return {
        "file": row.file,
        "number": row.number,
        "kind": row.kind,
        "title": row.title,
        "error": row.error,
        "header": {
            "Indiener": parsed.get("indiener", ""),
            "Mede-indieners": parsed.get("mede_indieners", []),
            "Ondersteunende gemeenten": parsed.get("ondersteunende_gemeenten", []),
            "Datum indiening": parsed.get("datum_indiening"),
            "Ondertekend door": row.signed_by,
            "Contactpersonen": [c.get("name") for c in parsed.get("contact_persons", [])],
        },
        "parts": parts,
        "findings": [
            {**finding, "severity_nl": SEVERITY_NL.get(finding.get("severity"), finding.get("severity"))}
            for finding in row.findings
        ],
        "late_note": row.late_note,
        "actueel_reason": row.actueel_reason,
        "earlier_motions": row.earlier_motions,
        "versions": {"version": row.version, "supersedes": row.supersedes, "superseded_by": row.superseded_by},
        "duplicate_of": row.duplicate_of,
    }
