"""Ingest benchmark on the bundled corpus: wall clock of ``python ingest.py`` as a user runs it.

    .venv/bin/python bench/ingest.py            # fresh clone (committed cache), no-change, --if-stale, sizes
    .venv/bin/python bench/ingest.py --cold     # also a fully cold ingest (no cache at all): minutes on 2 cores
    .venv/bin/python bench/ingest.py --queries  # also query latency of BM25 and dense search (warm)

Every run uses temporary data folders; the repository's .motie/ and the committed cache are only read.
Targets: no-change <= 3 s, fresh clone with the committed cache <= 30 s, fully cold <= 10 min.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TARGETS = {"no-change": 3.0, "if-stale": 1.0, "fresh clone (committed cache)": 30.0, "cold (no cache)": 600.0}
QUERIES = ["Wie ondertekent een motie namens het college?", "Tot wanneer kunnen amendementen worden ingediend?",
           "stemverhouding bij besluitvorming ALV", "Wat is het preadvies van het bestuur?",
           "contributie gemeenten 2025", "Hoeveel stemmen heeft een gemeente?", "notulen BALV 2019",
           "Wanneer is de ALV in Hazerswoude-Dorp?", "verantwoording moties afgedaan", "statutenwijziging"]


def _run(args: list[str], data_dir: Path, cache_dir: Path) -> tuple[float, dict | None, int]:
    env = {**os.environ, "MOTIE_DATA_DIR": str(data_dir), "MOTIE_EMBEDDING_CACHE_DIR": str(cache_dir)}
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "ingest.py", *args, "--json"], cwd=REPO, env=env,
                            capture_output=True, text=True)
    seconds = time.perf_counter() - started
    payload = json.loads(result.stdout) if result.stdout.strip() else None
    if result.returncode not in (0, 1):
        print(result.stderr, file=sys.stderr)
    return seconds, payload, result.returncode


def _du(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) if path.exists() else 0


def _mb(size: int) -> str:
    return f"{size / 1e6:.1f} MB"


def _query_latency(data_dir: Path, cache_dir: Path) -> list[tuple[str, float, float]]:
    sys.path.insert(0, str(REPO))
    from assistant.config import Settings
    from assistant.index.reader import open_index

    settings = Settings(data_dir=data_dir, embedding_cache_dir=cache_dir)
    reader = open_index(settings)
    rows = []
    for name, search in (("bm25_search", reader.bm25_search), ("dense_search (incl. query embedding)",
                                                                reader.dense_search)):
        for query in QUERIES[:3]:  # warm up
            search(query, 10)
        timings = []
        for _ in range(5):
            for query in QUERIES:
                started = time.perf_counter()
                search(query, 10)
                timings.append((time.perf_counter() - started) * 1000)
        timings.sort()
        rows.append((name, statistics.median(timings), timings[int(0.95 * (len(timings) - 1))]))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cold", action="store_true", help="also run a fully cold ingest (minutes)")
    parser.add_argument("--queries", action="store_true", help="also measure warm query latency")
    args = parser.parse_args()
    committed = REPO / "corpus" / ".embeddings"
    rows: list[tuple[str, float, dict | None]] = []
    with tempfile.TemporaryDirectory(prefix="motie-bench-") as scratch:
        scratch = Path(scratch)
        if args.cold:
            seconds, payload, _ = _run([], scratch / "cold", scratch / "empty-cache")
            rows.append(("cold (no cache)", seconds, payload))
        data = scratch / "clone"
        seconds, payload, _ = _run([], data, committed)
        rows.append(("fresh clone (committed cache)", seconds, payload))
        fresh = payload
        seconds, payload, _ = _run([], data, committed)
        rows.append(("no-change", seconds, payload))
        seconds, payload, _ = _run(["--if-stale"], data, committed)
        rows.append(("if-stale", seconds, payload))
        generation = fresh["generation"] if fresh else None
        index_size = _du(data / "index" / "generations" / generation) if generation else 0
        latency = _query_latency(data, committed) if args.queries and generation else []

    print(f"{'run':32} {'wall s':>8} {'target s':>9} {'chunks':>7} {'embedded':>9} {'from cache':>11}")
    for name, seconds, payload in rows:
        payload = payload or {}
        print(f"{name:32} {seconds:8.2f} {TARGETS[name]:9.0f} {payload.get('chunks', '-'):>7} "
              f"{payload.get('embedded', '-'):>9} {payload.get('from_cache', '-'):>11}")
    print(f"\nindex generation on disk: {_mb(index_size)}; committed embedding cache: {_mb(_du(committed))}")
    if fresh:
        print(f"documents {fresh['documents']}, sections {fresh['sections']}, chunks {fresh['chunks']}, "
              f"motion records {fresh['motion_records']}, embedder {fresh['embedder']}")
    for name, p50, p95 in latency:
        print(f"{name:40} p50 {p50:6.1f} ms   p95 {p95:6.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
