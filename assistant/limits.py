"""Size and time limits for untrusted files, in one place.

Every file the assistant reads may be hostile or simply broken: a 20 KB PDF whose content stream unpacks to
millions of text operators keeps pypdf busy for minutes, a DOCX with 50,000 paragraphs costs a minute of style
look-ups, an e-mail can carry thousands of attachments. The readers (``assistant.corpus.loaders`` for the corpus,
``assistant.motions.extract`` for submissions) call the guards below, which raise ``InputError`` with a Dutch
message instead of hanging.

Why these guards and not a hard kill: a subprocess with a wall-clock kill would bound *everything*, but costs a
process start per file (the app reads one submission at a time, ingest hundreds of files). The in-process guards
bound the known expensive steps instead:

* decompressed content per PDF page (bytes) and its token count (pypdf's content-stream parser costs ~3 µs per
  token before any callback can stop it, so the count is checked first, on the raw bytes, in milliseconds);
* a time budget per file, checked between pages, paragraphs and attachments, so the total stays bounded even when
  every single page is just under the per-page limits;
* page, paragraph, attachment and text-length caps.

pypdf itself caps decompression (75 MB per stream, ``LimitReachedError``) and page-tree depth; lxml refuses
XML nested deeper than 256 levels. Those errors are translated into Dutch by the readers.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

from assistant.errors import InputError

MB = 1024 * 1024


@dataclass(frozen=True)
class FileLimits:
    """Limits for reading one file; ``CORPUS`` for meeting packages (large), ``SUBMISSION`` for one motion."""

    max_file_bytes: int
    max_pdf_pages: int
    max_page_content_bytes: int
    max_page_tokens: int
    max_docx_paragraphs: int
    max_seconds: float
    max_email_attachments: int = 50
    max_text_chars: int | None = None


# A meeting package: hundreds of pages, admin-provided.
CORPUS = FileLimits(max_file_bytes=50 * MB, max_pdf_pages=2000, max_page_content_bytes=20 * MB,
                    max_page_tokens=400_000, max_docx_paragraphs=50_000, max_seconds=180.0)
# One submitted motion or amendment (or an e-mail carrying it): a few pages at most.
SUBMISSION = FileLimits(max_file_bytes=20 * MB, max_pdf_pages=100, max_page_content_bytes=4 * MB,
                        max_page_tokens=200_000, max_docx_paragraphs=10_000, max_seconds=30.0,
                        max_email_attachments=50, max_text_chars=300_000)

_TOKEN = re.compile(rb"\S+")


class TimeBudget:
    """A wall-clock budget for reading one file; ``check()`` raises a Dutch ``InputError`` once it is spent."""

    def __init__(self, seconds: float, name: str):
        self.seconds = seconds
        self.name = name
        self._deadline = time.monotonic() + seconds

    def check(self) -> None:
        if time.monotonic() > self._deadline:
            raise InputError(f"{self.name}: het verwerken duurt te lang (meer dan {self.seconds:.0f} seconden); "
                             "het bestand is te groot, te complex of beschadigd en wordt niet gelezen.",
                             hint="Lever een kleinere of eenvoudigere versie aan (bijvoorbeeld als .docx of .txt).")


def check_file_size(size: int, name: str, limits: FileLimits) -> None:
    if size <= 0:
        raise InputError(f"{name}: het bestand is leeg.")
    if size > limits.max_file_bytes:
        raise InputError(f"{name}: het bestand is te groot ({size / MB:.1f} MB; maximaal "
                         f"{limits.max_file_bytes // MB} MB).")


def check_pdf_page_count(count: int, name: str, limits: FileLimits) -> None:
    if count > limits.max_pdf_pages:
        raise InputError(f"{name}: de pdf heeft te veel pagina's ({count}; maximaal {limits.max_pdf_pages}).")


def check_pdf_page_content(page, name: str, number: int, limits: FileLimits) -> None:
    """Refuse a page whose content stream is too large or holds too many operators to extract in time."""
    contents = page.get_contents()
    if contents is None:
        return
    data = contents.get_data()
    if len(data) > limits.max_page_content_bytes:
        raise InputError(f"{name}: pagina {number} is te groot om te verwerken "
                         f"({len(data) / MB:.1f} MB opmaakcode; maximaal {limits.max_page_content_bytes // MB} MB).")
    tokens = sum(1 for _ in _TOKEN.finditer(data))
    if tokens > limits.max_page_tokens:
        raise InputError(f"{name}: pagina {number} is te complex om te verwerken ({tokens} opmaakopdrachten; "
                         f"maximaal {limits.max_page_tokens}).")


def check_paragraph_count(count: int, name: str, limits: FileLimits) -> None:
    if count > limits.max_docx_paragraphs:
        raise InputError(f"{name}: het Word-bestand heeft te veel alinea's ({count}; maximaal "
                         f"{limits.max_docx_paragraphs}).")


def check_text_length(text: str, name: str, limits: FileLimits) -> None:
    if limits.max_text_chars is not None and len(text) > limits.max_text_chars:
        raise InputError(f"{name}: de tekst is te lang voor één motie of amendement ({len(text)} tekens; maximaal "
                         f"{limits.max_text_chars}).", hint="Lever elke motie of elk amendement als apart bestand aan.")
