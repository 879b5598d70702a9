"""Find documents that occur twice in a package and decide which copy to keep.

Two documents are copies when their word 5-gram sets overlap for at least ``SIMILARITY`` (Jaccard). The copy
with clearly more content of its own is the newer one (an amended version adds text: the verantwoording copy
with the late Zeist/Almere motion); when neither has clearly more, the first copy in the package is kept
(nazendingen and updated versions are put in front of the package).
"""

from __future__ import annotations

import re

SHINGLE = 5
SIMILARITY = 0.8
MIN_WORDS = 50
_WORD = re.compile(r"\w+")


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = _WORD.findall(text.lower())
    return {tuple(words[i:i + SHINGLE]) for i in range(max(0, len(words) - SHINGLE + 1))}


def find_duplicates(texts_by_doc: list[str], kinds: list[str] | None = None) -> dict[int, int]:
    """{index of the dropped copy: index of the kept copy}. Only documents of the same kind and similar length
    are compared (shingles are built lazily: most documents have no candidate at all)."""
    kinds = kinds or [""] * len(texts_by_doc)
    lengths = [len(text) for text in texts_by_doc]
    cache: dict[int, set] = {}

    def shingles_of(index: int) -> set:
        if index not in cache:
            cache[index] = _shingles(texts_by_doc[index])
        return cache[index]

    dropped: dict[int, int] = {}
    for a in range(len(texts_by_doc)):
        for b in range(a + 1, len(texts_by_doc)):
            if a in dropped or b in dropped or kinds[a] != kinds[b]:
                continue
            small, large = sorted((lengths[a], lengths[b]))
            if small < 0.7 * large:
                continue
            shingles = {a: shingles_of(a), b: shingles_of(b)}
            if min(len(shingles[a]), len(shingles[b])) < MIN_WORDS:
                continue
            union = len(shingles[a] | shingles[b])
            if len(shingles[a] & shingles[b]) / union < SIMILARITY:
                continue
            keep, drop = _choose(a, b, shingles)
            dropped[drop] = keep
    return dropped


def _choose(a: int, b: int, shingles: dict[int, set]) -> tuple[int, int]:
    only_a = len(shingles[a] - shingles[b])
    only_b = len(shingles[b] - shingles[a])
    if only_b > 1.5 * only_a + 10:  # b adds real content: b is the updated version
        return b, a
    return a, b
