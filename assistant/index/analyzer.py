"""Dutch analyzer for BM25: the same function turns documents and queries into terms.

Per word (NFKC, lower-case): accents are folded (financiële → financiele, één → een) so that spelling with or
without diacritics matches; the PyStemmer "dutch" stem is the main term (moties → motie, indienen → indien), and
the folded surface form is kept as an extra term when it differs from the stem, which rewards exact word forms.
Stop words are dropped, except a stop word written with an accent (één, dé), which is a deliberate emphasis.

Two small repairs of the Snowball stemmer, both as *extra* terms (the stem itself is kept):
- past participles: "ingediend" stems to "indiend" but "indienen" to "indien"; for a participle-shaped word whose
  stem ends in d/t the stem without that letter is added, so "moties indienen" finds "... worden ingediend".
- compounds: the head of a Dutch compound is its last part (ledenvergadering → vergadering). When a vocabulary is
  given (the index's own), a long word whose tail is a known word of at least 5 letters also gets the tail's stem.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Container

import Stemmer

# Snowball's Dutch stop list, minus words that carry meaning in ALV procedure questions
# (voor/tegen/niet/geen: votes; na/over/tot: deadlines; door: "ingediend door").
STOP_WORDS = frozenset("""
aan al alles als altijd andere ben bij daar dan dat de der deze die dit doch doen dus een en er ge geweest haar
had heb hebben heeft hem het hier hij hoe hun iemand iets ik in is ja je kan kon kunnen maar me meer men met mij
mijn moet nog nu of om omdat ons ook op reeds te toch toen u uit uw van veel want waren was wat we wel werd wezen
wie wil worden wordt zal ze zelf zich zij zijn zo zonder zou
""".split())

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_PARTICIPLE = re.compile(r"^(?:\w*?ge\w{3,}[dt]|be\w{3,}d|ver\w{3,}d|ont\w{3,}d|over\w{3,}d)$")
_MIN_COMPOUND = 9  # shortest word considered a compound
_MIN_HEAD = 5  # shortest head (tail part) that counts
_STEMMER = Stemmer.Stemmer("dutch")


def fold_accents(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def words(text: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFKC", text).lower())


@lru_cache(maxsize=200_000)
def _word_terms(word: str) -> tuple[str, ...]:
    folded = fold_accents(word)
    if folded in STOP_WORDS:
        return (word,) if word != folded else ()
    stem = _STEMMER.stemWord(folded)
    terms = [stem]
    if folded != stem:
        terms.append(folded)
    if len(stem) >= 6 and stem[-1] in "dt" and _PARTICIPLE.match(folded):
        terms.append(stem[:-1])
    return tuple(terms)


def _compound_head(word: str, vocabulary: Container[str]) -> str | None:
    """The longest known tail word of a long word (the head of a Dutch compound), if any."""
    folded = fold_accents(word)
    if len(folded) < _MIN_COMPOUND:
        return None
    for start in range(3, len(folded) - _MIN_HEAD + 1):
        tail = folded[start:]
        if tail in vocabulary:
            return tail
    return None


class DutchAnalyzer:
    """Terms for documents and queries. ``vocabulary``: known folded words, used to find compound heads."""

    def __init__(self, vocabulary: Container[str] | None = None):
        self.vocabulary = vocabulary
        self._memo: dict[str, tuple[str, ...]] = {}

    def _terms_for_word(self, word: str) -> tuple[str, ...]:
        cached = self._memo.get(word)
        if cached is None:
            cached = _word_terms(word)
            if self.vocabulary is not None and cached:
                head = _compound_head(word, self.vocabulary)
                if head is not None:
                    cached = cached + (_STEMMER.stemWord(head),)
            self._memo[word] = cached
        return cached

    def __call__(self, text: str) -> list[str]:
        terms: list[str] = []
        for word in words(text):
            terms.extend(self._terms_for_word(word))
        return terms


def analyze(text: str) -> list[str]:
    """Terms without compound heads (no vocabulary needed)."""
    return DutchAnalyzer()(text)


def surface_vocabulary(texts: list[str], min_length: int = _MIN_HEAD) -> set[str]:
    """Folded words of the corpus that may serve as compound heads (non-stop words of some length)."""
    unique: set[str] = set()
    for text in texts:
        unique.update(words(text))
    vocabulary: set[str] = set()
    for word in unique:
        folded = fold_accents(word)
        if len(folded) >= min_length and folded not in STOP_WORDS and folded.isalpha():
            vocabulary.add(folded)
    return vocabulary
