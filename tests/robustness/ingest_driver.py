"""Run one ingest in a subprocess and SIGKILL it at a chosen moment; used by ``test_crash_ingest.py``.

    python ingest_driver.py SETTINGS_JSON [KILL_POINT] [--pause-at STAGE:SECONDS]

KILL_POINT (the process kills itself with SIGKILL, exactly as ``kill -9`` from outside would, but at a moment the
test chooses instead of a moment the scheduler chooses):

    progress:<stage>:<n>    at the n-th progress callback of a stage (lezen, embedden, bm25, chroma); n counts from 1
    write:<file name>       just before the index writes that file (e.g. meta.json, bm25_tf.npz, chunks.jsonl)
    cache:<suffix>          just before the embedding cache writes its .npy or .json (a half-saved cache)
    before:switch           just before CURRENT is replaced
    after:switch            just after CURRENT is replaced, before old generations are pruned
    none                    no kill: a normal run (prints the report as JSON)

``--pause-at bm25:3`` sleeps 3 s at the first progress callback of that stage: the ingest is then visibly "running"
for the tests that query while an ingest runs. Progress lines go to stdout (``stage done total``), flushed.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import time
from pathlib import Path

from assistant.config import Settings


def _die() -> None:
    sys.stdout.flush()
    os.kill(os.getpid(), signal.SIGKILL)


def _settings(path: str) -> Settings:
    raw = json.loads(Path(path).read_text(encoding="utf-8"))
    paths = {key: Path(value) for key, value in raw.items() if key.endswith("_dir") or key == "repo_root"}
    others = {key: value for key, value in raw.items() if key not in paths}
    return Settings(**paths, **others)


def _install_kill_point(point: str) -> None:
    from assistant.index import build, cache, generations

    kind, _, target = point.partition(":")
    if kind == "write":
        original_json, original_save = generations.write_json, build.records.write_chunks

        def write_json(path, payload):
            if Path(path).name == target:
                _die()
            return original_json(path, payload)

        generations.write_json = write_json
        if target == "chunks.jsonl":
            def write_chunks(directory, chunks):
                _die()
                return original_save(directory, chunks)

            build.records.write_chunks = write_chunks
        if target == "bm25_tf.npz":
            from assistant.index.bm25 import BM25Index

            def save(self, directory):
                _die()

            BM25Index.save = save
    elif kind == "cache":
        original = cache._atomic_write_bytes

        def atomic_write(path, data):
            if Path(path).suffix == "." + target:
                _die()
            return original(path, data)

        cache._atomic_write_bytes = atomic_write
    elif kind in ("before", "after"):
        original_switch = generations.switch_current

        def switch(settings, generation):
            if kind == "before":
                _die()
            original_switch(settings, generation)
            _die()

        generations.switch_current = switch


def main() -> int:
    settings = _settings(sys.argv[1])
    point = sys.argv[2] if len(sys.argv) > 2 and not sys.argv[2].startswith("--") else "none"
    pause_stage, pause_seconds = None, 0.0
    if "--pause-at" in sys.argv:
        pause_stage, _, seconds = sys.argv[sys.argv.index("--pause-at") + 1].partition(":")
        pause_seconds = float(seconds)
    _install_kill_point(point)
    kind, _, spec = point.partition(":")
    kill_stage, _, kill_count = spec.partition(":")
    seen: dict[str, int] = {}

    def progress(stage: str, done: int, total: int) -> None:
        seen[stage] = seen.get(stage, 0) + 1
        print(f"{stage} {done} {total}", flush=True)
        if stage == pause_stage and seen[stage] == 1:
            time.sleep(pause_seconds)
        if kind == "progress" and stage == kill_stage and seen[stage] == int(kill_count):
            _die()

    from assistant.index.build import ingest

    report = ingest(settings, progress=progress, bm25_only=settings.embedder == "none")
    print(json.dumps(report.to_json()), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
