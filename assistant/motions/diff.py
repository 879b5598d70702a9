"""Amendments as exact text changes: locate a passage in the proposal, diff it, state it as the procedure asks.

The procedure note says an amendment must state "precies ... wat er in de tekst moet worden geschrapt en wat ervoor
in de plaats moet komen" (ALV 26-06-2024 package L390). So a change is built from a passage that really occurs in
the proposal text (whitespace-insensitive, exactly once), and is rendered as "schrappen: … / vervangen door: …" or
"invoegen na: … / in te voegen tekst: …". The word diff (strike/insert) is for the editor's preview.
"""

from __future__ import annotations

import difflib
import html
import re
from dataclasses import dataclass
from typing import Literal

from assistant.errors import InputError
from assistant.motions.model import AmendmentChange

_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")  # whitespace, words and single punctuation marks
_OPEN_QUOTE, _CLOSE_QUOTE = "“", "”"


@dataclass(frozen=True)
class DiffOp:
    op: Literal["equal", "delete", "insert"]
    text: str

    def to_dict(self) -> dict:
        return {"op": self.op, "text": self.text}


# --- word diff ---------------------------------------------------------------------------------------------------


def word_diff(old: str, new: str) -> list[DiffOp]:
    """Word-level diff of ``old`` → ``new``; whitespace is kept with the words so the ops join back to the texts."""
    old_tokens, new_tokens = _TOKEN.findall(old), _TOKEN.findall(new)
    matcher = difflib.SequenceMatcher(a=old_tokens, b=new_tokens, autojunk=False)
    ops: list[DiffOp] = []
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag == "equal":
            _append(ops, "equal", "".join(old_tokens[a0:a1]))
            continue
        if tag in ("delete", "replace"):
            _append(ops, "delete", "".join(old_tokens[a0:a1]))
        if tag in ("insert", "replace"):
            _append(ops, "insert", "".join(new_tokens[b0:b1]))
    return ops


def _append(ops: list[DiffOp], op: str, text: str) -> None:
    if not text:
        return
    if ops and ops[-1].op == op:
        ops[-1] = DiffOp(op, ops[-1].text + text)
    else:
        ops.append(DiffOp(op, text))


_MARKDOWN = {"equal": ("", ""), "delete": ("~~", "~~"), "insert": ("**", "**")}
_HTML = {"equal": ("", ""), "delete": ("<del>", "</del>"), "insert": ("<ins>", "</ins>")}
_WDIFF = {"equal": ("", ""), "delete": ("[-", "-]"), "insert": ("{+", "+}")}


def _render_ops(ops: list[DiffOp], marks: dict, escape=lambda text: text) -> str:
    out = []
    for previous, op in zip([None, *ops], ops):
        if previous is not None and previous.op == "delete" and op.op == "insert":
            if not previous.text[-1:].isspace() and not op.text[:1].isspace():
                out.append(" ")  # "~~bepleiten~~ **dringen**", not "~~bepleiten~~**dringen**"
        out.append(_wrap(escape(op.text), marks[op.op]))
    return "".join(out)


def diff_to_markdown(ops: list[DiffOp]) -> str:
    """Struck text as ``~~…~~``, inserted text as ``**…**`` (Markdown, as Streamlit renders it)."""
    return _render_ops(ops, _MARKDOWN)


def diff_to_html(ops: list[DiffOp]) -> str:
    return _render_ops(ops, _HTML, html.escape)


def diff_to_text(ops: list[DiffOp]) -> str:
    """Plain-text diff in the wdiff convention: ``[-geschrapt-]{+ingevoegd+}``."""
    return _render_ops(ops, _WDIFF)


def _wrap(text: str, marks: tuple[str, str]) -> str:
    """Put the marks around the words only, so a trailing space never ends up inside ``~~ ~~``."""
    opening, closing = marks
    if not opening:
        return text
    stripped = text.strip()
    if not stripped:
        return text
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    return f"{lead}{opening}{stripped}{closing}{trail}"


# --- locating passages -------------------------------------------------------------------------------------------


def _normalised_with_map(text: str) -> tuple[str, list[int]]:
    """``text`` with every whitespace run collapsed to one space, and for each output char its index in ``text``."""
    chars: list[str] = []
    positions: list[int] = []
    previous_space = True  # drops leading whitespace
    for index, char in enumerate(text):
        if char.isspace():
            if previous_space:
                continue
            chars.append(" ")
            positions.append(index)
            previous_space = True
        else:
            chars.append(char)
            positions.append(index)
            previous_space = False
    return "".join(chars), positions


def normalise_space(text: str) -> str:
    return " ".join(text.split())


def find_passage(proposal_text: str, passage: str) -> list[tuple[int, int]]:
    """All (start, end) spans in ``proposal_text`` where ``passage`` occurs, ignoring differences in whitespace."""
    needle = normalise_space(passage)
    if not needle:
        return []
    haystack, positions = _normalised_with_map(proposal_text)
    spans = []
    start = haystack.find(needle)
    while start != -1:
        end = start + len(needle)
        spans.append((positions[start], positions[end - 1] + 1))
        start = haystack.find(needle, start + 1)
    return spans


def locate_passage(proposal_text: str, passage: str) -> tuple[int, int]:
    """The one span where ``passage`` occurs; a Dutch ``InputError`` when it is missing or not unique."""
    spans = find_passage(proposal_text, passage)
    if not spans:
        raise InputError(
            "De gekozen passage komt niet letterlijk voor in de tekst van het voorstel.",
            hint="Kopieer de passage precies uit de voorsteltekst; het amendement moet exact aangeven wat wordt geschrapt.",
        )
    if len(spans) > 1:
        raise InputError(
            f"De gekozen passage komt {len(spans)} keer voor in de tekst van het voorstel.",
            hint="Kies een langere passage, zodat duidelijk is welke plaats u bedoelt.",
        )
    return spans[0]


# --- building and applying changes -------------------------------------------------------------------------------


def make_change(proposal_text: str, passage: str, replacement: str) -> AmendmentChange:
    """Strike ``passage`` (which must occur exactly once) and put ``replacement`` in its place (empty: strike only)."""
    start, end = locate_passage(proposal_text, passage)
    struck = normalise_space(proposal_text[start:end])
    new_text = normalise_space(replacement)
    if new_text == struck:
        raise InputError("De nieuwe tekst is gelijk aan de bestaande passage: er verandert niets.")
    if not new_text:
        return AmendmentChange(action="schrappen", schrappen=struck)
    return AmendmentChange(action="vervangen", schrappen=struck, vervangen_door=new_text)


def make_insertion(proposal_text: str, after: str, new_text: str) -> AmendmentChange:
    """Insert ``new_text`` after the passage ``after`` (which must occur exactly once)."""
    start, end = locate_passage(proposal_text, after)
    if not normalise_space(new_text):
        raise InputError("Vul de tekst in die u wilt invoegen.")
    return AmendmentChange(
        action="invoegen", invoegen_na=normalise_space(proposal_text[start:end]), vervangen_door=normalise_space(new_text)
    )


def apply_change(proposal_text: str, change: AmendmentChange) -> str:
    """The proposal text with ``change`` applied (the amended text)."""
    if change.action == "invoegen":
        _, end = locate_passage(proposal_text, change.invoegen_na)
        return f"{proposal_text[:end]} {change.vervangen_door}{proposal_text[end:]}"
    start, end = locate_passage(proposal_text, change.schrappen)
    replacement = change.vervangen_door if change.action == "vervangen" else ""
    if not replacement:
        # Strike the passage and the space in front of it, so no double space is left behind.
        while start > 0 and proposal_text[start - 1] == " ":
            start -= 1
    return proposal_text[:start] + replacement + proposal_text[end:]


def apply_changes(proposal_text: str, changes: list[AmendmentChange]) -> str:
    text = proposal_text
    for change in changes:
        text = apply_change(text, change)
    return text


def proposal_diff(proposal_text: str, changes: list[AmendmentChange]) -> list[DiffOp]:
    """Strike/insert diff of the whole proposal text before and after the amendment."""
    return word_diff(proposal_text, apply_changes(proposal_text, changes))


def change_diff(change: AmendmentChange) -> list[DiffOp]:
    """Strike/insert diff of one change on its own passage (the editor's compact preview)."""
    if change.action == "invoegen":
        return [DiffOp("equal", change.invoegen_na), DiffOp("insert", " " + change.vervangen_door)]
    new = change.vervangen_door if change.action == "vervangen" else ""
    return word_diff(change.schrappen, new)


def tighten_change(proposal_text: str, change: AmendmentChange) -> AmendmentChange:
    """The smallest equivalent change: only the words that differ, widened word by word until the passage is unique.

    A griffier often selects a whole bullet and retypes it with one word changed; the amendment is clearer when it
    strikes just that word (with enough context to be unambiguous).
    """
    if change.action != "vervangen" or not change.vervangen_door:
        return change
    old, new = change.schrappen.split(" "), change.vervangen_door.split(" ")
    prefix = _common_prefix(old, new)
    suffix = _common_prefix(old[prefix:][::-1], new[prefix:][::-1])
    lo, hi, delta = prefix, len(old) - suffix, len(new) - len(old)
    widen_left = True
    while lo > 0 or hi < len(old) or old[lo:hi]:
        struck = " ".join(old[lo:hi])
        if struck and len(find_passage(proposal_text, struck)) == 1:
            return AmendmentChange(action="vervangen", schrappen=struck, vervangen_door=" ".join(new[lo : hi + delta]))
        if lo == 0 and hi == len(old):
            break
        # Widen alternately to the left and the right, so the context stays balanced around the change.
        if (widen_left and lo > 0) or hi == len(old):
            lo -= 1
        else:
            hi += 1
        widen_left = not widen_left
    return change


def _common_prefix(a: list[str], b: list[str]) -> int:
    count = 0
    for x, y in zip(a, b):
        if x != y:
            break
        count += 1
    return count


# --- the wording the procedure asks for --------------------------------------------------------------------------


def quote(text: str) -> str:
    return f"{_OPEN_QUOTE}{text}{_CLOSE_QUOTE}"


def change_instruction_lines(change: AmendmentChange) -> list[str]:
    """The change as the amendment states it, one instruction per line (Dutch), in the block layout
    "schrappen: …" / "vervangen door: …" and "invoegen na: …" / "in te voegen tekst: …".

    No quotation marks: ``assistant.motions.parse`` reads the block layout back exactly, whatever the order and mix
    of changes, also when a passage holds an apostrophe ("auto's") that a quoted form would end at.
    """
    if change.action == "invoegen":
        return [f"invoegen na: {change.invoegen_na}", f"in te voegen tekst: {change.vervangen_door}"]
    if change.action == "schrappen":
        return [f"schrappen: {change.schrappen}"]
    return [f"schrappen: {change.schrappen}", f"vervangen door: {change.vervangen_door}"]


def change_instruction(change: AmendmentChange) -> str:
    """One-line form: "schrappen: … / vervangen door: …" (or "invoegen na: … / in te voegen tekst: …")."""
    return " / ".join(change_instruction_lines(change))
