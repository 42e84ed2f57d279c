"""A prebuilt, versioned cache of a loaded ruleset and its lookup indexes, so a single query starts fast.

The first load of a data folder parses its CSV files, builds the place and person indexes and the ISO
table, and stores them (pickled) in the user's cache folder: ``$RISKCHECK_CACHE_DIR``, else
``$XDG_CACHE_HOME/riskcheck``, else ``~/.cache/riskcheck``. Later loads read that one file instead.

The cache file is named by a hash of everything the stored objects were built from, so it is never
stale: the content of every data file that is read (``--data``/``RISKCHECK_DATA`` honoured: each data
folder has its own entry), the bundled ISO table, the source of the modules whose objects are
stored (a code change in a checkout invalidates it as a version bump does), riskcheck's version and the
Python version. A changed file means another name, so a stale entry is never read; old entries are
pruned. Files are written atomically (a temporary file renamed into place). Any problem reading or
writing the cache (a corrupt or unreadable file, a read-only folder) falls back to building from the
CSV files: the cache can only make loading faster, never change an answer. ``RISKCHECK_CACHE=0``
turns it off.

The city table (``riskcheck/tables/cities.csv``, thousands of rows) has entries of its own, keyed the same
way by its content (:func:`load_table`), read only by a query that is not a country's name.

The cache folder is trusted as the user's own (it holds pickles, as ``__pycache__`` holds bytecode).
"""

from __future__ import annotations

import gc
import os
import sys

TYPE_CHECKING = False  # (typing.TYPE_CHECKING without importing typing: a few ms of every start)
if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path
    from typing import Any, TypeVar

    from .ruleset import Ruleset

    T = TypeVar("T")

__all__ = ["CACHE_FORMAT", "cache_dir", "cache_key", "load_built", "load_cached", "load_table", "KEEP"]

#: bumped when the layout of a cache entry changes
CACHE_FORMAT = 2
#: cache entries kept (the newest); older ones are deleted after a write
KEEP = 8
_HERE = os.path.dirname(os.path.realpath(__file__))  # (paths as strings here: a query does not import pathlib)
#: modules whose objects (or whose functions, through the index keys they compute) are in a cache entry
_SOURCES = ("__init__.py", "ruleset.py", "ruleset_build.py", "places.py", "places_build.py", "people.py",
            "people_index.py", "text.py", "dates.py", "errors.py", "record.py", "name_variants.py")
_TABLES = ("countries.csv", "romanisation.csv")


def cache_dir() -> Path | None:
    """The folder cache entries go in, or None when the cache is turned off (``RISKCHECK_CACHE=0``)."""
    folder = _folder()
    if folder is None:
        return None
    from pathlib import Path

    return Path(folder)


def _folder() -> str | None:
    """:func:`cache_dir` as a string."""
    if os.environ.get("RISKCHECK_CACHE", "").strip().lower() in ("0", "no", "off", "false"):
        return None
    given = os.environ.get("RISKCHECK_CACHE_DIR")
    if given:
        return os.path.expanduser(given)
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = os.path.expanduser(xdg) if xdg else os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "riskcheck")


def cache_key(data: str | os.PathLike[str], files: tuple[str, ...]) -> str:
    """The hash naming the cache entry of data folder ``data`` (its ``files``), for this riskcheck and Python."""
    folder = os.fspath(data)
    return _digest(folder, ((folder, files), (os.path.join(_HERE, "tables"), _TABLES)))


def _digest(label: str, inputs: tuple[tuple[str, tuple[str, ...]], ...]) -> str:
    """A hash of ``label``, the content of the ``inputs`` files (folder, names), riskcheck's modules whose
    objects are stored, riskcheck's version and the Python version."""
    from . import __version__

    try:  # the C module alone: importing hashlib also loads OpenSSL, a few ms on every query
        from _blake2 import blake2b
    except ImportError:  # pragma: no cover - another Python implementation
        from hashlib import blake2b
    h = blake2b(digest_size=20)
    h.update(f"{CACHE_FORMAT}\0{__version__}\0{sys.version}\0{label}\0".encode())
    for folder, names in (*inputs, (_HERE, _SOURCES)):
        for name in names:
            h.update(name.encode() + b"\0")
            try:
                with open(os.path.join(folder, name), "rb") as f:
                    h.update(blake2b(f.read(), digest_size=20).digest())
            except OSError:
                h.update(b"<missing>")
    return h.hexdigest()


def _read(path: str) -> dict[str, Any] | None:
    try:  # the C module alone: pickle.py costs every query another millisecond (writing uses it)
        from _pickle import load
    except ImportError:  # pragma: no cover - another Python implementation
        from pickle import load
    enabled = gc.isenabled()
    gc.disable()  # thousands of new objects, none of them garbage: no collector passes while they arrive
    try:
        with open(path, "rb") as f:
            got = load(f)
    except FileNotFoundError:
        return None
    except Exception:  # noqa: BLE001 - a corrupt or outdated entry: rebuild from the CSV files
        return None
    finally:
        if enabled:
            gc.enable()
    return got if isinstance(got, dict) and got.get("format") == CACHE_FORMAT else None


def _write(folder_name: str, path_name: str, entry: dict[str, Any]) -> None:
    """Write ``entry`` to ``path_name`` atomically; prune old entries of its kind (the name's prefix). Failures
    are ignored (it is a cache)."""
    import contextlib
    import pickle
    import tempfile
    from pathlib import Path

    folder, path = Path(folder_name), Path(path_name)
    tmp = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        kind = path.name.partition("-")[0]
        fd, tmp = tempfile.mkstemp(prefix=f".{kind}-", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as f:
            pickle.dump(entry, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        tmp = None
        entries = sorted(folder.glob(f"{kind}-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in entries[KEEP:]:
            with contextlib.suppress(OSError):
                old.unlink()
    except (OSError, pickle.PicklingError, RecursionError, TypeError, AttributeError):
        pass
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _warm(rs: Ruleset) -> dict[str, Any]:
    """Build the indexes a query uses (stored with the ruleset) and return the module-level tables.

    (The city table has an entry of its own, read only by a query that names a city: :func:`load_table`.)
    """
    from . import name_variants, people, places

    places._index(rs)
    people._index(rs)
    name_variants.name_index(rs)  # (a name no table lists: "Osema Najim Almasri")
    return {"places._ISO": places._iso()}


def _install(tables: dict[str, Any]) -> None:
    """Put cached module-level tables in place (unless that module has built its own already)."""
    from . import places

    with places._LOCK:
        if places._ISO is None:
            places._ISO = tables["places._ISO"]


def load_cached(data: str, files: tuple[str, ...], build: Callable[[str], Ruleset]) -> Ruleset:
    """The ruleset of data folder ``data``: from the cache when an entry for exactly these files exists,
    else ``build(data)`` (then stored, with its indexes, for next time)."""
    folder = _folder()
    if folder is None:
        return build(data)
    try:
        key = cache_key(data, files)
    except OSError:  # pragma: no cover - the package's own files unreadable
        return build(data)
    path = os.path.join(folder, f"ruleset-{key}.pickle")
    entry = _read(path)
    if entry is not None:
        rs: Ruleset = entry["ruleset"]
        _install(entry["tables"])
        return rs
    rs = build(data)
    try:
        tables = _warm(rs)
    except Exception:  # noqa: BLE001 - a data folder the indexes cannot use: answer (and fail) as without a cache
        return rs
    _write(folder, path, {"format": CACHE_FORMAT, "ruleset": rs, "tables": tables})
    return rs


def load_built(name: str, inputs: tuple[tuple[str, tuple[str, ...]], ...], build: Callable[[], T]) -> T:
    """A value built by ``build`` from the files ``inputs`` ((folder, names), ...) and riskcheck's modules in
    ``_SOURCES``: from the cache when an entry for exactly this content exists, else built (then stored).

    ``name`` names the kind of value (entries ``NAME-KEY.pickle``); a caller whose ``build`` reads other modules
    lists their source files among ``inputs``, so a code change is a new key."""
    folder = _folder()
    if folder is None:
        return build()
    try:
        key = _digest(name, inputs)
    except OSError:  # pragma: no cover - the package's own files unreadable
        return build()
    path = os.path.join(folder, f"{name}-{key}.pickle")
    entry = _read(path)
    if entry is not None and entry.get("name") == name:
        value: T = entry["value"]
        return value
    value = build()
    _write(folder, path, {"format": CACHE_FORMAT, "name": name, "value": value})
    return value


def load_table(name: str, source: str | os.PathLike[str], build: Callable[[], T]) -> T:
    """A table built from the file ``source`` alone by ``build`` (a function of riskcheck's modules in
    ``_SOURCES``): from the cache when an entry for exactly this content exists, else built (then stored).

    ``name`` names the kind of table (entries ``NAME-KEY.pickle``); ``build`` must return plain data
    (tuples, dicts, strings, numbers), which unpickles fastest."""
    src = os.fspath(source)
    return load_built(name, ((os.path.dirname(src), (os.path.basename(src),)),), build)
