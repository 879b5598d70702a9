"""Amendment changes on the real text of the 2024 asylum resolution (corpus 2024 package L963–981)."""

from __future__ import annotations

import pytest

from assistant.errors import InputError
from assistant.motions.diff import (
    apply_change,
    apply_changes,
    change_diff,
    change_instruction,
    change_instruction_lines,
    diff_to_html,
    diff_to_markdown,
    diff_to_text,
    find_passage,
    make_change,
    make_insertion,
    proposal_diff,
    tighten_change,
    word_diff,
)
from assistant.motions.model import AmendmentChange
from assistant.rules.sources import f1

RESOLUTION = f1(963, 981).text  # "Resolutie: Samenhangend beleid in de asielketen ..." (amendable text)
BULLET = ("Bij het nieuwe kabinet te bepleiten dat als de Spreidingswet wordt ingetrokken, dat pas te doen als de "
          "asielketen op orde is, met voldoende (langdurig perspectief op) doorstroom en uitstroom;")


def test_the_corpus_passage_is_the_resolution_text():
    assert "Resolutie: Samenhangend beleid in de asielketen" in RESOLUTION
    assert BULLET in RESOLUTION
    assert "Toelichting" not in RESOLUTION  # L983 onwards is not amendable


def test_replace_a_real_bullet_and_state_it_precisely():
    replacement = ("Bij het nieuwe kabinet erop aan te dringen dat de Spreidingswet niet wordt ingetrokken zolang "
                   "de asielketen niet op orde is;")
    change = make_change(RESOLUTION, BULLET, replacement)
    assert change.action == "vervangen"
    assert change_instruction_lines(change) == [f"schrappen: {BULLET}", f"vervangen door: {replacement}"]
    assert change_instruction(change).startswith("schrappen: Bij het nieuwe kabinet te bepleiten dat als")
    ops = change_diff(change)
    assert [op.op for op in ops if op.op != "equal"] and "".join(o.text for o in ops if o.op != "insert") == BULLET
    assert "".join(o.text for o in ops if o.op != "delete") == replacement
    struck = " ".join(o.text.strip() for o in ops if o.op == "delete")
    inserted = " ".join(o.text.strip() for o in ops if o.op == "insert")
    assert "bepleiten" in struck and "erop aan" in inserted and "dringen" in inserted
    amended = apply_change(RESOLUTION, change)
    assert replacement in amended and BULLET not in amended
    assert amended.count("\n") == RESOLUTION.count("\n")  # the other bullets are untouched


def test_diff_renderings_mark_struck_and_inserted_words():
    ops = word_diff("te bepleiten dat als de Spreidingswet", "erop aan te dringen dat de Spreidingswet")
    assert diff_to_markdown(ops) == "**erop aan** te ~~bepleiten~~ **dringen** dat ~~als~~ de Spreidingswet"
    assert diff_to_text(ops) == "{+erop aan+} te [-bepleiten-] {+dringen+} dat [-als-] de Spreidingswet"
    assert "<del>bepleiten</del>" in diff_to_html(ops) and "<ins>erop aan</ins>" in diff_to_html(ops)


def test_passage_found_across_line_breaks_and_extra_spaces():
    passage = "ongeacht of er\n  een   Spreidingswet is."
    assert len(find_passage(RESOLUTION, passage)) == 1
    change = make_change(RESOLUTION, passage, "ook zonder Spreidingswet.")
    assert change.schrappen == "ongeacht of er een Spreidingswet is."


def test_strike_only():
    change = make_change(RESOLUTION, ", met name door een streng asielbeleid", "")
    assert change.action == "schrappen"
    assert change_instruction_lines(change) == ["schrappen: , met name door een streng asielbeleid"]
    assert "forse inperking van de immigratie;" in apply_change(RESOLUTION, change)


def test_insert_after_a_passage():
    change = make_insertion(RESOLUTION, "asielketen op orde is,", "er voldoende opvangplekken zijn,")
    assert change == AmendmentChange(action="invoegen", invoegen_na="asielketen op orde is,",
                                     vervangen_door="er voldoende opvangplekken zijn,")
    assert change_instruction_lines(change) == ["invoegen na: asielketen op orde is,",
                                                "in te voegen tekst: er voldoende opvangplekken zijn,"]
    assert "asielketen op orde is, er voldoende opvangplekken zijn, met voldoende" in apply_change(RESOLUTION, change)


def test_a_passage_that_is_not_in_the_proposal_is_refused_in_dutch():
    with pytest.raises(InputError, match="komt niet letterlijk voor"):
        make_change(RESOLUTION, "de Spreidingswet wordt per direct afgeschaft", "x")


def test_an_ambiguous_passage_is_refused():
    assert len(find_passage(RESOLUTION, "Spreidingswet")) > 1
    with pytest.raises(InputError, match="keer voor"):
        make_change(RESOLUTION, "Spreidingswet", "Wet spreiding")


def test_no_op_change_is_refused():
    with pytest.raises(InputError, match="verandert niets"):
        make_change(RESOLUTION, BULLET, BULLET)


def test_tighten_strikes_only_the_changed_words_with_unique_context():
    retyped = BULLET.replace("te bepleiten", "erop aan te dringen")
    tight = tighten_change(RESOLUTION, make_change(RESOLUTION, BULLET, retyped))
    assert len(tight.schrappen) < len(BULLET)
    assert "bepleiten" in tight.schrappen and "erop aan te dringen" in tight.vervangen_door
    assert len(find_passage(RESOLUTION, tight.schrappen)) == 1
    assert apply_change(RESOLUTION, tight) == apply_change(RESOLUTION, make_change(RESOLUTION, BULLET, retyped))


def test_tighten_widens_a_word_that_occurs_more_than_once():
    # "Spreidingswet" alone occurs several times: the tightened passage must carry enough context to be unique.
    retyped = BULLET.replace("als de Spreidingswet", "als de Wet COA-taakstelling")
    tight = tighten_change(RESOLUTION, make_change(RESOLUTION, BULLET, retyped))
    assert len(find_passage(RESOLUTION, tight.schrappen)) == 1
    assert apply_change(RESOLUTION, tight) == apply_change(RESOLUTION, make_change(RESOLUTION, BULLET, retyped))


def test_whole_proposal_diff_with_several_changes():
    changes = [
        make_change(RESOLUTION, ", met name door een streng asielbeleid", ""),
        make_insertion(RESOLUTION, "asielketen op orde is,", "er voldoende opvangplekken zijn,"),
    ]
    amended = apply_changes(RESOLUTION, changes)
    ops = proposal_diff(RESOLUTION, changes)
    assert "".join(o.text for o in ops if o.op != "insert") == RESOLUTION
    assert "".join(o.text for o in ops if o.op != "delete") == amended
    assert {o.text.strip() for o in ops if o.op == "insert"} == {"er voldoende opvangplekken zijn,"}
