"""The public rule catalogue: every rule with its stable id, severity, message, hint, sources and documentation.

The order here is the order of ``motie rules`` and ``docs/regels.md`` (generated from this module; a test checks
that the file is up to date: ``python -m assistant.rules.catalogue > docs/regels.md``).
"""

from __future__ import annotations

from assistant.rules import checks_amendments, checks_content, checks_deadlines, checks_hints, checks_signatures
from assistant.rules import checks_template
from assistant.rules.model import Rule

FAMILIES = (
    ("template", "Sjabloon (alleen moties)", checks_template.RULES),
    ("signatures", "Ondertekening (moties en amendementen)", checks_signatures.RULES),
    ("deadlines", "Termijnen", checks_deadlines.RULES),
    ("amendments", "Amendementen", checks_amendments.RULES),
    ("content", "Inhoud van de oproep (alleen moties)", checks_content.RULES),
    ("hints", "Tips (los van de bevindingen gerapporteerd)", checks_hints.RULES),
)
RULES: tuple[Rule, ...] = tuple(rule for _, _, rules in FAMILIES for rule in rules)
RULES_BY_ID: dict[str, Rule] = {rule.id: rule for rule in RULES}
RULE_ORDER: dict[str, int] = {rule.id: index for index, rule in enumerate(RULES)}

assert len(RULES_BY_ID) == len(RULES), "duplicate rule id"


def get_rule(rule_id: str) -> Rule:
    return RULES_BY_ID[rule_id]


def catalogue_json() -> list[dict]:
    return [rule.to_dict() for rule in RULES]


def _source_lines(rule: Rule) -> list[str]:
    out = []
    for source in rule.sources:
        note = f" — {source.note}" if source.note else ""
        out.append(f"- `{source.path}` r. {source.line_start}–{source.line_end}{note}")
        quoted = source.text.replace("\n", " ")
        if len(quoted) > 300:
            quoted = quoted[:297].rstrip() + "…"
        out.append(f"  > {quoted}")
    return out


def rule_markdown(rule: Rule) -> str:
    applies = " en ".join(rule.applies_to)
    lines = [
        f"### {rule.id}",
        "",
        f"**{rule.title}** · ernst: `{rule.severity_label}` · geldt voor: {applies}",
        "",
        f"**Melding.** {rule.message}",
        "",
        f"**Wat het controleert.** {rule.what}",
        "",
        f"**Waarom.** {rule.why}",
        "",
        f"**Oplossing.** {rule.hint}",
        "",
        "**Bronnen.**",
        "",
        *_source_lines(rule),
        "",
    ]
    return "\n".join(lines)


def catalogue_markdown() -> str:
    parts = [
        "# Regels van de motiecontrole",
        "",
        "<!-- Gegenereerd door `motie rules --markdown` (assistant/rules/catalogue.py); niet met de hand bewerken. -->",
        "",
        "Elke bevinding van `motie check` hoort bij een regel hieronder, met een vaste id. Ernst: `error` maakt het "
        "stuk ongeldig, `warning` is een waarschuwing, `info` een opmerking. Sjabloon- en ondertekeningsregels "
        "gelden voor elke vergadering; termijnen en amendeerbaarheid per vergadering (vergaderregister).",
        "",
        "| id | ernst | geldt voor | regel |",
        "|---|---|---|---|",
        *[f"| `{r.id}` | {r.severity_label} | {', '.join(r.applies_to)} | {r.title} |" for r in RULES],
        "",
    ]
    for _, heading, rules in FAMILIES:
        parts += [f"## {heading}", ""]
        parts += [rule_markdown(rule) for rule in rules]
    return "\n".join(parts).rstrip() + "\n"


if __name__ == "__main__":  # python -m assistant.rules.catalogue > docs/regels.md
    import sys

    sys.stdout.write(catalogue_markdown())
