"""The sjabloon as data: parts in document order, guidance quoted from the template, sources that really say it."""

from __future__ import annotations

import pytest

from assistant.motions import template
from assistant.motions.model import Amendment, Motion


def test_motion_parts_follow_the_sjabloon_order():
    keys = [part.key for part in template.MOTION_PARTS]
    assert keys[:9] == ["indiener", "mede_indieners", "titel", "datum_indiening", "aanleiding", "constateringen",
                        "overwegingen", "oproepen", "slotzin"]
    assert "signatories" in keys and keys.index("signatories") > keys.index("slotzin")


@pytest.mark.parametrize("kind, model", [("motie", Motion), ("amendement", Amendment)])
def test_every_part_is_a_model_field(kind, model):
    for part in template.parts_for(kind):
        assert part.key in model.model_fields


@pytest.mark.parametrize(
    "part, quoted",
    [
        (template.AANLEIDING, "Omschrijving directe aanleiding voor de motie"),
        (template.CONSTATERINGEN, "Urgentie van het probleem"),
        (template.OPROEPEN, "Gerichte oproep aan het bestuur om zich in te spannen"),
        (template.SLOTZIN, "En gaat over tot de orde van de dag."),
        (template.SIGNATORIES, "De burgemeester(s) van de indienende gemeente(n)"),
        (template.ONDERSTEUNENDE_GEMEENTEN, "Hiervoor zijn geen handtekeningen nodig."),
        (template.CONTACT_PERSONS, "ambtelijke contactpersoon"),
        (template.CHANGES, "wat er in de tekst moet worden geschrapt en wat ervoor in de plaats moet komen"),
    ],
)
def test_guidance_rests_on_the_sjabloon_text(part, quoted):
    assert quoted in " ".join(source.text for source in part.sources)
    assert part.guidance and part.to_dict()["sources"][0]["path"] == "corpus/2024-06-26-alv-vergaderstukken.txt"


def test_every_placeholder_is_recognised_as_one():
    placeholders = [part.placeholder for part in (*template.MOTION_PARTS, *template.AMENDMENT_PARTS) if part.placeholder]
    placeholders += [template.SIGNATORY_NAME_PLACEHOLDER, template.CONTACT_AMBTELIJK_PLACEHOLDER,
                     template.CONTACT_BESTUURDER_PLACEHOLDER, template.EMAIL_PLACEHOLDER, template.PHONE_PLACEHOLDER,
                     template.REPLACEMENT_PLACEHOLDER, template.BESTUURDER_FUNCTION_PLACEHOLDER]
    assert len(placeholders) >= 12
    assert all(template.is_placeholder(text) for text in placeholders)
