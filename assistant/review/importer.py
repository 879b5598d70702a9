"""Import submissions for a batch review: a folder, a ZIP or uploaded files, then one text per submission.

Reading one file (txt, md, docx, pdf, eml with its submission time) is ``assistant.motions.extract``'s job; this
module adds what a batch needs on top of it:

* a ZIP is unpacked in memory, never onto disk by its own member names: members with absolute paths, ``..``
  parts, symlinks or encryption are refused, and count, size and compression-ratio limits stop ZIP bombs;
* an e-mail with several attachments yields one submission per attachment (each with the e-mail's time);
* everything is read from memory: no upload or member is written to disk, so nothing is left behind in a temp
  folder and no two runs can collide on a file name;
* every file ends up as a ``SubmissionSource`` — an unreadable one with a Dutch reason, never silently dropped.
"""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import hashlib
import io
import re
import stat
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from assistant.config import Settings
from assistant.errors import InputError, UserFacingError

SUBMISSION_SUFFIXES = {".txt", ".md", ".docx", ".pdf", ".eml"}
ATTACHMENT_SUFFIXES = {".txt", ".md", ".docx", ".pdf"}
IGNORED_NAMES = {"thumbs.db", "desktop.ini"}
MB = 1024 * 1024


@dataclass(frozen=True)
class ImportLimits:
    """Guards against ZIP bombs and runaway folders; generous for a real ALV (dozens of submissions)."""

    max_files: int = 1000
    max_file_bytes: int = 20 * MB
    max_total_bytes: int = 300 * MB
    max_compression_ratio: int = 200

    @classmethod
    def from_settings(cls, settings: Settings) -> "ImportLimits":
        return cls(max_file_bytes=max(1, settings.upload_max_mb) * MB)


@dataclass
class IncomingFile:
    """One file as received: its display name (relative path, ZIP member or upload name) and bytes."""

    name: str
    data: bytes | None = None
    error: str | None = None  # Dutch reason the file was refused before reading

    @property
    def suffix(self) -> str:
        return PurePosixPath(self.name).suffix.lower()


@dataclass
class SubmissionSource:
    """The text of one submission, ready for the parser; ``file`` identifies the row in the overview."""

    file: str
    sha256: str
    text: str | None = None
    submitted_at: dt.datetime | None = None
    submitted_at_source: str | None = None  # as the extractor reports it: "received" | "date"
    error: str | None = None


# --- collecting files ------------------------------------------------------------------------------------------


def collect_path(path: Path, limits: ImportLimits) -> list[IncomingFile]:
    """All files of a folder (recursively, ZIPs inside unpacked) or of one ZIP file, sorted by name."""
    path = Path(path)
    if path.is_dir():
        return collect_folder(path, limits)
    if path.is_file() and path.suffix.lower() == ".zip":
        return collect_zip(_read_limited(path, limits.max_total_bytes, "ZIP-bestand"), "", limits)
    if path.is_file():
        return [_incoming_from_disk(path, path.name, limits)]
    raise InputError(f"Map of ZIP-bestand niet gevonden: {path}", hint="Geef een bestaande map of .zip op.")


def collect_folder(folder: Path, limits: ImportLimits) -> list[IncomingFile]:
    files = sorted(p for p in folder.rglob("*") if not _is_hidden(p.relative_to(folder)))
    files = [p for p in files if p.is_symlink() or p.is_file()]
    if len(files) > limits.max_files:
        raise InputError(f"De map bevat {len(files)} bestanden; het maximum is {limits.max_files}.")
    incoming: list[IncomingFile] = []
    for file in files:
        name = file.relative_to(folder).as_posix()
        if file.is_symlink():  # it may point anywhere on the machine
            incoming.append(IncomingFile(name, error="Geweigerd: een symbolische koppeling wordt niet gevolgd."))
        elif file.suffix.lower() == ".zip":
            data = _read_limited(file, limits.max_total_bytes, "ZIP-bestand")
            incoming.extend(collect_zip(data, name, limits))
        else:
            incoming.append(_incoming_from_disk(file, name, limits))
    return incoming


def collect_uploads(files: list[tuple[str, bytes]], limits: ImportLimits) -> list[IncomingFile]:
    """Uploaded files (name, bytes) as the app receives them; uploaded ZIPs are unpacked."""
    if len(files) > limits.max_files:
        raise InputError(f"Er zijn {len(files)} bestanden geüpload; het maximum is {limits.max_files}.")
    incoming: list[IncomingFile] = []
    for raw_name, data in files:
        name = PurePosixPath(str(raw_name).replace("\\", "/")).name or "bestand"
        if name.lower().endswith(".zip"):
            incoming.extend(collect_zip(data, name, limits))
        elif len(data) > limits.max_file_bytes:
            incoming.append(IncomingFile(name, error=_too_large(len(data), limits)))
        else:
            incoming.append(IncomingFile(name, data))
    return incoming


def collect_zip(data: bytes, label: str, limits: ImportLimits) -> list[IncomingFile]:
    """The members of a ZIP, read in memory with safety checks; ``label`` prefixes member names ('' = none)."""
    prefix = f"{label}/" if label else ""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except Exception:  # noqa: BLE001 - BadZipFile, OSError, ValueError ... for a damaged central directory
        return [IncomingFile(label or "ZIP-bestand", error="Geen geldig ZIP-bestand; het kon niet worden geopend.")]
    members = [info for info in archive.infolist() if not info.is_dir() and not _is_hidden_member(info.filename)]
    if len(members) > limits.max_files:
        raise InputError(f"Het ZIP-bestand bevat {len(members)} bestanden; het maximum is {limits.max_files}.")
    incoming: list[IncomingFile] = []
    total = 0
    for info in sorted(members, key=lambda i: i.filename):
        name = prefix + info.filename
        refusal = _zip_member_refusal(info, limits)
        if refusal:
            incoming.append(IncomingFile(name, error=refusal))
            continue
        try:
            with archive.open(info) as handle:
                content = handle.read(limits.max_file_bytes + 1)  # never trust the header's size
        except Exception as error:  # noqa: BLE001 - zipfile raises BadZipFile, zlib.error, EOFError, ValueError ...
            # A header that lies about the size (CRC mismatch), a damaged stream, an unsupported compression method
            # (found by fuzzing, tests/robustness): this member gets a reason, the rest of the batch goes on.
            incoming.append(IncomingFile(name, error=_unreadable_member(error)))
            continue
        if len(content) > limits.max_file_bytes:
            incoming.append(IncomingFile(name, error=_too_large(len(content), limits)))
            continue
        total += len(content)
        if total > limits.max_total_bytes:
            raise InputError(
                f"Het ZIP-bestand pakt uit tot meer dan {limits.max_total_bytes // MB} MB; het wordt niet verwerkt.",
                hint="Controleer of dit echt de inzendingen zijn, of splits het in kleinere ZIP-bestanden.",
            )
        incoming.append(IncomingFile(name, content))
    return incoming


def _zip_member_refusal(info: zipfile.ZipInfo, limits: ImportLimits) -> str | None:
    name = info.filename.replace("\\", "/")
    parts = PurePosixPath(name).parts
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name) or ".." in parts:
        return "Geweigerd: het pad in het ZIP-bestand wijst buiten de map (mogelijk kwaadaardig)."
    if stat.S_ISLNK(info.external_attr >> 16):
        return "Geweigerd: een symbolische koppeling in het ZIP-bestand wordt niet gevolgd."
    if info.flag_bits & 0x1:
        return "Geweigerd: dit bestand in het ZIP-bestand is versleuteld."
    if info.file_size > limits.max_file_bytes:
        return _too_large(info.file_size, limits)
    if info.compress_size and info.file_size / info.compress_size > limits.max_compression_ratio:
        return "Geweigerd: dit bestand is verdacht sterk gecomprimeerd (mogelijke ZIP-bom)."
    if name.lower().endswith(".zip"):
        return "Een ZIP-bestand binnen een ZIP-bestand wordt niet uitgepakt; lever de bestanden los of in één ZIP aan."
    return None


def _unreadable_member(error: Exception) -> str:
    """The Dutch reason for a ZIP member that could not be unpacked."""
    if isinstance(error, NotImplementedError):  # Deflate64, IBM TERSE, ...: zipfile cannot unpack it
        return ("Geweigerd: dit bestand in het ZIP-bestand is beschadigd of gebruikt een compressiemethode die niet "
                "wordt ondersteund. Pak het opnieuw in met gewone ZIP-compressie.")
    if isinstance(error, zipfile.LargeZipFile):
        return "Geweigerd: dit bestand in het ZIP-bestand is te groot voor het ZIP-formaat waarin het is ingepakt."
    if isinstance(error, (zipfile.BadZipFile, zlib.error, EOFError)):
        return ("Geweigerd: dit bestand in het ZIP-bestand is beschadigd of onjuist ingepakt (de inhoud klopt niet "
                "met de gegevens in het ZIP-bestand).")
    return f"Geweigerd: dit bestand in het ZIP-bestand kon niet worden uitgepakt ({type(error).__name__})."


def _incoming_from_disk(path: Path, name: str, limits: ImportLimits) -> IncomingFile:
    size = path.stat().st_size
    if size > limits.max_file_bytes:
        return IncomingFile(name, error=_too_large(size, limits))
    return IncomingFile(name, path.read_bytes())


def _read_limited(path: Path, limit: int, what: str) -> bytes:
    if path.stat().st_size > limit:
        raise InputError(f"{what} {path.name} is groter dan {limit // MB} MB en wordt niet verwerkt.")
    return path.read_bytes()


def _too_large(size: int, limits: ImportLimits) -> str:
    return f"Geweigerd: het bestand is {size / MB:.1f} MB; het maximum is {limits.max_file_bytes // MB} MB."


def _is_hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts) or relative.name.lower() in IGNORED_NAMES


def _is_hidden_member(name: str) -> bool:
    parts = PurePosixPath(name.replace("\\", "/")).parts
    if not parts:
        return True
    return parts[0] == "__MACOSX" or parts[-1].startswith(".") or parts[-1].lower() in IGNORED_NAMES


# --- from files to submission texts ---------------------------------------------------------------------------

# Words that make an attachment a submission of its own (an e-mail may carry a motion plus, say, an annex).
_SUBMISSION_WORDS = re.compile(
    r"constaterende|overwegende|\broept\b|\bverzoekt\b|orde van de dag|\bschrappen\b|vervangen door|"
    r"titel motie|\bamendement\b|\bmotie van\b",
    re.I,
)


def looks_like_submission(text: str) -> bool:
    return len({m.group(0).lower() for m in _SUBMISSION_WORDS.finditer(text)}) >= 2


def sources_from(incoming: IncomingFile) -> list[SubmissionSource]:
    """The submission(s) in one incoming file, read from memory; errors become sources with a Dutch ``error``."""
    if incoming.error or incoming.data is None:
        return [SubmissionSource(incoming.name, _sha(incoming.data or incoming.name.encode()), error=incoming.error)]
    sha = _sha(incoming.data)
    if incoming.suffix not in SUBMISSION_SUFFIXES:
        allowed = ", ".join(sorted(SUBMISSION_SUFFIXES | {".zip"}))
        return [SubmissionSource(incoming.name, sha, error=f"Bestandstype niet ondersteund (toegestaan: {allowed}).")]
    if incoming.suffix == ".eml":
        return _sources_from_email(incoming)
    text, error = _text_of(incoming.data, incoming.suffix, incoming.name)
    return [SubmissionSource(incoming.name, sha, text=text, error=error)]


def _text_of(data: bytes, suffix: str, name: str) -> tuple[str | None, str | None]:
    """(text, None) or (None, Dutch reason), via the shared extractor."""
    from assistant.motions.extract import text_from_bytes

    try:
        return text_from_bytes(data, suffix, name), None
    except UserFacingError as error:
        return None, _reason(error)
    except Exception as error:  # a damaged file must become a row with a reason, not stop the whole batch
        return None, f"Het bestand kon niet worden gelezen ({type(error).__name__}); is het beschadigd?"


def _reason(error: UserFacingError) -> str:
    text = error.message
    if "geen leesbare tekst" in text:
        text += " Is dit een scan zonder tekstlaag? Vraag de indiener om een Word- of tekstversie."
    elif error.hint:
        text += f" {error.hint}"
    return text


def _sources_from_email(incoming: IncomingFile) -> list[SubmissionSource]:
    """The e-mail's submission(s): every attachment that is a motion or amendment of its own, else the text the
    shared reader chose (attachment or body); each with the e-mail's time. Unreadable attachments get a row too."""
    from assistant.motions.extract import read_submission_bytes

    try:
        extracted = read_submission_bytes(incoming.data, PurePosixPath(incoming.name).name)
    except UserFacingError as error:
        return [SubmissionSource(incoming.name, _sha(incoming.data), error=_reason(error))]
    except Exception as error:  # noqa: BLE001 - a damaged e-mail is a row with a reason, never a stopped batch
        return [SubmissionSource(incoming.name, _sha(incoming.data),
                                 error=f"Het e-mailbestand kon niet worden gelezen ({type(error).__name__}).")]
    when = {"submitted_at": extracted.submitted_at, "submitted_at_source": extracted.submitted_at_source}
    payloads = dict(email_attachments(incoming.data))
    readable = {attachment.name: attachment.text for attachment in extracted.attachments}

    def attachment_source(name: str, text: str) -> SubmissionSource:
        data = payloads.get(name, text.encode("utf-8"))
        return SubmissionSource(f"{incoming.name}#{name}", _sha(data), text=text, **when)

    own = [(name, text) for name, text in readable.items() if looks_like_submission(text)]
    if len(own) >= 2:
        sources = [attachment_source(name, text) for name, text in own]
    elif extracted.text_from.startswith("attachment:"):
        name = extracted.text_from.removeprefix("attachment:")
        sources = [attachment_source(name, extracted.text)]
    else:
        sources = [SubmissionSource(incoming.name, _sha(_normalised(extracted.text).encode()), text=extracted.text,
                                    **when)]
    for name, data in payloads.items():
        if name not in readable:
            _, error = _text_of(data, PurePosixPath(name).suffix.lower(), name)
            sources.append(SubmissionSource(f"{incoming.name}#{name}", _sha(data),
                                            error=f"Bijlage niet leesbaar: {error}", **when))
    return sources


def email_attachments(data: bytes) -> list[tuple[str, bytes]]:
    """Attachments of an e-mail that can hold a submission (txt, md, docx, pdf), in order."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    found = []
    for part in message.iter_attachments():
        filename = part.get_filename()
        if not filename:
            continue
        if PurePosixPath(filename).suffix.lower() in ATTACHMENT_SUFFIXES:
            found.append((filename, part.get_payload(decode=True) or b""))
    return found


def _normalised(text: str) -> str:
    return " ".join(text.split())


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
