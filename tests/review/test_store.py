"""The review store on disk: numbering, versions, reviewer fields, WAL and transactions."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from assistant.errors import InputError
from assistant.review.store import STATUSES, ReviewStore, normalise_gemeente_key


@pytest.fixture()
def store(tmp_path):
    with ReviewStore(tmp_path / "review.sqlite") as opened:
        yield opened


def test_numbers_count_per_kind_and_per_meeting(store):
    numbers = [store.add_item("2024-06-26", kind, lead_gemeente="Zeist", title="t").number
               for kind in ("motie", "motie", "amendement", "motie")]
    assert numbers == ["M1", "M2", "A1", "M3"]
    assert store.add_item("2019-11-29", "motie", lead_gemeente="Zeist", title="t").number == "M1"
    with pytest.raises(InputError):
        store.add_item("2024-06-26", "resolutie", lead_gemeente="Zeist", title="t")


def test_versions_and_hash_lookup(store):
    item = store.add_item("2024-06-26", "motie", lead_gemeente="Ede", title="Boa's")
    first = store.add_version(item.id, sha256="a" * 64, file="v1.txt", fingerprint="Boa's\ntekst")
    second = store.add_version(item.id, sha256="b" * 64, file="v2.txt", fingerprint="Boa's aangepast\ntekst")
    assert (first.version, second.version) == (1, 2)
    assert store.version_by_hash("2024-06-26", "b" * 64).file == "v2.txt"
    assert store.version_by_hash("2019-11-29", "b" * 64) is None
    assert store.item(item.id).title == "Boa's aangepast"
    with pytest.raises(sqlite3.IntegrityError):  # one document (hash) is one version, never two
        store.add_version(item.id, sha256="a" * 64, file="kopie.txt")
    assert [v.file for v in store.versions_of(item.id)] == ["v1.txt", "v2.txt"]


def test_resubmission_candidates_match_gemeente_names_loosely(store):
    store.add_item("2024-06-26", "motie", lead_gemeente="Súdwest-Fryslân", title="x")
    assert store.candidates_for_new_version("2024-06-26", "motie", "gemeente Súdwest Fryslân")
    assert not store.candidates_for_new_version("2024-06-26", "amendement", "Súdwest-Fryslân")
    assert not store.candidates_for_new_version("2024-06-26", "motie", "")
    assert normalise_gemeente_key("De gemeente 's-Hertogenbosch") == normalise_gemeente_key("'s-Hertogenbosch")


def test_reviewer_fields_are_validated_logged_and_persisted(tmp_path):
    path = tmp_path / "review.sqlite"
    with ReviewStore(path) as store:
        item = store.add_item("2024-06-26", "motie", lead_gemeente="Zeist", title="t")
        store.add_version(item.id, sha256="c" * 64, file="m.txt")
        store.set_fields("2024-06-26", "m1", status="Preadvies  Ontraden", preadvies_text="Niet steunen.")
        store.set_manual_submitted_at("2024-06-26", "M1", dt.datetime(2024, 6, 13, 12, 30))
        with pytest.raises(InputError):
            store.set_fields("2024-06-26", "M1", status="afgewezen")
        with pytest.raises(InputError):
            store.set_fields("2024-06-26", "M1", kleur="rood")
        with pytest.raises(InputError):
            store.set_fields("2024-06-26", "M7", status="compleet")
    with ReviewStore(path) as reopened:
        item = reopened.item_by_number("2024-06-26", "M1")
        assert (item.status, item.preadvies_text) == ("preadvies ontraden", "Niet steunen.")
        assert reopened.versions_of(item.id)[-1].manual_submitted_at == "2024-06-13T12:30"
        log = reopened.status_log(item.id)
        assert [entry["field"] for entry in log] == ["status", "preadvies_text", "submitted_at"]
        assert log[0]["old_value"] == "ontvangen" and log[0]["new_value"] == "preadvies ontraden"
    assert set(STATUSES) == {"ontvangen", "compleet", "preadvies overnemen", "preadvies aanhouden",
                             "preadvies ontraden", "ingetrokken"}


def test_wal_mode_and_a_failed_transaction_leaves_nothing_behind(tmp_path):
    path = tmp_path / "review.sqlite"
    with ReviewStore(path) as store:
        assert store._connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        with pytest.raises(RuntimeError):
            with store.transaction() as db:
                db.execute("INSERT INTO items (alv_date, kind, seq, number, created_at, updated_at)"
                           " VALUES ('2024-06-26', 'motie', 1, 'M1', 'x', 'x')")
                raise RuntimeError("halverwege mis")
        assert store.items("2024-06-26") == []
        # A second connection (the app next to the CLI) sees committed work at once.
        with ReviewStore(path) as other:
            store.add_item("2024-06-26", "motie", lead_gemeente="Zeist", title="t")
            assert [i.number for i in other.items("2024-06-26")] == ["M1"]
            assert other.add_item("2024-06-26", "motie", lead_gemeente="Ede", title="u").number == "M2"


def test_record_document_is_atomic_and_idempotent_across_connections(tmp_path):
    path = tmp_path / "review.sqlite"
    with ReviewStore(path) as one, ReviewStore(path) as two:
        first = one.record_document("2024-06-26", kind="motie", lead_gemeente="Zeist", title="t", sha256="d" * 64,
                                    file="m.txt")
        again = two.record_document("2024-06-26", kind="motie", lead_gemeente="Zeist", title="t", sha256="d" * 64,
                                    file="m-kopie.txt")
        assert again == first, "the second importer finds the document instead of numbering it twice"
        assert [i.number for i in two.items("2024-06-26")] == ["M1"]
        newer = two.record_document("2024-06-26", kind="motie", lead_gemeente="Zeist", title="t", sha256="e" * 64,
                                    file="m-v2.txt", fingerprint="t (aangepast)\n...", item_id=first.item_id)
        assert (newer.item_id, newer.version) == (first.item_id, 2)
        assert one.item(first.item_id).title == "t (aangepast)"
