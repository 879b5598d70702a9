"""Document splitting against the hand-made table of corpus_map.md §1.2 / §2.2 (the gold standard)."""

from __future__ import annotations

import pytest

from tests.corpus.conftest import write

# (map id, start line, a phrase the title must contain, letterhead/provenance date or None, Lbr-nummer or None)
F0_MAP = [
    ("D0-01", 5, "Uitnodiging Buitengewone ALV", "2019-11-01", "19/087"),
    ("D0-02", 120, "AGENDA Buitengewone Algemene Ledenvergadering", None, None),
    ("D0-03", 167, "Stand van zaken interbestuurlijke samenwerking", None, None),
    ("D0-04", 270, "Opbrengst IBP", None, None),
    ("D0-05", 648, "MEDEDELING BUITENGEWONE ALV", None, None),
    ("D0-06", 664, "NOTULEN ALV 5 JUNI 2019", "2019-06-05", None),
    ("D0-07", 1185, "Uitvoering moties aangenomen in ALV 5 juni 2019", "2019-11-01", "19/088"),
    ("D0-08", 1248, "BIJLAGE BIJ LEDENBRIEF", "2019-11-01", None),
    ("D0-09", 1503, "Instemming Klimaatakkoord en moties", "2019-11-01", "19/093"),
    ("D0-10", 1636, "Nieuwe afspraken Raamovereenkomst Verpakkingen", "2019-11-01", "19/086"),
    ("D0-11", 1787, "Ketenovereenkomst Verpakkingen", None, None),
    ("D0-12", 1921, "Bijlagenoverzicht ketenovereenkomst", "2019-11-05", None),
    ("D0-13", 2111, "VNG Agenda 2020", None, None),
    ("D0-14", 2404, "Jaarplan GGU", None, None),
    ("D0-15", 2410, "Jaarplan Gezamenlijke Gemeentelijke Uitvoering 2020", "2019-11-01", "19/092"),
    ("D0-16", 2502, "Jaarplan 2020 Gezamenlijke Gemeentelijke Uitvoering", None, None),
    ("D0-17", 3143, "Verkenning verbreding en beheer GGU", "2019-11-01", "19/089"),
    ("D0-18", 3256, "Principes voor de digitale samenleving", "2019-11-01", "19/091"),
    ("D0-19", 3373, "Principes voor de digitale samenleving", None, None),
    ("D0-20", 3716, "Bekendmaking kandidaten", "2019-10-25", "19/081"),
    ("D0-21", 3810, "voorstel technische aanpassing statuten", "2019-11-01", "19/090"),
    ("D0-22", 3881, "statuten", None, None),
    ("D0-23", 3891, "Arbeidsvoorwaarden voor de onderkant van de arbeidsmarkt", "2019-11-06", "19/094"),
    ("D0-24", 4019, "Voorstel : Arbeidsvoorwaarden", None, None),
]
F1_MAP = [
    ("D1-01", 3, "Nazending ALV 26 juni 2024", "2024-06-05", "24/020"),
    ("D1-02", 72, "Uitnodiging ALV 26 juni 2024", "2024-05-29", "24/019"),
    ("D1-04", 375, "Procedure en regels voor indiening", None, None),
    ("D1-05", 554, "ruimte geven aan moties en signalen", None, None),
    ("D1-06", 604, "NOTULEN ALGEMENE LEDENVERGADERING 1 DECEMBER 2023", "2023-12-01", None),
    ("D1-07", 959, "Resolutie: Samenhangend beleid in de asielketen", "2024-06-05", None),
    ("D1-08", 995, "Stand van zaken bestuurlijke afspraken klimaat en energie", "2024-05-29", None),
    ("D1-09", 1192, "Goed lokaal bestuur", None, None),
    ("D1-10", 1242, "VNG Jaarverslag 2023", "2024-05-29", None),
    ("D1-11", 1272, "Financieel Jaarverslag 2023", None, None),
    ("D1-12", 3044, "contributievoorstel 2025", "2024-05-29", None),
    ("D1-13", 3079, "Kadernota", None, None),
    ("D1-14", 4028, "09b", "2024-05-29", None),
    ("D1-15", 4191, "Propositie Platform Sociaal Domein", None, None),
    ("D1-16", 4245, "Propositie Lokale agenda bestaanszekerheid", None, None),
    ("D1-17", 4337, "Propositie Asiel en migratie", None, None),
    ("D1-18", 4401, "Versterking gezamenlijke wetgevingsfunctie", None, None),
    ("D1-19", 4537, "Transitieprogramma Common Ground", None, None),
    ("D1-20", 4683, "Propositie Transitieprogramma Common Ground", None, None),
    ("D1-21", 5621, "Kwalitatieve en kwantitatieve doorkijk", None, None),
    ("D1-22", 6502, "Arre Zuurmond", None, None),
    ("D1-23", 6643, "Addendum", None, None),
    ("D1-24", 6702, "Risicobeheerfonds", None, None),
    ("D1-25", 6740, "Verantwoording over uitvoering moties", "2024-05-29", None),
    ("D1-27", 6987, "Bekendmaking voorgedragen kandidaten", "2024-05-22", "24/017"),
]


def _found(result, expected) -> bool:
    _, start, phrase, date, lbr = expected
    for document in result.documents:
        if document.duplicate_of or abs(document.line_start - start) > 3:
            continue
        if phrase.lower() in document.title.lower() and (date is None or document.date == date) \
                and (lbr is None or document.lbr == lbr):
            return True
    return False


def test_at_least_47_of_49_documents_found_with_title_and_date(f0, f1):
    missed = [e[0] for e in F0_MAP if not _found(f0, e)] + [e[0] for e in F1_MAP if not _found(f1, e)]
    score = len(F0_MAP) + len(F1_MAP) - len(missed)
    assert len(F0_MAP) + len(F1_MAP) == 49
    assert score >= 47, f"{score}/49 gevonden; gemist: {missed}"


def test_no_large_over_splitting(f0, f1):
    # 24 + 27 documents in the map (incl. 2 duplicates); a few extra splits are tolerated, not dozens.
    assert len(f0.documents) <= 24 + 2
    assert len(f1.documents) <= 27 + 2


def test_documents_cover_the_package_in_order(f0, f1):
    for result in (f0, f1):
        starts = [d.line_start for d in result.documents]
        assert starts == sorted(starts)
        for before, after in zip(result.documents, result.documents[1:]):
            assert before.line_end < after.line_start


def test_meeting_derived_from_invitation_letter(f0, f1):
    assert {(d.meeting_date, d.meeting_kind) for d in f0.documents} == {("2019-11-29", "BALV")}
    assert {(d.meeting_date, d.meeting_kind) for d in f1.documents} == {("2024-06-26", "ALV")}
    assert f0.documents[0].meeting == "BALV 29-11-2019"


@pytest.mark.parametrize("start,doc_type,agenda_item", [
    (664, "notulen", "4"), (1248, "verantwoording_moties", "5"), (1636, "ledenbrief", "7"),
    (2111, None, "8a"), (3143, "ledenbrief", "8c"), (3810, "ledenbrief", "11"), (120, "agenda", None),
])
def test_f0_types_and_agenda_items(f0, start, doc_type, agenda_item):
    document = next(d for d in f0.documents if d.line_start == start)
    assert document.agenda_item == agenda_item
    if doc_type:
        assert document.doc_type == doc_type


@pytest.mark.parametrize("start,doc_type,agenda_item", [
    (604, "notulen", "3"), (959, "resolutie", "5b"), (1192, "pamflet", "7"), (1272, "jaarverslag", "8"),
    (3044, "voorstel", "9a"),  # headed "8. VNG contributievoorstel 2025", but agenda item 9a
    (3079, "kadernota", "9b"), (6702, None, "10"), (6740, "verantwoording_moties", "11"),
    (6987, "ledenbrief", "12"), (72, "ledenbrief", None),
])
def test_f1_types_and_agenda_items(f1, start, doc_type, agenda_item):
    document = next(d for d in f1.documents if d.line_start == start)
    assert document.agenda_item == agenda_item
    if doc_type:
        assert document.doc_type == doc_type


def test_untitled_documents_take_their_title_from_the_letter(f0, f1):
    titles = {d.line_start: d.title for d in f0.documents + f1.documents}
    assert titles[1787].startswith("Ketenovereenkomst Verpakkingen")  # starts at "Partijen:"
    assert titles[1192] == "Pamflet 'Goed lokaal bestuur, Terug naar de kern'"  # starts at "## Onmacht"
    assert titles[6702] == "Toelichting op initiatief VNG Risicobeheerfonds"  # starts mid-sentence


def test_sections_have_heading_paths(f1):
    kadernota = next(d for d in f1.documents if d.line_start == 3079)
    paths = [" > ".join(s.heading_path) for s in kadernota.sections]
    assert any(p.startswith("Inclusieve samenleving > 2.2. Kansengelijkheid") for p in paths)
    notulen = next(d for d in f1.documents if d.doc_type == "notulen")
    assert any(s.heading_path[0].startswith("07. Resolutie") for s in notulen.sections)


NEW_PACKAGE = """
**Aan de leden****Datum**

2 februari 2027

**Ons kenmerk**

U202700011

Lbr. 27/004

**Onderwerp**

Uitnodiging Buitengewone ALV 15 maart 2027

Geachte leden van college en gemeenteraad,

Hierbij ontvangt u de agenda:

1. Opening
2. Vaststelling notulen Najaars ALV 4 december 2026
3. Voorstel afvalstoffenheffing en inzamelbeleid
4. Rondvraag
5. Sluiting

Met vriendelijke groet,
Vereniging van Nederlandse Gemeenten

mr A.B. Voorbeeld
Voorzitter

## **3. Voorstel afvalstoffenheffing en inzamelbeleid**

### Bijlage bij ledenbrief 2 februari 2027: "Uitnodiging Buitengewone ALV 15 maart 2027"

Het bestuur stelt voor de afspraken over afvalinzameling te herzien. Dit voorstel is amendabel.

## NOTULEN ALGEMENE LEDENVERGADERING 4 DECEMBER 2026

Notulen van de algemene ledenvergadering op vrijdag 4 december 2026.

## 01. Opening

De voorzitter opent de vergadering.

## 02. Rondvraag

De voorzitter geeft het woord aan de wethouder voor een toelichting op de motie Zwolle "Schone rivieren".
Het preadvies van het bestuur is positief.
Uitslag stemming motie Zwolle: 91,5% van de stemmen. Daarmee is de motie aangenomen.
"""


def test_a_new_package_of_the_same_shape_splits_too(tmp_path, corpus_settings):
    from assistant.corpus.pipeline import process_file

    result = process_file(write(tmp_path, "2027-03-15-balv.md", NEW_PACKAGE), corpus_settings)
    lines = NEW_PACKAGE.split("\n")
    line_of = {text: lines.index(text) + 1 for text in lines if text}
    kinds = [(d.doc_type, d.line_start) for d in result.documents]
    assert kinds == [("ledenbrief", line_of["**Aan de leden****Datum**"]),
                     ("voorstel", line_of["## **3. Voorstel afvalstoffenheffing en inzamelbeleid**"]),
                     ("notulen", line_of["## NOTULEN ALGEMENE LEDENVERGADERING 4 DECEMBER 2026"])]
    letter, proposal, notulen = result.documents
    assert (letter.date, letter.kenmerk, letter.lbr) == ("2027-02-02", "U202700011", "27/004")
    assert (letter.meeting_date, letter.meeting_kind) == ("2027-03-15", "BALV")
    assert proposal.agenda_item == "3" and proposal.date == "2027-02-02"
    assert notulen.date == "2026-12-04" and notulen.agenda_item == "2"
    [record] = result.motion_records
    assert (record.title, record.gemeenten, record.preadvies, record.outcome) == (
        "Schone rivieren", ["Zwolle"], "positief", "aangenomen")
    assert record.vote == "91,5% voor" and record.meeting == "Najaars-ALV 04-12-2026"
