"""``motie rules``: the catalogue of checks (ids, severities, messages, hints, sources)."""

from __future__ import annotations


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "rules", help="toon de regels van de motiecontrole",
        description="Toon alle regels van 'motie check' met id, ernst, uitleg en bronnen.")
    parser.add_argument("--markdown", action="store_true", help="als Markdown (de inhoud van docs/regels.md)")
    parser.add_argument("--json", action="store_true", help="alleen JSON op stdout")
    parser.set_defaults(func=run)


def run(args) -> int:
    from assistant.cli import emit_json
    from assistant.rules.catalogue import RULES, catalogue_json, catalogue_markdown

    if args.json:
        emit_json({"rules": catalogue_json()})
    elif args.markdown:
        print(catalogue_markdown(), end="")
    else:
        for rule in RULES:
            print(f"{rule.id:28} {rule.severity_label:32} {', '.join(rule.applies_to):20} {rule.title}")
    return 0
