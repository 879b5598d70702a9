"""Build or update the index of corpus/:
``python ingest.py [--corpus DIR] [--json] [--if-stale] [--bm25-only] [--rebuild]``.

Same as ``motie ingest``; see ``python ingest.py --help``.
"""

import sys

from assistant.cli import main

if __name__ == "__main__":
    raise SystemExit(main(["ingest", *sys.argv[1:]]))
