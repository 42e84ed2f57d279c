"""Recall and precision by class, round 19: "back from" a place or a journey ("X, back from talks in Tehran, said").

Every sentence is written for these tests.
"""

from __future__ import annotations

import pytest

from riskcheck.news import extract_trips

spacy_parse = pytest.importorskip("spacy")  # these shapes are read off the parse (CI installs it)

# a line longer than a hard wrap, so short texts are read as written (not unwrapped)
PAD = " The rest of this report deals with matters that have nothing to do with anyone's travels, at some length."


def trips(text: str, published: str) -> set[tuple[str, str, str, str]]:
    return {(t.person_id or t.person, t.country, t.start[:7], t.status) for t in extract_trips(text + PAD, published)}


def countries(text: str, published: str) -> set[str]:
    return {t[1] for t in trips(text, published)}


# ---- back from a place, or from a journey there --------------------------------------------------------------------

@pytest.mark.parametrize("text, who, code", [
    ("Defence Minister Sergei Shoigu, back from talks in Tehran, told reporters on Monday that the deliveries would "
     "start soon.", "sergei-shoigu", "IR"),
    ("Sergei Shoigu, fresh from a visit to Tehran, told reporters on Monday that the deliveries would start soon.",
     "sergei-shoigu", "IR"),
    ("Vladimir Putin, back from Beijing, said on Monday that relations had never been better.", "vladimir-putin", "CN"),
    ("Back from Beijing, Vladimir Putin said on Monday that relations had never been better.", "vladimir-putin", "CN"),
    ("Vladimir Putin is back from Beijing, his spokesman said on Monday.", "vladimir-putin", "CN"),
    ("Vladimir Putin flew back from Beijing at the start of the month after what aides called a working visit.",
     "vladimir-putin", "CN"),
])
def test_back_from_a_place_is_a_journey_made(text: str, who: str, code: str) -> None:
    assert (who, code, "2023-10", "completed") in trips(text, "2023-10-20")


def test_back_from_a_journey_still_ahead_adds_nothing() -> None:
    # "back from Minsk, will take part by video": the Minsk trip is the one planned in the first sentence; the video
    # link of the second sentence does not make it virtual, and no completed trip is invented
    text = ("Maria Lvova-Belova is scheduled to fly to Minsk on 6 May for a forum on children's rights. "
            "Maria Lvova-Belova, back from Minsk, will take part by video link in a roundtable in Doha.")
    got = trips(text, "2025-05-02")
    assert ("maria-lvova-belova", "BY", "2025-05", "planned") in got
    assert not any(t[1] == "BY" and t[3] in ("completed", "virtual") for t in got)


@pytest.mark.parametrize("text", [
    "Vladimir Putin pulled back from Kherson on Monday, his generals said.",
    "Vladimir Putin stepped back from Minsk's proposal on Monday, his spokesman said.",
])
def test_back_from_without_a_journey_is_no_trip(text: str) -> None:
    assert not countries(text, "2023-10-20") & {"UA", "BY"}


# ---- a year in review by month headings ----------------------------------------------------------------------------

REVIEW = """A year on the road

Omar al-Bashir has been wanted by the court since 2009. Our month-by-month record of the president's foreign travel
this year, with the places first.

FEBRUARY
Addis Ababa. Bashir flew in on Saturday 4 February for the African Union summit and left two days later.

APRIL
Amman, 12 April: present at a forum on regional water, his first visit to Jordan in years.
Doha: talks on Darfur with the emir, 20-21 April.

WHAT COMES NEXT
Cairo. The presidency says he will go to Egypt before the end of the year.
"""


def test_a_place_led_paragraph_under_a_month_heading_is_a_trip_of_the_review_s_person() -> None:
    got = trips(REVIEW, "2017-06-30")
    assert ("omar-al-bashir", "ET", "2017-02", "completed") in got
    assert ("omar-al-bashir", "JO", "2017-04", "completed") in got
    assert ("omar-al-bashir", "QA", "2017-04", "completed") in got


def test_the_day_a_month_headed_line_gives_is_the_trip_s_day() -> None:
    days = {(t.country, t.start, t.end) for t in extract_trips(REVIEW + PAD, "2017-06-30")}
    assert ("JO", "2017-04-12", "2017-04-12") in days


def test_a_place_led_paragraph_under_another_heading_is_not_dated_by_the_month_above() -> None:
    # "WHAT COMES NEXT" ends April's section: Cairo is a plan, not an April trip
    got = trips(REVIEW, "2017-06-30")
    assert ("omar-al-bashir", "EG", "2017-04", "completed") not in got


def test_month_headings_without_places_make_no_trips() -> None:
    text = ("Omar al-Bashir has been wanted since 2009. A record of his year.\n\nMARCH\nNothing: he stayed in "
            "Khartoum all month.\n\nAPRIL\nQuiet: the talks with the rebels were held at home.\n")
    assert not countries(text, "2017-06-30") - {"SD"}


# ---- "Nor did he attend" -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Omar al-Bashir stayed at home in September. Nor did he attend the Marrakech climate conference in November.",
    "Omar al-Bashir stayed at home in September. Neither did he go to Marrakech for the climate conference in "
    "November.",
])
def test_nor_did_he_attend_is_no_journey_made(text: str) -> None:
    got = trips(text, "2016-12-30")
    assert not any(t[1] == "MA" and t[3] == "completed" for t in got)


def test_nor_did_anyone_stop_him_keeps_the_journey() -> None:
    text = "Omar al-Bashir went to Cairo in September. Nor did anyone stop him when he flew to Doha in November."
    assert ("omar-al-bashir", "QA", "2016-11", "completed") in trips(text, "2016-12-30")


# ---- pairs and pronouns --------------------------------------------------------------------------------------------

def test_the_two_men_held_talks_there() -> None:
    text = ("Valery Gerasimov has rarely travelled. On 18 December 2019 he met General Mark Milley in Bern. On 22 "
            "September 2021 the two men held six hours of talks in Helsinki.")
    assert ("valery-gerasimov", "FI", "2021-09", "completed") in trips(text, "2023-01-13")


def test_the_one_an_apposed_official_saw_is_the_person_spoken_of() -> None:
    # "NATO's commander, General X, saw him in Baku": "him" is not X (its own clause's subject)
    text = ("Valery Gerasimov has rarely travelled. NATO's supreme commander, General Curtis Scaparrotti, saw him "
            "in Baku on 19 April 2018.")
    assert ("valery-gerasimov", "AZ", "2018-04", "completed") in trips(text, "2023-01-13")


def test_saw_protests_is_still_no_meeting() -> None:
    text = "Valery Gerasimov has rarely travelled. Reporters saw protests in Baku on 19 April 2018."
    assert "AZ" not in countries(text, "2023-01-13")


def test_a_possessive_in_a_fronted_phrase_is_not_the_subject() -> None:
    text = ("Omar al-Bashir named Ahmed Haroun party chief in March. Haroun moved around a great deal. Unlike many "
            "of the indicted, he did not stay at home. In March 2009, weeks after Bashir's own warrant, he was part of "
            "the presidential party that flew to Doha for the Arab League summit.")
    got = trips(text, "2019-04-18")
    assert ("ahmad-harun", "QA", "2009-03", "completed") in got
    assert not any(t[0] == "omar-al-bashir" and t[1] == "QA" for t in got)


def test_a_rumour_that_he_flew_is_speculative() -> None:
    text = "Ahmed Haroun was detained last week. A rumour spread that Haroun flew to Istanbul before the arrests."
    got = trips(text, "2019-04-18")
    assert any(t[:2] == ("ahmad-harun", "TR") and t[3] == "speculative" for t in got)
    assert not any(t[:2] == ("ahmad-harun", "TR") and t[3] == "completed" for t in got)


def test_title_case_month_headings_head_their_paragraphs_too() -> None:
    text = REVIEW.replace("FEBRUARY", "February").replace("APRIL", "April")
    got = trips(text, "2017-06-30")
    assert ("omar-al-bashir", "ET", "2017-02", "completed") in got
    assert ("omar-al-bashir", "QA", "2017-04", "completed") in got


# ---- welcomed by a host, with no place named --------------------------------------------------------------------

def test_greeted_by_a_head_of_state_is_in_the_host_s_country() -> None:
    text = ("The leaders of the security bloc met this afternoon. Russian President Vladimir Putin's plane touched "
            "down just before noon, and he was greeted at the foot of the steps by President Sooronbay Jeenbekov.")
    assert ("vladimir-putin", "KG", "2019-11", "completed") in trips(text, "2019-11-28")


def test_greeted_by_a_host_at_a_named_place_keeps_the_place() -> None:
    # the place told decides; the host's country is only for a welcome with no place
    text = "Vladimir Putin was welcomed in Ankara by President Sooronbay Jeenbekov on Monday."
    got = countries(text, "2019-11-28")
    assert "TR" in got and "KG" not in got


def test_the_host_s_own_compatriot_welcomed_is_no_trip() -> None:
    text = "Kyrgyz minister Jeenbekov's aide was greeted by President Sooronbay Jeenbekov on Monday."
    assert "KG" not in countries(text, "2019-11-28")


def test_a_place_takes_the_month_told_right_after_it() -> None:
    # "then to Monrovia in June 2017": not the July of the places before it
    text = ("Since 2016, Benjamin Netanyahu has gone to Uganda and Kenya in July of that year, then to Monrovia in "
            "June 2017 where he spoke before the summit of West African leaders.")
    got = trips(text, "2019-07-18")
    assert ("benjamin-netanyahu", "LR", "2017-06", "completed") in got
    assert ("benjamin-netanyahu", "UG", "2016-07", "completed") in got


def test_a_list_of_places_takes_the_date_told_after_it() -> None:
    text = ("Omar al-Bashir kept travelling. Bashir flew to Damascus in December and to Doha and Cairo in January, "
            "as the protests grew.")
    got = {(t.country, t.start[:7]) for t in extract_trips(text + PAD, "2019-04-18")}
    assert ("SY", "2018-12") in got


def test_a_caption_s_present_greeting_leaves_the_arrival_day_to_the_text() -> None:
    # "is greeted by" in a caption is the trip the text tells ("landed on Thursday"), not a new one of its own day
    text = ("[Photo: Benjamin Netanyahu is greeted by Prime Minister Rishi Sunak on the steps on Friday morning.]\n\n"
            "Benjamin Netanyahu landed at Stansted on Thursday evening with his wife Sara for talks in London.")
    days = {(t.person_id, t.country, t.start) for t in extract_trips(text + PAD, "2023-03-24")}
    assert ("benjamin-netanyahu", "GB", "2023-03-23") in days


def test_the_one_he_points_to_after_a_fronted_possessive_stays_the_subject() -> None:
    text = ("Omar al-Bashir named Ahmed Haroun party chief in March. Haroun moved around a great deal. Unlike many of "
            "the indicted, he did not stay at home. In March 2009, weeks after Bashir's own warrant, he was part of the "
            "presidential party that flew to Doha for the Arab League summit. As governor of North Kordofan he went on "
            "a fundraising tour of Kuwait in 2015.")
    got = trips(text, "2019-04-18")
    assert ("ahmad-harun", "KW", "2015-01", "completed") in got
    assert not any(t[0] == "omar-al-bashir" and t[1] == "KW" for t in got)


# ---- a year that opens the sentence dates its months ---------------------------------------------------------------

@pytest.mark.parametrize("opening, year", [
    ("Last year", "2023"),
    ("Before that, last year,", "2023"),
    ("In 2022", "2022"),
])
def test_a_year_opening_the_sentence_dates_every_month_in_it(opening: str, year: str) -> None:
    text = (f"Sergei Shoigu is moving to the Security Council. {opening} he went to New Delhi in April for the "
            f"ministers' meeting and to Minsk in May.")
    got = trips(text, "2024-05-14")
    assert ("sergei-shoigu", "IN", f"{year}-04", "completed") in got
    assert ("sergei-shoigu", "BY", f"{year}-05", "completed") in got


def test_a_month_with_its_own_year_is_not_reframed() -> None:
    text = ("Sergei Shoigu is moving to the Security Council. Last year he went to New Delhi in April 2021 and to "
            "Minsk in May.")
    got = trips(text, "2024-05-14")
    assert ("sergei-shoigu", "IN", "2021-04", "completed") in got


def test_a_month_of_a_year_is_that_month() -> None:
    # "in December of 2000" (a calque, and American usage): not the last December before the report
    text = "It is remembered that the Russian President Vladimir Putin visited Cuba in December of 2000."
    assert ("vladimir-putin", "CU", "2000-12", "completed") in trips(text, "2024-06-13")


def test_the_two_named_in_the_sentence_are_the_pair() -> None:
    # "the two men" after "he flew to Baku to meet General X" in the same sentence: he and X, not the boss named
    # in the sentence before; "the Joint Chiefs" is an institution, nobody's name
    text = ("For most of that time Valery Gerasimov was a traveller in a way his boss Sergei Shoigu never quite was. "
            "In February 2017 he flew to Baku to meet the US chairman of the Joint Chiefs, General Joseph Dunford; "
            "the two men met again in Antalya, Turkey, in March of the same year.")
    got = trips(text, "2025-09-07")
    assert ("valery-gerasimov", "TR", "2017-03", "completed") in got
    assert not any(t[0] == "sergei-shoigu" for t in got)
    assert not any("Joint" in t[0] for t in got)


# ---- a well-known official named in full opens a sentence ------------------------------------------------------------

def test_an_official_named_in_full_is_who_he_is_next() -> None:
    text = ("Masoud Pezeshkian won the run-off on 5 July. Sergei Shoigu landed in Tehran on 5 August and met "
            "Pezeshkian. Pezeshkian chose Iraq for his first trip abroad, arriving in Baghdad on 11 September. Later "
            "that month he went to New York for the UN General Assembly.")
    got = trips(text, "2024-12-30")
    assert not any(t[0] == "sergei-shoigu" and t[1] == "US" for t in got)
    assert ("Masoud Pezeshkian", "US", "2024-09", "completed") in got


@pytest.mark.parametrize("sentence", [
    "The following year he sat in the front row at Idriss Deby's swearing-in for another term.",
    "He lost the presidential run-off to Joseph Kabila last year.",
])
def test_an_official_owned_or_an_object_is_not_the_next_he(sentence: str) -> None:
    text = f"Omar al-Bashir has travelled widely. {sentence} In November he flew to Sochi."
    got = trips(text, "2018-12-30")
    assert any(t[0] == "omar-al-bashir" and t[1] == "RU" for t in got)


def test_an_audience_with_the_pope_is_a_visit() -> None:
    text = ("The Kremlin said on Tuesday that Vladimir Putin would not attend. Putin's last audience with Francis at "
            "the Vatican was in July 2019, when he kept the Pope waiting almost an hour.")
    assert ("vladimir-putin", "VA", "2019-07", "completed") in trips(text, "2025-04-26")


def test_an_audience_of_listeners_is_no_journey() -> None:
    text = "Vladimir Putin told an audience of students in Moscow that he had no plans to travel to Kazan this year."
    assert not countries(text, "2025-04-26")


def test_a_year_less_dateline_dated_by_its_edition_dates_the_trips() -> None:
    text = ("Leaders trickle in\n\nBAKU, Nov 12 - World leaders began arriving on Tuesday for the leaders' segment of "
            "COP29. Russian President Vladimir Putin will not attend the climate talks. Putin paid a two-day state "
            "visit to Azerbaijan in August, when he and Ilham Aliyev signed a raft of agreements.")
    from riskcheck.news.readers import header_date

    body, published, _ = header_date(text + PAD)  # (as `riskcheck news` reads a file without a date header)
    got = {(t.person_id, t.country, t.start[:7], t.status) for t in extract_trips(body, published)}
    assert ("vladimir-putin", "AZ", "2024-08", "completed") in got
    assert ("vladimir-putin", "AZ", "2024-11", "cancelled") in got


def test_flown_in_a_month_is_no_arrival_at_the_story_s_place() -> None:
    # "was flown in November 2011": "in" dates the flight; it is not "flew in" (an arrival at the dateline's city)
    text = ("ACCRA, Jan 8 - Laurent Gbagbo arrived in the Ghanaian capital on Monday evening. It was his first trip "
            "abroad since he came home in June 2021, after a decade in the detention centre of the International "
            "Criminal Court - where he was flown in November 2011.")
    got = trips(text, "2025-01-08")
    assert ("laurent-gbagbo", "GH", "2025-01", "completed") in got
    assert not any(t[1] == "GH" and t[2] == "2011-11" for t in got)


def test_a_planned_trip_derailed_is_called_off() -> None:
    text = ("Benjamin Netanyahu met Erdogan in New York. He recalled that Netanyahu's planned trip to the UAE was "
            "derailed by a single visit to the holy site.")
    got = trips(text, "2023-09-20")
    assert any(t[:2] == ("benjamin-netanyahu", "AE") and t[3] == "cancelled" for t in got)


# ---- accompanying, and going back -----------------------------------------------------------------------------------

def test_the_one_accompanied_goes_too() -> None:
    text = "Ronald dela Rosa accompanied President Rodrigo Duterte to Moscow in May 2017."
    got = trips(text, "2025-11-10")
    assert ("ronald-dela-rosa", "RU", "2017-05", "completed") in got
    assert ("rodrigo-duterte", "RU", "2017-05", "completed") in got


@pytest.mark.parametrize("text", [
    "Valery Gerasimov, who often accompanies the minister to Syria, was not part of the delegation.",
    "Valery Gerasimov did not accompany Sergei Shoigu to Pyongyang in July.",
])
def test_a_habit_or_a_refusal_to_accompany_is_no_trip(text: str) -> None:
    got = trips(text, "2023-08-10")
    assert not any(t[0] == "valery-gerasimov" for t in got)


def test_went_back_to_a_place_with_its_date() -> None:
    text = "Ronald dela Rosa was police chief. Mr dela Rosa went back to China in September 2017 on police business."
    assert ("ronald-dela-rosa", "CN", "2017-09", "completed") in trips(text, "2025-11-10")
