"""Copy the browser tests' page screenshots into ``docs/screenshots/`` as small PNGs for the README.

Run the browser tests first (they write ``tests/artifacts/*.png``), then::

    .venv/bin/python tests/browser/screenshots.py

Each picture is reduced to a 256-colour palette (plenty for a white, text-heavy UI) and checked to stay under
150 KB, so the repository stays small.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image

REPO_ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO_ROOT / "tests" / "artifacts"
TARGET = REPO_ROOT / "docs" / "screenshots"
MAX_BYTES = 150 * 1024
PICTURES = {  # README name -> artifact written by tests/browser/test_browser_app.py
    "vragen.png": "vragen-antwoord.png",
    "motie-opstellen.png": "motie-opstellen-concept.png",
    "toetsen.png": "toetsen-1280.png",
    "termijnen.png": "termijnen-1280.png",
    "bronnen.png": "bronnen-viewer.png",
    "vragen-smal.png": "vragen-390.png",
}


def shrink(source: Path, target: Path) -> int:
    image = Image.open(source).convert("RGB")
    image.quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(target, optimize=True)
    return target.stat().st_size


def main() -> int:
    TARGET.mkdir(parents=True, exist_ok=True)
    problems = 0
    for name, artifact in PICTURES.items():
        source = ARTIFACTS / artifact
        if not source.exists():
            print(f"ontbreekt: {source} (draai eerst de browsertests)", file=sys.stderr)
            problems += 1
            continue
        size = shrink(source, TARGET / name)
        flag = "" if size <= MAX_BYTES else "  TE GROOT"
        problems += size > MAX_BYTES
        print(f"{name}: {size / 1024:.0f} KB{flag}")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
