"""Complete, realistic drafts built from the model (no parser involved), shared by the drafting tests."""

from __future__ import annotations

import datetime as dt

from assistant.motions.model import SLOTZIN, Amendment, AmendmentChange, ContactPerson, Motion, Oproep, Signatory

ALV_2024 = dt.date(2024, 6, 26)


def complete_motion(**changes) -> Motion:
    """A motion with every part of the sjabloon filled in, signed by the lead gemeente's burgemeester."""
    motion = Motion(
        indiener="Utrecht",
        mede_indieners=["Zeist", "Houten"],
        ondersteunende_gemeenten=["Amersfoort", "Nieuwegein", "Stichtse Vecht"],
        titel="Betaalbare jeugdzorg voor alle gemeenten",
        datum_indiening=dt.date(2024, 6, 10),
        meeting_date=ALV_2024,
        aanleiding="De tekorten op de jeugdzorg lopen in veel gemeenten verder op.\n"
        "Signalen van zorgaanbieders laten zien dat wachtlijsten groeien.",
        constateringen=[
            "de uitgaven aan jeugdzorg in 2023 opnieuw sterk zijn gestegen;",
            "gemeenten deze stijging niet uit eigen middelen kunnen opvangen.",
        ],
        overwegingen=[
            "de continuïteit van zorg voor kinderen en gezinnen in gevaar komt;",
            "een structurele oplossing met het Rijk nodig is.",
        ],
        oproepen=[
            Oproep(
                text="zich in te spannen om met het Rijk tot structurele afspraken over de financiering te komen;\n"
                "bij het nieuwe kabinet te bepleiten dat de Hervormingsagenda Jeugd wordt uitgevoerd.",
                verb="roept op",
                addressee="het bestuur van de VNG",
                to_vng_bestuur=True,
            )
        ],
        slotzin=SLOTZIN,
        signatories=[
            Signatory(name="S. Dijksma", function="burgemeester", gemeente="Utrecht", signed=True, marker="w.g."),
            Signatory(name="L. Isik", function="wethouder", gemeente="Utrecht", signed=True, marker="w.g."),
            Signatory(name="H. Janssen", function="gemeentesecretaris", gemeente="Zeist", signed=True, marker="w.g."),
            Signatory(name="W. de Boer", function="wethouder", gemeente="Houten", signed=True, marker="w.g."),
        ],
        contact_persons=[
            ContactPerson(name="K. Pietersen", function="beleidsadviseur", email="k.pietersen@utrecht.nl",
                          phone="06-12345678"),
            ContactPerson(name="L. Isik", function="wethouder", email="l.isik@utrecht.nl"),
        ],
    )
    return motion.model_copy(update=changes)


def complete_amendment(**changes) -> Amendment:
    amendment = Amendment(
        indiener="Utrecht",
        mede_indieners=["Zeist"],
        titel="Spreidingswet niet intrekken",
        datum_indiening=dt.date(2024, 6, 11),
        meeting_date=ALV_2024,
        agenda_item="5b",
        target_proposal="Resolutie: Samenhangend beleid in de asielketen dat uitvoerbaar is voor gemeenten",
        changes=[
            AmendmentChange(
                action="vervangen",
                schrappen="Bij het nieuwe kabinet te bepleiten dat als de Spreidingswet wordt ingetrokken, dat pas "
                "te doen als de asielketen op orde is",
                vervangen_door="Bij het nieuwe kabinet te bepleiten dat de Spreidingswet niet wordt ingetrokken",
            ),
            AmendmentChange(action="schrappen", schrappen="met name door een streng asielbeleid"),
        ],
        toelichting="Gemeenten hebben de Spreidingswet nodig om de opvang op orde te krijgen.",
        signatories=[
            Signatory(name="S. Dijksma", function="burgemeester", gemeente="Utrecht", signed=True, marker="w.g."),
            Signatory(name="H. Janssen", function="gemeentesecretaris", gemeente="Zeist", signed=True, marker="w.g."),
        ],
        contact_persons=[ContactPerson(name="K. Pietersen", function="beleidsadviseur", email="k.pietersen@utrecht.nl")],
    )
    return amendment.model_copy(update=changes)
