import pytest

from assistant.errors import InputError
from assistant.ui import viewer
from assistant.ui.citations import Citation, highlight

F1 = "corpus/2024-06-26-alv-vergaderstukken.txt"


def test_corpus_file_is_viewable_and_lines_are_physical(app_settings):
    path = viewer.resolve_viewable(app_settings, F1)
    lines = viewer.file_lines(path)
    assert len(lines) in (7050, 7051)  # 7050 physical lines (+ an empty string after a final newline)
    assert "13 juni" in "\n".join(lines[380:395])


@pytest.mark.parametrize("bad", ["../../etc/passwd", "/etc/passwd", "pyproject.toml", "corpus/../pyproject.toml", ""])
def test_paths_outside_the_corpus_are_refused(app_settings, bad):
    with pytest.raises(InputError):
        viewer.resolve_viewable(app_settings, bad)


def test_window_and_html_mark_the_cited_lines():
    lines = tuple(f"regel {i}" for i in range(1, 101))
    first, last = viewer.window(len(lines), 50, 52, before=5, after=5)
    assert (first, last) == (45, 57)
    html = viewer.lines_html(lines, first, last, 50, 52)
    assert html.count('class="hl"') == 3 and html.count('class="ln"') == 10
    assert '<span class="nr">50</span>regel 50' in html


def test_highlight_marks_quoted_sentence_across_line_breaks_and_escapes_html():
    passage = "Inleiding <b>vet</b>.\nAmendementen kunnen tot uiterlijk negen\nwerkdagen worden ingediend. Slot."
    out = highlight(passage, "Amendementen kunnen tot uiterlijk negen werkdagen worden ingediend.")
    assert '<mark class="bron">Amendementen kunnen tot uiterlijk negen<br>werkdagen worden ingediend.</mark>' in out
    assert "&lt;b&gt;" in out


def test_citation_labels():
    c = Citation(path=F1, text="x", title="Uitnodiging ALV", meeting="ALV 26-06-2024", line_start=388, line_end=390)
    assert c.label == "Uitnodiging ALV — ALV 26-06-2024 — 2024-06-26-alv-vergaderstukken.txt, regels 388–390"
    assert c.viewer_params == {"pad": F1, "regel": "388", "tot": "390"}
    assert Citation(path="x.pdf", text="", page=3).location == "pagina 3"
    assert Citation(path="x.pdf", text="", page=3).viewer_params is None


def test_quoted_answer_is_highlighted_across_markdown_and_line_breaks():
    passage = "## Moties\n*De voorzitter* stelt de overige moties die zijn\ningediend aan de orde. Daarna de rondvraag."
    answer = "“De voorzitter stelt de overige moties die zijn ingediend aan de orde.” [1]"
    out = highlight(passage, answer)
    assert out.count('<mark class="bron">') == 1
    assert '<mark class="bron">De voorzitter* stelt de overige moties die zijn<br>ingediend aan de orde.</mark>' in out
    assert "Daarna de rondvraag." in out.split("</mark>")[1]
    assert highlight(passage, "“Iets wat niet in de passage staat, helemaal niet.” [1]").count("<mark") == 0
