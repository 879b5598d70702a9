"""Saved drafts: SQLite with version history, per user, real delete, JSON export/import, across processes."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys

import pytest
from drafting_helpers import complete_amendment, complete_motion

from assistant.config import REPO_ROOT
from assistant.drafts_store import MAX_VERSIONS, DraftStore
from assistant.errors import InputError
from assistant.motions.model import SCHEMA_VERSION, submission_to_dict


def test_wal_mode_and_schema(store):
    with sqlite3.connect(store.path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert set(store.table_counts()) == {"drafts", "draft_versions"}


def test_autosave_keeps_a_version_per_change_and_skips_unchanged(store):
    motion = complete_motion()
    info = store.create(motion)
    assert info.version == 1 and info.user == "lokaal"
    store.save(info.draft_id, motion)  # unchanged: no new version
    assert store.info(info.draft_id).version == 1
    store.save(info.draft_id, motion.model_copy(update={"titel": "Tweede titel"}))
    store.save(info.draft_id, motion.model_copy(update={"titel": "Derde titel"}))
    assert [v.version for v in store.history(info.draft_id)] == [3, 2, 1]
    assert [v.titel for v in store.history(info.draft_id)] == ["Derde titel", "Tweede titel", motion.titel]
    assert store.load(info.draft_id).titel == "Derde titel"
    assert store.load(info.draft_id, version=1) == motion


def test_restore_an_older_version_as_a_new_one(store):
    motion = complete_motion()
    draft_id = store.create(motion).draft_id
    store.save(draft_id, motion.model_copy(update={"titel": "Fout"}))
    info = store.restore(draft_id, 1)
    assert info.version == 3 and store.load(draft_id) == motion


def test_history_is_capped(store, monkeypatch):
    import assistant.drafts_store as drafts_store

    monkeypatch.setattr(drafts_store, "MAX_VERSIONS", 3)
    draft_id = store.create(complete_motion()).draft_id
    for number in range(6):
        store.save(draft_id, complete_motion(titel=f"Titel {number}"))
    assert [v.version for v in store.history(draft_id)] == [7, 6, 5]
    assert MAX_VERSIONS >= 100


def test_drafts_belong_to_a_user(store):
    mine = store.create(complete_motion(), user="griffie-utrecht").draft_id
    theirs = store.create(complete_amendment(), user="griffie-zeist").draft_id
    assert [d.draft_id for d in store.list(user="griffie-utrecht")] == [mine]
    assert [d.draft_id for d in store.list(user="griffie-zeist")] == [theirs]
    assert store.list() == []  # the default user "lokaal" sees neither
    with pytest.raises(InputError, match="niet gevonden"):
        store.load(theirs, user="griffie-utrecht")
    with pytest.raises(InputError, match="niet gevonden"):
        store.delete(theirs, user="griffie-utrecht")
    assert store.load(theirs, user="griffie-zeist").kind == "amendement"


def test_delete_really_deletes(store):
    motion = complete_motion()
    draft_id = store.create(motion).draft_id
    for number in range(3):
        store.save(draft_id, motion.model_copy(update={"titel": f"Versie {number}"}))
    assert store.table_counts() == {"drafts": 1, "draft_versions": 4}
    store.delete(draft_id)
    assert store.table_counts() == {"drafts": 0, "draft_versions": 0}
    with pytest.raises(InputError):
        store.load(draft_id)
    # Contact persons are personal data: no trace left in the database file or its write-ahead log.
    for path in (store.path, store.path.with_name(store.path.name + "-wal")):
        if path.exists():
            assert b"k.pietersen@utrecht.nl" not in path.read_bytes()


def test_delete_all_drafts_of_a_user(store):
    for _ in range(2):
        store.create(complete_motion(), user="vertrokken")
    kept = store.create(complete_motion(), user="blijft").draft_id
    assert store.delete_user("vertrokken") == 2
    assert store.table_counts() == {"drafts": 1, "draft_versions": 1}
    assert store.load(kept, user="blijft") == complete_motion()


def test_export_is_the_checker_parsed_object_plus_schema_version(store):
    amendment = complete_amendment()
    draft_id = store.create(amendment).draft_id
    exported = store.export_json(draft_id)
    assert exported == submission_to_dict(amendment)
    assert exported["schema_version"] == SCHEMA_VERSION
    info = store.import_json(json.loads(json.dumps(exported)), user="ander")
    assert store.load(info.draft_id, user="ander") == amendment


def test_import_refuses_a_newer_schema_and_invalid_content(store):
    data = submission_to_dict(complete_motion())
    with pytest.raises(InputError, match="schemaversie"):
        store.import_json({**data, "schema_version": SCHEMA_VERSION + 1})
    with pytest.raises(InputError, match="geen geldige motie"):
        store.import_json({**data, "kind": "brief"})
    with pytest.raises(InputError, match="geen geldige motie"):
        store.import_json({**data, "datum_indiening": "gisteren"})


def _motie(*args: str, data_dir) -> subprocess.CompletedProcess:
    env = {**os.environ, "MOTIE_DATA_DIR": str(data_dir)}
    return subprocess.run([sys.executable, "-m", "assistant", *args], cwd=REPO_ROOT, env=env, capture_output=True,
                          text=True, timeout=60)


def test_drafts_survive_a_process_restart(tmp_path):
    """One process saves (and edits) a draft; a new process lists, shows and exports it."""
    data_dir = tmp_path / "data"
    draft_file = tmp_path / "concept.json"
    motion = complete_motion()
    draft_file.write_text(json.dumps(submission_to_dict(motion), ensure_ascii=False), encoding="utf-8")
    saved = _motie("draft", "save", str(draft_file), "--json", data_dir=data_dir)
    assert saved.returncode == 0, saved.stderr
    draft_id = json.loads(saved.stdout)["draft_id"]
    draft_file.write_text(json.dumps(submission_to_dict(motion.model_copy(update={"titel": "Nieuwe titel"}))),
                          encoding="utf-8")
    assert _motie("draft", "save", str(draft_file), "--id", draft_id, data_dir=data_dir).returncode == 0

    listed = _motie("draft", "list", "--json", data_dir=data_dir)
    assert [(d["draft_id"], d["version"], d["titel"]) for d in json.loads(listed.stdout)["drafts"]] == [
        (draft_id, 2, "Nieuwe titel")]
    shown = _motie("draft", "show", draft_id, "--versie", "1", "--json", data_dir=data_dir)
    assert json.loads(shown.stdout) == submission_to_dict(motion)
    # And the same file read directly by this process:
    assert DraftStore(data_dir / "drafts.sqlite").load(draft_id).titel == "Nieuwe titel"

    deleted = _motie("draft", "delete", draft_id, data_dir=data_dir)
    assert deleted.returncode == 0 and "verwijderd" in deleted.stdout
    assert DraftStore(data_dir / "drafts.sqlite").table_counts() == {"drafts": 0, "draft_versions": 0}
    missing = _motie("draft", "show", draft_id, data_dir=data_dir)
    assert missing.returncode == 2 and "niet gevonden" in missing.stderr and "Traceback" not in missing.stderr
