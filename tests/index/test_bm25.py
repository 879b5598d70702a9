import numpy as np

from assistant.index.bm25 import BM25Index

TEXTS = ["De motie wordt ingediend door de gemeente Utrecht.",
         "Het amendement op de begroting is aangenomen.",
         "De motie over jeugdzorg is verworpen; de motie over wonen is aangenomen.",
         "Parkeren naast de zaal."]


def test_ranking_prefers_more_occurrences_and_ignores_non_matches():
    index = BM25Index.build(TEXTS)
    rows = [row for row, _ in index.top("motie", 10)]
    assert rows[0] == 2 and set(rows) == {0, 2}
    assert index.top("onbekendwoord", 5) == []
    assert index.top("", 5) == []


def test_mask_restricts_results():
    index = BM25Index.build(TEXTS)
    mask = np.array([False, True, True, True])
    assert [row for row, _ in index.top("aangenomen motie", 5, mask)] == [2, 1]


def test_save_and_load_give_identical_scores(tmp_path):
    index = BM25Index.build(TEXTS)
    index.save(tmp_path)
    loaded = BM25Index.load(tmp_path)
    for query in ("motie aangenomen", "begroting", "parkeren zaal"):
        assert np.allclose(index.scores(query), loaded.scores(query))
    assert loaded.top("motie", 2) == index.top("motie", 2)
