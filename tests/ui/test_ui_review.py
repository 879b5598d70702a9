"""AppTest: the concernstaf's batch review on the Toetsen page — upload, overview rows, a refused file, detail,
a status that is saved, and the export buttons."""

from pathlib import Path

from assistant.review.store import ReviewStore

MOTION = (Path(__file__).parent / "data" / "motie_renkum.txt").read_text(encoding="utf-8")
SECOND = MOTION.replace("Renkum", "Arnhem").replace("Wageningen", "Duiven")


def test_batch_review_overview_status_and_exports(app_settings, open_page):
    app = open_page("toetsen")
    app.file_uploader(key="review_bestanden").set_value([
        ("renkum.txt", MOTION.encode(), "text/plain"),
        ("arnhem.md", SECOND.encode(), "text/markdown"),
        ("notities.exe", b"MZ", "application/octet-stream"),
    ])
    app.button(key="review_knop").click().run()
    assert not app.exception, [e.value for e in app.exception]
    assert [e.value for e in app.error] == [
        "Bestand 'notities.exe' heeft een niet-toegestaan type (.exe). Toegestaan: .txt, .md, .docx, .pdf, .eml, .zip."
    ]
    overview = next(t.value for t in app.table if "Nr." in t.value.columns)
    assert sorted(overview["Nr."]) == ["M1", "M2"]
    assert set(overview["Gemeente(n)"]) == {"Renkum, Wageningen", "Arnhem, Duiven"}
    groups = next(t.value for t in app.table if "Groep" in t.value.columns and "Nummers" in t.value.columns)
    assert list(groups["Nummers"]) == ["M1, M2"]  # near-identical motions from two gemeenten are grouped

    status_box = next(s for s in app.selectbox if s.label == "Status")
    status_box.set_value("preadvies overnemen")
    next(t for t in app.text_area if t.label == "Preadvies").set_value("Het bestuur neemt de motie over.")
    next(b for b in app.button if b.label == "Opslaan").click().run()
    assert not app.exception
    assert app.success[-1].value.endswith("opgeslagen.")
    with ReviewStore(app_settings.resolved_review_db) as store:  # saved for the next session and the exports
        saved = [i for i in store.items("2024-06-26") if i.status == "preadvies overnemen"]
    assert len(saved) == 1 and saved[0].preadvies_text == "Het bestuur neemt de motie over."
    assert [b.label for b in app.download_button] == ["CSV", "Excel (XLSX)", "Markdown", "Word (DOCX)"]
