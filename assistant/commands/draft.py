"""``motie draft …``: draft a motion or amendment in the VNG template, check it, render it, keep it.

    motie draft new --alv-date 2024-06-26 --gemeente Utrecht -o concept.json   # skeleton from the sjabloon
    motie draft check concept.json [--json]                                    # same findings as `motie check`
    motie draft render concept.json --format docx -o motie.docx                # docx | md | txt | eml | ...
    motie draft save concept.json / list / show ID / history ID / export ID / delete ID   # the draft store

A draft file is the JSON export: the ``parsed`` object of ``motie check --json`` plus ``schema_version``.
Exit 0 ok, 1 negative verdict (check: an error finding or template placeholders left), 2 unreadable input.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

KIND_CHOICES = ("motie", "amendement")
# Same as ``assistant.drafting.FORMATS`` (a test holds them together); literal here so that registering the
# command imports nothing beyond the standard library (every `motie` call registers every command).
FORMATS = ("docx", "md", "txt", "eml", "mailto", "steunlijst-csv", "steunlijst-md")


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "draft", help="stel een motie of amendement op in het VNG-sjabloon",
        description="Stel een motie of amendement op in het VNG-sjabloon: begin met een skelet, toets het, zet het "
                    "om naar Word, Markdown, tekst of e-mail en bewaar concepten met versiegeschiedenis.")
    commands = parser.add_subparsers(dest="draft_command", metavar="ACTIE", parser_class=type(parser))
    _new(commands)
    _check(commands)
    _render(commands)
    _change(commands)
    _proposals(commands)
    _suggestions(commands)
    _similar(commands)
    _store_commands(commands)
    parser.set_defaults(func=lambda args: _help(parser))


def _help(parser) -> int:
    parser.print_help(sys.stderr)
    return 2


def _user(parser) -> None:
    parser.add_argument("--gebruiker", "--user", dest="user", default=None,
                        help="eigenaar van de concepten (standaard: lokaal)")


# --- subcommand definitions ----------------------------------------------------------------------------------------


def _new(commands) -> None:
    p = commands.add_parser("new", help="nieuw concept uit het sjabloon (JSON-skelet)",
                            description="Maak een concept uit het VNG-sjabloon. Alle onderdelen staan erin, met "
                                        "invulteksten tussen [haken] die u vervangt.")
    p.add_argument("--alv-date", "--meeting", dest="alv_date", required=True, metavar="JJJJ-MM-DD",
                   help="datum van de ALV")
    p.add_argument("--gemeente", required=True, help="de indienende gemeente")
    p.add_argument("--kind", "--soort", dest="kind", choices=KIND_CHOICES, default="motie", help="motie of amendement")
    p.add_argument("--agendapunt", "--agenda-item", dest="agenda_item", default="",
                   help="(amendement) het agendapunt van het voorstel, bijv. 5b")
    p.add_argument("-o", "--output", metavar="BESTAND.json", help="schrijf naar dit bestand in plaats van stdout")
    p.add_argument("--bewaar", "--save", dest="save", action="store_true", help="bewaar het concept ook in de opslag")
    _user(p)
    p.set_defaults(func=run_new)


CHECK_EXIT_CODES = """afsluitcode:
  0  geen bevinding met ernst "error" en geen invulteksten [tussen haken] meer (waarschuwingen mogen)
  1  negatief oordeel: een bevinding met ernst "error", of het concept bevat nog invulteksten uit het sjabloon
     (dan is "valid" in de JSON soms true, maar "draft.complete" false)
  2  het bestand is onleesbaar of geen geldig concept, het concept noemt geen ALV (meeting_date), of de
     aanroep is fout"""


def _check(commands) -> None:
    import argparse

    p = commands.add_parser(
        "check", help="toets een concept (zelfde bevindingen als `motie check`)",
        description="Toets een concept (JSON-export) met dezelfde regels als `motie check`.\n"
                    "Met --json staat op stdout precies de JSON van `motie check --json`, met één extra sleutel\n"
                    "\"draft\": compleet, klaar om in te dienen, ontbrekende onderdelen, invulteksten, onbekende\n"
                    "gemeenten en de deadline.",
        epilog=CHECK_EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("file", metavar="BESTAND.json", help="het concept (JSON-export)")
    p.add_argument("--submitted-at", dest="submitted_at", metavar="JJJJ-MM-DDTUU:MM",
                   help="tijdstip van indiening (Nederlandse tijd)")
    p.add_argument("--json", action="store_true", help="alleen JSON op stdout")
    p.set_defaults(func=run_check)


def _render(commands) -> None:
    p = commands.add_parser("render", help="zet een concept om naar docx, md, txt, eml, mailto of een steunlijst")
    p.add_argument("file", metavar="BESTAND.json", help="het concept (JSON-export)")
    p.add_argument("--format", dest="fmt", required=True, choices=FORMATS, help="uitvoerformaat")
    p.add_argument("-o", "--output", metavar="UIT", help="uitvoerbestand ('-' of weglaten: stdout, niet voor docx/eml)")
    p.set_defaults(func=run_render)


def _change(commands) -> None:
    p = commands.add_parser("wijziging", help="(amendement) voeg een wijziging toe op een passage uit het voorstel",
                            description="Voeg aan een amendement een wijziging toe. De passage moet letterlijk en "
                                        "precies één keer in de tekst van het voorstel voorkomen.")
    p.add_argument("file", metavar="BESTAND.json", help="het concept-amendement (wordt bijgewerkt)")
    p.add_argument("--passage", required=True, help="de passage uit het voorstel")
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--vervangen-door", dest="replacement", help="de nieuwe tekst voor de passage")
    group.add_argument("--schrappen", action="store_true", help="schrap de passage")
    group.add_argument("--invoegen", dest="insertion", help="tekst die na de passage wordt ingevoegd")
    p.add_argument("--krap", action="store_true", help="schrap alleen de woorden die echt veranderen")
    p.add_argument("--json", action="store_true", help="alleen JSON op stdout")
    p.set_defaults(func=run_change)


def _proposals(commands) -> None:
    p = commands.add_parser("voorstellen", help="(amendement) welke voorstellen van een ALV amendabel zijn")
    p.add_argument("--alv-date", "--meeting", dest="alv_date", required=True, metavar="JJJJ-MM-DD")
    p.add_argument("--tekst", dest="agenda_item", metavar="AGENDAPUNT", help="toon de voorsteltekst van dit agendapunt")
    p.add_argument("--json", action="store_true", help="alleen JSON op stdout")
    p.set_defaults(func=run_proposals)


def _suggestions(commands) -> None:
    p = commands.add_parser("suggesties", help="herschrijfsuggesties (inspanning i.p.v. resultaat, bedragen, ...)")
    p.add_argument("file", metavar="BESTAND.json", help="het concept (JSON-export)")
    p.add_argument("--accepteer", dest="accept", metavar="ID", action="append", default=[],
                   help="neem deze suggestie over (het bestand wordt bijgewerkt); herhaalbaar")
    p.add_argument("--json", action="store_true", help="alleen JSON op stdout")
    p.set_defaults(func=run_suggestions)


def _similar(commands) -> None:
    p = commands.add_parser("lijkt-op", help="eerdere moties en passages die op dit concept lijken (index nodig)")
    p.add_argument("file", metavar="BESTAND.json", help="het concept (JSON-export)")
    p.add_argument("-k", type=int, default=5, help="aantal moties en passages (standaard 5)")
    p.add_argument("--json", action="store_true", help="alleen JSON op stdout")
    p.set_defaults(func=run_similar)


def _store_commands(commands) -> None:
    p = commands.add_parser("save", help="bewaar een conceptbestand in de opslag (nieuwe versie bij --id)")
    p.add_argument("file", metavar="BESTAND.json")
    p.add_argument("--id", dest="draft_id", help="bestaand concept bijwerken (nieuwe versie)")
    p.add_argument("--json", action="store_true")
    _user(p)
    p.set_defaults(func=run_save)

    p = commands.add_parser("list", help="uw bewaarde concepten")
    p.add_argument("--json", action="store_true")
    _user(p)
    p.set_defaults(func=run_list)

    p = commands.add_parser("show", help="toon een bewaard concept (tekst, of JSON met --json)")
    p.add_argument("draft_id", metavar="ID")
    p.add_argument("--versie", "--version", dest="version", type=int, help="een eerdere versie")
    p.add_argument("--json", action="store_true")
    _user(p)
    p.set_defaults(func=run_show)

    p = commands.add_parser("history", help="versiegeschiedenis van een concept")
    p.add_argument("draft_id", metavar="ID")
    p.add_argument("--json", action="store_true")
    _user(p)
    p.set_defaults(func=run_history)

    p = commands.add_parser("export", help="exporteer een concept als JSON-bestand")
    p.add_argument("draft_id", metavar="ID")
    p.add_argument("-o", "--output", metavar="BESTAND.json", help="standaard: stdout")
    _user(p)
    p.set_defaults(func=run_export)

    p = commands.add_parser("delete", help="verwijder een concept met al zijn versies (echt weg)")
    p.add_argument("draft_id", metavar="ID")
    p.add_argument("--json", action="store_true")
    _user(p)
    p.set_defaults(func=run_delete)


# --- shared helpers --------------------------------------------------------------------------------------------------


def read_draft_file(path: str):
    """A draft (Motion | Amendment) from a JSON file, or ``-`` for stdin; Dutch errors for anything else."""
    from assistant.drafts_store import item_from_export
    from assistant.errors import InputError

    try:
        raw = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"Bestand niet gevonden: {path}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"Kan {path} niet lezen: {error}") from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as error:
        raise InputError(f"{path} is geen geldige JSON (regel {error.lineno}).",
                         hint="Maak een nieuw concept met `motie draft new`.") from None
    return item_from_export(data)


def write_draft_file(path: str, item) -> None:
    from assistant.motions.model import submission_to_dict

    Path(path).write_text(json.dumps(submission_to_dict(item), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def _store():
    from assistant.drafts_store import DraftStore

    return DraftStore.open()


def _user_of(args) -> str:
    from assistant.drafts_store import DEFAULT_USER

    return args.user or DEFAULT_USER


# --- handlers --------------------------------------------------------------------------------------------------------


def run_new(args) -> int:
    from assistant.cli import warn
    from assistant.commands.check import parse_alv_date
    from assistant.drafting import DraftSession
    from assistant.motions.model import submission_to_dict

    session = DraftSession.new(args.kind, alv_date=parse_alv_date(args.alv_date), gemeente=args.gemeente,
                               agenda_item=args.agenda_item)
    if args.save:
        session.store, session.user = _store(), _user_of(args)
        session.save()
        warn(f"Concept bewaard met id {session.draft_id}.")
    text = json.dumps(submission_to_dict(session.item), ensure_ascii=False, indent=2)
    if args.output:
        Path(args.output).write_text(text + "\n", encoding="utf-8")
        warn(f"Skelet geschreven naar {args.output}. Vervang alle teksten tussen [haken] en toets met "
             f"`motie draft check {args.output}`.")
    else:
        print(text)
    return 0


def run_check(args) -> int:
    from assistant.cli import emit_json, warn
    from assistant.commands.check import parse_submitted_at
    from assistant.drafting import DraftSession

    session = DraftSession(read_draft_file(args.file))
    submitted_at = parse_submitted_at(args.submitted_at) if args.submitted_at else None
    validation = session.validate(submitted_at=submitted_at)
    if validation.check is None:
        from assistant.errors import InputError

        raise InputError("Het concept noemt geen ALV (meeting_date).", hint="Vul meeting_date in, bijv. 2024-06-26.")
    if args.json:
        # The checker's own JSON (``CheckResult.to_json``), plus what only a draft has: placeholders, completeness.
        emit_json({**validation.check.to_json(), "draft": _draft_summary(validation)})
    else:
        from assistant.rules.report import text_report

        print(text_report(validation.check))
        print(_draft_text(validation))
    for hit in validation.placeholders:
        warn(f"Nog in te vullen: {hit.label}" + (f" {hit.index + 1}" if hit.index is not None else "") + f": {hit.text}")
    return 0 if validation.valid and not validation.placeholders else 1


def _draft_summary(validation) -> dict:
    return {
        "complete": validation.complete,
        "ready_to_submit": validation.ready_to_submit,
        "missing": validation.missing,
        "placeholders": [hit.to_dict() for hit in validation.placeholders],
        "gemeenten": [check.to_dict() for check in validation.gemeenten if not check.known],
        "deadline": validation.deadline.to_dict() if validation.deadline else None,
    }


def _draft_text(validation) -> str:
    lines = [""]
    if validation.deadline:
        lines.append(validation.deadline.label)
    for check in validation.gemeenten:
        if not check.known:
            lines.append(f"Gemeente: {check.message}")
    if validation.missing:
        lines.append("Nog niet ingevuld: " + ", ".join(validation.missing))
    if validation.placeholders:
        lines.append(f"Het concept bevat nog {len(validation.placeholders)} invultekst(en) uit het sjabloon: "
                     "het is niet compleet.")
    elif validation.complete:
        lines.append("De tekst is compleet." + ("" if validation.valid else " Laat het stuk nu ondertekenen."))
    return "\n".join(lines)


def run_render(args) -> int:
    from assistant.cli import warn
    from assistant.drafting import render, submission_address
    from assistant.errors import InputError

    item = read_draft_file(args.file)
    output = render(item, args.fmt)
    if args.fmt in ("eml", "mailto"):
        address, known = submission_address(item.meeting_date)
        if not known:
            warn(f"Let op: deze ALV staat niet in het vergaderregister; het adres {address} is dat van de laatste "
                 "bekende ALV. Controleer het in de uitnodiging.")
    if isinstance(output, bytes):
        if not args.output or args.output == "-":
            raise InputError(f"Geef met -o een uitvoerbestand op voor {args.fmt}.")
        Path(args.output).write_bytes(output)
    elif args.output and args.output != "-":
        Path(args.output).write_text(output if output.endswith("\n") else output + "\n", encoding="utf-8")
    else:
        print(output, end="" if output.endswith("\n") else "\n")
        return 0
    warn(f"Geschreven: {args.output}")
    return 0


def run_change(args) -> int:
    from assistant.cli import emit_json, warn
    from assistant.drafting import DraftSession

    session = DraftSession(read_draft_file(args.file))
    if args.insertion is not None:
        session.add_insertion(args.passage, args.insertion)
    else:
        session.add_change(args.passage, "" if args.schrappen else args.replacement, tighten=args.krap)
    write_draft_file(args.file, session.item)
    preview = session.change_previews()[-1]
    if args.json:
        emit_json({"change": session.item.changes[-1].model_dump(mode="json"), **preview})
    else:
        print(preview["instruction"])
        print(preview["markdown"])
    warn(f"Wijziging toegevoegd aan {args.file}.")
    return 0


def run_proposals(args) -> int:
    from assistant.cli import emit_json
    from assistant.commands.check import parse_alv_date
    from assistant.drafting import proposal_text
    from assistant.rules.domain import amendable_items

    alv_date = parse_alv_date(args.alv_date)
    if args.agenda_item:
        text = proposal_text(alv_date, args.agenda_item)
        if args.json:
            emit_json({"agenda_item": args.agenda_item, "text": text})
        else:
            print(text)
        return 0
    items = amendable_items(alv_date)
    if args.json:
        emit_json(items.to_dict())
        return 0
    if not items.known:
        print(items.summary)
        return 0
    print(f"Amendabel ({items.meeting_label}):")
    for item in items.amendable:
        print(f"  {item.number}. {item.title}" + ("" if item.proposals else " (voorsteltekst niet in de stukken)"))
        for part in item.non_amendable_parts:
            print(f"      niet amendabel: {part.part} – {part.reason}")
    print("Niet amendabel:")
    for item in items.not_amendable:
        print(f"  {item.number}. {item.title}: {item.reason}")
    return 0


def run_suggestions(args) -> int:
    from assistant.cli import emit_json, warn
    from assistant.drafting import DraftSession

    session = DraftSession(read_draft_file(args.file))
    offered = {s.suggestion_id: (s.rule, s.part, s.index) for s in session.suggestions()}
    for suggestion_id in args.accept:
        if suggestion_id not in offered:
            from assistant.errors import InputError

            raise InputError(f"Onbekende suggestie {suggestion_id}.", hint="Vraag de suggesties opnieuw op.")
        # Accepting one suggestion changes the text the next one was made for: take the same rewrite, redone on
        # the current text (e.g. first inspanning instead of resultaat, then the amount out of the same oproep).
        current = next((s for s in session.suggestions() if (s.rule, s.part, s.index) == offered[suggestion_id]), None)
        if current is not None:
            session.accept(current)
    if args.accept:
        write_draft_file(args.file, session.item)
        warn(f"{len(args.accept)} suggestie(s) overgenomen in {args.file}.")
    suggestions = session.suggestions()
    if args.json:
        emit_json({"suggestions": [s.to_dict() for s in suggestions]})
        return 0
    if not suggestions:
        print("Geen suggesties.")
    for s in suggestions:
        where = s.part + (f" [{s.index + 1}]" if s.index is not None else "")
        print(f"[{s.suggestion_id}] {where}: {s.explanation}")
        print(f"    nu:      {s.original}")
        print(f"    voorstel: {s.replacement}")
        for part, texts in s.additions.items():
            for text in texts:
                print(f"    + {part}: {text}")
    if suggestions:
        print("Overnemen: motie draft suggesties BESTAND.json --accepteer ID")
    return 0


def run_similar(args) -> int:
    from assistant.cli import emit_json, warn
    from assistant.config import get_settings
    from assistant.index.reader import open_index
    from assistant.similar_motions import resemblance

    item = read_draft_file(args.file)
    reader = open_index(get_settings())
    if not getattr(reader, "dense_available", False):
        warn("Let op: alleen trefwoordzoeken (de semantische index is niet beschikbaar).")
    result = resemblance(item, reader, k_motions=args.k, k_passages=args.k)
    if args.json:
        emit_json(result.to_dict())
        return 0
    print("Eerdere moties die hierop lijken:" if result.motions else "Geen eerdere moties gevonden die hierop lijken.")
    for motion in result.motions:
        record = motion.record
        facts = [f for f in (record.meeting, f"preadvies: {record.preadvies}" if record.preadvies else "",
                             f"uitkomst: {record.outcome}" if record.outcome else "",
                             f"vervolg: {record.follow_up}" if record.follow_up else "") if f]
        print(f"  - {record.title} ({', '.join(record.gemeenten)}); " + "; ".join(facts))
    print("\nPassages in de vergaderstukken:")
    for passage in result.passages:
        chunk = passage.chunk
        where = f"{chunk.source_path} r. {chunk.line_start}–{chunk.line_end}" if chunk.line_start else chunk.source_path
        print(f"  - {chunk.doc_title} ({where})")
    return 0


def run_save(args) -> int:
    from assistant.cli import emit_json
    from assistant.motions.model import submission_to_dict

    item = read_draft_file(args.file)
    info = _store().import_json(submission_to_dict(item), user=_user_of(args), draft_id=args.draft_id)
    if args.json:
        emit_json(info.to_dict())
    else:
        print(f"Bewaard: {info.draft_id} (versie {info.version})")
    return 0


def run_list(args) -> int:
    from assistant.cli import emit_json

    drafts = _store().list(user=_user_of(args))
    if args.json:
        emit_json({"drafts": [d.to_dict() for d in drafts]})
        return 0
    if not drafts:
        print("Geen concepten.")
    for d in drafts:
        print(f"{d.draft_id}  {d.kind:<10} {d.updated_at[:16].replace('T', ' ')}  v{d.version}  {d.indiener}: {d.titel}")
    return 0


def run_show(args) -> int:
    from assistant.cli import emit_json
    from assistant.motions.model import submission_to_dict
    from assistant.motions.render import render_text

    item = _store().load(args.draft_id, user=_user_of(args), version=args.version)
    if args.json:
        emit_json(submission_to_dict(item))
    else:
        print(render_text(item), end="")
    return 0


def run_history(args) -> int:
    from assistant.cli import emit_json

    versions = _store().history(args.draft_id, user=_user_of(args))
    if args.json:
        emit_json({"draft_id": args.draft_id, "versions": [v.to_dict() for v in versions]})
        return 0
    for v in versions:
        print(f"v{v.version}  {v.saved_at[:19].replace('T', ' ')}  {v.titel}")
    return 0


def run_export(args) -> int:
    from assistant.cli import warn

    data = _store().export_json(args.draft_id, user=_user_of(args))
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if args.output and args.output != "-":
        Path(args.output).write_text(text, encoding="utf-8")
        warn(f"Geëxporteerd naar {args.output}")
    else:
        sys.stdout.write(text)
    return 0


def run_delete(args) -> int:
    from assistant.cli import emit_json

    _store().delete(args.draft_id, user=_user_of(args))
    if args.json:
        emit_json({"deleted": args.draft_id})
    else:
        print(f"Concept {args.draft_id} en al zijn versies zijn verwijderd.")
    return 0
