"""Status and dates, round 4, by class of phrasing: a trip returned from, a gathering pulled out of or skipped,
a plan that did not materialise, a trip not ruled out; dates told in a later sentence that points back to the
trip ("The visit will take place in March", "it could happen in 2026", "He is expected to depart on ..."), a
report day guessed for a trip replaced by the day stated later, "over the weekend", windows of months or
years ("between March and May").

Every sentence is written for these tests. The report date is Monday 8 December 2025 unless said otherwise.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from riskcheck.cli import cli
from riskcheck.news import extract_trips
from riskcheck.news.readers import header_date

PUB = "2025-12-08"  # a Monday


def rows(text: str, published: str | None = PUB) -> list[tuple[str, str, str, str, str]]:
    return [(t.person_id, t.country, t.start, t.end, t.status) for t in extract_trips(text, published)]


def months(text: str, published: str | None = PUB) -> list[tuple[str, str, str, str]]:
    return [(t.person_id, t.country, t.start[:7], t.status) for t in extract_trips(text, published)]


# ---- status ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    # "returned from X": the traveller was in X, a trip made
    ("Vladimir Putin returned from Turkey on Sunday.", [("vladimir-putin", "TR", "2025-12", "completed")]),
    ("Omar al-Bashir returned from the United Arab Emirates last week.",
     [("omar-al-bashir", "AE", "2025-12", "completed")]),
    ("Vladimir Putin has returned from his trip to India and China.",
     [("vladimir-putin", "IN", "2025-12", "completed"), ("vladimir-putin", "CN", "2025-12", "completed")]),
])
def test_returned_from_is_a_trip_made(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert months(text) == expected


@pytest.mark.parametrize("text", [
    "Omar al-Bashir returned from exile in Egypt in 2019.",  # a stay, not a trip
    "Vladimir Putin returned from Moscow on Sunday.",  # home
])
def test_returned_from_home_or_exile_is_no_trip(text: str) -> None:
    assert rows(text) == []


@pytest.mark.parametrize(("text", "country"), [
    ("Vladimir Putin pulled out of the summit in Turkey.", "TR"),
    ("Vladimir Putin withdrew from the summit in Ankara last week.", "TR"),
    ("Omar al-Bashir failed to attend the summit in Nairobi in November.", "KE"),
    ("A planned visit by Vladimir Putin to Turkey did not materialise.", "TR"),
    ("The trip of Omar al-Bashir to Kenya never materialized.", "KE"),
])
def test_pulled_out_failed_to_attend_did_not_materialise_cancel(text: str, country: str) -> None:
    got = rows(text)
    assert [(p, c, st) for p, c, _, _, st in got] == [(got[0][0], country, "cancelled")]


def test_failed_to_attend_dates_the_nearest_month() -> None:
    # a cancelled plan's month is the one nearest the report (November 2025, not next November)
    assert months("Omar al-Bashir failed to attend the summit in Nairobi in November.") == \
        [("omar-al-bashir", "KE", "2025-11", "cancelled")]


def test_failed_to_arrest_is_no_cancelled_visit() -> None:
    # "failed to" governs the arrest, not the visit that happened
    assert months("South Africa failed to arrest Omar al-Bashir when he visited Johannesburg in June 2015.") == \
        [("omar-al-bashir", "ZA", "2015-06", "completed")]


@pytest.mark.parametrize("text", [
    "Vladimir Putin did not rule out a visit to Turkey next year.",
    "The Kremlin has not ruled out a trip by Vladimir Putin to Turkey next year.",
])
def test_not_ruled_out_is_speculative(text: str) -> None:
    assert months(text) == [("vladimir-putin", "TR", "2026-01", "speculative")]


def test_withdrew_from_a_treaty_is_no_trip() -> None:
    assert rows("Vladimir Putin withdrew from the Rome Statute talks last year.") == []


# ---- a date told in a later sentence for the trip under discussion ---------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    # the trip (or "it") and when it happens
    ("Vladimir Putin will visit Turkey. Officials said the visit would take place in March.",
     ("vladimir-putin", "TR", "2026-03", "planned")),
    ("Vladimir Putin will visit Turkey, the Kremlin said. According to officials, the trip is scheduled for "
     "March 3.", ("vladimir-putin", "TR", "2026-03", "planned")),
    ("Omar al-Bashir was invited to visit Kenya. The Kenyan government said it could happen in 2026 or 2027.",
     ("omar-al-bashir", "KE", "2026-01", "invited")),
    ("Vladimir Putin accepted an invitation to visit Turkey. The trip will take place in the spring, Erdogan said.",
     ("vladimir-putin", "TR", "2026-03", "planned")),
    # the traveller's own step on the way, in the trip's tense
    ("Vladimir Putin will visit Turkey. He is expected to leave Moscow on Jan. 12 and return on Jan. 15.",
     ("vladimir-putin", "TR", "2026-01", "planned")),
    ("Benjamin Netanyahu will travel to Florida. President Donald Trump will meet with Prime Minister Benjamin "
     "Netanyahu on Dec. 29 at his resort.", ("benjamin-netanyahu", "US", "2025-12", "planned")),
])
def test_a_later_sentence_dates_the_trip(text: str, expected: tuple[str, str, str, str]) -> None:
    assert [r for r in months(text) if r[0] == expected[0]] == [expected]


@pytest.mark.parametrize("text", [
    # another trip: an earlier one, or one to another country
    "Vladimir Putin will visit Turkey. The last visit took place in 2019.",
    "Vladimir Putin will visit Turkey. A visit to Iran is set for March.",
    # a date of something else than the trip
    "Vladimir Putin will visit Turkey. The visit was announced in November.",
    "Vladimir Putin will visit Turkey. It is expected to boost trade in 2026.",
    # a step told in another tense than the plan
    "Vladimir Putin will visit Turkey. He met Erdogan in March.",
])
def test_a_later_sentence_about_something_else_leaves_the_trip_undated(text: str) -> None:
    got = [r for r in rows(text) if r[1] == "TR" and r[4] == "planned"]
    assert got == [("vladimir-putin", "TR", "", "", "planned")]


def test_a_dated_trip_keeps_its_date() -> None:
    assert months("Vladimir Putin will visit Turkey in May. The visit will take place in March, an aide said.") == \
        [("vladimir-putin", "TR", "2026-05", "planned")]


@pytest.mark.parametrize(("text", "start"), [
    # the report day guessed for an arrival in the lead gives way to the day told later
    ("Vladimir Putin arrived in Turkey for talks with Erdogan. Putin had flown to Ankara on Friday, the Kremlin "
     "said.", "2025-12-05"),
    ("Vladimir Putin is in Turkey for talks. He landed in Ankara last Thursday.", "2025-12-04"),
    ("Vladimir Putin visited Turkey. The visit took place in October, officials said.", "2025-10-01"),
])
def test_a_date_stated_later_replaces_the_report_day(text: str, start: str) -> None:
    got = rows(text)
    assert len(got) == 1 and got[0][2] == start


# ---- date expressions --------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "published", "span"), [
    # a trip made: the weekend before the report; a plan: the next one
    ("Vladimir Putin visited Turkey over the weekend.", "2025-12-08", ("2025-12-06", "2025-12-07")),
    ("Vladimir Putin visited Turkey over the weekend.", "2025-12-01", ("2025-11-29", "2025-11-30")),
    ("Vladimir Putin will visit Turkey over the weekend.", "2025-12-01", ("2025-12-06", "2025-12-07")),
    ("Vladimir Putin visited Turkey at the weekend.", "2025-12-07", ("2025-12-06", "2025-12-07")),
])
def test_over_the_weekend(text: str, published: str, span: tuple[str, str]) -> None:
    assert [(r[2], r[3]) for r in rows(text, published)] == [span]


@pytest.mark.parametrize(("text", "span"), [
    ("Vladimir Putin will visit Turkey between March and May.", ("2026-03-01", "2026-05-31")),
    ("Vladimir Putin visited Turkey between March and May.", ("2025-03-01", "2025-05-31")),
    ("Vladimir Putin will visit Turkey sometime between March and May next year.", ("2026-03-01", "2026-05-31")),
    ("Vladimir Putin visited Turkey from June to August 2024.", ("2024-06-01", "2024-08-31")),
    ("Vladimir Putin visited Turkey between 2019 and 2021.", ("2019-01-01", "2021-12-31")),
])
def test_a_window_is_one_trip(text: str, span: tuple[str, str]) -> None:
    assert [(r[2], r[3]) for r in rows(text)] == [span]


def test_two_years_listed_are_two_trips() -> None:
    assert [r[2] for r in rows("Vladimir Putin visited Turkey in 2019 and 2021.")] == ["2019-01-01", "2021-01-01"]


# ---- an earlier visit told beside the trip now reported ---------------------------------------------------

@pytest.mark.parametrize(("text", "published"), [
    ("Omar al-Bashir is set to depart next Wednesday for a visit to Nairobi. Omar al-Bashir previously visited "
     "Kenya in 2016.", None),  # no report date: the plan cannot be placed, but 2016 is another trip
    ("Omar al-Bashir will visit Kenya. He previously visited Kenya in 2016.", PUB),
    ("Omar al-Bashir will visit Kenya. He had visited Kenya in March 2016.", PUB),
])
def test_a_dated_earlier_visit_is_another_trip(text: str, published: str | None) -> None:
    got = sorted((t.person_id, t.country, t.status, t.start[:4]) for t in extract_trips(text, published))
    assert got == [("omar-al-bashir", "KE", "completed", "2016"), ("omar-al-bashir", "KE", "planned", "")]


def test_a_plan_and_its_outcome_still_merge() -> None:
    got = rows("Omar al-Bashir will visit Kenya. On Sunday, Omar al-Bashir arrived in Nairobi.")
    assert [(r[1], r[4]) for r in got] == [("KE", "completed")]


# ---- the trip going on now and the earlier one it is compared with ----------------------------------------

def test_a_trip_under_way_and_its_last_visit_are_two_trips() -> None:
    got = sorted(rows("Omar al-Bashir is in China for the first time in seven years; his last visit was in 2018.",
                      "2025-08-28"))
    assert got == [
        ("omar-al-bashir", "CN", "2018-01-01", "2018-12-31", "completed"),
        ("omar-al-bashir", "CN", "2025-08-28", "2025-08-28", "ongoing")]


def test_his_last_visit_points_back_to_the_country_just_named() -> None:
    got = sorted(months("Omar al-Bashir arrived in China on Sunday. His last visit was in 2018.", "2025-08-28"))
    assert got == [("omar-al-bashir", "CN", "2018-01", "completed"), ("omar-al-bashir", "CN", "2025-08", "completed")]


def test_making_a_trip_is_a_trip_under_way_of_the_report_month() -> None:
    got = months("Omar al-Bashir is making his first trip to China in seven years as relations sour.", "2025-08-28")
    assert ("omar-al-bashir", "CN", "2025-08", "ongoing") in got


def test_visiting_for_the_first_time_since_is_still_the_current_trip() -> None:
    got = months("Omar al-Bashir, who is visiting Russia for the first time since taking office in July, was "
                 "expected to meet officials on Wednesday.", "2024-10-23")
    assert got == [("omar-al-bashir", "RU", "2024-10", "ongoing")]


def test_since_a_date_when_he_visited_dates_that_visit() -> None:
    got = months("Omar al-Bashir will visit Kenya next week. The visit will be his first to Nairobi since December "
                 "2021, when he flew into Nairobi for a brief summit.", "2025-11-28")
    assert sorted(got) == [("omar-al-bashir", "KE", "2021-12", "completed"), ("omar-al-bashir", "KE", "2025-12", "planned")]


def test_a_date_opening_the_sentence_dates_every_clause() -> None:
    got = months("In August 2019 Omar al-Bashir stayed at home and spoke by video, while Vladimir Putin flew to "
                 "South Africa in his place.")
    assert ("vladimir-putin", "ZA", "2019-08", "completed") in got


# ---- the status of a trip told several times ----------------------------------------------------------------

def test_a_trip_under_way_stays_under_way_when_its_programme_is_told() -> None:
    text = ("Netanyahu heads to Florida for talks\nBenjamin Netanyahu took off for Florida on Sunday ahead of a "
            "meeting with Donald Trump on Monday. Netanyahu will stay in the United States for several days and is "
            "scheduled to meet officials.")
    assert [(r[1], r[4]) for r in rows(text, "2025-12-28")] == [("US", "ongoing")]


def test_a_trip_that_comes_amid_events_is_not_made_by_that_sentence() -> None:
    text = ("Benjamin Netanyahu will travel to Hungary this week, his office said. Netanyahu's trip to Hungary "
            "comes as Israel has resumed its campaign after the collapse of a ceasefire in March.")
    assert [(r[1], r[4]) for r in rows(text, "2025-04-02")] == [("HU", "planned")]


def test_a_headline_infinitive_over_this_week_is_a_plan() -> None:
    text = ("Putin to pay state visit to Kazakhstan this week\nVladimir Putin will travel to Kazakhstan on "
            "Wednesday.")
    assert [(r[1], r[2], r[4]) for r in rows(text, "2024-11-26")] == [("KZ", "2024-11-27", "planned")]


def test_a_visit_this_week_told_without_a_plan_is_made() -> None:
    assert [(r[1], r[4]) for r in rows("Vladimir Putin's visit to Kazakhstan this week drew protests.",
                                       "2024-11-29")] == [("KZ", "completed")]


# ---- conditions, absences, reschedulings --------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Should Vladimir Putin travel to South Africa, he would be arrested.", ("ZA", "speculative")),
    ("Vladimir Putin risks arrest if he sets foot in South Africa.", ("ZA", "speculative")),
    ("Vladimir Putin was a no-show at the summit in Ankara.", ("TR", "cancelled")),
    ("Vladimir Putin is weighing a trip to Turkey.", ("TR", "speculative")),
    ("Vladimir Putin's visit to Turkey was rescheduled for March.", ("TR", "cancelled")),
])
def test_conditions_absences_and_reschedulings(text: str, expected: tuple[str, str]) -> None:
    assert [(r[1], r[4]) for r in rows(text)] == [expected]


def test_should_as_a_modal_is_no_condition() -> None:
    # "should" opening a clause with its subject after it is a condition; "X should visit" is not
    assert all(r[4] != "speculative" for r in rows("Vladimir Putin should travel to Turkey next week, Erdogan said."))


# ---- a publication date from the text itself -----------------------------------------------------------

@pytest.mark.parametrize(("text", "published", "basis"), [
    ("Vladimir Putin arrived in Ankara on Tuesday, 12 March 2024, for talks.", "2024-03-12", "text"),
    ("Talks began on Tuesday, March 12, 2024 in Ankara.", "2024-03-12", "text"),
    ("He has travelled abroad twice this year 2024.", "2024", "text"),
    # two days with their weekdays, or a later day named: not the day of writing
    ("Talks on Tuesday, 12 March 2024 and Wednesday, 13 March 2024.", None, "none"),
    ("A photo of Tuesday, 12 March 2024. He returned on June 3, 2025.", None, "none"),
    # a weekday that does not match its day names no day
    ("Talks on Monday, 12 March 2024.", None, "none"),
])
def test_publication_date_inferred_from_the_text(text: str, published: str | None, basis: str) -> None:
    _, span, how = header_date(text)
    assert (str(span) if span else None, how) == (published, basis)


def test_an_inferred_publication_date_resolves_relative_dates(tmp_path: Path) -> None:
    art = tmp_path / "a.txt"
    art.write_text("On Tuesday, 12 March 2024, officials confirmed the plan. Vladimir Putin will visit Turkey next "
                   "month.\n", encoding="utf-8")
    res = CliRunner().invoke(cli, ["news", str(art), "--format", "csv"])
    assert res.exit_code == 0, res.output
    got = [(r["published"], r["country"], r["start"][:7]) for r in csv.DictReader(io.StringIO(res.stdout))]
    assert got == [("2024-03-12", "TR", "2024-04")]


def test_without_any_date_the_trip_stays_unresolved(tmp_path: Path) -> None:
    art = tmp_path / "a.txt"
    art.write_text("Vladimir Putin will visit Turkey next month.\n", encoding="utf-8")
    res = CliRunner().invoke(cli, ["news", str(art), "--format", "csv"])
    rows_ = list(csv.DictReader(io.StringIO(res.stdout)))
    assert [(r["published"], r["start"], r["basis"]) for r in rows_] == [("", "", "date_unknown")]


@pytest.mark.parametrize(("text", "span"), [
    ("Vladimir Putin will visit Turkey in the coming days.", ("2025-12-09", "2025-12-14")),
    ("Vladimir Putin will visit Turkey over the next few weeks.", ("2025-12-09", "2026-01-18")),
    ("Vladimir Putin visited Turkey this past weekend.", ("2025-12-06", "2025-12-07")),
    ("Vladimir Putin visited Turkey on 2023-09-05.", ("2023-09-05", "2023-09-05")),
])
def test_windows_after_the_report_and_written_dates(text: str, span: tuple[str, str]) -> None:
    assert [(r[2], r[3]) for r in rows(text)] == [span]


# ---- a later sentence answers or carries out the plan just reported ---------------------------------------

@pytest.mark.parametrize(("text", "status"), [
    ("Vladimir Putin was invited to visit Turkey. He declined.", "cancelled"),
    ("Vladimir Putin was invited to visit Turkey. The Kremlin said he would not go.", "cancelled"),
    ("Vladimir Putin was invited to visit Turkey. He has accepted.", "planned"),
    ("Vladimir Putin will attend the summit in Ankara next month. The summit was postponed.", "cancelled"),
    ("Vladimir Putin was scheduled to visit Turkey on Friday. The Kremlin confirmed on Saturday that the visit "
     "had taken place.", "completed"),
    # not carried out: the same words negated
    ("Vladimir Putin was scheduled to visit Turkey on Friday. The visit never took place.", "cancelled"),
])
def test_a_later_sentence_answers_the_plan(text: str, status: str) -> None:
    assert [(r[1], r[4]) for r in rows(text)] == [("TR", status)]


@pytest.mark.parametrize("text", [
    "Vladimir Putin accepted an invitation to visit Turkey, though no date has been set.",
    "Erdogan invited Vladimir Putin to visit Turkey. Putin accepted the invitation, the Kremlin said, adding that "
    "dates would be agreed through diplomatic channels.",
])
def test_an_invitation_accepted_without_a_date_is_a_plan(text: str) -> None:
    # ANNOTATION.md: planned includes "accepted an invitation"; the owners' real annotation reads "has accepted an
    # invitation to visit X, though the timing remains uncertain" as planned (news-dev2, round 6)
    assert [(r[1], r[4]) for r in rows(text)] == [("TR", "planned")]


def test_an_invitation_accepted_is_a_plan() -> None:
    assert [(r[1], r[4]) for r in rows("Vladimir Putin accepted an invitation to visit Turkey in March.")] == \
        [("TR", "planned")]


# ---- dates counted from the trip under discussion -----------------------------------------------------------

@pytest.mark.parametrize(("text", "iran"), [
    ("Vladimir Putin arrived in Turkey on 3 March 2024. Earlier that week, he was in Iran.", "2024-02-26"),
    ("Vladimir Putin arrived in Turkey on 3 March 2024. Later that month, he travelled to Iran.", "2024-03-01"),
    ("Vladimir Putin arrived in Turkey on 3 March 2024. That same month, he travelled to Iran.", "2024-03-01"),
    ("Vladimir Putin visited Turkey in 2019. The same year he visited Iran.", "2019-01-01"),
    ("In March 2024 Vladimir Putin arrived in Turkey. He then flew to Iran.", "2024-03-01"),
    ("Vladimir Putin travelled to Turkey in 2019, and to Iran the following year.", "2020-01-01"),
])
def test_a_date_counted_from_the_trip_under_discussion(text: str, iran: str) -> None:
    assert [r[2] for r in rows(text) if r[1] == "IR"] == [iran]


def test_that_year_after_another_year_was_named_is_not_the_trips() -> None:
    # "that same year" is 2008's here, not the year of the trip reported first: left undated
    text = ("Omar al-Bashir arrived in Saudi Arabia on May 20, 2015. In June 2008, officials disclosed a plan. "
            "Earlier that same year, Omar al-Bashir travelled to Egypt.")
    assert [r[2] for r in rows(text) if r[1] == "EG"] == [""]


def test_that_month_without_a_trip_to_count_from_is_no_date() -> None:
    assert [r[2] for r in rows("Later that month, Vladimir Putin travelled to Iran.")] == [""]


def test_a_report_day_guessed_inside_the_year_stated_stands() -> None:
    # the lead's arrival is dated to the report day; "in 2015" said later confirms it rather than blurring it
    text = ("Omar al-Bashir has arrived in Saudi Arabia. He visited Saudi Arabia in 2015 for the pilgrimage, officials "
            "said.")
    assert [(r[1], r[2]) for r in rows(text, "2015-05-20")] == [("SA", "2015-05-20")]


@pytest.mark.parametrize(("text", "iran"), [
    # a month without a year in a past story of the same traveller: the story's year
    ("In March 2024 Vladimir Putin arrived in Turkey. In April, he visited Iran.", "2024-04-01"),
    ("In March 2024 Vladimir Putin arrived in Turkey. On 5 April, he visited Iran.", "2024-04-05"),
    # an earlier month, a plan, another traveller, a new paragraph: counted from the report as before
    ("In March 2024 Vladimir Putin arrived in Turkey. In February, he visited Iran.", "2025-02-01"),
    ("In March 2024 Vladimir Putin arrived in Turkey. In April, he will visit Iran.", "2026-04-01"),
    ("In March 2024 Omar al-Bashir arrived in Turkey. In April, Vladimir Putin visited Iran.", "2025-04-01"),
    ("In March 2024 Vladimir Putin arrived in Turkey.\nIn April, he visited Iran.", "2025-04-01"),
])
def test_a_month_in_a_past_story_takes_the_storys_year(text: str, iran: str) -> None:
    assert [r[2] for r in rows(text) if r[1] == "IR"] == [iran]


def test_a_trip_a_measure_would_allow_is_speculative() -> None:
    assert [(r[1], r[4]) for r in rows("The new law would allow Benjamin Netanyahu to visit Germany without being "
                                       "arrested.")] == [("DE", "speculative")]
    # a permission given for a dated trip is that trip
    assert [(r[1], r[2][:7], r[4]) for r in rows("Hungary allowed Benjamin Netanyahu to travel to Budapest in April.",
                                                 "2025-06-01")] == [("HU", "2025-04", "completed")]
