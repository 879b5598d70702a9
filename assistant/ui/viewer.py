"""The source viewer: a corpus file with line numbers and the cited range highlighted.

Only files inside the corpus folder (or the uploaded-corpus folder under the data directory) can be shown: the
``pad`` query parameter comes from a URL anyone can edit, so it is resolved and checked before anything is read.
"""

from __future__ import annotations

import html
from functools import lru_cache
from pathlib import Path

from assistant.config import Settings
from assistant.errors import InputError

VIEWABLE_SUFFIXES = (".txt", ".md")
CONTEXT_BEFORE = 6  # the cited lines near the top, so they are on screen without scrolling
CONTEXT_AFTER = 25


def viewable_roots(settings: Settings) -> list[Path]:
    """The folders ingest reads: the corpus, the configured extra source folders and the uploads."""
    extra = [Path(folder).resolve() for folder in settings.resolved_extra_corpus_dirs]
    return [settings.corpus_dir.resolve(), *extra, (settings.data_dir / "uploads" / "corpus").resolve()]


def resolve_viewable(settings: Settings, relative: str) -> Path:
    """The file named by a citation path (relative to the repository root), if it may be shown."""
    if not relative or "\x00" in relative:
        raise InputError("Geen bestand opgegeven.")
    candidate = Path(relative)
    path = (candidate if candidate.is_absolute() else settings.repo_root / candidate).resolve()
    if not any(path.is_relative_to(root) for root in viewable_roots(settings)):
        raise InputError(f"Het bestand '{relative}' hoort niet bij de vergaderstukken en wordt niet getoond.")
    if path.suffix.lower() not in VIEWABLE_SUFFIXES:
        raise InputError(f"De bronviewer toont alleen tekstbestanden (.txt, .md); '{relative}' is dat niet.")
    if not path.is_file():
        raise InputError(f"Het bestand '{relative}' bestaat niet (meer).")
    return path


@lru_cache(maxsize=8)
def _lines(path: str, mtime_ns: int) -> tuple[str, ...]:
    text = Path(path).read_text(encoding="utf-8", errors="replace")
    return tuple(line.rstrip("\r") for line in text.split("\n"))  # physical lines, as citations count them


def file_lines(path: Path) -> tuple[str, ...]:
    return _lines(str(path), path.stat().st_mtime_ns)


def parse_line(value, default: int | None = None) -> int | None:
    try:
        number = int(str(value))
    except (TypeError, ValueError):
        return default
    return number if number >= 1 else default


def window(total: int, start: int | None, end: int | None, before: int = CONTEXT_BEFORE,
           after: int = CONTEXT_AFTER) -> tuple[int, int]:
    """First and last line (1-based, inclusive) to show around a highlighted range."""
    if start is None:
        return 1, min(total, before + after)
    start = min(start, total)
    end = min(max(end or start, start), total)
    return max(1, start - before), min(total, end + after)


def lines_html(lines: tuple[str, ...], first: int, last: int, hl_start: int | None, hl_end: int | None) -> str:
    """Numbered lines as HTML; the cited range is marked (and labelled for screen readers)."""
    rows = []
    for number in range(first, last + 1):
        text = html.escape(lines[number - 1]) or "&nbsp;"
        marked = hl_start is not None and hl_start <= number <= (hl_end or hl_start)
        css = "hl" if marked else "ln"
        rows.append(f'<span class="{css}"><span class="nr">{number}</span>{text}</span>')
    return f'<div class="bronregels" role="region" aria-label="Regels {first} tot en met {last}">{"".join(rows)}</div>'
