"""One tqdm progress bar per stage on stderr, for the ``progress(stage, done, total)`` callbacks of the package."""

from __future__ import annotations

import sys


class StageProgressBar:
    """``progress(stage, done, total)`` rendered as one tqdm bar per stage on stderr (stdout stays clean for --json)."""

    def __init__(self, labels: dict[str, str], *, unit: str = "", mininterval: float = 0.5):
        self.labels = labels
        self.unit = unit
        self.mininterval = mininterval
        self._stage = None
        self._bar = None

    def __call__(self, stage: str, done: int, total: int) -> None:
        from tqdm import tqdm  # imported lazily: registering commands must stay cheap

        if stage != self._stage:
            self.close()
            self._stage = stage
            self._bar = tqdm(total=total, desc=self.labels.get(stage, stage), unit=self.unit, file=sys.stderr,
                             dynamic_ncols=True, mininterval=self.mininterval, leave=True)
        self._bar.total = total
        self._bar.update(done - self._bar.n)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None
