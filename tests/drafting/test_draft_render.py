"""Exports of a draft: plain text that the real parser reads back, DOCX, Markdown, e-mail, supporters' annex."""

from __future__ import annotations

import csv
import datetime as dt
import email
import io
from email import policy
from urllib.parse import parse_qs, unquote, urlparse

import pytest
from docx import Document

from assistant.motions.model import AmendmentChange, ContactPerson, Oproep, Signatory
from assistant.motions.parse import parse_submission
from assistant.motions.render import (
    email_subject,
    mailto_link,
    render_docx,
    render_eml,
    render_markdown,
    render_text,
    supporters_csv,
    supporters_markdown,
)
from drafting_helpers import complete_amendment, complete_motion


def _differences(expected, actual) -> dict:
    a, b = expected.model_dump(mode="json"), actual.model_dump(mode="json")
    return {key: (a[key], b[key]) for key in a if a[key] != b[key]}


# --- text round trip -------------------------------------------------------------------------------------------------


def test_motion_text_parses_back_into_the_same_model():
    motion = complete_motion()
    parsed = parse_submission(render_text(motion))
    assert _differences(motion, parsed) == {}
    assert parsed == motion


@pytest.mark.parametrize(
    "part, value",
    [
        ("indiener", "Súdwest-Fryslân"),
        ("mede_indieners", ["'s-Hertogenbosch", "Alphen aan den Rijn"]),
        ("ondersteunende_gemeenten", ["'s-Gravenhage", "Súdwest-Fryslân", "Bergen op Zoom"]),
        ("ondersteunende_gemeenten", ["Ede", "Renkum"]),
        ("titel", "Structurele middelen voor de Omgevingswet"),
        ("datum_indiening", dt.date(2024, 5, 31)),
        ("meeting_date", dt.date(2019, 11, 29)),
        ("aanleiding", "Eén alinea over de aanleiding, met cijfers (12%) en een komma."),
        ("constateringen", ["één constatering zonder puntkomma"]),
        ("overwegingen", ["de eerste overweging;", "de tweede overweging;", "de derde overweging."]),
        ("oproepen", [Oproep(text="te bepleiten dat gemeenten ruimte krijgen.", verb="verzoekt",
                             addressee="het VNG-bestuur", to_vng_bestuur=True)]),
        ("signatories", [Signatory(name="A. van der Berg", function="waarnemend burgemeester", gemeente="Utrecht",
                                   signed=True, marker="w.g."),
                         Signatory(name="P. Smit", function="raadslid", gemeente="Utrecht")]),
        ("contact_persons", []),
    ],
)
def test_every_motion_part_survives_the_round_trip(part, value):
    changes = {part: value}
    if part == "indiener":  # the lead gemeente's signatories follow it
        changes["signatories"] = [s.model_copy(update={"gemeente": value}) if s.gemeente == "Utrecht" else s
                                  for s in complete_motion().signatories]
    if part == "mede_indieners":
        changes["signatories"] = [complete_motion().signatories[0]] + [
            Signatory(name="J. Bos", function="wethouder", gemeente=name, signed=True, marker="w.g.") for name in value
        ]
    motion = complete_motion(**changes)
    parsed = parse_submission(render_text(motion))
    assert _differences(motion, parsed) == {}


def test_gemeente_with_parenthesised_province_round_trip():
    motion = complete_motion(ondersteunende_gemeenten=["Bergen (NH.)"])
    assert parse_submission(render_text(motion)).ondersteunende_gemeenten == ["Bergen (NH.)"]


def test_amendment_text_parses_back_into_the_same_model():
    amendment = complete_amendment()
    parsed = parse_submission(render_text(amendment))
    assert parsed.kind == "amendement"
    assert _differences(amendment, parsed) == {}


def test_amendment_insertion_round_trip():
    amendment = complete_amendment(changes=[
        AmendmentChange(action="invoegen", invoegen_na="op orde is,",
                        vervangen_door="en gemeenten daarvoor voldoende middelen krijgen,"),
    ])
    text = render_text(amendment)
    assert "invoegen na: op orde is,\nin te voegen tekst: en gemeenten daarvoor voldoende middelen krijgen," in text
    assert _differences(amendment, parse_submission(text)) == {}


@pytest.mark.parametrize("build", [render_text, render_markdown])
def test_mixed_changes_with_apostrophes_round_trip_in_order(build):
    """Insertions between strikes and replacements keep their order; an apostrophe ("auto's") ends no passage."""
    changes = [
        AmendmentChange(action="schrappen", schrappen="met name door een streng asielbeleid"),
        AmendmentChange(action="invoegen", invoegen_na="de gemeente 's-Hertogenbosch",
                        vervangen_door="en meer auto's in de stad,"),
        AmendmentChange(action="vervangen", schrappen="de Spreidingswet", vervangen_door="de 'regie' van het Rijk"),
        AmendmentChange(action="invoegen", invoegen_na="beslispunt 2: de ALV", vervangen_door="stemt in."),
    ]
    amendment = complete_amendment(changes=changes)
    assert parse_submission(build(amendment)).changes == changes


def test_contact_person_gemeente_round_trip():
    contacts = [ContactPerson(name="K. Pietersen", function="beleidsadviseur", gemeente="Utrecht",
                              email="k.pietersen@utrecht.nl", phone="06-12345678"),
                ContactPerson(name="M. de Vries", function="griffier", gemeente="Bergen (NH.)")]
    motion = complete_motion(contact_persons=contacts)
    for build in (render_text, render_markdown):
        assert parse_submission(build(motion)).contact_persons == contacts


def test_amendment_text_states_strike_and_replacement_precisely():
    text = render_text(complete_amendment())
    assert ("schrappen: Bij het nieuwe kabinet te bepleiten dat als de Spreidingswet wordt ingetrokken, dat pas te "
            "doen als de asielketen op orde is\nvervangen door: Bij het nieuwe kabinet te bepleiten dat de "
            "Spreidingswet niet wordt ingetrokken") in text
    assert "schrappen: met name door een streng asielbeleid" in text


# --- DOCX ------------------------------------------------------------------------------------------------------------


def _docx_paragraphs(data: bytes) -> list:
    return Document(io.BytesIO(data)).paragraphs


def _position(texts: list[str], needle: str, start: int = 0) -> int:
    for index in range(start, len(texts)):
        if needle in texts[index]:
            return index
    raise AssertionError(f"{needle!r} not found after paragraph {start}")


def test_docx_opens_and_holds_every_part_in_order():
    motion = complete_motion()
    data = render_docx(motion)
    paragraphs = _docx_paragraphs(data)
    texts = [p.text for p in paragraphs]
    order = [
        "Motie: Betaalbare jeugdzorg voor alle gemeenten",
        "Indiener: gemeente Utrecht",
        "Mede-indieners: Zeist en Houten",
        "Titel motie: Betaalbare jeugdzorg voor alle gemeenten",
        "Datum indiening: 10 juni 2024",
        "Vergadering: ALV van 26 juni 2024",
        "Aanleiding",
        "De tekorten op de jeugdzorg",
        "Constaterende, dat:",
        "de uitgaven aan jeugdzorg in 2023",
        "Overwegende, dat:",
        "de continuïteit van zorg",
        "Oproep aan het VNG-bestuur",
        "Roept het bestuur van de VNG op:",
        "zich in te spannen om met het Rijk",
        "bij het nieuwe kabinet te bepleiten",
        "En gaat over tot de orde van de dag.",
        "Ondertekening",
        "Namens het college van burgemeester en wethouders van Utrecht,",
        "Namens het college van burgemeester en wethouders van Zeist,",
        "Contactpersonen",
        "Ondersteunende gemeenten (bijlage)",
        "Amersfoort",
        "Stichtse Vecht",
    ]
    position = 0
    for needle in order:
        position = _position(texts, needle, position)
    headings = {p.text: p.style.name for p in paragraphs if p.style.name.startswith(("Heading", "Title"))}
    assert headings["Aanleiding"] == "Heading 1"
    assert headings["Ondertekening"] == "Heading 1"
    assert headings["Ondersteunende gemeenten (bijlage)"] == "Heading 1"
    bullets = [p.text for p in paragraphs if p.style.name == "List Bullet"]
    assert "de uitgaven aan jeugdzorg in 2023 opnieuw sterk zijn gestegen;" in bullets


def test_docx_has_a_signature_block_per_signatory_and_the_annex_on_its_own_page():
    motion = complete_motion()
    document = Document(io.BytesIO(render_docx(motion)))
    blocks = [table.rows[0].cells[0].text.strip() for table in document.tables]
    assert blocks == ["S. Dijksma, burgemeester w.g.", "L. Isik, wethouder w.g.", "H. Janssen, gemeentesecretaris w.g.",
                      "W. de Boer, wethouder w.g."]
    assert all(len(table.rows[0].cells[0].paragraphs) >= 3 for table in document.tables)  # room to sign
    annex = next(i for i, p in enumerate(document.paragraphs) if p.text == "Ondersteunende gemeenten (bijlage)")
    page_break = document.paragraphs[annex - 1]._p.xml
    assert 'w:type="page"' in page_break


def test_docx_of_an_unsigned_draft_leaves_the_signature_empty():
    motion = complete_motion(signatories=[Signatory(name="S. Dijksma", function="burgemeester", gemeente="Utrecht")])
    document = Document(io.BytesIO(render_docx(motion)))
    assert document.tables[0].rows[0].cells[0].text.strip() == "S. Dijksma, burgemeester"


@pytest.mark.parametrize("build", [complete_motion, complete_amendment])
@pytest.mark.parametrize("suffix", ["docx", "md"])
def test_docx_and_markdown_read_back_through_the_checker_extraction(tmp_path, build, suffix):
    """`motie check motie.docx` sees exactly the draft: the DOCX/Markdown layout is one the parser reads."""
    from assistant.motions.extract import read_submission_file

    item = build()
    target = tmp_path / f"stuk.{suffix}"
    if suffix == "docx":
        target.write_bytes(render_docx(item))
    else:
        target.write_text(render_markdown(item), encoding="utf-8")
    parsed = parse_submission(read_submission_file(target).text)
    assert _differences(item, parsed) == {}


def test_amendment_docx_holds_the_changes():
    texts = [p.text for p in _docx_paragraphs(render_docx(complete_amendment()))]
    position = _position(texts, "Agendapunt: 5b")
    position = _position(texts, "De ALV besluit het voorstel als volgt te wijzigen:", position)
    position = _position(texts, "schrappen: Bij het nieuwe kabinet te bepleiten", position)
    position = _position(texts, "vervangen door: Bij het nieuwe kabinet", position)
    _position(texts, "Toelichting", position)


# --- Markdown --------------------------------------------------------------------------------------------------------


def test_markdown_has_headings_slotzin_and_annex():
    markdown = render_markdown(complete_motion())
    assert markdown.startswith("# Motie: Betaalbare jeugdzorg voor alle gemeenten\n")
    for heading in ("## Aanleiding", "## Constaterende, dat", "## Overwegende, dat", "## Oproep aan het VNG-bestuur",
                    "## Ondertekening", "## Contactpersonen", "## Ondersteunende gemeenten (bijlage)"):
        assert f"\n\n{heading}\n" in markdown
    assert "*En gaat over tot de orde van de dag.*" in markdown
    assert markdown.index("## Aanleiding") < markdown.index("## Oproep aan het VNG-bestuur") < markdown.index(
        "## Ondertekening")


# --- e-mail ----------------------------------------------------------------------------------------------------------


def test_eml_is_addressed_to_the_meeting_with_subject_contacts_and_docx():
    motion = complete_motion()
    message = email.message_from_bytes(render_eml(motion, "motiealv@vng.nl"), policy=policy.default)
    assert message["To"] == "motiealv@vng.nl"
    assert message["Subject"] == "Motie Utrecht: Betaalbare jeugdzorg voor alle gemeenten"
    assert message["Date"] is None  # the submission time is when it is really sent
    body = message.get_body(("plain",)).get_content()
    assert "Ambtelijk contactpersoon: K. Pietersen, beleidsadviseur, k.pietersen@utrecht.nl, 06-12345678" in body
    assert "Verantwoordelijk bestuurder: L. Isik, wethouder, l.isik@utrecht.nl" in body
    assert "mede namens Zeist en Houten" in body and "ALV van 26 juni 2024" in body
    attachment = next(message.iter_attachments())
    assert attachment.get_filename().endswith(".docx")
    Document(io.BytesIO(attachment.get_content()))  # opens


def test_amendment_subject():
    assert email_subject(complete_amendment()) == "Amendement Utrecht: Spreidingswet niet intrekken"


def test_mailto_link_carries_subject_and_body():
    link = mailto_link(complete_motion(), "motiealv@vng.nl")
    parsed = urlparse(link)
    assert parsed.scheme == "mailto" and parsed.path == "motiealv@vng.nl"
    query = parse_qs(parsed.query)
    assert query["subject"] == ["Motie Utrecht: Betaalbare jeugdzorg voor alle gemeenten"]
    assert "K. Pietersen" in query["body"][0]
    assert " " not in link and unquote(link).count("Contactpersonen") == 1


# --- supporters' annex -----------------------------------------------------------------------------------------------


def test_supporters_csv_lists_co_submitters_and_supporters():
    rows = list(csv.DictReader(io.StringIO(supporters_csv(complete_motion()))))
    assert [(r["gemeente"], r["rol"]) for r in rows] == [
        ("Zeist", "mede-indiener"), ("Houten", "mede-indiener"), ("Amersfoort", "ondersteunend"),
        ("Nieuwegein", "ondersteunend"), ("Stichtse Vecht", "ondersteunend"),
    ]
    assert {r["motie"] for r in rows} == {"Betaalbare jeugdzorg voor alle gemeenten"}


def test_supporters_markdown_is_a_bulleted_annex():
    markdown = supporters_markdown(complete_motion())
    assert markdown.startswith("# Bijlage: ondersteunende gemeenten bij de motie “Betaalbare jeugdzorg voor alle")
    assert "- Amersfoort\n- Nieuwegein\n- Stichtse Vecht\n" in markdown
