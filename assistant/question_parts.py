"""Questions that ask more than one thing, and how their answers are put together.

"Welke gemeente diende de motie in, en wat stelde het bestuur daarna voor?" asks two things; "verschilt de
peildatum tussen artikel 10 (2019) en artikel 11 (2024)?" asks one thing of two years. ``AskEngine`` answers the
whole question and each part (``split_question``, ``per_year``); the helpers here merge the quotes and sources so
that every quote keeps its passage among the ``k`` sources shown (``keep_quoted``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant.routing import MeetingReference, resolve_meeting
from assistant.search import fold

if TYPE_CHECKING:  # the models live in assistant.answer, which imports this module
    from assistant.answer import Answer, Source


def quotes_of(answer: "Answer") -> list[str]:
    """The verbatim quotes of an extractive answer (built as “a” … “b”)."""
    return [piece[1:-1] for piece in answer.answer.split(" … ") if piece.startswith("“") and piece.endswith("”")]


# Where a question holds a second question: after "?" with more text, or "(,) en" + a question word.
_PART_BOUNDARY = re.compile(
    r"\?\s+(?=\S)|,\s+(?:en|and)\s+(?=(?:krijgen|krijgt|heeft|hebben|gaat|gaan|zal|zullen|komt|komen|klopt|"
    r"hoeft|hoeven|bestaat|bestaan|telt|tellen|valt|vallen|speelt|spelen)\b)"  # ", en krijgen de ...?"
    r"|,?\s+(?:en|and)\s+(?:zo ja,?\s+|if so,?\s+)?"
    r"(?=(?:(?:naar|voor|van|op|in|bij|met|aan|over|to|for|in|at)\s+(?:welke?|wat|wie|which|what|whom)\b|"
    r"(?:tot|vanaf|sinds|until|since)\s+(?:wanneer|when|welke?|which|what)\b|"
    r"wat|wie|wanneer|hoe|welke|welk|waar|hoeveel|waarom|is|zijn|wordt|worden|"
    r"moet|moeten|kan|kunnen|mag|mogen|staat|staan|gelden|geldt|what|who|when|how|which|where|why|is|are|does|did|"
    r"was|were)\b)", re.IGNORECASE)


def split_question(question: str) -> list[str]:
    """The parts of a question that asks two things; one part when it asks one thing."""
    spans, begin = [], 0
    for boundary in _PART_BOUNDARY.finditer(question):
        spans.append((begin, boundary.start(), boundary.end()))
        begin = boundary.end()
    spans.append((begin, len(question), len(question)))
    parts: list[str] = []
    carry = ""  # a fragment too short to ask anything ("wanneer" in "wanneer en bij wie?") joins the next part
    for start, end, after in spans:
        text = carry + question[start:end]
        if len(text.split()) < 3 and after < len(question):
            carry = question[start:after]
            continue
        carry = ""
        parts.append(text.strip(" ,;"))
    parts = [p for p in parts if len(p.split()) >= 3]
    return parts if len(parts) >= 2 else [question]


_COMPARISON = re.compile(r"\b(verschil\w*|veranderd|verandering\w*|gewijzigd|wijziging\w*|anders|vergeleken|"
                         r"nog steeds|nog altijd|nog in|differ\w*|changed?|compared?|still)\b")
_NOW = re.compile(r"\b(nu|huidige?|tegenwoordig|inmiddels|vandaag|now|current|currently|today)\b")


def _latest_year() -> str:
    from assistant.rules.meetings import list_meetings

    meetings = list_meetings()
    return str(max(m.date.year for m in meetings)) if meetings else ""


# "... en waar wordt die gehouden?": a part whose subject is a pronoun for the meeting the question names
_MEETING_PRONOUN = re.compile(r"^(?P<ask>(?:waar|wanneer|hoe laat|hoe|where|when|at what time)\s+"
                              r"(?:\w+\s+){0,2}?)(?P<pronoun>die|deze|ze|zij|it|that)\b", re.IGNORECASE)


def with_meeting_subject(part: str, meeting_name: str | None) -> str:
    """ "waar wordt die gehouden?" → "waar wordt de ALV van 26 juni 2024 gehouden?" when the whole question names
    that meeting; any other part stays as it is."""
    match = _MEETING_PRONOUN.match(part)
    if meeting_name is None or match is None:
        return part
    return f"{match.group('ask')}de {meeting_name}{part[match.end():]}"


def part_reference(part: str, whole: MeetingReference) -> MeetingReference:
    """A part that names its own meeting or year ("... en naar welk adres in 2024?") is about that one."""
    own = resolve_meeting(part)
    return own if (own.date is not None or own.years) else whole


def per_year(question: str, reference: MeetingReference) -> list[tuple[str, MeetingReference]]:
    """ "Verschilt de peildatum tussen artikel 10 (2019) en artikel 11 (2024)?": the question once per year it
    compares, each preferring that year's documents (the other year left out, so it is not a required figure)."""
    years = sorted(reference.years)
    compares = _COMPARISON.search(fold(question)) is not None
    if len(years) == 1 and compares and _NOW.search(fold(question)):
        years = sorted({years[0], _latest_year() or years[0]})  # "verschil tussen 2019 en nu": the latest meeting
    joined = re.search(r"\b(?:19|20)\d\d\b.*\b(?:en|and|of|or|vs)\b.*\b(?:19|20)\d\d\b", question)
    if len(years) != 2 or not (compares or joined):
        return []
    parts = []
    for year in years:
        other = next(y for y in years if y != year)
        text = re.sub(rf"\(?\b{other}\b\)?", " ", question)
        parts.append((" ".join(text.split()), MeetingReference(None, False, frozenset({year}), frozenset())))
    return parts


def keep_quoted(first: list["Source"], needed: list["Source"], candidates: list["Source"],
                k: int) -> list["Source"]:
    """At most ``k`` sources: the whole question's sources in their order, the passages the parts' quotes come
    from added, and the least relevant unquoted ones dropped to make room."""
    out = list(first)
    keys = {source_key(s) for s in out}
    for source in needed + candidates:
        if source_key(source) not in keys:
            keys.add(source_key(source))
            out.append(source)
    quoted = {source_key(s) for s in needed}
    while len(out) > k:
        spare = next((i for i in range(len(out) - 1, -1, -1) if source_key(out[i]) not in quoted), None)
        if spare is None:
            break
        out.pop(spare)
    return out[:k]


def source_key(source: "Source") -> tuple:
    """One passage, whatever answer (and score) it came with."""
    return (source.path, source.line_start, source.line_end, source.page, source.paragraph)


def merge_sources(lists: list[list["Source"]], k: int | None = None) -> list["Source"]:
    """Sources of several answers, the first of each list first, each passage once, at most ``k`` (all: None)."""
    out, seen = [], set()
    for position in range(max((len(x) for x in lists), default=0)):
        for sources in lists:
            if position < len(sources):
                source = sources[position]
                key = source_key(source)
                if key not in seen:
                    seen.add(key)
                    out.append(source)
    return out[:k]
