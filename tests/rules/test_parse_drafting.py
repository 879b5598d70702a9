"""Parser regressions reported by the drafting work: layouts a griffier (or the drafting export) writes naturally.

Each test names the reported issue: (1) "invoegen na: X", (2) the order of mixed changes and a quoted strike
followed by a quoted replacement, (3) a supporters'/contacts' list "heading, blank line, bullets" inside the
signature region, (4) a "Mede-indieners:" line followed directly by another header line, (5) the gemeente of a
contact person.
"""

from __future__ import annotations

import pytest

from assistant.motions.model import AmendmentChange, ContactPerson, Signatory
from assistant.motions.parse import parse_submission

AMENDMENT_HEAD = (
    "Amendement\n\n"
    "Indiener: gemeente Utrecht\n"
    "Agendapunt: 5b\n"
    "Voorstel: Resolutie asielketen\n\n"
    "De ALV besluit het voorstel als volgt te wijzigen:\n\n"
)
MOTION = (
    "Motie\n\n"
    "Indiener: gemeente Utrecht\n"
    "Titel motie: Betaalbare jeugdzorg\n"
    "Datum indiening: 10 juni 2024\n\n"
    "Constaterende, dat:\n- de tekorten oplopen;\n\n"
    "Roept het bestuur van de VNG op:\n- met het Rijk afspraken te maken.\n\n"
    "En gaat over tot de orde van de dag.\n\n"
    "Ondertekening\n\n"
    "Namens het college van burgemeester en wethouders van Utrecht,\n"
    "S. Dijksma, burgemeester w.g.\n"
)
SIGNED = [Signatory(name="S. Dijksma", function="burgemeester", gemeente="Utrecht", signed=True, marker="w.g.")]


def _changes(body: str) -> list[AmendmentChange]:
    return parse_submission(AMENDMENT_HEAD + body).changes


def _insertion(after: str, text: str) -> AmendmentChange:
    return AmendmentChange(action="invoegen", invoegen_na=after, vervangen_door=text)


# --- (1) "invoegen na: X" -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "invoegen na: op orde is,\nin te voegen tekst: en gemeenten voldoende middelen krijgen,\n",
        "Invoegen na: op orde is,\nen gemeenten voldoende middelen krijgen,\n",
        "Invoegen na: “op orde is,”\nInvoegen: “en gemeenten voldoende middelen krijgen,”\n",
        "Invoegen na: “op orde is,”: “en gemeenten voldoende middelen krijgen,”\n",
        "Invoegen na:\n“op orde is,”\nIn te voegen tekst:\n“en gemeenten voldoende middelen krijgen,”\n",
    ],
)
def test_invoegen_na_colon_names_the_passage(body):
    assert _changes(body) == [_insertion("op orde is,", "en gemeenten voldoende middelen krijgen,")]


@pytest.mark.parametrize(
    "body, expected",
    [
        ("Invoegen na het tweede beslispunt: Bij het kabinet te bepleiten dat X.\n",
         _insertion("het tweede beslispunt", "Bij het kabinet te bepleiten dat X.")),
        ("Invoegen na het tweede beslispunt:\n- Bij het kabinet te bepleiten dat X.\n",
         _insertion("het tweede beslispunt", "Bij het kabinet te bepleiten dat X.")),
        ("Toevoegen aan het dictum: Bij het kabinet te bepleiten dat X.\n",
         _insertion("aan het dictum", "Bij het kabinet te bepleiten dat X.")),
    ],
)
def test_invoegen_na_a_named_place_before_the_colon(body, expected):
    assert _changes(body) == [expected]


def test_invoegen_na_without_a_passage_invents_nothing():
    assert _changes("Invoegen na:\n") == []


# --- (2) order and quoted passages --------------------------------------------------------------------------------


def test_mixed_block_and_inline_changes_keep_their_order():
    changes = _changes(
        "schrappen: met name door een streng asielbeleid\n\n"
        "Na “op orde is,” invoegen: “en gemeenten voldoende middelen krijgen,”\n\n"
        "schrappen: de Spreidingswet\nvervangen door: de wet\n"
    )
    assert changes == [
        AmendmentChange(action="schrappen", schrappen="met name door een streng asielbeleid"),
        _insertion("op orde is,", "en gemeenten voldoende middelen krijgen,"),
        AmendmentChange(action="vervangen", schrappen="de Spreidingswet", vervangen_door="de wet"),
    ]


def test_a_quoted_strike_followed_by_a_quoted_replacement_are_two_changes():
    changes = _changes(
        "schrappen: “met name door een streng asielbeleid”\n\n"
        "schrappen: “de Spreidingswet”\nvervangen door: “de wet”\n"
    )
    assert changes == [
        AmendmentChange(action="schrappen", schrappen="met name door een streng asielbeleid"),
        AmendmentChange(action="vervangen", schrappen="de Spreidingswet", vervangen_door="de wet"),
    ]


def test_an_inline_replacement_before_an_inline_strike_are_two_changes():
    changes = _changes("“de Spreidingswet” vervangen door “de wet”\n\n“met name door een streng asielbeleid” schrappen\n")
    assert changes == [
        AmendmentChange(action="vervangen", schrappen="de Spreidingswet", vervangen_door="de wet"),
        AmendmentChange(action="schrappen", schrappen="met name door een streng asielbeleid"),
    ]


# --- (3) lists with a blank line below their heading --------------------------------------------------------------


def test_supporters_heading_blank_line_bullets_are_no_signatories():
    motion = parse_submission(MOTION + "\nOndersteunende gemeenten:\n\n- Ede\n- Renkum\n")
    assert motion.ondersteunende_gemeenten == ["Ede", "Renkum"]
    assert motion.signatories == SIGNED


def test_contacts_heading_blank_line_bullets_are_no_signatories():
    motion = parse_submission(
        MOTION + "\nContactpersonen:\n\n- K. Pietersen, beleidsadviseur, k.pietersen@utrecht.nl\n- L. Isik, wethouder\n")
    assert [c.name for c in motion.contact_persons] == ["K. Pietersen", "L. Isik"]
    assert motion.signatories == SIGNED


def test_a_signature_block_after_a_list_and_a_blank_line_is_still_read():
    motion = parse_submission(
        MOTION.replace("Ondertekening\n\n", "Ondertekening\n\nOndersteunende gemeenten: Ede\n\n"))
    assert motion.ondersteunende_gemeenten == ["Ede"]
    assert motion.signatories == SIGNED


# --- (4) "Mede-indieners:" directly followed by another line ------------------------------------------------------


@pytest.mark.parametrize(
    "next_line",
    [
        "Titel motie: Betaalbare jeugdzorg",
        "Betaalbare jeugdzorg voor alle gemeenten",
        "Datum indiening: 10 juni 2024",
        "Vergadering: ALV van 26 juni 2024",
        "Aanleiding",
        "De Algemene Ledenvergadering,",
    ],
)
def test_the_line_below_a_mede_indieners_line_is_no_gemeente(next_line):
    motion = parse_submission(MOTION.replace("Indiener: gemeente Utrecht\n",
                                             f"Indiener: gemeente Utrecht\nMede-indieners: Zeist en Houten\n{next_line}\n"))
    assert motion.indiener == "Utrecht"
    assert motion.mede_indieners == ["Zeist", "Houten"]


@pytest.mark.parametrize("next_line", ["Agendapunt: 5b", "Voorstel: Resolutie asielketen", "Raamovereenkomst Verpakkingen"])
def test_the_line_below_a_mede_indieners_line_in_an_amendment_is_no_gemeente(next_line):
    amendment = parse_submission(AMENDMENT_HEAD.replace(
        "Indiener: gemeente Utrecht\n", f"Indiener: gemeente Utrecht\nMede-indieners: Zeist\n{next_line}\n"))
    assert amendment.mede_indieners == ["Zeist"]


def test_an_empty_mede_indieners_heading_reads_the_names_below():
    motion = parse_submission(MOTION.replace("Indiener: gemeente Utrecht\n",
                                             "Indiener: gemeente Utrecht\nMede-indieners:\nZeist\nHouten\n"))
    assert motion.mede_indieners == ["Zeist", "Houten"]
    assert motion.titel == "Betaalbare jeugdzorg"


# --- (5) the gemeente of a contact person -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line, expected",
    [
        ("K. Pietersen, beleidsadviseur, Utrecht, k.pietersen@utrecht.nl, 06-12345678",
         ContactPerson(name="K. Pietersen", function="beleidsadviseur", gemeente="Utrecht",
                       email="k.pietersen@utrecht.nl", phone="06-12345678")),
        ("K. Pietersen, beleidsadviseur, gemeente 's-Hertogenbosch, k.pietersen@example.nl",
         ContactPerson(name="K. Pietersen", function="beleidsadviseur", gemeente="'s-Hertogenbosch",
                       email="k.pietersen@example.nl")),
        ("K. Pietersen (Bergen (NH.)), griffier",
         ContactPerson(name="K. Pietersen", function="griffier", gemeente="Bergen (NH.)")),
        ("K. Pietersen, beleidsadviseur gemeente Utrecht",
         ContactPerson(name="K. Pietersen", function="beleidsadviseur", gemeente="Utrecht")),
        ("K. Pietersen, beleidsadviseur", ContactPerson(name="K. Pietersen", function="beleidsadviseur")),
    ],
)
def test_contact_person_gemeente_is_read(line, expected):
    [contact] = parse_submission(MOTION + f"\nContactpersoon: {line}\n").contact_persons
    assert contact == expected
