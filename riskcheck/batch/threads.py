"""Overlapping reading, the engine and writing: a thread that reads blocks ahead and a thread that writes
them, each behind a bounded queue (so memory does not grow with the input). polars and numpy release the
GIL while they parse and write, so the engine's Python runs meanwhile. An exception in a thread is raised
in the caller's thread, in order; the caller stopping early (an error, Ctrl-C) stops the threads."""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterable, Iterator
from types import TracebackType
from typing import Any, Generic, TypeVar

T = TypeVar("T")

_ITEM, _END, _ERROR = 0, 1, 2
_POLL = 0.1  # seconds between checks for a stop while a queue is full


class _Stoppable:
    def __init__(self, depth: int) -> None:
        self.queue: queue.Queue[tuple[int, Any]] = queue.Queue(maxsize=max(1, depth))
        self.stop = threading.Event()

    def _put(self, item: tuple[int, Any]) -> bool:
        """Queue ``item`` unless told to stop meanwhile (then False)."""
        while not self.stop.is_set():
            try:
                self.queue.put(item, timeout=_POLL)
                return True
            except queue.Full:
                continue
        return False

    def _drain(self) -> None:
        while True:
            try:
                self.queue.get_nowait()
            except queue.Empty:
                return


class _Ahead(_Stoppable, Generic[T]):
    """Iterate ``items`` in a thread, at most ``depth`` items ahead of the consumer (a context manager)."""

    def __init__(self, items: Iterable[T], depth: int, name: str) -> None:
        super().__init__(depth)
        self.thread = threading.Thread(target=self._run, args=(iter(items),), name=name, daemon=True)
        self.thread.start()

    def _run(self, items: Iterator[T]) -> None:
        try:
            for item in items:
                if not self._put((_ITEM, item)):
                    return
            self._put((_END, None))
        except BaseException as exc:  # noqa: BLE001 - raised in the consumer's thread
            self._put((_ERROR, exc))

    def __iter__(self) -> Iterator[T]:
        while True:
            kind, item = self.queue.get()
            if kind == _END:
                return
            if kind == _ERROR:
                raise item
            yield item

    def __enter__(self) -> _Ahead[T]:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.stop.set()
        self._drain()  # unblocks a producer waiting on a full queue
        self.thread.join(timeout=5)  # (a producer blocked reading a pipe is a daemon: it does not hold the exit)


class _Behind(_Stoppable):
    """Call ``consume(item)`` for each :meth:`put` item in a thread, at most ``depth`` items behind."""

    def __init__(self, consume: Callable[[Any], None], depth: int, name: str) -> None:
        super().__init__(depth)
        self.consume = consume
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name=name, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while not self.stop.is_set():
            try:
                kind, item = self.queue.get(timeout=_POLL)
            except queue.Empty:
                continue
            if kind == _END:
                return
            try:
                self.consume(*item)
            except BaseException as exc:  # noqa: BLE001 - raised in the producer's thread
                self.error = exc
                self.stop.set()
                return

    def _raise(self) -> None:
        if self.error is not None:
            error, self.error = self.error, None
            raise error

    def put(self, item: tuple[Any, ...]) -> None:
        """Queue the arguments of one ``consume`` call (waits while ``depth`` are queued); raises what an
        earlier call raised."""
        self._raise()
        if not self._put((_ITEM, item)):
            self._raise()

    def close(self) -> None:
        """Wait until every queued item is consumed; raise what a call raised."""
        self._put((_END, None))
        self.thread.join()
        self._raise()

    def abort(self) -> None:
        """Stop consuming (the item being consumed is finished first, if it finishes soon); drop the rest."""
        self.stop.set()
        self._drain()
        self.thread.join(timeout=5)  # (a write blocked on a full pipe nobody reads: a daemon, left behind)
