"""Saved drafts: SQLite under the data directory, autosave with version history, per user, real delete.

One row per draft in ``drafts`` and one row per saved version in ``draft_versions`` (the JSON export form:
``submission_to_dict`` with ``schema_version``). Every change the editor makes is saved as a new version (unless
nothing changed), so a browser refresh or a restart loses nothing. Drafts hold contact persons, which are personal
data: ``delete`` removes the draft and its whole history in one transaction, with ``secure_delete`` on (freed pages
are overwritten) and a WAL checkpoint afterwards, so no copy lingers in the database files.

WAL mode lets the app read while another process (the CLI) writes; each operation opens its own short-lived
connection, which is safe across Streamlit's threads.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import uuid
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Iterator

from pydantic import ValidationError

from assistant.errors import InputError
from assistant.motions.model import SCHEMA_VERSION, Amendment, Motion, submission_from_dict, submission_to_dict

DEFAULT_USER = "lokaal"
MAX_VERSIONS = 200  # per draft; older versions are pruned (the history is for undo, not an archive)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS drafts (
    draft_id        TEXT PRIMARY KEY,
    user            TEXT NOT NULL,
    kind            TEXT NOT NULL,
    titel           TEXT NOT NULL DEFAULT '',
    indiener        TEXT NOT NULL DEFAULT '',
    meeting_date    TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    current_version INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS drafts_by_user ON drafts (user, updated_at);
CREATE TABLE IF NOT EXISTS draft_versions (
    draft_id       TEXT NOT NULL REFERENCES drafts (draft_id) ON DELETE CASCADE,
    version        INTEGER NOT NULL,
    saved_at       TEXT NOT NULL,
    schema_version INTEGER NOT NULL,
    data           TEXT NOT NULL,
    PRIMARY KEY (draft_id, version)
);
"""

Item = Motion | Amendment


@dataclass(frozen=True)
class DraftInfo:
    draft_id: str
    user: str
    kind: str
    titel: str
    indiener: str
    meeting_date: str | None
    created_at: str
    updated_at: str
    version: int

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class VersionInfo:
    version: int
    saved_at: str
    titel: str

    def to_dict(self) -> dict:
        return asdict(self)


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="milliseconds")


def _check_user(user: str) -> str:
    user = (user or "").strip()
    if not user or len(user) > 200:
        raise InputError("Ongeldige gebruikersnaam voor de concepten.")
    return user


def item_from_export(data: dict) -> Item:
    """A motion or amendment from its JSON export (``parsed`` of ``motie check`` plus ``schema_version``)."""
    if not isinstance(data, dict):
        raise InputError("Het concept is geen JSON-object.")
    version = data.get("schema_version", SCHEMA_VERSION)
    if not isinstance(version, int) or version > SCHEMA_VERSION:
        raise InputError(
            f"Onbekende schemaversie {version!r} in het concept (deze versie kent schemaversie {SCHEMA_VERSION}).",
            hint="Werk de Motie-assistent bij, of exporteer het concept opnieuw.",
        )
    try:
        return submission_from_dict(data)
    except ValidationError as error:
        details = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'][1:]) or e['loc'][0]}: {e['msg']}" for e in error.errors()[:3]
        )
        raise InputError(f"Het concept is geen geldige motie of geldig amendement ({details}).") from error


def _serialise(item: Item) -> str:
    return json.dumps(submission_to_dict(item), ensure_ascii=False, sort_keys=True)


class DraftStore:
    """All drafts of all users in one SQLite file; every method takes the user (default ``lokaal``)."""

    def __init__(self, path: Path | str):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as conn:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.executescript(_SCHEMA)

    @classmethod
    def open(cls, settings=None) -> "DraftStore":
        if settings is None:
            from assistant.config import get_settings

            settings = get_settings()
        return cls(settings.resolved_drafts_db)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        conn = sqlite3.connect(self.path, timeout=10, isolation_level=None)  # explicit BEGIN/COMMIT below
        try:
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("PRAGMA secure_delete=ON")
            conn.execute("PRAGMA synchronous=NORMAL")
            yield conn
        finally:
            conn.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._connect() as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    # --- writing -------------------------------------------------------------------------------------------------

    def create(self, item: Item, *, user: str = DEFAULT_USER, draft_id: str | None = None) -> DraftInfo:
        """Store a new draft (version 1)."""
        user = _check_user(user)
        draft_id = draft_id or uuid.uuid4().hex[:16]
        now = _now()
        with self._transaction() as conn:
            if conn.execute("SELECT 1 FROM drafts WHERE draft_id = ?", (draft_id,)).fetchone():
                raise InputError(f"Er bestaat al een concept met id {draft_id}.")
            conn.execute(
                "INSERT INTO drafts (draft_id, user, kind, titel, indiener, meeting_date, created_at, updated_at,"
                " current_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)",
                (draft_id, user, item.kind, item.titel, item.indiener, _iso(item.meeting_date), now, now),
            )
            self._add_version(conn, draft_id, item, now)
        return self.info(draft_id, user=user)

    def save(self, draft_id: str, item: Item, *, user: str = DEFAULT_USER) -> DraftInfo:
        """Autosave: a new version when the content changed, otherwise nothing happens."""
        user = _check_user(user)
        with self._transaction() as conn:
            row = self._row(conn, draft_id, user)
            latest = conn.execute(
                "SELECT data FROM draft_versions WHERE draft_id = ? AND version = ?", (draft_id, row["current_version"])
            ).fetchone()
            if latest and latest["data"] == _serialise(item):
                return _info(row)
            now = _now()
            conn.execute(
                "UPDATE drafts SET kind = ?, titel = ?, indiener = ?, meeting_date = ?, updated_at = ? WHERE draft_id = ?",
                (item.kind, item.titel, item.indiener, _iso(item.meeting_date), now, draft_id),
            )
            self._add_version(conn, draft_id, item, now)
        return self.info(draft_id, user=user)

    def _add_version(self, conn: sqlite3.Connection, draft_id: str, item: Item, now: str) -> None:
        (current,) = conn.execute("SELECT current_version FROM drafts WHERE draft_id = ?", (draft_id,)).fetchone()
        version = current + 1
        conn.execute(
            "INSERT INTO draft_versions (draft_id, version, saved_at, schema_version, data) VALUES (?, ?, ?, ?, ?)",
            (draft_id, version, now, SCHEMA_VERSION, _serialise(item)),
        )
        conn.execute("UPDATE drafts SET current_version = ? WHERE draft_id = ?", (version, draft_id))
        conn.execute(
            "DELETE FROM draft_versions WHERE draft_id = ? AND version <= ?", (draft_id, version - MAX_VERSIONS)
        )

    def restore(self, draft_id: str, version: int, *, user: str = DEFAULT_USER) -> DraftInfo:
        """Make an older version the current one (as a new version, so the restore itself can be undone)."""
        return self.save(draft_id, self.load(draft_id, user=user, version=version), user=user)

    def delete(self, draft_id: str, *, user: str = DEFAULT_USER) -> None:
        """Delete the draft and its whole history, for real (contact persons are personal data)."""
        user = _check_user(user)
        with self._transaction() as conn:
            self._row(conn, draft_id, user)
            conn.execute("DELETE FROM draft_versions WHERE draft_id = ?", (draft_id,))
            conn.execute("DELETE FROM drafts WHERE draft_id = ?", (draft_id,))
        self._checkpoint()

    def delete_user(self, user: str) -> int:
        """Delete every draft of ``user`` (e.g. when an account is removed); returns how many."""
        user = _check_user(user)
        with self._transaction() as conn:
            ids = [row["draft_id"] for row in conn.execute("SELECT draft_id FROM drafts WHERE user = ?", (user,))]
            conn.executemany("DELETE FROM draft_versions WHERE draft_id = ?", [(i,) for i in ids])
            conn.execute("DELETE FROM drafts WHERE user = ?", (user,))
        self._checkpoint()
        return len(ids)

    def _checkpoint(self) -> None:
        # Copy the WAL into the database and empty it, so deleted rows do not survive in the -wal file.
        with self._connect() as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    # --- reading -------------------------------------------------------------------------------------------------

    def _row(self, conn: sqlite3.Connection, draft_id: str, user: str) -> sqlite3.Row:
        row = conn.execute("SELECT * FROM drafts WHERE draft_id = ? AND user = ?", (draft_id, user)).fetchone()
        if row is None:  # another user's draft looks exactly like a missing one
            raise InputError(f"Concept {draft_id} niet gevonden.", hint="Bekijk uw concepten met `motie draft list`.")
        return row

    def info(self, draft_id: str, *, user: str = DEFAULT_USER) -> DraftInfo:
        with self._connect() as conn:
            return _info(self._row(conn, draft_id, _check_user(user)))

    def load(self, draft_id: str, *, user: str = DEFAULT_USER, version: int | None = None) -> Item:
        """The current version of a draft, or an older ``version`` from its history."""
        with self._connect() as conn:
            row = self._row(conn, draft_id, _check_user(user))
            wanted = row["current_version"] if version is None else version
            data = conn.execute(
                "SELECT data FROM draft_versions WHERE draft_id = ? AND version = ?", (draft_id, wanted)
            ).fetchone()
        if data is None:
            raise InputError(f"Versie {wanted} van concept {draft_id} bestaat niet (meer).")
        return item_from_export(json.loads(data["data"]))

    def list(self, *, user: str = DEFAULT_USER) -> list[DraftInfo]:
        """The user's drafts, most recently changed first."""
        with self._connect() as conn:
            rows = conn.execute(
                "SELECT * FROM drafts WHERE user = ? ORDER BY updated_at DESC, draft_id", (_check_user(user),)
            ).fetchall()
        return [_info(row) for row in rows]

    def history(self, draft_id: str, *, user: str = DEFAULT_USER) -> list[VersionInfo]:
        """Saved versions, newest first."""
        with self._connect() as conn:
            self._row(conn, draft_id, _check_user(user))
            rows = conn.execute(
                "SELECT version, saved_at, data FROM draft_versions WHERE draft_id = ? ORDER BY version DESC",
                (draft_id,),
            ).fetchall()
        return [VersionInfo(row["version"], row["saved_at"], json.loads(row["data"]).get("titel", "")) for row in rows]

    # --- export / import -----------------------------------------------------------------------------------------

    def export_json(self, draft_id: str, *, user: str = DEFAULT_USER) -> dict:
        """The draft as ``submission_to_dict`` (the ``parsed`` object of ``motie check`` plus ``schema_version``)."""
        return submission_to_dict(self.load(draft_id, user=user))

    def import_json(self, data: dict, *, user: str = DEFAULT_USER, draft_id: str | None = None) -> DraftInfo:
        """Store an exported draft: as a new draft, or as a new version of ``draft_id`` when given and present."""
        item = item_from_export(data)
        if draft_id is not None:
            try:
                return self.save(draft_id, item, user=user)
            except InputError:
                pass  # not there (for this user): create it under that id
        return self.create(item, user=user, draft_id=draft_id)

    def table_counts(self) -> dict[str, int]:
        """Rows per table (used by tests and by `motie draft delete` to show that nothing is left)."""
        with self._connect() as conn:
            tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
            return {name: conn.execute(f'SELECT COUNT(*) FROM "{name}"').fetchone()[0] for name in tables}


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def _info(row: sqlite3.Row) -> DraftInfo:
    return DraftInfo(
        draft_id=row["draft_id"],
        user=row["user"],
        kind=row["kind"],
        titel=row["titel"],
        indiener=row["indiener"],
        meeting_date=row["meeting_date"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        version=row["current_version"],
    )
