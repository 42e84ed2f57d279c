"""Recall by class, round 9: the journey a phrasal verb calls off, trip nouns of one's own ("his dash to X", "his
participation at the summit"), a boycott, the pair's gatherings ("their summit in X", "they sat down together in
X ... and met again in Y"), a title named after an institution ("the Leader of the Revolution, Brother X").

Every sentence is written for these tests.
"""

from __future__ import annotations

import pytest

from riskcheck.news import extract_trips

spacy_parse = pytest.importorskip("spacy")  # the parse-based shapes need the `nlp` extra (CI installs it)


def rows(text: str, published: str) -> set[tuple[str, str, str, str]]:
    return {(t.person_id or t.person, t.country, t.start[:7], t.status) for t in extract_trips(text, published)}


@pytest.mark.parametrize("text, want", [
    ("Vladimir Putin called off a visit to Islamabad in October 2012.",
     ("vladimir-putin", "PK", "2012-10", "cancelled")),
    ("The exception was Benjamin Netanyahu's two-day dash to Budapest in April.",
     ("benjamin-netanyahu", "HU", "2026-04", "completed")),
    ("Omar al-Bashir flew home after his participation at the Doha summit in March.",
     ("omar-al-bashir", "QA", "2026-03", "completed")),
    ("Muammar Gaddafi boycotted the Beirut summit in March 2002.",
     ("muammar-gaddafi", "LB", "2002-03", "cancelled")),
    ("Abdul Hakim Haqqani's scheduled appearance at a conference in Kuala Lumpur in September has been confirmed.",
     ("abdul-hakim-haqqani", "MY", "2026-09", "planned")),
])
def test_a_trip_noun_or_verb_of_ones_own(text: str, want: tuple[str, str, str, str]) -> None:
    assert want in rows(text, "2026-06-10")


def test_a_dash_to_two_cities_is_two_trips() -> None:
    got = rows("The exception was Vladimir Putin's one-day dash to Abu Dhabi and Riyadh in December.", "2024-02-01")
    assert {("vladimir-putin", "AE", "2023-12", "completed"), ("vladimir-putin", "SA", "2023-12", "completed")} <= got


def test_their_summit_places_both_people_there() -> None:
    text = ("Vladimir Putin met Turkish President Recep Tayyip Erdogan in Sochi on Monday. The two have not held "
            "formal talks since their summit in Astana in July.")
    got = rows(text, "2024-10-10")
    assert ("vladimir-putin", "KZ", "2024-07", "completed") in got
    assert ("Recep Tayyip Erdogan", "KZ", "2024-07", "completed") in got


def test_they_sat_down_together_and_met_again() -> None:
    text = ("Valery Gerasimov met US General Mark Milley in Bern on Monday. They first sat down together in Baku "
            "in February 2017 and met again a month later in Antalya.")
    got = {(p, c) for p, c, _, _ in rows(text, "2019-12-20")}
    assert {("valery-gerasimov", "AZ"), ("valery-gerasimov", "TR")} <= got


def test_their_without_a_gathering_is_no_meeting() -> None:
    text = ("Vladimir Putin met Turkish President Recep Tayyip Erdogan in Sochi on Monday. Their countries trade "
            "in Astana and elsewhere.")
    assert ("vladimir-putin", "KZ") not in {(p, c) for p, c, _, _ in rows(text, "2024-10-10")}


def test_the_leader_of_an_institution_is_the_name_after_it() -> None:
    text = ("TRIPOLI, 1 March - The Leader of the Great Revolution, Brother Muammar Gaddafi, arrived this morning "
            "in Cairo. It is recalled that the Leader boycotted the Beirut summit in March of last year.")
    got = rows(text, "2003-03-01")
    assert ("muammar-gaddafi", "LB", "2002-03", "cancelled") in got
    assert not any(p == "Great Revolution" for p, _, _, _ in got)


@pytest.mark.parametrize("text, want", [
    # a trip told after "since" is made, whatever the negated verb before it
    ("Vladimir Putin has not left Russia since a one-day tour of Kyrgyzstan and Tajikistan in December.",
     {("vladimir-putin", "KG", "2025-12", "completed"), ("vladimir-putin", "TJ", "2025-12", "completed")}),
    ("Yoav Gallant has not travelled since a visit to Prague in May.", {("yoav-gallant", "CZ", "2026-05", "completed")}),
    # the summit of an institution in a city: the verb's subject was there
    ("Omar al-Bashir spent two days at the summit of the Arab League in Amman.",
     {("omar-al-bashir", "JO", "", "completed")}),
    # a trip confined or limited to places is a trip there
    ("Benjamin Netanyahu has limited his foreign travel since the warrant to the United States and Hungary.",
     {("benjamin-netanyahu", "US", "", "completed"), ("benjamin-netanyahu", "HU", "", "completed")}),
    # the seat of government after a possessive or "the same" is the building somebody is in
    ("Benjamin Netanyahu met Donald Trump in the same Oval Office in September.",
     {("benjamin-netanyahu", "US", "2025-09", "completed")}),
])
def test_since_institutions_and_buildings(text: str, want: set[tuple[str, str, str, str]]) -> None:
    got = rows(text, "2026-06-10")
    for person, country, month, status in want:  # (the month where the sentence gives one)
        assert any((p, c, s) == (person, country, status) and (not month or m == month) for p, c, m, s in got), got


@pytest.mark.parametrize("text, country", [
    ("Yoav Gallant will not go to Munich, where he had been invited to speak on a panel about Iran.", "IR"),  # a topic, not a destination
    ("Osama Elmasry Njeem was arrested by the DIGOS in Turin on 19 January.", "PH"),  # an acronym, not Digos
    ("Benjamin Netanyahu convened the cabinet on Tuesday after a strike in Beirut.", "LB"),  # an incident's place
])
def test_places_that_are_no_destination(text: str, country: str) -> None:
    assert country not in {t.country for t in extract_trips(text, "2026-02-01")}


def test_his_stop_after_a_host_verb_is_the_guests() -> None:
    text = ("Spanish Prime Minister Pedro Sanchez received Benjamin Netanyahu at the Moncloa palace on Monday, on the "
            "third day of a visit overshadowed by his previous stop in Paris.")
    got = rows(text, "2026-03-03")
    assert ("benjamin-netanyahu", "FR") in {(p, c) for p, c, _, _ in got}
    assert ("Pedro Sanchez", "FR") not in {(p, c) for p, c, _, _ in got}


def test_a_journey_called_off_with_nobody_named_is_the_story_travellers() -> None:
    text = ("Yoav Gallant flew to Washington in March. A visit to Paraguay, discussed for June, was quietly dropped. "
            "And a trip to Kenya planned for October was postponed in September.")
    got = rows(text, "2026-01-05")
    assert ("yoav-gallant", "PY", "2025-06", "cancelled") in got
    assert ("yoav-gallant", "KE", "2025-10", "cancelled") in got  # the month it was set for, in the story's year


def test_a_journey_called_off_long_after_the_traveller_was_named_is_nobodys() -> None:
    text = ("Yoav Gallant flew to Washington in March. The weather was mild. Markets rose on Tuesday. "
            "A visit to Paraguay was postponed.")
    assert ("yoav-gallant", "PY") not in {(p, c) for p, c, _, _ in rows(text, "2026-01-05")}


def test_a_plan_called_off_keeps_the_nearest_month_outside_a_review_of_an_earlier_year() -> None:
    text = ("Vladimir Putin visited Kyrgyzstan in December 2022. For that reason, Putin did not attend the July "
            "summit hosted by South Africa.")
    assert ("vladimir-putin", "ZA", "2023-07", "cancelled") in rows(text, "2023-10-11")


@pytest.mark.parametrize("text, want", [
    ("Abdul Hakim Haqqani headed the Taliban negotiating team in Doha in September 2020.",
     ("abdul-hakim-haqqani", "QA", "2020-09")),
    ("David Sanakoev, wanted by the court over the August 2008 war, remains in Managua after the celebrations.",
     ("david-sanakoev", "NI", "2024-07")),  # the date names the war, not the stay
])
def test_teams_led_and_stays(text: str, want: tuple[str, str, str]) -> None:
    assert want in {(p, c, m) for p, c, m, _ in rows(text, "2024-07-20")}


def test_remaining_somewhere_is_no_journey_when_it_is_only_wished() -> None:
    text = "Mathieu Ngudjolo Chui lost his fight to remain in the Netherlands and flew to Kinshasa on Monday."
    assert "NL" not in {t.country for t in extract_trips(text, "2015-05-12")}


@pytest.mark.parametrize("text, country", [
    ("Vladimir Putin attended the trilateral Astana-format summit on Syria in Tehran in July 2022.", "KZ"),
    ("Vladimir Putin watched the opening match against Saudi Arabia in Moscow.", "SA"),
    ("Muammar Gaddafi stayed at a Libyan-owned estate in Englewood, New Jersey, in September 2009.", "JE"),
])
def test_formats_opponents_and_us_states(text: str, country: str) -> None:
    assert country not in {t.country for t in extract_trips(text, "2024-07-20")}


def test_a_us_state_is_the_united_states() -> None:
    got = rows("Vladimir Putin flew to Crawford, Texas, in November 2001 for talks at the ranch.", "2001-11-20")
    assert ("vladimir-putin", "US", "2001-11", "completed") in got


@pytest.mark.parametrize("text, want", [
    ("Vladimir Putin's Ilyushin landed at Jorge Chavez airport late on Friday.", ("vladimir-putin", "PE")),
    ("In February Benjamin Netanyahu became the first foreign leader received at the White House.",
     ("benjamin-netanyahu", "US")),
    ("Rodrigo Duterte's state visit to China in October 2016 was followed by a trip to Japan.",
     ("rodrigo-duterte", "JP")),
])
def test_planes_guests_and_trips_that_follow(text: str, want: tuple[str, str]) -> None:
    assert want in {(p, c) for p, c, _, _ in rows(text, "2016-12-20")}


@pytest.mark.parametrize("text", [
    "Vladimir Putin met Narendra Modi on the sidelines of the G20 summit last year.",
    "Vladimir Putin met Narendra Modi at the G20 summit last year.",
])
def test_a_meeting_at_a_named_summit_is_at_its_edition(text: str) -> None:
    got = [(t.person_id, t.country, t.city, t.start) for t in extract_trips(text, "2020-08-20")]
    assert ("vladimir-putin", "JP", "Osaka", "2019-06-28") in got  # data/events.csv: G20 2019, Osaka


def test_the_partner_met_at_a_named_summit_was_there_too() -> None:
    text = "British Prime Minister Gordon Brown met Muammar Gaddafi at the G8 summit in July."
    got = {(t.person_id or t.person, t.country, t.city) for t in extract_trips(text, "2009-08-20")}
    assert ("muammar-gaddafi", "IT", "L'Aquila") in got


def test_an_outing_owned_through_the_copula() -> None:
    got = rows("Vladimir Putin's first foreign outing was to the ASEAN summit in Vientiane in September.", "2024-12-20")
    assert ("vladimir-putin", "LA", "2024-09", "completed") in got


@pytest.mark.parametrize("second, status", [
    ("Both presidents are also expected in Astana in early July.", "planned"),
    ("The two leaders will meet again in Astana in early July.", "planned"),
    ("They could meet in Astana in July.", "speculative"),
])
def test_the_pair_expected_somewhere(second: str, status: str) -> None:
    got = rows("Vladimir Putin and Chinese President Xi Jinping met in Moscow on Monday. " + second, "2024-06-03")
    assert ("vladimir-putin", "KZ", "2024-07", status) in got
    assert ("Xi Jinping", "KZ", "2024-07", status) in got


def test_both_presidents_are_not_the_minister_named_with_them() -> None:
    text = ("Vladimir Putin arrived in Minsk on Thursday. Sergei Shoigu, the new Security Council secretary, stayed "
            "in Moscow. Both presidents are also expected in Astana in early July.")
    assert ("sergei-shoigu", "KZ") not in {(p, c) for p, c, _, _ in rows(text, "2024-05-24")}


@pytest.mark.parametrize("text, country, invited", [
    ("Vladimir Putin had received an invitation to the United States in return.", "US", True),
    ("Benjamin Netanyahu thanked him for the invitation to Nicosia without committing himself.", "CY", True),
    ("Benjamin Netanyahu extended an invitation to Washington to Javier Milei.", "US", False),
])
def test_an_invitation_received_or_extended(text: str, country: str, invited: bool) -> None:
    got = {(t.person_id, t.country, t.status) for t in extract_trips(text, "2024-06-03")}
    assert any(c == country and st == "invited" and p for p, c, st in got) is invited


@pytest.mark.parametrize("text, want", [
    ("Vladimir Putin's visit to Beijing will take place in May.", ("vladimir-putin", "CN", "2025-05", "planned")),
    ("Vladimir Putin's trip to Hanoi is planned for June.", ("vladimir-putin", "VN", "2024-06", "planned")),
    ("Vladimir Putin's visit to Beijing in May drew criticism.", ("vladimir-putin", "CN", "2024-05", "completed")),
    ("Valery Gerasimov's last meeting with an American chairman took place in Vienna in March.",
     ("valery-gerasimov", "AT", "2024-03", "completed")),
    ("The meeting between Vladimir Putin and Donald Trump took place in Helsinki in July 2018.",
     ("vladimir-putin", "FI", "2018-07", "completed")),
])
def test_a_trip_noun_then_its_main_verb(text: str, want: tuple[str, str, str, str]) -> None:
    assert want in rows(text, "2024-06-03")


def test_a_trip_inside_a_since_phrase_keeps_its_own_tense() -> None:
    text = ("Vladimir Putin, who has not left Russia since a one-day tour of Qatar in December, is expected to "
            "travel to China later this month.")
    got = rows(text, "2024-05-06")
    assert ("vladimir-putin", "QA", "2023-12", "completed") in got


@pytest.mark.parametrize("text, want", [
    ("Vladimir Putin flew back to Moscow from Tehran on Tuesday.", ("vladimir-putin", "IR")),
    ("Omar al-Bashir returned to Khartoum from Nairobi on Friday.", ("omar-al-bashir", "KE")),
    ("Rodrigo Duterte was arrested in Manila after returning from Hong Kong.", ("rodrigo-duterte", "HK")),
    ("Vladimir Putin headed home from Beijing on Friday.", ("vladimir-putin", "CN")),
])
def test_the_place_a_journey_home_left_from_was_visited(text: str, want: tuple[str, str]) -> None:
    assert want in {(p, c) for p, c, _, _ in rows(text, "2024-06-03")}


@pytest.mark.parametrize("text", [
    "Omar al-Bashir flew in from Khartoum on Monday.",  # home
    "Refugees from Sudan met Omar al-Bashir in Khartoum.",  # no journey of his
])
def test_from_without_a_visit(text: str) -> None:
    assert not [t for t in extract_trips(text, "2024-06-03") if t.person_id == "omar-al-bashir"]


@pytest.mark.parametrize("text, want", [
    ("Xi Jinping spoke. During his visit to Ulaanbaatar, Vladimir Putin laid a wreath.", ("vladimir-putin", "MN")),
    ("Xi Jinping spoke. On his way back from Pyongyang, Vladimir Putin stopped in Hanoi.", ("vladimir-putin", "KP")),
    ("Vladimir Putin told reporters in Bishkek that talks had gone well.", ("vladimir-putin", "KG")),
    ("Benjamin Netanyahu's first foreign trip was to Hungary.", ("benjamin-netanyahu", "HU")),
])
def test_fronted_possessives_speakers_and_copulas(text: str, want: tuple[str, str]) -> None:
    assert want in {(p, c) for p, c, _, _ in rows(text, "2024-06-03")}


def test_a_fronted_possessive_is_not_the_person_named_before() -> None:
    text = "Vladimir Putin spoke. During his visit to Moscow, Chinese President Xi Jinping laid a wreath."
    got = {(p, c) for p, c, _, _ in rows(text, "2024-06-03")}
    assert ("Xi Jinping", "RU") in got and not any(p == "vladimir-putin" and c == "RU" for p, c in got)


def test_a_trip_noun_told_with_will_before_its_place_is_planned() -> None:
    assert ("benjamin-netanyahu", "HU", "", "planned") in rows("Benjamin Netanyahu's next trip will be to Hungary.",
                                                                "2024-06-03")


def test_an_invitation_turned_down_is_called_off() -> None:
    got = rows("Vladimir Putin turned down an invitation to Johannesburg.", "2024-06-03")
    assert ("vladimir-putin", "ZA", "", "cancelled") in got
