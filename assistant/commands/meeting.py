"""``motie meeting add|list|show|propose``: the meeting registry (bundled meetings + the ones staff add)."""

from __future__ import annotations

from pathlib import Path


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "meeting", help="vergaderregister: ALV's met datum, adres en agendapunten",
        description="Bekijk het vergaderregister of voeg de volgende ALV toe.")
    commands = parser.add_subparsers(dest="meeting_command", metavar="ACTIE")

    add = commands.add_parser("add", help="voeg een vergadering toe aan het register",
                              description="Voeg een vergadering toe (opgeslagen onder <data_dir>/meetings).")
    add.add_argument("--date", required=True, metavar="JJJJ-MM-DD", help="datum van de vergadering")
    add.add_argument("--kind", default="ALV", help="ALV, BALV, Najaars-ALV of Extra ALV (standaard ALV)")
    add.add_argument("--address", action="append", default=[], metavar="E-MAIL",
                     help="e-mailadres voor indiening (herhaalbaar)")
    add.add_argument("--start", default="", metavar="UU:MM", help="begintijd")
    add.add_argument("--end", default="", metavar="UU:MM", help="eindtijd")
    add.add_argument("--location", default="", help="locatie")
    add.add_argument("--item", action="append", default=[], metavar="'NR|TITEL|STATUS[|REDEN]'",
                     help="agendapunt, bv. '5b|Resolutie asiel|ter besluitvorming' (herhaalbaar)")
    add.add_argument("--replace", action="store_true", help="vervang een bestaande vergadering op die datum")
    add.add_argument("--json", action="store_true", help="alleen JSON op stdout")
    add.set_defaults(func=run_add)

    listing = commands.add_parser("list", help="toon alle bekende vergaderingen")
    listing.add_argument("--json", action="store_true", help="alleen JSON op stdout")
    listing.set_defaults(func=run_list)

    show = commands.add_parser("show", help="toon één vergadering met agendapunten")
    show.add_argument("date", metavar="JJJJ-MM-DD")
    show.add_argument("--with-text", action="store_true", help="neem de geciteerde brontekst op in de JSON")
    show.add_argument("--json", action="store_true", help="alleen JSON op stdout")
    show.set_defaults(func=run_show)

    propose = commands.add_parser("propose", help="stel een registerregel voor uit een uitnodigingsbrief",
                                  description="Lees een uitnodigingsbrief (tekst) en toon een concept-registerregel "
                                              "ter controle; er wordt niets opgeslagen.")
    propose.add_argument("file", metavar="BESTAND")
    propose.add_argument("--json", action="store_true", help="alleen JSON op stdout")
    propose.set_defaults(func=run_propose)

    accept = commands.add_parser("accept", help="neem een voorstel uit een ingelezen uitnodiging over in het register",
                                 description="Ingest zet voor een onbekende vergadering een voorstel klaar onder "
                                             "<data_dir>/meetings/voorstellen/. Controleer (en bewerk) het en neem "
                                             "het hiermee over.")
    accept.add_argument("date", metavar="JJJJ-MM-DD")
    accept.add_argument("--replace", action="store_true", help="vervang een bestaande vergadering op die datum")
    accept.set_defaults(func=run_accept)

    parser.set_defaults(func=lambda args: _usage(parser))


def run_accept(args) -> int:
    import datetime as dt

    from assistant.errors import InputError
    from assistant.rules.meetings import accept_proposal

    try:
        day = dt.date.fromisoformat(args.date)
    except ValueError:
        raise InputError(f"Ongeldige datum: {args.date!r}.", hint="Gebruik JJJJ-MM-DD.") from None
    path = accept_proposal(day, replace_existing=args.replace)
    print(f"Vergadering van {day:%d-%m-%Y} opgenomen in het register ({path}).")
    return 0


def _usage(parser) -> int:
    parser.print_help()
    return 2


def _item_from_option(value: str) -> dict:
    from assistant.errors import InputError

    parts = [part.strip() for part in value.split("|")]
    if len(parts) < 2 or not parts[0] or not parts[1]:
        raise InputError(f"Ongeldig agendapunt: {value!r}.", hint="Gebruik 'NR|TITEL|STATUS', bv. '5b|Resolutie asiel|ter besluitvorming'.")
    item = {"number": parts[0], "title": parts[1], "status": parts[2] if len(parts) > 2 and parts[2] else "ter besluitvorming"}
    if len(parts) > 3 and parts[3]:
        item["amendable"], item["reason"] = False, parts[3]
    return item


def _summary_line(meeting) -> str:
    when = meeting.start + (f"-{meeting.end}" if meeting.end else "") if meeting.start else "tijd onbekend"
    where = meeting.location or "locatie onbekend"
    return (f"{meeting.date.isoformat()}  {meeting.label:<22} {when:<12} {where} — "
            f"{', '.join(meeting.addresses) or 'geen adres'} ({len(meeting.items)} agendapunten, {meeting.origin})")


def _detail(meeting) -> str:
    lines = [_summary_line(meeting)]
    if meeting.voting_article:
        lines.append(f"Stemmen: {meeting.voting_article}")
    if meeting.documented_deadline:
        lines.append(f"Deadline volgens de stukken: {meeting.documented_deadline:%d-%m-%Y %H:%M}")
    for item in meeting.items:
        status = "amendabel" if item.amendable else f"niet amendabel: {item.reason}"
        proposal = f" [voorstel: {item.proposal.label}]" if item.proposal else ""
        lines.append(f"  {item.number:>3}. {item.title} ({item.status}; {status}){proposal}")
        for part in item.non_amendable_parts:
            lines.append(f"       niet amendabel: {part.part} — {part.reason}")
    lines.extend(f"Let op: {note}" for note in meeting.notes)
    return "\n".join(lines)


def run_add(args) -> int:
    from assistant.cli import emit_json, warn
    from assistant.config import get_settings
    from assistant.rules.meetings import Meeting, add_meeting, parse_date

    data = {
        "date": parse_date(args.date).isoformat(), "kind": args.kind, "start": args.start, "end": args.end,
        "location": args.location, "addresses": args.address,
        "items": [_item_from_option(value) for value in args.item],
    }
    if not args.address:
        warn("Let op: geen indieningsadres opgegeven (--address).")
    meeting = Meeting.from_dict(data, origin="user")
    path = add_meeting(meeting, get_settings(), replace_existing=args.replace)
    if args.json:
        emit_json({"saved": str(path), "meeting": meeting.to_dict()})
    else:
        print(f"Opgeslagen: {meeting.label} in {path}")
    return 0


def run_list(args) -> int:
    from assistant.cli import emit_json
    from assistant.rules.meetings import list_meetings

    meetings = list_meetings()
    if args.json:
        emit_json([meeting.to_dict() for meeting in meetings])
    else:
        for meeting in meetings:
            print(_summary_line(meeting))
    return 0


def run_show(args) -> int:
    from assistant.cli import emit_json
    from assistant.errors import InputError
    from assistant.rules.meetings import get_meeting, parse_date

    day = parse_date(args.date)
    meeting = get_meeting(day)
    if meeting is None:
        raise InputError(f"Er staat geen vergadering op {day:%d-%m-%Y} in het register.",
                         hint="Bekijk 'motie meeting list' of voeg haar toe met 'motie meeting add'.")
    if args.json:
        emit_json(meeting.to_dict(with_text=args.with_text))
    else:
        print(_detail(meeting))
    return 0


def run_propose(args) -> int:
    from assistant.cli import emit_json
    from assistant.errors import InputError
    from assistant.rules.meetings import propose_meeting_from_text

    path = Path(args.file)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"Kan {path} niet lezen: {error}.") from None
    draft = propose_meeting_from_text(text)
    if args.json:
        emit_json(draft.to_dict())
    else:
        print(_detail(draft))
        print("Dit is een concept: controleer het en sla het op met 'motie meeting add'.")
    return 0
