"""Progress reporting for long imports: a callable(done, total), called at most about a hundred times."""
from __future__ import annotations

from collections.abc import Callable

ProgressCallback = Callable[[int, int], None]


class Progress:
    """Counts work done against a total that may be re-estimated; calls back on each new percent."""

    def __init__(self, callback: ProgressCallback | None):
        self.callback = callback
        self.done = 0
        self.total = 1
        self._last_percent = -1

    def advance(self, amount: int) -> None:
        """Add `amount` units of work done."""
        self.done = min(self.done + amount, self.total)
        percent = self.done * 100 // self.total
        if self.callback is not None and percent != self._last_percent:
            self._last_percent = percent
            self.callback(self.done, self.total)

    def finish(self) -> None:
        """Report completion."""
        self.done = self.total
        if self.callback is not None:
            self.callback(self.total, self.total)
