"""Batch-review benchmark: generate 200 submissions in mixed formats and review them.

    .venv/bin/python bench/review.py              # 200 submissions, target < 20 s
    .venv/bin/python bench/review.py --count 500

Writes the files into a temporary folder (not timed), then times ``review_folder`` as the concernstaf runs it:
reading txt/md/docx/pdf/eml, parsing, the rule checks, numbering in a fresh SQLite store, grouping and linking to
earlier motions. Loading the earlier motions (index or corpus) is timed separately. A second run over the same
folder (a re-import: numbers are looked up, not created) is timed too. Exit status 1 when the target is missed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assistant.config import get_settings  # noqa: E402
from assistant.review import review_folder  # noqa: E402
from assistant.review.batch import summary  # noqa: E402
from assistant.review.history import load_motion_records  # noqa: E402
from assistant.review.samples import write_bench_batch  # noqa: E402

TARGET_SECONDS = 20.0
ALV = dt.date(2024, 6, 26)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-review-") as tmp:
        root = Path(tmp)
        started = time.perf_counter()
        paths = write_bench_batch(root / "inzendingen", count=args.count)
        generated = time.perf_counter() - started
        formats = Counter(p.suffix for p in paths)
        print(f"{len(paths)} inzendingen gegenereerd in {generated:.1f} s: "
              + ", ".join(f"{n} {suffix}" for suffix, n in sorted(formats.items())))

        settings = get_settings().replace(data_dir=root / "data")
        started = time.perf_counter()
        records, note = load_motion_records(get_settings())
        print(f"{len(records)} eerdere moties geladen in {time.perf_counter() - started:.2f} s"
              + (f" ({note})" if note else ""))

        started = time.perf_counter()
        result = review_folder(root / "inzendingen", ALV, settings, motion_records=records)
        total = time.perf_counter() - started
        started = time.perf_counter()
        again = review_folder(root / "inzendingen", ALV, settings, motion_records=records)
        reimport = time.perf_counter() - started

    counts = summary(result.rows)
    stages = ", ".join(f"{stage} {seconds:.2f} s" for stage, seconds in result.seconds.items())
    print(f"Review van {len(result.rows)} inzendingen: {total:.2f} s ({stages}); "
          f"{1000 * total / max(1, len(result.rows)):.1f} ms per inzending")
    print(f"Opnieuw inlezen (zelfde nummers): {reimport:.2f} s; nummers gelijk: "
          f"{[r.number for r in result.rows] == [r.number for r in again.rows]}")
    print(f"Resultaat: {counts['moties']} moties, {counts['amendementen']} amendementen, {counts['invalid']} "
          f"ongeldig, {counts['late']} te laat, {counts['unreadable']} niet leesbaar, {len(result.groups)} groepen, "
          f"{sum(1 for r in result.rows if r.earlier_motions)} met eerdere moties")
    verdict = "OK" if total < TARGET_SECONDS else "TE TRAAG"
    print(f"Doel < {TARGET_SECONDS:.0f} s voor {args.count} inzendingen: {verdict}")
    return 0 if total < TARGET_SECONDS else 1


if __name__ == "__main__":
    raise SystemExit(main())
