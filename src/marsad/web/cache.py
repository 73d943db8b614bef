"""A small thread-safe cache with a time to live, for views that change only with the archive.

«Read also», latest stories and entity profiles cost tens of milliseconds on a large archive and
change only when articles are added: they are kept for a few seconds, and every write through
the app clears them.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

__all__ = ["TTLCache"]

T = TypeVar("T")


class TTLCache:
    def __init__(self, seconds: float, size: int = 2048) -> None:
        self.seconds = seconds
        self.size = size
        self._items: OrderedDict[Hashable, tuple[float, object]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, make: Callable[[], T]) -> T:
        """The cached value of ``key``, made (outside the lock) when absent or stale."""
        now = time.monotonic()
        if self.seconds > 0:
            with self._lock:
                found = self._items.get(key)
                if found is not None and now - found[0] < self.seconds:
                    self._items.move_to_end(key)
                    return found[1]  # type: ignore[return-value]
        value = make()
        if self.seconds > 0:
            with self._lock:
                self._items[key] = (now, value)
                self._items.move_to_end(key)
                while len(self._items) > self.size:
                    self._items.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
