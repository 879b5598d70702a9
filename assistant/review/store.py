"""The review store: what the concernstaf decides about each submission, kept in SQLite.

One database (``settings.resolved_review_db``) holds, per meeting (ALV date):

* ``items``: one row per motion or amendment, with its number (M1, M2, ... / A1, A2, ...), the reviewer's status,
  the preadvies text, the "actueel onderwerp" reason for a late motion and an agenda item the reviewer assigned.
  The number never changes once given, so a re-import of the same folder shows the same numbers.
* ``versions``: one row per distinct submitted document (keyed by its sha256) linked to its item. A resubmission
  by the same gemeente becomes version 2 of the same item and supersedes version 1. A manual submission time the
  reviewer enters belongs to a version (the e-mail of a later version has its own time).
* ``status_log``: every change a reviewer made (who knows, the bestuur may ask).

WAL mode and one transaction per operation let the CLI and the app use the database at the same time.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from assistant.errors import InputError

STATUSES = (
    "ontvangen",
    "compleet",
    "preadvies overnemen",
    "preadvies aanhouden",
    "preadvies ontraden",
    "ingetrokken",
)
DEFAULT_STATUS = "ontvangen"
NUMBER_PREFIX = {"motie": "M", "amendement": "A"}

_SCHEMA = """
CREATE TABLE IF NOT EXISTS items (
    id INTEGER PRIMARY KEY,
    alv_date TEXT NOT NULL,
    kind TEXT NOT NULL,
    seq INTEGER NOT NULL,
    number TEXT NOT NULL,
    lead_gemeente TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'ontvangen',
    preadvies_text TEXT NOT NULL DEFAULT '',
    actueel_reason TEXT NOT NULL DEFAULT '',
    agenda_item TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (alv_date, number)
);
CREATE TABLE IF NOT EXISTS versions (
    id INTEGER PRIMARY KEY,
    alv_date TEXT NOT NULL,
    item_id INTEGER NOT NULL REFERENCES items(id),
    version INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    file TEXT NOT NULL,
    fingerprint TEXT NOT NULL DEFAULT '',
    manual_submitted_at TEXT,
    first_seen TEXT NOT NULL,
    UNIQUE (alv_date, sha256)
);
CREATE INDEX IF NOT EXISTS versions_item ON versions(item_id);
CREATE TABLE IF NOT EXISTS status_log (
    id INTEGER PRIMARY KEY,
    item_id INTEGER NOT NULL REFERENCES items(id),
    field TEXT NOT NULL,
    old_value TEXT,
    new_value TEXT,
    changed_at TEXT NOT NULL
);
"""


@dataclass(frozen=True)
class StoredItem:
    id: int
    alv_date: str
    kind: str
    number: str
    lead_gemeente: str
    title: str
    status: str
    preadvies_text: str
    actueel_reason: str
    agenda_item: str


@dataclass(frozen=True)
class StoredVersion:
    id: int
    item_id: int
    version: int
    sha256: str
    file: str
    fingerprint: str
    manual_submitted_at: str | None


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def normalise_gemeente_key(name: str) -> str:
    """A comparison key for a gemeente name: case, 'gemeente' prefix and punctuation do not matter."""
    key = name.casefold().strip()
    key = re.sub(r"^(de\s+)?gemeenten?\s+", "", key)
    return re.sub(r"[^0-9a-zà-ÿ]+", "", key)


class ReviewStore:
    """Reviewer decisions and submission numbering for one or more meetings (thread: one connection per store)."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._connection = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        self._connection.row_factory = sqlite3.Row
        self._connection.execute("PRAGMA journal_mode=WAL")
        self._connection.execute("PRAGMA synchronous=NORMAL")  # with WAL: consistent after a crash, fewer fsyncs
        self._connection.execute("PRAGMA foreign_keys=ON")
        self._connection.executescript(_SCHEMA)

    def close(self) -> None:
        self._connection.close()

    def __enter__(self) -> "ReviewStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (BEGIN IMMEDIATE: a second writer waits instead of failing halfway)."""
        self._connection.execute("BEGIN IMMEDIATE")
        try:
            yield self._connection
        except BaseException:
            self._connection.execute("ROLLBACK")
            raise
        self._connection.execute("COMMIT")

    # --- reading -------------------------------------------------------------------------------------------

    def version_by_hash(self, alv_date: str, sha256: str) -> StoredVersion | None:
        row = self._connection.execute(
            "SELECT * FROM versions WHERE alv_date = ? AND sha256 = ?", (alv_date, sha256)
        ).fetchone()
        return _version(row) if row else None

    def versions_of(self, item_id: int) -> list[StoredVersion]:
        rows = self._connection.execute(
            "SELECT * FROM versions WHERE item_id = ? ORDER BY version", (item_id,)
        ).fetchall()
        return [_version(row) for row in rows]

    def item(self, item_id: int) -> StoredItem:
        row = self._connection.execute("SELECT * FROM items WHERE id = ?", (item_id,)).fetchone()
        return _item(row)

    def item_by_number(self, alv_date: str, number: str) -> StoredItem | None:
        row = self._connection.execute(
            "SELECT * FROM items WHERE alv_date = ? AND number = ?", (alv_date, number.strip().upper())
        ).fetchone()
        return _item(row) if row else None

    def items(self, alv_date: str) -> list[StoredItem]:
        rows = self._connection.execute(
            "SELECT * FROM items WHERE alv_date = ? ORDER BY kind DESC, seq", (alv_date,)
        ).fetchall()
        return [_item(row) for row in rows]

    def candidates_for_new_version(self, alv_date: str, kind: str, lead_gemeente: str) -> list[StoredItem]:
        """Items of the same kind from the same lead gemeente: a new document may be a resubmission of one."""
        key = normalise_gemeente_key(lead_gemeente)
        if not key:
            return []
        return [
            item
            for item in self.items(alv_date)
            if item.kind == kind and normalise_gemeente_key(item.lead_gemeente) == key
        ]

    def status_log(self, item_id: int) -> list[dict]:
        rows = self._connection.execute(
            "SELECT field, old_value, new_value, changed_at FROM status_log WHERE item_id = ? ORDER BY id",
            (item_id,),
        ).fetchall()
        return [dict(row) for row in rows]

    # --- writing -------------------------------------------------------------------------------------------

    def add_item(self, alv_date: str, kind: str, *, lead_gemeente: str, title: str) -> StoredItem:
        """A new motion or amendment with the next free number of its kind for this meeting."""
        with self.transaction() as db:
            item_id = self._insert_item(db, alv_date, kind, lead_gemeente, title)
        return self.item(item_id)

    def add_version(self, item_id: int, *, sha256: str, file: str, fingerprint: str = "") -> StoredVersion:
        """Record a document as the newest version of an item (version numbers count up from 1)."""
        with self.transaction() as db:
            version_id = self._insert_version(db, item_id, sha256, file, fingerprint)
        return self._version_by_id(version_id)

    def record_document(
        self, alv_date: str, *, kind: str, lead_gemeente: str, title: str, sha256: str, file: str,
        fingerprint: str = "", item_id: int | None = None,
    ) -> StoredVersion:
        """A document seen for the first time: a new version of ``item_id`` or of a new item — in ONE transaction,
        so two reviewers importing the same folder at once never create the same number twice. If another
        process recorded the same document meanwhile, its version is returned."""
        with self.transaction() as db:
            row = db.execute("SELECT id FROM versions WHERE alv_date = ? AND sha256 = ?", (alv_date, sha256)).fetchone()
            if row is not None:
                version_id = row["id"]
            else:
                if item_id is None:
                    item_id = self._insert_item(db, alv_date, kind, lead_gemeente, title)
                version_id = self._insert_version(db, item_id, sha256, file, fingerprint)
        return self._version_by_id(version_id)

    def _insert_item(self, db: sqlite3.Connection, alv_date: str, kind: str, lead_gemeente: str, title: str) -> int:
        if kind not in NUMBER_PREFIX:
            raise InputError(f"Onbekende soort inzending: {kind!r}")
        now = _now()
        (seq,) = db.execute(
            "SELECT COALESCE(MAX(seq), 0) + 1 FROM items WHERE alv_date = ? AND kind = ?", (alv_date, kind)
        ).fetchone()
        cursor = db.execute(
            "INSERT INTO items (alv_date, kind, seq, number, lead_gemeente, title, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (alv_date, kind, seq, f"{NUMBER_PREFIX[kind]}{seq}", lead_gemeente, title, now, now),
        )
        return cursor.lastrowid

    def _insert_version(self, db: sqlite3.Connection, item_id: int, sha256: str, file: str, fingerprint: str) -> int:
        item = _item(db.execute("SELECT * FROM items WHERE id = ?", (item_id,)).fetchone())
        (version,) = db.execute(
            "SELECT COALESCE(MAX(version), 0) + 1 FROM versions WHERE item_id = ?", (item_id,)
        ).fetchone()
        cursor = db.execute(
            "INSERT INTO versions (alv_date, item_id, version, sha256, file, fingerprint, first_seen)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (item.alv_date, item_id, version, sha256, file, fingerprint, _now()),
        )
        if version > 1:  # the overview shows the newest version's title
            db.execute("UPDATE items SET title = ?, updated_at = ? WHERE id = ?",
                       (_title_of(fingerprint, item.title), _now(), item_id))
        return cursor.lastrowid

    def _version_by_id(self, version_id: int) -> StoredVersion:
        return _version(self._connection.execute("SELECT * FROM versions WHERE id = ?", (version_id,)).fetchone())

    def set_fields(self, alv_date: str, number: str, **changes: str | None) -> StoredItem:
        """Update reviewer fields of an item (status, preadvies_text, actueel_reason, agenda_item), logged."""
        allowed = {"status", "preadvies_text", "actueel_reason", "agenda_item"}
        unknown = set(changes) - allowed
        if unknown:
            raise InputError(f"Onbekend veld: {', '.join(sorted(unknown))}")
        item = self._require_item(alv_date, number)
        if "status" in changes and changes["status"] is not None:
            changes["status"] = validate_status(changes["status"])
        updates = {k: (v or "").strip() for k, v in changes.items() if v is not None}
        now = _now()
        with self.transaction() as db:
            for field, value in updates.items():
                old = getattr(item, field)
                if old == value:
                    continue
                db.execute(f"UPDATE items SET {field} = ?, updated_at = ? WHERE id = ?", (value, now, item.id))
                db.execute(
                    "INSERT INTO status_log (item_id, field, old_value, new_value, changed_at) VALUES (?, ?, ?, ?, ?)",
                    (item.id, field, old, value, now),
                )
        return self.item(item.id)

    def set_manual_submitted_at(self, alv_date: str, number: str, submitted_at: dt.datetime | None) -> None:
        """The time the reviewer entered for the newest version of an item (None clears it)."""
        item = self._require_item(alv_date, number)
        latest = self.versions_of(item.id)[-1]
        value = submitted_at.isoformat(timespec="minutes") if submitted_at else None
        with self.transaction() as db:
            db.execute("UPDATE versions SET manual_submitted_at = ? WHERE id = ?", (value, latest.id))
            db.execute(
                "INSERT INTO status_log (item_id, field, old_value, new_value, changed_at) VALUES (?, ?, ?, ?, ?)",
                (item.id, "submitted_at", latest.manual_submitted_at, value, _now()),
            )

    def _require_item(self, alv_date: str, number: str) -> StoredItem:
        item = self.item_by_number(alv_date, number)
        if item is None:
            raise InputError(
                f"Geen inzending {number!r} voor de ALV van {alv_date}.",
                hint="Gebruik het nummer uit het overzicht, bijvoorbeeld M1 of A2.",
            )
        return item


def validate_status(status: str) -> str:
    value = " ".join(status.strip().lower().split())
    if value not in STATUSES:
        raise InputError(
            f"Onbekende status {status!r}.", hint=f"Kies uit: {', '.join(STATUSES)}."
        )
    return value


def _title_of(fingerprint: str, fallback: str) -> str:
    # The fingerprint starts with the title line (see batch._fingerprint).
    first = fingerprint.split("\n", 1)[0].strip()
    return first or fallback


def _item(row: sqlite3.Row) -> StoredItem:
    return StoredItem(
        id=row["id"],
        alv_date=row["alv_date"],
        kind=row["kind"],
        number=row["number"],
        lead_gemeente=row["lead_gemeente"],
        title=row["title"],
        status=row["status"],
        preadvies_text=row["preadvies_text"],
        actueel_reason=row["actueel_reason"],
        agenda_item=row["agenda_item"],
    )


def _version(row: sqlite3.Row) -> StoredVersion:
    return StoredVersion(
        id=row["id"],
        item_id=row["item_id"],
        version=row["version"],
        sha256=row["sha256"],
        file=row["file"],
        fingerprint=row["fingerprint"],
        manual_submitted_at=row["manual_submitted_at"],
    )
