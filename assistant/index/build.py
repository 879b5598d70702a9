"""Incremental ingest: corpus files → a new index generation (chunks, BM25, Chroma), switched in atomically.

    ingest(settings, corpus_dir=None, progress=None, bm25_only=False, rebuild=False) -> IngestReport
    check_stale(settings, corpus_dir=None, bm25_only=False) -> Staleness

Both read ``corpus_dir`` (default ``settings.corpus_dir``) plus the extra source folders of
``settings.resolved_extra_corpus_dirs`` (by default the app's uploads, ``<data_dir>/uploads/corpus``), each file
under its own real path, so an uploaded document stays in the index at the next ``ingest --if-stale``.

Unchanged files (manifest: size+mtime, else sha256) are not read: their chunks, documents and motion records are
carried over from the live generation. Vectors come from the embedding cache whenever the text was embedded
before, so only new text is embedded. Both indexes are always rebuilt from the same chunk set. Files are read
again from scratch when the pipeline code or the embedder changed, or with ``rebuild=True``.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from assistant.config import Settings
from assistant.corpus.model import Chunk, Document, MotionRecord
from assistant.errors import InputError, UserFacingError
from assistant.index import generations as gens
from assistant.index import records
from assistant.index.embeddings import NO_EMBEDDER, EmbedderSpec, EmbedderUnavailable, embedder_id
from assistant.index.manifest import (CorpusFile, FileEntry, Manifest, compare, file_sha256, pipeline_fingerprint,
                                      scan_corpus)

Progress = Callable[[str, int, int], None]  # (stage, done, total); stages: lezen, embedden, bm25, chroma
CACHE_SAVE_INTERVAL_S = 30.0  # a long cold embed saves its vectors now and then, so a kill loses little


@dataclass
class IngestReport:
    documents: int = 0
    sections: int = 0
    chunks: int = 0
    motion_records: int = 0
    files: dict = field(default_factory=lambda: {"total": 0, "read": 0, "unchanged": 0, "removed": 0,
                                                 "skipped": 0})
    embedded: int = 0
    from_cache: int = 0
    skipped: list[dict] = field(default_factory=list)  # [{"file", "reason"}]
    seconds: float = 0.0
    generation: str | None = None
    embedder: str = NO_EMBEDDER
    dense: bool = False
    changed: bool = False  # a new generation was built
    warnings: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return 1 if self.skipped else 0

    def to_json(self) -> dict:
        return {"documents": self.documents, "sections": self.sections, "chunks": self.chunks,
                "motion_records": self.motion_records, "files": dict(self.files), "embedded": self.embedded,
                "from_cache": self.from_cache, "skipped": list(self.skipped), "seconds": round(self.seconds, 3),
                "generation": self.generation, "embedder": self.embedder, "dense": self.dense,
                "changed": self.changed, "warnings": list(self.warnings)}


@dataclass
class Staleness:
    stale: bool
    reason: str  # Dutch
    generation: str | None = None
    meta: dict | None = None


@dataclass
class _Previous:
    generation: str
    meta: dict
    manifest: Manifest

    def load_by_file(self, settings: Settings):
        directory = gens.generation_dir(settings, self.generation)
        chunks: dict[str, list[Chunk]] = {}
        for chunk in records.read_chunks(directory):
            chunks.setdefault(chunk.source_path, []).append(chunk)
        return chunks, records.read_documents(directory), records.read_motions(directory)


@dataclass
class _FileSet:
    """Everything of the new generation, grouped by source file (sorted on path when flattened)."""

    chunks: dict[str, list[Chunk]] = field(default_factory=dict)
    documents: dict[str, list[Document]] = field(default_factory=dict)
    motions: dict[str, list[MotionRecord]] = field(default_factory=dict)

    def flat_chunks(self) -> list[Chunk]:
        return [chunk for path in sorted(self.chunks) for chunk in self.chunks[path]]


def _resolve_corpus(settings: Settings, corpus_dir: Path | str | None) -> Path:
    directory = Path(corpus_dir) if corpus_dir is not None else Path(settings.corpus_dir)
    if not directory.is_dir():
        raise InputError(f"De corpusmap {directory} bestaat niet of is geen map.")
    return directory.resolve()


def _extra_dirs(settings: Settings, main: Path) -> tuple[list[Path], list[str]]:
    """The extra source folders that exist (not the main folder or one inside it, each once), and a Dutch warning
    for each configured folder that does not exist."""
    found: list[Path] = []
    warnings: list[str] = []
    for configured in settings.resolved_extra_corpus_dirs:
        folder = Path(configured).resolve()
        if not folder.is_dir():
            warnings.append(f"extra bronmap {folder} bestaat niet of is geen map; overgeslagen")
        elif not folder.is_relative_to(main) and folder not in found:
            found.append(folder)
    return found, warnings


def _scan_all(settings: Settings, directories: list[Path]) -> tuple[list[CorpusFile], list[tuple[str, str]]]:
    """The files of every source folder, each file once (a folder may lie inside another)."""
    files: dict[str, CorpusFile] = {}
    unsupported: dict[str, str] = {}
    for directory in directories:
        found, bad = scan_corpus(directory, settings, _supported_suffixes())
        for corpus_file in found:
            files.setdefault(corpus_file.source_path, corpus_file)
        for path, reason in bad:
            unsupported.setdefault(path, reason)
    return [files[path] for path in sorted(files)], sorted(unsupported.items())


def _supported_suffixes() -> set[str]:
    from assistant.corpus import pipeline

    return set(getattr(pipeline, "SUPPORTED_SUFFIXES", {".txt", ".md", ".pdf", ".docx"}))


def _target_embedder(settings: Settings, bm25_only: bool) -> tuple[EmbedderSpec, str]:
    spec = EmbedderSpec.from_settings(settings)
    if bm25_only or not spec.enabled:
        return spec, NO_EMBEDDER
    return spec, embedder_id(spec)


def _load_previous(settings: Settings) -> _Previous | None:
    generation = gens.current_generation(settings)
    if generation is None:
        return None
    meta = gens.read_meta(settings, generation)
    if meta is None:
        return None
    try:
        manifest = Manifest.from_dict(gens.read_json(gens.generation_dir(settings, generation) / gens.MANIFEST_FILE))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return _Previous(generation, meta, manifest)


def _needs_full_read(previous: _Previous | None, target_id: str, rebuild: bool) -> bool:
    if rebuild or previous is None or previous.manifest.pipeline != pipeline_fingerprint():
        return True
    # A new (or first) dense model: rebuild everything rather than mix; dropping to BM25-only needs no re-read.
    return target_id != NO_EMBEDDER and previous.manifest.embedder != target_id


def check_stale(settings: Settings, corpus_dir: Path | str | None = None, bm25_only: bool = False) -> Staleness:
    """Cheap check (no model, no Chroma): does the live index match the corpus, the pipeline and the embedder?"""
    directory = _resolve_corpus(settings, corpus_dir)
    extras, _ = _extra_dirs(settings, directory)
    previous = _load_previous(settings)
    if previous is None:
        return Staleness(True, "er is nog geen (volledige) index")
    spec, target_id = _target_embedder(settings, bm25_only)
    if previous.manifest.pipeline != pipeline_fingerprint():
        return Staleness(True, "de verwerkingscode van het corpus is gewijzigd", previous.generation, previous.meta)
    if target_id != NO_EMBEDDER and previous.manifest.embedder != target_id:
        return Staleness(True, f"de embedder is gewijzigd ({previous.manifest.embedder} → {target_id})",
                         previous.generation, previous.meta)
    files, _ = _scan_all(settings, [directory, *extras])
    changes = compare(files, previous.manifest)
    if changes.changed or changes.removed:
        return Staleness(True, f"{len(changes.changed)} nieuw(e) of gewijzigde en {len(changes.removed)} "
                               "verwijderde bestand(en)", previous.generation, previous.meta)
    return Staleness(False, "de index is actueel", previous.generation, previous.meta)


def _propose_unknown_meetings(result, settings: Settings, report: IngestReport) -> None:
    """A newly read package for a meeting the registry does not know leaves a registry proposal for review."""
    import datetime as dt

    from assistant.rules.meetings import propose_from_ingest

    dates = {doc.meeting_date for doc in result.documents if doc.meeting_date}
    text = "\n".join(chunk.text for chunk in result.chunks)
    for meeting_date in sorted(dates):
        path = propose_from_ingest(dt.date.fromisoformat(meeting_date), text, settings)
        if path is not None:
            report.warnings.append(
                f"{result.source_path}: vergadering van {meeting_date} staat niet in het vergaderregister; een "
                f"voorstel staat in {path}. Controleer het en neem het over met 'motie meeting accept {meeting_date}'.")


def _read_files(to_read: list[CorpusFile], settings: Settings, progress: Progress | None,
                fileset: _FileSet, report: IngestReport) -> dict[str, FileEntry]:
    from assistant.corpus.pipeline import process_file

    entries: dict[str, FileEntry] = {}
    for done, corpus_file in enumerate(to_read, start=1):
        try:
            result = process_file(corpus_file.path, settings)
        except UserFacingError as error:
            reason = error.message
        except Exception as error:  # one bad file must not stop the others
            reason = f"onverwachte fout bij het lezen ({type(error).__name__}: {error})"
        else:
            reason = None
            fileset.chunks[corpus_file.source_path] = result.chunks
            fileset.documents[corpus_file.source_path] = result.documents
            fileset.motions[corpus_file.source_path] = result.motion_records
            report.warnings.extend(f"{corpus_file.source_path}: {warning}" for warning in result.warnings)
            _propose_unknown_meetings(result, settings, report)
            sha = result.sha256
        if reason is not None:
            report.skipped.append({"file": corpus_file.source_path, "reason": reason})
            sha = _safe_sha(corpus_file.path)
        entries[corpus_file.source_path] = FileEntry(
            sha256=sha, size=corpus_file.size, mtime_ns=corpus_file.mtime_ns,
            status="indexed" if reason is None else "skipped", reason=reason,
            chunks=len(fileset.chunks.get(corpus_file.source_path, [])))
        if progress:
            progress("lezen", done, len(to_read))
    return entries


def _safe_sha(path: Path) -> str:
    try:
        return file_sha256(path)
    except OSError:
        return ""


def _carry_over(unchanged: list[CorpusFile], previous: _Previous, settings: Settings, hashes: dict[str, str],
                fileset: _FileSet, report: IngestReport) -> dict[str, FileEntry]:
    """Take unchanged files from the previous generation without reading them."""
    entries: dict[str, FileEntry] = {}
    if not unchanged:
        return entries
    chunks, documents, motions = previous.load_by_file(settings)
    for corpus_file in unchanged:
        path = corpus_file.source_path
        old = previous.manifest.files[path]
        entries[path] = FileEntry(sha256=hashes.get(path, old.sha256), size=corpus_file.size,
                                  mtime_ns=corpus_file.mtime_ns, status=old.status, reason=old.reason,
                                  chunks=old.chunks)
        if old.status == "skipped":
            report.skipped.append({"file": path, "reason": old.reason or "eerder overgeslagen"})
            continue
        fileset.chunks[path] = chunks.get(path, [])
        fileset.documents[path] = documents.get(path, [])
        fileset.motions[path] = motions.get(path, [])
    return entries


def _dedupe(chunks: list[Chunk], report: IngestReport) -> list[Chunk]:
    seen: set[str] = set()
    unique = []
    for chunk in chunks:
        if chunk.chunk_id in seen:
            report.warnings.append(f"dubbele chunk-id {chunk.chunk_id} in {chunk.source_path} overgeslagen")
            continue
        seen.add(chunk.chunk_id)
        unique.append(chunk)
    return unique


def _bundled_keys(chunks: list[Chunk], settings: Settings, corpus_dir: Path, keys: list[str]) -> list[str] | None:
    """Cache keys that belong in the committed cache: chunks of the bundled corpus, and only when this build
    covers the bundled corpus folder (otherwise the committed cache is left alone)."""
    bundled_dir = (Path(settings.repo_root) / "corpus").resolve()
    if corpus_dir != bundled_dir:
        return None
    prefix = bundled_dir.as_posix().rstrip("/") + "/"
    chosen = []
    for chunk, key in zip(chunks, keys):
        absolute = (Path(settings.repo_root) / chunk.source_path).resolve().as_posix()
        if absolute.startswith(prefix):
            chosen.append(key)
    return chosen


def _embed(chunks: list[Chunk], embedder, settings: Settings, corpus_dir: Path, progress: Progress | None,
           report: IngestReport):
    """Vectors for all chunks (cache first, then the model), in chunk order; saves the caches."""
    import numpy as np

    from assistant.index.cache import EmbeddingCache, quantize, text_key

    cache = EmbeddingCache(embedder.model_id, embedder.dimension, Path(settings.embedding_cache_dir),
                           Path(settings.data_dir) / "embedding-cache", report.warnings.append)
    keys = [text_key(chunk.embed_text) for chunk in chunks]
    vectors = _vector_buffer(settings, len(chunks), embedder.dimension)
    missing: dict[str, list[int]] = {}
    for row, key in enumerate(keys):
        cached = cache.get(key)
        if cached is None:
            missing.setdefault(key, []).append(row)
        else:
            vectors[row] = quantize(cached)
    report.from_cache = len(chunks) - sum(len(rows) for rows in missing.values())
    bundled = _bundled_keys(chunks, settings, corpus_dir, keys)
    todo = list(missing)
    batch = max(1, int(settings.embed_batch_size))
    last_save = time.monotonic()
    if progress and todo:
        progress("embedden", 0, len(todo))
    for start in range(0, len(todo), batch):
        part = todo[start:start + batch]
        texts = [chunks[missing[key][0]].embed_text for key in part]
        fresh = embedder.embed_passages(texts)
        for key, vector in zip(part, fresh):
            cache.put(key, vector)  # stored as float16
            vectors[missing[key]] = quantize(vector)  # exactly what a later cache hit yields
        report.embedded += sum(len(missing[key]) for key in part)
        if progress:
            progress("embedden", min(start + batch, len(todo)), len(todo))
        if time.monotonic() - last_save > CACHE_SAVE_INTERVAL_S:
            cache.save(None)
            last_save = time.monotonic()
    cache.save(bundled)
    return vectors


def _vector_buffer(settings: Settings, rows: int, dimension: int):
    """All vectors of a build in a file-backed float32 matrix (``numpy.memmap``), filled batch by batch and read
    slice by slice by the Chroma writer: the operating system keeps only the pages in use in memory, so a corpus far
    larger than the bundled one ingests with bounded RSS. The file is unlinked at once (the mapping stays valid),
    so even a killed ingest leaves nothing behind."""
    import os

    import numpy as np

    if rows == 0:
        return np.zeros((0, dimension), dtype=np.float32)
    folder = Path(settings.data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f".vectors-{os.getpid()}.npy"
    vectors = np.lib.format.open_memmap(path, mode="w+", dtype=np.float32, shape=(rows, dimension))
    path.unlink()
    return vectors


def _write_generation(settings: Settings, generation: str, fileset: _FileSet, chunks: list[Chunk], vectors,
                      embedder, manifest: Manifest, progress: Progress | None, report: IngestReport) -> None:
    from assistant.index.bm25 import BM25Index

    directory = gens.generation_dir(settings, generation)
    directory.mkdir(parents=True, exist_ok=False)
    records.write_chunks(directory, chunks)
    records.write_by_file(directory, records.DOCUMENTS_FILE, fileset.documents)
    records.write_by_file(directory, records.MOTIONS_FILE, fileset.motions)
    if progress:
        progress("bm25", 0, 1)
    BM25Index.build([chunk.embed_text for chunk in chunks]).save(directory)
    if progress:
        progress("bm25", 1, 1)
    collection = None
    if embedder is not None:
        collection = _write_chroma(settings, directory, generation, chunks, vectors, embedder, progress)
    gens.write_json(directory / gens.MANIFEST_FILE, manifest.to_dict())
    meta = {"layout": gens.LAYOUT_VERSION, "complete": True, "generation": generation,
            "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "embedder": report.embedder,
            "embedder_spec": embedder.spec.to_dict() if embedder is not None else None,
            "dimension": embedder.dimension if embedder is not None else None, "dense": embedder is not None,
            "chroma_mode": settings.chroma_mode, "collection": collection, "pipeline": manifest.pipeline,
            "corpus_dir": manifest.corpus_dir,
            "counts": {"documents": report.documents, "sections": report.sections, "chunks": report.chunks,
                       "motion_records": report.motion_records}}
    gens.write_json(directory / gens.META_FILE, meta)  # last: marks the generation complete


def _write_chroma(settings, directory, generation, chunks, vectors, embedder, progress) -> str:
    from assistant.index.chroma_store import ChromaStore

    store = ChromaStore(settings, directory, generation).create(embedder.dimension, embedder.model_id)
    total = len(chunks)
    store.add([chunk.chunk_id for chunk in chunks], vectors, [chunk.chroma_metadata() for chunk in chunks],
              [chunk.text for chunk in chunks], progress=(lambda done: progress("chroma", done, total))
              if progress else None)
    return store.name


def _count(report: IngestReport, fileset: _FileSet, chunks: list[Chunk]) -> None:
    documents = [document for items in fileset.documents.values() for document in items]
    report.documents = len(documents)
    report.sections = sum(len(document.sections) for document in documents)
    report.chunks = len(chunks)
    report.motion_records = sum(len(items) for items in fileset.motions.values())


def _report_from_meta(report: IngestReport, meta: dict) -> None:
    counts = meta.get("counts", {})
    for key in ("documents", "sections", "chunks", "motion_records"):
        setattr(report, key, int(counts.get(key, 0)))
    report.generation = meta.get("generation")
    report.embedder = meta.get("embedder", NO_EMBEDDER)
    report.dense = bool(meta.get("dense"))


def _refresh_mtimes(settings: Settings, previous: _Previous, unchanged: list[CorpusFile]) -> None:
    """Same content, new mtime (a touch, a fresh checkout): record the new mtime so the shortcut works again."""
    moved = [f for f in unchanged if previous.manifest.files[f.source_path].mtime_ns != f.mtime_ns
             or previous.manifest.files[f.source_path].size != f.size]
    if not moved:
        return
    for corpus_file in moved:
        entry = previous.manifest.files[corpus_file.source_path]
        entry.mtime_ns, entry.size = corpus_file.mtime_ns, corpus_file.size
    path = gens.generation_dir(settings, previous.generation) / gens.MANIFEST_FILE
    tmp = path.with_name(".manifest.json.tmp")
    gens.write_json(tmp, previous.manifest.to_dict())
    tmp.replace(path)


def ingest(settings: Settings, corpus_dir: Path | str | None = None, progress: Progress | None = None,
           bm25_only: bool = False, rebuild: bool = False) -> IngestReport:
    """Bring the index up to date with ``corpus_dir`` (default: ``settings.corpus_dir``) and the extra source
    folders (``settings.resolved_extra_corpus_dirs``).

    Raises ``UserFacingError`` (exit 2) when nothing could be indexed or the embedder cannot load (unless
    ``bm25_only``); files that cannot be read are listed in ``report.skipped`` (exit 1) and the rest is indexed.
    """
    started = time.monotonic()
    directory = _resolve_corpus(settings, corpus_dir)
    report = IngestReport()
    with gens.ingest_lock(settings):
        _ingest_locked(settings, directory, progress, bm25_only, rebuild, report)
    report.seconds = time.monotonic() - started
    return report


def _ingest_locked(settings: Settings, directory: Path, progress: Progress | None, bm25_only: bool, rebuild: bool,
                   report: IngestReport) -> None:
    previous = _load_previous(settings)
    spec, target_id = _target_embedder(settings, bm25_only)
    full = _needs_full_read(previous, target_id, rebuild)
    extras, missing = _extra_dirs(settings, directory)
    report.warnings.extend(missing)
    files, unsupported = _scan_all(settings, [directory, *extras])
    changes = compare(files, None if full else previous.manifest)
    _count_files(report, files, unsupported, changes, previous, full)
    if not full and not changes.changed and not changes.removed:
        _keep_current(settings, previous, changes, unsupported, report)
        return
    embedder = _load_embedder_or_stop(spec) if target_id != NO_EMBEDDER else None
    report.embedder = embedder.model_id if embedder is not None else NO_EMBEDDER
    report.dense = embedder is not None
    fileset = _FileSet()
    entries = _carry_over(changes.unchanged, previous, settings, changes.hashes, fileset, report)
    entries.update(_read_files(changes.changed, settings, progress, fileset, report))
    _finish_skipped(report, unsupported)
    chunks = _chunks_or_stop(fileset, directory, report)
    vectors = _embed(chunks, embedder, settings, directory, progress, report) if embedder is not None else None
    manifest = Manifest(embedder=report.embedder, pipeline=pipeline_fingerprint(), corpus_dir=directory.as_posix(),
                        files=entries, dimension=embedder.dimension if embedder is not None else None)
    generation = gens.new_generation_id()
    _write_generation(settings, generation, fileset, chunks, vectors, embedder, manifest, progress, report)
    gens.switch_current(settings, generation)  # the only moment readers see a change
    gens.prune(settings, keep=[generation] + ([previous.generation] if previous else []))
    report.generation = generation
    report.changed = True


def _count_files(report: IngestReport, files: list[CorpusFile], unsupported: list, changes, previous, full: bool
                 ) -> None:
    removed = changes.removed
    if full and previous is not None:  # a full read compares with nothing, but removals are still news
        removed = sorted(set(previous.manifest.files) - {f.source_path for f in files})
    report.files.update(total=len(files) + len(unsupported), read=len(changes.changed),
                        unchanged=len(changes.unchanged), removed=len(removed))


def _keep_current(settings: Settings, previous: _Previous, changes, unsupported: list, report: IngestReport) -> None:
    """Nothing changed: report the live generation as it is (files that failed before are still reported)."""
    _report_from_meta(report, previous.meta)
    _refresh_mtimes(settings, previous, changes.unchanged)
    entries = previous.manifest.files
    report.skipped = [{"file": f.source_path, "reason": entries[f.source_path].reason or ""}
                      for f in changes.unchanged if entries[f.source_path].status == "skipped"]
    _finish_skipped(report, unsupported)


def _chunks_or_stop(fileset: _FileSet, directory: Path, report: IngestReport) -> list[Chunk]:
    chunks = _dedupe(fileset.flat_chunks(), report)
    if not chunks:
        reasons = "; ".join(f"{item['file']}: {item['reason']}" for item in report.skipped) or "geen bestanden"
        raise InputError(f"Er is niets te indexeren in {directory} ({reasons}). De bestaande index blijft staan.")
    _count(report, fileset, chunks)
    return chunks


def _finish_skipped(report: IngestReport, unsupported: list[tuple[str, str]]) -> None:
    report.skipped.extend({"file": path, "reason": reason} for path, reason in unsupported)
    report.files["skipped"] = len(report.skipped)


def _load_embedder_or_stop(spec: EmbedderSpec):
    from assistant.index.embeddings import load_embedder

    try:
        return load_embedder(spec)
    except EmbedderUnavailable as error:
        raise UserFacingError(f"{error.message} De index is niet bijgewerkt.",
                              hint="los dit op, of bouw alleen de trefwoordindex met: python ingest.py --bm25-only"
                              ) from error
