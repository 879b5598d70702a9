"""The meeting a package is for (from its invitation letter) and the package's agenda (numbered item list)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.corpus.dutch_dates import find_long_date
from assistant.corpus.markup import content_words, plain

_ITEM = re.compile(r"^\s*(\d{1,2})\.?(?:\t|\s+)(\S.*)$")
_SUB_ITEM = re.compile(r"^\s*(?:-\s*)?([a-e])\.\s+(\S.*)$")
_INLINE_SUBS = re.compile(r"(?:^|\s)([a-e])\.\s+")
_MEETING_PHRASE = re.compile(
    r"\b(Buitengewone\s+ALV|Buitengewone\s+Algemene\s+Ledenvergadering|BALV|Najaars[- ]?ALV|Extra\s+ALV|ALV)\b"
    r"(?:\s+(?:van|op)?\s*(?:\w+dag\s+)?)?(\d{1,2}\s+[a-z]+\s+\d{4})?", re.IGNORECASE)
MIN_AGENDA_ITEMS = 5


@dataclass
class AgendaItem:
    code: str  # "5", "9a"
    text: str


@dataclass
class Meeting:
    date: str | None  # ISO
    kind: str | None  # ALV | BALV | Najaars-ALV | Extra-ALV


def meeting_kind(phrase: str) -> str:
    lowered = phrase.lower()
    if lowered.startswith("buitengewone") or lowered == "balv":
        return "BALV"
    if lowered.startswith("najaars"):
        return "Najaars-ALV"
    if lowered.startswith("extra"):
        return "Extra-ALV"
    return "ALV"


def meeting_from_text(text: str) -> Meeting | None:
    """'Uitnodiging Buitengewone ALV … 29 november 2019' → Meeting('2019-11-29', 'BALV')."""
    for match in _MEETING_PHRASE.finditer(text):
        date = find_long_date(match.group(2) or "") or find_long_date(text[match.end():match.end() + 60])
        if date:
            return Meeting(date, meeting_kind(match.group(1)))
    return None


def derive_meeting(letter_titles: list[str]) -> Meeting:
    """The package's meeting: from the invitation letter ("Uitnodiging …"), else the most common mention."""
    for title in letter_titles:
        if title.lower().startswith("uitnodiging"):
            found = meeting_from_text(title)
            if found:
                return found
    mentions = [m for m in (meeting_from_text(t) for t in letter_titles) if m]
    if not mentions:
        return Meeting(None, None)
    return max(mentions, key=lambda m: sum(1 for other in mentions if other.date == m.date))


def parse_agenda(texts: list[str]) -> list[AgendaItem]:
    """The longest run of items numbered 1, 2, 3 … (with a./b./c. sub-items) in the package."""
    best: list[AgendaItem] = []
    run: list[AgendaItem] = []
    last_number = 0
    for raw in texts:
        if not raw.strip():
            continue
        text = plain(raw) if raw.lstrip().startswith("#") else raw.replace("*", "")
        item = _ITEM.match(text)
        sub = _SUB_ITEM.match(text) if run else None
        if item and int(item.group(1)) == last_number + 1:
            last_number += 1
            run.append(AgendaItem(str(last_number), item.group(2).strip().strip("\t").split("\t")[0]))
            run.extend(_inline_sub_items(last_number, item.group(2)))
        elif item and int(item.group(1)) == 1:
            best = run if _better(run, best) else best
            run, last_number = [AgendaItem("1", item.group(2).strip())], 1
        elif sub and run:
            run.extend(_inline_sub_items(last_number, text))
        elif text.startswith("\t") and run and _INLINE_SUBS.search(text):
            run.extend(_inline_sub_items(last_number, text))
        else:
            best = run if _better(run, best) else best
            run, last_number = [], 0
    best = run if _better(run, best) else best
    return best if _count_main(best) >= MIN_AGENDA_ITEMS else []


def _better(run: list[AgendaItem], best: list[AgendaItem]) -> bool:
    """The most detailed list wins (the formal agenda has the a./b./c. sub-items the letter may leave out)."""
    if _count_main(run) < MIN_AGENDA_ITEMS:
        return False
    return len(run) > len(best)


def _count_main(items: list[AgendaItem]) -> int:
    return sum(1 for item in items if item.code.isdigit())


def _inline_sub_items(number: int, text: str) -> list[AgendaItem]:
    """'\\ta. Stand van zaken … b. Oprichting …' → 2a, 2b."""
    parts = _INLINE_SUBS.split(text.strip())
    items = []
    for letter, body in zip(parts[1::2], parts[2::2]):
        items.append(AgendaItem(f"{number}{letter}", body.strip().strip("\t")))
    return items


def _similarity(a: str, b: str) -> float:
    """Dice of content words, or 0.6 × the share of ``a``'s words in ``b`` (short titles: "VNG-Kadernota 2025")."""
    words_a = {w for w in content_words(a) if not w.isdigit()}
    words_b = {w for w in content_words(b) if not w.isdigit()}
    if not words_a or not words_b:
        return 0.0
    common = len(words_a & words_b)
    return max(2 * common / (len(words_a) + len(words_b)), 0.6 * common / len(words_a))


_LEADING_NUMBER = re.compile(r"^0?(\d{1,2})([a-e])?\.\s*")
MATCH_THRESHOLD = 0.35


def match_agenda_item(title: str, agenda: list[AgendaItem]) -> str | None:
    """Agenda item for a document title. A leading number ("8. …") counts only if the words agree too."""
    if not agenda:
        return None
    numbered = _LEADING_NUMBER.match(plain(title))
    bare_title = _LEADING_NUMBER.sub("", plain(title))
    by_code = {item.code: item for item in agenda}
    if numbered:
        code = numbered.group(1) + (numbered.group(2) or "")
        if code in by_code and _similarity(bare_title, by_code[code].text) >= 0.15:
            return code
    scored = sorted(((_similarity(bare_title, item.text), -len(item.code), item.code) for item in agenda), reverse=True)
    score, _, code = scored[0]
    return code if score >= MATCH_THRESHOLD else None


def match_agenda_item_in_body(body: str, agenda: list[AgendaItem]) -> str | None:
    """Fallback for letters with a terse subject: the agenda item whose words (≥ 60 %) all occur in the letter."""
    body_words = content_words(body)
    best, best_share = None, 0.0
    for item in agenda:
        words = {w for w in content_words(item.text) if not w.isdigit()}
        if len(words) < 2:
            continue
        share = len(words & body_words) / len(words)
        if share > best_share:
            best, best_share = item.code, share
    return best if best_share >= 0.6 else None
