"""What keeps `riskcheck news` fast where nothing can travel: the early exit for an article with no person,
title, place or event series, the event-series regex compiled only when a first word of an alias is seen, and the
bundled ruleset found again without touching the file system."""

from __future__ import annotations

import os

import pytest

from riskcheck import events, ruleset
from riskcheck.news import extract, extract_trips

NEUTRAL = ("The council approved the new budget after a long debate. Residents welcomed the winter programme "
           "on Tuesday. The committee postponed a vote on the bus timetable for the third time.")


def test_an_article_with_nothing_that_can_travel_stops_before_the_reading(monkeypatch) -> None:
    extract_trips("Vladimir Putin will visit China in October.", "2023-07-25")  # (tables loaded)

    def boom(*args: object, **kwargs: object) -> None:
        raise AssertionError("the article was read sentence by sentence")

    monkeypatch.setattr(extract, "_Doc", boom)
    assert extract_trips(NEUTRAL, "2023-07-25") == []


@pytest.mark.parametrize(("text", "country"), [
    ("Vladimir Putin will visit China in October.", "CN"),  # a person and a place
    (NEUTRAL + " The Russian leader will travel to the BRICS summit in Johannesburg next month.", "ZA"),  # a title
    ("The Russian president is expected at the BRICS summit next month.", "ZA"),  # a title and a series, no place
])
def test_an_article_with_a_traveller_or_an_event_is_still_read(text: str, country: str) -> None:
    assert country in {t.country for t in extract_trips(text, "2023-07-25")}


def test_the_series_regex_is_compiled_only_when_an_alias_may_start_here(monkeypatch) -> None:
    fresh = events._Index(ruleset.default_data_dir())
    monkeypatch.setattr(events, "_index", lambda rs=None: fresh)
    assert events.series_spans(NEUTRAL) == [] and fresh._pattern is None
    assert [sid for _, _, sid in events.series_spans(NEUTRAL + " The BRICS summit opens.")] == ["brics"]
    assert fresh._pattern is not None


def test_the_bundled_ruleset_is_found_again_without_the_file_system(monkeypatch) -> None:
    first = ruleset.load_ruleset()

    def no_fs(*args: object) -> str:
        raise AssertionError("the file system was asked again")

    monkeypatch.setattr(os.path, "realpath", no_fs)
    monkeypatch.setattr(os.path, "isdir", no_fs)
    assert ruleset.load_ruleset() is first
