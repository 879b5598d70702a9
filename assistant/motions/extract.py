"""Get the text of a submitted motion or amendment out of a file: txt, md, docx, pdf or eml.

For an e-mail (.eml) the text is the body or the attachment (text, DOCX, PDF) that looks most like a motion or
amendment, and the submission time is taken from the ``Received:`` header added by the VNG's own mail server
(the moment the VNG received it), else from ``Date:`` (the sender's clock).
"""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import email.utils
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from assistant.errors import InputError
from assistant.limits import (SUBMISSION, TimeBudget, check_file_size, check_paragraph_count,
                               check_pdf_page_content, check_pdf_page_count, check_text_length)

SUPPORTED_SUFFIXES = (".txt", ".md", ".docx", ".pdf", ".eml")
_VNG_HOST_RE = re.compile(r"\bby\s+[^\s;]*vng\.nl\b", re.I)
_SUBMISSION_MARKERS = (
    r"gaat\s+over\s+tot\s+de\s+orde", r"constaterende", r"overwegende", r"\broept\b", r"\bverzoekt\b",
    r"\bschrappen\b", r"vervangen\s+door", r"\bmotie\b", r"\bamendement\b", r"\bw\.\s?g\.", r"burgemeester",
)


@dataclass(frozen=True)
class Attachment:
    name: str
    content_type: str
    text: str


@dataclass(frozen=True)
class ExtractedSubmission:
    text: str
    submitted_at: dt.datetime | None = None  # aware; from the e-mail headers
    submitted_at_source: str | None = None  # "received" (VNG mail server) | "date" (Date: header) | None
    attachments: tuple[Attachment, ...] = field(default_factory=tuple)
    body: str = ""  # e-mail body (cover text), when the submission came from an attachment
    source: str = ""  # file name
    text_from: str = ""  # "file" | "body" | "attachment:<name>"


def read_submission_file(path: str | Path) -> ExtractedSubmission:
    """Text (and, for e-mail, the submission time) of a submission file. ``InputError`` when it cannot be read."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"Bestand niet gevonden: {path}")
    _check_suffix(path.suffix.lower())
    check_file_size(path.stat().st_size, path.name, SUBMISSION)  # before reading it into memory
    return read_submission_bytes(path.read_bytes(), path.name)


def read_submission_bytes(data: bytes, name: str) -> ExtractedSubmission:
    """``read_submission_file`` for bytes already in memory (an upload, a ZIP member): nothing is written to disk.
    ``name`` gives the type (its suffix) and is the name the messages use."""
    suffix = Path(name).suffix.lower()
    _check_suffix(suffix)
    check_file_size(len(data), name, SUBMISSION)
    if suffix == ".eml":
        return _from_email(data, name)
    text = text_from_bytes(data, suffix, name)
    return ExtractedSubmission(text=text, source=name, text_from="file")


def _check_suffix(suffix: str) -> None:
    if suffix not in SUPPORTED_SUFFIXES:
        raise InputError(
            f"Bestandstype {suffix or '(geen)'} wordt niet ondersteund.",
            hint="Gebruik een .txt-, .md-, .docx-, .pdf- of .eml-bestand.",
        )


def text_from_bytes(data: bytes, suffix: str, name: str = "") -> str:
    label = name or suffix
    check_file_size(len(data), label, SUBMISSION)
    try:
        if suffix in (".txt", ".md"):
            text = _decode(data)
        elif suffix == ".docx":
            text = _docx_text(data, label)
        elif suffix == ".pdf":
            text = _pdf_text(data, label)
        else:
            raise InputError(f"Bestandstype {suffix} wordt niet ondersteund.")
    except InputError:
        raise
    except Exception as error:  # noqa: BLE001 - any parser failure is "unreadable input" for the user
        raise InputError(f"Het bestand {name or suffix} kon niet worden gelezen ({type(error).__name__}).") from error
    if not text.strip():
        raise InputError(f"Het bestand {name or suffix} bevat geen leesbare tekst.",
                         hint="Is het een gescande PDF? Lever dan de tekst of een DOCX aan.")
    check_text_length(text, label, SUBMISSION)
    return text


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _docx_text(data: bytes, name: str) -> str:
    """Paragraphs and tables in document order; table cells joined by tabs (so two-column signature blocks stay
    two columns for the parser)."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(io.BytesIO(data))
    blocks = list(document.element.body.iterchildren())
    check_paragraph_count(len(blocks), name, SUBMISSION)
    budget = TimeBudget(SUBMISSION.max_seconds, name)
    lines: list[str] = []
    for block in blocks:
        budget.check()
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(block, document).text)
        elif tag == "tbl":
            for row in Table(block, document).rows:
                lines.append(_table_row(row.cells))
    return "\n".join(lines)


def _table_row(cells) -> str:
    """A row of a table: single-line cells joined by tabs; multi-line cells become stacked lines per column."""
    columns = [cell.text.split("\n") for cell in cells]
    height = max((len(c) for c in columns), default=0)
    out = []
    for index in range(height):
        # Empty cells stay (single tabs on both sides): "w.g." under the second of two names keeps its column.
        out.append("\t".join(col[index] if index < len(col) else "" for col in columns))
    return "\n".join(out)


def _pdf_text(data: bytes, name: str) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    check_pdf_page_count(len(reader.pages), name, SUBMISSION)
    budget = TimeBudget(SUBMISSION.max_seconds, name)
    texts = []
    for number, page in enumerate(reader.pages, 1):
        budget.check()
        check_pdf_page_content(page, name, number, SUBMISSION)  # before pypdf parses the operators
        texts.append(page.extract_text() or "")
    return "\n".join(texts)


# --- e-mail ----------------------------------------------------------------------------------------------------


def _from_email(data: bytes, name: str) -> ExtractedSubmission:
    try:
        message = email.message_from_bytes(data, policy=email.policy.default)
    except Exception as error:  # noqa: BLE001
        raise InputError(f"Het e-mailbestand {name} kon niet worden gelezen.") from error
    submitted_at, source = submission_time(message)
    body = _body_text(message)
    attachments = tuple(_attachments(message))
    candidates = [("body", body)] + [(f"attachment:{a.name}", a.text) for a in attachments]
    candidates = [(origin, text) for origin, text in candidates if text.strip()]
    if not candidates:
        raise InputError(f"Het e-mailbestand {name} bevat geen tekst en geen leesbare bijlage.")
    origin, text = max(candidates, key=lambda c: _submission_score(c[1]))
    return ExtractedSubmission(
        text=text, submitted_at=submitted_at, submitted_at_source=source, attachments=attachments,
        body=body, source=name, text_from=origin,
    )


def submission_time(message) -> tuple[dt.datetime | None, str | None]:
    """The earliest ``Received:`` stamp of a VNG mail server, else ``Date:``."""
    stamps = []
    for header in message.get_all("Received", []) or []:
        header = str(header)
        if _VNG_HOST_RE.search(header) and ";" in header:
            moment = _parse_mail_date(header.rsplit(";", 1)[1])
            if moment is not None:
                stamps.append(moment)
    if stamps:
        return min(stamps), "received"
    moment = _parse_mail_date(str(message.get("Date", "") or ""))
    return (moment, "date") if moment is not None else (None, None)


def _parse_mail_date(text: str) -> dt.datetime | None:
    try:
        moment = email.utils.parsedate_to_datetime(text.strip())
    except (TypeError, ValueError, IndexError):
        return None
    if moment is None:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)


def _body_text(message) -> str:
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    try:
        text = part.get_content()
    except Exception:  # noqa: BLE001 - an unknown or broken charset ("unknown-8bit", found by fuzzing): decode ourselves
        text = _decode(part.get_payload(decode=True) or b"")
    if part.get_content_type() == "text/html":
        text = _html_to_text(text)
    return text


def _html_to_text(html: str) -> str:
    html = re.sub(r"(?is)<(script|style).*?</\1>", "", html)
    html = re.sub(r"(?i)<br\s*/?>|</p>|</div>|</li>|</tr>", "\n", html)
    html = re.sub(r"(?i)</td>", "\t", html)
    text = re.sub(r"<[^>]+>", "", html)
    import html as html_lib

    return html_lib.unescape(text)


def _attachments(message):
    parts = list(message.iter_attachments())
    if len(parts) > SUBMISSION.max_email_attachments:
        raise InputError(f"Het e-mailbestand heeft te veel bijlagen ({len(parts)}; maximaal "
                         f"{SUBMISSION.max_email_attachments}).", hint="Stuur de inzendingen in kleinere e-mails.")
    budget = TimeBudget(SUBMISSION.max_seconds, "het e-mailbestand")
    for part in parts:
        budget.check()
        name = part.get_filename() or ""
        suffix = Path(name).suffix.lower()
        ctype = part.get_content_type()
        if not suffix:
            suffix = {"text/plain": ".txt", "application/pdf": ".pdf",
                      "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx"}.get(ctype, "")
        if suffix not in (".txt", ".md", ".docx", ".pdf"):
            continue
        payload = part.get_payload(decode=True) or b""
        try:
            text = text_from_bytes(payload, suffix, name)
        except InputError:
            continue
        yield Attachment(name=name or f"bijlage{suffix}", content_type=ctype, text=text)


def _submission_score(text: str) -> int:
    return sum(1 for marker in _SUBMISSION_MARKERS if re.search(marker, text, re.I))
