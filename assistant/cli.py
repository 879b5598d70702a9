"""The ``motie`` command line (also ``python -m assistant``).

Each subcommand lives in its own module under ``assistant/commands/`` and exposes ``register(subparsers)``; the
modules are discovered here, so adding a command never means editing this file. Command modules import heavy
libraries (Chroma, torch, embedders) only inside their handlers: ``motie check`` and ``motie deadline`` must start
in well under a second.

Conventions for every command: ``--json`` puts only JSON on stdout, progress and warnings go to stderr; exit 0 on
success, 1 for a negative verdict (e.g. an invalid motion), 2 when the input could not be read or the call was wrong.
"""

from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
import sys
from typing import Any, Sequence

from assistant import __version__
from assistant import commands as _commands_pkg
from assistant.errors import UserFacingError

_DUTCH = {
    "usage: ": "gebruik: ",
    "the following arguments are required: %s": "deze argumenten ontbreken: %s",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "ongeldige keuze: %(value)r (kies uit %(choices)s)",
    "expected one argument": "verwacht één waarde",
    "show this help message and exit": "toon deze hulptekst en stop",
    "positional arguments": "argumenten",
    "options": "opties",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
}


def _install_dutch_argparse_messages() -> None:
    """argparse's own messages (usage, missing arguments) in Dutch, like the rest of the CLI."""
    original = argparse._  # gettext alias used inside argparse

    def translate(message: str) -> str:
        return _DUTCH.get(message, original(message))

    argparse._ = translate


class DutchArgumentParser(argparse.ArgumentParser):
    def error(self, message: str):  # exit status 2, as documented
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: fout: {message}\n")


def emit_json(payload: Any) -> None:
    """Write one JSON document to stdout (UTF-8, not ASCII-escaped, so Dutch text stays readable)."""
    sys.stdout.write(json.dumps(payload, ensure_ascii=False, default=str))
    sys.stdout.write("\n")
    sys.stdout.flush()


def warn(message: str) -> None:
    """Progress, warnings and notes go to stderr, so ``--json`` output on stdout stays clean."""
    print(message, file=sys.stderr, flush=True)


def build_parser() -> argparse.ArgumentParser:
    _install_dutch_argparse_messages()
    parser = DutchArgumentParser(
        prog="motie",
        description="Motie-assistent: vragen over de ALV-procedure, moties en amendementen opstellen en toetsen.",
    )
    parser.add_argument("--version", action="version", version=f"motie {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="OPDRACHT", parser_class=DutchArgumentParser)
    for module_info in sorted(pkgutil.iter_modules(_commands_pkg.__path__), key=lambda m: m.name):
        if module_info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{_commands_pkg.__name__}.{module_info.name}")
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.func(args) or 0)
    except UserFacingError as error:
        warn(f"Fout: {error}")
        return error.exit_code
    except KeyboardInterrupt:
        warn("Afgebroken.")
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
