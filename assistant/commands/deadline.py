"""``motie deadline YYYY-MM-DD``: amendment and motion deadline of an ALV, with the days skipped and other dates.

Pure Python (``assistant.rules.calendar``): no index, no model, answers in well under a second.
"""

from __future__ import annotations

_WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "deadline", help="bereken de indieningstermijn voor amendementen en moties van een ALV",
        description="Bereken de deadline voor amendementen en moties (negen werkdagen vóór de ALV, 12:00 uur) "
                    "en de andere data in aanloop naar de ALV.")
    parser.add_argument("alv_date", metavar="JJJJ-MM-DD", help="datum van de ALV")
    parser.add_argument("--json", action="store_true", help="alleen JSON op stdout")
    parser.set_defaults(func=run)


def _day(value) -> str:
    return f"{_WEEKDAYS[value.weekday()]} {value:%d-%m-%Y}"


def _text(result) -> str:
    deadline = result.amendment_deadline
    lines = [
        f"ALV: {_day(result.alv_date)}" + (f" ({result.meeting_label})" if result.meeting_label else ""),
        f"Deadline amendementen (statutair): {_day(deadline)}, 12:00 uur",
        f"Deadline moties (dringend verzoek): {_day(result.motion_deadline)}, 12:00 uur",
    ]
    if result.skipped_days:
        lines.append("Overgeslagen dagen: " + ", ".join(f"{d:%d-%m} ({name})" for d, name in result.skipped_days))
    if result.other_dates:
        lines.append("Andere data:")
        for other in sorted(result.other_dates.values(), key=lambda o: o.day):
            when = _day(other.day) + (f", {other.time:%H:%M} uur" if other.time else "")
            lines.append(f"  - {when}: {other.label}")
    lines.append("")
    lines.append(result.convention)
    lines.append("Bronnen: " + "; ".join(source.label for source in result.sources))
    return "\n".join(lines)


def run(args) -> int:
    from assistant.cli import emit_json
    from assistant.rules.calendar import deadlines
    from assistant.rules.meetings import parse_date

    result = deadlines(parse_date(args.alv_date))
    if args.json:
        emit_json(result.to_json())
    else:
        print(_text(result))
    return 0
