"""Batch runs: flag every row of a table of trips (``riskcheck batch`` and :func:`check_trips`).

Every input row comes out, in order, with all its columns unchanged, followed by the columns in
:data:`ADDED_COLUMNS`:

``person_id``, ``person_resolved``
    the record the person cell resolved to (its id and full name), empty when no record matches (a
    person with no ICC warrant on record: obligation ``no``, basis ``no_warrant``).
``country``
    the ISO 3166-1 alpha-2 code of the state or territory the place cell resolved to.
``warrant``, ``obligation``, ``basis``, ``explanation``, ``sources``
    as in ``riskcheck check`` (``sources`` joined with `` ; ``).
``row_issue``
    empty, or why a value could not be used (unknown or ambiguous person or place, unreadable date, a
    place the data folder has no record for). Such a row is kept, with obligation ``unknown``.

A row without a date is answered for today and its explanation starts by saying so. When an input
column already has one of the added names (compared case-insensitively), the added column gets the
suffix ``_rc`` (``country_rc``; ``_rc2``, ... if that is taken too), so no input column is overwritten.

How it scales: the input is read in chunks of :data:`CHUNK_ROWS` rows, so memory does not grow with
the file. Inside a chunk the work is vectorised: each distinct person, place and date string is
resolved once (and cached across chunks), each distinct (person, territory, date span) verdict is
computed once, and rows get their answers by array indexing. A person with no warrant record gets the
same answer in every state, so those rows share one verdict per date span.
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
