"""``motie ask "vraag"``: answer a question with sources (rule engine or cited passages from the documents).

    motie ask "Tot wanneer kan ik een amendement indienen voor de ALV van 26 juni 2024?"
    motie ask "wie ondertekent de motie?" --json
    motie ask --jsonl < vragen.jsonl        # {"id": ..., "question": ...} per line → one JSON answer per line
    motie ask --chat                        # interactive, follow-up questions ("en voor moties?") allowed

Exit status: 0 answered, 1 "niet gevonden" (single question), 2 wrong call or unreadable input.
"""

from __future__ import annotations

import json
import sys


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "ask", help="stel een vraag over de ALV-procedure, moties of amendementen (met bronnen)",
        description="Beantwoord een vraag met bronvermelding: berekend door de regels (deadlines, of een stuk op "
                    "tijd binnenkwam, stemgewicht, ondertekening, amendeerbare agendapunten) of geciteerd uit de "
                    "vergaderstukken.")
    parser.add_argument("vraag", nargs="?", help="de vraag (tussen aanhalingstekens)")
    parser.add_argument("--alv-date", "--meeting", dest="alv_date", metavar="JJJJ-MM-DD",
                        help="de ALV waar de vraag over gaat (--meeting is hetzelfde)")
    parser.add_argument("--k", type=int, default=5, metavar="N", help="aantal bronnen (standaard 5)")
    parser.add_argument("--jaar", metavar="JJJJ", help="zoek alleen in stukken van dit jaar")
    parser.add_argument("--soort", action="append", metavar="DOCTYPE",
                        help="zoek alleen in dit documenttype (bijv. notulen, ledenbrief); mag vaker")
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="alleen JSON op stdout")
    output.add_argument("--jsonl", action="store_true",
                        help='lees vragen als JSON-regels van stdin ({"id": ..., "question": ...}) en schrijf per '
                             "vraag één JSON-regel")
    output.add_argument("--chat", action="store_true", help="interactief; vervolgvragen mogen")
    parser.set_defaults(func=run)


def _filters(args):
    from assistant.search import SearchFilters

    if not (args.jaar or args.soort):
        return None
    if args.jaar and not (args.jaar.isdigit() and len(args.jaar) == 4):
        from assistant.errors import InputError

        raise InputError(f"Ongeldig jaar: {args.jaar!r}.", hint="Gebruik vier cijfers, bijvoorbeeld 2024.")
    return SearchFilters(year=args.jaar, doc_types=tuple(args.soort or ()))


def _check_k(k: int) -> None:
    if k < 1 or k > 50:
        from assistant.errors import InputError

        raise InputError(f"Ongeldig aantal bronnen: {k}.", hint="Kies een getal van 1 tot en met 50.")


def run(args) -> int:
    from assistant.cli import warn
    from assistant.errors import InputError

    _check_k(args.k)
    if args.alv_date:
        from assistant.rules.meetings import parse_date

        parse_date(args.alv_date)  # a wrong date is a wrong call (exit 2), before the index loads
    if args.jsonl:
        return _run_jsonl(args)
    if args.chat:
        return _run_chat(args)
    if not args.vraag or not args.vraag.strip():
        raise InputError("Geen vraag opgegeven.", hint='motie ask "Wie ondertekent de motie?" of motie ask --jsonl')
    warn("Index en model laden…")
    from assistant.answer import get_engine

    engine = get_engine()
    answer = engine.ask(args.vraag, alv_date=args.alv_date, k=args.k, filters=_filters(args))
    if args.json:
        from assistant.cli import emit_json

        emit_json(answer.to_json())
    else:
        print(render_text(answer))
    return 0 if answer.found else 1


def render_text(answer) -> str:
    lines = [answer.answer, ""]
    if not answer.found:
        lines[0] = answer.answer
    route = {"rules": "berekend met de regels", "retrieval": "geciteerd uit de documenten",
             "llm": "samengevat door het taalmodel"}[answer.route]
    lines.append(f"Bronnen ({route}):")
    for number, source in enumerate(answer.sources, start=1):
        where = (f"regels {source.line_start}–{source.line_end}" if source.line_start
                 else f"pagina {source.page}" if source.page else f"alinea {source.paragraph}")
        label = " — ".join(x for x in (source.title, source.meeting) if x)
        lines.append(f"[{number}] {source.path}, {where}" + (f" ({label})" if label else ""))
    return "\n".join(lines)


def _run_jsonl(args) -> int:
    """One JSON line per input line, in order; the model and index load once. Bad lines get an error object."""
    from assistant.answer import get_engine
    from assistant.cli import emit_json, warn
    from assistant.errors import UserFacingError

    engine = get_engine()
    filters = _filters(args)
    failures = 0
    for number, line in enumerate(sys.stdin, start=1):
        if not line.strip():
            continue
        item_id, question = None, None
        try:
            item = json.loads(line)
            if not isinstance(item, dict):
                raise ValueError("geen JSON-object")
            item_id, question = item.get("id"), item.get("question")
            if not isinstance(question, str) or not question.strip():
                raise ValueError('veld "question" ontbreekt of is leeg')
            alv_date = item.get("alv_date") or item.get("meeting") or args.alv_date
            answer = engine.ask(question, id=item_id, alv_date=alv_date, k=args.k, filters=filters)
            emit_json(answer.to_json())
        except (ValueError, UserFacingError) as error:
            failures += 1
            message = str(error)
            warn(f"Regel {number}: {message}")
            emit_json({"id": item_id, "question": question, "answer": f"Fout: {message}", "found": False,
                       "route": "retrieval", "sources": [], "index_generation": engine.reader.generation,
                       "error": message})
    return 2 if failures else 0


def _run_chat(args) -> int:
    from assistant.answer import get_engine

    engine = get_engine()
    history = []
    print("Stel uw vraag (leeg = stoppen). Vervolgvragen zoals 'en voor moties?' mogen.")
    while True:
        try:
            question = input("> ").strip()
        except EOFError:
            break
        if not question:
            break
        turn = engine.ask_turn(question, alv_date=args.alv_date, k=args.k, history=history,
                               filters=_filters(args))
        history.append(turn)
        if turn.resolved != question:
            print(f"(opgevat als: {turn.resolved})")
        print(render_text(turn.answer))
        print()
    return 0
