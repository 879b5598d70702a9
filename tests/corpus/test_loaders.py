"""Loaders on files generated in the test: PDF (fpdf2), DOCX (python-docx), and broken or hostile input."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.corpus import loaders
from assistant.corpus.loaders import load_source, normalise_pdf_text
from assistant.corpus.pipeline import process_file
from assistant.errors import InputError
from tests.corpus.conftest import write

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def _pdf(path: Path, pages: list[list[str]], *, user_password: str | None = None) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    if DEJAVU.exists():
        pdf.add_font("DejaVu", fname=str(DEJAVU))
        pdf.set_font("DejaVu", size=11)
    else:
        pdf.set_font("Helvetica", size=11)
    for lines in pages:
        pdf.add_page()
        for line in lines:
            pdf.cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    if user_password is not None:
        pdf.set_encryption(owner_password="eigenaar", user_password=user_password)
    pdf.output(str(path))
    return path


@pytest.mark.skipif(not DEJAVU.exists(), reason="DejaVuSans.ttf (for ligature code points) is not installed")
def test_pdf_pages_ligatures_hyphenation_and_empty_page(tmp_path, corpus_settings):
    path = _pdf(tmp_path / "motie.pdf", [
        ["Motie over de ﬁnanciële positie van gemeenten", "De ALV verzoekt het bestuur om de verant-",
         "woording  over  de  uitvoering te verbeteren."],
        [],  # a page without text (like a scan)
        ["Derde pagina: de oﬃciële toelichting van de gemeente Noord-", "Holland."],
    ])
    source = load_source(path)
    texts = source.texts
    assert "Motie over de financiële positie van gemeenten" in texts  # ﬁ → fi (NFKC)
    assert "De ALV verzoekt het bestuur om de verantwoording" in texts  # hyphenated break re-joined
    assert "over de uitvoering te verbeteren." in texts  # double spaces collapsed
    assert any("officiële" in t for t in texts)
    assert any(t.endswith("Noord-") for t in texts)  # a real dash before a capital stays
    pages = {line.page for line in source.lines if line.text.strip()}
    assert pages == {1, 3}
    result = process_file(path, corpus_settings)
    assert any("pagina 2 bevat geen tekst" in w for w in result.warnings)
    assert {c.page for c in result.chunks} <= {1, 3} and result.chunks[0].page == 1
    assert all(c.line_start is None for c in result.chunks)
    assert "financiële" in result.chunks[0].text


def test_encrypted_pdf_with_empty_password_opens_with_warning(tmp_path, corpus_settings):
    path = _pdf(tmp_path / "open.pdf", [["Versleuteld maar zonder wachtwoord leesbaar."]], user_password="")
    result = process_file(path, corpus_settings)
    assert any("versleuteld" in w for w in result.warnings)
    assert "zonder wachtwoord leesbaar" in result.chunks[0].text


def test_encrypted_pdf_with_password_gives_dutch_error(tmp_path):
    path = _pdf(tmp_path / "geheim.pdf", [["Geheime tekst."]], user_password="geheim")
    with pytest.raises(InputError, match=r"geheim\.pdf: de pdf is versleuteld"):
        load_source(path)


def test_corrupt_pdf_names_file_and_reason(tmp_path):
    path = write(tmp_path, "kapot.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\nniet echt een pdf")
    with pytest.raises(InputError, match=r"kapot\.pdf: de pdf is beschadigd of onleesbaar \(.+\)"):
        load_source(path)


def test_docx_paragraphs_headings_and_tables(tmp_path, corpus_settings):
    import docx

    document = docx.Document()
    document.add_heading("Motie schone rivieren", level=1)
    document.add_paragraph("De ALV van de VNG, in vergadering bijeen op 26 juni 2024,")
    document.add_heading("Constaterende dat", level=2)
    document.add_paragraph("rivieren vervuild raken door microplastics;")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Indiener", "Gemeente"
    table.cell(1, 0).text, table.cell(1, 1).text = "Zwolle", "Overijssel"
    document.add_paragraph("Roept het bestuur op tot actie.")
    path = tmp_path / "motie.docx"
    document.save(str(path))

    source = load_source(path)
    by_text = {line.text: line for line in source.lines if line.text}
    assert by_text["Motie schone rivieren"].paragraph == 0 and by_text["Motie schone rivieren"].heading_level == 1
    assert by_text["Constaterende dat"].heading_level == 2
    assert by_text["rivieren vervuild raken door microplastics;"].paragraph == 3
    assert by_text["Zwolle\tOverijssel"].paragraph == 4  # table rows sit before the next paragraph
    assert by_text["Roept het bestuur op tot actie."].paragraph == 4
    result = process_file(path, corpus_settings)
    texts = "\n".join(c.text for c in result.chunks)
    assert "Zwolle\tOverijssel" in texts and "Roept het bestuur op" in texts
    assert result.chunks[0].paragraph == 0 and result.chunks[0].line_start is None
    [document] = result.documents
    assert (document.title, document.doc_type, document.paragraph) == ("Motie schone rivieren", "motie", 0)
    assert [s.heading_path for s in document.sections] == [["Constaterende dat"]]
    assert document.sections[0].paragraph == 2


def test_heading_style_names_in_dutch_and_english():
    assert loaders.heading_level_from_style("Kop 2") == 2
    assert loaders.heading_level_from_style("Heading 3") == 3
    assert loaders.heading_level_from_style("Title") == 1
    assert loaders.heading_level_from_style("Normal") is None


def test_non_utf8_text_gives_dutch_error(tmp_path):
    path = write(tmp_path, "latin1.txt", "Motie over coördinatie en financiën".encode("latin-1"))
    with pytest.raises(InputError, match=r"latin1\.txt: het bestand is geen UTF-8-tekst"):
        load_source(path)


@pytest.mark.parametrize("content", [b"", b"\n\n   \n"])
def test_empty_file_is_reported(tmp_path, content):
    path = write(tmp_path, "leeg.txt", content)
    with pytest.raises(InputError, match=r"leeg\.txt: het bestand (is leeg|bevat geen tekst)"):
        load_source(path)


def test_unsupported_type_and_size_limit(tmp_path, monkeypatch):
    with pytest.raises(InputError, match="wordt niet ondersteund"):
        load_source(write(tmp_path, "notities.odt", b"x"))
    monkeypatch.setattr(loaders, "MAX_FILE_BYTES", 10)
    with pytest.raises(InputError, match="te groot"):
        load_source(write(tmp_path, "groot.txt", "x" * 100))


def test_pdf_page_cap(tmp_path, monkeypatch):
    path = _pdf(tmp_path / "lang.pdf", [["een"], ["twee"], ["drie"]])
    monkeypatch.setattr(loaders, "MAX_PDF_PAGES", 2)
    with pytest.raises(InputError, match="te veel pagina's"):
        load_source(path)


def test_normalise_pdf_text_keeps_real_dashes():
    assert normalise_pdf_text("raads- en\ncommissievergadering") == ["raads- en", "commissievergadering"]
    assert normalise_pdf_text("ver-\nantwoording  van") == ["verantwoording", "van"]
