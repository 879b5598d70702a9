"""Meeting registry: the bundled meetings and their source lines, adding meetings (tmp data_dir), meetings named in
submissions, and draft entries proposed from the real invitation letters."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.errors import InputError
from assistant.rules.meetings import (
    BUNDLED_DIR,
    Meeting,
    add_meeting,
    get_meeting,
    list_meetings,
    meeting_named_in_text,
    next_meeting_on_or_after,
    normalise_item_number,
    propose_meeting_from_text,
)

REPO = Path(__file__).resolve().parents[2]
F0 = REPO / "corpus" / "2019-11-29-balv-vergaderstukken.txt"
F1 = REPO / "corpus" / "2024-06-26-alv-vergaderstukken.txt"
D = dt.date


@pytest.fixture()
def isolated(tmp_path) -> Settings:
    return Settings(data_dir=tmp_path)


def all_refs(meeting: Meeting):
    yield from (*meeting.sources, *meeting.deadline_sources, *meeting.address_sources, *meeting.voting_sources)
    for item in meeting.items:
        yield from (*item.sources, *item.proposals)
        for part in item.non_amendable_parts:
            yield from part.sources
    for entry in meeting.other_dates:
        for ref in entry.get("sources", ()):
            from assistant.rules.sources import SourceRef

            yield SourceRef.from_dict(ref)


# ------------------------------------------------------------------------------------------ bundled meetings


def test_bundled_meetings(isolated):
    meetings = list_meetings(isolated)
    assert [m.date for m in meetings] == [D(2019, 11, 29), D(2024, 6, 26)]
    balv, alv = meetings
    assert (balv.kind, balv.start, balv.end, balv.addresses) == ("BALV", "13:15", "15:00", ("bestuurszaken@vng.nl",))
    assert (alv.kind, alv.start, alv.end, alv.addresses) == ("ALV", "11:30", "13:00", ("motiealv@vng.nl",))
    assert "art. 10" in balv.voting_article and "art. 11" in alv.voting_article
    assert "Nieuwegein" in balv.location and "Hazerswoude" in alv.location


def test_every_bundled_source_line_exists_and_is_not_blank(isolated):
    lengths = {F0.name: len(F0.read_text(encoding="utf-8").split("\n")),
               F1.name: len(F1.read_text(encoding="utf-8").split("\n"))}
    assert lengths == {F0.name: 4052, F1.name: 7050}
    count = 0
    for meeting in list_meetings(isolated):
        for ref in all_refs(meeting):
            assert ref.line_end <= lengths[Path(ref.path).name], ref
            assert ref.text.strip(), ref
            count += 1
    assert count > 60


def test_cited_lines_say_what_the_registry_claims(isolated):
    alv = get_meeting(D(2024, 6, 26), isolated)
    resolution = alv.item("5b")
    assert resolution.amendable and resolution.status == "ter besluitvorming"
    assert (resolution.proposal.line_start, resolution.proposal.line_end) == (963, 981)
    assert "amendabele tekst" in resolution.proposal.text
    toelichting = resolution.non_amendable_parts[0]
    assert (toelichting.sources[0].line_start, toelichting.sources[0].line_end) == (983, 993)
    assert "niet amendabel" in toelichting.sources[0].text
    assert "ter kennisname" in alv.item("6").sources[0].text and not alv.item("6").amendable
    assert "motiealv@vng.nl" in alv.address_sources[0].text
    balv = get_meeting(D(2019, 11, 29), isolated)
    assert not balv.item("6").amendable and "niet amendabel" in balv.item("6").sources[1].text
    assert not balv.item("7").amendable and not balv.item("10").amendable
    assert balv.item("9").amendable and balv.item("11").amendable
    assert "bestuurszaken@vng.nl" in balv.address_sources[0].text
    assert "Artikel 10" in balv.voting_sources[0].text


def test_documented_deadline_in_registry_equals_the_computation(isolated):
    from assistant.rules.calendar import deadlines

    for meeting in list_meetings(isolated):
        computed = deadlines(meeting.date, extra_non_working_days=(), settings=isolated).amendment_deadline
        assert meeting.documented_deadline == computed


def test_lookup_helpers(isolated):
    assert get_meeting(D(2025, 6, 4), isolated) is None
    assert get_meeting("2024-06-26", isolated).label == "ALV 26-06-2024"
    assert next_meeting_on_or_after(D(2024, 1, 1), isolated).date == D(2024, 6, 26)
    assert next_meeting_on_or_after(D(2024, 6, 26), isolated).date == D(2024, 6, 26)
    assert next_meeting_on_or_after(D(2024, 6, 27), isolated) is None


@pytest.mark.parametrize(("raw", "expected"), [("5b", "5b"), ("5 b", "5b"), ("5.b", "5b"), ("agendapunt 9c.", "9c"),
                                               ("05B", "5b"), ("12", "12"), ("punt 8", "8"), ("geen", "")])
def test_normalise_item_number(raw, expected):
    assert normalise_item_number(raw) == expected


# --------------------------------------------------------------------------------------------- adding meetings


def next_alv(**changes) -> Meeting:
    data = {"date": "2025-06-04", "kind": "ALV", "start": "10:00", "addresses": ["motiealv@vng.nl"],
            "items": [{"number": "5", "title": "Resolutie wonen", "status": "ter besluitvorming"},
                      {"number": "6", "title": "Stand van zaken klimaat", "status": "ter kennisname"}]}
    data.update(changes)
    return Meeting.from_dict(data, origin="user")


def test_add_list_and_refuse_duplicates(isolated, tmp_path):
    path = add_meeting(next_alv(), isolated)
    assert path.parent == tmp_path / "meetings" and path.exists()
    stored = get_meeting(D(2025, 6, 4), isolated)
    assert stored.origin == "user" and stored.item("5").amendable and not stored.item("6").amendable
    assert "ter kennisname" in stored.item("6").reason
    assert [m.date for m in list_meetings(isolated)][-1] == D(2025, 6, 4)
    assert next_meeting_on_or_after(D(2024, 7, 1), isolated).date == D(2025, 6, 4)
    with pytest.raises(InputError, match="Er staat al een vergadering"):
        add_meeting(next_alv(start="11:00"), isolated)
    add_meeting(next_alv(start="11:00"), isolated, replace_existing=True)
    assert get_meeting(D(2025, 6, 4), isolated).start == "11:00"
    assert len(list((tmp_path / "meetings").glob("*.json"))) == 1


def test_a_bundled_date_is_protected_too(isolated):
    with pytest.raises(InputError, match="--replace"):
        add_meeting(next_alv(date="2024-06-26"), isolated)


def test_stored_file_round_trips(isolated):
    path = add_meeting(next_alv(), isolated)
    again = Meeting.from_dict(json.loads(path.read_text(encoding="utf-8")), origin="user")
    assert again.to_dict() == get_meeting(D(2025, 6, 4), isolated).to_dict()


@pytest.mark.parametrize(
    ("changes", "message"),
    [({"addresses": ["motiealv-at-vng.nl"]}, "e-mailadres"),
     ({"kind": "Voorjaarsvergadering"}, "soort vergadering"),
     ({"start": "25:00"}, "begintijd"),
     ({"date": "2025-02-30"}, "datum"),
     ({"items": [{"number": "5", "title": "a"}, {"number": "5", "title": "b"}]}, "dubbel"),
     ({"items": [{"number": "5", "title": "a", "status": "ter discussie"}]}, "status")],
)
def test_invalid_meetings_are_refused_in_dutch(changes, message):
    with pytest.raises(InputError, match=message):
        next_alv(**changes)


def test_a_broken_user_file_gives_a_dutch_error(isolated, tmp_path):
    (tmp_path / "meetings").mkdir()
    (tmp_path / "meetings" / "2025-06-04-alv.json").write_text("{niet json", encoding="utf-8")
    with pytest.raises(InputError, match="onleesbaar"):
        list_meetings(isolated)


def _cli(args, data_dir) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "assistant", *args], cwd=REPO, capture_output=True, text=True,
                          env={**os.environ, "MOTIE_DATA_DIR": str(data_dir)}, timeout=120)


def test_meeting_cli_add_list_show(tmp_path):
    add = ["meeting", "add", "--date", "2025-06-04", "--kind", "ALV", "--address", "motiealv@vng.nl",
           "--start", "11:30", "--item", "5b|Resolutie wonen|ter besluitvorming",
           "--item", "6|Stand van zaken klimaat|ter kennisname", "--json"]
    done = _cli(add, tmp_path)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["meeting"]["date"] == "2025-06-04"
    again = _cli(add, tmp_path)
    assert again.returncode == 2 and "Er staat al een vergadering" in again.stderr and again.stdout == ""
    listed = json.loads(_cli(["meeting", "list", "--json"], tmp_path).stdout)
    assert [m["date"] for m in listed] == ["2019-11-29", "2024-06-26", "2025-06-04"]
    shown = json.loads(_cli(["meeting", "show", "2024-06-26", "--json", "--with-text"], tmp_path).stdout)
    resolution = next(i for i in shown["items"] if i["number"] == "5b")
    assert resolution["proposal"][0]["line_start"] == 963 and "Resolutie" in resolution["proposal"][0]["text"]
    missing = _cli(["meeting", "show", "2030-01-01"], tmp_path)
    assert missing.returncode == 2 and "geen vergadering" in missing.stderr
    bad_item = _cli(["meeting", "add", "--date", "2026-06-03", "--address", "a@vng.nl", "--item", "zonder titel"],
                    tmp_path)
    assert bad_item.returncode == 2 and "Ongeldig agendapunt" in bad_item.stderr


# ------------------------------------------------------------------------------------------ meetings in texts


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Motie voor de ALV van 26 juni 2024", D(2024, 6, 26)),
     ("Amendement BALV 29 november 2019, agendapunt 9", D(2019, 11, 29)),
     ("ALV 26-06-2024", D(2024, 6, 26)),
     ("in de Algemene Ledenvergadering van woensdag 26 juni 2024", D(2024, 6, 26)),
     ("Najaars-ALV 1 december 2023", D(2023, 12, 1)),
     ("De ALV (26 juni 2024)", D(2024, 6, 26)),
     ("Datum indiening: 3 juni 2024", None),
     ("ALV van 31 juni 2024", None)],
)
def test_meeting_named_in_text(text, expected):
    assert meeting_named_in_text(text) == expected


# ------------------------------------------------------------------------------------------ invitation letters


def test_propose_from_the_2024_invitation():
    draft = propose_meeting_from_text(F1.read_text(encoding="utf-8"))
    assert (draft.date, draft.kind, draft.start, draft.end) == (D(2024, 6, 26), "ALV", "11:30", "13:00")
    assert draft.addresses == ("motiealv@vng.nl",)
    assert "Hoogeveen Plants" in draft.location
    assert draft.origin == "draft"
    assert draft.item("6").status == "ter kennisname" and not draft.item("6").amendable
    assert draft.item("9a").amendable and draft.item("12") is not None
    assert draft.item("1").status == "geen voorstel"


def test_propose_from_the_2019_invitation():
    draft = propose_meeting_from_text(F0.read_text(encoding="utf-8"))
    assert (draft.date, draft.kind, draft.start, draft.end) == (D(2019, 11, 29), "BALV", "13:15", "15:00")
    assert draft.addresses == ("bestuurszaken@vng.nl",)
    assert "Nieuwegein" in draft.location
    assert draft.item("8a").status == "ter informatie"
    assert draft.item("13") is not None


def test_propose_without_a_date_is_a_dutch_error():
    with pytest.raises(InputError, match="Geen vergaderdatum"):
        propose_meeting_from_text("Beste leden, tot ziens op de ALV.")


def test_bundled_files_are_one_per_meeting():
    files = sorted(p.name for p in BUNDLED_DIR.glob("*.json"))
    assert files == ["2019-11-29-balv.json", "2024-06-26-alv.json"]
