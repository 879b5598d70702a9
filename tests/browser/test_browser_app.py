"""End to end in Debian's Chromium: every page renders, passes axe-core (WCAG 2.1 AA, no serious/critical
violations) at 1280 px and 390 px and is screenshotted; a question shows a citation that opens the source viewer;
a drafted motion downloads as a DOCX that python-docx opens."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest
from docx import Document

WIDE, NARROW = 1280, 390  # px: a laptop and a phone

PAGES = {  # screenshot name -> (URL path, page heading); the default page (Vragen) lives at "/"
    "vragen": ("", "Vragen"),
    "motie-opstellen": ("motie-opstellen", "Motie opstellen"),
    "amendement-opstellen": ("amendement-opstellen", "Amendement opstellen"),
    "toetsen": ("toetsen", "Toetsen"),
    "termijnen": ("termijnen", "Termijnen"),
    "bronnen": ("bronnen", "Bronnen"),
}


@pytest.mark.parametrize("name", list(PAGES))
def test_page_is_accessible_at_both_widths(app, name):
    path, heading = PAGES[name]
    app.goto(path, width=WIDE)
    assert app.page.get_by_role("heading", level=1).first.inner_text() == heading
    assert not app.page.get_by_role("dialog").count(), "geen foutvenster (zoals 'Page not found')"
    for width in (WIDE, NARROW):
        app.resize(width)
        app.screenshot(f"{name}-{width}")
        assert app.axe_violations() == [], f"{name} bij {width} px"


def test_question_shows_a_citation_that_opens_the_source_viewer(app):
    app.goto("")
    box = app.page.get_by_placeholder("Stel uw vraag")
    box.fill("Wat was het preadvies op de motie van Renkum?")
    box.press("Enter")
    answer = app.page.locator('[data-testid="stChatMessage"]').nth(1)
    answer.get_by_text("Gevonden in de documenten").first.wait_for()
    app.wait_idle()
    first_citation = answer.locator('[data-testid="stExpander"] summary').first
    assert "[1] " in first_citation.inner_text()  # (the text also holds the icon name)
    first_citation.click()
    answer.locator("blockquote").first.wait_for()  # the passage is shown
    assert answer.locator("blockquote mark.bron").first.is_visible()  # with the quoted words highlighted
    app.page.wait_for_timeout(300)  # the expander's animation
    app.page.locator('[data-testid="stChatMessage"]').first.evaluate("e => e.scrollIntoView({block: 'start'})")
    app.screenshot("vragen-antwoord")
    assert app.axe_violations() == []
    link = answer.get_by_role("link", name="Open in de bronviewer").first
    cited = parse_qs(urlparse(link.get_attribute("href")).query)
    link.click()
    app.page.locator(".bronregels .hl").first.wait_for()
    app.wait_idle()
    assert "pad=corpus" in app.page.url
    numbers = [int(n) for n in app.page.locator(".bronregels .hl .nr").all_inner_texts()]
    assert numbers == list(range(int(cited["regel"][0]), int(cited["tot"][0]) + 1))
    app.screenshot("bronnen-viewer")


def test_draft_a_motion_and_download_it_as_docx(app, tmp_path):
    app.goto("motie-opstellen")
    app.page.get_by_role("textbox", name="Indienende gemeente").first.fill("Renkum")
    app.page.get_by_role("button", name="Nieuw concept starten").click()
    app.wait_idle()
    title = app.page.get_by_role("textbox", name="Titel", exact=True)
    title.fill("Structurele financiering jeugdzorg")
    title.press("Enter")
    app.wait_idle()
    call = app.page.get_by_role("textbox", name="Oproep aan het VNG-bestuur")
    call.fill("zich in te spannen voor structurele financiering van de jeugdzorg")
    title.click()  # leaving the text area commits it
    app.wait_idle()
    app.screenshot("motie-opstellen-concept")
    assert app.axe_violations() == []
    with app.page.expect_download() as download_info:
        app.page.get_by_role("button", name="Word (DOCX)").click()
    target = tmp_path / "motie.docx"
    download_info.value.save_as(target)
    text = "\n".join(p.text for p in Document(str(target)).paragraphs)
    assert "Structurele financiering jeugdzorg" in text
    assert "zich in te spannen voor structurele financiering van de jeugdzorg" in text


def test_reverse_proxy_header_login(browser, header_auth_app_url):
    """Without the proxy's header the app shows only the "not logged in" message; with it, the user and role."""
    for headers, expected in (({}, "U bent niet aangemeld"),
                              ({"X-Forwarded-User": "griffier@renkum.nl", "X-Forwarded-Groups": "griffie"},
                               "griffier@renkum.nl (griffie/medewerker)")):
        context = browser.new_context(extra_http_headers=headers)
        page = context.new_page()
        page.goto(f"{header_auth_app_url}/termijnen")
        page.get_by_text(expected).first.wait_for(timeout=30_000)
        page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]')
        assert page.get_by_role("heading", name="Termijnen", exact=True).count() == (1 if headers else 0)
        context.close()
