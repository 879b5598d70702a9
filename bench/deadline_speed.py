"""Speed of the rule-engine domain functions (run: ``.venv/bin/python bench/deadline_speed.py``).

Measures the wall time of ``motie deadline 2024-06-26 --json`` as a fresh process (what a user waits for) and the
in-process cost of ``deadlines``, ``amendable_items``, ``vote_weight`` and ``is_municipality`` after warm-up.
"""

from __future__ import annotations

import datetime as dt
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def cli_wall_time(runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "assistant", "deadline", "2024-06-26", "--json"], cwd=REPO,
                       check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def per_call(function, runs: int = 200) -> float:
    function()  # warm-up: loads holiday tables, registry files, the municipality list
    start = time.perf_counter()
    for _ in range(runs):
        function()
    return (time.perf_counter() - start) / runs


def main() -> None:
    sys.path.insert(0, str(REPO))
    from assistant.rules.calendar import deadlines
    from assistant.rules.domain import amendable_items, vote_weight
    from assistant.rules.municipalities import is_municipality

    day = dt.date(2024, 6, 26)
    print(f"motie deadline (nieuw proces, mediaan van 5): {cli_wall_time() * 1000:.0f} ms")
    print(f"deadlines():        {per_call(lambda: deadlines(day, extra_non_working_days=())) * 1e6:.0f} µs")
    print(f"amendable_items():  {per_call(lambda: amendable_items(day)) * 1e6:.0f} µs")
    print(f"vote_weight():      {per_call(lambda: vote_weight(24_500, day)) * 1e6:.1f} µs")
    print(f"is_municipality():  {per_call(lambda: is_municipality('Renkum', day)) * 1e6:.1f} µs")


if __name__ == "__main__":
    main()
