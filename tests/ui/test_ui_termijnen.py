"""AppTest: the Termijnen page — deadline lookup, skipped holidays, the registry list and the add form."""

import datetime as dt
from pathlib import Path


def table_with(app, *columns):
    """The first table that has all these columns (table positions depend on the chosen date)."""
    return next(t.value for t in app.table if all(c in t.value.columns for c in columns))


def test_deadline_lookup_for_the_june_2024_alv(app_settings, open_page, texts):
    app = open_page("termijnen")
    app.date_input(key="alv_datum").set_value(dt.date(2024, 6, 26)).run()
    shown = texts(app)
    assert "Termijnen voor de ALV 26-06-2024" in shown
    assert "**Amendementen:** uiterlijk donderdag 13 juni 2024, 12.00 uur" in shown
    assert "**Moties:** uiterlijk donderdag 13 juni 2024, 12.00 uur" in shown
    assert "2024-06-26-alv-vergaderstukken.txt, regel 388" in "\n".join(e.label for e in app.expander)  # the invitation letter is cited


def test_skipped_holidays_are_listed(app_settings, open_page):
    app = open_page("termijnen")
    app.date_input(key="alv_datum").set_value(dt.date(2025, 5, 8)).run()
    skipped = table_with(app, "Datum", "Reden")
    assert list(skipped["Reden"]) == ["Koningsdag", "Bevrijdingsdag"]
    assert list(skipped["Datum"]) == ["zaterdag 26 april 2025", "maandag 5 mei 2025"]
    assert "donderdag 24 april 2025, 12.00 uur" in app.markdown[1].value


def test_concernstaf_adds_the_next_alv_to_the_registry(app_settings, open_page):
    app = open_page("termijnen")
    assert "woensdag 26 juni 2024" in list(table_with(app, "Soort", "Herkomst")["Datum"])
    app.date_input[1].set_value(dt.date(2027, 6, 9))
    app.text_input[0].set_value("11:30")
    app.text_input[2].set_value("motiealv@vng.nl")
    app.text_area[0].set_value("5 | Jaarrekening 2026 | ter besluitvorming\n6 | Jaarverslag | ter kennisname")
    app.button[0].click().run()
    assert not app.exception
    assert [s.value for s in app.success] == ["ALV 09-06-2027 is opgeslagen in het register."]
    registry = table_with(app, "Soort", "Herkomst")
    assert "woensdag 9 juni 2027" in list(registry["Datum"])
    stored = list((app_settings.data_dir / "meetings").glob("2027-06-09-*.json"))
    assert len(stored) == 1 and "Jaarverslag" in stored[0].read_text(encoding="utf-8")


def test_invalid_registry_entry_gets_a_dutch_error(app_settings, open_page):
    app = open_page("termijnen")
    app.date_input[1].set_value(dt.date(2027, 6, 9))
    app.text_input[2].set_value("geen-adres")
    app.button[0].click().run()
    assert not app.exception
    assert any("Ongeldig e-mailadres" in e.value for e in app.error)
    assert not (app_settings.data_dir / "meetings").exists()


def test_griffie_user_sees_no_registry_form(app_settings, monkeypatch, open_page):
    monkeypatch.setenv("MOTIE_AUTH_MODE", "oidc")
    from assistant.config import get_settings

    get_settings.cache_clear()
    app = open_page("termijnen", user={"is_logged_in": True, "email": "griffier@renkum.nl", "groups": ["griffie"]})
    assert [h.value for h in app.header][-1] == "Bekende vergaderingen"
    assert [b.label for b in app.button] == ["Afmelden"]  # no "Vergadering opslaan"
    assert "griffier@renkum.nl (griffie/medewerker)" in app.sidebar.markdown[1].value


def test_oidc_without_login_shows_only_the_login_screen(app_settings, monkeypatch):
    from streamlit.testing.v1 import AppTest

    from assistant.config import get_settings

    monkeypatch.setenv("MOTIE_AUTH_MODE", "oidc")
    get_settings.cache_clear()
    app = AppTest.from_file(str(Path(__file__).resolve().parents[2] / "app.py"), default_timeout=60)
    app.user = {"is_logged_in": False}
    app.run()
    assert not app.exception
    assert [b.label for b in app.button] == ["Aanmelden"]
    assert not app.date_input
