"""News: the status cues that decide whether a trip is physical, and the answer for an undated trip.

The sentences are written for these tests.
"""

from __future__ import annotations

import csv
import io

import pytest
from click.testing import CliRunner

from riskcheck.cli import cli
from riskcheck.news import extract_trips


def statuses(text: str, published: str = "2023-08-01") -> list[tuple[str, str, str]]:
    return [(t.person_id, t.country, t.status) for t in extract_trips(text, published)]


@pytest.mark.parametrize("text, expected", [
    # "by video": taking part remotely is not a trip, whatever the verb's tense
    ("Vladimir Putin took part in the BRICS summit in Johannesburg by video.", ("vladimir-putin", "ZA", "virtual")),
    ("Putin addressed the summit in South Africa by video on 23 August 2023.", ("vladimir-putin", "ZA", "virtual")),
    ("Vladimir Putin will attend the G20 summit in New Delhi by video, the Kremlin said.",
     ("vladimir-putin", "IN", "virtual")),
    # "ruled out": a plan that will not happen
    ("The Kremlin ruled out a visit by Vladimir Putin to South Africa in August 2023.",
     ("vladimir-putin", "ZA", "cancelled")),
    ("Vladimir Putin ruled out travelling to Johannesburg for the summit in August 2023.",
     ("vladimir-putin", "ZA", "cancelled")),
    ("Officials ruled out a trip by Putin to Brazil in 2024.", ("vladimir-putin", "BR", "cancelled")),
])
def test_status_cues(text, expected):
    assert statuses(text) == [expected]


def _news_csv(text: str, *args: str) -> list[dict[str, str]]:
    r = CliRunner().invoke(cli, ["news", "-", "--format", "csv", *args], input=text)
    assert r.exit_code == 0, r.output
    return list(csv.DictReader(io.StringIO(r.stdout)))


def test_undated_trip_of_a_wanted_person_is_date_unknown_not_no():
    (row,) = _news_csv("Vladimir Putin has visited Mongolia.\n")
    assert (row["person_id"], row["country"], row["start"], row["status"]) == ("vladimir-putin", "MN", "", "completed")
    assert (row["warrant"], row["obligation"], row["basis"]) == ("unknown", "unknown", "date_unknown")
    assert row["explanation"].startswith("The text gives no date for this trip")


def test_undated_plan_is_answered_on_the_publication_date():
    (row,) = _news_csv("Vladimir Putin will visit Mongolia.\n", "--published", "2024-08-30")
    assert (row["status"], row["start"]) == ("planned", "")
    assert (row["warrant"], row["obligation"], row["basis"]) == ("outstanding", "yes", "state_party")
    assert "evaluated on the publication date 2024-08-30" in row["explanation"]


def test_undated_trip_of_someone_without_a_warrant_needs_no_date():
    (row,) = _news_csv("Russian Foreign Minister Sergey Lavrov has visited Mongolia.\n")
    assert (row["person_id"], row["country"]) == ("", "MN")
    assert (row["warrant"], row["obligation"], row["basis"]) == ("none", "no", "no_warrant")


# status_of itself: each rule of precedence on hand-built cues (tokens of "w0 w1 ... w9", trigger at 5)
from riskcheck.news.modality import Cue, status_of  # noqa: E402

W = [f"w{i}" for i in range(10)]


def st(form="past", role="go", cues=(), words=W, ti=5, tj=6, clause=(0, 10)):
    return status_of(form, role, list(words), ti, tj, list(cues), clause)


@pytest.mark.parametrize("kwargs, expected", [
    ({}, "completed"),  # a finite past trigger alone
    ({"form": "pres"}, "completed"),
    ({"role": "transit", "form": "base"}, "ongoing"),  # departed for, bound for
    ({"form": "ing", "words": W[:3] + ["is", "w4"] + W[5:]}, "ongoing"),
    ({"form": "ing", "words": W[:4] + ["currently"] + W[5:]}, "ongoing"),
    ({"form": "ing", "words": W[:4] + ["was"] + W[5:]}, "completed"),
    ({"form": "ing", "words": W[:3] + ["after", "w4"] + W[5:]}, "completed"),
    ({"form": "ing", "role": "be"}, "ongoing"),
    ({"form": "ing"}, None),  # a bare participle: no status of its own
    ({"form": "base"}, None),
    # cues before the trigger, in its clause
    ({"form": "base", "cues": [Cue(3, 4, "planned", 5, "before")]}, "planned"),
    ({"form": "base", "cues": [Cue(3, 4, "planned", 5, "before"), Cue(2, 3, "speculative", 6, "before")]},
     "speculative"),  # the stronger cue wins
    ({"form": "base", "cues": [Cue(2, 3, "planned", 5, "before"), Cue(3, 4, "invited", 5, "before")]},
     "invited"),  # same strength: the nearer one
    ({"form": "base", "cues": [Cue(3, 4, "is", 5, "before")]}, "ongoing"),
    ({"form": "base", "cues": [Cue(3, 4, "neg", 5, "before")]}, "cancelled"),  # "will not visit"
    ({"form": "noun", "cues": [Cue(3, 4, "neg", 5, "before")]}, "cancelled"),
    ({"cues": [Cue(3, 4, "neg", 5, "before")]}, None),  # "did not visit": no trip
    ({"form": "base", "cues": [Cue(1, 2, "neg", 5, "before")], "ti": 7, "tj": 8}, None),  # too far to negate
    ({"form": "base", "cues": [Cue(1, 2, "neg", 5, "before")], "ti": 6, "tj": 7}, "cancelled"),
    ({"cues": [Cue(3, 4, "none", 5, "before"), Cue(2, 3, "neg", 5, "before")]}, "completed"),  # "not only"
    ({"form": "base", "cues": [Cue(4, 5, "none", 9, "before")]}, None),
    # a tense of its own beats weaker cues; a strong plan cue right before it wins ("plans to visit")
    ({"cues": [Cue(3, 4, "planned", 4, "before")]}, "completed"),
    ({"cues": [Cue(3, 4, "planned", 5, "before")]}, "planned"),
    ({"cues": [Cue(2, 3, "planned", 5, "before")]}, "planned"),
    ({"cues": [Cue(1, 2, "planned", 5, "before")]}, "completed"),  # not right before it
    # virtual and cancelled anywhere in the clause beat everything
    ({"cues": [Cue(8, 9, "virtual", 9, "sentence")]}, "virtual"),
    ({"cues": [Cue(8, 9, "cancelled", 8, "clause")]}, "cancelled"),
    ({"cues": [Cue(8, 9, "cancelled", 8, "before")]}, "completed"),  # a 'before' cue after the trigger
    ({"cues": [Cue(8, 9, "virtual", 9, "sentence")], "clause": (0, 8)}, "completed"),  # outside the clause
    # a cancellation later in the sentence ends a plan, not a visit
    ({"form": "base", "cues": [Cue(8, 9, "cancelled", 8, "clause")], "clause": (0, 8)}, "cancelled"),
    ({"form": "base", "cues": [Cue(8, 9, "cancelled", 8, "before")], "clause": (0, 8)}, None),
    # cues after the trigger count only with clause scope
    ({"form": "base", "cues": [Cue(7, 8, "planned", 3, "clause")]}, "planned"),
    ({"form": "base", "cues": [Cue(7, 8, "planned", 3, "before")]}, None),
    ({"form": "base", "cues": [Cue(7, 8, "planned", 3, "clause"), Cue(8, 9, "speculative", 4, "clause")]},
     "speculative"),
    # "whether" before a base form: an open question
    ({"form": "base", "words": W[:3] + ["whether"] + W[4:]}, "speculative"),
    ({"form": "past", "words": W[:3] + ["whether"] + W[4:]}, "completed"),
    # a cue inside the trigger phrase governs it ("will host")
    ({"form": "base", "cues": [Cue(5, 6, "planned", 5, "before")]}, "planned"),
    ({"form": "base", "cues": [Cue(4, 6, "planned", 5, "before")]}, "planned"),
])
def test_status_of_precedence(kwargs, expected):
    assert st(**kwargs) == expected
