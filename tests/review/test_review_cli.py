"""``motie review`` as a user runs it: a subprocess with its own data dir (the JSON contract, exit codes, stderr)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import openpyxl
import pytest

from assistant.config import REPO_ROOT

CONTRACT_ROW_KEYS = {"file", "number", "kind", "gemeenten", "title", "agenda_item", "submitted_at",
                     "submitted_at_source", "valid", "findings", "duplicate_of", "supersedes", "group"}


def motie(*args: str, data_dir) -> subprocess.CompletedProcess:
    env = {**os.environ, "MOTIE_DATA_DIR": str(data_dir), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "assistant", *args], capture_output=True, text=True, env=env,
                          cwd=REPO_ROOT, timeout=120)


@pytest.fixture(scope="module")
def json_run(submissions, tmp_path_factory):
    folder, roles = submissions
    data_dir = tmp_path_factory.mktemp("cli-data")
    out = data_dir / "overzicht.xlsx"
    done = motie("review", str(folder), "--alv-date", "2024-06-26", "--json", "--out", str(out), data_dir=data_dir)
    return done, roles, out


def test_json_contract_on_stdout_progress_on_stderr(json_run):
    done, roles, _ = json_run
    payload = json.loads(done.stdout)  # stdout holds only JSON
    assert {"alv_date", "rows", "groups"} <= set(payload)
    assert payload["alv_date"] == "2024-06-26"
    assert {row["file"] for row in payload["rows"]} == set(roles)
    for row in payload["rows"]:
        assert CONTRACT_ROW_KEYS <= set(row)
        for finding in row["findings"]:
            assert set(finding) >= {"rule", "severity", "message", "hint", "sources"}
    unreadable = [row for row in payload["rows"] if row.get("error")]
    assert unreadable and all(row["valid"] is False for row in unreadable)
    assert payload["groups"] and {"id", "files"} <= set(payload["groups"][0])
    assert "Inzendingen lezen" in done.stderr and "Overzicht geschreven naar" in done.stderr
    assert done.returncode == 1, "invalid and unreadable submissions make a negative verdict"


def test_out_file_is_written(json_run):
    done, roles, out = json_run
    sheet = openpyxl.load_workbook(out)["Overzicht"]
    assert sheet.max_row == len(json.loads(done.stdout)["rows"]) + 1


def test_text_report_and_wrong_calls(submissions, tmp_path):
    folder, _ = submissions
    text = motie("review", str(folder), "--meeting", "2024-06-26", data_dir=tmp_path)
    assert text.returncode == 1
    assert "Toetsing inzendingen voor de ALV van 2024-06-26" in text.stdout
    assert "NIET LEESBAAR" in text.stdout and "alleen toelaatbaar bij actueel onderwerp" in text.stdout
    bad_date = motie("review", str(folder), "--alv-date", "26-06-2024", data_dir=tmp_path)
    assert bad_date.returncode == 2 and "Ongeldige datum" in bad_date.stderr and not bad_date.stdout
    missing = motie("review", str(tmp_path / "bestaat-niet"), "--alv-date", "2024-06-26", data_dir=tmp_path)
    assert missing.returncode == 2 and "niet gevonden" in missing.stderr
    bad_out = motie("review", str(folder), "--alv-date", "2024-06-26", "--out", "x.pdf", data_dir=tmp_path)
    assert bad_out.returncode == 2 and "exportformaat" in bad_out.stderr
    no_date = motie("review", str(folder), data_dir=tmp_path)
    assert no_date.returncode == 2 and "--alv-date" in no_date.stderr
