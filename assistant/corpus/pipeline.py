"""Corpus pipeline entry point: one source file in, documents + chunks + motion records out.

CONTRACT (used by ``assistant.index``): ``process_file(path, settings) -> FileResult``. Raises
``assistant.errors.InputError`` with a Dutch reason for an unreadable/empty/encrypted/corrupt file.

Steps: load (``loaders``) → split into documents with metadata (``structure``) → drop duplicate documents
(``dedup``) → mark noise lines (``noise``) → headings per document (``sections``) → chunks that are exact line
spans (``chunking``) → motion records from notulen and verantwoordingen (``motion_records``).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from assistant.config import Settings, relative_to_repo
from assistant.corpus import chunking, dedup, noise, sections
from assistant.corpus.loaders import LoadedSource, load_source
from assistant.corpus.model import Chunk, Document, MotionRecord, Section
from assistant.corpus.motion_records import extract_motion_records
from assistant.corpus.structure import DocumentDraft, PackageStructure, split_package

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
    path = Path(path)
    source = load_source(path)
    rel = relative_to_repo(path, settings)
    result = FileResult(source_path=rel, sha256=file_sha256(path), warnings=list(source.warnings))
    texts = source.texts
    structure = split_package(texts)
    drafts = structure.documents
    duplicates = dedup.find_duplicates(["\n".join(texts[d.start:d.end + 1]) for d in drafts],
                                       [d.doc_type for d in drafts])
    noise_lines = noise.find_noise(texts, drafts)
    doc_ids = [f"{path.name}#D{number:02d}" for number in range(1, len(drafts) + 1)]
    style_levels = {i: line.heading_level for i, line in enumerate(source.lines) if line.heading_level}
    for number, draft in enumerate(drafts):
        document = _document(source, rel, structure, draft, doc_ids[number])
        result.documents.append(document)
        if number in duplicates:
            document.duplicate_of = doc_ids[duplicates[number]]
            continue
        headings, paths = sections.heading_paths(texts, draft.start, draft.end, draft.title_lines, noise_lines,
                                                 style_levels)
        document.sections = [_section(source, h.index, paths[h.index], _section_end(headings, h, draft))
                             for h in headings]
        result.chunks.extend(_chunks(source, rel, result.sha256, document, draft, noise_lines, headings, paths))
    result.motion_records = extract_motion_records(texts, structure, rel, excluded=set(duplicates))
    return result


def _document(source: LoadedSource, rel: str, structure: PackageStructure, draft: DocumentDraft,
              doc_id: str) -> Document:
    first = source.lines[draft.start]
    is_text = source.kind == "text"
    return Document(
        doc_id=doc_id, source_path=rel, title=draft.title, doc_type=draft.doc_type, date=draft.date,
        meeting_date=structure.meeting.date, meeting_kind=structure.meeting.kind, agenda_item=draft.agenda_item,
        kenmerk=draft.kenmerk, lbr=draft.lbr,
        line_start=first.line_no if is_text else None,
        line_end=source.lines[draft.end].line_no if is_text else None,
        page=first.page, paragraph=first.paragraph,
    )


def _section_end(headings: list[sections.Heading], heading: sections.Heading, draft: DocumentDraft) -> int:
    later = [h.index for h in headings if h.index > heading.index]
    return (later[0] - 1) if later else draft.end


def _section(source: LoadedSource, start: int, path: list[str], end: int) -> Section:
    first, last = source.lines[start], source.lines[end]
    is_text = source.kind == "text"
    return Section(heading_path=path, line_start=first.line_no if is_text else None,
                   line_end=last.line_no if is_text else None, page=first.page, paragraph=first.paragraph)


def _chunks(source: LoadedSource, rel: str, sha: str, document: Document, draft: DocumentDraft,
            noise_lines: dict[int, str], headings: list[sections.Heading], paths: dict[int, list[str]]) -> list[Chunk]:
    texts = source.texts
    heading_lines = {h.index for h in headings} | draft.title_lines
    paras = chunking.paragraphs(texts, draft.start, draft.end, noise_lines, heading_lines)
    heading_starts = sorted(paths)
    chunks = []
    for span in chunking.pack(texts, paras):
        text = "\n".join(texts[span.start:span.end + 1])
        path = _path_at(heading_starts, paths, span.start)
        first, last = source.lines[span.start], source.lines[span.end]
        is_text = source.kind == "text"
        key = f"{rel}:{first.line_no}-{last.line_no}:{first.page}:{first.paragraph}:{text}"
        chunks.append(Chunk(
            chunk_id=hashlib.sha1(key.encode("utf-8")).hexdigest()[:16], text=text,
            embed_text=chunking.embed_text(document.title, path, text), source_path=rel, source_sha256=sha,
            doc_id=document.doc_id, doc_title=document.title, doc_type=document.doc_type,
            section=" > ".join(path), date=document.date, meeting=document.meeting,
            meeting_date=document.meeting_date, meeting_kind=document.meeting_kind,
            agenda_item=document.agenda_item, line_start=first.line_no if is_text else None,
            line_end=last.line_no if is_text else None, page=first.page, paragraph=first.paragraph,
        ))
    return chunks


def _path_at(heading_starts: list[int], paths: dict[int, list[str]], index: int) -> list[str]:
    """Heading path in force at line ``index``: that of the last heading at or before it."""
    current: list[str] = []
    for start in heading_starts:
        if start > index:
            break
        current = paths[start]
    return current
