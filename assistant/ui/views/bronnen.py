"""Bronnen: the corpus behind every answer — documents per meeting with their sections, a source viewer with line
numbers (opened from a citation via ``?pad=…&regel=…&tot=…``), the index status, and, when the settings allow it,
upload + re-ingest for the concernstaf."""

from __future__ import annotations

from collections import defaultdict

import streamlit as st

from assistant.errors import UserFacingError
from assistant.ui import resources, session, viewer
from assistant.ui.text import plural
from assistant.ui.widgets import table

DOC_KEY = "bronnen_document"


def _render_status(reader) -> None:
    st.header("Status van de index")
    parts = [
        f"generatie {reader.generation}",
        plural(len(reader.documents), "document", "documenten"),
        plural(len(reader.chunks), "passage", "passages"),
        plural(len(reader.motion_records), "eerdere motie", "eerdere moties"),
    ]
    st.write(", ".join(parts) + ".")
    if not getattr(reader, "dense_available", True):
        st.warning("Zoeken op betekenis is niet beschikbaar (embedder niet geladen); de assistent zoekt alleen op "
                   "trefwoorden.")


def _documents_by_meeting(reader) -> dict[str, list]:
    grouped: dict[str, list] = defaultdict(list)
    for document in reader.documents:
        if getattr(document, "duplicate_of", None):
            continue
        grouped[document.meeting or "Overige stukken"].append(document)
    return dict(sorted(grouped.items(), key=lambda kv: kv[0]))


def _lines_label(obj) -> str:
    if obj.line_start is not None:
        return f"{obj.line_start}–{obj.line_end or obj.line_start}"
    if getattr(obj, "page", None) is not None:
        return f"p. {obj.page}"
    return "–"


def _render_documents(reader) -> None:
    st.header("Documenten per vergadering")
    grouped = _documents_by_meeting(reader)
    if not grouped:
        st.write("De index bevat nog geen documenten.")
        return
    meeting = st.selectbox("Vergadering", list(grouped), key="bronnen_vergadering")
    documents = grouped[meeting]
    table(
        {
            "Titel": [d.title for d in documents],
            "Soort": [d.doc_type for d in documents],
            "Datum": [d.date or "–" for d in documents],
            "Agendapunt": [d.agenda_item or "–" for d in documents],
            "Bestand": [d.source_path.rsplit("/", 1)[-1] for d in documents],
            "Regels": [_lines_label(d) for d in documents],
        }
    )
    titles = [f"{d.title} ({_lines_label(d)})" for d in documents]
    chosen = st.selectbox("Document bekijken", titles, key="bronnen_document_keuze")
    document = documents[titles.index(chosen)]
    if document.sections:
        with st.expander(f"Indeling van '{document.title}' ({plural(len(document.sections), 'sectie', 'secties')})"):
            table({"Sectie": [" > ".join(s.heading_path) or "(begin)" for s in document.sections],
                   "Regels": [_lines_label(s) for s in document.sections]})
    if document.line_start is not None and st.button("Document openen in de bronviewer", key="bronnen_open"):
        st.query_params.from_dict({"pad": document.source_path, "regel": str(document.line_start),
                                   "tot": str(document.line_end or document.line_start)})
        st.rerun()  # the viewer sits at the top of the page


def _render_viewer() -> None:
    settings = resources.settings()
    params = st.query_params
    path_param = params.get("pad")
    if not path_param:
        return  # opened from a citation link or the "open" button below
    st.header("Bronviewer")
    try:
        path = viewer.resolve_viewable(settings, path_param)
    except UserFacingError as error:
        st.error(str(error))
        return
    lines = viewer.file_lines(path)
    start = viewer.parse_line(params.get("regel"))
    end = viewer.parse_line(params.get("tot"), start)
    whole = st.toggle("Hele bestand tonen", key="bronnen_heel", help="Standaard ziet u de passage met wat context.")
    first, last = (1, len(lines)) if whole else viewer.window(len(lines), start, end)
    where = "" if not start else (f", regel {start}" if end == start else f", regels {start}–{end}")
    st.markdown(f"**{path.name}**{where} (getoond: {first}–{last} van {len(lines)})")
    st.html(viewer.lines_html(lines, first, last, start, end))


def _render_upload() -> None:
    from assistant.ui.views import corpus_upload

    corpus_upload.render()


def render() -> None:
    st.title("Bronnen")
    st.write("De vergaderstukken waarop de antwoorden berusten, met een bronviewer die de geciteerde regels toont.")
    _render_viewer()
    try:
        with st.spinner("De index wordt geladen…"):
            reader = resources.index_reader()
    except UserFacingError as error:
        st.warning(str(error))
        reader = None
    if reader is not None:
        _render_status(reader)
        _render_documents(reader)
    settings = resources.settings()
    if settings.admin_uploads and session.current_user().is_concernstaf:
        _render_upload()
