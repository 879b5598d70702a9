"""Reading and writing a generation's chunks, documents and motion records (JSON, one format per file)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from assistant.corpus.model import Chunk, Document, MotionRecord, Section

CHUNKS_FILE = "chunks.jsonl"
DOCUMENTS_FILE = "documents.json"
MOTIONS_FILE = "motions.json"


def _known_fields(cls, data: dict) -> dict:
    """Only the fields the dataclass has, so an index written by a slightly different model still loads."""
    names = {f.name for f in dataclasses.fields(cls)}
    return {key: value for key, value in data.items() if key in names}


def chunk_from_dict(data: dict) -> Chunk:
    return Chunk(**_known_fields(Chunk, data))


def document_from_dict(data: dict) -> Document:
    fields = _known_fields(Document, data)
    fields["sections"] = [Section(**_known_fields(Section, s)) for s in fields.get("sections", [])]
    return Document(**fields)


def motion_from_dict(data: dict) -> MotionRecord:
    return MotionRecord(**_known_fields(MotionRecord, data))


def write_chunks(directory: Path, chunks: list[Chunk]) -> None:
    with open(directory / CHUNKS_FILE, "w", encoding="utf-8") as handle:
        for chunk in chunks:
            handle.write(json.dumps(chunk.to_dict(), ensure_ascii=False))
            handle.write("\n")


def read_chunks(directory: Path) -> list[Chunk]:
    with open(directory / CHUNKS_FILE, encoding="utf-8") as handle:
        return [chunk_from_dict(json.loads(line)) for line in handle if line.strip()]


def write_by_file(directory: Path, name: str, by_file: dict[str, list]) -> None:
    """Documents or motion records grouped by source file, so unchanged files can be carried over as a whole."""
    payload = {path: [dataclasses.asdict(item) for item in by_file[path]] for path in sorted(by_file)}
    (directory / name).write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")


def read_documents(directory: Path) -> dict[str, list[Document]]:
    payload = json.loads((directory / DOCUMENTS_FILE).read_text(encoding="utf-8"))
    return {path: [document_from_dict(item) for item in items] for path, items in payload.items()}


def read_motions(directory: Path) -> dict[str, list[MotionRecord]]:
    payload = json.loads((directory / MOTIONS_FILE).read_text(encoding="utf-8"))
    return {path: [motion_from_dict(item) for item in items] for path, items in payload.items()}
