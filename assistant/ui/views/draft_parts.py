"""The parts of the editor: one row per sjabloon part — the field on the left, the guidance and the live findings
for that part on the right (stacked on a narrow screen)."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from assistant.ui import findings
from assistant.ui.views.draft_state import DraftState

TEXT_AREA_PARTS = {"aanleiding", "toelichting"}
LIST_PARTS = {"mede_indieners", "ondersteunende_gemeenten", "constateringen", "overwegingen", "oproepen"}
LIST_HELP = "Eén per regel."


def _shown(value) -> str:
    """A value as the field shows it; template placeholders are shown as the field's hint, not as text."""
    from assistant.motions.template import is_placeholder

    if isinstance(value, list):
        lines = [getattr(v, "text", v) for v in value]
        lines = [line for line in lines if line and not is_placeholder(line)]
        return "\n".join(lines)
    if value is None or is_placeholder(str(value)):
        return ""
    return str(value)


def _on_text(state: DraftState, draft, part: str, key: str) -> None:
    state.apply(draft.update, part, st.session_state[key])


def _text_field(state: DraftState, draft, part) -> None:
    key = state.key(part.key)
    value = _shown(getattr(draft.item, part.key))
    common = dict(key=key, on_change=_on_text, args=(state, draft, part.key, key), placeholder=part.placeholder or None)
    if part.key in LIST_PARTS:
        st.text_area(part.label, value=value, help=LIST_HELP, height=120, **common)
    elif part.key in TEXT_AREA_PARTS:
        st.text_area(part.label, value=value, height=120, **common)
    else:
        st.text_input(part.label, value=value, **common)


def _date_field(state: DraftState, draft, part) -> None:
    key = state.key(part.key)
    st.date_input(part.label, value=getattr(draft.item, part.key), format="DD-MM-YYYY", key=key,
                  on_change=_on_text, args=(state, draft, part.key, key), min_value=dt.date(2000, 1, 1))


def _signatories(state: DraftState, draft, part) -> None:
    from assistant.drafting import SIGNATORY_FUNCTIONS
    from assistant.motions.template import is_placeholder

    st.markdown(f"**{part.label}**")
    for index, signatory in enumerate(draft.item.signatories):
        columns = st.columns([3, 2, 1])
        name_key, function_key, signed_key = (state.key("sig", index, f) for f in ("naam", "functie", "getekend"))
        functions = list(SIGNATORY_FUNCTIONS)
        if signatory.function and signatory.function not in functions:
            functions.append(signatory.function)
        columns[0].text_input(
            f"Naam ondertekenaar {index + 1} ({signatory.gemeente})", key=name_key,
            value="" if is_placeholder(signatory.name) else signatory.name, placeholder=signatory.name or None,
            on_change=lambda i=index, k=name_key: state.apply(draft.set_signatory, i, name=st.session_state[k]),
        )
        columns[1].selectbox(
            f"Functie ondertekenaar {index + 1}", functions, key=function_key,
            index=functions.index(signatory.function) if signatory.function in functions else 0,
            on_change=lambda i=index, k=function_key: state.apply(draft.set_signatory, i, function=st.session_state[k]),
        )
        columns[2].checkbox(
            "Getekend", value=signatory.signed, key=signed_key, help="Aanvinken voor het getekende exemplaar (w.g.).",
            on_change=lambda i=index, k=signed_key: state.apply(draft.set_signatory, i, signed=st.session_state[k]),
        )


def _contacts(state: DraftState, draft, part) -> None:
    from assistant.motions.template import is_placeholder

    st.markdown(f"**{part.label}**")
    fields = (("name", "Naam"), ("function", "Functie"), ("email", "E-mail"), ("phone", "Telefoon"))
    for index, contact in enumerate(draft.item.contact_persons):
        columns = st.columns(4)
        for column, (attr, label) in zip(columns, fields):
            key = state.key("contact", index, attr)
            value = getattr(contact, attr)

            def changed(i=index, a=attr, k=key):
                people = [c.model_dump() for c in draft.item.contact_persons]
                people[i][a] = st.session_state[k]
                draft.update("contact_persons", people)

            column.text_input(f"{label} contactpersoon {index + 1}", key=key,
                              value="" if is_placeholder(value) else value, placeholder=value or None,
                              on_change=lambda fn=changed: state.apply(fn))


def render_part_field(state: DraftState, draft, part) -> None:
    if part.key == "signatories":
        _signatories(state, draft, part)
    elif part.key == "contact_persons":
        _contacts(state, draft, part)
    elif part.key == "datum_indiening":
        _date_field(state, draft, part)
    elif part.key in ("agenda_item", "changes"):
        from assistant.ui.views import amendment_parts

        amendment_parts.render(state, draft, part)
    else:
        _text_field(state, draft, part)


def render_part_notes(report) -> None:
    """Beside the field: guidance, tips, then placeholders, gemeente checks and findings for this part."""
    part = report.part
    st.caption(part.guidance)
    if part.tips:
        st.caption("Met aandacht voor: " + "; ".join(part.tips) + ".")
    if report.placeholders:
        st.markdown("*Nog in te vullen* (tekst uit het sjabloon staat er nog).")
    for check in report.gemeenten:
        if not check.known:
            hint = f" Bedoelt u: {', '.join(check.suggestions)}?" if check.suggestions else ""
            st.markdown(f"**Let op:** {check.message}{hint}")
    for finding in report.findings:
        findings.render_finding(finding)


def render_parts(state: DraftState, draft, validation) -> None:
    st.header("Tekst")
    for report in validation.parts:
        left, right = st.columns([3, 2])
        with left:
            render_part_field(state, draft, report.part)
        with right:
            render_part_notes(report)
