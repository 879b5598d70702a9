"""Open the live index generation for search.

    reader = open_index(settings)
    reader.generation, reader.chunks, reader.documents, reader.motion_records
    reader.bm25_search(query, k, where=None)   -> list[SearchHit]   (a SearchHit unpacks as (chunk, score))
    reader.dense_search(query, k, where=None)  -> list[SearchHit]   (cosine similarity; [] when dense is off)
    reader.dense_available, reader.dense_problem, reader.embedder

Readers are cached per (index folder, generation) in the process: after an ingest switches CURRENT, the next
``open_index`` returns a reader for the new generation while holders of the old one keep working (the previous
generation is kept on disk). The dense side loads lazily, on first use, with the embedder recorded in the index
(never the one in the settings, so vectors are never mixed); if that fails the reader degrades to BM25 only and
says why in ``dense_problem``.
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from operator import itemgetter
from pathlib import Path

from assistant.config import Settings
from assistant.corpus.model import Chunk, Document, MotionRecord
from assistant.errors import IndexMissingError
from assistant.index import generations as gens
from assistant.index import records
from assistant.index.bm25 import BM25Index
from assistant.index.filters import compile_where, row_mask

_CACHE_SIZE = 8
_readers: "OrderedDict[tuple[str, str], IndexReader]" = OrderedDict()
_readers_lock = threading.Lock()


class SearchHit(tuple):
    """A ``(chunk, score)`` pair that also carries the index generation it came from."""

    def __new__(cls, chunk: Chunk, score: float, generation: str):
        hit = super().__new__(cls, (chunk, score))
        hit.generation = generation
        return hit

    chunk = property(itemgetter(0))
    score = property(itemgetter(1))

    def __repr__(self) -> str:
        return f"SearchHit({self.chunk.chunk_id!r}, {self.score:.4f}, {self.generation!r})"


class IndexReader:
    def __init__(self, settings: Settings, generation: str, meta: dict):
        self.settings = settings
        self.generation = generation
        self.meta = meta
        self.directory = gens.generation_dir(settings, generation)
        self.chunks: list[Chunk] = records.read_chunks(self.directory)
        self.documents_by_file: dict[str, list[Document]] = records.read_documents(self.directory)
        self.motions_by_file: dict[str, list[MotionRecord]] = records.read_motions(self.directory)
        self.documents: list[Document] = [d for items in self.documents_by_file.values() for d in items]
        self.motion_records: list[MotionRecord] = [m for items in self.motions_by_file.values() for m in items]
        self.chunk_by_id: dict[str, Chunk] = {chunk.chunk_id: chunk for chunk in self.chunks}
        self.bm25 = BM25Index.load(self.directory)
        self._metadatas = [chunk.chroma_metadata() for chunk in self.chunks]
        self._masks: OrderedDict[str, object] = OrderedDict()
        self._dense_lock = threading.Lock()
        self._dense_loaded = False
        self._embedder = None
        self._store = None
        self.dense_problem: str | None = None

    # -- metadata ---------------------------------------------------------------------------------------------
    @property
    def embedder_id(self) -> str:
        return self.meta.get("embedder", "none")

    def _hits(self, pairs) -> list[SearchHit]:
        return [SearchHit(chunk, score, self.generation) for chunk, score in pairs]

    # -- BM25 -------------------------------------------------------------------------------------------------
    def _mask(self, where: dict | None):
        if not where:
            return None
        key = json.dumps(where, sort_keys=True, default=str)
        mask = self._masks.get(key)
        if mask is None:
            mask = row_mask(where, self._metadatas)
            self._masks[key] = mask
            if len(self._masks) > 64:
                self._masks.popitem(last=False)
        return mask

    def bm25_search(self, query: str, k: int = 10, where: dict | None = None) -> list[SearchHit]:
        top = self.bm25.top(query, k, self._mask(where))
        return self._hits((self.chunks[row], score) for row, score in top)

    # -- dense ------------------------------------------------------------------------------------------------
    def _load_dense(self) -> None:
        with self._dense_lock:
            if self._dense_loaded:
                return
            try:
                self._embedder, self._store = self._open_dense()
            except Exception as error:  # any failure: degrade to BM25 only, visibly
                self.dense_problem = getattr(error, "message", None) or f"{type(error).__name__}: {error}"
                self._embedder, self._store = None, None
            self._dense_loaded = True

    def _open_dense(self):
        from assistant.index.chroma_store import ChromaStore
        from assistant.index.embeddings import EmbedderSpec, EmbedderUnavailable, load_embedder

        if not self.meta.get("dense"):
            raise EmbedderUnavailable("Deze index is zonder embedder gebouwd: alleen zoeken op trefwoorden.")
        embedder = load_embedder(EmbedderSpec.from_dict(self.meta.get("embedder_spec") or {}))
        if embedder.model_id != self.embedder_id or embedder.dimension != self.meta.get("dimension"):
            raise EmbedderUnavailable(
                f"De index is gebouwd met {self.embedder_id} ({self.meta.get('dimension')}-d), maar nu is "
                f"{embedder.model_id} ({embedder.dimension}-d) geladen; draai python ingest.py opnieuw.")
        store = ChromaStore(self.settings, self.directory, self.generation).open()
        if store.count() != len(self.chunks):
            raise EmbedderUnavailable(f"De Chroma-collectie telt {store.count()} vectoren voor "
                                      f"{len(self.chunks)} chunks; draai python ingest.py --rebuild.")
        return embedder, store

    @property
    def dense_available(self) -> bool:
        self._load_dense()
        return self._store is not None

    @property
    def embedder(self):
        self._load_dense()
        return self._embedder

    def embed_query(self, query: str):
        """The query vector (numpy, L2-normalised) or ``None`` when dense search is unavailable."""
        return self.embedder.embed_query_vector(query) if self.dense_available else None

    def dense_search(self, query: str, k: int = 10, where: dict | None = None) -> list[SearchHit]:
        if not self.dense_available:
            return []
        if where:
            compile_where(where)  # same validation (and Dutch messages) as BM25
        try:
            pairs = self._store.query(self._embedder.embed_query_vector(query), k, where)
        except Exception as error:  # noqa: BLE001 - server down, collection pruned under an old reader, ...
            # Never an error for the user and never another generation's vectors: this query goes on with
            # keywords only (the hybrid search fuses what it has), and the reason is shown. The next query retries.
            self.dense_problem = (f"Zoeken op betekenis lukte niet ({type(error).__name__}); alleen op trefwoorden "
                                  "gezocht.")
            return []
        self.dense_problem = None
        return self._hits((self.chunk_by_id[chunk_id], score) for chunk_id, score in pairs
                          if chunk_id in self.chunk_by_id)


def open_index(settings: Settings) -> IndexReader:
    """The reader for the live generation (cached per generation); ``IndexMissingError`` if there is none."""
    generation = gens.current_generation(settings)
    if generation is None:
        raise IndexMissingError("Er is nog geen index.", hint="bouw hem met: python ingest.py")
    key = (str(Path(gens.index_dir(settings)).resolve()), generation)
    with _readers_lock:
        reader = _readers.get(key)
        if reader is not None:
            _readers.move_to_end(key)
            return reader
    meta = gens.read_meta(settings, generation)
    if meta is None:
        raise IndexMissingError(f"De index (generatie {generation}) is onvolledig of beschadigd.",
                                hint="bouw hem opnieuw met: python ingest.py --rebuild")
    try:
        reader = IndexReader(settings, generation, meta)
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise IndexMissingError(f"De index (generatie {generation}) kan niet worden gelezen: {error}",
                                hint="bouw hem opnieuw met: python ingest.py --rebuild") from error
    with _readers_lock:
        _readers[key] = reader
        while len(_readers) > _CACHE_SIZE:
            _readers.popitem(last=False)
    return reader


def clear_reader_cache() -> None:
    with _readers_lock:
        _readers.clear()
