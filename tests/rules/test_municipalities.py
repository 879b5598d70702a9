"""The list of Dutch municipalities per date: counts, mergers, spelling variants, suggestions, and a check
against the real presence lists in the corpus (June 2019: 355 gemeenten; December 2023: 328)."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from assistant.errors import InputError
from assistant.rules.municipalities import (
    DATA_PATH,
    describe_unknown,
    is_municipality,
    lookup,
    municipalities_on,
    normalise_gemeente,
    source,
    suggest,
)

REPO = Path(__file__).resolve().parents[2]
D = dt.date
BALV_2019, ALV_2024 = D(2019, 11, 29), D(2024, 6, 26)


@pytest.mark.parametrize(
    ("day", "count"),
    [(D(2019, 1, 1), 355), (D(2020, 1, 1), 355), (D(2021, 1, 1), 352), (D(2022, 1, 1), 345), (D(2022, 3, 24), 344),
     (D(2023, 1, 1), 342), (D(2024, 1, 1), 342), (D(2025, 1, 1), 342)],
)
def test_counts_per_date(day, count):
    assert len(municipalities_on(day)) == count


def test_renkum_valid_in_2019_and_2024():
    assert is_municipality("Renkum", BALV_2019) and is_municipality("Renkum", ALV_2024)


@pytest.mark.parametrize("name", ["Appingedam", "Haaren", "Weesp", "Beemster", "Brielle", "Landerd", "Heerhugowaard"])
def test_merged_away_between_the_meetings(name):
    assert is_municipality(name, BALV_2019)
    assert not is_municipality(name, ALV_2024)


@pytest.mark.parametrize("name", ["Eemsdelta", "Voorne aan Zee", "Land van Cuijk", "Maashorst", "Dijk en Waard"])
def test_new_since_2019(name):
    assert not is_municipality(name, BALV_2019)
    assert is_municipality(name, ALV_2024)


def test_merged_before_2019_is_not_valid_in_2019():
    assert not is_municipality("Grootegast", BALV_2019)
    assert "Westerkwartier" in describe_unknown("Grootegast", BALV_2019)


def test_weesp_merged_on_24_march_2022():
    assert is_municipality("Weesp", D(2022, 3, 23)) and not is_municipality("Weesp", D(2022, 3, 24))


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [("gemeente Den Bosch", "'s-Hertogenbosch"), ("GEMEENTE 's-Hertogenbosch", "'s-Hertogenbosch"),
     ("’s-Hertogenbosch", "'s-Hertogenbosch"), ("Den Haag", "'s-Gravenhage"), ("Sudwest Fryslan", "Súdwest-Fryslân"),
     ("súdwest-fryslân", "Súdwest-Fryslân"), ("Leidschendam Voorburg", "Leidschendam-Voorburg"),
     ("Nuenen c.a.", "Nuenen, Gerwen en Nederwetten"), ("Hengelo", "Hengelo (O.)"), ("Bergen (NH)", "Bergen (NH.)"),
     ("  de gemeente   Renkum ", "Renkum"), ("Bergen", "Bergen"), ("Nergenshuizen", "Nergenshuizen")],
)
def test_normalise_gemeente(raw, canonical):
    assert normalise_gemeente(raw) == canonical


def test_ambiguous_bergen():
    assert is_municipality("Bergen", ALV_2024) and lookup("Bergen", ALV_2024) is None
    assert suggest("Bergen", ALV_2024) == ["Bergen (L.)", "Bergen (NH.)"]
    assert lookup("Bergen L", ALV_2024).cbs_code == "GM0893"


@pytest.mark.parametrize(
    ("typo", "first"),
    [("Rotterdm", "Rotterdam"), ("Amsterdm", "Amsterdam"), ("Hatterm", "Hattem"), ("Enkhuisen", "Enkhuizen"),
     ("Wijdmeren", "Wijdemeren"), ("Alblisserdam", "Alblasserdam"), ("Vlaardingeng", "Vlaardingen")],
)
def test_typo_suggestions(typo, first):
    assert not is_municipality(typo, ALV_2024)
    assert suggest(typo, ALV_2024)[0] == first
    assert f"Bedoelt u '{first}'" in describe_unknown(typo, ALV_2024)


def test_successors_are_named():
    assert describe_unknown("Weesp", ALV_2024) == ("Weesp bestaat sinds 24-03-2022 niet meer als gemeente; zij is "
                                                   "opgegaan in Amsterdam.")
    assert "Boxtel, Oisterwijk, Tilburg, Vught" in describe_unknown("Haaren", ALV_2024)


def test_dates_before_the_list_are_refused_in_dutch():
    with pytest.raises(InputError, match="gemeentelijst"):
        municipalities_on(D(2018, 6, 1))


def test_data_file_is_well_formed():
    data = json.loads(DATA_PATH.read_text(encoding="utf-8"))
    assert "Tabel 33" in data["source"] and "CBS" in data["source"] and source() == data["source"]
    rows = data["municipalities"]
    codes = [row["cbs_code"] for row in rows]
    assert len(codes) == len(set(codes)) and all(re.fullmatch(r"GM\d{4}", code) for code in codes)
    for row in rows:
        assert set(row) <= {"name", "cbs_code", "valid_from", "valid_until", "merged_into", "split_into", "aliases"}
        if row.get("merged_into"):
            assert row["merged_into"] in codes and row["valid_until"]
    for year, count in data["counts"].items():
        assert len(municipalities_on(D(int(year), 1, 1))) == count


def _presence_list(path: str, first: int, last: int) -> list[str]:
    lines = (REPO / path).read_text(encoding="utf-8").split("\n")[first - 1:last]
    return [cell.strip() for line in lines for cell in line.split("\t") if cell.strip()]


@pytest.mark.parametrize(
    ("path", "first", "last", "day", "expected", "typos"),
    [("corpus/2019-11-29-balv-vergaderstukken.txt", 672, 793, D(2019, 6, 5), 355,
      {"Hatterm": "Hattem", "Alblisserdam": "Alblasserdam", "Rijssen-Holtten": "Rijssen-Holten",
       "Smalingerland": "Smallingerland", "Wijdmeren": "Wijdemeren", "Enkhuisen": "Enkhuizen"}),
     ("corpus/2024-06-26-alv-vergaderstukken.txt", 614, 750, D(2023, 12, 1), 328,
      {"Hatterm": "Hattem", "Vlaardingeng": "Vlaardingen", "Wijdmeren": "Wijdemeren"})],
)
def test_presence_lists_in_the_corpus(path, first, last, day, expected, typos):
    names = _presence_list(path, first, last)
    assert len(names) == expected
    unknown = {normalise_gemeente(n) for n in names if not is_municipality(n, day)}
    assert unknown == set(typos)  # every other name in the notulen is a gemeente on that day
    for typo, intended in typos.items():
        assert suggest(typo, day)[0] == intended
