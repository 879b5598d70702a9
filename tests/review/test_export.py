"""Exports open with their own libraries and contain every row."""

from __future__ import annotations

import csv
import io

import docx
import openpyxl
import pytest
from review_helpers import ALV

from assistant.errors import InputError
from assistant.review import export, review_folder, set_status
from assistant.review.overview import COLUMNS


@pytest.fixture()
def result(submissions, review_settings, motion_records):
    folder, _ = submissions
    first = review_folder(folder, ALV, review_settings, motion_records=motion_records)
    zeist = next(r for r in first.rows if r.file == "01-zeist-stroomnet.txt").number
    set_status(review_settings, ALV, zeist, status="preadvies overnemen", preadvies_text="Overnemen; sluit aan bij "
               "de VNG-inzet op netcongestie.")
    return review_folder(folder, ALV, review_settings, motion_records=motion_records)


def test_csv_has_a_header_and_every_row(result, tmp_path):
    path = export(result, tmp_path / "overzicht.csv")
    with open(path, encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle, delimiter=";"))
    assert table[0] == [c.label for c in COLUMNS]
    file_column = table[0].index("Bestand")
    assert sorted(r[file_column] for r in table[1:]) == sorted(r.file for r in result.rows)
    status_column, preadvies_column = table[0].index("Status"), table[0].index("Preadvies")
    zeist = next(r for r in table[1:] if r[file_column] == "01-zeist-stroomnet.txt")
    assert zeist[status_column] == "preadvies overnemen" and zeist[preadvies_column].startswith("Overnemen")
    assert export(result, "csv") == path.read_bytes()


def test_xlsx_opens_with_openpyxl_with_every_row_findings_and_groups(result, tmp_path):
    path = export(result, tmp_path / "overzicht.xlsx")
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == ["Overzicht", "Bevindingen", "Groepen"]
    sheet = workbook["Overzicht"]
    header = [c.value for c in sheet[1]]
    assert header == [c.label for c in COLUMNS]
    files = [row[header.index("Bestand")] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert sorted(files) == sorted(r.file for r in result.rows)
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref
    findings = list(workbook["Bevindingen"].iter_rows(min_row=2, values_only=True))
    assert len(findings) == sum(len(r.findings) for r in result.rows) > 0
    assert any(f[2] == "UNSIGNED" and f[3] == "fout" and "vergaderstukken" in f[6] for f in findings)
    groups = list(workbook["Groepen"].iter_rows(min_row=2, values_only=True))
    assert len(groups) == len(result.groups)


def test_markdown_overview_per_agenda_item_with_preadvies_and_every_file(result, tmp_path):
    text = export(result, tmp_path / "overzicht.md").read_text(encoding="utf-8")
    assert text.startswith("# Overzicht moties en amendementen — ALV 26 juni 2024")
    assert "## Agendapunt 5b" in text and "## Moties zonder agendapunt" in text
    assert text.index("## Agendapunt 5b") < text.index("## Moties zonder agendapunt")
    assert "**Preadvies bestuur:** Overnemen; sluit aan bij de VNG-inzet" in text
    assert "alleen toelaatbaar bij actueel onderwerp" in text
    for row in result.rows:
        assert row.file in text
    for row in result.rows:
        if row.counted:
            assert f"### {row.number} — " in text
    assert "### None" not in text


def test_docx_overview_opens_with_python_docx_and_lists_every_file(result, tmp_path):
    document = docx.Document(export(result, tmp_path / "overzicht.docx"))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert headings[0] == "Overzicht moties en amendementen — ALV 26 juni 2024"
    counted = [r for r in result.rows if r.counted]
    assert sum(h.startswith(("M", "A")) and " — " in h for h in headings) == len(counted)
    annex = document.tables[-1]
    assert [c.text for c in annex.rows[0].cells] == ["Bestand", "Nr.", "Soort", "Opmerking"]
    assert sorted(r.cells[0].text for r in annex.rows[1:]) == sorted(r.file for r in result.rows)
    remarks = {r.cells[0].text: r.cells[3].text for r in annex.rows[1:]}
    assert remarks["03-zeist-stroomnet-kopie.txt"] == "duplicaat van 01-zeist-stroomnet.txt"
    assert remarks["06-scan-motie.pdf"].startswith("niet leesbaar")
    assert remarks["10-ede-boa.txt"].startswith("vervangen door nieuwere versie")


def test_unknown_format_is_a_dutch_error(result, tmp_path):
    with pytest.raises(InputError, match="exportformaat"):
        export(result, tmp_path / "overzicht.pdf")
    assert isinstance(export(result, "xlsx"), bytes)
    openpyxl.load_workbook(io.BytesIO(export(result, "xlsx")))
