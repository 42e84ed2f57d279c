"""Status rules (news/modality.py, tables/modality.csv): which way a cue points, and how far a negation reaches.

The sentences are written for these tests.
"""

from __future__ import annotations

import pytest

from riskcheck.news import extract_trips


def rows(text: str, published: str = "2015-11-20") -> list[tuple[str, str, str, str]]:
    return [(t.person_id, t.country, t.start[:7], t.status) for t in extract_trips(text, published)]


@pytest.mark.parametrize(("text", "expected"), [
    # a visit begun and not reported over is going on
    ("Omar al-Bashir started a previously unannounced visit to Saudi Arabia today for talks with the king.",
     ("omar-al-bashir", "SA", "2015-11", "ongoing")),
    ("Omar al-Bashir began his state visit to Egypt on Monday.", ("omar-al-bashir", "EG", "2015-11", "ongoing")),
    # ... but starting to plan one is a plan
    ("Omar al-Bashir has started planning a visit to Kenya in December.",
     ("omar-al-bashir", "KE", "2015-12", "planned")),
    # a negation of another verb does not cancel the visit it happened during (and the month is the past one)
    ("Omar al-Bashir was not arrested during an official visit to Kenya in August.",
     ("omar-al-bashir", "KE", "2015-08", "completed")),
    # a negation of the trip itself still cancels it
    ("Omar al-Bashir will not visit Kenya in December.", ("omar-al-bashir", "KE", "2015-12", "cancelled")),
    # a permission used in the past is a trip made; one still to be used is a plan
    ("Chad allowed Omar al-Bashir to travel to Kenya before, without arresting him.",
     ("omar-al-bashir", "KE", "", "completed")),
    ("Omar al-Bashir has been allowed to travel to Kenya next month.", ("omar-al-bashir", "KE", "2015-12", "planned")),
    # "when he arrives" is future
    ("Kenya must arrest Omar al-Bashir when he arrives in Nairobi next month.",
     ("omar-al-bashir", "KE", "2015-12", "planned")),
])
def test_status_rules(text: str, expected: tuple[str, str, str, str]) -> None:
    assert rows(text) == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    # a later sentence calls the plan off (and its month is the one just past, not next year's)
    ("Yoav Gallant was scheduled for a short visit to Washington in early October. However, the prime minister "
     "delayed the trip.", ("yoav-gallant", "US", "2024-10", "cancelled")),
    ("Yoav Gallant will visit Washington in October. The visit was later called off.",
     ("yoav-gallant", "US", "2024-10", "cancelled")),
    ("Vladimir Putin was due to visit Turkey in August. The trip never happened.",
     ("vladimir-putin", "TR", "2024-08", "cancelled")),
    ("Vladimir Putin was due to visit Turkey in August but the trip never happened.",
     ("vladimir-putin", "TR", "2024-08", "cancelled")),
    # not called off, or another event called off: the plan stands
    ("Yoav Gallant will visit Washington in December. The prime minister has not called off the trip.",
     ("yoav-gallant", "US", "2024-12", "planned")),
    ("Yoav Gallant will visit Washington in December. The summit in Paris was cancelled.",
     ("yoav-gallant", "US", "2024-12", "planned")),
])
def test_a_later_sentence_cancels_the_plan_it_points_back_to(text: str,
                                                              expected: tuple[str, str, str, str]) -> None:
    assert rows(text, "2024-11-25") == [expected]


@pytest.mark.parametrize("text", [
    "Yoav Gallant is currently visiting the United States for talks. Gallant was scheduled to attend an event in "
    "Washington, but the event was cancelled after protests.",
    "Yoav Gallant was scheduled to attend an event in Washington, but the event was cancelled after protests. "
    "Gallant is currently visiting the United States for talks.",
])
def test_an_event_called_off_during_a_visit_does_not_cancel_the_visit(text: str) -> None:
    assert rows(text, "2024-12-11") == [("yoav-gallant", "US", "2024-12", "ongoing")]


def test_a_visit_called_off_is_still_cancelled() -> None:
    assert rows("Yoav Gallant called off his visit to the United States.", "2024-12-11") == [
        ("yoav-gallant", "US", "", "cancelled")]


def test_a_timetable_present_with_a_weekday_looks_ahead() -> None:
    # published on a Monday: "begins on Tuesday" is tomorrow; "ended on Tuesday" was last week
    assert rows("On Tuesday, the state visit of Vladimir Putin to Kyrgyzstan begins.", "2025-11-24") == [
        ("vladimir-putin", "KG", "2025-11", "planned")]
    assert rows("On Tuesday, the state visit of Vladimir Putin to Kyrgyzstan ended.", "2025-11-24") == [
        ("vladimir-putin", "KG", "2025-11", "completed")]
