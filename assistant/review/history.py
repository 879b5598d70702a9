"""Earlier motions (``MotionRecord``s) to link new submissions to: from the index, else straight from the corpus.

The index reader holds the records the corpus pipeline extracted from notulen and verantwoordingen. When there is
no index yet (a fresh machine, a test), the same records come from running the corpus pipeline on the corpus files
(well under two seconds for the bundled packages), so the batch review never depends on the index being built.
"""

from __future__ import annotations

from pathlib import Path

from assistant.config import Settings
from assistant.corpus.model import MotionRecord
from assistant.errors import UserFacingError

CORPUS_SUFFIXES = {".txt", ".md", ".pdf", ".docx"}


def load_motion_records(settings: Settings) -> tuple[list[MotionRecord], str | None]:
    """(records, note): the note is a Dutch remark for stderr/the app when the records are not from the index."""
    try:
        from assistant.index.reader import open_index

        return list(open_index(settings).motion_records), None
    except (ImportError, UserFacingError, FileNotFoundError):
        pass
    records, skipped = records_from_corpus(settings)
    note = "Er is nog geen index; eerdere moties zijn rechtstreeks uit de corpusbestanden gelezen."
    if skipped:
        note += f" Overgeslagen: {', '.join(skipped)}."
    return records, note


def records_from_corpus(settings: Settings, corpus_dir: Path | None = None) -> tuple[list[MotionRecord], list[str]]:
    from assistant.corpus.pipeline import process_file

    folder = Path(corpus_dir or settings.corpus_dir)
    records: list[MotionRecord] = []
    skipped: list[str] = []
    for path in sorted(folder.glob("*")):
        if path.suffix.lower() not in CORPUS_SUFFIXES or path.name.startswith(".") or path.name == "README.md":
            continue
        try:
            records.extend(process_file(path, settings).motion_records)
        except UserFacingError:
            skipped.append(path.name)
    return records, skipped
