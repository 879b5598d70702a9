"""``motie review``: check a folder or ZIP of submissions for one ALV and export the overview."""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from assistant.commands._progress import StageProgressBar


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "review", help="toets een map of ZIP met ingediende moties en amendementen (concernstaf)",
        description="Lees alle inzendingen in een map of ZIP-bestand (txt, md, docx, pdf, eml), toets ze voor de "
                    "gekozen ALV, groepeer vergelijkbare moties, koppel ze aan eerdere moties en maak een overzicht. "
                    "Nummers (M1, A1, ...), statussen en preadviezen worden bewaard in de reviewdatabase.")
    parser.add_argument("path", metavar="MAP_OF_ZIP", help="map of .zip met de inzendingen")
    parser.add_argument("--alv-date", "--meeting", dest="alv_date", required=True, metavar="JJJJ-MM-DD",
                        help="datum van de ALV waarvoor getoetst wordt")
    parser.add_argument("--out", metavar="BESTAND",
                        help="schrijf het overzicht naar .xlsx, .csv, .md of .docx (soort volgt uit de extensie)")
    parser.add_argument("--json", action="store_true", help="alleen JSON op stdout")
    parser.set_defaults(func=run)


STAGE_LABELS = {"inlezen": "Inzendingen lezen", "toetsen": "Toetsen"}


def _parse_date(value: str) -> dt.date:
    from assistant.errors import InputError

    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError as error:
        raise InputError(f"Ongeldige datum {value!r}.", hint="Gebruik JJJJ-MM-DD, bijv. 2024-06-26.") from error


def _report(result) -> str:
    from assistant.review.overview import cell
    from assistant.review.batch import summary

    lines = []
    for row in result.rows:
        if row.error:
            lines.append(f"  --  {row.file}: NIET LEESBAAR — {row.error}")
            continue
        label = row.number or "="
        who = ", ".join(row.gemeenten) or "onbekende indiener"
        state = "geldig" if row.valid else "ONGELDIG"
        extra = [f"op tijd: {cell(row, 'on_time')}", f"{row.errors} fout(en)", f"{row.warnings} waarsch."]
        if row.duplicate_of:
            extra.insert(0, f"duplicaat van {row.duplicate_of}, telt niet mee")
        if row.group:
            extra.append(f"groep {row.group}")
        if row.supersedes:
            extra.append(f"vervangt {row.supersedes}")
        if row.superseded_by:
            extra.append(f"vervangen door {row.superseded_by}")
        lines.append(f"  {label:<4} {row.kind:<10} {who} — {row.title or '(zonder titel)'} [{state}; "
                     f"{'; '.join(extra)}] ({row.file})")
        if row.late_note:
            lines.append(f"       Let op: {row.late_note}.")
    for group in result.groups:
        numbers = ", ".join(n for n in group["numbers"] if n)
        lines.append(f"  Groep {group['id']}: {numbers} — {', '.join(group['gemeenten'])}")
        for earlier in group["earlier_motions"]:
            lines.append(f"       eerder: {earlier['title']} ({earlier['meeting']}; preadvies "
                         f"{earlier.get('preadvies') or 'onbekend'}; uitkomst {earlier.get('outcome') or 'onbekend'})")
    counts = summary(result.rows)
    lines.append(
        f"Samenvatting: {counts['files']} bestanden, {counts['moties']} moties, {counts['amendementen']} "
        f"amendementen; {counts['invalid']} ongeldig, {counts['late']} te laat, {counts['no_time']} zonder "
        f"tijdstip, {counts['duplicates']} duplicaten, {counts['superseded']} vervangen versies, "
        f"{counts['unreadable']} niet leesbaar."
    )
    return "\n".join(lines)


def _validate_call(args: argparse.Namespace) -> dt.date:
    """Check the arguments before the heavier imports, so a wrong call answers at once (exit 2)."""
    from pathlib import Path

    from assistant.errors import InputError

    alv_date = _parse_date(args.alv_date)
    if not Path(args.path).exists():
        raise InputError(f"Map of ZIP-bestand niet gevonden: {args.path}", hint="Geef een bestaande map of .zip op.")
    if args.out and Path(args.out).suffix.lower().lstrip(".") not in ("xlsx", "csv", "md", "docx"):
        raise InputError(f"Onbekend exportformaat voor {args.out!r}.", hint="Gebruik .xlsx, .csv, .md of .docx.")
    return alv_date


def run(args: argparse.Namespace) -> int:
    from assistant.cli import emit_json, warn
    from assistant.config import get_settings

    alv_date = _validate_call(args)
    from assistant.review import export, review_folder

    settings = get_settings()
    progress = StageProgressBar(STAGE_LABELS, unit=' best.', mininterval=0.3)
    try:
        result = review_folder(args.path, alv_date, settings, progress=progress)
    finally:
        progress.close()
    for note in result.notes:
        warn(note)
    if args.out:
        written = export(result, args.out)
        warn(f"Overzicht geschreven naar {written}")
    if args.json:
        emit_json(result.to_json())
    else:
        print(f"Toetsing inzendingen voor de ALV van {alv_date.isoformat()}:")
        print(_report(result))
    counted = [row for row in result.rows if row.counted]
    unreadable = any(row.error for row in result.rows)
    return 1 if unreadable or any(not row.valid for row in counted) else 0
