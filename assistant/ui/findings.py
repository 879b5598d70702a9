"""Findings of the rule engine as the user sees them: severity in words (never colour alone), the rule id, the
message, the fix hint and the passages the rule rests on."""

from __future__ import annotations

from typing import Any, Iterable

import streamlit as st

from assistant.ui import citations

SEVERITY_LABELS = {"error": "Fout", "warning": "Waarschuwing", "info": "Opmerking"}
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def _get(obj: Any, name: str, default=None):
    return obj.get(name, default) if isinstance(obj, dict) else getattr(obj, name, default)


def severity_of(finding: Any) -> str:
    value = _get(finding, "severity", "info")
    return getattr(value, "value", value)


def sort_findings(items: Iterable[Any]) -> list[Any]:
    return sorted(items, key=lambda f: SEVERITY_ORDER.get(severity_of(f), 3))


def summary(items: Iterable[Any]) -> str:
    """``2 fouten, 1 waarschuwing`` (or ``geen bevindingen``)."""
    counts = {"error": 0, "warning": 0, "info": 0}
    for finding in items:
        counts[severity_of(finding)] = counts.get(severity_of(finding), 0) + 1
    parts = []
    for key, one, many in (("error", "fout", "fouten"), ("warning", "waarschuwing", "waarschuwingen"),
                           ("info", "opmerking", "opmerkingen")):
        if counts[key]:
            parts.append(f"{counts[key]} {one if counts[key] == 1 else many}")
    return ", ".join(parts) or "geen bevindingen"


def render_finding(finding: Any) -> None:
    severity = severity_of(finding)
    with st.container(border=True):
        st.markdown(f"**{SEVERITY_LABELS.get(severity, severity)}** · `{_get(finding, 'rule', '')}` — "
                    f"{_get(finding, 'message', '')}")
        hint = _get(finding, "hint", "")
        if hint:
            st.markdown(f"*Zo lost u het op:* {hint}")
        sources = _get(finding, "sources", None) or []
        for number, source in enumerate(sources, start=1):
            citations.render_citation(citations.to_citation(source), number)


def render_findings(items: Iterable[Any], *, empty_text: str = "Geen bevindingen.") -> None:
    ordered = sort_findings(items)
    if not ordered:
        st.write(empty_text)
        return
    for finding in ordered:
        render_finding(finding)
