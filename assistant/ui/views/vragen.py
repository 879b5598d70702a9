"""Vragen: a chat about the ALV procedure. Every answer shows how it was found (rule, documents, language model)
and its sources as expandable citations with the quoted passage highlighted and a link to the source viewer."""

from __future__ import annotations

import datetime as dt
from typing import Any

import streamlit as st

from assistant.errors import UserFacingError
from assistant.ui import citations, resources

MESSAGES_KEY = "vragen_berichten"
PENDING_KEY = "vragen_voorbeeld"
EXAMPLE_QUESTIONS = (
    "Tot wanneer kan ik een amendement indienen voor de ALV van 26 juni 2024?",
    "Wie moet een motie ondertekenen?",
    "Wat was het preadvies op de motie van Renkum?",
    "Hoeveel stemmen heeft een gemeente met 24.500 inwoners?",
)
ROUTE_LABELS = {
    "rules": "Berekend met de regels uit de vergaderstukken",
    "retrieval": "Gevonden in de documenten (citaat)",
    "llm": "Geformuleerd door het taalmodel op basis van de documenten",
}
AUTO_MEETING = "Afleiden uit de vraag"
AVATARS = {"user": ":material/person:", "assistant": ":material/menu_book:"}  # calm icons, no mascot


def _field(obj: Any, name: str, default=None):
    return obj.get(name, default) if isinstance(obj, dict) else getattr(obj, name, default)


def answer_to_message(answer: Any) -> dict:
    """The parts of an ``Answer`` the chat keeps (plain data, so the history survives reruns)."""
    return {
        "role": "assistant",
        "content": _field(answer, "answer", ""),
        "found": bool(_field(answer, "found", False)),
        "route": _field(answer, "route", "retrieval"),
        "sources": [citations.to_citation(s) for s in (_field(answer, "sources", None) or [])],
    }


def _history() -> list[dict]:
    return st.session_state.setdefault(MESSAGES_KEY, [])


def _meeting_choice() -> dt.date | None:
    from assistant.rules import meetings

    known = meetings.list_meetings(resources.settings())
    options = [AUTO_MEETING, *[m.label for m in reversed(known)]]
    choice = st.selectbox("Vergadering", options, help="Regels verschillen per vergadering (bijvoorbeeld de "
                          "stemverhouding in 2019 en 2024). Standaard leidt de assistent de vergadering af uit de vraag.")
    return next((m.date for m in known if m.label == choice), None)


def _ask(question: str, alv_date: dt.date | None) -> dict:
    """Ask the engine; earlier turns let it resolve follow-ups ("en voor moties?")."""
    engine = resources.ask_engine()
    turns = [m["turn"] for m in _history() if m.get("turn") is not None]
    turn = engine.ask_turn(question, alv_date=alv_date, history=turns)
    message = answer_to_message(turn.answer)
    message["turn"] = turn
    return message


def _render_message(message: dict) -> None:
    with st.chat_message(message["role"], avatar=AVATARS[message["role"]]):
        if message["role"] == "user":
            st.markdown(message["content"])
            return
        if not message["found"]:
            st.markdown("**Niet gevonden.** " + (message["content"] or "De documenten geven hierop geen antwoord."))
        else:
            st.markdown(message["content"])
        st.caption(ROUTE_LABELS.get(message["route"], message["route"]))
        heading = "Bronnen" if message["found"] else "Dichtstbijzijnde documenten"
        citations.render_sources(message["sources"], quoted=message["content"] if message["found"] else None,
                                 heading=heading)


def _render_examples() -> None:
    st.markdown("**Voorbeeldvragen**")
    for number, question in enumerate(EXAMPLE_QUESTIONS):
        if st.button(question, key=f"voorbeeld-{number}"):
            st.session_state[PENDING_KEY] = question
            st.rerun()  # start the conversation without the example list above it


def _answer(question: str, alv_date: dt.date | None, history: list[dict]) -> None:
    """Show the question, ask (with a spinner), show the answer; a Dutch error leaves the history as it was."""
    history.append({"role": "user", "content": question})
    _render_message(history[-1])
    try:
        with st.spinner("Bezig met zoeken in de vergaderstukken…"):
            reply = _ask(question, alv_date)
    except UserFacingError as error:
        history.pop()
        st.error(str(error))
        return
    history.append(reply)
    _render_message(reply)


def render() -> None:
    st.title("Vragen")
    st.write(
        "Stel een vraag over de ALV, moties of amendementen. Elk antwoord noemt de vergaderstukken waar het op "
        "berust; staat het antwoord niet in de stukken, dan zegt de assistent dat."
    )
    try:
        with st.spinner("De vergaderstukken worden geladen…"):
            resources.ask_engine()  # once per process; the first question is then fast
    except UserFacingError as error:
        st.warning(str(error))
        return
    alv_date = _meeting_choice()
    history = _history()
    example = st.session_state.pop(PENDING_KEY, None)
    if not history and not example:
        _render_examples()
    for message in history:
        _render_message(message)
    question = st.chat_input("Stel uw vraag") or example
    if question:
        _answer(question, alv_date, history)
    elif history and st.button("Nieuw gesprek"):
        history.clear()
        st.rerun()
