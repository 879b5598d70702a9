"""Where does a new constituent document start inside a meeting package?

A package (one source file) is a concatenation of ledenbrieven, agendas, notulen, voorstellen and their bijlagen.
Each rule below recognises one kind of start signal seen in the VNG packages (see corpus_map.md §3.1); all are
generic (no line numbers per file). ``find_document_starts`` combines them in one ordered pass.

Rules (name → signal):
- cover        "Brief aan de leden" + "T.a.v. …" (cover page of a 2019-style ledenbrief)
- letterhead   "**Aan de leden****Datum**" block, unless it repeats the letterhead of the current letter (page 2)
- caps         ALL-CAPS document heading: NOTULEN / AGENDA / MEDEDELING / BIJLAGE BIJ LEDENBRIEF
- provenance   a heading followed by (or containing) "Bijlage bij ledenbrief …"
- aanleiding   a heading directly followed by the heading "Aanleiding" (voorstellen, proposities)
- toc_title    a level-1 heading followed by a table of contents or an italic subtitle (reports, brochures)
- named_annex  "## Bijlage 2 – …" / "## Addendum – …" / "Bijlage - …"
- signature    the first line after a signed letter ("Met vriendelijke groet" … name … Voorzitter), skipping the
               letter's own "Bijlage(n):" list; the attachment often has no title line of its own
- announced    a line equal to an attachment title announced just before ("zie Bijlagenoverzicht …")
- gap_title    a short title line after ≥ 3 blank lines in a file without markdown headings (plain PDF text)
- fragment     text starting mid-sentence (lower case) after ≥ 5 blank lines: a document whose start was lost
- file_start   the first line of the file, when no rule above fires there (a single motion, a PDF, a DOCX)
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from assistant.corpus import letterhead as lh
from assistant.corpus.markup import content_words, markdown_heading_level, plain

CAPS_DOC_HEADING = re.compile(
    r"^(?:#{1,6}\s*)?(?:\*\*)?\s*(?:CONCEPT\s+)?(NOTULEN|AGENDA|MEDEDELING|BIJLAGE BIJ LEDENBRIEF)\b")
PROVENANCE = re.compile(r"Bijlage bij ledenbrief", re.IGNORECASE)
AANLEIDING = re.compile(r"^#{1,3}\s+\**Aanleiding\**\s*$")
TOC_HEADING = re.compile(r"^(?:#{1,6}\s+)?\**(Inhoud|Inhoudsopgave)\**\s*$")
ITALIC_START = re.compile(r"^\*[^*\s]")  # "*Betere dienstverlening …" (may continue on the next line)
NAMED_ANNEX = re.compile(r"^(?:#{1,3}\s+(?:\*\*)?(?:Bijlage\s+\d+|Addendum)\s+[–-]\s+\S"
                         r"|Bijlage\s+[–-]\s+\S)")
CLOSING = re.compile(r"^(Met vriendelijke groet(en)?|Namens het bestuur)\s*,?\s*$", re.IGNORECASE)
ROLE = re.compile(r"^(Voorzitter|Algemeen directeur|Penningmeester|Secretaris)\s*$", re.IGNORECASE)
PLACE_DATE = re.compile(r"^[A-Z][\w' -]+,\s+(\d{1,2}\s+)?[a-z]+\s+\d{4}\.?\s*$")
ALT_TEXT = re.compile(r"^(A|An) (photograph|aerial|group|vibrant|handwritten|close-up|image|picture)\b")
ATTACHMENT_LABEL = re.compile(r"^Bijlagen?(\(n\))?\s*:(.*)$")
ATTACHMENT_ITEM = re.compile(r"^\s*(?:[-•]\s+|\[|\()")
LINK_TARGET = re.compile(r"\]\([^)]*\)")
ZIE_REFERENCE = re.compile(r"\bzie\s+([^.\]]{6,80})", re.IGNORECASE)

SIGNATURE_LOOKBACK = 10
MERGE_BELOW_CHARS = 150
WEAK_RULES = {"toc_title", "gap_title", "aanleiding"}  # signals that a short cover block may also trigger


@dataclass
class StartCandidate:
    index: int  # 0-based line index
    rule: str
    letter: lh.Letterhead | None = None
    title_hint: str | None = None  # an attachment title announced by the previous letter
    attachments: list[str] = field(default_factory=list)  # for letters: titles in their "Bijlage(n):" list


def next_nonblank(texts: list[str], index: int, limit: int | None = None) -> int | None:
    end = len(texts) if limit is None else min(len(texts), index + limit)
    for j in range(index, end):
        if texts[j].strip():
            return j
    return None


def prev_nonblank(texts: list[str], index: int, limit: int = 1_000_000) -> int | None:
    for j in range(index, max(-1, index - limit), -1):
        if texts[j].strip():
            return j
    return None


def _is_heading(text: str) -> bool:
    return markdown_heading_level(text) is not None


def _extend_over_heading_stack(texts: list[str], index: int) -> int:
    """Move a start up over directly preceding headings ("# Propositie" above "## Versterking …")."""
    while True:
        previous = prev_nonblank(texts, index - 1, limit=3)
        if previous is None or not _is_heading(texts[previous]):
            return index
        index = previous


def repeated_lines(texts: list[str], minimum: int = 3) -> set[str]:
    counts = Counter(t.strip() for t in texts if t.strip())
    return {text for text, count in counts.items() if count >= minimum}


# --- single-line rules ----------------------------------------------------------------------------------------

def _provenance_start(texts: list[str], index: int) -> int | None:
    text = texts[index]
    if len(text) > 300 or not PROVENANCE.search(text):
        return None
    if _is_heading(text) and markdown_heading_level(text) <= 2:
        return _extend_over_heading_stack(texts, index)
    previous = prev_nonblank(texts, index - 1, limit=3)
    if previous is not None and _is_heading(texts[previous]):
        return _extend_over_heading_stack(texts, previous)
    return None


def _aanleiding_start(texts: list[str], index: int) -> int | None:
    if not AANLEIDING.match(texts[index].strip()):
        return None
    previous = prev_nonblank(texts, index - 1, limit=3)
    if previous is not None and _is_heading(texts[previous]):
        return _extend_over_heading_stack(texts, previous)
    return None


def _toc_title_start(texts: list[str], index: int, repeated: set[str]) -> int | None:
    text = texts[index]
    if markdown_heading_level(text) != 1 or text.strip() in repeated or TOC_HEADING.match(text.strip()):
        return None
    if re.fullmatch(r"#\s+\d+", text.strip()):
        return None
    j = index
    for _ in range(4):  # only headings may stand between the title and its contents list or subtitle
        j = next_nonblank(texts, j + 1)
        if j is None:
            return None
        candidate = texts[j].strip()
        if TOC_HEADING.match(candidate) or ITALIC_START.match(candidate):
            return _extend_over_heading_stack(texts, index)
        if not _is_heading(candidate):
            return None
    return None


def _gap_title_start(texts: list[str], index: int, markdown_file: bool, repeated: set[str],
                     repeated_words: list[set[str]]) -> bool:
    if markdown_file or index < 3 or any(t.strip() for t in texts[index - 3:index]):
        return False
    text = texts[index].strip()
    if text in repeated or content_words(text) in repeated_words:
        return False  # template labels ("Gezamenlijke opgave", "Uitleg en implicatie(s)") repeat; titles do not
    before = prev_nonblank(texts, index - 1)
    if before is not None and len(texts[before].strip()) < 60 and not texts[before].rstrip()[-1:] in ".!?;:)":
        return False  # a document ends with a paragraph, not with a short label (graphic captions are spaced out)
    words = text.split()
    if not (2 <= len(words) <= 10) or len(text) > 80 or "\t" in text:
        return False
    if not text[0].isupper() or text[-1] in ".,;:" or re.match(r"^(\d|[A-D]\d?\b)", text):
        return False
    following = next_nonblank(texts, index + 1, limit=6)
    # A title is followed, after one blank line, by its first paragraph.
    return following == index + 2


def _fragment_start(texts: list[str], index: int) -> bool:
    text = texts[index].lstrip()
    return index >= 5 and text[:1].islower() and not any(t.strip() for t in texts[index - 5:index])


# --- signatures -----------------------------------------------------------------------------------------------

def _signature_end(texts: list[str], index: int) -> bool:
    """``index`` is the role line of a signed letter (closing formula within the lines above, no place/date)."""
    if not ROLE.match(texts[index].strip()):
        return False
    window = range(max(0, index - SIGNATURE_LOOKBACK), index)
    closing = [j for j in window if CLOSING.match(texts[j].strip())]
    if not closing:
        return False
    # "Den Haag, mei 2024." above the closing = signed annual accounts, which continue after the signatures.
    before = prev_nonblank(texts, closing[-1] - 1, limit=3)
    return not (before is not None and PLACE_DATE.match(texts[before].strip()))


def _after_signature(texts: list[str], index: int) -> tuple[int | None, list[str]]:
    """First line after the signature block and the titles listed under the letter's "Bijlage(n):"."""
    attachments: list[str] = []
    j = next_nonblank(texts, index + 1)
    while j is not None:
        text = texts[j].strip()
        if ALT_TEXT.match(text):
            j = next_nonblank(texts, j + 1)
        elif j + 1 < len(texts) and ROLE.match(texts[j + 1].strip()):  # a co-signatory (name + role)
            j = next_nonblank(texts, j + 2)
        elif ATTACHMENT_LABEL.match(text):
            inline = ATTACHMENT_LABEL.match(text).group(2).strip()
            if inline:
                attachments.append(_attachment_title(inline))
            j = next_nonblank(texts, j + 1)
            while j is not None and ATTACHMENT_ITEM.match(texts[j]):
                item = _attachment_title(texts[j])
                if item:
                    attachments.append(item)
                j = next_nonblank(texts, j + 1)
            break
        else:
            break
    return j, [a for a in attachments if a and not a.startswith("(")]


def _attachment_title(text: str) -> str:
    text = LINK_TARGET.sub("]", text.strip())
    text = re.sub(r"^[-•]\s+", "", text).replace("[", "").replace("]", "")
    return plain(text)


# --- the combined pass ----------------------------------------------------------------------------------------

def find_document_starts(texts: list[str]) -> list[StartCandidate]:
    markdown_file = sum(1 for t in texts if _is_heading(t)) >= 5
    repeated = repeated_lines(texts)
    repeated_words = [content_words(text) for text in repeated]
    candidates: dict[int, StartCandidate] = {}

    def add(index: int | None, rule: str, **extra) -> None:
        letter_rule = rule in ("cover", "letterhead")  # a letterhead says more than "after a signature"
        if index is not None and (index not in candidates or letter_rule):
            candidates[index] = StartCandidate(index, rule, **extra)

    announced: dict[str, int] = {}
    for index, raw in enumerate(texts):
        text = raw.strip()
        if not text:
            continue
        if lh.is_cover_start(texts, index) or lh.is_letterhead_block(text):
            add(index, "cover" if lh.is_cover_start(texts, index) else "letterhead",
                letter=lh.parse_letterhead(texts, index))
            continue
        if CAPS_DOC_HEADING.match(text):
            add(index, "caps")
        add(_provenance_start(texts, index), "provenance")
        add(_aanleiding_start(texts, index), "aanleiding")
        add(_toc_title_start(texts, index, repeated), "toc_title")
        if NAMED_ANNEX.match(text) and len(text) < 150:
            add(index, "named_annex")
        if _signature_end(texts, index):
            following, attachments = _after_signature(texts, index)
            hint = attachments[0] if attachments else None
            add(following, "signature", title_hint=hint, attachments=attachments)
        for match in ZIE_REFERENCE.finditer(text):
            announced[match.group(1).strip().lower()] = index
        if plain(text).lower() in announced and announced[plain(text).lower()] < index:
            add(index, "announced")
        if _gap_title_start(texts, index, markdown_file, repeated, repeated_words):
            add(index, "gap_title")
        if _fragment_start(texts, index):
            add(index, "fragment")
    first = next_nonblank(texts, 0)
    if first is not None and not any(index <= first for index in candidates):
        add(first, "file_start")  # a single motion, a PDF or a DOCX: the file itself is the document
    ordered = _resolve_letter_pages(texts, sorted(candidates.values(), key=lambda c: c.index))
    return _merge_tiny(texts, ordered)


def _resolve_letter_pages(texts: list[str], candidates: list[StartCandidate]) -> list[StartCandidate]:
    """Drop 'Aan de leden' blocks that repeat the current letter's letterhead (page 2 of the same letter)."""
    accepted: list[StartCandidate] = []
    for candidate in candidates:
        current = accepted[-1] if accepted else None
        if candidate.rule == "letterhead" and current is not None and current.letter is not None:
            same_kenmerk = (candidate.letter.kenmerk and candidate.letter.kenmerk == current.letter.kenmerk)
            body_started = any(lh.SALUTATION.match(t.strip()) for t in texts[current.index:candidate.index])
            if same_kenmerk or (not candidate.letter.kenmerk and not body_started):
                continue
        accepted.append(candidate)
    return accepted


def _merge_tiny(texts: list[str], candidates: list[StartCandidate]) -> list[StartCandidate]:
    """A start with almost no text before the next start (a cover heading, a logo line) absorbs that next start."""
    merged: list[StartCandidate] = []
    for candidate in candidates:
        if merged and merged[-1].letter is None and candidate.rule in WEAK_RULES:
            between = texts[merged[-1].index:candidate.index]
            body = sum(len(t.strip()) for t in between if t.strip() and not _is_heading(t))
            if body < MERGE_BELOW_CHARS:
                continue
        merged.append(candidate)
    return merged
