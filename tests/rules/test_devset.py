"""The rules dev set (bench/rules_devset): every verdict right and finding-level F1 >= 0.97."""

from __future__ import annotations

import importlib.util
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def _bench():
    spec = importlib.util.spec_from_file_location("bench_rules", REPO / "bench" / "rules.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_devset_scores():
    results, summary = _bench().evaluate()
    assert summary["items"] >= 20
    wrong = [r["file"] for r in results if not r["verdict_ok"]]
    assert wrong == [], wrong
    assert summary["alv_accuracy"] == 1.0, [r["file"] for r in results if not r["alv_ok"]]
    assert summary["f1"] >= 0.97, [(r["file"], r["fp"], r["fn"]) for r in results if r["fp"] or r["fn"]]


def test_devset_covers_every_catalogue_finding_rule():
    import json

    from assistant.rules.catalogue import RULES

    expected = json.loads((REPO / "bench" / "rules_devset" / "expected.json").read_text(encoding="utf-8"))
    covered = {rule for item in expected["items"] for rule, _ in item["findings"]}
    required = {rule.id for rule in RULES if not rule.advisory}
    assert required - covered == set()
    kinds = {item["kind"] for item in expected["items"]}
    assert kinds == {"motie", "amendement"}
    assert any(item["valid"] for item in expected["items"]) and any(not item["valid"] for item in expected["items"])
