"""Exports of a review: CSV and XLSX of the overview, and the "Overzicht moties en amendementen" (Markdown, DOCX).

* CSV: semicolon-separated, UTF-8 with BOM, so Dutch Excel opens it with the accents intact.
* XLSX (openpyxl): sheet "Overzicht" (filterable, header frozen), "Bevindingen" (one line per finding with its
  source), "Groepen" (similar submissions and earlier motions).
* Markdown / DOCX: per agenda item the motions and amendments with indieners and the bestuur's preadvies, as the VNG
  sends them to the members, plus an annex listing every received file (duplicates, old versions, unreadable ones).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from assistant.errors import InputError
from assistant.review.batch import ReviewResult, ReviewRow
from assistant.review.overview import COLUMNS, SEVERITY_NL, cell, natural_agenda_key, table

FORMATS = ("csv", "xlsx", "md", "docx")
NO_AGENDA_ITEM = "Moties zonder agendapunt (behandeling bij het betreffende agendapunt of de rondvraag)"
MONTHS = "januari februari maart april mei juni juli augustus september oktober november december".split()


def export(result: ReviewResult, target: str | Path) -> Path | bytes:
    """Write ``result`` to a file (format from its suffix) and return the path, or return bytes for a bare
    format name ("csv", "xlsx", "md", "docx")."""
    if isinstance(target, str) and target.lower().lstrip(".") in FORMATS:
        return render(result, target.lower().lstrip("."))
    path = Path(target)
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise InputError(f"Onbekend exportformaat {path.suffix or path.name!r}.",
                         hint="Gebruik .xlsx, .csv, .md of .docx.")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(render(result, fmt))
    return path


def render(result: ReviewResult, fmt: str) -> bytes:
    renderers = {"csv": to_csv, "xlsx": to_xlsx, "md": lambda r: to_markdown(r).encode("utf-8"), "docx": to_docx}
    return renderers[fmt](result)


# --- CSV / XLSX ---------------------------------------------------------------------------------------------------


def to_csv(result: ReviewResult) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerows(table(result.rows))
    return buffer.getvalue().encode("utf-8-sig")


def to_xlsx(result: ReviewResult) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Overzicht"
    for values in table(result.rows):
        sheet.append(values)
    for index, column in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    _style_header(sheet, Font(bold=True))
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    for row in sheet.iter_rows(min_row=2):
        for value_cell in row:
            value_cell.alignment = Alignment(vertical="top", wrap_text=True)

    findings = workbook.create_sheet("Bevindingen")
    findings.append(["Nr.", "Bestand", "Regel", "Ernst", "Melding", "Tip", "Bron"])
    for row in result.rows:
        for finding in row.findings:
            findings.append([row.number or "", row.file, finding.get("rule", ""),
                             SEVERITY_NL.get(finding.get("severity"), finding.get("severity")),
                             finding.get("message", ""), finding.get("hint", ""), _source_labels(finding)])
    _style_header(findings, Font(bold=True))

    groups = workbook.create_sheet("Groepen")
    groups.append(["Groep", "Nummers", "Gemeenten", "Titels", "Eerdere moties (preadvies / uitkomst)"])
    for group in result.groups:
        groups.append([group["id"], ", ".join(n or "" for n in group["numbers"]), ", ".join(group["gemeenten"]),
                       " | ".join(group["titles"]), "; ".join(_earlier_label(e) for e in group["earlier_motions"])])
    _style_header(groups, Font(bold=True))

    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _style_header(sheet, font) -> None:
    for header_cell in sheet[1]:
        header_cell.font = font


def _source_labels(finding: dict) -> str:
    labels = []
    for source in finding.get("sources", []):
        name = str(source.get("path", "")).rsplit("/", 1)[-1]
        start, end = source.get("line_start"), source.get("line_end")
        labels.append(f"{name} r. {start}" + (f"–{end}" if end and end != start else ""))
    return "; ".join(labels)


def _earlier_label(earlier: dict) -> str:
    facts = ", ".join(f"{k} {earlier[k]}" for k in ("preadvies", "outcome", "follow_up") if earlier.get(k))
    who = ", ".join(earlier.get("gemeenten") or [])
    return f"{earlier.get('title')} ({who}; {earlier.get('meeting')}{'; ' + facts if facts else ''})"


# --- the overview document ----------------------------------------------------------------------------------------


def _published(rows: list[ReviewRow]) -> list[ReviewRow]:
    """The submissions that go into the overview: current versions of readable, non-duplicate documents."""
    return [row for row in rows if row.counted]


def sections(result: ReviewResult) -> list[tuple[str, list[ReviewRow]]]:
    """(heading, rows) per agenda item, in agenda order; motions without an item last."""
    by_item: dict[str | None, list[ReviewRow]] = {}
    for row in _published(result.rows):
        by_item.setdefault(row.agenda_item, []).append(row)
    ordered = sorted((k for k in by_item if k), key=natural_agenda_key)
    out = []
    for key in ordered:
        rows = by_item[key]
        title = next((r.agenda_item_title for r in rows if r.agenda_item_title), None)
        out.append((f"Agendapunt {key}" + (f": {title}" if title else ""), rows))
    if None in by_item:
        out.append((NO_AGENDA_ITEM, by_item[None]))
    return out


def _heading(row: ReviewRow) -> str:
    kind = "Motie" if row.kind == "motie" else "Amendement"
    who = " en ".join(row.gemeenten) if len(row.gemeenten) <= 2 else f"{row.gemeenten[0]} c.s."
    return f"{row.number} — {kind} {who}: {row.title or '(zonder titel)'}"


def _facts(row: ReviewRow) -> list[tuple[str, str]]:
    facts = [
        ("Indiener(s)", ", ".join(row.gemeenten) or "onbekend"),
        ("Ondersteunende gemeenten", ", ".join(row.supporters) or "geen opgegeven"),
        ("Ingediend op", _submitted(row)),
        ("Status", row.status or ""),
        ("Preadvies bestuur", row.preadvies_text or _preadvies_from_status(row.status)),
    ]
    if row.late_note:
        facts.append(("Let op", row.late_note + (f" — reden: {row.actueel_reason}" if row.actueel_reason else "")))
    if row.errors or row.warnings:
        facts.append(("Toetsing", f"{row.errors} fout(en), {row.warnings} waarschuwing(en)"))
    if row.group:
        facts.append(("Vergelijkbare inzendingen", f"groep {row.group}"))
    return facts


def _submitted(row: ReviewRow) -> str:
    if row.submitted_at:
        return f"{cell(row, 'submitted_at')} — bron: {cell(row, 'submitted_at_source')}"
    written = (row.parsed or {}).get("datum_indiening")
    return "tijdstip onbekend" + (f" (datum in de tekst: {written})" if written else "")


def _preadvies_from_status(status: str | None) -> str:
    if status and status.startswith("preadvies "):
        return status.removeprefix("preadvies ")
    if status == "ingetrokken":
        return "ingetrokken door de indiener"
    return "nog niet vastgesteld"


def _title(result: ReviewResult) -> str:
    day = result.alv_date
    return f"Overzicht moties en amendementen — ALV {day.day} {MONTHS[day.month - 1]} {day.year}"


def _annex_rows(result: ReviewResult) -> list[list[str]]:
    rows = [["Bestand", "Nr.", "Soort", "Opmerking"]]
    for row in result.rows:
        remark = (row.error and f"niet leesbaar: {row.error}") or (
            row.duplicate_of and f"duplicaat van {row.duplicate_of}") or (
            row.superseded_by and f"vervangen door nieuwere versie ({row.superseded_by})") or (
            f"versie {row.version}" if (row.version or 0) > 1 else "opgenomen")
        rows.append([row.file, row.number or "", row.kind or "", remark])
    return rows


def to_markdown(result: ReviewResult) -> str:
    lines = [f"# {_title(result)}", ""]
    for heading, rows in sections(result):
        lines += [f"## {heading}", ""]
        for row in rows:
            lines += [f"### {_heading(row)}", ""]
            lines += [f"- **{label}:** {_md(value)}" for label, value in _facts(row)]
            lines.append("")
    lines += ["## Bijlage: alle ontvangen bestanden", ""]
    annex = _annex_rows(result)
    lines.append("| " + " | ".join(annex[0]) + " |")
    lines.append("|" + "---|" * len(annex[0]))
    lines += ["| " + " | ".join(_md(value) for value in values) + " |" for values in annex[1:]]
    return "\n".join(lines) + "\n"


def _md(value: str) -> str:
    return str(value).replace("|", "\\|").replace("\n", " ")


def to_docx(result: ReviewResult) -> bytes:
    from docx import Document

    document = Document()
    document.add_heading(_title(result), level=0)
    for heading, rows in sections(result):
        document.add_heading(heading, level=1)
        for row in rows:
            document.add_heading(_heading(row), level=2)
            for label, value in _facts(row):
                paragraph = document.add_paragraph()
                paragraph.add_run(f"{label}: ").bold = True
                paragraph.add_run(str(value))
    document.add_heading("Bijlage: alle ontvangen bestanden", level=1)
    annex = _annex_rows(result)
    grid = document.add_table(rows=len(annex), cols=len(annex[0]))
    grid.style = "Table Grid"
    for r, values in enumerate(annex):
        for c, value in enumerate(values):
            grid.cell(r, c).text = str(value)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
