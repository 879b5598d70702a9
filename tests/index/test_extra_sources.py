"""Extra source folders (``extra_corpus_dirs``): the app's uploads stay in the index at the next ``--if-stale``."""

from pathlib import Path

from assistant.index import generations as gens
from assistant.index.build import check_stale, ingest
from assistant.index.cache import CacheFile, text_key
from assistant.index.reader import open_index

UPLOAD = "MEDEDELING\n\nHet VNG-bureau opent een nieuw servicepunt voor griffiers in Zwolle.\n"


def _upload(settings, name: str = "servicepunt.md", text: str = UPLOAD) -> Path:
    folder = settings.data_dir / "uploads" / "corpus"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder / name


def _sources(settings) -> set[str]:
    return {chunk.source_path for chunk in open_index(settings).chunks}


def test_uploads_are_read_next_to_the_corpus_and_stay_at_the_next_if_stale(corpus_root, settings_for):
    settings = settings_for(corpus_root)
    ingest(settings, bm25_only=True)
    assert not check_stale(settings, bm25_only=True).stale
    _upload(settings)
    staleness = check_stale(settings, bm25_only=True)
    assert staleness.stale and "1 nieuw" in staleness.reason  # the upload alone makes the index stale
    report = ingest(settings, bm25_only=True)
    assert report.changed and report.files["read"] == 1 and report.files["total"] == 4
    assert "data/uploads/corpus/servicepunt.md" in _sources(settings)  # its real path, relative to the repo root
    # what `python ingest.py --if-stale` does next: nothing, and the upload is still there
    assert not check_stale(settings, bm25_only=True).stale
    again = ingest(settings, bm25_only=True)
    assert not again.changed and again.files["removed"] == 0
    hit = open_index(settings).bm25_search("servicepunt griffiers Zwolle", 1)[0]
    assert hit.chunk.source_path == "data/uploads/corpus/servicepunt.md"


def test_a_removed_upload_leaves_the_index(corpus_root, settings_for):
    settings = settings_for(corpus_root)
    path = _upload(settings)
    ingest(settings, bm25_only=True)
    path.unlink()
    assert check_stale(settings, bm25_only=True).stale
    report = ingest(settings, bm25_only=True)
    assert report.files["removed"] == 1
    assert not any("uploads" in source for source in _sources(settings))


def test_configured_folders_keep_absolute_paths_and_an_empty_setting_reads_none(corpus_root, tmp_path_factory,
                                                                                 settings_for):
    outside = tmp_path_factory.mktemp("elders")
    (outside / "notitie.txt").write_text(UPLOAD, encoding="utf-8")
    settings = settings_for(corpus_root, extra_corpus_dirs=(outside, corpus_root / "ontbreekt"))
    _upload(settings)  # not read: the setting replaces the default
    report = ingest(settings, bm25_only=True)
    sources = _sources(settings)
    assert (outside / "notitie.txt").resolve().as_posix() in sources
    assert not any("uploads" in source for source in sources)
    assert any("ontbreekt" in warning and "bestaat niet" in warning for warning in report.warnings)
    only_corpus = settings.replace(extra_corpus_dirs=())
    assert check_stale(only_corpus, bm25_only=True).stale  # the outside file would now disappear
    ingest(only_corpus, bm25_only=True)
    assert all(source.startswith("corpus/") for source in _sources(only_corpus))


def test_committed_embedding_cache_holds_only_chunks_of_the_bundled_corpus(corpus_root, settings_for):
    settings = settings_for(corpus_root)
    _upload(settings)
    report = ingest(settings)
    assert report.dense
    chunks = open_index(settings).chunks
    bundled = {text_key(c.embed_text) for c in chunks if c.source_path.startswith("corpus/")}
    uploaded = {text_key(c.embed_text) for c in chunks if c.source_path.startswith("data/uploads/corpus/")}
    assert bundled and uploaded and not bundled & uploaded
    dimension = gens.read_meta(settings, report.generation)["dimension"]
    committed = set(CacheFile(Path(settings.embedding_cache_dir), report.embedder).load(dimension, print))
    local = set(CacheFile(settings.data_dir / "embedding-cache", report.embedder).load(dimension, print))
    assert committed == bundled
    assert uploaded <= local
