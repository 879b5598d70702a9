"""Fuzzing the readers: corpus loaders (txt/md/pdf/docx) and the submission reader (also eml).

Contract for any bytes: the reader returns text, or raises ``InputError``/``UserFacingError`` with a Dutch
message — never another exception, never a hang (a hard per-call time limit), never unbounded work on a small
hostile file (page floods, operator floods, paragraph floods, attachment floods: see ``assistant.limits``).
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import hostile_files as hostile
from robust_helpers import assert_dutch, fuzz_settings, time_limit
from assistant.errors import UserFacingError

CALL_LIMIT_S = 10.0  # per call; a healthy read of these small files takes milliseconds
WORKDIR = Path(tempfile.mkdtemp(prefix="motie-fuzz-"))
atexit.register(shutil.rmtree, WORKDIR, True)


def _load(data: bytes, suffix: str):
    from assistant.corpus.loaders import load_source

    path = WORKDIR / f"fuzz.{suffix}"
    path.write_bytes(data)
    return load_source(path)


def _submission(data: bytes, suffix: str):
    from assistant.motions.extract import read_submission_file

    path = WORKDIR / f"inzending.{suffix}"
    path.write_bytes(data)
    return read_submission_file(path)


READERS = {"load_source": _load, "read_submission_file": _submission}


def _survives(reader: str, data: bytes, suffix: str) -> None:
    """The fuzz contract for one call."""
    try:
        with time_limit(CALL_LIMIT_S, f"{reader}(.{suffix})"):
            result = READERS[reader](data, suffix)
    except UserFacingError as error:
        assert_dutch(str(error))
        return
    text = "\n".join(result.texts) if hasattr(result, "texts") else result.text
    assert text.strip(), "gelukt maar zonder tekst: dan hoort er een melding te zijn"


@st.composite
def mutated(draw, seed: bytes) -> bytes:
    """A real file, damaged the way files get damaged: truncated, bytes overwritten, garbage inserted."""
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["truncate", "overwrite", "insert", "delete"]))
        position = draw(st.integers(0, max(0, len(data) - 1)))
        if kind == "truncate":
            del data[position:]
        elif kind == "overwrite":
            chunk = draw(st.binary(min_size=1, max_size=64))
            data[position:position + len(chunk)] = chunk
        elif kind == "insert":
            data[position:position] = draw(st.binary(min_size=1, max_size=256))
        else:
            del data[position:position + draw(st.integers(1, 512))]
    return bytes(data)


# --- random and mutated bytes ------------------------------------------------------------------------------------


@pytest.mark.parametrize("reader", sorted(READERS))
@pytest.mark.parametrize("suffix", ["txt", "md", "pdf", "docx"])
@fuzz_settings(examples=25)
@given(data=st.binary(max_size=4096))
def test_random_bytes(reader, suffix, data):
    _survives(reader, data, suffix)


@pytest.mark.parametrize("reader", sorted(READERS))
@pytest.mark.parametrize("suffix", ["pdf", "docx", "txt"])
@fuzz_settings()
@given(data=st.data())
def test_mutated_real_files(reader, suffix, data, sample_files):
    _survives(reader, data.draw(mutated(sample_files[suffix])), suffix)


@fuzz_settings()
@given(data=st.data())
def test_mutated_emails(data, sample_files):
    _survives("read_submission_file", data.draw(mutated(sample_files["eml"])), "eml")


@fuzz_settings(examples=40)
@given(member=st.sampled_from(["word/document.xml", "word/styles.xml", "[Content_Types].xml",
                               "word/_rels/document.xml.rels"]),
       garbage=st.binary(max_size=512))
def test_garbage_inside_a_docx_zip(member, garbage, sample_files):
    broken = hostile.docx_with_garbage(sample_files["docx"], member, garbage)
    for reader in READERS:
        _survives(reader, broken, "docx")


@fuzz_settings(examples=40)
@given(text=st.text(max_size=3000))
def test_non_utf8_and_odd_encodings(text):
    """Any text in any of the encodings people send: the corpus loader wants UTF-8 and says so in Dutch."""
    for encoding in ("utf-8", "utf-16", "cp1252", "latin-1"):
        try:
            data = text.encode(encoding)
        except UnicodeEncodeError:
            continue
        for reader in READERS:
            _survives(reader, data, "txt")


# --- hostile files with a known shape ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile_cases(sample_files) -> dict[str, tuple[str, bytes]]:
    """Tiny on disk, minutes or gigabytes of work without the limits (each measured: see assistant/limits.py)."""
    docx = sample_files["docx"]
    return {
        "5000 pagina's": ("pdf", hostile.pdf_with_pages(5000)),
        "compressiebom in pdf": ("pdf", hostile.pdf_with_content(b" " * 100_000_000, flate=True)),
        "operatorvloed (20 kB, zonder grens ~20 s werk)": ("pdf", hostile.pdf_text_flood(200_000)),
        "cyclische paginaboom": ("pdf", hostile.pdf_cyclic_page_tree()),
        "onbekend filter (NotImplementedError in pypdf)": ("pdf", hostile.pdf_unknown_filter()),
        "diepe paginaboom": ("pdf", hostile.pdf_deep_page_tree(2000)),
        "60.000 alinea's (zonder grens ~45 s werk)": ("docx", hostile.docx_with_paragraphs(docx, 60_000)),
        "diep geneste XML": ("docx", hostile.docx_with_paragraphs(docx, 1, nested_depth=5000)),
        "docx-compressiebom": ("docx", hostile.docx_bomb(docx, 30_000_000)),
    }


@pytest.mark.parametrize("reader", sorted(READERS))
def test_hostile_files_are_refused_quickly(reader, hostile_cases):
    for label, (suffix, data) in hostile_cases.items():
        started = time.monotonic()
        with pytest.raises(UserFacingError) as caught:
            with time_limit(CALL_LIMIT_S, label):
                READERS[reader](data, suffix)
        assert_dutch(str(caught.value))
        assert time.monotonic() - started < CALL_LIMIT_S, label


def test_submission_limits_are_tighter_than_the_corpus_limits(sample_files):
    """A 150-page PDF is a fine meeting package but not one motion; a 200-op page is fine for both."""
    from assistant.corpus.loaders import load_source

    path = WORKDIR / "pakket.pdf"
    path.write_bytes(hostile.pdf_with_pages(150))
    assert len(load_source(path).lines) >= 150
    with pytest.raises(UserFacingError, match="te veel pagina's"):
        _submission(path.read_bytes(), "pdf")


def test_email_attachment_flood_and_nesting_are_refused():
    many = hostile.email_with_attachments("Bijgaand.", [(f"bijlage-{i}.txt", b"Constaterende dat")
                                                         for i in range(500)])
    with pytest.raises(UserFacingError, match="te veel bijlagen") as caught:
        with time_limit(CALL_LIMIT_S):
            _submission(many, "eml")
    assert_dutch(str(caught.value))
    with pytest.raises(UserFacingError) as caught:
        with time_limit(CALL_LIMIT_S):
            _submission(hostile.email_nested(1500), "eml")
    assert_dutch(str(caught.value))


@pytest.mark.parametrize("charset", ["unknown-8bit", "tf-8", "utf-8\x00", "x-onbekend"])
def test_email_with_an_unknown_charset_is_still_read(charset):
    """Mailers write odd charsets; the body is then decoded as UTF-8/cp1252 instead of crashing (found by fuzzing)."""
    body = "Constaterende dat de gemeente één motie indient.\nRoept het bestuur op."
    data = (f"From: griffie@zeist.nl\nTo: motiealv@vng.nl\nSubject: Motie\nMIME-Version: 1.0\n"
            f"Content-Type: text/plain; charset=\"{charset}\"\nContent-Transfer-Encoding: 8bit\n\n").encode() + \
        body.encode("utf-8")
    result = _submission(data, "eml")
    assert "één motie" in result.text


def test_overlong_submission_text_is_refused():
    text = ("Constaterende dat de gemeente een motie indient.\n" * 20_000).encode("utf-8")  # ~1 MB
    with pytest.raises(UserFacingError, match="te lang") as caught:
        _submission(text, "txt")
    assert_dutch(str(caught.value))


@fuzz_settings()
@given(data=st.data())
def test_mutated_zip_batches(data, sample_files):
    """The review importer on damaged ZIPs: every member becomes a row (text or Dutch reason), or the whole ZIP is
    refused with a Dutch ``InputError``; nothing else escapes."""
    from assistant.review.importer import ImportLimits, collect_uploads, sources_from

    archive = hostile.zip_of({"moties/a.txt": sample_files["txt"], "moties/b.docx": sample_files["docx"],
                              "moties/c.eml": sample_files["eml"]})
    damaged = data.draw(mutated(archive))
    try:
        with time_limit(CALL_LIMIT_S, "ZIP-import"):
            incoming = collect_uploads([("inzendingen.zip", damaged)], ImportLimits())
            sources = [source for item in incoming for source in sources_from(item)]
    except UserFacingError as error:
        assert_dutch(str(error))
        return
    assert sources
    for source in sources:
        assert source.text is not None or source.error, source
        if source.error:
            assert_dutch(source.error)
