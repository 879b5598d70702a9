"""Motion records checked against the notulen and verantwoordingen (corpus_map §6.1, §6.2, §7)."""

from __future__ import annotations

import pytest


def _by_gemeente(records, gemeente, kind="motie"):
    found = [r for r in records if r.kind == kind and gemeente in r.gemeenten]
    assert found, f"geen {kind} van {gemeente}"
    return found[0]


def test_june_2019_counts(f0):
    records = [r for r in f0.motion_records if r.meeting_date == "2019-06-05"]
    assert sum(r.kind == "motie" for r in records) == 16
    assert sum(r.kind == "amendement" for r in records) == 1
    assert all(r.meeting == "ALV 05-06-2019" for r in records)


def test_renkum_motion_was_held(f0):
    renkum = _by_gemeente(f0.motion_records, "Renkum")
    assert renkum.outcome == "aangehouden" and renkum.preadvies == "aanhouden" and renkum.vote is None
    assert "Beschermd Wonen" in renkum.title and renkum.agenda_item == "15"
    assert {"line_start": 1175, "line_end": 1175} in [{k: s[k] for k in ("line_start", "line_end")}
                                                      for s in renkum.spans]


def test_dinkelland_amendment_rejected(f0):
    amendment = _by_gemeente(f0.motion_records, "Dinkelland", kind="amendement")
    assert amendment.gemeenten == ["Dinkelland", "Tubbergen", "Hellendoorn"]
    assert amendment.outcome == "verworpen" and amendment.preadvies == "ontraden"
    assert amendment.vote == "73,40% tegen / 26,60% voor"
    assert amendment.title == "Amendement op Contributievoorstel 2020" and amendment.agenda_item == "5b"


@pytest.mark.parametrize("gemeente,outcome,vote,follow_up", [
    ("Groningen", "aangenomen", "bij acclamatie", "aangehouden"),
    ("Zoetermeer", "verworpen", "74,77% tegen", None),
    ("Assen", "aangenomen", "99,60% voor", "aangehouden"),
    ("Breda", "aangenomen", "100% voor", "aangehouden"),
    ("Veldhoven", "aangenomen", "per acclamatie", "afgedaan"),
    ("Barneveld", "aangenomen", "bij acclamatie", "afgedaan"),
    ("Bergen", "aangenomen", "bij acclamatie", None),  # not in any verantwoording (corpus_map §0.9)
    ("Utrechtse Heuvelrug", "aangenomen", "bij acclamatie", "afgedaan"),  # "politiekorps" = "Politiesterkte"
    ("Oudewater", "aangenomen", "bij acclamatie", "afgedaan"),  # alias "Raadsledenvergoeding"
    ("Almere", "aangenomen", "bij acclamatie", "aangehouden"),
    ("Stein", "aangenomen", "bij acclamatie", "aangehouden"),
    ("Terschelling", "aangenomen", "bij acclamatie", "aangehouden"),
    ("Fryske Marren", "aangenomen", "bij acclamatie", "aangehouden"),
])
def test_june_2019_outcomes_and_follow_up(f0, gemeente, outcome, vote, follow_up):
    record = _by_gemeente(f0.motion_records, gemeente)
    assert (record.outcome, record.vote, record.follow_up) == (outcome, vote, follow_up)
    if follow_up:
        assert record.follow_up_text and any(s["role"] == "verantwoording" for s in record.spans)


def test_december_2023_counts_and_meeting(f1):
    notulen = [r for r in f1.motion_records if any(s["role"] == "notulen" for s in r.spans)]
    assert sum(r.kind == "resolutie" for r in notulen) == 1
    assert sum(r.kind == "amendement" for r in notulen) == 1
    voted = [r for r in notulen if r.kind == "motie" and r.vote]
    assert len(voted) == 8  # Enschede, Heemstede, Schagen, Súdwest Fryslân, L-V, Bergeijk, Zeist, Losser
    assert all(r.meeting == "Najaars-ALV 01-12-2023" for r in f1.motion_records)


@pytest.mark.parametrize("gemeente,kind,vote,follow_up", [
    ("Enschede", "motie", "97,54% voor", "aangehouden"),
    ("Heemstede", "motie", "99,13% voor", "afgedaan"),  # notulen say "Heemskerk" (alias table)
    ("Eindhoven", "amendement", "99,20% voor", None),
    ("Schagen", "motie", "100% voor", "afgedaan"),
    ("Súdwest Fryslân", "motie", "100% voor", "afgedaan"),
    ("Leidschendam-Voorburg", "motie", "100% voor", "afgedaan"),
    ("Bergeijk", "motie", "99,52% voor", "afgedaan"),
    ("Zeist", "motie", "100% voor", "afgedaan"),
    ("Losser", "motie", "99,12% voor", "afgedaan"),
])
def test_december_2023_votes_match_notulen(f1, gemeente, kind, vote, follow_up):
    candidates = [r for r in f1.motion_records if r.kind == kind and r.gemeenten[:1] == [gemeente] and r.vote]
    assert len(candidates) == 1
    record = candidates[0]
    assert record.outcome == "aangenomen" and record.vote == vote and record.follow_up == follow_up


def test_resolution_and_late_motions(f1):
    resolution = next(r for r in f1.motion_records if r.kind == "resolutie")
    assert resolution.title == "Kaders VNG-inzet kabinetsformatie" and resolution.vote == "100% voor"
    brummen = _by_gemeente(f1.motion_records, "Brummen")
    assert brummen.follow_up == "aangehouden" and brummen.vote is None  # not in the notulen (§0.9)
    late = next(r for r in f1.motion_records if r.title.startswith("Ontschotting onderwijs"))
    assert late.gemeenten == ["Zeist", "Almere"] and late.follow_up == "afgedaan"
    assert late.summary and "Hervormingsagenda" in late.summary


def test_records_cite_real_lines(f0, f1, source_lines):
    for result in (f0, f1):
        lines = source_lines[result.source_path.rsplit("/", 1)[-1]]
        for record in result.motion_records:
            assert record.spans and record.summary
            for span in record.spans:
                assert 1 <= span["line_start"] <= span["line_end"] <= len(lines)
                assert lines[span["line_start"] - 1].strip()
