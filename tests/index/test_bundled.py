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
