"""Uploads: allowed types only, a size limit, and a file name that cannot leave the app's data directory.

Every upload is written under ``settings.data_dir / "uploads" / <area>``; the name is reduced to a plain base name
(no folders, no ``..``, no hidden files, no odd characters), and the final path is checked to lie inside that folder
before anything is written.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from assistant.config import Settings
from assistant.errors import InputError

SUBMISSION_TYPES = ("txt", "md", "docx", "pdf", "eml")  # one motion/amendment, or a batch for review
REVIEW_TYPES = (*SUBMISSION_TYPES, "zip")
CORPUS_TYPES = ("txt", "md", "docx", "pdf")  # what ingest reads
UPLOAD_AREAS = ("toetsen", "review", "corpus")


def safe_filename(name: str) -> str:
    """A plain, portable base name: folders stripped, accents folded, anything unusual replaced by ``_``."""
    base = re.split(r"[\\/]", name or "")[-1]
    base = unicodedata.normalize("NFKD", base).encode("ascii", "ignore").decode("ascii")
    base = re.sub(r"[^A-Za-z0-9._ -]+", "_", base).strip(" .")
    base = re.sub(r"\s+", " ", base)
    stem, dot, ext = base.rpartition(".")
    if not dot:
        stem, ext = base, ""
    stem = stem.lstrip(".-_ ")[:100] or "bestand"
    return f"{stem}.{ext.lower()}" if ext else stem


def extension(name: str) -> str:
    return name.rpartition(".")[2].lower() if "." in name else ""


def validate_upload(name: str, size: int, *, allowed: tuple[str, ...], max_mb: int) -> str:
    """Check type and size; return the safe file name. Raises ``InputError`` with a Dutch message."""
    safe = safe_filename(name)
    ext = extension(safe)
    if ext not in allowed:
        kinds = ", ".join(f".{e}" for e in allowed)
        shown = f".{ext}" if ext else "zonder extensie"
        raise InputError(f"Bestand '{name}' heeft een niet-toegestaan type ({shown}). Toegestaan: {kinds}.")
    if size <= 0:
        raise InputError(f"Bestand '{name}' is leeg.")
    if size > max_mb * 1024 * 1024:
        raise InputError(
            f"Bestand '{name}' is te groot ({size / 1024 / 1024:.1f} MB); de grens is {max_mb} MB.",
        )
    return safe


def upload_dir(settings: Settings, area: str) -> Path:
    if area not in UPLOAD_AREAS:
        raise ValueError(f"unknown upload area {area!r}")
    return (settings.data_dir / "uploads" / area).resolve()


def save_upload(settings: Settings, area: str, name: str, data: bytes, *, allowed: tuple[str, ...]) -> Path:
    """Validate and write one upload under the data directory; an existing file of the same name is replaced."""
    safe = validate_upload(name, len(data), allowed=allowed, max_mb=settings.upload_max_mb)
    folder = upload_dir(settings, area)
    target = (folder / safe).resolve()
    if target.parent != folder:  # belt and braces: safe_filename already removed every separator
        raise InputError(f"Ongeldige bestandsnaam: '{name}'.")
    folder.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.part")
    partial.write_bytes(data)
    partial.replace(target)
    return target


def uploaded_corpus_files(settings: Settings) -> list[Path]:
    folder = upload_dir(settings, "corpus")
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))
