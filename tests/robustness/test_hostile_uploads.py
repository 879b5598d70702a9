"""Hostile uploads and imports, end to end through the real entry points: the batch review (``review_uploads``,
``review_folder``), the app's upload helper (``assistant.ui.uploads``) and ingest.

Each case: path traversal, ZIP bombs (ratio, lying headers, total size), huge files, wrong extensions, non-UTF-8
text, empty files. Each is refused or handled with a Dutch message; nothing is written outside the data folder;
the good files next to the bad ones still go through.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

import hostile_files as hostile
from robust_helpers import assert_dutch, real_motion_text, time_limit
from assistant.config import REPO_ROOT, Settings
from assistant.errors import InputError, UserFacingError

ALV = dt.date(2024, 6, 26)
MB = 1024 * 1024


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(repo_root=REPO_ROOT, data_dir=tmp_path / "data", corpus_dir=tmp_path / "corpus",
                    embedding_cache_dir=tmp_path / "cache", embedder="none", upload_max_mb=20)


def _files_under(root: Path) -> set[Path]:
    return {p for p in root.rglob("*")} if root.exists() else set()


def _review(files, settings):
    from assistant.review import review_uploads

    with time_limit(60, "review_uploads"):
        return review_uploads(files, ALV, settings, motion_records=[])


# --- batch review: ZIP attacks ----------------------------------------------------------------------------------


def test_zip_traversal_members_are_refused_and_nothing_lands_outside(settings, tmp_path):
    good = real_motion_text().encode("utf-8")
    archive = hostile.zip_of({
        "inzendingen/motie-zeist.txt": good,
        "../../buiten.txt": good,
        "/etc/cron.d/motie.txt": good,
        "C:/Windows/motie.txt": good,
        "..\\..\\windows.txt": good,
        "map/../../../ontsnapt.txt": good,
    })
    link = hostile.zip_with_symlink("koppeling.txt", "/etc/passwd")
    before = _files_under(tmp_path.parent)
    result = _review([("inzendingen.zip", archive), ("koppeling.zip", link)], settings)
    rows = {row.file: row for row in result.rows}
    assert rows["inzendingen.zip/inzendingen/motie-zeist.txt"].error is None
    assert rows["inzendingen.zip/inzendingen/motie-zeist.txt"].kind == "motie"
    refused = [row for name, row in rows.items() if name != "inzendingen.zip/inzendingen/motie-zeist.txt"]
    assert len(refused) == 6
    for row in refused:
        assert row.error and "Geweigerd" in row.error, row
        assert_dutch(row.error)
        assert not row.counted
    created = _files_under(tmp_path.parent) - before
    assert all(path.is_relative_to(settings.data_dir) for path in created), created
    assert not (tmp_path.parent / "buiten.txt").exists()


def test_zip_bombs_are_refused_without_inflating_them(settings):
    import tracemalloc

    good = real_motion_text().encode("utf-8")
    ratio_bomb = hostile.zip_bomb(8 * MB)  # 8 MB of zeros in ~8 KB: under the size limit, over the ratio limit
    size_bomb = hostile.zip_bomb(400 * MB)  # ~400 KB on disk, 400 MB inflated
    liar = hostile.zip_lying_header(30 * MB)  # the header says 10 bytes; the stream inflates to 30 MB
    tracemalloc.start()
    try:
        result = _review([("ratio.zip", ratio_bomb), ("groot.zip", size_bomb), ("leugen.zip", liar),
                          ("motie.txt", good)], settings)
        peak_mb = tracemalloc.get_traced_memory()[1] / MB
    finally:
        tracemalloc.stop()
    rows = {row.file: row for row in result.rows}
    assert rows["motie.txt"].error is None and rows["motie.txt"].counted
    assert "ZIP-bom" in rows["ratio.zip/inzending-0.txt"].error
    assert "maximum is 20 MB" in rows["groot.zip/inzending-0.txt"].error
    assert rows["leugen.zip/motie.txt"].error and not rows["leugen.zip/motie.txt"].counted
    for name in ("ratio.zip/inzending-0.txt", "groot.zip/inzending-0.txt", "leugen.zip/motie.txt"):
        assert_dutch(rows[name].error)
    assert peak_mb < 120, f"piekgeheugen {peak_mb:.0f} MB: een bom is (deels) uitgepakt"


def test_damaged_zip_members_get_a_reason_and_the_batch_goes_on(settings):
    good = real_motion_text().encode("utf-8")
    truncated = hostile.zip_of({"motie.txt": good})[:-30]  # central directory cut off
    result = _review([("methode.zip", hostile.zip_unsupported_method()), ("afgekapt.zip", truncated),
                      ("motie.txt", good)], settings)
    rows = {row.file: row for row in result.rows}
    assert rows["motie.txt"].counted
    assert "beschadigd" in rows["methode.zip/motie.txt"].error
    assert rows["afgekapt.zip"].error and not rows["afgekapt.zip"].counted
    for row in result.rows:
        if row.error:
            assert_dutch(row.error)


def test_zip_total_size_and_member_count_limits(settings):
    from assistant.review.importer import ImportLimits, collect_zip

    members = {f"motie-{i}.txt": os.urandom(300 * 1024) for i in range(8)}  # incompressible: the ratio passes
    with pytest.raises(InputError) as caught:
        collect_zip(hostile.zip_of(members), "", ImportLimits(max_total_bytes=2 * MB))
    assert_dutch(str(caught.value))
    many = hostile.zip_of({f"m{i}.txt": b"x" for i in range(30)})
    with pytest.raises(InputError, match="maximum is 20") as caught:
        collect_zip(many, "", ImportLimits(max_files=20))
    assert_dutch(str(caught.value))


# --- batch review: bad single files ------------------------------------------------------------------------------


def test_bad_uploads_each_get_a_dutch_reason_and_good_ones_pass(settings, sample_files):
    motion = real_motion_text()
    files = [
        ("goed.txt", motion.encode("utf-8")),
        ("windows-1252.txt", motion.replace("e", "é").encode("cp1252")),  # non-UTF-8 text: decoded, not refused
        ("leeg.txt", b""),
        ("leeg.docx", b""),
        ("virus.exe", b"MZ\x90\x00"),
        ("macro.docm", sample_files["docx"]),
        ("geen-extensie", motion.encode("utf-8")),
        ("nep.pdf", motion.encode("utf-8")),  # text with a .pdf name: a wrong extension
        ("nep.docx", b"PK\x03\x04 geen echte zip"),
        ("enorm.txt", b"a" * (21 * MB)),
        ("binair.txt", os.urandom(4096)),
        ("vloed.pdf", hostile.pdf_text_flood(200_000)),
    ]
    result = _review(files, settings)
    rows = {row.file: row for row in result.rows}
    assert set(rows) == {name for name, _ in files}, "elk bestand krijgt een regel, ook de geweigerde"
    assert rows["goed.txt"].error is None and rows["goed.txt"].kind == "motie"
    assert rows["windows-1252.txt"].error is None and rows["windows-1252.txt"].kind == "motie"
    for name in ("leeg.txt", "leeg.docx", "virus.exe", "macro.docm", "geen-extensie", "nep.pdf", "nep.docx",
                 "enorm.txt", "vloed.pdf"):
        assert rows[name].error, name
        assert_dutch(rows[name].error)
        assert not rows[name].counted, name
    binary = rows["binair.txt"]  # random bytes decode as latin-1: handled as an (invalid) text, never a crash
    assert binary.error or not binary.valid


def test_review_folder_refuses_symlinks_out_of_the_folder(settings, tmp_path):
    from assistant.review import review_folder

    folder = tmp_path / "inzendingen"
    folder.mkdir()
    (folder / "motie.txt").write_text(real_motion_text(), encoding="utf-8")
    secret = tmp_path / "geheim.txt"
    secret.write_text("Constaterende dat dit geheim is. Roept het bestuur op.", encoding="utf-8")
    (folder / "koppeling.txt").symlink_to(secret)
    result = review_folder(folder, ALV, settings, motion_records=[])
    rows = {row.file: row for row in result.rows}
    assert rows["motie.txt"].error is None
    assert "symbolische koppeling" in rows["koppeling.txt"].error
    assert rows["koppeling.txt"].parsed is None


# --- the app's upload helper ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", [
    "../../../etc/motie.txt", "..\\..\\motie.txt", "/etc/motie.txt", "C:\\Windows\\motie.txt", "....//motie.txt",
    ".bashrc.txt", "motie\x00.txt", "motie\u202etxt.exe.txt", "m" * 5000 + ".txt", "map/../../motie.txt",
])
def test_upload_names_cannot_escape_the_upload_folder(settings, name):
    from assistant.ui.uploads import SUBMISSION_TYPES, save_upload, upload_dir

    saved = save_upload(settings, "toetsen", name, b"Constaterende dat", allowed=SUBMISSION_TYPES)
    folder = upload_dir(settings, "toetsen")
    assert saved.parent == folder
    assert saved.read_bytes() == b"Constaterende dat"
    assert not saved.name.startswith(".") and "\x00" not in saved.name and len(saved.name) <= 110
    assert list(settings.data_dir.parent.glob("etc")) == []


@pytest.mark.parametrize("name, data, fragment", [
    ("motie.exe", b"MZ", "niet-toegestaan type"),
    ("motie", b"tekst", "niet-toegestaan type"),
    ("motie.txt.exe", b"MZ", "niet-toegestaan type"),
    ("motie.zip", b"PK", "niet-toegestaan type"),  # ZIPs only where a batch is expected
    ("leeg.txt", b"", "leeg"),
    ("groot.pdf", b"%" * (20 * MB + 1), "te groot"),
])
def test_upload_helper_refuses_with_dutch_messages(settings, name, data, fragment):
    from assistant.ui.uploads import SUBMISSION_TYPES, save_upload, upload_dir

    with pytest.raises(InputError, match=fragment) as caught:
        save_upload(settings, "toetsen", name, data, allowed=SUBMISSION_TYPES)
    assert_dutch(str(caught.value))
    folder = upload_dir(settings, "toetsen")
    assert not folder.exists() or not any(folder.iterdir()), "een geweigerd bestand mag niet op schijf staan"


# --- ingest ---------------------------------------------------------------------------------------------------------


def test_ingest_skips_bad_corpus_files_with_reasons_and_indexes_the_rest(settings, sample_files):
    from assistant.index.build import ingest
    from assistant.index.reader import open_index

    corpus = settings.corpus_dir
    corpus.mkdir(parents=True)
    (corpus / "goed.txt").write_text("MEDEDELING\n\nDe motie over afvalinzameling wordt besproken.\n",
                                     encoding="utf-8")
    (corpus / "leeg.txt").write_bytes(b"")
    (corpus / "latin1.txt").write_bytes("Overwegende dat de gemeente één motie indient.".encode("cp1252"))
    (corpus / "programma.exe").write_bytes(b"MZ\x90\x00")
    (corpus / "kapot.docx").write_bytes(hostile.docx_with_garbage(sample_files["docx"]))
    (corpus / "afgekapt.pdf").write_bytes(sample_files["pdf"][:200])
    (corpus / "vloed.pdf").write_bytes(hostile.pdf_text_flood(200_000))
    (corpus / "alinea-vloed.docx").write_bytes(hostile.docx_with_paragraphs(sample_files["docx"], 60_000))
    with open(corpus / "enorm.txt", "wb") as huge:  # 60 MB (sparse): refused on its size, never read
        huge.truncate(60 * MB)
    with time_limit(90, "ingest"):
        report = ingest(settings, bm25_only=True)
    skipped = {Path(item["file"]).name: item["reason"] for item in report.skipped}
    assert set(skipped) == {"leeg.txt", "latin1.txt", "programma.exe", "kapot.docx", "afgekapt.pdf", "vloed.pdf",
                            "alinea-vloed.docx", "enorm.txt"}
    assert "te groot" in skipped["enorm.txt"]
    for reason in skipped.values():
        assert_dutch(reason)
    assert "UTF-8" in skipped["latin1.txt"]
    assert report.exit_code == 1 and report.chunks >= 1
    reader = open_index(settings)
    assert reader.bm25_search("afvalinzameling", 1)[0].chunk.source_path.endswith("goed.txt")


def test_ingest_of_only_bad_files_keeps_the_previous_index(settings):
    from assistant.index.build import ingest
    from assistant.index.reader import open_index

    corpus = settings.corpus_dir
    corpus.mkdir(parents=True)
    (corpus / "goed.txt").write_text("MEDEDELING\n\nDe contributie stijgt met drie procent.\n", encoding="utf-8")
    first = ingest(settings, bm25_only=True).generation
    (corpus / "goed.txt").write_bytes(b"\xff\xfe\x00 kapot")  # the only file is now unreadable
    with pytest.raises(UserFacingError) as caught:
        ingest(settings, bm25_only=True)
    assert_dutch(str(caught.value))
    reader = open_index(settings)
    assert reader.generation == first
    assert reader.bm25_search("contributie", 1)
