"""A one-line progress bar on stderr for long command-line work."""
from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator


def progress(items: Iterable, total: int, label: str, every: int = 50_000) -> Iterator:
    """Yield `items`, redrawing `label [#####     ] n/total` every `every` items and at the end."""
    started, width, done = time.perf_counter(), 30, 0
    for done, item in enumerate(items, 1):
        yield item
        if done % every == 0:
            _draw(label, done, total, width, started)
    _draw(label, done, total, width, started)
    sys.stderr.write("\n")


def _draw(label: str, done: int, total: int, width: int, started: float) -> None:
    filled = int(width * min(done / total, 1)) if total else width
    elapsed = time.perf_counter() - started
    sys.stderr.write(f"\r{label:<12} [{'#' * filled}{' ' * (width - filled)}] {done:>10,}/{total:,} {elapsed:6.1f} s")
    sys.stderr.flush()
