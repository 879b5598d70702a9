"""``motie check FILE``: check a motion or amendment (txt, md, docx, pdf, eml) against the VNG rules.

Pure Python: the parser and the rule engine; never imports torch, chromadb or an embedder.
Exit 0 valid, 1 invalid (an error finding), 2 unreadable input or a wrong call.
"""

from __future__ import annotations

import datetime as dt
import re


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "check", help="toets een motie of amendement aan de regels van de VNG",
        description="Toets een motie of amendement (txt, md, docx, pdf of eml) aan het sjabloon, de "
                    "ondertekeningsregels, de termijnen en de amendeerbaarheid. Tijden zijn Nederlandse tijd.")
    parser.add_argument("file", metavar="BESTAND", help="het stuk: .txt, .md, .docx, .pdf of .eml")
    parser.add_argument("--alv-date", "--meeting", dest="alv_date", metavar="JJJJ-MM-DD",
                        help="datum van de ALV (standaard: de vergadering die de tekst noemt, anders de eerstvolgende "
                             "bekende ALV na de indiening)")
    parser.add_argument("--submitted-at", dest="submitted_at", metavar="JJJJ-MM-DDTUU:MM",
                        help="tijdstip van indiening (Nederlandse tijd); zonder dit (en zonder e-mailtijd) wordt "
                             "de termijn niet beoordeeld")
    parser.add_argument("--json", action="store_true", help="alleen JSON op stdout")
    parser.set_defaults(func=run)


def parse_submitted_at(value: str) -> dt.datetime:
    from assistant.errors import InputError
    from assistant.rules.calendar import AMSTERDAM

    text = value.strip().replace(" ", "T")
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        from assistant.cli import warn

        warn("Let op: geen tijd opgegeven bij --submitted-at; uitgegaan van 00:00 uur.")
        text += "T00:00"
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        raise InputError(f"Ongeldig tijdstip van indiening: {value!r}.",
                         hint="Gebruik JJJJ-MM-DDTUU:MM, bijvoorbeeld 2024-06-13T11:30.") from None
    return moment.replace(tzinfo=AMSTERDAM) if moment.tzinfo is None else moment.astimezone(AMSTERDAM)


def parse_alv_date(value: str) -> dt.date:
    from assistant.errors import InputError

    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(f"Ongeldige ALV-datum: {value!r}.",
                         hint="Gebruik JJJJ-MM-DD, bijvoorbeeld --alv-date 2024-06-26.") from None


def run(args) -> int:
    from assistant.cli import emit_json, warn
    from assistant.motions.extract import read_submission_file
    from assistant.motions.parse import parse_submission
    from assistant.rules.check import check
    from assistant.rules.report import text_report

    alv_date = parse_alv_date(args.alv_date) if args.alv_date else None
    submitted_at = parse_submitted_at(args.submitted_at) if args.submitted_at else None
    extracted = read_submission_file(args.file)
    if submitted_at is None and extracted.submitted_at is not None:
        submitted_at = extracted.submitted_at
        origin = "Received-kop van de VNG-mailserver" if extracted.submitted_at_source == "received" else "Date-kop"
        warn(f"Tijdstip van indiening uit de e-mail ({origin}).")
    item = parse_submission(extracted.text)
    result = check(item, alv_date=alv_date, submitted_at=submitted_at)
    if args.json:
        emit_json(result.to_json())
    else:
        print(text_report(result))
    return 0 if result.valid else 1
