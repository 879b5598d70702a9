"""Which corpus files an index generation was built from, and whether the corpus has changed since.

Per file: sha256, size and mtime (ns). Size and mtime equal to the manifest → unchanged without reading the file
(the shortcut that keeps a no-change ingest fast); otherwise the sha256 decides. The manifest also records the
embedder id and the pipeline fingerprint (a hash of the ``assistant/corpus`` code): when either changes every file is
processed again, so chunks from an old pipeline or vectors from another model never mix with new ones.

Light on purpose (no numpy, no Chroma, no model): ``ingest --if-stale`` runs only this.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

from assistant.config import Settings, relative_to_repo

MANIFEST_FORMAT = 1
IGNORED_NAMES = {"readme.md"}  # the corpus folder's own README documents the folder, it is not a source


@dataclass
class CorpusFile:
    path: Path
    source_path: str  # as in Chunk.source_path: relative to the repository root when inside it
    size: int
    mtime_ns: int


@dataclass
class FileEntry:
    sha256: str
    size: int
    mtime_ns: int
    status: str  # "indexed" | "skipped"
    reason: str | None = None
    chunks: int = 0


@dataclass
class Manifest:
    embedder: str
    pipeline: str
    corpus_dir: str
    files: dict[str, FileEntry] = field(default_factory=dict)
    dimension: int | None = None

    def to_dict(self) -> dict:
        return {"format": MANIFEST_FORMAT, "embedder": self.embedder, "dimension": self.dimension,
                "pipeline": self.pipeline, "corpus_dir": self.corpus_dir,
                "files": {path: asdict(entry) for path, entry in sorted(self.files.items())}}

    @classmethod
    def from_dict(cls, data: dict) -> "Manifest":
        if data.get("format") != MANIFEST_FORMAT:
            raise ValueError("onbekend manifestformaat")
        files = {path: FileEntry(**entry) for path, entry in data.get("files", {}).items()}
        return cls(embedder=data["embedder"], pipeline=data["pipeline"], corpus_dir=data["corpus_dir"],
                   files=files, dimension=data.get("dimension"))


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@lru_cache(maxsize=1)
def pipeline_fingerprint() -> str:
    """Hash of the corpus pipeline's code and data: a change in chunking means every file is processed again."""
    digest = hashlib.sha256()
    root = Path(__file__).resolve().parent.parent / "corpus"
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix not in (".pyc", ".pyo"):
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _is_hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def scan_corpus(corpus_dir: Path, settings: Settings, suffixes: set[str]
                ) -> tuple[list[CorpusFile], list[tuple[str, str]]]:
    """Candidate files (sorted) and unsupported files with a Dutch reason. Dot-files/folders and the
    corpus README are ignored silently."""
    files, unsupported = [], []
    for root, dirs, names in os.walk(corpus_dir):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            path = Path(root) / name
            relative = path.relative_to(corpus_dir)
            if _is_hidden(relative) or (relative.parent == Path(".") and name.lower() in IGNORED_NAMES):
                continue
            source_path = relative_to_repo(path, settings)
            if path.suffix.lower() not in suffixes:
                shown = path.suffix.lower() or "zonder extensie"
                unsupported.append((source_path, f"bestandstype {shown} wordt niet ondersteund "
                                                 f"(wel: {', '.join(sorted(suffixes))})"))
                continue
            stat = path.stat()
            files.append(CorpusFile(path, source_path, stat.st_size, stat.st_mtime_ns))
    return files, unsupported


@dataclass
class FileChanges:
    unchanged: list[CorpusFile] = field(default_factory=list)
    changed: list[CorpusFile] = field(default_factory=list)  # new or modified: to be read
    removed: list[str] = field(default_factory=list)
    hashes: dict[str, str] = field(default_factory=dict)  # source_path -> sha256, when computed


def compare(files: list[CorpusFile], previous: Manifest | None) -> FileChanges:
    """Split the scanned files by what happened since ``previous``; hashes only files whose size/mtime moved."""
    changes = FileChanges()
    known = previous.files if previous else {}
    for corpus_file in files:
        entry = known.get(corpus_file.source_path)
        if entry is None:
            changes.changed.append(corpus_file)
            continue
        if entry.size == corpus_file.size and entry.mtime_ns == corpus_file.mtime_ns:
            changes.unchanged.append(corpus_file)
            changes.hashes[corpus_file.source_path] = entry.sha256
            continue
        sha = file_sha256(corpus_file.path)
        changes.hashes[corpus_file.source_path] = sha
        (changes.unchanged if sha == entry.sha256 else changes.changed).append(corpus_file)
    present = {corpus_file.source_path for corpus_file in files}
    changes.removed = sorted(path for path in known if path not in present)
    return changes
