"""Small helpers for the markdown-ish markup of converted documents (``#`` headings, ``**bold**``, HTML cells)."""

from __future__ import annotations

import re
from functools import lru_cache

_HEADING = re.compile(r"^(#{1,6})\s+(.*\S)\s*$")
_TAGS = re.compile(r"</?[a-zA-Z][^>]*>")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_DECORATION = re.compile(r"[*_]+")
# Emoji and pictographs used as heading decoration ("### 📍 Koers in 2025").
_EMOJI = re.compile("[\U0001F300-\U0001FAFF\u2600-\u27BF\uFE0F]")
_SPACES = re.compile(r"\s+")

WORD = re.compile(r"[0-9A-Za-zÀ-ÿ]+")
STOPWORDS = frozenset(
    "de het een en van in op voor met aan te bij over door om tot als of is zijn wordt worden niet ook dat die dit "
    "deze er naar uit vng alv inclusief incl ter januari februari maart april mei juni juli augustus september "
    "oktober november december".split()
)


def markdown_heading_level(text: str) -> int | None:
    match = _HEADING.match(text)
    return len(match.group(1)) if match else None


@lru_cache(maxsize=1 << 16)  # pure, and called for the same lines by several steps
def plain(text: str) -> str:
    """Text without markdown/HTML decoration: '## **5b. Resolutie**' → '5b. Resolutie'."""
    match = _HEADING.match(text)
    if match:
        text = match.group(2)
    text = _LINK.sub(r"\1", text)
    text = _TAGS.sub(" ", text)
    text = text.replace("&amp;", "&")
    text = _DECORATION.sub("", text)
    text = _EMOJI.sub("", text)
    return _SPACES.sub(" ", text).strip()


def content_words(text: str) -> set[str]:
    """Lower-case content words cut to 6 letters: a cheap stem for fuzzy title/agenda matching."""
    return {w.lower()[:6] for w in WORD.findall(text) if len(w) > 2 and w.lower() not in STOPWORDS}


def overlap(a: str, b: str) -> float:
    """Share of the words of ``a`` that also occur in ``b`` (0..1)."""
    words_a, words_b = content_words(a), content_words(b)
    return len(words_a & words_b) / len(words_a) if words_a else 0.0
