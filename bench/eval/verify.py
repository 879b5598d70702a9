"""Check the evaluation sets (every ``*.jsonl`` here) against the corpus: ids are unique, every gold range exists and is non-empty, and every key fact of a
retrieval question occurs in its gold passages (rules answers are computed, so their facts need not be quoted).

    .venv/bin/python bench/eval/verify.py [--show]
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# questions.jsonl (dev/val/test) and the blind batches written later by authors who saw no code (README.md)
QUESTION_FILES = sorted(Path(__file__).parent.glob("*.jsonl"))


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def main(show: bool = False) -> int:
    problems: list[str] = []
    files: dict[str, list[str]] = {}
    rows = [json.loads(line) for path in QUESTION_FILES
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    ids = Counter(row["id"] for row in rows)
    problems.extend(f"{qid}: id used {n} times" for qid, n in ids.items() if n > 1)
    for row in rows:
        gold_text = []
        for gold in row["gold"]:
            lines = files.setdefault(gold["path"], (ROOT / gold["path"]).read_text(encoding="utf-8").split("\n"))
            span = lines[gold["line_start"] - 1:gold["line_end"]]
            if not "".join(span).strip() or gold["line_end"] > len(lines):
                problems.append(f"{row['id']}: empty or out-of-range gold {gold}")
            gold_text.append("\n".join(span))
            if show:
                print(f"{row['id']} {gold['path']}:{gold['line_start']}-{gold['line_end']}: {span[0][:120]}")
        if row["answerable"] and not row["gold"]:
            problems.append(f"{row['id']}: answerable without gold")
        if row["answerable"] and row["expected_route"] == "retrieval":
            joined = _norm(" ".join(gold_text))
            for fact in row["key_facts"]:
                if _norm(fact) not in joined:
                    problems.append(f"{row['id']}: key fact {fact!r} not in gold passages")
    splits = Counter(r["split"] for r in rows)
    unanswerable = Counter(r["split"] for r in rows if not r["answerable"])
    print(f"{len(rows)} vragen; split {dict(splits)}; onbeantwoordbaar {dict(unanswerable)}; "
          f"categorieën {dict(Counter(r['category'] for r in rows))}; talen {dict(Counter(r['lang'] for r in rows))}")
    for problem in problems:
        print("PROBLEEM:", problem)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main("--show" in sys.argv))
