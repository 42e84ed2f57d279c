"""riskcheck news never raises and stays linear on hostile input."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from riskcheck.news import extract_trips

SAMPLE = ("Vladimir Putin will visit China in October. He was scheduled to attend the BRICS summit in "
          "South Africa in August but decided to cancel the plan. ")


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400), st.sampled_from([None, "2023-07-25", "2023-07", "not a date"]))
def test_never_raises_on_arbitrary_text(text, published):
    for t in extract_trips(text, published):
        assert t.status


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["Putin", "will", "visit", "China", "in", "October", "May", "2017", "and",
                                 "He", "was", ",", ".", "\n", "the", "Russian", "president", "summit",
                                 "not", "video", "link", "on", "Monday", "22", "to", "24", "August", "-"]),
                max_size=80))
def test_never_raises_on_word_salad(words):
    extract_trips(" ".join(words), "2023-07-25")


CORPUS = Path(__file__).parent / "news_corpus" / "articles"


def _prose(size: int) -> str:
    texts = [f.read_text(encoding="utf-8") for f in sorted(CORPUS.glob("*.txt"))] or [SAMPLE * 20]
    blob = "\n".join(texts)
    return (blob * (size // len(blob) + 1))[:size]


@pytest.mark.slow
def test_ten_megabytes_completes():
    text = _prose(10_000_000)
    t0 = time.perf_counter()
    extract_trips(text, "2024-06-01")
    assert time.perf_counter() - t0 < 180  # generous: linear time (about 2 s per MB here), not a benchmark


@pytest.mark.slow
def test_one_megabyte_line_without_punctuation():
    text = "Putin visit China " * 60_000 + "a" * 1_000_000 + " ((((((((" * 10_000
    t0 = time.perf_counter()
    extract_trips(text, "2023-07-25")
    assert time.perf_counter() - t0 < 120


def test_dense_trips_scale_linearly():
    small, big = SAMPLE * 100, SAMPLE * 800
    t0 = time.perf_counter()
    extract_trips(small, "2023-07-25")
    t1 = time.perf_counter()
    trips = extract_trips(big, "2023-07-25")
    t2 = time.perf_counter()
    assert {t.country for t in trips} == {"CN", "ZA"}  # one journey each, however often repeated
    assert (t2 - t1) < 8 * 3 * max(t1 - t0, 0.01)  # 8x the text: far from quadratic
