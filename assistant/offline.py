"""Offline by construction.

Imported first by ``assistant/__init__.py`` so that no Hugging Face, Chroma or Streamlit code ever tries to reach
the network: models come from installed packages or local folders, telemetry is off. ``setdefault`` lets an
operator deliberately override a value (e.g. to warm a local Hugging Face cache on another machine).
"""

import os

OFFLINE_ENV = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "HF_DATASETS_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "ANONYMIZED_TELEMETRY": "False",  # chromadb product telemetry
    "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false",
    "TOKENIZERS_PARALLELISM": "false",
}

for _key, _value in OFFLINE_ENV.items():
    os.environ.setdefault(_key, _value)
