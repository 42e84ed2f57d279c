"""Batch runs: flag every row of a table of trips (``riskcheck batch`` and :func:`check_trips`).

Every input row comes out, in order, with all its columns unchanged, followed by the columns in
:data:`ADDED_COLUMNS`:

``person_id``, ``person_resolved``
    the record the person cell resolved to (its id and full name), empty when no record matches (a
    person with no ICC warrant on record: obligation ``no``, basis ``no_warrant``).
``country``
    the ISO 3166-1 alpha-2 code of the state or territory the place cell resolved to.
``warrant``, ``obligation``, ``basis``, ``confidence``, ``explanation``, ``sources``
    as in ``riskcheck check`` (``sources`` joined with `` ; ``; ``confidence`` is ``high``, ``medium`` or
    ``low``: the weakest fact the answer rests on, ``low`` for a row that could not be answered).
``row_issue``
    empty, or why a value could not be used (unknown or ambiguous person or place, unreadable date, a
    place the data folder has no record for, a row with more or fewer fields than the header: basis
    ``malformed_row``). Such a row is kept, with obligation ``unknown``.

A row with an empty date is answered for today and its explanation starts by saying so. When an input
column already has one of the added names (compared case-insensitively), the added column gets the
suffix ``_rc`` (``country_rc``; ``_rc2``, ... if that is taken too), so no input column is overwritten.

The pipeline, one module per step: :mod:`.read` (the input in blocks of about 1 MB, parsed by polars;
ragged rows kept) -> :mod:`.columns` (which columns hold what) -> :mod:`.engine` (each distinct person,
place and date string resolved once and cached across blocks, each distinct (person, territory, date
span) verdict computed once, answers reused over stretches of unchanging status and, for people with no
record, over dates; rows get their answers by array indexing; caches bounded in entries and bytes) ->
:mod:`.write` (input cells, neutralised, and the added cells as one polars frame per block, written by
polars' CSV writer), driven by :mod:`.run`. Reading and writing run in threads behind bounded queues
(:mod:`.threads`), overlapping the engine. :mod:`.frame` is the DataFrame API. pandas is not imported on
the ``riskcheck batch`` path.
"""

from __future__ import annotations

from .columns import ADDED_COLUMNS, Columns, added_names, detect_columns
from .engine import CACHE_LIMIT, _Answer, _Engine
from .frame import check_trips
from .run import CHUNK_ROWS, BatchSummary, run_batch

__all__ = [
    "ADDED_COLUMNS",
    "CACHE_LIMIT",
    "CHUNK_ROWS",
    "BatchSummary",
    "Columns",
    "_Answer",
    "_Engine",
    "added_names",
    "check_trips",
    "detect_columns",
    "run_batch",
]
