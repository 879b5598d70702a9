import pytest

from assistant.errors import InputError
from assistant.ui import uploads


@pytest.mark.parametrize(
    "name, expected",
    [
        ("../../etc/passwd.txt", "passwd.txt"),
        ("..\\..\\windows\\motie.DOCX", "motie.docx"),
        (".verborgen.md", "verborgen.md"),
        ("Motie Renkum – asiel (def).pdf", "Motie Renkum asiel _def_.pdf"),
        ("résumé.eml", "resume.eml"),
        ("....", "bestand"),
    ],
)
def test_safe_filename(name, expected):
    assert uploads.safe_filename(name) == expected


def test_disallowed_type_gets_dutch_error():
    with pytest.raises(InputError, match="niet-toegestaan type.*\\.exe"):
        uploads.validate_upload("virus.exe", 10, allowed=uploads.SUBMISSION_TYPES, max_mb=1)


def test_too_large_and_empty_files_are_refused():
    with pytest.raises(InputError, match="te groot"):
        uploads.validate_upload("motie.txt", 2 * 1024 * 1024 + 1, allowed=uploads.SUBMISSION_TYPES, max_mb=2)
    with pytest.raises(InputError, match="leeg"):
        uploads.validate_upload("motie.txt", 0, allowed=uploads.SUBMISSION_TYPES, max_mb=2)


def test_save_upload_stays_inside_data_dir(app_settings):
    path = uploads.save_upload(app_settings, "toetsen", "../../../../tmp/evil.txt", b"motie", allowed=("txt",))
    root = (app_settings.data_dir / "uploads" / "toetsen").resolve()
    assert path.parent == root
    assert path.read_bytes() == b"motie"
    assert not list(root.glob(".*.part"))
