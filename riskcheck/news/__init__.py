"""``riskcheck news``: trips reported in news text (who travels where, when, whether it happens).

>>> from riskcheck.news import extract_trips
>>> [t.country for t in extract_trips("Vladimir Putin will visit China in October.", "2023-07-25")]
['CN']
"""

from __future__ import annotations

from .extract import Trip, extract_trips

__all__ = ["Trip", "extract_trips"]
