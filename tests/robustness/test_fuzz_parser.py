"""Fuzzing the motion parser and the rule check on what it produces.

``parse_submission`` promises never to raise on content; the rule engine's ``check`` must then say what is wrong, not
crash. Inputs: random Unicode, "Dutch-ish" text assembled from the template's own words and real sentences, and
real motions/amendments with damage (lines dropped, shuffled, duplicated, characters replaced). Every call runs
under a hard time limit (catastrophic regex backtracking shows up as a hang, not as a slow test).
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from robust_helpers import assert_dutch, corpus_excerpt, fuzz_settings, real_amendment_text, real_motion_text, time_limit

CALL_LIMIT_S = 5.0
ALV_2024 = dt.date(2024, 6, 26)

TEMPLATE_WORDS = [
    "Motie", "MOTIE", "Amendement", "Titel motie:", "Indiener:", "Mede-indieners:", "Ondersteunende gemeenten:",
    "Constaterende dat", "constaterende,", "OVERWEGENDE DAT:", "Overwegende dat", "roept het bestuur op",
    "Roept de VNG op om", "verzoekt het bestuur", "en gaat over tot de orde van de dag.", "Toelichting",
    "w.g.", "de burgemeester,", "de secretaris,", "burgemeester van Zeist", "gemeente Utrecht", "Agendapunt 5b",
    "Voorstel:", "schrappen", "vervangen door", "toevoegen", "Datum: 10 juni 2024", "13-06-2024", "2024-06-26",
    "Algemene Ledenvergadering", "ALV", "Contactpersoon:", "griffie@zeist.nl", "•", "-", "1.", "a)", "\t", "\n",
    "\n\n", ":", ";", "…", "_____", "**", "#", "Lbr. 24/031",
]
REAL_SENTENCES = [line for line in corpus_excerpt(6770, 6990).split("\n") if 20 < len(line) < 400]


@st.composite
def dutchish(draw) -> str:
    """Text made of template words, real corpus sentences and random fragments, in random order."""
    pieces = draw(st.lists(st.one_of(st.sampled_from(TEMPLATE_WORDS), st.sampled_from(REAL_SENTENCES),
                                     st.text(max_size=30)), max_size=80))
    separators = draw(st.lists(st.sampled_from([" ", "\n", "\n\n", "\t", ": ", "\r\n"]),
                               min_size=len(pieces), max_size=len(pieces)))
    return "".join(piece + separator for piece, separator in zip(pieces, separators))


@st.composite
def damaged(draw, text: str) -> str:
    lines = text.split("\n")
    for _ in range(draw(st.integers(1, 6))):
        if not lines:
            break
        kind = draw(st.sampled_from(["drop", "duplicate", "swap", "replace_chars", "upper", "strip_colons"]))
        i = draw(st.integers(0, len(lines) - 1))
        j = draw(st.integers(0, len(lines) - 1))
        if kind == "drop":
            del lines[i]
        elif kind == "duplicate":
            lines.insert(j, lines[i])
        elif kind == "swap":
            lines[i], lines[j] = lines[j], lines[i]
        elif kind == "replace_chars":
            line = list(lines[i])
            for _ in range(draw(st.integers(1, 10))):
                if line:
                    line[draw(st.integers(0, len(line) - 1))] = draw(st.characters())
            lines[i] = "".join(line)
        elif kind == "upper":
            lines[i] = lines[i].upper()
        else:
            lines[i] = lines[i].replace(":", "")
    return "\n".join(lines)


def _parse_and_check(text: str) -> None:
    from assistant.motions.model import Amendment, Motion
    from assistant.motions.parse import parse_submission
    from assistant.errors import UserFacingError
    from assistant.rules.check import check

    with time_limit(CALL_LIMIT_S, "parse_submission"):
        parsed = parse_submission(text)
    assert isinstance(parsed, (Motion, Amendment))
    with time_limit(CALL_LIMIT_S, "check"):
        result = check(parsed, alv_date=ALV_2024)  # a known meeting: every rule runs
    assert result.alv_date == ALV_2024
    try:
        with time_limit(CALL_LIMIT_S, "check zonder ALV-datum"):
            check(parsed)  # the meeting from the text, if any
    except UserFacingError as error:
        assert_dutch(str(error))


@fuzz_settings(examples=80)
@given(text=st.text(max_size=2000))
def test_random_unicode(text):
    _parse_and_check(text)


@fuzz_settings(examples=80)
@given(text=dutchish())
def test_dutchish_text(text):
    _parse_and_check(text)


@pytest.mark.parametrize("seed", ["motie", "amendement"])
@fuzz_settings(examples=60)
@given(data=st.data())
def test_damaged_real_submissions(seed, data):
    text = real_motion_text() if seed == "motie" else real_amendment_text()
    _parse_and_check(data.draw(damaged(text)))


@pytest.mark.parametrize("text", [
    "a" * 300_000,
    " " * 300_000,
    "- " * 150_000,
    "Constaterende dat " * 15_000,
    ("w.g. " * 20_000) + "burgemeester",
    "\t" * 100_000 + "burgemeester van Zeist",
    "1 januari " * 30_000,
    ":" * 300_000,
    "(" * 100_000 + ")" * 100_000,
    "\n".join(["Overwegende dat"] * 30_000),
])
def test_pathological_long_inputs_stay_fast(text):
    """Inputs at the submission size limit (300k characters) that often trip regex backtracking."""
    _parse_and_check(text)
