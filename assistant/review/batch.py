"""The batch review: a folder, ZIP or uploads in, one checked overview row per submission out.

Steps (each its own module): import the files (``importer``), parse each text into a ``Motion``/``Amendment``
(``assistant.motions.parse``), number the submissions and chain versions and duplicates (``store``), check each one
for the meeting (``assistant.rules.check``), group similar motions and link them to earlier motions
(``grouping``). The result is a ``ReviewResult`` with ``ReviewRow``s — the JSON of ``motie review --json`` and what
the app's overview page and the exports show.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable
from zoneinfo import ZoneInfo

from pydantic import BaseModel, Field

from assistant.config import Settings
from assistant.corpus.model import MotionRecord
from assistant.errors import InputError
from assistant.review import grouping, importer
from assistant.review.store import DEFAULT_STATUS, ReviewStore, StoredItem

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
MANUAL_SOURCE = "handmatig"
LATE_MOTION_NOTE = "alleen toelaatbaar bij actueel onderwerp"
LATE_AMENDMENT_NOTE = "buiten de statutaire termijn ingediend"
RESUBMISSION_THRESHOLD = 0.5  # content similarity for "same gemeente, new version of the same submission"

Progress = Callable[[str, int, int], None]  # (stage, done, total), as ``motie ingest`` reports progress


class ReviewRow(BaseModel):
    """One submission in the overview. The first fields are the ``motie review --json`` contract."""

    file: str
    number: str | None = None
    kind: str | None = None  # motie | amendement; None when unreadable
    gemeenten: list[str] = Field(default_factory=list)
    title: str = ""
    agenda_item: str | None = None
    submitted_at: str | None = None  # ISO, Europe/Amsterdam
    submitted_at_source: str | None = None  # received | date | handmatig | None (unknown: no lateness verdict)
    valid: bool = False
    findings: list[dict] = Field(default_factory=list)  # same shape as ``motie check --json``
    duplicate_of: str | None = None  # file of the identical earlier document
    supersedes: str | None = None  # file of the previous version from the same gemeente
    group: str | None = None  # id of the group of similar submissions, e.g. "G1"
    # Added fields (allowed by the contract): what the overview and detail view show.
    error: str | None = None  # Dutch reason the file could not be read
    agenda_item_title: str | None = None
    version: int | None = None
    superseded_by: str | None = None
    duplicate_of_number: str | None = None
    counted: bool = False  # false for unreadable files, duplicates and superseded versions
    lateness_checked: bool = False
    on_time: bool | None = None  # None: no submission time known, so no verdict
    late_note: str | None = None  # e.g. "alleen toelaatbaar bij actueel onderwerp"
    actueel_reason: str = ""
    status: str | None = None  # reviewer status (store.STATUSES)
    preadvies_text: str = ""
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    signed_by: list[str] = Field(default_factory=list)
    supporters: list[str] = Field(default_factory=list)
    supporters_count: int = 0
    advice: list[dict] = Field(default_factory=list)  # optional tips (info) from the checker, not in the verdict
    earlier_motions: list[dict] = Field(default_factory=list)
    sha256: str = ""
    parsed: dict | None = None


@dataclass
class ReviewResult:
    alv_date: dt.date
    rows: list[ReviewRow]
    groups: list[dict]
    notes: list[str] = field(default_factory=list)  # Dutch remarks (e.g. where earlier motions came from)
    seconds: dict[str, float] = field(default_factory=dict)  # per stage, for the benchmark

    def to_json(self) -> dict:
        return {
            "alv_date": self.alv_date.isoformat(),
            "rows": [row.model_dump(mode="json") for row in self.rows],
            "groups": self.groups,
            "summary": summary(self.rows),
            "notes": self.notes,
        }

    def row(self, key: str) -> ReviewRow:
        """A row by file or by number (M1, A2)."""
        for row in self.rows:
            if row.file == key or (row.number and row.number == key.upper() and row.counted):
                return row
        raise InputError(f"Geen inzending {key!r} in dit overzicht.")


def summary(rows: list[ReviewRow]) -> dict:
    counted = [r for r in rows if r.counted]
    return {
        "files": len(rows),
        "moties": sum(r.kind == "motie" for r in counted),
        "amendementen": sum(r.kind == "amendement" for r in counted),
        "unreadable": sum(r.error is not None for r in rows),
        "duplicates": sum(r.duplicate_of is not None for r in rows),
        "superseded": sum(r.superseded_by is not None for r in rows),
        "invalid": sum(not r.valid for r in counted),
        "late": sum(r.on_time is False for r in counted),
        "no_time": sum(r.on_time is None for r in counted),
    }


# --- public entry points ----------------------------------------------------------------------------------------


def review_folder(
    path: Path | str,
    alv_date: dt.date,
    settings: Settings,
    progress: Progress | None = None,
    *,
    motion_records: list[MotionRecord] | None = None,
) -> ReviewResult:
    """Review every submission in a folder (recursively) or a ZIP file."""
    limits = importer.ImportLimits.from_settings(settings)
    return _review(importer.collect_path(Path(path), limits), alv_date, settings, progress, motion_records)


def review_uploads(
    files: list[tuple[str, bytes]],
    alv_date: dt.date,
    settings: Settings,
    progress: Progress | None = None,
    *,
    motion_records: list[MotionRecord] | None = None,
) -> ReviewResult:
    """Review uploaded files (name, bytes) — e.g. from ``st.file_uploader``; ZIPs are unpacked."""
    limits = importer.ImportLimits.from_settings(settings)
    return _review(importer.collect_uploads(files, limits), alv_date, settings, progress, motion_records)


def set_status(
    settings: Settings,
    alv_date: dt.date,
    number: str,
    *,
    status: str | None = None,
    preadvies_text: str | None = None,
    actueel_reason: str | None = None,
    agenda_item: str | None = None,
    submitted_at: dt.datetime | str | None = None,
) -> StoredItem:
    """Save what the reviewer decided about submission ``number`` (M1, A2, ...). ``submitted_at=""`` clears a
    manual time; a naive time or "YYYY-MM-DDTHH:MM" is Europe/Amsterdam."""
    with ReviewStore(settings.resolved_review_db) as store:
        item = store.set_fields(alv_date.isoformat(), number, status=status, preadvies_text=preadvies_text,
                                actueel_reason=actueel_reason, agenda_item=agenda_item)
        if submitted_at is not None:
            store.set_manual_submitted_at(alv_date.isoformat(), number, parse_time(submitted_at))
        return store.item(item.id)


def refresh_reviewer_fields(result: ReviewResult, settings: Settings) -> ReviewResult:
    """Re-read status, preadvies text and "actueel onderwerp" reason from the store into the rows (no re-check;
    after changing a submission time or agenda item, review again)."""
    with ReviewStore(settings.resolved_review_db) as store:
        for row in result.rows:
            if not row.number or row.duplicate_of:
                continue
            item = store.item_by_number(result.alv_date.isoformat(), row.number)
            if item is not None:
                row.status, row.preadvies_text = item.status, item.preadvies_text
                row.actueel_reason = item.actueel_reason
    return result


def parse_time(value: dt.datetime | str) -> dt.datetime | None:
    """A reviewer-entered time: aware datetime, naive (Europe/Amsterdam) or "YYYY-MM-DD[ T]HH:MM"; "" -> None."""
    if isinstance(value, str):
        if not value.strip():
            return None
        try:
            value = dt.datetime.fromisoformat(value.strip())
        except ValueError as error:
            raise InputError(f"Ongeldig tijdstip {value!r}.",
                             hint="Gebruik JJJJ-MM-DDTUU:MM, bijvoorbeeld 2024-06-13T11:30.") from error
    return value if value.tzinfo else value.replace(tzinfo=AMSTERDAM)


# --- the pipeline -------------------------------------------------------------------------------------------------


@dataclass
class _Work:
    """A submission on its way through the pipeline."""

    source: importer.SubmissionSource
    item: object | None = None  # Motion | Amendment
    error: str | None = None
    stored_item: StoredItem | None = None
    version: int | None = None
    supersedes: str | None = None
    superseded_by: str | None = None
    duplicate_of: "_Work | None" = None
    submitted_at: dt.datetime | None = None
    submitted_at_source: str | None = None
    check: object | None = None

    @property
    def readable(self) -> bool:
        return self.item is not None


def _review(incoming, alv_date, settings, progress, motion_records) -> ReviewResult:
    timings: dict[str, float] = {}
    started = time.perf_counter()
    works = _read_and_parse(incoming, progress)
    timings["read_parse"] = time.perf_counter() - started

    started = time.perf_counter()
    with ReviewStore(settings.resolved_review_db) as store:
        _number(works, alv_date.isoformat(), store)
        timings["store"] = time.perf_counter() - started
        started = time.perf_counter()
        _check_all(works, alv_date, settings, progress)
        timings["check"] = time.perf_counter() - started
        stored = {w.stored_item.id: store.item(w.stored_item.id) for w in works if w.stored_item}

    notes: list[str] = []
    if motion_records is None:
        from assistant.review.history import load_motion_records

        motion_records, note = load_motion_records(settings)
        if note:
            notes.append(note)
    started = time.perf_counter()
    similarity = grouping.analyse(_topic_docs(works), motion_records)
    timings["grouping"] = time.perf_counter() - started

    rows = [_row(w, stored, alv_date, settings, similarity) for w in works]
    rows.sort(key=_row_order)
    groups = _groups_json(similarity, rows)
    return ReviewResult(alv_date=alv_date, rows=rows, groups=groups, notes=notes, seconds=timings)


def _read_and_parse(incoming: list[importer.IncomingFile], progress: Progress | None) -> list[_Work]:
    from assistant.motions.parse import parse_submission

    works: list[_Work] = []
    for done, file in enumerate(incoming, start=1):
        for source in importer.sources_from(file):  # read from memory: nothing is written to a temp folder
            work = _Work(source=source, error=source.error)
            if source.error is None:
                try:
                    work.item = parse_submission(source.text or "")
                except Exception as error:  # the parser should never raise; one odd file must not stop a batch
                    work.error = f"De tekst kon niet worden ontleed ({type(error).__name__})."
            works.append(work)
        if progress:
            progress("inlezen", done, len(incoming))
    return works


def _effective_order(work: _Work):
    """Versions and duplicates are decided in submission order: e-mail time, else the date in the text, else name."""
    moment = work.source.submitted_at
    if moment is None and getattr(work.item, "datum_indiening", None):
        moment = dt.datetime.combine(work.item.datum_indiening, dt.time(0, 0), tzinfo=AMSTERDAM)
    return (moment is None, moment or dt.datetime.max.replace(tzinfo=AMSTERDAM), work.source.file)


def _number(works: list[_Work], alv_date: str, store: ReviewStore) -> None:
    """Give each distinct document its item (number) and version; mark identical documents as duplicates."""
    readable = sorted((w for w in works if w.readable), key=_effective_order)
    first_by_hash: dict[str, _Work] = {}
    for work in readable:
        sha = work.source.sha256
        stored_version = store.version_by_hash(alv_date, sha)
        primary = first_by_hash.get(sha)
        if primary is not None:
            # The stored file name keeps its role as the original across re-imports, whatever the order.
            if stored_version and stored_version.file == work.source.file and primary.source.file != work.source.file:
                primary.duplicate_of, first_by_hash[sha] = work, work
                _attach(work, stored_version, store)
                primary.stored_item = None
            else:
                work.duplicate_of = primary
            continue
        first_by_hash[sha] = work
        if stored_version is None:
            stored_version = _new_version(work, alv_date, store)
        _attach(work, stored_version, store)
    for work in readable:  # a duplicate points at the final original (never at another duplicate)
        while work.duplicate_of is not None and work.duplicate_of.duplicate_of is not None:
            work.duplicate_of = work.duplicate_of.duplicate_of
    _link_versions([w for w in readable if w.duplicate_of is None], store)


def _link_versions(works: list[_Work], store: ReviewStore) -> None:
    """Previous and next version of each document, once every document of this batch has been recorded."""
    for work in works:
        by_number = {v.version: v for v in store.versions_of(work.stored_item.id)}
        previous, later = by_number.get(work.version - 1), by_number.get(work.version + 1)
        work.supersedes = previous.file if previous else None
        work.superseded_by = later.file if later else None


def _attach(work: _Work, version, store: ReviewStore) -> None:
    work.stored_item = store.item(version.item_id)
    work.version = version.version
    if version.manual_submitted_at:
        work.submitted_at = dt.datetime.fromisoformat(version.manual_submitted_at)
        work.submitted_at_source = MANUAL_SOURCE


def _new_version(work: _Work, alv_date: str, store: ReviewStore):
    item = work.item
    fingerprint = fingerprint_text(item)
    target = _resubmission_target(item, fingerprint, alv_date, store)
    return store.record_document(alv_date, kind=item.kind, lead_gemeente=item.indiener, title=item.titel,
                                 sha256=work.source.sha256, file=work.source.file, fingerprint=fingerprint,
                                 item_id=target.id if target else None)


def _resubmission_target(item, fingerprint: str, alv_date: str, store: ReviewStore) -> StoredItem | None:
    """An existing item from the same gemeente whose latest version says (nearly) the same: this is a new version."""
    best, best_score = None, RESUBMISSION_THRESHOLD
    for candidate in store.candidates_for_new_version(alv_date, item.kind, item.indiener):
        latest = store.versions_of(candidate.id)[-1]
        same_title = _norm_title(candidate.title) == _norm_title(item.titel) and bool(_norm_title(item.titel))
        score = 1.0 if same_title else content_similarity(latest.fingerprint, fingerprint)
        if score >= best_score:
            best, best_score = candidate, score
    return best


def _norm_title(title: str) -> str:
    return re.sub(r"[^0-9a-z]+", " ", grouping._fold(title or "")).strip()


def content_similarity(a: str, b: str) -> float:
    """Cosine similarity of two texts' content features (no IDF: just these two documents)."""
    fa, fb = grouping.features(a), grouping.features(b)
    dot = sum(count * fb.get(term, 0) for term, count in fa.items())
    norm = (sum(c * c for c in fa.values()) ** 0.5) * (sum(c * c for c in fb.values()) ** 0.5)
    return dot / norm if norm else 0.0


def fingerprint_text(item) -> str:
    """Title on the first line, then the content that says what the submission is about."""
    if item.kind == "amendement":
        parts = [item.target_proposal, item.toelichting]
        for change in item.changes:
            parts += [change.schrappen, change.vervangen_door, change.invoegen_na]
    else:
        parts = [item.aanleiding, *item.constateringen, *item.overwegingen, *(o.text for o in item.oproepen)]
    return "\n".join([item.titel or "", *(p for p in parts if p)])


def _check_all(works: list[_Work], alv_date: dt.date, settings: Settings, progress: Progress | None) -> None:
    from assistant.rules.check import check

    readable = [w for w in works if w.readable]
    for done, work in enumerate(readable, start=1):
        if work.submitted_at_source != MANUAL_SOURCE:
            work.submitted_at = work.source.submitted_at
            work.submitted_at_source = work.source.submitted_at_source if work.submitted_at else None
        work.check = check(work.item, alv_date=alv_date, submitted_at=work.submitted_at, settings=settings)
        if progress:
            progress("toetsen", done, len(readable))


def _topic_docs(works: list[_Work]) -> list[grouping.TopicDoc]:
    """Current versions only: a duplicate or an outdated version must not form a 'group' with its original."""
    docs = []
    for work in works:
        if not work.readable or work.duplicate_of is not None or work.superseded_by is not None:
            continue
        item = work.item
        names = [*item.gemeenten, *item.ondersteunende_gemeenten, *(s.gemeente for s in item.signatories)]
        docs.append(grouping.TopicDoc(key=work.source.file, kind=item.kind, text=fingerprint_text(item),
                                      gemeenten=[n for n in names if n]))
    return docs


# --- rows ---------------------------------------------------------------------------------------------------------


def _row(work: _Work, stored: dict[int, StoredItem], alv_date: dt.date, settings: Settings, similarity) -> ReviewRow:
    source = work.source
    row = ReviewRow(file=source.file, sha256=source.sha256, error=work.error)
    if not work.readable:
        row.submitted_at = _iso(source.submitted_at)
        row.submitted_at_source = source.submitted_at_source if source.submitted_at else None
        return row
    item = work.item
    findings = [f.to_dict() for f in work.check.findings]
    row.kind = item.kind
    row.gemeenten = item.gemeenten
    row.title = item.titel
    row.parsed = item.model_dump(mode="json")
    row.findings = findings
    row.advice = [f.to_dict() for f in getattr(work.check, "advice", ())]
    row.valid = not any(f["severity"] == "error" for f in findings)
    row.errors = sum(f["severity"] == "error" for f in findings)
    row.warnings = sum(f["severity"] == "warning" for f in findings)
    row.infos = sum(f["severity"] == "info" for f in findings)
    row.signed_by = [_signer(s) for s in item.signatories if s.signed]
    row.supporters = list(item.ondersteunende_gemeenten)
    row.supporters_count = len(row.supporters)
    row.submitted_at = _iso(work.submitted_at)
    row.submitted_at_source = work.submitted_at_source
    row.lateness_checked = bool(getattr(work.check, "lateness_checked", work.submitted_at is not None))
    late = any(f["rule"] == "LATE_SUBMISSION" for f in findings)
    row.on_time = (not late) if row.lateness_checked else None
    if late:
        row.late_note = LATE_MOTION_NOTE if item.kind == "motie" else LATE_AMENDMENT_NOTE
    if work.duplicate_of is not None:
        original = work.duplicate_of
        row.duplicate_of = original.source.file
        row.duplicate_of_number = original.stored_item.number if original.stored_item else None
        return row
    item_state = stored[work.stored_item.id]
    row.number = item_state.number
    row.version = work.version
    row.supersedes = work.supersedes
    row.superseded_by = work.superseded_by
    row.counted = work.superseded_by is None
    row.status = item_state.status or DEFAULT_STATUS
    row.preadvies_text = item_state.preadvies_text
    row.actueel_reason = item_state.actueel_reason
    row.agenda_item = _agenda_item(item, item_state)
    row.agenda_item_title = _agenda_title(row.agenda_item, alv_date, settings)
    row.group = next((g.id for g in similarity.groups if source.file in g.keys), None)
    row.earlier_motions = [hit.to_dict() for hit in similarity.earlier.get(source.file, [])]
    return row


def _signer(signatory) -> str:
    who = signatory.name or "(naam onbekend)"
    role = ", ".join(part for part in [signatory.function, signatory.gemeente] if part)
    return f"{who} ({role})" if role else who


def _agenda_item(item, stored: StoredItem) -> str | None:
    from assistant.rules.meetings import normalise_item_number

    if stored.agenda_item:
        return normalise_item_number(stored.agenda_item) or stored.agenda_item
    if item.kind == "amendement" and item.agenda_item:
        return normalise_item_number(item.agenda_item) or item.agenda_item
    return None


def _agenda_title(number: str | None, alv_date: dt.date, settings: Settings) -> str | None:
    if not number:
        return None
    from assistant.rules.meetings import get_meeting

    meeting = get_meeting(alv_date, settings)
    if meeting is None:
        return None
    return next((agenda.title for agenda in meeting.items if agenda.number == number), None)


def _iso(moment: dt.datetime | None) -> str | None:
    if moment is None:
        return None
    return moment.astimezone(AMSTERDAM).isoformat(timespec="minutes")


def natural_number_key(number: str | None) -> tuple:
    """M2 before M10; motions before amendments; unnumbered last."""
    if not number:
        return (2, 0)
    prefix, digits = number[:1], number[1:]
    return (0 if prefix == "M" else 1, int(digits) if digits.isdigit() else 0)


def _row_order(row: ReviewRow) -> tuple:
    rank = 0 if row.number else (1 if row.duplicate_of else 2)
    return (rank, natural_number_key(row.number or row.duplicate_of_number), row.version or 0, row.file)


def _groups_json(similarity, rows: list[ReviewRow]) -> list[dict]:
    by_file = {row.file: row for row in rows}
    groups = []
    for group in similarity.groups:
        members = [by_file[key] for key in group.keys if key in by_file]
        members.sort(key=_row_order)
        earlier = grouping.merge_earlier([similarity.earlier.get(m.file, []) for m in members])
        groups.append({
            "id": group.id,
            "kind": group.kind,
            "files": [m.file for m in members],
            "numbers": [m.number for m in members],
            "gemeenten": sorted({g for m in members for g in m.gemeenten}),
            "titles": list(dict.fromkeys(m.title for m in members if m.title)),
            "min_similarity": round(group.min_similarity, 3),
            "earlier_motions": [hit.to_dict() for hit in earlier],
        })
    return groups
