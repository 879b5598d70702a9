"""Ingesting a package for a meeting the registry does not know proposes a registry entry for review."""

import datetime as dt
import subprocess
import sys

from assistant.config import REPO_ROOT, Settings
from assistant.index.build import ingest
from assistant.rules.meetings import get_meeting, proposals_dir


def _new_package(tmp_path):
    """The 2019 package moved to an unknown date: the same shape as next year's invitation."""
    text = (REPO_ROOT / "corpus" / "2019-11-29-balv-vergaderstukken.txt").read_text(encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "pakket.txt").write_text(text.replace("29 november 2019", "27 november 2026")
                                       .replace("29-11-2019", "27-11-2026"), encoding="utf-8")
    return corpus


def test_unknown_meeting_in_ingested_package_leaves_a_proposal_to_accept(tmp_path):
    corpus = _new_package(tmp_path)
    settings = Settings(repo_root=tmp_path, corpus_dir=corpus, data_dir=tmp_path / "data",
                        embedding_cache_dir=tmp_path / "cache", embedder="none")
    report = ingest(settings, bm25_only=True)
    proposal = proposals_dir(settings) / "2026-11-27.json"
    assert proposal.exists()
    assert any("motie meeting accept 2026-11-27" in warning for warning in report.warnings)
    assert get_meeting(dt.date(2026, 11, 27), settings) is None  # not used before review

    env = {"MOTIE_DATA_DIR": str(settings.data_dir), "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-m", "assistant", "meeting", "accept", "2026-11-27"], env=env,
                          capture_output=True, text=True, cwd=REPO_ROOT)
    assert done.returncode == 0, done.stderr
    meeting = get_meeting(dt.date(2026, 11, 27), settings)
    assert meeting is not None and meeting.kind == "BALV"
    assert not proposal.exists()


def test_known_meeting_gets_no_proposal(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "pakket.txt").write_bytes((REPO_ROOT / "corpus" / "2024-06-26-alv-vergaderstukken.txt").read_bytes())
    settings = Settings(repo_root=tmp_path, corpus_dir=corpus, data_dir=tmp_path / "data",
                        embedding_cache_dir=tmp_path / "cache", embedder="none")
    ingest(settings, bm25_only=True)
    assert not proposals_dir(settings).exists() or not any(proposals_dir(settings).iterdir())
