"""The session's ``bundled_index`` (the two VNG packages, committed embedding cache) as other tests will use it."""

BUNDLED = {"corpus/2019-11-29-balv-vergaderstukken.txt", "corpus/2024-06-26-alv-vergaderstukken.txt"}


def test_bundled_index_covers_both_packages_in_both_indexes(bundled_index):
    reader = bundled_index
    assert {chunk.source_path for chunk in reader.chunks} == BUNDLED
    assert reader.bm25.size == len(reader.chunks) > 500
    assert reader.dense_available, reader.dense_problem
    assert reader.embedder.model_id == reader.meta["embedder"] and reader.embedder.dimension == 384
    assert {document.source_path for document in reader.documents} == BUNDLED


def test_bundled_index_searches_carry_generation_and_respect_filters(bundled_index):
    reader = bundled_index
    for hits in (reader.bm25_search("motie indienen werkdagen", 5),
                 reader.dense_search("Hoe dien ik een motie in?", 5)):
        assert len(hits) == 5 and all(hit.generation == reader.generation for hit in hits)
    path = "corpus/2019-11-29-balv-vergaderstukken.txt"
    for hits in (reader.bm25_search("motie", 10, where={"source_path": path}),
                 reader.dense_search("motie", 10, where={"source_path": path})):
        assert hits and {hit.chunk.source_path for hit in hits} == {path}



def test_dense_search_is_exact(bundled_index):
    """The bundled index is small enough to compare a query with every vector: the top hits equal brute force over
    the vectors Chroma holds, for every dev question (Chroma's HNSW graph missed some of them, and which ones
    changed with the process's hash seed), filters included."""
    import json

    import numpy as np

    from assistant.config import REPO_ROOT

    assert bundled_index.dense_available
    store = bundled_index._store
    stored = store._collection.get(include=["embeddings"])
    matrix = np.asarray(stored["embeddings"], dtype=np.float32)
    lines = (REPO_ROOT / "bench" / "eval" / "questions.jsonl").read_text(encoding="utf-8").splitlines()
    questions = [json.loads(line)["question"] for line in lines if '"split": "dev"' in line]
    assert len(questions) > 100
    for question in questions:
        vector = bundled_index.embed_query(question)
        scores = matrix @ vector
        brute = sorted(range(len(scores)), key=lambda i: (-float(scores[i]), stored["ids"][i]))[:10]
        assert [chunk_id for chunk_id, _ in store.query(vector, 10)] == [stored["ids"][i] for i in brute], question
    meeting = bundled_index.chunks[0].meeting_date
    hits = bundled_index.dense_search("stemmen", 10, where={"meeting_date": meeting})
    assert len(hits) == 10 and all(hit.chunk.meeting_date == meeting for hit in hits)
