"""Embedding cache keyed by (model id, sha256(embed_text)).

A re-chunk or rebuild only embeds text it has never seen. Per model one compact pair of files:
``<slug>.npy`` (float16 matrix, rows sorted by key, so identical content gives identical bytes and no git diff)
and ``<slug>.json`` (model id, dimension, keys, and the sha256 of the ``.npy``). On load the recorded hash is
checked; a mismatch is reported in Dutch and the file ignored (the vectors are then simply re-embedded).

Two locations: the committed cache (``settings.embedding_cache_dir``, ``corpus/.embeddings/``) holds only chunks of
the bundled corpus, so a fresh clone indexes it in seconds; everything else (uploads, ``--corpus`` folders, test
corpora) goes to ``<data_dir>/embedding-cache/``, which is never committed.

Every vector passes through ``quantize`` (float16 round trip, renormalised) whether it was just embedded or read
from the cache, so a cold build and a cached build produce exactly the same index.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
from pathlib import Path
from typing import Callable, Iterable

import numpy as np

CACHE_FORMAT = 1


def text_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def quantize(vectors: np.ndarray) -> np.ndarray:
    """The stored precision: float16, back to float32 and L2-normalised again."""
    matrix = np.asarray(vectors, dtype=np.float16).astype(np.float32)
    norms = np.linalg.norm(matrix, axis=-1, keepdims=True)
    norms[norms == 0] = 1.0
    return matrix / norms


def cache_slug(model_id: str) -> str:
    readable = re.sub(r"[^A-Za-z0-9.]+", "-", model_id).strip("-")[:60]
    return f"{readable}-{hashlib.sha256(model_id.encode()).hexdigest()[:8]}"


def _atomic_write_bytes(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


class CacheFile:
    """One model's vectors in one directory."""

    def __init__(self, directory: Path, model_id: str):
        self.directory = Path(directory)
        self.model_id = model_id
        slug = cache_slug(model_id)
        self.vectors_path = self.directory / f"{slug}.npy"
        self.keys_path = self.directory / f"{slug}.json"

    def load(self, dimension: int, warn: Callable[[str], None]) -> dict[str, np.ndarray]:
        if not self.keys_path.exists():
            return {}
        try:
            meta = json.loads(self.keys_path.read_text(encoding="utf-8"))
            raw = self.vectors_path.read_bytes()
        except (OSError, ValueError) as error:
            warn(f"Embeddingcache {self.keys_path.name} is onleesbaar ({error}); hij wordt genegeerd.")
            return {}
        if hashlib.sha256(raw).hexdigest() != meta.get("vectors_sha256"):
            warn(f"Embeddingcache {self.vectors_path.name} klopt niet met de vastgelegde sha256 "
                 "(beschadigd of half geschreven); hij wordt genegeerd en de teksten worden opnieuw ingebed.")
            return {}
        if meta.get("model_id") != self.model_id or int(meta.get("dimension", -1)) != dimension:
            warn(f"Embeddingcache {self.keys_path.name} hoort bij een ander model of een andere dimensie; "
                 "hij wordt genegeerd.")
            return {}
        matrix = np.load(io.BytesIO(raw), allow_pickle=False)
        keys = meta.get("keys", [])
        if matrix.shape != (len(keys), dimension):
            warn(f"Embeddingcache {self.keys_path.name} heeft een onverwachte vorm {matrix.shape}; "
                 "hij wordt genegeerd.")
            return {}
        return dict(zip(keys, matrix))

    def save(self, entries: dict[str, np.ndarray], dimension: int) -> None:
        keys = sorted(entries)
        matrix = np.zeros((len(keys), dimension), dtype=np.float16)
        for row, key in enumerate(keys):
            matrix[row] = entries[key]
        buffer = io.BytesIO()
        np.save(buffer, matrix, allow_pickle=False)
        raw = buffer.getvalue()
        meta = {"format": CACHE_FORMAT, "model_id": self.model_id, "dimension": dimension, "dtype": "float16",
                "count": len(keys), "vectors_file": self.vectors_path.name,
                "vectors_sha256": hashlib.sha256(raw).hexdigest(), "keys": keys}
        self.directory.mkdir(parents=True, exist_ok=True)
        # vectors first, keys (with the hash) last: a crash in between is caught by the hash check on load
        _atomic_write_bytes(self.vectors_path, raw)
        _atomic_write_bytes(self.keys_path, (json.dumps(meta, indent=0) + "\n").encode("utf-8"))


class EmbeddingCache:
    """The committed cache for bundled-corpus text plus a local cache for everything else."""

    def __init__(self, model_id: str, dimension: int, committed_dir: Path, local_dir: Path,
                 warn: Callable[[str], None]):
        self.dimension = dimension
        self._committed_file = CacheFile(committed_dir, model_id)
        self._local_file = CacheFile(local_dir, model_id)
        self._committed = self._committed_file.load(dimension, warn)
        self._local = self._local_file.load(dimension, warn)
        self._local_dirty = False

    def __len__(self) -> int:
        return len(self._committed.keys() | self._local.keys())

    def get(self, key: str) -> np.ndarray | None:
        found = self._committed.get(key)
        if found is None:
            found = self._local.get(key)
        return None if found is None else found.astype(np.float32)

    def put(self, key: str, vector: np.ndarray) -> None:
        """New vectors go to the local cache first; ``save`` moves the bundled ones into the committed cache."""
        self._local[key] = np.asarray(vector, dtype=np.float16)
        self._local_dirty = True

    def save(self, bundled_keys: Iterable[str] | None) -> None:
        """Write the caches. ``bundled_keys``: every chunk key of the bundled corpus in this build, or ``None``
        when the build did not cover the bundled corpus (then the committed cache is left untouched)."""
        if bundled_keys is not None:
            wanted = set(bundled_keys)
            committed = {key: self._committed.get(key, self._local.get(key)) for key in wanted}
            committed = {key: vector for key, vector in committed.items() if vector is not None}
            if committed.keys() != self._committed.keys():
                self._committed_file.save(committed, self.dimension)
            moved = [key for key in committed if key in self._local]
            for key in moved:
                del self._local[key]
            self._local_dirty |= bool(moved)
            self._committed = committed
        if self._local_dirty:
            self._local_file.save(self._local, self.dimension)
            self._local_dirty = False
