"""Letterhead blocks of VNG ledenbrieven: cover page ("Brief aan de leden") and "Aan de leden / Datum" blocks.

Two layouts occur: the 2019 PDF conversion (one label per line: Datum / Kenmerk / Telefoon / Bijlage(n) /
Onderwerp / Samenvatting) and the 2024 markdown conversion (fused bold labels: ``**Aan de leden****Datum**``).
Both are read by label, so field order and blank lines do not matter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.corpus.dutch_dates import find_long_date

COVER_START = re.compile(r"^Brief aan de leden\s*$")
COVER_SECOND = re.compile(r"^T\.a\.v\. ")
LETTERHEAD_BLOCK = re.compile(r"^(\*\*)?Aan de leden(\*\*)?(\s*\*\*Datum\*\*|Datum\*?\*?)?\s*$")
SALUTATION = re.compile(r"^Geachte? (leden van )?college", re.IGNORECASE)
KENMERK = re.compile(r"^(?:[A-Z]{2,5}/)?U\d{9}$")
LBR = re.compile(r"^Lbr[.:]\s?(\d{2}/\d{3})\s*$")
_LABELS = {
    "datum": "datum", "kenmerk": "kenmerk", "ons kenmerk": "kenmerk", "telefoon": "telefoon",
    "telefoonnummer": "telefoon", "bijlage(n)": "bijlagen", "onderwerp": "onderwerp", "samenvatting": "samenvatting",
    "aan de leden": None,
}
_MAX_BLOCK_LINES = 40


@dataclass
class Letterhead:
    start: int  # 0-based index of the first line of the block
    end: int  # 0-based index of the last line read
    date: str | None = None
    kenmerk: str | None = None
    lbr: str | None = None
    onderwerp: str | None = None
    onderwerp_lines: list[int] = field(default_factory=list)


def is_cover_start(texts: list[str], index: int) -> bool:
    if not COVER_START.match(texts[index].strip()):
        return False
    following = [t for t in texts[index + 1:index + 3] if t.strip()]
    return bool(following) and bool(COVER_SECOND.match(following[0].strip()))


def is_letterhead_block(text: str) -> bool:
    return bool(LETTERHEAD_BLOCK.match(text.strip()))


def _label(text: str) -> tuple[bool, str | None]:
    """(is a label line, the field of the last label on it). '**Bijlage(n)****Onderwerp**' → (True, 'onderwerp')."""
    parts = [p.strip() for p in re.split(r"\*\*", text) if p.strip()]
    if not parts:
        return False, None
    fields = []
    for part in parts:
        key = part.lower().removesuffix(":")
        if key.startswith("aan de leden") and key != "aan de leden":
            fields.extend([None, _LABELS.get(key.removeprefix("aan de leden").strip())])
            continue
        if key not in _LABELS:
            return False, None
        fields.append(_LABELS[key])
    return True, fields[-1]


def parse_letterhead(texts: list[str], start: int) -> Letterhead:
    """Read the fields of the block that starts at ``start`` (cover page or 'Aan de leden' block)."""
    head = Letterhead(start=start, end=start)
    current: str | None = None
    index = start
    stop = min(len(texts), start + _MAX_BLOCK_LINES)
    while index < stop:
        raw = texts[index]
        text = raw.strip()
        if SALUTATION.match(text) or (index > start + 1 and (is_cover_start(texts, index)
                                                             or is_letterhead_block(text))):
            break
        is_label, label_field = _label(text)
        if is_label:
            current = label_field
            if current == "samenvatting" and head.onderwerp:
                head.end = index
                break
        elif text:
            _store_value(head, current, text, index)
        if current == "onderwerp" and head.onderwerp and not text:
            head.end = index
            break
        head.end = index
        index += 1
    return head


def _store_value(head: Letterhead, current: str | None, text: str, index: int) -> None:
    if LBR.match(text):
        head.lbr = LBR.match(text).group(1)
    elif KENMERK.match(text):
        head.kenmerk = head.kenmerk or text
    elif current == "datum" and head.date is None:
        head.date = find_long_date(text)
    elif current == "onderwerp":
        head.onderwerp = f"{head.onderwerp} {text}" if head.onderwerp else text
        head.onderwerp_lines.append(index)
