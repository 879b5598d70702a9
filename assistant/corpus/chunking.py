"""Section-aware chunks whose text is an exact span of source lines.

A document's lines are grouped into paragraphs (runs of non-blank, non-noise lines). Paragraphs are packed
greedily into chunks of at most ``MAX_CHARS``; a new chunk starts at a heading once the current one has
``MIN_CHARS`` (so tiny neighbouring sections are merged, larger ones stay apart), and always at noise (a noise
block in the middle of a document splits the chunk, so no chunk contains noise). Tables (TAB rows) may grow to
``TABLE_MAX_CHARS`` to stay whole. A paragraph longer than the maximum is split between its lines; a single
line longer than the maximum becomes a chunk on its own (the text must stay a verbatim line span).
"""

from __future__ import annotations

from dataclasses import dataclass

MIN_CHARS = 600
MAX_CHARS = 1200
TABLE_MAX_CHARS = 1800


@dataclass
class Paragraph:
    start: int  # 0-based, inclusive
    end: int
    chars: int
    is_table: bool
    opens_section: bool
    after_noise: bool


@dataclass
class Span:
    start: int  # 0-based, inclusive
    end: int


def paragraphs(texts: list[str], start: int, end: int, noise: dict[int, str], heading_lines: set[int]) -> list[Paragraph]:
    found: list[Paragraph] = []
    index, saw_noise = start, False
    while index <= end:
        if index in noise:
            saw_noise, index = True, index + 1
            continue
        if not texts[index].strip():
            index += 1
            continue
        first = index
        while index <= end and index not in noise and texts[index].strip():
            index += 1
        last = index - 1
        lines = texts[first:last + 1]
        tabbed = sum(1 for line in lines if "\t" in line)
        found.append(Paragraph(first, last, len("\n".join(lines)), tabbed * 2 > len(lines),
                               first in heading_lines, saw_noise))
        saw_noise = False
    return found


def pack(texts: list[str], paras: list[Paragraph]) -> list[Span]:
    spans: list[Span] = []
    current: list[Paragraph] = []

    def size_with(paragraph: Paragraph) -> int:
        return len("\n".join(texts[current[0].start:paragraph.end + 1]))

    def flush() -> None:
        if current:
            spans.append(Span(current[0].start, current[-1].end))
            current.clear()

    for paragraph in paras:
        limit = TABLE_MAX_CHARS if paragraph.is_table and all(p.is_table for p in current) else MAX_CHARS
        if current and (paragraph.after_noise or size_with(paragraph) > limit
                        or (paragraph.opens_section and size_with(current[-1]) >= MIN_CHARS)):
            flush()
        if paragraph.chars > (TABLE_MAX_CHARS if paragraph.is_table else MAX_CHARS):
            flush()
            spans.extend(_split_long(texts, paragraph))
            continue
        current.append(paragraph)
    flush()
    return spans


def _split_long(texts: list[str], paragraph: Paragraph) -> list[Span]:
    """Split a long paragraph between its lines (table rows, list items); never inside a line."""
    spans: list[Span] = []
    first, size = paragraph.start, 0
    for index in range(paragraph.start, paragraph.end + 1):
        length = len(texts[index]) + 1
        if index > first and size + length > MAX_CHARS:
            spans.append(Span(first, index - 1))
            first, size = index, 0
        size += length
    spans.append(Span(first, paragraph.end))
    return spans


def embed_text(doc_title: str, section_path: list[str], text: str) -> str:
    """Heading context + verbatim text. Keep this format stable: embeddings are cached by its hash."""
    heading = f"{doc_title} — {' > '.join(section_path)}" if section_path else doc_title
    return f"{heading}\n{text}"
