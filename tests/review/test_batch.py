"""End-to-end batch review of a folder of generated submissions (real parser, checker, SQLite store)."""

from __future__ import annotations

import pytest
from review_helpers import ALV, build_zip

from assistant.errors import InputError
from assistant.review import (
    filter_rows,
    refresh_reviewer_fields,
    review_folder,
    review_uploads,
    row_detail,
    set_status,
    sort_rows,
)


@pytest.fixture()
def result(submissions, review_settings, motion_records):
    folder, _ = submissions
    return review_folder(folder, ALV, review_settings, motion_records=motion_records)


def by_file(result):
    return {row.file: row for row in result.rows}


def test_every_file_appears_and_unreadable_ones_have_a_dutch_reason(submissions, result):
    folder, roles = submissions
    rows = by_file(result)
    assert len([p for p in folder.iterdir()]) >= 15
    assert set(roles) == set(rows), "every file (or e-mail attachment) must be a row, none dropped, none invented"
    for name in ("06-scan-motie.pdf", "16-logo.png", "17-kapot.docx"):
        assert rows[name].error and not rows[name].valid and rows[name].number is None
    assert "scan" in rows["06-scan-motie.pdf"].error.lower()
    assert "niet ondersteund" in rows["16-logo.png"].error
    assert "kon niet worden gelezen" in rows["17-kapot.docx"].error
    readable = [r for r in result.rows if not r.error]
    assert all(r.kind in {"motie", "amendement"} and r.title for r in readable)


def test_numbers_per_kind_and_duplicates_are_not_counted(result):
    rows = by_file(result)
    numbers = [r.number for r in result.rows if r.counted]
    assert len(numbers) == len(set(numbers))
    assert {n[0] for n in numbers} == {"M", "A"}
    motions = sorted(int(n[1:]) for n in numbers if n.startswith("M"))
    amendments = sorted(int(n[1:]) for n in numbers if n.startswith("A"))
    # Numbers count up without gaps, except for the number shared by the two versions of one motion.
    assert amendments == [1, 2]
    assert motions == list(range(1, len(motions) + 1))
    duplicate = rows["03-zeist-stroomnet-kopie.txt"]
    assert duplicate.duplicate_of == "01-zeist-stroomnet.txt"
    assert duplicate.number is None and not duplicate.counted
    assert duplicate.duplicate_of_number == rows["01-zeist-stroomnet.txt"].number
    assert result.to_json()["summary"]["duplicates"] == 1


def test_resubmission_from_the_same_gemeente_supersedes_its_earlier_version(result):
    rows = by_file(result)
    first, second = rows["10-ede-boa.txt"], rows["11-ede-boa-aangepast.txt"]
    assert first.number == second.number
    assert (first.version, second.version) == (1, 2)
    assert second.supersedes == "10-ede-boa.txt" and first.superseded_by == "11-ede-boa-aangepast.txt"
    assert second.counted and not first.counted
    assert first.group is None and second.group is None, "a version chain is not a group of similar motions"


def test_email_times_lateness_and_the_actueel_onderwerp_flag(result):
    rows = by_file(result)
    on_time = rows["07-utrecht-jeugdzorg.eml#motie-jeugdzorg-utrecht.docx"]
    assert on_time.submitted_at == "2024-06-11T10:00+02:00" and on_time.submitted_at_source == "received"
    assert on_time.on_time is True and on_time.valid

    late_amendment = rows["12-tilburg-amendement.eml#amendement-tilburg.docx"]
    assert late_amendment.kind == "amendement" and late_amendment.on_time is False
    assert any(f["rule"] == "LATE_SUBMISSION" and f["severity"] == "error" for f in late_amendment.findings)
    assert not late_amendment.valid

    late_motion = rows["13-leiden-inburgering.eml#motie-leiden.docx"]
    assert late_motion.on_time is False and late_motion.valid  # a late motion is a warning, not an error
    assert any(f["rule"] == "LATE_SUBMISSION" and f["severity"] == "warning" for f in late_motion.findings)
    assert late_motion.late_note == "alleen toelaatbaar bij actueel onderwerp"

    body_only = rows["18-delft-politie.eml"]
    assert body_only.submitted_at_source == "date" and body_only.submitted_at == "2024-06-12T16:45+02:00"
    assert body_only.on_time is True  # the deadline is 13 June 12:00


def test_files_without_time_get_no_lateness_verdict(result):
    rows = by_file(result)
    for name in ("01-zeist-stroomnet.txt", "14-assen-amendement.txt", "05-oudewater-raadsleden.pdf"):
        row = rows[name]
        assert row.submitted_at is None and row.submitted_at_source is None
        assert row.on_time is None and not row.lateness_checked
        assert not any(f["rule"] == "LATE_SUBMISSION" for f in row.findings)


def test_overview_fields_for_the_ui(result):
    rows = by_file(result)
    zeist = rows["01-zeist-stroomnet.txt"]
    assert zeist.gemeenten == ["Zeist", "Houten"]
    assert zeist.supporters_count == 2 and zeist.supporters == ["Bunnik", "Gouda"]
    assert len(zeist.signed_by) == 2 and all("burgemeester" in s for s in zeist.signed_by)
    unsigned = rows["15-groningen-bibliotheek.txt"]
    assert unsigned.signed_by == [] and unsigned.errors >= 1
    assert any(f["rule"] == "UNSIGNED" for f in unsigned.findings)
    amendment = rows["14-assen-amendement.txt"]
    assert amendment.agenda_item == "5b" and "asiel" in (amendment.agenda_item_title or "").lower()
    finding = unsigned.findings[0]
    assert set(finding) >= {"rule", "severity", "message", "hint", "sources"}
    assert finding["sources"] and {"path", "line_start", "line_end", "text"} <= set(finding["sources"][0])


def test_detail_sort_and_filter_helpers(result):
    rows = by_file(result)
    detail = row_detail(rows["01-zeist-stroomnet.txt"])
    assert detail["parts"]["Constaterende dat"] and detail["parts"]["Oproep"]
    assert detail["header"]["Indiener"] == "Zeist"
    late = filter_rows(result.rows, only_late=True)
    assert {r.file for r in late} == {"12-tilburg-amendement.eml#amendement-tilburg.docx",
                                      "13-leiden-inburgering.eml#motie-leiden.docx"}
    assert [r.kind for r in filter_rows(result.rows, kind="amendement")] == ["amendement", "amendement"]
    assert {r.file for r in filter_rows(result.rows, only_unreadable=True)} == {
        "06-scan-motie.pdf", "16-logo.png", "17-kapot.docx"}
    assert all(r.gemeenten[0] == "Zeist" or "Zeist" in r.gemeenten for r in filter_rows(result.rows, gemeente="zeist"))
    numbered = sort_rows([r for r in result.rows if r.counted], "number")
    assert [r.number for r in numbered][:2] == ["M1", "M2"] and numbered[-1].number.startswith("A")
    by_errors = sort_rows(result.rows, "errors", descending=True)
    assert by_errors[0].errors == max(r.errors for r in result.rows)
    with pytest.raises(InputError):
        sort_rows(result.rows, "onbekend")


def test_statuses_numbers_and_manual_times_survive_reopening(submissions, review_settings, motion_records):
    folder, _ = submissions
    first = review_folder(folder, ALV, review_settings, motion_records=motion_records)
    numbers = {r.file: r.number for r in first.rows}
    target = by_file(first)["01-zeist-stroomnet.txt"].number
    assen = by_file(first)["14-assen-amendement.txt"].number
    leiden = by_file(first)["13-leiden-inburgering.eml#motie-leiden.docx"].number
    set_status(review_settings, ALV, target, status="preadvies overnemen", preadvies_text="Het bestuur neemt over.")
    set_status(review_settings, ALV, assen, submitted_at="2024-06-13T12:30")
    set_status(review_settings, ALV, leiden, actueel_reason="Kabinetsbesluit van 13 juni.")
    renkum = by_file(first)["04-renkum-beschermd-wonen.md"].number
    set_status(review_settings, ALV, renkum, agenda_item="agendapunt 11")
    with pytest.raises(InputError):
        set_status(review_settings, ALV, target, status="goedgekeurd")
    with pytest.raises(InputError):
        set_status(review_settings, ALV, "M999", status="compleet")

    refreshed = refresh_reviewer_fields(first, review_settings)
    assert by_file(refreshed)["01-zeist-stroomnet.txt"].status == "preadvies overnemen"

    again = review_folder(folder, ALV, review_settings, motion_records=motion_records)  # a new store connection
    rows = by_file(again)
    assert {r.file: r.number for r in again.rows} == numbers, "numbers are stable across re-imports"
    assert rows["01-zeist-stroomnet.txt"].status == "preadvies overnemen"
    assert rows["01-zeist-stroomnet.txt"].preadvies_text == "Het bestuur neemt over."
    assert rows["04-renkum-beschermd-wonen.md"].status == "ontvangen"
    manual = rows["14-assen-amendement.txt"]
    assert manual.submitted_at == "2024-06-13T12:30+02:00" and manual.submitted_at_source == "handmatig"
    assert manual.on_time is False and not manual.valid
    assert rows["13-leiden-inburgering.eml#motie-leiden.docx"].actueel_reason == "Kabinetsbesluit van 13 juni."
    assert rows["04-renkum-beschermd-wonen.md"].agenda_item == "11"
    assert "moties" in rows["04-renkum-beschermd-wonen.md"].agenda_item_title.lower()


def test_zip_import_refuses_path_traversal_and_keeps_numbers(submissions, review_settings, motion_records, tmp_path):
    folder, roles = submissions
    from_folder = review_folder(folder, ALV, review_settings, motion_records=motion_records)
    archive = build_zip(folder, tmp_path / "inzendingen.zip")
    from_zip = review_folder(archive, ALV, review_settings, motion_records=motion_records)
    rows = by_file(from_zip)
    assert set(rows) == set(roles) | {"../../ontsnapt.txt", "/tmp/absoluut.txt"}
    for name in ("../../ontsnapt.txt", "/tmp/absoluut.txt"):
        assert rows[name].error and "buiten de map" in rows[name].error and rows[name].number is None
    assert not (tmp_path.parent / "ontsnapt.txt").exists() and not (tmp_path / "ontsnapt.txt").exists()
    assert {r.file: r.number for r in from_zip.rows if r.file in roles} == {r.file: r.number for r in from_folder.rows}


def test_uploads_are_reviewed_like_a_folder(submissions, review_settings, motion_records):
    folder, roles = submissions
    uploads = [(path.name, path.read_bytes()) for path in sorted(folder.iterdir())]
    result = review_uploads(uploads, ALV, review_settings, motion_records=motion_records)
    assert set(by_file(result)) == set(roles)
    assert result.alv_date == ALV and result.to_json()["alv_date"] == "2024-06-26"


def test_grouping_in_the_folder_puts_near_identical_motions_together_and_nothing_unrelated(result):
    rows = by_file(result)
    zeist, almere = rows["01-zeist-stroomnet.txt"], rows["02-almere-stroomnet.docx"]
    assert zeist.group and zeist.group == almere.group
    group = next(g for g in result.groups if g["id"] == zeist.group)
    assert group["files"] == ["01-zeist-stroomnet.txt", "02-almere-stroomnet.docx"]
    assert group["gemeenten"] == ["Almere", "Houten", "Zeist"]
    assert rows["08-losser-afvalfonds.txt"].group is None and rows["09-brummen-zwemles.txt"].group is None
    motion_groups = [g for g in result.groups if g["kind"] == "motie"]
    assert len(motion_groups) == 1, "only the two stroomnet motions are alike"
    assert rows["03-zeist-stroomnet-kopie.txt"].group is None, "a duplicate is not a member of a group"


def test_the_original_keeps_its_number_when_a_copy_arrives_that_sorts_first(tmp_path, review_settings):
    from assistant.review import samples as s

    folder = tmp_path / "in"
    folder.mkdir()
    text = s.motion_text(s.MotionSpec(indiener="Renkum", topic=s.TOPICS[5]))
    (folder / "b-origineel.txt").write_text(text, encoding="utf-8")
    first = review_folder(folder, ALV, review_settings, motion_records=[])
    (folder / "a-kopie.txt").write_text(text, encoding="utf-8")
    second = by_file(review_folder(folder, ALV, review_settings, motion_records=[]))
    assert second["b-origineel.txt"].number == first.rows[0].number == "M1"
    assert second["a-kopie.txt"].duplicate_of == "b-origineel.txt" and second["a-kopie.txt"].number is None
