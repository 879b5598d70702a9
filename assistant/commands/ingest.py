"""``motie ingest``: build or update the index of the corpus (also ``python ingest.py``)."""

from __future__ import annotations

import argparse
import sys

from assistant.commands._progress import StageProgressBar


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "ingest", help="bouw of werk de zoekindex van het corpus bij",
        description="Bouw of werk de zoekindex bij (trefwoorden + betekenis). Alleen nieuwe of gewijzigde "
                    "bestanden worden gelezen en ingebed; verwijderde bestanden verdwijnen uit de index.")
    parser.add_argument("--corpus", metavar="MAP", help="map met documenten (standaard: corpus/)")
    parser.add_argument("--json", action="store_true", help="alleen JSON op stdout")
    parser.add_argument("--if-stale", action="store_true",
                        help="doe niets als de index al bij het corpus en de embedder past (snel)")
    parser.add_argument("--bm25-only", action="store_true",
                        help="bouw alleen de trefwoordindex (geen embedder nodig)")
    parser.add_argument("--rebuild", action="store_true", help="lees alle bestanden opnieuw in")
    parser.set_defaults(func=run)


STAGE_LABELS = {"lezen": "Bestanden lezen", "embedden": "Inbedden", "bm25": "Trefwoordindex", "chroma": "Vectorindex"}


def _summary(report) -> str:
    files = report.files
    lines = [
        f"Index {'bijgewerkt' if report.changed else 'was al actueel'}: generatie {report.generation}.",
        f"  {report.documents} documenten, {report.sections} secties, {report.chunks} chunks, "
        f"{report.motion_records} moties/amendementen uit notulen en verantwoording.",
        f"  Bestanden: {files['read']} gelezen, {files['unchanged']} ongewijzigd, {files['removed']} verwijderd, "
        f"{files['skipped']} overgeslagen.",
    ]
    if report.dense:
        lines.append(f"  Embedder {report.embedder}: {report.embedded} chunks ingebed, {report.from_cache} uit de "
                     "cache.")
    else:
        lines.append("  Alleen trefwoordindex (geen vectoren).")
    for item in report.skipped:
        lines.append(f"  Overgeslagen: {item['file']}: {item['reason']}")
    lines.append(f"  Tijd: {report.seconds:.1f} s.")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    from assistant.cli import emit_json, warn
    from assistant.config import get_settings
    from assistant.index.build import IngestReport, check_stale, ingest

    settings = get_settings()
    if args.if_stale:
        staleness = check_stale(settings, args.corpus, bm25_only=args.bm25_only)
        if not staleness.stale:
            report = IngestReport()
            report.generation = staleness.generation
            meta = staleness.meta or {}
            counts = meta.get("counts", {})
            for key in ("documents", "sections", "chunks", "motion_records"):
                setattr(report, key, int(counts.get(key, 0)))
            report.embedder, report.dense = meta.get("embedder", "none"), bool(meta.get("dense"))
            if args.json:
                emit_json({**report.to_json(), "up_to_date": True})
            else:
                warn(f"De index is actueel (generatie {report.generation}); niets te doen.")
            return 0
        warn(f"De index wordt bijgewerkt: {staleness.reason}.")
    progress = StageProgressBar(STAGE_LABELS, unit='', mininterval=0.5)
    try:
        report = ingest(settings, args.corpus, progress=progress, bm25_only=args.bm25_only, rebuild=args.rebuild)
    finally:
        progress.close()
    for message in report.warnings:
        warn(f"Let op: {message}")
    if args.json:
        emit_json({**report.to_json(), "up_to_date": not report.changed})
    else:
        print(_summary(report))
    return report.exit_code
