"""Recall and precision by class, round 17: "his fourth trip to China: his state visit in October 2016, the forum in
May 2017 and ..." and "his third visit since the warrant, after Washington in December and March" (each date of the
list is one earlier visit, no more than the ordinal allows).

Every sentence is written for these tests.
"""

from __future__ import annotations

import pytest

from riskcheck.news import extract_trips

spacy_parse = pytest.importorskip("spacy")  # several of these shapes are read off the parse (CI installs it)


def trips(text: str, published: str) -> set[tuple[str, str, str, str]]:
    return {(t.person_id or t.person, t.country, t.start[:7], t.status) for t in extract_trips(text, published)}


# ---- the earlier visits listed after an ordinal visit ----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Rodrigo Duterte landed in Beijing on Thursday. It is his fourth trip to China since he took office: a state "
    "visit in October 2016, a trade forum in May 2017 and a conference on Hainan in April last year.",
    "Rodrigo Duterte landed in Beijing on Thursday. It is his fourth trip to China since he took office, after a "
    "state visit in October 2016, a trade forum in May 2017 and a conference on Hainan in April last year.",
])
def test_each_dated_item_of_the_list_is_an_earlier_visit(text: str) -> None:
    got = trips(text, "2019-04-25")
    for month in ("2016-10", "2017-05", "2018-04"):
        assert ("rodrigo-duterte", "CN", month, "completed") in got


def test_a_list_after_after_with_two_dates() -> None:
    text = ("Yoav Gallant flew into New York on Monday. It is his third visit to the United States since the warrant "
            "was issued, after Washington in December 2024 and March last year.")
    got = trips(text, "2026-01-26")
    assert ("yoav-gallant", "US", "2024-12", "completed") in got
    assert ("yoav-gallant", "US", "2025-03", "completed") in got


def test_no_more_earlier_visits_than_the_ordinal_allows() -> None:
    text = ("Rodrigo Duterte landed in Beijing on Thursday. It is his second trip to China since he took office: a "
            "state visit in October 2016, and since then ministers went in May 2017 and April 2018.")
    got = {t for t in trips(text, "2019-04-25") if t[0] == "rodrigo-duterte" and t[1] == "CN"}
    assert ("rodrigo-duterte", "CN", "2016-10", "completed") in got
    assert not {t for t in got if t[2] in ("2017-05", "2018-04")}


def test_a_list_of_plans_after_the_ordinal_is_not_earlier_visits() -> None:
    text = ("Rodrigo Duterte landed in Beijing on Thursday. It is his third trip to China since he took office; he "
            "will be back in May and again in August for the forum.")
    got = trips(text, "2019-04-25")
    assert not {t for t in got if t[1] == "CN" and t[2] in ("2019-05", "2019-08") and t[3] == "completed"}
