"""Lines that are not content: stripped from chunks (they stay in the source, so citations remain exact).

Each rule returns the 0-based indices it marks, with a reason. Rules (corpus_map.md §4):
- code_block       fenced ``` blocks (a stray Lua script sits in the 2019 Jaarplan)
- footer           the VNG address footer ("Nassaulaan 12 Den Haag | Postbus 30435 …") and its name line
- letterhead_copy  the repeated letterhead on page 2 of a letter (up to the salutation)
- attendance       the member lists in notulen ("Aanwezig zijn …" → gemeente names until item 01)
- alt_text         English image descriptions ("A handwritten signature in black ink …")
- running_header   repeated lines made of the document's own title words ("# Propositie Common Ground",
                   "Kadernota 2025-2028") and repeated lines printed next to them ("Het digitale fundament …")
- page_number      lines that hold only a (chapter/page) number, and lines without any letter or digit ("---")
- toc              tables of contents (dotted leaders, "title<TAB>page" rows under "Inhoud")
- watermark        "CONCEPT" lines
"""

from __future__ import annotations

import re
from collections import Counter

from assistant.corpus import doc_starts as ds
from assistant.corpus import letterhead as lh
from assistant.corpus.markup import content_words, markdown_heading_level, plain

FENCE = re.compile(r"^\s*```")
FOOTER_ADDRESS = re.compile(r"Nassaulaan 12.*Postbus|Postbus 30435")
FOOTER_CONTACT = re.compile(r"^\s*(\[)?070\s*-\s*373\s*83\s*93\s*\|")
VNG_NAME = re.compile(r"^\s*(\*\*)?Vereniging van Nederlandse Gemeenten(\*\*)?\s*$")
ATTENDANCE_INTRO = re.compile(r"Aanwezig zijn", re.IGNORECASE)
ATTENDANCE_LIST_START = re.compile(r"\t|^[a-z]\.\s+\S.*:\s*$")
NOTULEN_ITEM = re.compile(r"^(?:#{1,6}\s*)?(?:\*\*)?0?1\.?\s+\S")
ONLY_NUMBER = re.compile(r"^\s*#*\s*\d{1,3}\s*$")
NO_WORD = re.compile(r"^[^0-9A-Za-zÀ-ÿ]+$")
DOTTED_LEADER = re.compile(r"\.{5,}")
TOC_ROW = re.compile(r"\t\s*(<b>)?\d{1,3}(</b>)?\s*$")
WATERMARK = re.compile(r"^\s*CONCEPT\s*$")
MAX_FENCE_LINES = 300
MAX_TOC_LINES = 80
MIN_HEADER_REPEATS = 4  # a page header is printed on many pages; a heading used three times is still a heading


def find_noise(texts: list[str], documents) -> dict[int, str]:
    """0-based line index → reason, for every line that must not end up in a chunk."""
    noise: dict[int, str] = {}
    for reason, indices in (
        ("code_block", _code_blocks(texts)),
        ("footer", _footers(texts)),
        ("letterhead_copy", _letterhead_copies(texts, documents)),
        ("attendance", _attendance_lists(texts, documents)),
        ("alt_text", [i for i, t in enumerate(texts) if ds.ALT_TEXT.match(t.strip())]),
        ("running_header", _running_headers(texts, documents)),
        ("page_number", [i for i, t in enumerate(texts) if t.strip() and (ONLY_NUMBER.match(t) or
                                                                        NO_WORD.match(t.strip()))
                         and "\t" not in t]),
        ("toc", _tables_of_contents(texts)),
        ("watermark", [i for i, t in enumerate(texts) if WATERMARK.match(t)]),
    ):
        for index in indices:
            noise.setdefault(index, reason)
    return noise


def _code_blocks(texts: list[str]) -> list[int]:
    marked: list[int] = []
    index = 0
    while index < len(texts):
        if FENCE.match(texts[index]):
            close = next((j for j in range(index + 1, min(len(texts), index + MAX_FENCE_LINES))
                          if FENCE.match(texts[j])), None)
            if close is not None:
                marked.extend(range(index, close + 1))
                index = close + 1
                continue
        index += 1
    return marked


def _footers(texts: list[str]) -> list[int]:
    marked: list[int] = []
    for index, text in enumerate(texts):
        if not FOOTER_ADDRESS.search(text):
            continue
        marked.append(index)
        before = ds.prev_nonblank(texts, index - 1, limit=3)
        if before is not None and VNG_NAME.match(texts[before]):
            marked.append(before)
        after = ds.next_nonblank(texts, index + 1, limit=3)
        if after is not None and FOOTER_CONTACT.match(texts[after]):
            marked.append(after)
    return marked


def _letterhead_copies(texts: list[str], documents) -> list[int]:
    """A second 'Aan de leden' block inside a letter repeats the cover's fields: mark it up to the salutation."""
    marked: list[int] = []
    for document in documents:
        if not document.is_letter:
            continue
        for index in range(document.start + 1, document.end + 1):
            if not lh.is_letterhead_block(texts[index]):
                continue
            for j in range(index, min(document.end + 1, index + 40)):
                if lh.SALUTATION.match(texts[j].strip()):
                    break
                marked.append(j)
    return marked


def _attendance_lists(texts: list[str], documents) -> list[int]:
    marked: list[int] = []
    for document in documents:
        if document.doc_type != "notulen":
            continue
        intro = next((i for i in range(document.start, min(document.end, document.start + 30))
                      if ATTENDANCE_INTRO.search(texts[i])), None)
        if intro is None:
            continue
        first = next((i for i in range(intro + 1, min(document.end, intro + 30))
                      if ATTENDANCE_LIST_START.search(texts[i])), None)
        last = next((i for i in range(intro + 1, document.end) if NOTULEN_ITEM.match(texts[i].strip())), None)
        if first is not None and last is not None and first < last:
            marked.extend(range(first, last))
    return marked


def _running_headers(texts: list[str], documents) -> list[int]:
    counts = Counter(t.strip() for t in texts if t.strip())
    headers: set[int] = set()
    for document in documents:
        if document.is_letter:  # letters have no running headers; their labels repeat for another reason
            continue
        title_words = content_words(document.title)
        for index in range(document.start, document.end + 1):
            text = texts[index].strip()
            if index in document.title_lines or counts[text] < MIN_HEADER_REPEATS or len(text) > 80:
                continue
            words = {w for w in content_words(plain(text)) if not w.isdigit()}
            if words and words <= title_words:
                headers.add(index)
    # A page header is a header on every page, also inside the attachments that follow the document it names.
    header_texts = {texts[i].strip() for i in headers}
    headers |= {i for i, t in enumerate(texts) if t.strip() in header_texts}
    # Lines printed in the same header block: repeated, short, and next to a header line found above.
    for index in sorted(headers):
        for step in (-1, 1):
            j = ds.next_nonblank(texts, index + 1, limit=4) if step == 1 else ds.prev_nonblank(texts, index - 1, 4)
            while j is not None and counts[texts[j].strip()] >= MIN_HEADER_REPEATS and len(texts[j].strip()) <= 80:
                headers.add(j)
                j = ds.next_nonblank(texts, j + 1, limit=4) if step == 1 else ds.prev_nonblank(texts, j - 1, 4)
    return sorted(headers)


def _tables_of_contents(texts: list[str]) -> list[int]:
    marked: list[int] = []
    for index, text in enumerate(texts):
        if DOTTED_LEADER.search(text) and re.search(r"\d\s*(</b>)?\s*$", text):
            marked.append(index)
        elif ds.TOC_HEADING.match(text.strip()):
            rows = [j for j in range(index + 1, min(len(texts), index + MAX_TOC_LINES)) if TOC_ROW.search(texts[j])]
            if rows:
                marked.append(index)
                marked.extend(j for j in range(index + 1, rows[-1] + 1)
                              if TOC_ROW.search(texts[j]) or not texts[j].strip()
                              or markdown_heading_level(texts[j]) is None and len(texts[j]) < 100
                              and j <= rows[-1])
    return marked
