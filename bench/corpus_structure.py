"""Benchmark + score for the corpus structure pipeline (no index, no embeddings).

    .venv/bin/python bench/corpus_structure.py

Prints, for the two bundled packages: processing time (best of 3), documents found against the map's table
(corpus_map.md §1.2/§2.2, the same gold data as tests/corpus/test_document_split.py), chunk counts and sizes,
and the number of motion records.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.config import REPO_ROOT, Settings  # noqa: E402
from assistant.corpus.pipeline import process_file  # noqa: E402
from tests.corpus.test_document_split import F0_MAP, F1_MAP, _found  # noqa: E402

FILES = [(REPO_ROOT / "corpus" / "2019-11-29-balv-vergaderstukken.txt", F0_MAP),
         (REPO_ROOT / "corpus" / "2024-06-26-alv-vergaderstukken.txt", F1_MAP)]


def main() -> None:
    settings = Settings(repo_root=REPO_ROOT, corpus_dir=REPO_ROOT / "corpus")
    timings, cpu, found, total = [], [], 0, 0
    for _ in range(3):
        start, start_cpu = time.perf_counter(), time.process_time()
        results = [process_file(path, settings) for path, _ in FILES]
        timings.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    for (path, gold), result in zip(FILES, results):
        hits = [entry for entry in gold if _found(result, entry)]
        missed = [entry[0] for entry in gold if entry not in hits]
        found, total = found + len(hits), total + len(gold)
        sizes = [len(c.text) for c in result.chunks]
        print(f"{path.name}: {len(result.documents)} documents "
              f"({sum(1 for d in result.documents if d.duplicate_of)} duplicates), {len(hits)}/{len(gold)} of the map "
              f"found (±3 lines, title, date){' missed ' + ', '.join(missed) if missed else ''}; "
              f"{len(result.chunks)} chunks, median {statistics.median(sizes):.0f} chars, "
              f"{sum(600 <= s <= 1200 for s in sizes)} in 600–1200, {sum(s > 1200 for s in sizes)} > 1200; "
              f"{len(result.motion_records)} motion records")
    print(f"documents found: {found}/{total}; both packages processed in {min(timings):.2f} s wall, "
          f"{min(cpu):.2f} s CPU (best of 3)")


if __name__ == "__main__":
    main()
