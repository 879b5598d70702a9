"""A readable Dutch report of a check result (``motie check`` without ``--json``)."""

from __future__ import annotations

from assistant.rules.model import Severity

_HEADINGS = {Severity.ERROR: "Fouten", Severity.WARNING: "Waarschuwingen", Severity.INFO: "Opmerkingen"}


def _finding_lines(finding) -> list[str]:
    lines = [f"  [{finding.rule}] {finding.message}", f"      Oplossing: {finding.hint}"]
    if finding.sources:
        lines.append("      Bron: " + "; ".join(source.label for source in finding.sources))
        first = finding.sources[0].text.replace("\n", " ")
        lines.append("      « " + (first if len(first) <= 240 else first[:237].rstrip() + "…") + " »")
    return lines


def text_report(result) -> str:
    item = result.item
    kind = "Motie" if item.kind == "motie" else "Amendement"
    title = item.titel or getattr(item, "target_proposal", "") or "(zonder titel)"
    meeting = result.meeting_label or "vergadering niet in het register"
    lines = [
        f"{kind}: {title}",
        f"Indiener: {item.indiener or '(onbekend)'}"
        + (f"; mede-indieners: {', '.join(item.mede_indieners)}" if item.mede_indieners else ""),
        f"ALV: {result.alv_date:%d-%m-%Y} ({meeting})",
        "Ingediend: " + (f"{result.submitted_at:%d-%m-%Y %H:%M}" if result.submitted_at
                         else "tijdstip onbekend; de termijn is niet beoordeeld"),
        "",
        "Oordeel: " + ("in orde (geen fouten)" if result.valid else "NIET in orde"),
    ]
    for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO):
        group = [f for f in result.findings if f.severity is severity]
        if group:
            lines += ["", f"{_HEADINGS[severity]} ({len(group)}):"]
            for finding in group:
                lines += _finding_lines(finding)
    if result.advice:
        lines += ["", f"Tips ({len(result.advice)}):"]
        lines += [f"  [{a.rule}] {a.message} {a.hint}" for a in result.advice]
    if not result.findings:
        lines += ["", "Geen bevindingen."]
    return "\n".join(lines)
