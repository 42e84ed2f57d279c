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
