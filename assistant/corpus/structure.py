"""Split a meeting package into its constituent documents and give each its metadata.

Input: the lines of one source file. Output: ``DocumentDraft``s (0-based line ranges, title, doc_type, date,
kenmerk, Lbr-nummer, agenda item) plus the package's ``Meeting`` (from its invitation letter). Start detection
is in ``doc_starts``; this module turns starts into documents:

- titles: the letter's Onderwerp, the heading stack, or — for documents without a title line — the attachment
  title announced by the letter (its "Bijlage:" list, or a nazending's "(7. …)" list);
- announced attachments that no start rule found are searched by their title words (a pamflet starting at an
  untitled "## Onmacht" is found via its repeated "## Goed lokaal bestuur" heading);
- agenda items: a leading number checked against the agenda's words, else the best-matching agenda item,
  else the item of the letter the attachment belongs to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.corpus import doc_starts as ds
from assistant.corpus.corrections import correct
from assistant.corpus.dutch_dates import MONTHS, find_any_date, find_long_date
from assistant.corpus.letterhead import Letterhead
from assistant.corpus.markup import markdown_heading_level, overlap, plain
from assistant.corpus.meeting import (AgendaItem, Meeting, derive_meeting, match_agenda_item,
                                      match_agenda_item_in_body, parse_agenda)

# Announced attachments: "- Pamflet 'Goed lokaal bestuur…' (7. Verenigingsstrategie 2030)" and
# "*Toelichting op initiatief VNG Risicobeheerfonds (10, ter informatie)*".
ANNOUNCEMENT = re.compile(r"^(?:[-•]\s+|\*)(?P<title>[A-Z][^()]{8,160}?)\s*\((?P<item>\d{1,2}[a-e]?)[.,]\s*[^)]*\)\.?\*?\s*$")
QUOTED = re.compile(r"['‘“\"](.+?)['’”\"]")
# "Bijlage bij ledenbrief 29 mei 2024: …" or "… ledenbrief “Uitnodiging ALV 26 juni 2024” van 29 mei 2024".
PROVENANCE_DATE = re.compile(r"Bijlage bij ledenbrief\s+(?:(\d{1,2}\s+[a-z]+\s+\d{4})|.*?\bvan\s+(\d{1,2}\s+[a-z]+\s+\d{4}))",
                             re.IGNORECASE)
GENERAL_LETTER = re.compile(r"^(Uitnodiging|Nazending)\b", re.IGNORECASE)
NOTULEN_TITLE = re.compile(r"\bnotulen\b", re.IGNORECASE)

# doc_type by title words; the first pattern that matches wins. Letters are "ledenbrief" regardless.
DOC_TYPES: list[tuple[str, re.Pattern]] = [
    ("notulen", re.compile(r"\bnotulen\b", re.I)),
    ("motie", re.compile(r"^moties?\b", re.I)),
    ("amendement", re.compile(r"^amendement\b", re.I)),
    ("agenda", re.compile(r"^agenda\b", re.I)),
    ("verantwoording_moties", re.compile(r"(verantwoording|uitvoering)\b.*\bmoties\b", re.I)),
    ("resolutie", re.compile(r"\bresolutie\b", re.I)),
    ("statutenwijziging", re.compile(r"statuten", re.I)),
    ("jaarverslag", re.compile(r"jaarverslag|jaarrekening", re.I)),
    ("kadernota", re.compile(r"kadernota", re.I)),
    ("propositie", re.compile(r"propositie|transitieprogramma", re.I)),
    ("mededeling", re.compile(r"^mededeling", re.I)),
    ("procedure", re.compile(r"^procedure|stemprocedure", re.I)),
    ("pamflet", re.compile(r"pamflet", re.I)),
    ("voorstel", re.compile(r"voorstel|^voorstel|jaarplan|begroting", re.I)),
    ("beleidsdocument", re.compile(r"^VNG Agenda|principes|stand van zaken", re.I)),
]
MAX_TITLE_CHARS = 200


@dataclass
class DocumentDraft:
    start: int  # 0-based, first line
    end: int  # 0-based, last non-blank line
    rule: str
    title: str = ""
    title_lines: set[int] = field(default_factory=set)
    doc_type: str = "bijlage"
    date: str | None = None
    kenmerk: str | None = None
    lbr: str | None = None
    agenda_item: str | None = None
    letter: Letterhead | None = None
    attachments: list[str] = field(default_factory=list)
    title_hint: str | None = None
    duplicate_of: int | None = None  # index of the kept copy in the document list
    subtitle: str = ""  # the short line under a title ("Werkgeversvereniging … (WSGO)"), used for matching

    @property
    def is_letter(self) -> bool:
        return self.letter is not None


@dataclass
class PackageStructure:
    documents: list[DocumentDraft]
    meeting: Meeting
    agenda: list[AgendaItem]


@dataclass
class Announcement:
    title: str
    agenda_item: str
    line: int


def split_package(texts: list[str]) -> PackageStructure:
    starts = _with_file_start(texts, ds.find_document_starts(texts))
    documents = _build(texts, starts)
    announcements = _announcements(texts, documents)
    missing = _assign_announcements(texts, documents, announcements)
    extra = [_locate_announced(texts, documents, a) for a in missing]
    extra_starts = [s for s in extra if s is not None]
    if extra_starts:
        documents = _build(texts, sorted(starts + extra_starts, key=lambda c: c.index))
        _assign_announcements(texts, documents, announcements)
    agenda = parse_agenda(texts)
    _assign_agenda_items(texts, documents, agenda, announcements)
    meeting = derive_meeting([d.title for d in documents if d.is_letter])
    return PackageStructure(documents, meeting, agenda)


def _with_file_start(texts: list[str], starts: list[ds.StartCandidate]) -> list[ds.StartCandidate]:
    """Text before the first recognised document start is a document of its own.

    A user's own note or a plain report has none of the VNG start signals (letterhead, NOTULEN heading, ...); without
    this it would produce no document and no chunk at all, and silently vanish from the index.
    """
    first = ds.next_nonblank(texts, 0)
    if first is None or (starts and starts[0].index <= first):
        return starts
    return [ds.StartCandidate(first, "file_start"), *starts]


# --- building documents ---------------------------------------------------------------------------------------

def _build(texts: list[str], starts: list[ds.StartCandidate]) -> list[DocumentDraft]:
    documents = []
    for number, start in enumerate(starts):
        limit = starts[number + 1].index if number + 1 < len(starts) else len(texts)
        end = ds.prev_nonblank(texts, limit - 1)
        draft = DocumentDraft(start=start.index, end=max(start.index, end or start.index), rule=start.rule,
                              letter=start.letter, title_hint=start.title_hint)
        _set_title(texts, draft, documents)
        draft.subtitle = _subtitle(texts, draft)
        _set_metadata(texts, draft)
        if draft.is_letter:
            draft.attachments = _letter_attachments(starts, number)
        documents.append(draft)
    return documents


def _letter_attachments(starts: list[ds.StartCandidate], number: int) -> list[str]:
    following = starts[number + 1] if number + 1 < len(starts) else None
    return list(following.attachments) if following is not None else []


def _set_title(texts: list[str], draft: DocumentDraft, previous: list[DocumentDraft]) -> None:
    if draft.letter is not None:
        draft.title = draft.letter.onderwerp or "Ledenbrief"
        return
    first = texts[draft.start]
    if markdown_heading_level(first) is not None:
        draft.title, draft.title_lines = _heading_stack_title(texts, draft.start)
    elif first.lstrip().startswith("**") and not first.rstrip().endswith("**"):
        draft.title, draft.title_lines = _bold_block_title(texts, draft.start)
    elif _title_like(first):
        draft.title, draft.title_lines = plain(first), {draft.start}
    else:
        parent = next((d for d in reversed(previous) if d.is_letter), None)
        if draft.title_hint:
            draft.title = draft.title_hint
        elif parent is not None:
            draft.title = f"Bijlage bij ledenbrief '{parent.title}'"
        else:
            draft.title = plain(first)[:80]
    draft.title = correct(draft.title)[:MAX_TITLE_CHARS]


def _subtitle(texts: list[str], draft: DocumentDraft) -> str:
    after = max(draft.title_lines) + 1 if draft.title_lines else draft.start + 1
    following = ds.next_nonblank(texts, after, limit=4)
    if draft.is_letter or following is None or following > draft.end or len(texts[following]) > 100:
        return ""
    line = texts[following].strip()
    if ds.PROVENANCE.search(line) or ds.AANLEIDING.match(line) or ds.TOC_HEADING.match(line):
        return ""
    return plain(texts[following])


def _title_like(text: str) -> bool:
    stripped = text.strip()
    return (0 < len(stripped) <= 160 and "\t" not in text and not stripped.endswith(":")
            and not stripped[:1].islower())


def _heading_stack_title(texts: list[str], start: int) -> tuple[str, set[int]]:
    parts: list[str] = []
    lines: set[int] = set()
    index: int | None = start
    while index is not None and markdown_heading_level(texts[index]) is not None:
        text = plain(texts[index])
        if parts and (ds.PROVENANCE.search(text) or ds.AANLEIDING.match(texts[index].strip())
                      or ds.TOC_HEADING.match(texts[index].strip())):
            break
        separator = " / " if parts and re.match(r"^0?\d{1,2}[a-e]?\.", text) else (" — " if parts else "")
        if parts and markdown_heading_level(texts[index]) == markdown_heading_level(texts[start]) \
                and not separator.startswith(" /"):
            separator = " "
        parts.append(separator + text)
        lines.add(index)
        index = ds.next_nonblank(texts, index + 1, limit=3)
        if len(lines) >= 4:
            break
    return "".join(parts), lines


def _bold_block_title(texts: list[str], start: int) -> tuple[str, set[int]]:
    lines = {start}
    collected = [texts[start]]
    index = start + 1
    while index < len(texts) and texts[index].strip() and not collected[-1].rstrip().endswith("**"):
        collected.append(texts[index])
        lines.add(index)
        index += 1
    return plain(" ".join(collected)), lines


def _set_metadata(texts: list[str], draft: DocumentDraft) -> None:
    if draft.letter is not None:
        draft.date, draft.kenmerk, draft.lbr = draft.letter.date, draft.letter.kenmerk, draft.letter.lbr
        draft.doc_type = "ledenbrief"
        return
    draft.doc_type = classify(draft.title)
    head = texts[draft.start:min(draft.end + 1, draft.start + 12)]
    for text in head:
        provenance = PROVENANCE_DATE.search(plain(text))
        if provenance:
            draft.date = find_long_date(provenance.group(1) or provenance.group(2))
            return
    if draft.doc_type == "notulen":
        draft.date = find_long_date(draft.title.lower())
        return
    for text in head:  # a line that is (almost) only a date: "Datum: 05-11-2019", "oktober 2019"
        found = find_any_date(text) if text.strip() else None
        rest = re.sub(rf"[\d-]|\b({'|'.join(MONTHS)})\b|datum", "", plain(text).lower()).strip(" :.,")
        if found and len(rest) <= 3:
            draft.date = found
            return


def classify(title: str) -> str:
    for doc_type, pattern in DOC_TYPES:
        if pattern.search(title):
            return doc_type
    return "bijlage"


# --- announcements --------------------------------------------------------------------------------------------

def _announcements(texts: list[str], documents: list[DocumentDraft]) -> list[Announcement]:
    found: dict[str, Announcement] = {}
    for draft in documents:
        if not draft.is_letter:
            continue
        for index in range(draft.start, draft.end + 1):
            match = ANNOUNCEMENT.match(texts[index].strip())
            if match:
                title = plain(match.group("title")).rstrip(" .")
                found.setdefault(title.lower(), Announcement(title, match.group("item"), index))
    return list(found.values())


def _assign_announcements(texts: list[str], documents: list[DocumentDraft],
                          announcements: list[Announcement]) -> list[Announcement]:
    """Give fragment documents their announced title; return announcements that match no document."""
    unmatched = []
    for announcement in announcements:
        if any(overlap(announcement.title, d.title) >= 0.5 for d in documents if not d.is_letter):
            continue
        unmatched.append(announcement)
    for draft in documents:
        if draft.rule != "fragment" or not unmatched:
            continue
        body = " ".join(texts[draft.start:draft.end + 1])
        best = max(unmatched, key=lambda a: overlap(a.title, body))
        if overlap(best.title, body) >= 0.5:
            draft.title = best.title
            draft.doc_type = classify(best.title)
            unmatched.remove(best)
    return unmatched


def _locate_announced(texts: list[str], documents: list[DocumentDraft],
                      announcement: Announcement) -> ds.StartCandidate | None:
    """Find an untitled announced document by its title words in a heading; start after the preceding gap."""
    quoted = QUOTED.search(announcement.title)
    key_words = (quoted.group(1) if quoted else announcement.title).split()[:3]
    key = " ".join(key_words).lower().rstrip(",")
    for index in range(announcement.line + 1, len(texts)):
        text = texts[index]
        if markdown_heading_level(text) is None or not plain(text).lower().startswith(key):
            continue
        if any(d.start == index for d in documents):
            return None
        start = _after_previous_gap(texts, index)
        return ds.StartCandidate(start, "announced_title", title_hint=announcement.title)
    return None


def _after_previous_gap(texts: list[str], index: int, gap: int = 3, lookback: int = 40) -> int:
    for j in range(index - 1, max(gap, index - lookback), -1):
        if all(not t.strip() for t in texts[j - gap + 1:j + 1]):
            return ds.next_nonblank(texts, j + 1) or index
    return index


# --- agenda items ---------------------------------------------------------------------------------------------

def _assign_agenda_items(texts: list[str], documents: list[DocumentDraft], agenda: list[AgendaItem],
                         announcements: list[Announcement]) -> None:
    previous: DocumentDraft | None = None
    for draft in documents:
        if draft.rule == "announced_title" and draft.title_hint:
            draft.title = draft.title_hint
            draft.doc_type = classify(draft.title)
        if (draft.is_letter and GENERAL_LETTER.match(draft.title)) or draft.doc_type in ("agenda", "procedure"):
            previous = draft  # invitations, nazendingen and the agenda itself cover the whole meeting
            continue
        draft.agenda_item = match_agenda_item(f"{draft.title} {draft.subtitle}", agenda)
        if draft.doc_type == "notulen" and draft.date:  # the item "Vaststelling notulen ALV <that date>"
            dated = [a.code for a in agenda if "notulen" in a.text.lower() and find_long_date(a.text) == draft.date]
            draft.agenda_item = dated[0] if dated else draft.agenda_item
        if draft.agenda_item is None and draft.is_letter:
            draft.agenda_item = match_agenda_item_in_body(" ".join(texts[draft.start:draft.end + 1][:80]), agenda)
        announced = max(announcements, key=lambda a: overlap(a.title, draft.title), default=None)
        if not draft.is_letter and announced is not None and overlap(announced.title, draft.title) >= 0.6:
            draft.agenda_item = announced.agenda_item
        # An attachment without its own match belongs to the item of the letter (or attachment) before it.
        if draft.agenda_item is None and previous is not None and not draft.is_letter and previous.agenda_item \
                and (previous.is_letter or draft.doc_type == "bijlage"):
            draft.agenda_item = previous.agenda_item
        previous = draft

