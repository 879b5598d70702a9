"""Index generations: each build is written aside and switched in atomically.

Layout under ``<index_dir>``::

    CURRENT                      one line: the id of the live generation (replaced with os.replace)
    .lock                        flock held by a running ingest
    generations/<gen>/           chunks.jsonl, documents.json, motions.json, bm25_tf.npz, bm25.json,
                                 manifest.json, chroma/ (embedded mode), meta.json (written last)

A generation is complete when its ``meta.json`` says so; CURRENT is only replaced after that. A killed ingest leaves
at most an incomplete folder that nobody reads and the next ingest prunes. After a switch the previous generation
is kept (a reader that opened it keeps working) and older ones are removed.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import secrets
import shutil
import time
from pathlib import Path

from assistant.config import Settings
from assistant.errors import UserFacingError

CURRENT_FILE = "CURRENT"
LOCK_FILE = ".lock"
GENERATIONS_DIR = "generations"
META_FILE = "meta.json"
MANIFEST_FILE = "manifest.json"
LAYOUT_VERSION = 1


def index_dir(settings: Settings) -> Path:
    return Path(settings.resolved_index_dir)


def generations_root(settings: Settings) -> Path:
    return index_dir(settings) / GENERATIONS_DIR


def generation_dir(settings: Settings, generation: str) -> Path:
    return generations_root(settings) / generation


def new_generation_id() -> str:
    """Sortable by time, unique across processes: e.g. ``g20261125T051502-3fa9c1``."""
    return f"g{time.strftime('%Y%m%dT%H%M%S', time.gmtime())}-{secrets.token_hex(3)}"


def current_generation(settings: Settings) -> str | None:
    try:
        name = (index_dir(settings) / CURRENT_FILE).read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    return name or None


def read_json(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))


def write_json(path: Path, payload) -> None:
    path.write_text(json.dumps(payload, ensure_ascii=False, indent=1, default=str), encoding="utf-8")


def read_meta(settings: Settings, generation: str) -> dict | None:
    """The meta of a complete generation, or ``None`` if it is missing, incomplete or unreadable."""
    try:
        meta = read_json(generation_dir(settings, generation) / META_FILE)
    except (OSError, ValueError):
        return None
    if not meta.get("complete") or meta.get("layout") != LAYOUT_VERSION:
        return None
    return meta


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        descriptor = os.open(path, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def switch_current(settings: Settings, generation: str) -> None:
    """Point CURRENT at ``generation`` in one atomic step (write aside, fsync, os.replace)."""
    root = index_dir(settings)
    tmp = root / f".{CURRENT_FILE}.{os.getpid()}.tmp"
    with open(tmp, "w", encoding="utf-8") as handle:
        handle.write(generation + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, root / CURRENT_FILE)
    _fsync_dir(root)


def prune(settings: Settings, keep: list[str]) -> list[str]:
    """Remove every generation folder not in ``keep`` (incomplete leftovers included). Returns the removed ids."""
    root = generations_root(settings)
    if not root.exists():
        return []
    removed = []
    for folder in sorted(root.iterdir()):
        if folder.name in keep or not folder.is_dir():
            continue
        _drop_remote_collection(settings, folder)
        shutil.rmtree(folder, ignore_errors=True)
        removed.append(folder.name)
    return removed


def _drop_remote_collection(settings: Settings, folder: Path) -> None:
    """In http mode the vectors live on the server: drop that generation's collection too."""
    try:
        mode = read_json(folder / META_FILE).get("chroma_mode")
    except (OSError, ValueError):  # an incomplete generation: it used the configured mode
        mode = settings.chroma_mode
    if mode != "http":
        return
    with contextlib.suppress(Exception):
        from assistant.index.chroma_store import ChromaStore

        ChromaStore(settings, folder, folder.name).drop()


@contextlib.contextmanager
def ingest_lock(settings: Settings):
    """One ingest at a time per index folder (the app and the CLI may both try)."""
    root = index_dir(settings)
    root.mkdir(parents=True, exist_ok=True)
    with open(root / LOCK_FILE, "a+") as handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise UserFacingError("Er loopt al een ingest voor deze index; probeer het straks opnieuw.") from None
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
