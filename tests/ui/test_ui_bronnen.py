"""AppTest: Bronnen — upload + re-ingest (only with admin_uploads, only for the concernstaf), refused uploads, the
index status and the document list. Uses its own BM25-only index in a temporary data directory (never the shared
test index, which a re-ingest would change)."""

import pytest

from assistant.config import get_settings

EXTRA_DOC = "# Notitie jeugdzorg\n\nDe werkgroep jeugdzorg vergadert over de tekorten in de jeugdzorg.\n"


@pytest.fixture
def admin_settings(app_settings, monkeypatch):
    monkeypatch.setenv("MOTIE_ADMIN_UPLOADS", "true")
    monkeypatch.setenv("MOTIE_EMBEDDER", "none")  # BM25 only: the point here is the upload flow, not the vectors
    get_settings.cache_clear()
    return get_settings()


def test_upload_and_reingest_adds_the_document(admin_settings, open_page):
    app = open_page("bronnen")
    assert "Stukken toevoegen" in [h.value for h in app.header]
    app.file_uploader(key="corpus_bestanden").set_value([("../notitie jeugdzorg.md", EXTRA_DOC.encode(), "text/markdown")])
    app.button(key="corpus_knop").click().run()
    assert not app.exception, [e.value for e in app.exception]
    assert not app.error, [e.value for e in app.error]
    assert app.success[0].value.startswith("Index bijgewerkt (generatie ")
    stored = admin_settings.data_dir / "uploads" / "corpus" / "notitie jeugdzorg.md"
    assert stored.read_text(encoding="utf-8") == EXTRA_DOC
    uploaded = next(t.value for t in app.table if "Toegevoegd bestand" in t.value.columns)
    assert list(uploaded["Toegevoegd bestand"]) == ["notitie jeugdzorg.md"]
    status = next(m.value for m in app.markdown if m.value.startswith("generatie "))
    assert " documenten, " in status and " passages, " in status
    meetings = app.selectbox(key="bronnen_vergadering").options
    files = []
    for meeting in meetings:
        app.selectbox(key="bronnen_vergadering").set_value(meeting).run()
        files += list(next(t.value for t in app.table if "Bestand" in t.value.columns)["Bestand"])
    assert "notitie jeugdzorg.md" in files
    assert "2024-06-26-alv-vergaderstukken.txt" in files  # the bundled corpus is still indexed


def test_refused_upload_gets_dutch_error_and_nothing_is_indexed(admin_settings, open_page):
    app = open_page("bronnen")
    app.file_uploader(key="corpus_bestanden").set_value([("macro.xlsm", b"PK\x03\x04", "application/octet-stream")])
    app.button(key="corpus_knop").click().run()
    assert not app.exception
    assert app.error[0].value.startswith("Bestand 'macro.xlsm' heeft een niet-toegestaan type (.xlsm)")
    assert not (admin_settings.data_dir / "uploads" / "corpus").exists()


def test_upload_is_hidden_without_the_admin_setting_or_for_griffie(app_settings, monkeypatch, open_page):
    app = open_page("bronnen")
    assert "Stukken toevoegen" not in [h.value for h in app.header]
    monkeypatch.setenv("MOTIE_ADMIN_UPLOADS", "true")
    monkeypatch.setenv("MOTIE_AUTH_MODE", "oidc")
    get_settings.cache_clear()
    app = open_page("bronnen", user={"is_logged_in": True, "email": "g@ede.nl", "groups": ["griffie"]})
    assert "Stukken toevoegen" not in [h.value for h in app.header]
