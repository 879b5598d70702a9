"""The search index: Chroma (dense) + Dutch BM25, built incrementally in atomic generations.

Public API: ``build.ingest(settings, corpus_dir=None, progress=None, bm25_only=False) -> IngestReport``,
``build.check_stale(settings)``, ``reader.open_index(settings) -> IndexReader``.

Modules: ``embeddings`` (embedder registry), ``cache`` (embedding cache), ``analyzer`` + ``bm25`` (Dutch BM25),
``filters`` (metadata filters for both searches), ``chroma_store`` (dense store), ``manifest`` (file hashes,
staleness), ``generations`` (layout, CURRENT, pruning, lock), ``records`` (chunks/documents/motions on disk),
``build`` (ingest orchestration), ``reader`` (open for search).
"""
