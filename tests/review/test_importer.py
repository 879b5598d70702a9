"""Importing folders, ZIPs, uploads and e-mails safely (real files, real extractor)."""

from __future__ import annotations

import io
import stat
import zipfile

import pytest

from assistant.errors import InputError
from assistant.review import samples as s
from assistant.review.importer import (
    ImportLimits,
    IncomingFile,
    collect_folder,
    collect_uploads,
    collect_zip,
    sources_from,
)

MOTION = s.motion_text(s.MotionSpec())


def zip_bytes(members: list[tuple[zipfile.ZipInfo | str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            archive.writestr(name, data)
    return buffer.getvalue()


def mark_encrypted(data: bytes, name: str) -> bytes:
    """Set the 'encrypted' flag of one member in the central directory (zipfile cannot write encrypted ZIPs)."""
    buffer = bytearray(data)
    start = 0
    while (start := buffer.find(b"PK\x01\x02", start)) != -1:
        name_length = int.from_bytes(buffer[start + 28:start + 30], "little")
        if buffer[start + 46:start + 46 + name_length] == name.encode():
            buffer[start + 8] |= 0x1
        start += 4
    return bytes(buffer)


def test_zip_members_that_escape_or_deceive_are_refused_with_a_reason():
    link = zipfile.ZipInfo("koppeling.txt")
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    data = zip_bytes([
        ("goed/motie.txt", MOTION.encode()),
        ("../buiten.txt", b"x"),
        ("map/../../buiten2.txt", b"x"),
        ("C:/Windows/win.txt", b"x"),
        ("..\\windows-stijl.txt", b"x"),
        (link, b"/etc/passwd"),
        ("geheim.txt", b"versleuteld"),
        ("bom.txt", b"0" * (4 * 1024 * 1024)),
        ("binnen.zip", zip_bytes([("a.txt", b"a")])),
        ("__MACOSX/._motie.txt", b"resource fork"),
        (".DS_Store", b"finder"),
    ])
    data = mark_encrypted(data, "geheim.txt")
    files = {f.name: f for f in collect_zip(data, "", ImportLimits())}
    assert "__MACOSX/._motie.txt" not in files and ".DS_Store" not in files
    assert files["goed/motie.txt"].data == MOTION.encode() and files["goed/motie.txt"].error is None
    for name in ("../buiten.txt", "map/../../buiten2.txt", "C:/Windows/win.txt", "..\\windows-stijl.txt"):
        assert "buiten de map" in files[name].error and files[name].data is None
    assert "symbolische koppeling" in files["koppeling.txt"].error
    assert "versleuteld" in files["geheim.txt"].error
    assert "ZIP-bom" in files["bom.txt"].error
    assert "binnen een ZIP" in files["binnen.zip"].error


def test_zip_limits_on_count_total_size_and_member_size():
    members = [(f"m{i}.txt", MOTION.encode()) for i in range(5)]
    with pytest.raises(InputError, match="maximum is 3"):
        collect_zip(zip_bytes(members), "", ImportLimits(max_files=3))
    with pytest.raises(InputError, match="pakt uit tot meer dan"):
        collect_zip(zip_bytes(members), "", ImportLimits(max_total_bytes=len(MOTION) * 2))
    small = collect_zip(zip_bytes(members), "", ImportLimits(max_file_bytes=100))
    assert all(f.error and "maximum" in f.error for f in small)
    assert collect_zip(b"geen zip", "x.zip", ImportLimits())[0].error.startswith("Geen geldig ZIP-bestand")


def test_folder_skips_hidden_files_unpacks_zips_with_a_prefix_and_refuses_huge_files(tmp_path):
    (tmp_path / ".verborgen.txt").write_text("x")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text("x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "motie.txt").write_text(MOTION)
    (tmp_path / "pakket.zip").write_bytes(zip_bytes([("a.txt", MOTION.encode())]))
    (tmp_path / "groot.pdf").write_bytes(b"%PDF" + b"0" * 3000)
    (tmp_path / "koppeling.txt").symlink_to("/etc/hostname")
    files = {f.name: f for f in collect_folder(tmp_path, ImportLimits(max_file_bytes=2000))}
    assert set(files) == {"sub/motie.txt", "pakket.zip/a.txt", "groot.pdf", "koppeling.txt"}
    assert "maximum" in files["groot.pdf"].error
    assert "symbolische koppeling" in files["koppeling.txt"].error and files["koppeling.txt"].data is None


def test_uploads_keep_only_the_base_name():
    files = collect_uploads([("../../etc/motie.txt", MOTION.encode()), ("C:\\Users\\x\\b.md", b"b")],
                            ImportLimits())
    assert [f.name for f in files] == ["motie.txt", "b.md"]


def test_email_with_two_motion_attachments_yields_two_submissions_with_the_mail_time(tmp_path):
    first = s.motion_text(s.MotionSpec(indiener="Zeist"))
    second = s.motion_text(s.MotionSpec(topic=s.TOPICS[3], indiener="Zeist"))
    data = s.email_bytes(sender="griffie@zeist.nl", subject="Twee moties", body="Zie bijlagen.",
                         attachments=[("motie-1.docx", s.docx_bytes(first)), ("motie-2.txt", second.encode()),
                                      ("scan.pdf", _scan_pdf(tmp_path))],
                         received=s.at(12, 9, 15))
    sources = {src.file: src for src in sources_from(IncomingFile("mail.eml", data))}
    assert set(sources) == {"mail.eml#motie-1.docx", "mail.eml#motie-2.txt", "mail.eml#scan.pdf"}
    assert "Oplossingen voor een overvol stroomnet" in sources["mail.eml#motie-1.docx"].text
    assert "Afvalfonds" in sources["mail.eml#motie-2.txt"].text
    assert sources["mail.eml#scan.pdf"].error.startswith("Bijlage niet leesbaar")
    for src in sources.values():
        assert src.submitted_at.isoformat() == "2024-06-12T09:15:00+02:00" and src.submitted_at_source == "received"
    assert sources["mail.eml#motie-1.docx"].sha256 != sources["mail.eml#motie-2.txt"].sha256


def test_emails_are_read_from_memory_and_leave_no_temporary_files(tmp_path, monkeypatch):
    """Uploaded e-mails (also inside a ZIP) are never written to a temp folder, so nothing is left behind and two
    runs cannot meet on a file name."""
    import tempfile

    from assistant.config import Settings
    from assistant.review import review_uploads

    temp = tmp_path / "tmp"  # does not exist: anything that tried to write a temporary file would fail
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    mail = s.email_bytes(sender="griffie@zeist.nl", subject="Motie", body="Zie bijlage.",
                         attachments=[("motie.docx", s.docx_bytes(MOTION))], received=s.at(12, 9, 15))
    broken = b"From: x@zeist.nl\nSubject: leeg\n\n"
    settings = Settings(data_dir=tmp_path / "data", embedder="none")
    result = review_uploads([("mail.eml", mail), ("map.zip", zip_bytes([("inbox/mail.eml", mail)])),
                             ("leeg.eml", broken)], s.ALV_2024, settings, motion_records=[])
    rows = {row.file: row for row in result.rows}
    assert rows["mail.eml#motie.docx"].error is None and rows["map.zip/inbox/mail.eml#motie.docx"].error is None
    assert rows["mail.eml#motie.docx"].submitted_at is not None
    assert "leeg.eml" in rows["leeg.eml"].error  # the message names the upload, not a temporary file
    assert not temp.exists()
    assert not (tmp_path / "data").exists() or not any((tmp_path / "data").rglob("*.eml"))


def test_the_same_document_in_two_emails_has_the_same_hash(tmp_path):
    attachment = [("motie.docx", s.docx_bytes(MOTION))]
    one = s.email_bytes(sender="a@zeist.nl", subject="Motie", body="Bijgaand.", attachments=attachment,
                        received=s.at(10, 9))
    two = s.email_bytes(sender="b@zeist.nl", subject="Motie (nogmaals)", body="Nogmaals.", attachments=attachment,
                        received=s.at(11, 9))
    (a,), (b,) = sources_from(IncomingFile("1.eml", one)), sources_from(IncomingFile("2.eml", two))
    assert a.sha256 == b.sha256 and a.file == "1.eml#motie.docx"


def _scan_pdf(tmp_path) -> bytes:
    path = s.write_pdf(tmp_path / "scan.pdf", None)
    return path.read_bytes()


def _patched_member(data: bytes, local_offset: int, central_offset: int, value: bytes) -> bytes:
    """Overwrite one field of the first member in both its local header and its central-directory entry."""
    buffer = bytearray(data)
    local, central = buffer.find(b"PK\x03\x04"), buffer.find(b"PK\x01\x02")
    buffer[local + local_offset:local + local_offset + len(value)] = value
    buffer[central + central_offset:central + central_offset + len(value)] = value
    return bytes(buffer)


def test_members_that_cannot_be_unpacked_get_a_dutch_reason_and_the_rest_goes_on():
    stored = io.BytesIO()
    with zipfile.ZipFile(stored, "w", compression=zipfile.ZIP_STORED) as archive:
        archive.writestr("a-motie.txt", MOTION)
        archive.writestr("b-motie.txt", MOTION)
    deflate64 = _patched_member(stored.getvalue(), 8, 10, (9).to_bytes(2, "little"))  # NotImplementedError
    bad_crc = _patched_member(zip_bytes([("a-motie.txt", MOTION), ("b-motie.txt", MOTION)]), 14, 16, b"\0\0\0\0")
    for data, reason in ((deflate64, "compressiemethode die niet wordt ondersteund"), (bad_crc, "beschadigd")):
        files = {f.name: f for f in collect_zip(data, "inzendingen.zip", ImportLimits())}
        refused, good = files["inzendingen.zip/a-motie.txt"], files["inzendingen.zip/b-motie.txt"]
        assert refused.data is None and reason in refused.error and refused.error.startswith("Geweigerd")
        assert good.error is None and good.data == MOTION.encode()
        [row] = sources_from(refused)
        assert row.error == refused.error and row.text is None
