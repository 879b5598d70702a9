"""A writer process for ``test_sqlite_crash.py``: writes drafts or review statuses in a loop and dies by SIGKILL.

    python sqlite_writer.py drafts|review DB_PATH [KILL_IN_TRANSACTION_N]

After each committed write it prints ``ok <n>`` (flushed), so the test knows exactly which writes were committed.
With KILL_IN_TRANSACTION_N the process kills itself INSIDE the n-th write transaction, after its statements ran
and before COMMIT; without it, it writes until the test kills it from outside.
"""

from __future__ import annotations

import os
import signal
import sys
from contextlib import contextmanager
from pathlib import Path


def _kill_inside(cls, name: str, at: int) -> None:
    """Wrap the store's transaction context so the n-th transaction dies right before COMMIT."""
    original = getattr(cls, name)
    count = {"n": 0}

    @contextmanager
    def transaction(self):
        with original(self) as connection:
            yield connection
            count["n"] += 1
            if count["n"] == at:
                os.kill(os.getpid(), signal.SIGKILL)

    setattr(cls, name, transaction)


def drafts(path: Path, kill_at: int | None) -> None:
    from assistant.drafts_store import DraftStore
    from assistant.motions.model import Motion

    if kill_at:
        _kill_inside(DraftStore, "_transaction", kill_at)
    store = DraftStore(path)
    draft_id = "crashtest"
    if not any(info.draft_id == draft_id for info in store.list()):
        store.create(Motion(titel="versie 0"), draft_id=draft_id)
    n = 0
    while True:
        n += 1
        store.save(draft_id, Motion(titel=f"versie {n}", indiener="Zeist"))
        print(f"ok {n}", flush=True)


def review(path: Path, kill_at: int | None) -> None:
    from assistant.review.store import STATUSES, ReviewStore

    if kill_at:
        _kill_inside(ReviewStore, "transaction", kill_at)
    store = ReviewStore(path)
    alv = "2024-06-26"
    if store.item_by_number(alv, "M1") is None:
        store.add_item(alv, "motie", lead_gemeente="Zeist", title="Jeugdzorg")
    n = 0
    while True:
        n += 1
        store.set_fields(alv, "M1", status=STATUSES[n % len(STATUSES)], preadvies_text=f"tekst {n}")
        print(f"ok {n}", flush=True)


def main() -> int:
    kind, path = sys.argv[1], Path(sys.argv[2])
    kill_at = int(sys.argv[3]) if len(sys.argv) > 3 else None
    {"drafts": drafts, "review": review}[kind](path, kill_at)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
