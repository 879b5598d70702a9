"""Grouping similar motions and linking them to earlier motions: calibration pairs and the real corpus records."""

from __future__ import annotations

import itertools

import pytest

from assistant.corpus.model import MotionRecord
from assistant.motions.parse import parse_submission
from assistant.review import samples as s
from assistant.review.batch import fingerprint_text
from assistant.review.grouping import GROUP_THRESHOLD, TopicDoc, analyse

# Two motions on the same subject written independently by two griffies: shared core, much reworded.
JEUGD_A = """Motie van de gemeente(n): Leidschendam-Voorburg
Titel motie: Structurele compensatie tekorten jeugdzorg
Datum indiening: 4 juni 2024
Aanleiding
De tekorten op de jeugdzorg lopen in onze gemeente en in de regio verder op.
Constaterende dat:
- de uitgaven aan jeugdzorg al jaren hoger zijn dan het budget dat het Rijk beschikbaar stelt;
- het onderzoek naar de kosten van de jeugdzorg een structureel tekort bij gemeenten bevestigt;
Overwegende dat:
- gemeenten andere voorzieningen moeten schrappen om de jeugdzorg te kunnen betalen;
Roept het bestuur van de VNG op:
- zich bij het kabinet in te spannen voor structurele compensatie van de tekorten op de jeugdzorg;
En gaat over tot de orde van de dag.
w.g. J. Jansen, burgemeester van Leidschendam-Voorburg
"""
JEUGD_B = """Motie van de gemeente(n): Zoetermeer
Titel motie: Compensatie jeugdzorgtekorten door het Rijk
Datum indiening: 6 juni 2024
Aanleiding
Zoetermeer sluit de begroting alleen nog door te bezuinigen, vooral door de kosten van de jeugdzorg.
Constaterende dat:
- het Rijk gemeenten onvoldoende budget geeft voor de jeugdzorg;
- onderzoek heeft aangetoond dat er sprake is van een structureel tekort op de jeugdzorg;
- wachtlijsten voor jeugdhulp toenemen;
Overwegende dat:
- kinderen recht hebben op goede jeugdhulp;
Roept het bestuur van de VNG op:
- bij het kabinet aan te dringen op structurele compensatie van de tekorten op de jeugdzorg;
En gaat over tot de orde van de dag.
w.g. M. de Wit, burgemeester van Zoetermeer
"""
# Same template, same gemeente style, a different subject: must never be grouped with the above.
BIBLIOTHEEK = s.motion_text(s.MotionSpec(topic=next(t for t in s.TOPICS if t.key == "bibliotheek"),
                                         indiener="Leidschendam-Voorburg"))


def doc(key: str, text: str) -> TopicDoc:
    item = parse_submission(text)
    return TopicDoc(key=key, kind=item.kind, text=fingerprint_text(item), gemeenten=item.gemeenten)


def test_independently_worded_motions_on_one_subject_group_and_an_unrelated_one_does_not():
    docs = [doc("a", JEUGD_A), doc("b", JEUGD_B), doc("c", BIBLIOTHEEK)]
    result = analyse(docs)
    assert result.similarity[("a", "b")] >= GROUP_THRESHOLD
    assert result.similarity[("a", "c")] < GROUP_THRESHOLD / 3
    assert [g.keys for g in result.groups] == [["a", "b"]]


def test_no_pair_of_different_topics_groups_even_from_the_same_gemeente():
    """Every topic once, all from the same gemeente with the same signatories and template: no groups at all."""
    docs = [doc(t.key, s.motion_text(s.MotionSpec(topic=t, indiener="Zeist"))) for t in s.TOPICS]
    result = analyse(docs)
    assert result.groups == []
    assert max(result.similarity.values()) < GROUP_THRESHOLD / 2


def test_margin_between_near_identical_and_unrelated_pairs():
    """Calibration: every topic from three gemeenten with reworded variants; groups are exactly the topics."""
    docs = []
    for t, variant in itertools.product(s.TOPICS, range(3)):
        spec = s.MotionSpec(topic=t, indiener=s.GEMEENTEN[variant * 7 % len(s.GEMEENTEN)], variant_seed=variant)
        docs.append(doc(f"{t.key}:{variant}", s.motion_text(spec)))
    result = analyse(docs)
    same = [v for (a, b), v in result.similarity.items() if a.split(":")[0] == b.split(":")[0]]
    different = [v for (a, b), v in result.similarity.items() if a.split(":")[0] != b.split(":")[0]]
    assert min(same) > GROUP_THRESHOLD > 2 * max(different)
    assert sorted(sorted(g.keys) for g in result.groups) == sorted(
        [f"{t.key}:{v}" for v in range(3)] for t in s.TOPICS)


def test_motions_and_amendments_are_grouped_separately():
    amendment = s.motion_text(s.MotionSpec(kind="amendement", indiener="Utrecht"))
    docs = [doc("m", JEUGD_A), doc("a1", amendment), doc("a2", amendment.replace("Utrecht", "Tilburg"))]
    result = analyse(docs)
    assert [(g.kind, g.keys) for g in result.groups] == [("amendement", ["a1", "a2"])]


RECORDS = [  # the real entries of corpus_map §6.1/§6.2 (title, submitters, preadvies, outcome)
    MotionRecord("2019-06-05-M02", "motie", "Structurele compensatie tekorten jeugdzorg",
                 ["Leidschendam-Voorburg", "Zoetermeer"], "2019-06-05", "ALV 05-06-2019", "10a",
                 preadvies="ontraden", outcome="verworpen"),
    MotionRecord("2023-12-01-M03", "motie", "Oplossingen voor een overvol stroomnet", ["Schagen", "Almere"],
                 "2023-12-01", "Najaars-ALV 01-12-2023", "8", outcome="aangenomen", follow_up="afgedaan"),
    MotionRecord("2023-12-01-M08", "motie", "Afspraken Afvalfonds Verpakkingen", ["Losser"], "2023-12-01",
                 "Najaars-ALV 01-12-2023", "9", preadvies="overnemen", outcome="aangenomen", follow_up="afgedaan"),
    MotionRecord("2019-06-05-M16", "motie", "Doordecentralisatie Beschermd Wonen en Maatschappelijke Opvang",
                 ["Renkum"], "2019-06-05", "ALV 05-06-2019", "15", preadvies="aanhouden", outcome="aangehouden"),
]


def test_submissions_link_to_the_earlier_motion_on_their_topic_with_preadvies_and_outcome():
    topics = {t.key: t for t in s.TOPICS}
    docs = [doc("jeugd", JEUGD_B),
            doc("stroom", s.motion_text(s.MotionSpec(topic=topics["stroomnet"], indiener="Zeist"))),
            doc("zwem", s.motion_text(s.MotionSpec(topic=topics["zwemles"], indiener="Brummen")))]
    result = analyse(docs, RECORDS)
    jeugd = result.earlier["jeugd"][0]
    assert (jeugd.record_id, jeugd.preadvies, jeugd.outcome) == ("2019-06-05-M02", "ontraden", "verworpen")
    assert result.earlier["stroom"][0].record_id == "2023-12-01-M03"
    assert result.earlier["stroom"][0].follow_up == "afgedaan"
    assert "zwem" not in result.earlier, "a topic with no history links to nothing"


def test_links_against_the_records_the_corpus_pipeline_extracts(motion_records):
    if not motion_records:
        pytest.skip("de corpus-pipeline levert (nog) geen motierecords")
    topics = {t.key: t for t in s.TOPICS}
    expected = {"jeugdzorg": "Structurele compensatie tekorten jeugdzorg", "stroomnet": "overvol stroomnet",
                "afvalfonds": "Afvalfonds Verpakkingen", "beschermdwonen": "Beschermd Wonen",
                "woonwagens": "NHG norm voor woonwagens", "boa": "korte wapenstok", "raadsleden": "raadsleden",
                "inburgering": "inburgeringsstelsel", "politie": "politiekorps"}
    docs = [doc(key, s.motion_text(s.MotionSpec(topic=topics[key], indiener="Zeist")))
            for key in [*expected, "zwemles", "bibliotheek"]]
    result = analyse(docs, motion_records)
    for key, title in expected.items():
        assert title.lower() in result.earlier[key][0].title.lower(), key
    assert "zwemles" not in result.earlier and "bibliotheek" not in result.earlier
    jeugd = result.earlier["jeugdzorg"][0]
    assert (jeugd.preadvies, jeugd.outcome) == ("ontraden", "verworpen")  # the notulen, F0 L1026/L1034
