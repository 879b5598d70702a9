"""The dense index: one Chroma collection per index generation, behind one small class.

``embedded`` mode keeps a ``PersistentClient`` in the generation folder (``generations/<gen>/chroma``), so pruning a
generation is deleting a folder. ``http`` mode talks to a shared ``chroma run`` server (``chromadb.HttpClient``);
the collection name and its metadata carry the generation id, so the same scheme works there, a reader never
pairs its chunks with another generation's vectors, and pruning drops the collection.

Offline rules (shared/domain/libraries.md §3.4): telemetry off; collections are created with
``embedding_function=None``; vectors are always passed explicitly (never ``query_texts=`` or ``documents=``
without ``embeddings=``), so Chroma never reaches for its downloading default model.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from assistant.config import Settings
from assistant.errors import UserFacingError
from assistant.index.filters import row_mask, to_chroma_where

CHROMA_DIR = "chroma"
# Up to this many vectors a query compares with every one of them (numpy: about 1 ms for the bundled corpus, the
# vectors loaded from Chroma once per reader, 15 MB at the limit) instead of Chroma's HNSW graph: exact, and the same
# answer in every process. Measured on the bundled index: HNSW (default ef) left 16 of 3,000 exact top-10 hits out of
# its top 50, and which ones varied between runs. Larger collections (the 20k/50k scale runs) stay on HNSW.
EXACT_SEARCH_LIMIT = 10_000


def collection_name_for(settings: Settings, generation: str) -> str:
    # Chroma names: 3-512 chars of [a-zA-Z0-9._-], starting and ending with a letter or digit
    return f"{settings.collection_name}-{generation}"


def _client(settings: Settings, generation_dir: Path):
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if settings.chroma_mode == "embedded":
        return chromadb.PersistentClient(path=str(generation_dir / CHROMA_DIR), settings=chroma_settings)
    if settings.chroma_mode == "http":
        try:
            return chromadb.HttpClient(host=settings.chroma_host, port=settings.chroma_port, settings=chroma_settings)
        except Exception as error:
            raise UserFacingError(
                f"De Chroma-server op {settings.chroma_host}:{settings.chroma_port} is niet bereikbaar: {error}",
                hint="start hem met: chroma run --path MAP --host 127.0.0.1 --port "
                     f"{settings.chroma_port}") from error
    raise UserFacingError(f"Onbekende chroma_mode '{settings.chroma_mode}'; kies 'embedded' of 'http'.")


class ChromaStore:
    """Dense vectors of one generation."""

    def __init__(self, settings: Settings, generation_dir: Path, generation: str):
        self.settings = settings
        self.generation = generation
        self.name = collection_name_for(settings, generation)
        self._client = _client(settings, generation_dir)
        self._collection = None
        self._matrix: tuple[np.ndarray, np.ndarray, list[dict]] | None = None  # ids, unit vectors, metadatas

    def create(self, dimension: int, embedder_id: str):
        self._drop_if_exists()
        self._collection = self._client.create_collection(
            self.name, embedding_function=None, configuration={"hnsw": {"space": "cosine"}},
            metadata={"embedder": embedder_id, "dimension": dimension, "generation": self.generation})
        return self

    def open(self):
        self._collection = self._client.get_collection(self.name, embedding_function=None)
        # The generation id is in the metadata too, so a process never pairs one generation's chunks, BM25 and
        # manifest with another generation's vectors (e.g. on a shared server). Older collections lack it.
        stored = (self._collection.metadata or {}).get("generation")
        if stored is not None and stored != self.generation:
            raise UserFacingError(f"De Chroma-collectie {self.name} hoort bij indexgeneratie {stored}, niet bij "
                                  f"{self.generation}.", hint="draai python ingest.py --rebuild")
        return self

    def _drop_if_exists(self) -> None:
        try:
            self._client.delete_collection(self.name)
        except Exception:  # not there: the usual case  # noqa: BLE001
            pass

    def drop(self) -> None:
        self._drop_if_exists()

    def count(self) -> int:
        return self._collection.count()

    def add(self, ids: Sequence[str], vectors: np.ndarray, metadatas: list[dict], texts: list[str],
            progress: Callable[[int], None] | None = None) -> None:
        batch = max(1, min(self._client.get_max_batch_size(), 1000))
        for start in range(0, len(ids), batch):
            stop = start + batch
            self._collection.add(ids=list(ids[start:stop]), embeddings=vectors[start:stop],
                                 metadatas=metadatas[start:stop], documents=texts[start:stop])
            if progress:
                progress(min(stop, len(ids)))

    def query(self, vector: np.ndarray, k: int, where: dict | None = None) -> list[tuple[str, float]]:
        """(chunk id, cosine similarity) pairs, best first."""
        total = self.count()
        if k <= 0 or total == 0:
            return []
        if total <= EXACT_SEARCH_LIMIT:
            return self._exact_query(np.asarray(vector, dtype=np.float32), k, where, total)
        result = self._collection.query(query_embeddings=[np.asarray(vector, dtype=np.float32)],
                                        n_results=min(k, total), where=to_chroma_where(where),
                                        include=["distances"])
        ids, distances = result["ids"][0], result["distances"][0]
        return [(chunk_id, 1.0 - float(distance)) for chunk_id, distance in zip(ids, distances)]

    def _exact_query(self, vector: np.ndarray, k: int, where: dict | None, total: int) -> list[tuple[str, float]]:
        if self._matrix is None or len(self._matrix[0]) != total:
            got = self._collection.get(include=["embeddings", "metadatas"])
            matrix = np.asarray(got["embeddings"], dtype=np.float32)
            matrix /= np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-12)
            self._matrix = (np.asarray(got["ids"]), matrix, list(got["metadatas"] or [{}] * len(got["ids"])))
        ids, matrix, metadatas = self._matrix
        query = vector / max(float(np.linalg.norm(vector)), 1e-12)
        scores = matrix @ query
        mask = row_mask(where, metadatas)
        rows = np.flatnonzero(mask) if mask is not None else np.arange(len(ids))
        # best first; equal scores by id, so every process gives the same order
        order = rows[np.lexsort((ids[rows], -scores[rows]))][:k]
        return [(str(ids[row]), float(scores[row])) for row in order]

    def all_ids(self) -> list[str]:
        return list(self._collection.get(include=[])["ids"])
