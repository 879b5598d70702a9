"""AppTest: Motie/Amendement opstellen — a drafting session where a finding appears and disappears as the text is
fixed, autosave across a restart, downloads, amendment changes, and real deletion."""

import datetime as dt
import io

from docx import Document

from assistant.drafting import DraftSession
from assistant.drafts_store import DraftStore


def _start(open_page, kind="motie", gemeente="Renkum"):
    app = open_page(kind)
    app.text_input[0].set_value(gemeente)
    app.button[0].click().run()  # "Nieuw concept starten" (the only button before a draft exists)
    assert not app.exception
    return app


def _field(app, label):
    return next(w for w in [*app.text_area, *app.text_input] if w.label == label)


def _rule_ids(app) -> set[str]:
    return {m.value.split("`")[1] for m in app.markdown if m.value.startswith("**") and "`" in m.value}


def test_result_obligation_appears_and_disappears_as_the_call_is_fixed(app_settings, open_page):
    app = _start(open_page)
    assert "Deadline donderdag 13 juni 2024, 12:00" in app.warning[0].value  # countdown (passed for 2024)
    assert "MISSING_DATE" in _rule_ids(app)
    _field(app, "Oproep aan het VNG-bestuur").set_value(
        "ervoor te zorgen dat het Rijk de tekorten op de jeugdzorg volledig compenseert").run()
    assert "RESULT_OBLIGATION" in _rule_ids(app)
    assert "Suggesties voor de formulering" in [h.value for h in app.header]
    _field(app, "Oproep aan het VNG-bestuur").set_value(
        "zich in te spannen voor structurele financiering van de jeugdzorg").run()
    assert "RESULT_OBLIGATION" not in _rule_ids(app)
    app.date_input(key=app.date_input[0].key).set_value(dt.date(2024, 6, 10)).run()
    assert "MISSING_DATE" not in _rule_ids(app)


def test_draft_survives_a_restart_and_downloads_a_docx(app_settings, open_page):
    app = _start(open_page)
    _field(app, "Titel").set_value("Structurele financiering jeugdzorg").run()
    _field(app, "Aanleiding").set_value("Gemeenten lopen tegen de grenzen van de jeugdzorg aan.").run()
    reopened = open_page("motie")  # a new session (browser refresh / app restart): the draft comes back
    assert _field(reopened, "Titel").value == "Structurele financiering jeugdzorg"
    assert "Structurele financiering jeugdzorg" in reopened.selectbox(key="kies-motie").format_func(
        reopened.selectbox(key="kies-motie").value)
    labels = [b.label for b in reopened.download_button]
    assert labels[:4] == ["Word (DOCX)", "Markdown", "E-mail (.eml)", "Concept (JSON)"]
    # The file behind the DOCX button is the drafting API's render of the saved draft (the browser test downloads
    # it for real); check that what was typed in the app is in it.
    store = DraftStore.open(app_settings)
    (info,) = store.list(user="lokaal")
    doc = Document(io.BytesIO(DraftSession.open(info.draft_id, store=store).render("docx")))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Structurele financiering jeugdzorg" in text and "Gemeenten lopen tegen de grenzen" in text


def test_delete_really_deletes(app_settings, open_page):
    app = _start(open_page)
    _field(app, "Titel").set_value("Te verwijderen").run()
    assert DraftStore.open(app_settings).list(user="lokaal")
    confirm = next(c for c in app.checkbox if c.label.startswith("Ik wil dit concept"))
    confirm.check().run()
    next(b for b in app.button if b.label == "Concept verwijderen").click().run()
    assert not app.exception
    store = DraftStore.open(app_settings)
    assert store.list(user="lokaal") == []
    assert all(count == 0 for count in store.table_counts().values())


def test_amendment_change_on_the_asylum_resolution(app_settings, open_page):
    app = _start(open_page, "amendement")
    proposal = next(s for s in app.selectbox if s.label == "Voorstel (agendapunt ter besluitvorming)")
    proposal.set_value("5b").run()
    assert not app.exception and not app.error
    store = DraftStore.open(app_settings)
    draft = DraftSession.open(store.list(user="lokaal")[0].draft_id, store=store)
    passage = draft.proposal_text().split(". ")[0].split("\n")[-1][:60]
    _field(app, "Passage uit het voorstel (letterlijk; bij invoegen: de tekst waarna u invoegt)").set_value(passage)
    _field(app, "Nieuwe tekst (leeg laten om alleen te schrappen)").set_value("een nieuwe formulering")
    next(b for b in app.button if b.label == "Wijziging toevoegen").click().run()
    assert not app.exception, [e.value for e in app.exception]
    assert not app.error, [e.value for e in app.error]
    assert any(m.value.startswith("**Wijziging 1:**") for m in app.markdown)
    assert any("<del>" in h.proto.body and "<ins>" in h.proto.body for h in app.get("html"))


def test_drafts_are_per_user(app_settings, monkeypatch, open_page):
    from assistant.config import get_settings

    monkeypatch.setenv("MOTIE_AUTH_MODE", "oidc")
    get_settings.cache_clear()
    anna = {"is_logged_in": True, "email": "anna@renkum.nl", "groups": ["griffie"]}
    bram = {"is_logged_in": True, "email": "bram@ede.nl", "groups": ["griffie"]}
    app = open_page("motie", user=anna)
    app.text_input[0].set_value("Renkum")
    next(b for b in app.button if b.label == "Nieuw concept starten").click().run()
    _field(app, "Titel").set_value("Motie van Anna").run()
    assert _field(open_page("motie", user=anna), "Titel").value == "Motie van Anna"
    other = open_page("motie", user=bram)
    assert not [w for w in other.text_input if w.label == "Titel"]  # Bram has no draft to open
    store = DraftStore.open(app_settings)
    assert [d.titel for d in store.list(user="anna@renkum.nl")] == ["Motie van Anna"]
    assert store.list(user="bram@ede.nl") == []


def test_suggestion_is_only_applied_when_accepted(app_settings, open_page):
    app = _start(open_page)
    result_call = "ervoor te zorgen dat het Rijk de tekorten op de jeugdzorg volledig compenseert"
    _field(app, "Oproep aan het VNG-bestuur").set_value(result_call).run()
    assert _field(app, "Oproep aan het VNG-bestuur").value == result_call  # shown, not applied
    accept = [b for b in app.button if b.label == "Overnemen"]
    assert accept
    accept[0].click().run()
    assert not app.exception
    new_call = _field(app, "Oproep aan het VNG-bestuur").value
    assert new_call != result_call and "in te spannen" in new_call
    assert "RESULT_OBLIGATION" not in _rule_ids(app)
