"""AppTest: the Vragen page — a chat turn with citations, a follow-up, "niet gevonden", example questions."""


def _assistant_turns(app):
    return [m for m in app.chat_message if m.name == "assistant"]


def test_question_gets_an_answer_with_expandable_citations_and_viewer_links(indexed_app_settings, open_page):
    app = open_page("vragen")
    app.chat_input[0].set_value("Tot wanneer kan ik een amendement indienen voor de ALV van 26 juni 2024?").run()
    assert not app.exception
    (answer,) = _assistant_turns(app)
    assert "13 juni" in answer.markdown[0].value
    assert answer.caption[0].value == "Berekend met de regels uit de vergaderstukken"
    labels = [e.label for e in answer.expander]
    assert labels and all(label.startswith(f"[{n}] ") for n, label in enumerate(labels, start=1))
    assert any("2024-06-26-alv-vergaderstukken.txt, regel" in label for label in labels)
    links = answer.get("page_link")
    assert links, "every line-based citation links to the source viewer"
    assert links[0].proto.page == "bronnen"
    assert links[0].proto.query_string.startswith("pad=corpus%2F2024-06-26-alv-vergaderstukken.txt&regel=")


def test_follow_up_and_not_found(indexed_app_settings, open_page):
    app = open_page("vragen")
    app.chat_input[0].set_value("Wie moet een motie ondertekenen?").run()
    app.chat_input[0].set_value("Wat is het e-mailadres van de griffie van Renkum?").run()
    assert not app.exception
    turns = _assistant_turns(app)
    assert len(turns) == 2 and len(app.chat_message) == 4
    assert "burgemeester" in turns[0].markdown[0].value
    assert turns[1].markdown[0].value.startswith("**Niet gevonden.**")


def test_example_question_starts_the_conversation(indexed_app_settings, open_page):
    app = open_page("vragen")
    examples = [b for b in app.button if b.key and b.key.startswith("voorbeeld-")]
    assert len(examples) == 4
    examples[1].click().run()
    assert not app.exception
    assert [m.name for m in app.chat_message] == ["user", "assistant"]
    assert app.chat_message[0].markdown[0].value == "Wie moet een motie ondertekenen?"
    assert not [b for b in app.button if b.key and b.key.startswith("voorbeeld-")]


def test_citation_link_opens_the_viewer_with_the_lines_highlighted(indexed_app_settings, open_page):
    app = open_page("bronnen", query_params={"pad": "corpus/2024-06-26-alv-vergaderstukken.txt",
                                             "regel": "388", "tot": "390"})
    html = app.get("html")
    viewer = next(h.proto.body for h in html if "bronregels" in h.proto.body)
    assert viewer.count('class="hl"') == 3
    assert '<span class="hl"><span class="nr">388</span>' in viewer
    assert "2024-06-26-alv-vergaderstukken.txt" in "\n".join(m.value for m in app.markdown)


def test_retrieval_answer_quotes_are_highlighted_in_the_cited_passage(indexed_app_settings, open_page):
    app = open_page("vragen")
    app.chat_input[0].set_value("Wat was het preadvies op de motie van Renkum?").run()
    (answer,) = _assistant_turns(app)
    assert "Renkum" in answer.markdown[0].value and "aan te houden" in answer.markdown[0].value
    assert answer.caption[0].value == "Gevonden in de documenten (citaat)"
    quotes = [m.value for m in answer.markdown if m.value.startswith("<blockquote>")]
    assert any('<mark class="bron">' in quote and "Renkum" in quote for quote in quotes)
