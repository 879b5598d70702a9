"""`motie draft …` contract: skeleton JSON, check = `motie check`, render formats, amendment changes, errors."""

from __future__ import annotations

import email
import io
import json
import subprocess
import sys
from email import policy

import pytest
from docx import Document
from drafting_helpers import complete_amendment, complete_motion

from assistant.cli import main
from assistant.config import REPO_ROOT
from assistant.motions.model import SCHEMA_VERSION, submission_to_dict
from assistant.motions.render import render_text


def _run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def _write(path, item) -> str:
    path.write_text(json.dumps(submission_to_dict(item), ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_new_prints_a_json_skeleton(capsys):
    code, out, err = _run(capsys, "draft", "new", "--alv-date", "2024-06-26", "--gemeente", "Utrecht")
    assert code == 0 and err == ""
    data = json.loads(out)
    assert data["schema_version"] == SCHEMA_VERSION and data["kind"] == "motie"
    assert data["indiener"] == "Utrecht" and data["meeting_date"] == "2024-06-26"
    assert data["slotzin"] == "En gaat over tot de orde van de dag."
    assert data["titel"].startswith("[")


def test_new_amendment_to_a_file(tmp_path, capsys):
    target = tmp_path / "amendement.json"
    code, out, err = _run(capsys, "draft", "new", "--alv-date", "2024-06-26", "--gemeente", "Zeist",
                          "--kind", "amendement", "--agendapunt", "5b", "-o", str(target))
    assert code == 0 and out == "" and "Skelet geschreven" in err
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["kind"] == "amendement" and data["agenda_item"] == "5b"
    assert data["target_proposal"].startswith("Resolutie: Samenhangend beleid in de asielketen")
    code, _, err = _run(capsys, "draft", "new", "--alv-date", "2024-06-26", "--gemeente", "Zeist",
                        "--kind", "amendement", "--agendapunt", "6")
    assert code == 2 and "niet amendabel" in err


def test_new_with_a_bad_date_exits_2_in_dutch(capsys):
    code, _, err = _run(capsys, "draft", "new", "--alv-date", "26-06-2024", "--gemeente", "Utrecht")
    assert code == 2 and "Ongeldige ALV-datum" in err


def test_check_gives_the_same_findings_and_json_as_motie_check(tmp_path, capsys):
    item = complete_motion(oproepen=[complete_motion().oproepen[0].model_copy(
        update={"text": "ervoor te zorgen dat het Rijk € 100 miljoen vrijmaakt."})])
    draft = _write(tmp_path / "concept.json", item)
    text_file = tmp_path / "motie.txt"
    text_file.write_text(render_text(item), encoding="utf-8")

    draft_code, draft_out, _ = _run(capsys, "draft", "check", draft, "--json")
    check_code, check_out, _ = _run(capsys, "check", str(text_file), "--json")
    drafted, checked = json.loads(draft_out), json.loads(check_out)
    extra = drafted.pop("draft")
    assert drafted == checked  # identical contract, identical findings, identical parsed object
    assert {f["rule"] for f in drafted["findings"]} == {"RESULT_OBLIGATION", "TOO_DETAILED_AMOUNTS"}
    assert draft_code == check_code == 0  # warnings only
    assert extra["complete"] is True and extra["placeholders"] == []


def test_check_help_documents_the_extra_key_and_the_exit_codes(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["draft", "check", "--help"])
    out = capsys.readouterr().out
    assert stop.value.code == 0
    assert '"draft"' in out and "motie check --json" in out
    assert "afsluitcode:" in out
    for code, meaning in (("0", "geen bevinding"), ("1", "negatief oordeel"), ("2", "het bestand is onleesbaar")):
        assert f"  {code}  {meaning}" in out


def test_check_without_a_meeting_exits_2(tmp_path, capsys):
    draft = _write(tmp_path / "concept.json", complete_motion(meeting_date=None))
    code, out, err = _run(capsys, "draft", "check", draft, "--json")
    assert code == 2 and out == "" and "noemt geen ALV" in err


def test_check_refuses_a_skeleton_with_placeholders(tmp_path, capsys):
    target = tmp_path / "concept.json"
    _run(capsys, "draft", "new", "--alv-date", "2024-06-26", "--gemeente", "Utrecht", "-o", str(target))
    code, out, err = _run(capsys, "draft", "check", str(target), "--json")
    data = json.loads(out)
    assert code == 1 and data["draft"]["complete"] is False
    assert {p["part"] for p in data["draft"]["placeholders"]} >= {"titel", "aanleiding", "oproepen"}
    assert "Nog in te vullen: Titel: [Titel van de motie]" in err
    code, out, _ = _run(capsys, "draft", "check", str(target))
    assert code == 1 and "niet compleet" in out and "Deadline donderdag 13 juni 2024, 12:00" in out


def test_render_docx_md_txt_eml_and_supporters(tmp_path, capsys):
    draft = _write(tmp_path / "concept.json", complete_motion())
    docx_path = tmp_path / "motie.docx"
    assert _run(capsys, "draft", "render", draft, "--format", "docx", "-o", str(docx_path))[0] == 0
    assert Document(io.BytesIO(docx_path.read_bytes())).paragraphs[0].text.startswith("Motie: Betaalbare jeugdzorg")
    code, out, _ = _run(capsys, "draft", "render", draft, "--format", "txt")
    assert code == 0 and out == render_text(complete_motion())
    code, out, _ = _run(capsys, "draft", "render", draft, "--format", "md")
    assert out.startswith("# Motie: Betaalbare jeugdzorg voor alle gemeenten")
    eml_path = tmp_path / "motie.eml"
    assert _run(capsys, "draft", "render", draft, "--format", "eml", "-o", str(eml_path))[0] == 0
    message = email.message_from_bytes(eml_path.read_bytes(), policy=policy.default)
    assert message["To"] == "motiealv@vng.nl" and message["Subject"].startswith("Motie Utrecht: ")
    code, out, _ = _run(capsys, "draft", "render", draft, "--format", "steunlijst-csv")
    assert out.splitlines()[0] == "gemeente,rol,motie,indiener" and "Amersfoort,ondersteunend" in out
    code, out, _ = _run(capsys, "draft", "render", draft, "--format", "mailto")
    assert out.startswith("mailto:motiealv@vng.nl?subject=")


def test_render_docx_to_stdout_is_refused(tmp_path, capsys):
    draft = _write(tmp_path / "concept.json", complete_motion())
    code, out, err = _run(capsys, "draft", "render", draft, "--format", "docx")
    assert code == 2 and out == "" and "-o" in err


@pytest.mark.parametrize("content, message", [
    ("{niet: json", "geen geldige JSON"),
    ('{"kind": "brief"}', "geen geldige motie"),
    ('{"schema_version": 99, "kind": "motie"}', "schemaversie"),
])
def test_unreadable_draft_files_exit_2(tmp_path, capsys, content, message):
    path = tmp_path / "kapot.json"
    path.write_text(content, encoding="utf-8")
    code, out, err = _run(capsys, "draft", "check", str(path), "--json")
    assert code == 2 and out == "" and message in err


def test_missing_file_exits_2(capsys):
    code, _, err = _run(capsys, "draft", "render", "bestaat-niet.json", "--format", "txt")
    assert code == 2 and "niet gevonden" in err


def test_wijziging_adds_a_change_to_the_amendment_file(tmp_path, capsys):
    draft = _write(tmp_path / "amendement.json", complete_amendment(changes=[]))
    code, out, _ = _run(capsys, "draft", "wijziging", draft, "--passage",
                        "op aan te dringen dat gemeenten de huisvestingsopgave", "--vervangen-door",
                        "op aan te dringen dat gemeenten en provincies de huisvestingsopgave", "--krap", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["change"] == {"action": "vervangen", "schrappen": "gemeenten de",
                              "vervangen_door": "gemeenten en provincies de", "invoegen_na": ""}
    assert json.loads((tmp_path / "amendement.json").read_text())["changes"] == [data["change"]]
    code, _, err = _run(capsys, "draft", "wijziging", draft, "--passage", "niet in de tekst", "--schrappen")
    assert code == 2 and "komt niet letterlijk voor" in err


def test_voorstellen_lists_amendable_items_with_reasons(capsys):
    code, out, _ = _run(capsys, "draft", "voorstellen", "--alv-date", "2024-06-26")
    assert code == 0 and "5b. Resolutie: Samenhangend beleid in de asielketen" in out
    assert "6. Stand van zaken bestuurlijke afspraken klimaat en energie" in out
    code, out, _ = _run(capsys, "draft", "voorstellen", "--alv-date", "2024-06-26", "--tekst", "5b")
    assert "Bij het nieuwe kabinet te bepleiten" in out


def test_suggesties_and_accept(tmp_path, capsys):
    item = complete_motion(oproepen=[complete_motion().oproepen[0].model_copy(
        update={"text": "ervoor te zorgen dat het Rijk de tekorten dekt;"})])
    draft = _write(tmp_path / "concept.json", item)
    code, out, _ = _run(capsys, "draft", "suggesties", draft, "--json")
    [suggestion] = json.loads(out)["suggestions"]
    assert suggestion["rule"] == "RESULT_OBLIGATION"
    code, out, err = _run(capsys, "draft", "suggesties", draft, "--accepteer", suggestion["id"], "--json")
    assert code == 0 and json.loads(out)["suggestions"] == [] and "overgenomen" in err
    saved = json.loads((tmp_path / "concept.json").read_text())
    assert saved["oproepen"][0]["text"] == "zich ervoor in te spannen dat het Rijk de tekorten dekt;"


def test_command_formats_match_the_drafting_module():
    from assistant.commands.draft import FORMATS as COMMAND_FORMATS
    from assistant.drafting import FORMATS

    assert COMMAND_FORMATS == FORMATS


def test_registering_the_command_imports_nothing_heavy():
    code = ("import sys, assistant.commands.draft as d; "
            "print(sorted(m for m in ('pydantic', 'docx', 'assistant.drafting', 'torch', 'chromadb') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "[]", result.stderr
