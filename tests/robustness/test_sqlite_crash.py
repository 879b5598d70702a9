"""Drafts and review statuses survive a crash mid-write: SQLite in WAL mode with one transaction per change.

A writer process is killed with SIGKILL (a) inside a transaction, after its statements ran and before COMMIT, and
(b) from outside at arbitrary moments while it writes in a loop. After each kill the database is reopened by the
real store classes and must be intact (``PRAGMA integrity_check``), hold every write the writer reported as
committed, hold nothing of the killed transaction, and keep its invariants (a draft's ``current_version`` is its
newest version row; every reviewer change in ``items`` has its row in ``status_log``).
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assistant.config import REPO_ROOT

WRITER = Path(__file__).with_name("sqlite_writer.py")


def _write(kind: str, db: Path, kill_at: int | None = None, *, run_for: float | None = None) -> int:
    """Run the writer; return how many writes it reported as committed before it died."""
    command = [sys.executable, str(WRITER), kind, str(db)] + ([str(kill_at)] if kill_at else [])
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT))
    if kill_at:
        done = subprocess.run(command, capture_output=True, text=True, timeout=120, env=env)
        assert done.returncode == -signal.SIGKILL, done.stderr[-2000:]
        output = done.stdout
    else:
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        deadline = time.monotonic() + 60
        first = process.stdout.readline()  # the writer is up and has committed once
        assert first.startswith("ok"), process.stderr.read()[-2000:]
        assert time.monotonic() < deadline
        time.sleep(run_for)
        process.send_signal(signal.SIGKILL)
        rest, _ = process.communicate(timeout=30)
        output = first + rest
    return max((int(line.split()[1]) for line in output.splitlines() if line.startswith("ok ")), default=0)


def _integrity(db: Path) -> None:
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def _draft_state(db: Path):
    from assistant.drafts_store import DraftStore

    store = DraftStore(db)
    info = store.info("crashtest")
    history = store.history("crashtest")
    loaded = store.load("crashtest")
    return info, history, loaded


@pytest.mark.parametrize("kill_at", [1, 4])
def test_draft_autosave_killed_inside_a_transaction(tmp_path, kill_at):
    db = tmp_path / "drafts.sqlite"
    committed = _write("drafts", db, kill_at=kill_at + 1)  # transaction 1 is the create
    assert committed == kill_at - 1
    _integrity(db)
    info, history, loaded = _draft_state(db)
    assert info.version == committed + 1 == max(v.version for v in history)
    assert loaded.titel == f"versie {committed}"  # the killed save left nothing behind
    assert _write("drafts", db, kill_at=3) == 2  # the store keeps working (no create this time: 2 saves)


def test_draft_autosave_killed_from_outside_at_random_moments(tmp_path):
    db = tmp_path / "drafts.sqlite"
    rng = random.Random(5)
    for _ in range(2):
        committed = _write("drafts", db, run_for=rng.uniform(0.05, 0.6))
        _integrity(db)
        info, history, loaded = _draft_state(db)
        assert info.version == max(v.version for v in history)
        number = int(loaded.titel.split()[-1])
        assert number >= committed, "een gemelde (gecommitte) versie is verloren gegaan"
        assert number <= committed + 1  # at most the one that committed just before the kill


def _review_state(db: Path):
    from assistant.review.store import ReviewStore

    with ReviewStore(db) as store:
        item = store.item_by_number("2024-06-26", "M1")
        log = store.status_log(item.id)
    return item, log


@pytest.mark.parametrize("kill_at", [2, 5])
def test_review_status_killed_inside_a_transaction(tmp_path, kill_at):
    db = tmp_path / "review.sqlite"
    committed = _write("review", db, kill_at=kill_at + 1)  # transaction 1 is add_item
    assert committed == kill_at - 1
    _integrity(db)
    item, log = _review_state(db)
    assert item.preadvies_text == (f"tekst {committed}" if committed else "")
    # every change in items has its log row, and the killed transaction logged nothing
    assert [row["new_value"] for row in log if row["field"] == "preadvies_text"] == \
        [f"tekst {n}" for n in range(1, committed + 1)]


def test_review_status_killed_from_outside_at_random_moments(tmp_path):
    db = tmp_path / "review.sqlite"
    rng = random.Random(9)
    for _ in range(2):
        committed = _write("review", db, run_for=rng.uniform(0.05, 0.6))
        _integrity(db)
        item, log = _review_state(db)
        texts = [row["new_value"] for row in log if row["field"] == "preadvies_text"]
        assert item.preadvies_text == texts[-1], "status en logboek lopen uiteen"
        assert int(texts[-1].split()[-1]) >= committed
