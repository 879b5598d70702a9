"""``motie ask`` as a subprocess: the --json and --jsonl contracts (stdout holds only JSON)."""

import json
import os
import subprocess
import sys

from assistant.config import REPO_ROOT


def _run(args, settings, stdin=None):
    env = dict(os.environ, MOTIE_DATA_DIR=str(settings.data_dir),
               MOTIE_EMBEDDING_CACHE_DIR=str(settings.embedding_cache_dir), MOTIE_LLM_BACKEND="none")
    return subprocess.run([sys.executable, "-m", "assistant", "ask", *args], input=stdin, capture_output=True,
                          text=True, cwd=REPO_ROOT, env=env, timeout=180)


def test_jsonl_one_line_per_question_in_order(bundled_index_settings):
    lines = [
        json.dumps({"id": 1, "question": "Tot wanneer kan ik een amendement indienen voor de ALV van 26 juni 2024?"}),
        "dit is geen json",
        json.dumps({"id": "drie", "question": "Wat was het preadvies op de motie van Renkum?"}),
        json.dumps({"id": 4, "question": "Wat is het e-mailadres van de griffie van Renkum?"}),
    ]
    result = _run(["--jsonl"], bundled_index_settings, "\n".join(lines) + "\n")
    out = [json.loads(line) for line in result.stdout.splitlines()]  # every stdout line is JSON
    assert [o["id"] for o in out] == [1, None, "drie", 4]
    assert out[0]["route"] == "rules" and out[0]["found"] and "13 juni" in out[0]["answer"]
    assert "error" in out[1] and out[1]["found"] is False
    assert out[2]["route"] == "retrieval" and out[2]["found"]
    assert out[3]["found"] is False
    generation = out[0]["index_generation"]
    assert generation and all(o["index_generation"] == generation for o in out)
    assert result.returncode == 2  # one unreadable line
    assert "Regel 2" in result.stderr


def test_json_single_question_and_exit_codes(bundled_index_settings):
    found = _run(["Wie moet de motie ondertekenen?", "--json"], bundled_index_settings)
    assert found.returncode == 0, found.stderr
    data = json.loads(found.stdout)
    assert data["route"] == "rules" and data["sources"][0]["path"].startswith("corpus/")
    refused = _run(["Wie is de griffier van de gemeente Renkum?", "--json"], bundled_index_settings)
    assert refused.returncode == 1 and json.loads(refused.stdout)["found"] is False


def test_wrong_calls_exit_2_with_dutch_message(bundled_index_settings):
    bad_date = _run(["vraag", "--alv-date", "31-02-2024"], bundled_index_settings)
    assert bad_date.returncode == 2 and "datum" in bad_date.stderr.lower()
    no_question = _run([], bundled_index_settings)
    assert no_question.returncode == 2 and "Geen vraag" in no_question.stderr
