from assistant.index.analyzer import DutchAnalyzer, analyze, fold_accents, surface_vocabulary
from assistant.index.bm25 import BM25Index


def test_moties_indienen_finds_ingediend_sentence():
    texts = ["Amendementen op voorstellen van het bestuur worden besproken.",
             "De motie moet uiterlijk negen werkdagen voor de ALV worden ingediend.",
             "Het bestuur dient jaarlijks een begroting in."]
    index = BM25Index.build(texts)
    top = index.top("moties indienen", 3)
    assert top[0][0] == 1
    # the participle repair links indienen and ingediend, not only the shared stem "motie"
    assert "indien" in analyze("ingediend")


def test_accent_folding_is_the_same_for_query_and_document():
    assert fold_accents("financiële coördinatie") == "financiele coordinatie"
    assert set(analyze("financiële")) == set(analyze("financiele"))
    index = BM25Index.build(["De financiële verantwoording.", "Het bestuur."])
    assert index.top("financiele", 1)[0][0] == 0
    assert index.top("financiële", 1)[0][0] == 0


def test_stop_words_dropped_but_meaningful_words_kept():
    terms = analyze("de het een van stemmen voor en tegen niet")
    assert not {"de", "het", "een", "van", "en"} & set(terms)
    assert {"voor", "tegen", "niet"} <= set(terms)
    assert analyze("één") == ["één"]  # an accented stop word is emphasis, kept as written


def test_original_form_kept_next_to_stem():
    assert analyze("moties") == ["motie", "moties"]
    assert analyze("motie") == ["motie"]


def test_compound_head_added_with_vocabulary():
    vocabulary = surface_vocabulary(["De vergadering begint om tien uur."])
    terms = DutchAnalyzer(vocabulary)("ledenvergadering")
    assert "vergader" in terms and "ledenvergadering" in terms
    assert "vergader" not in DutchAnalyzer()("ledenvergadering")
