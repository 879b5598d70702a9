"""Known errors in the source documents, corrected in metadata only (titles, heading paths).

Chunk texts stay verbatim; only the labels we generate around them are corrected, so a search for "Najaars ALV
2023" also finds the section the source mislabels as 2024. Each entry cites where the error is documented.
"""

from __future__ import annotations

# wrong text → corrected text (corpus_map.md §0 item 7: the Najaars ALV was on 1 december 2023, not 2024;
# F1 L163 and L6798).
KNOWN_CORRECTIONS: dict[str, str] = {
    "Najaars ALV 1 december 2024": "Najaars ALV 1 december 2023",
}


def correct(text: str) -> str:
    for wrong, right in KNOWN_CORRECTIONS.items():
        if wrong in text:
            text = text.replace(wrong, right)
    return text
