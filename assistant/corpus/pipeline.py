"""Corpus pipeline entry point: one source file in, documents + chunks + motion records out.

CONTRACT (used by ``assistant.index``): ``process_file(path, settings) -> FileResult``. Raises
``assistant.errors.InputError`` with a Dutch reason for an unreadable/empty/encrypted/corrupt file.

NOTE: this is a temporary naive implementation (fixed-size line windows, one document per file) so that the index
can be built while the structure-aware version is written. It is replaced by the corpus-structure work.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from assistant.config import Settings, relative_to_repo
from assistant.corpus.model import Chunk, Document, MotionRecord
from assistant.errors import InputError

SUPPORTED_SUFFIXES = {".txt", ".md", ".pdf", ".docx"}


@dataclass
class FileResult:
    source_path: str
    sha256: str
    documents: list[Document] = field(default_factory=list)
    chunks: list[Chunk] = field(default_factory=list)
    motion_records: list[MotionRecord] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # Dutch, e.g. "pagina 3 bevat geen tekst (scan?)"


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def process_file(path: Path, settings: Settings) -> FileResult:
    rel = relative_to_repo(path, settings)
    sha = file_sha256(path)
    if path.suffix.lower() not in {".txt", ".md"}:
        raise InputError(f"{path.name}: bestandstype nog niet ondersteund")
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except UnicodeDecodeError as error:
        raise InputError(f"{path.name}: geen UTF-8-tekst ({error.reason})") from error
    doc = Document(doc_id=f"{path.name}#D1", source_path=rel, title=path.stem, doc_type="onbekend",
                   line_start=1, line_end=len(lines))
    chunks = []
    for start in range(0, len(lines), 20):
        window = lines[start:start + 20]
        text = "\n".join(window)
        if not text.strip():
            continue
        chunk_id = hashlib.sha1(f"{rel}:{start + 1}:{text}".encode()).hexdigest()[:16]
        chunks.append(Chunk(chunk_id=chunk_id, text=text, embed_text=text, source_path=rel, source_sha256=sha,
                            doc_id=doc.doc_id, doc_title=doc.title, doc_type=doc.doc_type, section="",
                            line_start=start + 1, line_end=start + len(window)))
    return FileResult(source_path=rel, sha256=sha, documents=[doc], chunks=chunks)
