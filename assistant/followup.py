"""Follow-up questions ("en voor moties?", "en in 2019?", "en met 80.000 inwoners?") resolved against the
previous turn: the new question's subject, meeting or number replaces the matching part of the previous one."""

from __future__ import annotations

import re

from assistant.search import content_terms, fold

_FOLLOWUP_START = re.compile(r"^\s*(en|ook|maar|and|what about|how about|wat als|hoe zit het met|geldt dat ook)\b",
                             re.IGNORECASE)
_KINDS = {
    "motie": ("motie", "moties", "motion", "motions"),
    "amendement": ("amendement", "amendementen", "amendment", "amendments"),
}
_KIND_WORD = re.compile(r"\b(moties?|motions?|amendement(?:en)?|amendments?)\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(19[89]\d|20[0-4]\d)\b")
_MEETING_PHRASE = re.compile(
    r"\b(?:de\s+)?(?:b?alv|najaars[- ]?alv|buitengewone alv|ledenvergadering)\b(?:\s+(?:van|op|in))?"
    r"(?:\s+\d{1,2})?(?:\s+[a-z]+)?\s*(?:19|20)\d\d\b|\b(?:in|van)\s+(?:19|20)\d\d\b", re.IGNORECASE)
_POPULATION = re.compile(r"\d{1,3}(?:[.,\s]\d{3})+|\d{3,}")


def is_followup(question: str) -> bool:
    if _FOLLOWUP_START.match(question):
        return True
    return len(content_terms(question)) <= 2 and question.strip().endswith("?") and len(question.split()) <= 5


def resolve_followup(question: str, previous: str | None) -> str:
    """The question to answer: unchanged unless it is a follow-up to ``previous``."""
    if not previous or not is_followup(question):
        return question
    rest = _FOLLOWUP_START.sub("", question).strip(" ?")
    resolved = previous.rstrip(" ?")
    changed = False
    kind = _KIND_WORD.search(rest)
    if kind and _KIND_WORD.search(resolved):
        resolved = _KIND_WORD.sub(lambda m: _swap_kind(m.group(0), kind.group(0)), resolved)
        changed = True
    meeting = _MEETING_PHRASE.search(rest) or _YEAR.search(rest)
    if meeting and (_MEETING_PHRASE.search(resolved) or _YEAR.search(resolved)):
        old = _MEETING_PHRASE.search(resolved) or _YEAR.search(resolved)
        resolved = resolved[: old.start()] + meeting.group(0).strip() + resolved[old.end():]
        changed = True
    elif meeting:
        resolved = f"{resolved} ({meeting.group(0).strip()})"
        changed = True
    population = _POPULATION.search(rest)
    if population and not meeting and _POPULATION.search(resolved):
        old = _POPULATION.search(resolved)
        resolved = resolved[: old.start()] + population.group(0) + resolved[old.end():]
        changed = True
    if not changed:
        resolved = f"{resolved} {rest}"
    return resolved + "?"


def _swap_kind(old: str, new: str) -> str:
    """Replace a motie/amendement word by the other kind, keeping singular or plural."""
    old_f, new_f = fold(old), fold(new)
    target = next(k for k, forms in _KINDS.items() if new_f in forms)
    plural = old_f.endswith(("s", "en"))
    word = {"motie": ("motie", "moties"), "amendement": ("amendement", "amendementen")}[target][plural]
    return word
