"""Batch review for the concernstaf (a tab of the Toetsen page): upload all submissions for a meeting, see one row
per submission, filter and sort, open a submission's findings, set its status and preadvies, export the overview."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from assistant.errors import UserFacingError
from assistant.ui import findings, resources, uploads
from assistant.ui.text import format_date
from assistant.ui.widgets import file_input, table

RESULT_KEY = "review_resultaat"
SCREEN_COLUMNS = ("number", "kind", "gemeenten", "title", "agenda_item", "submitted_at", "on_time", "errors",
                  "warnings", "signed_by", "supporters_count", "status", "group", "error")
SORT_LABELS = {"number": "Nummer", "gemeente": "Gemeente", "submitted_at": "Ingediend op", "errors": "Fouten",
               "agenda_item": "Agendapunt", "group": "Groep", "status": "Status"}
KIND_FILTER = {"Alle soorten": None, "Moties": "motie", "Amendementen": "amendement"}
EXPORTS = (("csv", "CSV", "text/csv"),
           ("xlsx", "Excel (XLSX)", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
           ("md", "Markdown", "text/markdown"),
           ("docx", "Word (DOCX)", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))


def _meeting_date() -> dt.date | None:
    from assistant.rules import meetings

    known = list(reversed(meetings.list_meetings(resources.settings())))
    if not known:
        st.write("Voeg eerst de vergadering toe op de pagina Termijnen.")
        return None
    labels = [m.label for m in known]
    choice = st.selectbox("Vergadering", labels, key="review_vergadering")
    return known[labels.index(choice)].date


def _accepted_files(uploaded) -> list[tuple[str, bytes]]:
    """Validated (safe name, bytes) pairs; each refused file gets its own Dutch message."""
    settings = resources.settings()
    accepted = []
    for upload in uploaded or []:
        data = upload.getvalue()
        try:
            name = uploads.validate_upload(upload.name, len(data), allowed=uploads.REVIEW_TYPES,
                                           max_mb=settings.upload_max_mb)
        except UserFacingError as error:
            st.error(str(error))
            continue
        accepted.append((name, data))
    return accepted


def _earlier_motions():
    """Motion records from the index, for "eerdere moties over hetzelfde onderwerp"; None lets review decide."""
    try:
        return resources.index_reader().motion_records
    except UserFacingError:
        return None


def _run_review(files: list[tuple[str, bytes]], alv_date: dt.date) -> None:
    from assistant.review import review_uploads

    bar = st.progress(0.0, text="Inzendingen worden gelezen…")

    def progress(stage: str, done: int, total: int) -> None:
        bar.progress(min(1.0, done / total) if total else 1.0, text=f"{stage}: {done} van {total}")

    result = review_uploads(files, alv_date, resources.settings(), progress, motion_records=_earlier_motions())
    bar.empty()
    st.session_state[RESULT_KEY] = result


def _render_overview(result) -> list:
    from assistant.review import filter_rows, sort_rows
    from assistant.review.overview import COLUMNS, cell

    columns = st.columns(4)
    kind = columns[0].selectbox("Soort", list(KIND_FILTER), key="review_soort")
    sort_by = columns[1].selectbox("Sorteren op", list(SORT_LABELS), format_func=SORT_LABELS.get, key="review_sort")
    only_invalid = columns[2].checkbox("Alleen met fouten", key="review_fouten")
    only_late = columns[3].checkbox("Alleen te laat", key="review_laat")
    search = st.text_input("Zoeken in titel, gemeente of bestand", key="review_zoek")
    rows = filter_rows(result.rows, kind=KIND_FILTER[kind], only_invalid=only_invalid, only_late=only_late,
                       text=search or None)
    rows = sort_rows(rows, sort_by)
    st.write(f"{len(rows)} van {len(result.rows)} inzendingen getoond.")
    labels = {c.key: c.label for c in COLUMNS}
    if rows:
        table({labels[key]: [str(cell(row, key)) for row in rows] for key in SCREEN_COLUMNS},
              alt="Overzicht van de ingediende moties en amendementen")
    return rows


def _render_status_form(result, row) -> None:
    from assistant.review import STATUSES, set_status

    with st.form(f"status-{row.file}"):
        current = STATUSES.index(row.status) if row.status in STATUSES else 0
        status = st.selectbox("Status", STATUSES, index=current)
        preadvies = st.text_area("Preadvies", value=row.preadvies_text)
        reason = st.text_input("Reden actueel onderwerp (bij te late moties)", value=row.actueel_reason)
        if not st.form_submit_button("Opslaan"):
            return
    try:
        set_status(resources.settings(), result.alv_date, row.number, status=status, preadvies_text=preadvies,
                   actueel_reason=reason)
    except UserFacingError as error:
        st.error(str(error))
        return
    row.status, row.preadvies_text, row.actueel_reason = status, preadvies, reason
    st.success(f"Status van {row.number} opgeslagen.")


def _plain(value) -> str:
    """A detail value as text: amendment changes are dicts ("schrappen: … / vervangen door: …")."""
    if isinstance(value, dict):
        return " / ".join(f"{key}: {val}" for key, val in value.items() if val)
    return str(value)


def _render_detail(result, rows: list) -> None:
    from assistant.review import row_detail

    st.subheader("Inzending bekijken")
    if not rows:
        return
    labels = [f"{r.number or '–'} · {r.title or r.file}" for r in rows]
    row = rows[labels.index(st.selectbox("Inzending", labels, key="review_detail"))]
    detail = row_detail(row)
    if row.error:
        st.error(f"{row.file}: {row.error}")
        return
    if row.late_note:
        st.warning(f"Te laat ingediend: {row.late_note}.")
    for label, value in {**detail["header"], **detail["parts"]}.items():
        if isinstance(value, list) and value:
            st.markdown(f"**{label}:**\n" + "\n".join(f"- {_plain(item)}" for item in value))
        else:
            st.markdown(f"**{label}:** {value or '–'}")
    findings.render_findings(row.findings)
    for earlier in row.earlier_motions[:3]:
        st.markdown(f"*Eerder:* {earlier.get('title')} ({earlier.get('meeting')}) — preadvies "
                    f"{earlier.get('preadvies') or 'onbekend'}, uitkomst {earlier.get('outcome') or 'onbekend'}")
    if row.number and row.counted:
        _render_status_form(result, row)


def _render_groups(result) -> None:
    if not result.groups:
        return
    st.subheader("Inzendingen over hetzelfde onderwerp")
    table({"Groep": [g["id"] for g in result.groups],
           "Nummers": [", ".join(n or "–" for n in g["numbers"]) for g in result.groups],
           "Gemeenten": [", ".join(g["gemeenten"]) for g in result.groups],
           "Titels": ["; ".join(g["titles"]) for g in result.groups]})


def _render_exports(result) -> None:
    from assistant.review import export

    st.subheader("Overzicht downloaden")
    columns = st.columns(len(EXPORTS))
    stem = f"overzicht-moties-amendementen-{result.alv_date.isoformat()}"
    for column, (fmt, label, mime) in zip(columns, EXPORTS):
        column.download_button(label, data=lambda fmt=fmt: export(result, fmt), file_name=f"{stem}.{fmt}",
                               mime=mime, key=f"review-export-{fmt}", on_click="ignore")


def render() -> None:
    st.header("Alle inzendingen")
    st.write("Upload alle ingediende moties en amendementen (losse bestanden, e-mails of een ZIP). U krijgt één "
             "overzicht met per inzending de bevindingen, de termijn en verwante inzendingen.")
    alv_date = _meeting_date()
    if alv_date is None:
        return
    settings = resources.settings()
    uploaded = file_input("Inzendingen", uploads.REVIEW_TYPES, settings.upload_max_mb, key="review_bestanden",
                          multiple=True)
    if st.button("Inzendingen controleren", type="primary", key="review_knop"):
        files = _accepted_files(uploaded)
        if files:
            try:
                _run_review(files, alv_date)
            except UserFacingError as error:
                st.error(str(error))
        else:
            st.error("Kies eerst een of meer bestanden om te controleren.")
    result = st.session_state.get(RESULT_KEY)
    if result is None:
        return
    st.markdown(f"**Overzicht voor de ALV van {format_date(result.alv_date, weekday=False)}**")
    for note in result.notes:
        st.caption(note)
    rows = _render_overview(result)
    _render_groups(result)
    _render_detail(result, rows)
    _render_exports(result)
