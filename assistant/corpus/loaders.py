"""Loaders: a source file (txt, md, pdf, docx) in, a list of text lines with their positions out.

Every later step (noise, structure, chunking) works on ``SourceLine``s, so it does not care about the format:
- txt/md: one ``SourceLine`` per physical line, ``line_no`` = 1-based physical line, text verbatim.
- pdf: one per extracted line, ``page`` kept; text normalised (NFKC for ligatures, hyphenated line breaks
  re-joined, double spaces collapsed); a blank line separates pages.
- docx: one per paragraph (``paragraph`` = index in ``Document.paragraphs``) or table row (cells joined by TAB),
  heading level from the paragraph style ("Heading N" / "Kop N" / "Title"); a blank line separates paragraphs.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from assistant.errors import InputError
from assistant.limits import CORPUS, TimeBudget, check_pdf_page_content

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_PDF_PAGES = 2000
MAX_DOCX_PARAGRAPHS = 50_000
MAX_PAGE_CONTENT_BYTES = CORPUS.max_page_content_bytes  # a huge content stream can make pypdf use GBs of memory
TEXT_SUFFIXES = {".txt", ".md"}


@dataclass
class SourceLine:
    text: str
    line_no: int  # 1-based position in the loaded line list (the physical line for txt/md)
    page: int | None = None  # 1-based (pdf)
    paragraph: int | None = None  # 0-based paragraph index (docx)
    heading_level: int | None = None  # from a docx paragraph style


@dataclass
class LoadedSource:
    path: Path
    kind: str  # "text" | "pdf" | "docx"
    lines: list[SourceLine]
    warnings: list[str] = field(default_factory=list)

    @property
    def texts(self) -> list[str]:
        return [line.text for line in self.lines]


def load_source(path: Path) -> LoadedSource:
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path.name}: bestand niet gevonden")
    size = path.stat().st_size
    if size == 0:
        raise InputError(f"{path.name}: het bestand is leeg")
    if size > MAX_FILE_BYTES:
        raise InputError(f"{path.name}: het bestand is te groot ({size / 1e6:.0f} MB; maximaal 50 MB)")
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        source = _load_text(path)
    elif suffix == ".pdf":
        source = _load_pdf(path)
    elif suffix == ".docx":
        source = _load_docx(path)
    else:
        raise InputError(f"{path.name}: bestandstype '{suffix or '(geen)'}' wordt niet ondersteund "
                         "(wel: .txt, .md, .pdf, .docx)")
    if not any(line.text.strip() for line in source.lines):
        raise InputError(f"{path.name}: het bestand bevat geen tekst")
    return source


# --- txt / md -------------------------------------------------------------------------------------------------

def _load_text(path: Path) -> LoadedSource:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(
            f"{path.name}: het bestand is geen UTF-8-tekst (onleesbare byte op positie {error.start})",
            hint="sla het bestand op als UTF-8 (bijvoorbeeld via 'Opslaan als' in een teksteditor)",
        ) from error
    text = text.removeprefix("\ufeff")
    # Split on "\n" only: line numbers must match `sed -n Np`; a trailing "\r" (CRLF files) is dropped.
    lines = [SourceLine(line.removesuffix("\r"), number) for number, line in enumerate(text.split("\n"), 1)]
    return LoadedSource(path, "text", lines)


# --- pdf ------------------------------------------------------------------------------------------------------

_HYPHEN_BREAK = re.compile(r"(\w)-$")
_MULTI_SPACE = re.compile(r"[ \t\u00a0]{2,}")


def normalise_pdf_text(text: str) -> list[str]:
    """NFKC (ligatures ﬁ/ﬂ → fi/fl), collapsed spaces, and words hyphenated across a line break re-joined."""
    text = unicodedata.normalize("NFKC", text)
    lines = [_MULTI_SPACE.sub(" ", line).strip() for line in text.splitlines()]
    joined: list[str] = []
    for line in lines:
        previous = joined[-1] if joined else ""
        # "verantwoor-" + "ding" → "verantwoording"; only before a lower-case continuation, so real dashes
        # such as "raads- en commissievergadering" or a trailing "Noord-" + "Holland" stay as they are.
        if previous and _HYPHEN_BREAK.search(previous) and line[:1].islower():
            head, _, rest = line.partition(" ")
            joined[-1] = previous[:-1] + head
            if rest:
                joined.append(rest)
            continue
        joined.append(line)
    return joined


def _load_pdf(path: Path) -> LoadedSource:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError, PyPdfError

    warnings: list[str] = []
    try:
        reader = PdfReader(path)
        if reader.is_encrypted:
            if not _try_empty_password(reader):
                raise InputError(f"{path.name}: de pdf is versleuteld en kan zonder wachtwoord niet worden gelezen")
            warnings.append(f"{path.name}: de pdf is versleuteld; geopend met een leeg wachtwoord")
        page_count = len(reader.pages)
    except InputError:
        raise
    except (PdfReadError, PyPdfError, ValueError, KeyError, OSError) as error:
        raise InputError(f"{path.name}: de pdf is beschadigd of onleesbaar ({error})") from error
    except Exception as error:  # pypdf raises many other types on damaged files (NotImplementedError, ...)
        raise InputError(f"{path.name}: de pdf is beschadigd of onleesbaar ({type(error).__name__})") from error
    if page_count > MAX_PDF_PAGES:
        raise InputError(f"{path.name}: de pdf heeft te veel pagina's ({page_count}; maximaal {MAX_PDF_PAGES})")
    lines: list[SourceLine] = []
    empty_pages: list[int] = []
    budget = TimeBudget(CORPUS.max_seconds, path.name)  # bounds the whole file, not only each page
    for number, page in enumerate(reader.pages, 1):
        budget.check()
        page_lines = _pdf_page_lines(path, page, number)
        if not any(text.strip() for text in page_lines):
            empty_pages.append(number)
            continue
        for text in page_lines:
            lines.append(SourceLine(text, len(lines) + 1, page=number))
        lines.append(SourceLine("", len(lines) + 1, page=number))
    if empty_pages:
        listed = ", ".join(str(n) for n in empty_pages)
        warnings.append(f"{path.name}: pagina {listed} bevat geen tekst (scan of afbeelding?); niet doorzoekbaar")
    return LoadedSource(path, "pdf", lines, warnings)


def _try_empty_password(reader) -> bool:
    try:
        return bool(reader.decrypt(""))
    except Exception:  # pypdf raises several types (missing AES dependency, bad key); all mean "cannot open"
        return False


def _pdf_page_lines(path: Path, page, number: int) -> list[str]:
    from pypdf.errors import PyPdfError

    try:
        check_pdf_page_content(page, path.name, number, CORPUS)  # size and operator count, before pypdf parses
        return normalise_pdf_text(page.extract_text() or "")
    except InputError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError) as error:
        raise InputError(f"{path.name}: pagina {number} van de pdf is beschadigd ({error})") from error
    except Exception as error:  # e.g. NotImplementedError for a damaged filter name (found by fuzzing)
        raise InputError(f"{path.name}: pagina {number} van de pdf is beschadigd ({type(error).__name__})") from error


# --- docx -----------------------------------------------------------------------------------------------------

_HEADING_STYLE = re.compile(r"^(?:heading|kop)\s*(\d)$", re.IGNORECASE)


def heading_level_from_style(style_name: str | None) -> int | None:
    if not style_name:
        return None
    if style_name.strip().lower() in {"title", "titel"}:
        return 1
    match = _HEADING_STYLE.match(style_name.strip())
    return int(match.group(1)) if match else None


def _load_docx(path: Path) -> LoadedSource:
    import zipfile

    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise InputError(f"{path.name}: het Word-bestand is beschadigd of geen .docx ({error})") from error
    except Exception as error:  # python-docx raises PackageNotFoundError and lxml errors for broken files
        raise InputError(f"{path.name}: het Word-bestand kan niet worden gelezen ({error})") from error
    body = document.element.body
    # Count first (cheap), so a flood of paragraphs is refused before any of the costly per-paragraph work.
    if sum(1 for child in body.iterchildren() if child.tag.rsplit("}", 1)[-1] == "p") > MAX_DOCX_PARAGRAPHS:
        raise InputError(f"{path.name}: te veel alinea's (maximaal {MAX_DOCX_PARAGRAPHS})")
    budget = TimeBudget(CORPUS.max_seconds, path.name)
    style_names: dict[str | None, str | None] = {}
    lines: list[SourceLine] = []
    paragraph_index = 0
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if paragraph_index % 500 == 0:
            budget.check()
        if tag == "p":
            paragraph = Paragraph(child, document)
            text = paragraph.text.replace("\n", " ").replace("\r", " ")
            level = heading_level_from_style(_style_name(paragraph, style_names))
            if text.strip():
                lines.append(SourceLine(text, len(lines) + 1, paragraph=paragraph_index, heading_level=level))
                lines.append(SourceLine("", len(lines) + 1, paragraph=paragraph_index))
            paragraph_index += 1
        elif tag == "tbl":
            table = Table(child, document)
            for row in table.rows:
                cells = [cell.text.replace("\n", " ").strip() for cell in row.cells]
                if any(cells):
                    lines.append(SourceLine("\t".join(_dedupe_merged(cells)), len(lines) + 1,
                                            paragraph=paragraph_index))
            lines.append(SourceLine("", len(lines) + 1, paragraph=paragraph_index))
    return LoadedSource(path, "docx", lines)


def _style_name(paragraph, cache: dict) -> str | None:
    """The paragraph's style name, looked up once per style id (python-docx's look-up costs ~1 ms per call)."""
    properties = paragraph._p.pPr
    style_id = properties.style if properties is not None else None
    if style_id not in cache:
        style = paragraph.style
        cache[style_id] = style.name if style is not None else None
    return cache[style_id]


def _dedupe_merged(cells: list[str]) -> list[str]:
    """Merged cells are returned once per grid column by python-docx; keep one copy."""
    result: list[str] = []
    for cell in cells:
        if not result or cell != result[-1]:
            result.append(cell)
    return result
