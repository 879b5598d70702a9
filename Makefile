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

.PHONY: run test install install-dev ingest bench clean-index

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
install-dev: $(STAMP_DEV)

ingest: install
	$(PY) ingest.py --if-stale

run: install ingest
	$(VENV)/bin/streamlit run app.py --server.address 127.0.0.1 --server.port $(PORT) --server.headless true

test: install-dev
	$(PY) -m pytest

bench: install-dev
	$(PY) bench/ingest.py
	$(PY) bench/rules.py

clean-index:
	rm -rf .motie/index
