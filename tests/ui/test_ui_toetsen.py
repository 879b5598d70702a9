"""AppTest: the Toetsen page — a pasted motion with a finding, uploads (allowed, refused, e-mail with its time)."""

from pathlib import Path

MOTION = (Path(__file__).parent / "data" / "motie_renkum.txt").read_text(encoding="utf-8")
WITHOUT_CALL = MOTION.replace("Roept het bestuur van de VNG op:\n", "")


def _check(app):
    app.button(key="toets_knop").click().run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def test_pasted_motion_without_call_gets_missing_oproep_and_then_passes(app_settings, open_page):
    app = open_page("toetsen")
    app.text_area(key="toets_tekst").set_value(WITHOUT_CALL)
    _check(app)
    assert [e.value for e in app.error] == ["Deze motie voor de ALV 26-06-2024 voldoet niet aan de regels: 1 fout."]
    finding = next(m.value for m in app.markdown if "MISSING_OPROEP" in m.value)
    assert finding.startswith("**Fout**")
    assert any("regel" in e.label for e in app.expander)  # the rule's source passage is cited
    app.text_area(key="toets_tekst").set_value(MOTION)
    _check(app)
    assert not app.error
    assert app.success[0].value.startswith("Deze motie voor de ALV 26-06-2024 voldoet aan de regels")


def test_uploaded_text_file_is_saved_inside_the_data_dir_and_checked(app_settings, open_page):
    app = open_page("toetsen")
    app.file_uploader(key="toets_bestand").set_value(("../../../motie.txt", MOTION.encode(), "text/plain"))
    _check(app)
    assert app.success[0].value.startswith("Deze motie voor de ALV 26-06-2024 voldoet aan de regels")
    saved = app_settings.data_dir / "uploads" / "toetsen" / "motie.txt"
    assert saved.read_text(encoding="utf-8") == MOTION


def test_disallowed_upload_gets_a_dutch_error_and_is_not_stored(app_settings, open_page):
    app = open_page("toetsen")
    app.file_uploader(key="toets_bestand").set_value(("script.exe", b"MZ\x90\x00", "application/octet-stream"))
    _check(app)
    assert [e.value for e in app.error] == [
        "Bestand 'script.exe' heeft een niet-toegestaan type (.exe). Toegestaan: .txt, .md, .docx, .pdf, .eml."
    ]
    assert not (app_settings.data_dir / "uploads").exists()


def test_too_large_upload_is_refused_in_dutch(app_settings, monkeypatch, open_page):
    from assistant.config import get_settings

    monkeypatch.setenv("MOTIE_UPLOAD_MAX_MB", "1")
    get_settings.cache_clear()
    app = open_page("toetsen")
    big = MOTION.encode() + b" " * (1024 * 1024)
    app.file_uploader(key="toets_bestand").set_value(("motie.txt", big, "text/plain"))
    _check(app)
    assert "te groot" in app.error[0].value and "1 MB" in app.error[0].value


def test_late_email_submission_uses_the_received_time(app_settings, open_page):
    eml = (
        "Received: from mail.renkum.nl by mx.vng.nl; Thu, 13 Jun 2024 12:05:00 +0200\n"
        "Date: Thu, 13 Jun 2024 11:50:00 +0200\n"
        "From: griffie@renkum.nl\nTo: motiealv@vng.nl\nSubject: Motie Renkum\n"
        "Content-Type: text/plain; charset=utf-8\n\n" + MOTION
    ).encode()
    app = open_page("toetsen")
    app.file_uploader(key="toets_bestand").set_value(("motie.eml", eml, "message/rfc822"))
    _check(app)
    assert any("LATE_SUBMISSION" in m.value and m.value.startswith("**Waarschuwing**") for m in app.markdown)
    assert "Ingediend op donderdag 13 juni 2024, 12.05 uur" in "\n".join(c.value for c in app.caption)
