"""Status and dates from tense, aspect and modality, by class (round 3): a plan told in the past tense, a
present progressive with a future date, a "when" clause, a declined invitation, a denied report, a plan with a
"but ... did not go", a hedged delay, undated earlier trips, seasons.

Every sentence is written for these tests. The report date is Friday 20 November 2015 unless said otherwise.
"""

from __future__ import annotations

import pytest

from riskcheck.news import extract_trips

PUB = "2015-11-20"  # a Friday


def rows(text: str, published: str = PUB) -> list[tuple[str, str, str, str]]:
    return [(t.person_id, t.country, t.start, t.status) for t in extract_trips(text, published)]


def months(text: str, published: str = PUB) -> list[tuple[str, str, str, str]]:
    return [(t.person_id, t.country, t.start[:7], t.status) for t in extract_trips(text, published)]


@pytest.mark.parametrize(("text", "expected"), [
    # "was due to / was expected to / had been scheduled to": seen from before the report, so a month without a
    # year is the nearest one, not next year's
    ("Omar al-Bashir was due to visit Kenya in September.", ("omar-al-bashir", "KE", "2015-09", "planned")),
    ("Omar al-Bashir had been expected to fly to Chad in October.", ("omar-al-bashir", "TD", "2015-10", "planned")),
    ("Omar al-Bashir was to attend a forum in Egypt in August.", ("omar-al-bashir", "EG", "2015-08", "planned")),
    # a plan told in the present still looks ahead
    ("Omar al-Bashir is due to visit Kenya in September.", ("omar-al-bashir", "KE", "2016-09", "planned")),
])
def test_plan_told_in_the_past_takes_the_nearest_month(text: str, expected: tuple[str, str, str, str]) -> None:
    assert months(text) == [expected]


def test_plan_told_in_the_past_takes_the_nearest_weekday() -> None:
    # published on a Friday: "was due on Thursday" is yesterday, "will arrive on Thursday" next week
    assert rows("Omar al-Bashir was due to arrive in Nairobi on Thursday.") == \
        [("omar-al-bashir", "KE", "2015-11-19", "planned")]
    assert rows("Omar al-Bashir will arrive in Nairobi on Thursday.") == \
        [("omar-al-bashir", "KE", "2015-11-26", "planned")]


@pytest.mark.parametrize(("text", "expected"), [
    # a present progressive with a date after the report is an arrangement: a plan
    ("Omar al-Bashir is travelling to Kenya next week.", ("omar-al-bashir", "KE", "2015-11-23", "planned")),
    ("Omar al-Bashir is visiting Chad in December.", ("omar-al-bashir", "TD", "2015-12-01", "planned")),
    ("Omar al-Bashir is flying to Egypt on Monday for talks.", ("omar-al-bashir", "EG", "2015-11-23", "planned")),
    # ... but with today's date, or none, he is on his way or there
    ("Omar al-Bashir is visiting Chad this week.", ("omar-al-bashir", "TD", "2015-11-16", "ongoing")),
    ("Omar al-Bashir is visiting Chad today.", ("omar-al-bashir", "TD", "2015-11-20", "ongoing")),
])
def test_progressive_with_a_future_date_is_a_plan(text: str, expected: tuple[str, str, str, str]) -> None:
    assert rows(text) == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    # a "when" clause in the present, however long its subject, speaks of the future
    ("When the Sudanese President Omar al-Bashir arrives in Nairobi, he will be met by the foreign minister.",
     ("omar-al-bashir", "KE", "", "planned")),
    ("Once the Sudanese leader Omar al-Bashir arrives in Chad, talks will begin.",
     ("omar-al-bashir", "TD", "", "planned")),
    # the past tense is a past arrival
    ("When the Sudanese President Omar al-Bashir arrived in Nairobi, he was met by the foreign minister.",
     ("omar-al-bashir", "KE", "2015-11-20", "completed")),
])
def test_when_clause_in_the_present_is_a_plan(text: str, expected: tuple[str, str, str, str]) -> None:
    assert rows(text) == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    # improbable, or denied: speculation
    ("Omar al-Bashir is unlikely to travel to Kenya for the summit.", ("omar-al-bashir", "KE", "", "speculative")),
    ("Khartoum denied reports that Omar al-Bashir would visit Chad.", ("omar-al-bashir", "TD", "", "speculative")),
    # an invitation turned down is a trip not made
    ("Omar al-Bashir declined an invitation to visit Nigeria.", ("omar-al-bashir", "NG", "", "cancelled")),
    ("Omar al-Bashir turned down an invitation to attend the forum in Egypt.",
     ("omar-al-bashir", "EG", "", "cancelled")),
    # a plan whose "but" clause negates the going
    ("Omar al-Bashir was invited to Uganda but did not go.", ("omar-al-bashir", "UG", "", "cancelled")),
    ("Omar al-Bashir had planned to attend the ceremony in Kenya but decided not to travel.",
     ("omar-al-bashir", "KE", "", "cancelled")),
    # ... not when the "but" clause negates something else or names another place
    ("Omar al-Bashir will visit Kenya but will not meet the opposition.", ("omar-al-bashir", "KE", "", "planned")),
])
def test_cues_of_improbable_denied_and_declined_trips(text: str, expected: tuple[str, str, str, str]) -> None:
    assert rows(text) == [expected]


def test_a_possible_delay_cancels_nothing() -> None:
    assert months("Omar al-Bashir will visit Kenya next month. Officials said the visit could be postponed.") == \
        [("omar-al-bashir", "KE", "2015-12", "planned")]
    assert months("Omar al-Bashir's visit to Kenya next month may be delayed.") == \
        [("omar-al-bashir", "KE", "2015-12", "speculative")]
    # a delay that happened does cancel the plan, also told with "it"
    assert months("Omar al-Bashir was scheduled to visit Kenya in October. He has postponed it.") == \
        [("omar-al-bashir", "KE", "2015-10", "cancelled")]


@pytest.mark.parametrize("text", [
    # trips before the story, undated by the text, stay undated (not the report's day, not another trip's date)
    "Omar al-Bashir has travelled to Chad several times in the past.",
    "Omar al-Bashir has previously visited Chad.",
    "Omar al-Bashir once visited Chad.",
    "Omar al-Bashir had visited Chad without being arrested.",
    # ("has visited Chad since the warrant was issued" is dated from the warrant to the report: test_news_round5)
    "Omar al-Bashir, who has visited Chad on several occasions, arrived in Nigeria on Sunday.",
    "Omar al-Bashir, who arrived in Nigeria on Sunday, has visited Chad twice.",
])
def test_earlier_trips_stay_undated(text: str) -> None:
    assert [(t.country, t.start, t.status) for t in extract_trips(text, PUB) if t.country == "TD"] == \
        [("TD", "", "completed")]


def test_earlier_trips_keep_their_own_dates() -> None:
    # "twice, in 2012 and again last year": the dates of the list are the trips' own
    assert [(t.country, t.start[:4]) for t in
            extract_trips("Omar al-Bashir has visited Chad twice, in 2012 and again last year.", PUB)] == \
        [("TD", "2012"), ("TD", "2014")]
    # an arrival told in the lead without a date is the report's day
    assert rows("Omar al-Bashir has arrived in Chad for talks.") == [("omar-al-bashir", "TD", PUB, "completed")]
    # reported speech shifts the tense back: "said that X had hosted him" is the trip of the story
    assert months("The court said it regretted that Chad had hosted Omar al-Bashir.") == \
        [("omar-al-bashir", "TD", "2015-11", "completed")]


@pytest.mark.parametrize(("text", "expected"), [
    # a simple present with a date that cannot be past is a timetable: a plan
    ("Omar al-Bashir travels to Kenya next week for talks.", ("omar-al-bashir", "KE", "2015-11", "planned")),
    ("Omar al-Bashir flies to Chad next month.", ("omar-al-bashir", "TD", "2015-12", "planned")),
    # a trip still to come
    ("Ahead of Omar al-Bashir's visit to Kenya, the court wrote to Nairobi.", ("omar-al-bashir", "KE", "", "planned")),
    ("Omar al-Bashir was supposed to visit Chad in October.", ("omar-al-bashir", "TD", "2015-10", "planned")),
    # unable to go: he will not go
    ("Omar al-Bashir is unable to attend the summit in Kenya.", ("omar-al-bashir", "KE", "", "cancelled")),
    # a past perfect of presence is before the story: undated
    ("Omar al-Bashir had been in Chad for the summit.", ("omar-al-bashir", "TD", "", "completed")),
])
def test_timetables_and_trips_to_come(text: str, expected: tuple[str, str, str, str]) -> None:
    assert months(text) == [expected]


def test_a_later_sentence_answers_the_invitation() -> None:
    assert months("Kenya invited Omar al-Bashir to visit Nairobi. Al-Bashir accepted the invitation.") == \
        [("omar-al-bashir", "KE", "", "planned")]
    assert months("Omar al-Bashir was invited to attend the ceremony in Kenya. He will not go.") == \
        [("omar-al-bashir", "KE", "", "cancelled")]
    # a trip made is not undone by a later refusal of something else
    assert months("Omar al-Bashir arrived in Kenya on Monday. He will not attend.") == \
        [("omar-al-bashir", "KE", "2015-11", "completed")]


@pytest.mark.parametrize(("text", "start", "precision"), [
    # a season without "last/next": the latest begun for a trip made, the next not over for a plan
    ("Omar al-Bashir travelled to Chad in the spring.", "2015-03-01", "range"),
    ("Omar al-Bashir will travel to Chad in the spring.", "2016-03-01", "range"),
    ("Omar al-Bashir travelled to Chad in the summer of 2012.", "2012-06-01", "range"),
    ("Omar al-Bashir travelled to Chad during winter 2013.", "2013-12-01", "range"),
    # "the end of the month", "the beginning of next year"
    ("Omar al-Bashir will travel to Chad at the end of the month.", "2015-11-01", "month"),
    ("Omar al-Bashir will travel to Chad at the beginning of next year.", "2016-01-01", "year"),
])
def test_seasons_and_ends_of_periods(text: str, start: str, precision: str) -> None:
    assert [(t.start, t.precision) for t in extract_trips(text, PUB)] == [(start, precision)]


def test_the_fall_of_a_regime_is_no_season() -> None:
    assert [t.precision for t in extract_trips("Omar al-Bashir visited Libya after the fall of Gaddafi.", PUB)] != \
        ["range"]


def test_counts_of_months_and_years_count_from_a_trip_dated_to_the_month() -> None:
    text = "Omar al-Bashir visited Chad in March 2012. A month later, he travelled to Kenya."
    assert [(t.country, t.start[:7]) for t in extract_trips(text, PUB)] == [("TD", "2012-03"), ("KE", "2012-04")]
    text = "Omar al-Bashir visited Chad in 2012. The following year he travelled to Kenya."
    assert [(t.country, t.start[:4]) for t in extract_trips(text, PUB)] == [("TD", "2012"), ("KE", "2013")]
    # a week counted from a month cannot be dated: unresolved, not the report's day
    text = "Omar al-Bashir visited Chad in March 2012. The following week he travelled to Kenya."
    assert [(t.country, t.start) for t in extract_trips(text, PUB)] == [("TD", "2012-03-01"), ("KE", "")]


def test_a_present_progressive_on_the_destination_says_he_is_there() -> None:
    text = "The envoy was due to meet Omar al-Bashir in Egypt, where both are attending the summit."
    assert months(text) == [("omar-al-bashir", "EG", "2015-11", "ongoing")]
    # a future one does not
    assert months("Omar al-Bashir will travel to Egypt, where he will attend the summit.") == \
        [("omar-al-bashir", "EG", "", "planned")]


def test_a_stay_since_a_day_starts_that_day() -> None:
    assert rows("Omar al-Bashir has been staying in Nairobi since Monday.") == \
        [("omar-al-bashir", "KE", "2015-11-16", "ongoing")]


@pytest.mark.parametrize(("text", "start", "precision"), [
    # counted from the report: "three days ago", "a few days ago" (a span before it), "in two weeks"
    ("Omar al-Bashir visited Chad three days ago.", "2015-11-17", "day"),
    ("Omar al-Bashir visited Chad a few days ago.", "2015-11-14", "range"),
    ("Omar al-Bashir will visit Chad in two weeks.", "2015-12-04", "week"),
    ("Omar al-Bashir is travelling to Chad in three days.", "2015-11-23", "day"),
])
def test_days_and_weeks_counted_from_the_report(text: str, start: str, precision: str) -> None:
    assert [(t.start, t.precision) for t in extract_trips(text, PUB)] == [(start, precision)]


def test_a_count_of_years_since_a_visit_is_no_date_ahead() -> None:
    # "his first visit in two years" is an earlier trip, not a trip two years from now
    trips = extract_trips("Omar al-Bashir arrived in Chad on Monday, his first visit to Chad in two years.", PUB)
    assert all(t.start <= PUB for t in trips)


@pytest.mark.parametrize(("text", "start"), [
    ("Omar al-Bashir will visit Chad on the 25th.", "2015-11-25"),
    ("Omar al-Bashir will visit Chad on the 3rd.", "2015-12-03"),
    ("Omar al-Bashir visited Chad on the 25th.", "2015-10-25"),
    ("Omar al-Bashir visited Chad on the 3rd of June 2012.", "2012-06-03"),
])
def test_a_day_of_the_month(text: str, start: str) -> None:
    assert [t.start for t in extract_trips(text, PUB)] == [start]


@pytest.mark.parametrize("text", [
    "Omar al-Bashir addressed the summit in Kenya in a pre-recorded speech.",
    "Omar al-Bashir delivered a recorded address to the summit in Kenya.",
    "Omar al-Bashir will attend the summit in Kenya in a virtual format.",
])
def test_recorded_and_virtual_format_appearances_are_virtual(text: str) -> None:
    assert [(t.country, t.status) for t in extract_trips(text, PUB)] == [("KE", "virtual")]


def test_the_future_in_a_past_narrative_is_a_trip_made() -> None:
    assert months("Omar al-Bashir left Kenya in 2010. He would later visit Chad in 2013.")[-1] == \
        ("omar-al-bashir", "TD", "2013-01", "completed")
    # ... but reported speech is a plan
    assert months("Omar al-Bashir said he would later visit Chad.") == [("omar-al-bashir", "TD", "", "planned")]


def test_a_stay_until_a_later_day_is_under_way() -> None:
    assert [t.status for t in extract_trips("Omar al-Bashir is visiting Chad until Thursday.", PUB)] == ["ongoing"]
