"""Upload + re-ingest on the Bronnen page (only when ``admin_uploads`` is on and the user is concernstaf).

Uploads are stored under ``<data_dir>/uploads/corpus``, which ingest reads next to the corpus folder (setting
``extra_corpus_dirs``); re-indexing shows a progress bar, then the app switches to the new index generation.
"""

from __future__ import annotations

import streamlit as st

from assistant.errors import UserFacingError
from assistant.ui import resources, uploads
from assistant.ui.text import plural
from assistant.ui.widgets import file_input, table

STAGES = {"lezen": "Bestanden lezen", "embedden": "Passages omzetten naar vectoren", "bm25": "Trefwoordindex bouwen",
          "chroma": "Vectorindex bijwerken"}
REPORT_KEY = "ingest_rapport"


def _reingest() -> None:
    from assistant.index.build import ingest

    settings = resources.settings()
    bar = st.progress(0.0, text="Indexeren begint…")

    def progress(stage: str, done: int, total: int) -> None:
        bar.progress(min(1.0, done / total) if total else 1.0,
                     text=f"{STAGES.get(stage, stage)}: {done} van {total}")

    report = ingest(settings, progress=progress)  # the corpus folder plus the uploads (extra_corpus_dirs)
    bar.empty()
    resources.forget_index()
    st.session_state[REPORT_KEY] = report


def _render_report() -> None:
    report = st.session_state.get(REPORT_KEY)
    if report is None:
        return
    st.success(f"Index bijgewerkt (generatie {report.generation}): {plural(report.documents, 'document', 'documenten')}, "
               f"{plural(report.chunks, 'passage', 'passages')}, {report.embedded} nieuw berekend, "
               f"{report.from_cache} uit de cache, in {report.seconds:.1f} s.")
    for skipped in report.skipped:
        st.warning(f"Overgeslagen: {skipped['file']} — {skipped['reason']}")


def render() -> None:
    settings = resources.settings()
    st.header("Stukken toevoegen")
    st.write("Voeg vergaderstukken toe aan de index. Na het uploaden wordt de index opnieuw opgebouwd; ongewijzigde "
             "stukken worden niet opnieuw verwerkt.")
    stored = uploads.uploaded_corpus_files(settings)
    if stored:
        table({"Toegevoegd bestand": [p.name for p in stored],
               "Grootte": [f"{p.stat().st_size / 1024:.0f} kB" for p in stored]})
    chosen = file_input("Bestanden", uploads.CORPUS_TYPES, settings.upload_max_mb, key="corpus_bestanden",
                        multiple=True)
    if st.button("Uploaden en opnieuw indexeren", type="primary", key="corpus_knop"):
        saved = 0
        for upload in chosen or []:
            try:
                uploads.save_upload(settings, "corpus", upload.name, upload.getvalue(), allowed=uploads.CORPUS_TYPES)
                saved += 1
            except UserFacingError as error:
                st.error(str(error))
        if saved or not chosen:
            try:
                _reingest()
            except UserFacingError as error:
                st.error(str(error))
            else:
                st.rerun()  # show the new index status, documents and stored files
    _render_report()
