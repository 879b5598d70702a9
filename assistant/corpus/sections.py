"""Section headings inside a document and the heading path of every line.

Markdown ``#`` headings are used when present, but their level comes from the numbering when there is one
("2.3. Gezond samenleven" is level 2 whether written with ## or ###), because ``#`` counts are unreliable in the
converted files. Plain-text documents (the 2019 PDF conversion) get headings from patterns: notulen items
("05b. Contributievoorstel 2020"), motion sections ("3. Motie “…”"), outline numbers ("A1.", "1.1", "Artikel 3",
"IV."), and short stand-alone lines between blank lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.corpus.corrections import correct
from assistant.corpus.markup import markdown_heading_level, plain

NUMBERING = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)\.?\s+\S")
NOTULEN_ITEM = re.compile(r"^\d{2}(?:\.?[a-z])?\.?\s+[A-Z]")
MOTION_SECTION = re.compile(r"^(?:\*\*)?\d{1,2}\.\s+Motie\s+[“\"]")
OUTLINE = re.compile(r"^(?:[A-D]\d?\.?|Artikel\s+\d+|(?:I|II|III|IV|V|VI|VII|VIII|IX|X)\.)(?:\s+\S|$)")
BULLET = re.compile(r"^\s*([-•*▪✓❑]|\d+\)|[a-z]\.)\s")
MAX_HEADING_CHARS = 110
PLAIN_LEAF_LEVEL = 4


@dataclass
class Heading:
    index: int
    level: int
    text: str


def heading_at(texts: list[str], index: int, style_level: int | None = None) -> Heading | None:
    raw = texts[index]
    text = correct(plain(raw))
    if not text or len(text) > MAX_HEADING_CHARS or "\t" in raw:
        return None
    if style_level is not None:
        return Heading(index, style_level, text)
    hashes = markdown_heading_level(raw)
    numbered = NUMBERING.match(text)
    depth = numbered.group(1).count(".") + 1 if numbered else None
    if hashes is not None:
        return Heading(index, depth or hashes, text)
    if MOTION_SECTION.match(raw.strip()) or NOTULEN_ITEM.match(text):
        return Heading(index, 1, text)
    if OUTLINE.match(text) and not text.endswith((".", ";", ",")):
        return Heading(index, 1, text)
    if numbered and len(text) <= 80 and not text.endswith((".", ";", ",", ":")) and _stands_alone(texts, index):
        return Heading(index, depth, text)
    if _plain_heading(texts, index, text):
        return Heading(index, PLAIN_LEAF_LEVEL, text)
    return None


def _stands_alone(texts: list[str], index: int) -> bool:
    before = texts[index - 1].strip() if index > 0 else ""
    after = texts[index + 1].strip() if index + 1 < len(texts) else ""
    return not before and not after


def _plain_heading(texts: list[str], index: int, text: str) -> bool:
    """A short stand-alone line ("Inleiding", "Behaalde resultaten") between blank lines."""
    return (1 <= len(text.split()) <= 10 and len(text) < 80 and text[:1].isupper()
            and not BULLET.match(texts[index]) and not text.endswith((".", ",", ";"))
            and _stands_alone(texts, index))


def heading_paths(texts: list[str], start: int, end: int, skip: set[int], noise: dict[int, str],
                  style_levels: dict[int, int] | None = None) -> tuple[list[Heading], dict[int, list[str]]]:
    """Headings of one document and, per heading line, the heading path (outermost first) it opens."""
    stack: list[Heading] = []
    headings: list[Heading] = []
    paths: dict[int, list[str]] = {}
    for index in range(start, end + 1):
        if index in skip or index in noise or not texts[index].strip():
            continue
        heading = heading_at(texts, index, (style_levels or {}).get(index))
        if heading is None:
            continue
        while stack and stack[-1].level >= heading.level:
            stack.pop()
        stack.append(heading)
        headings.append(heading)
        paths[index] = [h.text for h in stack]
    return headings, paths
