"""Who signed a letter or report: the closing block at its end.

"Which firm signed the auditor's report on the 2023 financial statements?" is answered by the last lines of that
report ("Woudenberg, 17 mei 2024" / "Vallei Accountants Audit B.V." / "Drs. L.S. Goeman RA"), which share no words
with the question; "wie ondertekende de uitnodiging voor de BALV" by the lines after "Met vriendelijke groet,".
The answerer finds the document the question is about; this module finds where that document closes.
"""

from __future__ import annotations

import re
from typing import Callable

from assistant.corpus.dutch_dates import MONTHS
from assistant.search import fold

_MONTHS = "|".join(MONTHS)
# past tense: the present ("wie ondertekent een motie?") asks the signing rule, which the rules route answers
_ASKS_SIGNER = re.compile(r"\b(who|wie|which|welk\w*)\b.*\b(signed|ondertekende|ondertekenden|tekende|tekenden|"
                          r"getekend|ondertekend|signatory|signatories|undersigned)\b")
# "Met vriendelijke groet,", "Namens het bestuur,", or a place with the date of signing ("Den Haag, mei 2024.")
_CLOSING = re.compile(rf"^\s*(met vriendelijke groet(en)?|hoogachtend|namens het bestuur)\b"
                      rf"|^\s*[A-Z][a-zà-ÿ]+(?:[ -][A-Za-zà-ÿ]+)?, (?:\d{{1,2}} )?(?:{_MONTHS}) \d{{4}}\.?\s*$",
                      re.IGNORECASE)
_BLOCK_END = re.compile(r"^\s*(#|\*\*|<)")  # a heading, bold label or table after the signature
MAX_LINES = 6  # marker, organisation, name, role ... (blank lines do not count)
MAX_LINE_CHARS = 80  # a signature line is short; a long line is the next text
SCAN_CHUNKS = 40  # how far after the passage the closing may stand (a long report)


def asks_signer(question: str) -> bool:
    return _ASKS_SIGNER.search(fold(question)) is not None


def _signature_lines(chunk, offset: int, most: int) -> tuple[list[tuple[int, str]], bool]:
    """The short lines of ``chunk`` from line index ``offset`` on, and whether they run to the chunk's end."""
    block: list[tuple[int, str]] = []
    lines = chunk.text.split("\n")
    for index, text in enumerate(lines[offset:], start=offset):
        if not text.strip():
            continue
        if block and (_BLOCK_END.match(text) or len(text.strip()) > MAX_LINE_CHARS):
            return block, False
        block.append((chunk.line_start + index, text.strip()))
        if len(block) == most:
            return block, False
    return block, True


def closing_lines(chunk) -> tuple[list[tuple[int, str]], bool]:
    """(line number, text) of the closing block in ``chunk`` (the marker line and the short lines after it), and
    whether the block may go on in the next chunk."""
    if chunk.line_start is None:
        return [], False
    for offset, line in enumerate(chunk.text.split("\n")):
        if _CLOSING.match(line):
            return _signature_lines(chunk, offset, MAX_LINES)
    return [], False


def find_closing(chunk, next_chunk: Callable) -> list[tuple[object, list[tuple[int, str]]]]:
    """The first closing block at or after ``chunk`` in its document, as (chunk, lines) per chunk it spans (the
    name under "Vallei Accountants Audit B.V." may open the next chunk); [] when there is none."""
    current = chunk
    for _ in range(SCAN_CHUNKS):
        if current is None:
            return []
        block, open_end = closing_lines(current)
        if block:
            parts = [(current, block)]
            following = next_chunk(current) if open_end else None
            if following is not None and following.line_start is not None:
                rest, _ = _signature_lines(following, 0, MAX_LINES - len(block))
                if rest:
                    parts.append((following, rest))
            if sum(len(lines) for _, lines in parts) > 1:  # a greeting with nothing under it signs nothing
                return parts
        current = next_chunk(current)
    return []
