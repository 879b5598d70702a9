"""Query expansion and reciprocal-rank fusion (no index needed)."""

from assistant.corpus.model import Chunk
from assistant.search import QueryExpander, SearchFilters, Vocabulary, looks_english, rrf_fuse


def _chunk(cid, **extra):
    base = dict(chunk_id=cid, text=cid, embed_text=cid, source_path="corpus/x.txt", source_sha256="0",
                doc_id="d", doc_title="t", doc_type="notulen", section="")
    base.update(extra)
    return Chunk(**base)


def test_vocabulary_corrects_one_edit_and_splits_compounds():
    vocab = Vocabulary(["de notulencommissie van de ledenvergadering", "motie termijn motie termijn amendement"])
    assert vocab.correct("notulencommisie") == "notulencommissie"  # missing letter
    assert vocab.correct("amendment") == "amendement"
    assert vocab.correct("amendement") is None  # known words stay
    assert vocab.split_compound("motietermijn") == ["motie", "termijn"]
    with_plural = Vocabulary(["logo's van gemeente en gemeente"], lexicon=["logo's"])  # as the engine's lexicon
    assert with_plural.split_compound("gemeentelogo's") == ["gemeente", "logo's"]  # an apostrophe plural


def test_expander_adds_synonyms_translations_and_corrections():
    vocab = Vocabulary(["motie moties ledenvergadering ondertekenen burgemeester amendement indienen"])
    expander = QueryExpander(vocab)
    dutch = expander.expand("Wie moet de motie ondertkenen voor de ALV?")
    assert "ondertekenen" in dutch.added and "ledenvergadering" in dutch.added
    assert dict(dutch.corrections)["ondertkenen"] == ("ondertekenen",)
    english = expander.expand("Who has to sign a motion?")
    assert english.english and {"ondertekenen", "motie"} <= set(english.added)
    assert looks_english("What is the deadline for amendments?") and not looks_english("Wat is de deadline?")


def test_rrf_fuse_sums_reciprocal_ranks():
    a, b, c = _chunk("a"), _chunk("b"), _chunk("c")
    fused = rrf_fuse([([(a, 9.0), (b, 5.0)], 1.0), ([(b, 0.9), (c, 0.8)], 1.0)], c=60)
    assert [f.chunk.chunk_id for f in fused] == ["b", "a", "c"]
    assert abs(fused[0].score - (1 / 62 + 1 / 61)) < 1e-12
    assert fused[0].bm25_rank == 2 and fused[0].dense_rank == 1


def test_filters_match_meeting_year_and_type():
    chunk = _chunk("a", meeting_date="2019-11-29", date="2019-11-01")
    assert SearchFilters(year="2019").accepts(chunk)
    assert not SearchFilters(year="2024").accepts(chunk)
    assert SearchFilters(doc_types=("notulen",)).accepts(chunk)
    assert not SearchFilters(meeting_date="2024-06-26").accepts(chunk)
