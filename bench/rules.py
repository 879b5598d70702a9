"""Rule-checker benchmark on the dev set (bench/rules_devset): verdicts, finding-level P/R/F1, ms per check.

    .venv/bin/python bench/rules.py [--set devset|holdout|DIR] [--json]

Each item is parsed and checked in-process with the arguments in expected.json (alv_date, submitted_at; for an e-mail
without submitted_at the time from its headers, as ``motie check`` does); a finding counts as (rule id, severity).
``--set holdout`` runs bench/rules_holdout, the independent held-out-like set (``--devset DIR`` still works). Timing: parse + check per item, median and max over 20 rounds after a warm-up.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.motions.extract import read_submission_file  # noqa: E402
from assistant.motions.parse import parse_submission  # noqa: E402
from assistant.rules.check import check  # noqa: E402

DEVSET = ROOT / "bench" / "rules_devset"
HOLDOUT = ROOT / "bench" / "rules_holdout"
NAMED_SETS = {"devset": DEVSET, "holdout": HOLDOUT}


def _arguments(entry: dict, mail_time: dt.datetime | None = None) -> dict:
    alv = dt.date.fromisoformat(entry["alv_date"]) if entry.get("alv_date") else None
    sub = dt.datetime.fromisoformat(entry["submitted_at"]) if entry.get("submitted_at") else mail_time
    return {"alv_date": alv, "submitted_at": sub}


def run_item(directory: Path, entry: dict) -> dict:
    extracted = read_submission_file(directory / entry["file"])
    text = extracted.text
    entry = {**entry, "_mail_time": extracted.submitted_at}
    result = check(parse_submission(text), **_arguments(entry, extracted.submitted_at))
    expected = {tuple(pair) for pair in entry["findings"]}
    got = result.rule_ids()
    return {
        "file": entry["file"],
        "kind_ok": result.kind == entry["kind"],
        "verdict_ok": result.valid == entry["valid"] and result.kind == entry["kind"],
        "alv_ok": result.alv_date.isoformat() == entry["expected_alv_date"],
        "expected": sorted(expected),
        "got": sorted(got),
        "tp": len(expected & got),
        "fp": sorted(got - expected),
        "fn": sorted(expected - got),
        "text": text,
        "entry": entry,
    }


def score(results: list[dict]) -> dict:
    tp = sum(r["tp"] for r in results)
    fp = sum(len(r["fp"]) for r in results)
    fn = sum(len(r["fn"]) for r in results)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "items": len(results),
        "verdict_accuracy": sum(r["verdict_ok"] for r in results) / len(results),
        "alv_accuracy": sum(r["alv_ok"] for r in results) / len(results),
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "tp": tp,
        "fp": fp,
        "fn": fn,
    }


def evaluate(directory: Path = DEVSET) -> tuple[list[dict], dict]:
    entries = json.loads((directory / "expected.json").read_text(encoding="utf-8"))["items"]
    results = [run_item(directory, entry) for entry in entries]
    return results, score(results)


def time_checks(results: list[dict], rounds: int = 20) -> dict:
    timings = []
    for r in results:
        args = _arguments(r["entry"], r["entry"].get("_mail_time"))
        check(parse_submission(r["text"]), **args)  # warm-up (regex compilation, registry, corpus lines)
        for _ in range(rounds):
            start = time.perf_counter()
            check(parse_submission(r["text"]), **args)
            timings.append((time.perf_counter() - start) * 1000)
    return {"ms_median": statistics.median(timings), "ms_max": max(timings), "ms_mean": statistics.fmean(timings)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--set", dest="set_name", default=None,
                        help="devset (default), holdout, or a directory with expected.json")
    parser.add_argument("--devset", type=Path, default=None, help="directory with expected.json (older spelling)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    directory = args.devset or NAMED_SETS.get(args.set_name or "devset") or Path(args.set_name)
    results, summary = evaluate(directory)
    summary.update(time_checks(results))
    if args.json:
        print(json.dumps({"summary": summary, "items": [{k: v for k, v in r.items() if k not in ("text", "entry")}
                                                         for r in results]}, ensure_ascii=False, indent=1))
        return 0
    for r in results:
        status = "ok " if r["verdict_ok"] and not r["fp"] and not r["fn"] and r["alv_ok"] else "XX "
        extra = ""
        if r["fp"]:
            extra += f" extra={r['fp']}"
        if r["fn"]:
            extra += f" missed={r['fn']}"
        if not r["alv_ok"]:
            extra += " wrong-ALV"
        print(f"{status}{r['file']:42} {', '.join(f'{a}/{b}' for a, b in r['got']) or '-'}{extra}")
    print()
    print(f"items {summary['items']}  verdict accuracy {summary['verdict_accuracy']:.1%}  ALV {summary['alv_accuracy']:.1%}")
    print(f"findings: precision {summary['precision']:.3f}  recall {summary['recall']:.3f}  F1 {summary['f1']:.3f} "
          f"(tp {summary['tp']}, fp {summary['fp']}, fn {summary['fn']})")
    print(f"parse + check: median {summary['ms_median']:.2f} ms, mean {summary['ms_mean']:.2f} ms, "
          f"max {summary['ms_max']:.2f} ms per item")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
