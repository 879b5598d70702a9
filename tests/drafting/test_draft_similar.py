""""Lijkt op": a draft about the topic of a real earlier motion finds that motion (index of the bundled corpus)."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.drafting import DraftSession
from assistant.errors import InputError
from assistant.motions.model import Motion, Oproep
from assistant.similar_motions import draft_query, resemblance


def _draft(titel: str, aanleiding: str, oproep: str) -> Motion:
    """A new motion in our own words (not copied from the corpus)."""
    call = Oproep(text=oproep, verb="roept op", addressee="het bestuur van de VNG", to_vng_bestuur=True)
    return Motion(indiener="Hoorn", titel=titel, aanleiding=aanleiding, oproepen=[call])


CASES = [
    # (draft, the earlier motion it should find: title words, meeting, gemeenten)
    (
        _draft("Netcongestie remt woningbouw en verduurzaming",
               "Door netcongestie kunnen bedrijven en nieuwe woonwijken niet worden aangesloten op het "
               "elektriciteitsnet.",
               "bij het Rijk en de netbeheerders te bepleiten dat het stroomnet sneller wordt uitgebreid."),
        "Oplossingen voor een overvol stroomnet", "2023-12-01", {"Schagen", "Almere"},
    ),
    (
        _draft("Eerlijke vergoeding voor raadsleden in kleine gemeenten",
               "De verhoging van de vergoeding voor raadsleden in kleine gemeenten wordt niet volledig "
               "gecompenseerd via het gemeentefonds.",
               "bij het ministerie van BZK aan te dringen op volledige dekking van de hogere raadsvergoeding."),
        "vergoeding raadsleden kleine gemeenten", "2019-06-05", {"Oudewater", "Dordrecht"},
    ),
    (
        _draft("Terug naar een inkomensafhankelijke eigen bijdrage in de Wmo",
               "Het abonnementstarief leidt tot een aanzuigende werking en hogere kosten voor gemeenten.",
               "bij het kabinet aan te dringen op snelle invoering van een inkomensafhankelijke eigen bijdrage."),
        "inkomensafhankelijke eigen bijdrage", "2023-12-01", {"Bergeijk"},
    ),
]


@pytest.mark.parametrize("draft, title, meeting_date, gemeenten", CASES, ids=["stroomnet", "raadsleden", "wmo"])
def test_lijkt_op_finds_the_real_earlier_motion(bundled_index, draft, title, meeting_date, gemeenten):
    result = resemblance(draft, bundled_index)
    assert result.motions, "no earlier motion found"
    best = result.motions[0]
    assert title.lower() in best.record.title.lower()
    assert best.record.meeting_date == meeting_date
    assert gemeenten <= set(best.record.gemeenten)
    shown = best.to_dict()
    # What the griffier needs to judge doubling: preadvies, outcome and follow-up (afgedaan/aangehouden).
    assert shown["outcome"] == "aangenomen" and shown["follow_up"] in {"afgedaan", "aangehouden"}
    assert shown["sources"] and all(s["source_path"].startswith("corpus/") for s in shown["sources"])
    assert result.passages and all(p.chunk.text for p in result.passages)
    assert result.generation == bundled_index.generation


def test_a_draft_on_an_unrelated_topic_finds_no_earlier_motion(bundled_index):
    draft = _draft("Meer bankjes in het park", "Inwoners willen vaker kunnen zitten tijdens een wandeling.",
                   "te onderzoeken hoe meer zitbanken kunnen worden geplaatst.")
    assert resemblance(draft, bundled_index).motions == ()


def test_the_session_and_its_json(bundled_index):
    session = DraftSession(CASES[0][0])
    data = session.similar(bundled_index, k_motions=3, k_passages=2).to_dict()
    assert data["motions"][0]["title"] == "Oplossingen voor een overvol stroomnet"
    assert len(data["passages"]) == 2 and {"path", "line_start", "line_end", "text"} <= set(data["passages"][0])


def test_placeholders_are_not_searched_and_an_empty_draft_is_refused(bundled_index):
    skeleton = DraftSession.new("motie", alv_date=dt.date(2024, 6, 26), gemeente="Utrecht")
    assert draft_query(skeleton.item) == ""
    with pytest.raises(InputError, match="te weinig tekst"):
        resemblance(skeleton.item, bundled_index)
