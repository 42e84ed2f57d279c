"""Recall by class, round 14: an invitation that names no place (the inviter's country), a visit nobody owns that is
only mooted (the story's traveller), a gathering a relative clause says someone attended or planned to attend, a
guest, an office named before the name ("The President of the Russian Federation Vladimir Putin"), an airport's
code after a landing verb, and a participation confirmed in an event told just before.

Every sentence is written for these tests.
"""

from __future__ import annotations

import pytest

from riskcheck.news import extract_trips

spacy_parse = pytest.importorskip("spacy")  # several of these shapes are read off the parse (CI installs it)


def rows(text: str, published: str) -> set[tuple[str, str, str, str]]:
    return {(t.person_id or t.person, t.country, t.start[:7], t.status) for t in extract_trips(text, published)}


def pairs(text: str, published: str) -> set[tuple[str, str]]:
    return {(t.person_id or t.person, t.country) for t in extract_trips(text, published)}


@pytest.mark.parametrize(("text", "want"), [
    ("Vladimir Putin invited Benjamin Netanyahu to visit.", ("benjamin-netanyahu", "RU", "", "invited")),
    ("Xi Jinping invited Vladimir Putin for a state visit.", ("vladimir-putin", "CN", "", "invited")),
    ("Vladimir Putin accepted an invitation from Xi Jinping to visit.", ("vladimir-putin", "CN", "", "planned")),
    ("Vladimir Putin accepted Xi Jinping's invitation to come.", ("vladimir-putin", "CN", "", "planned")),
    ("Rodrigo Duterte has accepted an invitation from Japan.", ("rodrigo-duterte", "JP", "", "planned")),
    ("Rodrigo Duterte accepted an invitation from the Japanese government.", ("rodrigo-duterte", "JP", "", "planned")),
    ("Recep Tayyip Erdogan extended an invitation to Vladimir Putin.", ("vladimir-putin", "TR", "", "invited")),
    ("Vladimir Putin was invited by Recep Tayyip Erdogan for an official visit in October.",
     ("vladimir-putin", "TR", "2016-10", "invited")),
    ("Rodrigo Duterte returned to Davao on Friday. He has also accepted an invitation from Japanese Prime Minister "
     "Shinzo Abe, with the timing still open.", ("rodrigo-duterte", "JP", "", "planned")),
])
def test_an_invitation_without_a_place_is_to_the_inviters_country(text: str, want: tuple[str, ...]) -> None:
    assert want in rows(text, "2016-09-10")


@pytest.mark.parametrize("text", [
    "Vladimir Putin did not invite Benjamin Netanyahu to visit.",  # not invited: no trip (ANNOTATION.md)
    "Xi Jinping invited Vladimir Putin to join the talks.",  # talks anywhere: no place told
    "Vladimir Putin invited Benjamin Netanyahu to the summit.",  # the summit's place is not the inviter's
    "Vladimir Putin invited his old friend to visit.",  # nobody named to go
])
def test_an_invitation_that_says_nothing_of_where_gives_no_trip(text: str) -> None:
    assert rows(text, "2016-09-10") == set()


def test_an_invitation_with_a_place_of_its_own_goes_there() -> None:
    got = pairs("Vladimir Putin invited Benjamin Netanyahu to visit Sochi in May.", "2016-09-10")
    assert ("benjamin-netanyahu", "RU") in got and len(got) == 1


@pytest.mark.parametrize(("text", "want"), [
    ("Rodrigo Duterte flew home on Friday. A visit to China, where he wants to talk about the sea, could come in "
     "October, aides said.", ("rodrigo-duterte", "CN", "2019-10", "speculative")),
    ("Vladimir Putin will travel to Saudi Arabia next month. An official visit to the United Arab Emirates is also "
     "being discussed, Ushakov said.", ("vladimir-putin", "AE", "", "speculative")),
    ("Benjamin Netanyahu is under pressure at home. A trip to Moscow to meet Vladimir Putin is being discussed, "
     "aides said.", ("benjamin-netanyahu", "RU", "", "speculative")),
])
def test_a_visit_nobody_owns_mooted_is_the_story_travellers(text: str, want: tuple[str, ...]) -> None:
    assert want in rows(text, "2019-03-10")


@pytest.mark.parametrize("text", [
    # another wanted person, not the host, is named: whose visit it is is not told
    "Benjamin Netanyahu is under pressure. Vladimir Putin said a visit to Turkey is being discussed.",
    # a visit done, not mooted
    "Vladimir Putin met Xi in Beijing. A visit to India was made last year.",
    # the owner is named
    "Vladimir Putin met Xi in Beijing. A visit to India by Narendra Modi is being discussed.",
])
def test_a_mooted_visit_is_not_given_to_the_story_traveller_when_it_may_be_someone_elses(text: str) -> None:
    got = pairs(text, "2019-03-10")
    assert ("benjamin-netanyahu", "TR") not in got and ("vladimir-putin", "TR") not in got
    assert ("vladimir-putin", "IN") not in got


@pytest.mark.parametrize(("text", "want"), [
    ("The summit in Lome, which Benjamin Netanyahu attended in October, was a success.",
     ("benjamin-netanyahu", "TG", "2017-10", "completed")),
    ("The summit in Lome, which Benjamin Netanyahu will attend in October, opens on Monday.",
     ("benjamin-netanyahu", "TG", "2018-10", "planned")),
    ("Benjamin Netanyahu had a busy year. The follow-up Africa-Israel summit in Lome, which he had planned to attend "
     "in October, was called off after pressure from several states.",
     ("benjamin-netanyahu", "TG", "2017-10", "cancelled")),
])
def test_a_gathering_a_relative_clause_says_was_attended(text: str, want: tuple[str, ...]) -> None:
    assert want in rows(text, "2017-12-28")


def test_a_guest_went_and_the_host_did_not() -> None:
    assert ("vladimir-putin", "FI", "2016-07", "completed") in rows(
        "Vladimir Putin was Niinisto's guest in Turku in July 2016.", "2017-07-28")
    got = pairs("Sauli Niinisto was Vladimir Putin's guest in Sochi in May.", "2017-07-28")
    assert ("Sauli Niinisto", "RU") in got and not any(p == "vladimir-putin" for p, _ in got)


def test_an_office_named_before_the_name_is_that_persons() -> None:
    assert ("vladimir-putin", "KZ", "2014-05", "completed") in rows(
        "The President of the Russian Federation Vladimir Putin arrived to the capital of Kazakhstan this morning.",
        "2014-05-29")
    assert ("Shavkat Mirziyoyev", "RU", "2014-05", "completed") in rows(
        "The President of the Republic of Uzbekistan Shavkat Mirziyoyev arrived to Moscow this morning.", "2014-05-29")


@pytest.mark.parametrize(("text", "want"), [
    ("Benjamin Netanyahu landed at BER on Wednesday evening with his wife Sara.", {("benjamin-netanyahu", "DE")}),
    ("Benjamin Netanyahu touched down at JFK on Sunday.", {("benjamin-netanyahu", "US")}),
    ("Vladimir Putin flew into VKO on Friday.", set()),  # Vnukovo is Moscow: home
    ("Benjamin Netanyahu arrived in USA on Wednesday.", {("benjamin-netanyahu", "US")}),  # a country, no airport
    ("Benjamin Netanyahu praised BER in a speech on Wednesday.", set()),  # no landing verb
])
def test_an_airport_code_after_a_landing_verb(text: str, want: set[tuple[str, str]]) -> None:
    got = {(p, c) for p, c in pairs(text, "2023-03-16") if p in ("benjamin-netanyahu", "vladimir-putin")}
    assert got == want


def test_usa_after_a_landing_verb_is_the_country_not_an_airport_called_usa() -> None:
    trips = [t for t in extract_trips("Benjamin Netanyahu arrived in USA on Wednesday.", "2023-03-16")
             if t.person_id == "benjamin-netanyahu"]
    assert trips and all(t.city == "" for t in trips)


def test_a_participation_confirmed_in_an_event_told_just_before() -> None:
    assert ("vladimir-putin", "BY", "2014-10", "planned") in rows(
        "The next summit will be held in October in Minsk. Vladimir Putin confirmed his participation.", "2014-05-29")


def test_an_invitation_to_him_from_a_body_named_by_its_country() -> None:
    assert ("abdul-hakim-haqqani", "ID", "", "invited") in rows(
        "Abdul Hakim Haqqani flew to Doha on Monday. An Indonesian clerics' council has also extended an invitation to "
        "him, according to a spokesman.", "2016-09-10")


def test_where_after_a_gathering_takes_the_gatherings_days() -> None:
    got = [t for t in extract_trips(
        "Benjamin Netanyahu had a busy autumn. His tour of three countries ended at the UN General Assembly in New "
        "York, where he delivered a speech on Iran.", "2017-12-28") if t.person_id == "benjamin-netanyahu"]
    assert [(t.country, t.start[:7], t.status) for t in got] == [("US", "2017-09", "completed")]


def test_the_colonel_is_gaddafi_and_nobody_else() -> None:
    assert ("muammar-gaddafi", "IT", "2009-07", "completed") in rows(
        "Muammar Gaddafi spoke on Monday. In July of last year the Colonel took part in the G8 summit in L'Aquila.",
        "2010-03-10")
    assert rows("Vladimir Putin spoke on Monday. Last year the colonel flew to Kabul.", "2010-03-10") == set()


def test_a_date_of_the_main_clause_is_not_the_date_of_a_before_clause() -> None:
    got = rows("Muammar Gaddafi arrived in Paris on Monday. Before arriving in Paris, Gaddafi had been in Lisbon for "
               "the summit on 8 and 9 December.", "2010-03-10")
    assert ("muammar-gaddafi", "PT", "2009-12", "completed") in got
    assert ("muammar-gaddafi", "FR", "2009-12", "completed") not in got
    assert ("vladimir-putin", "CN", "2016-03", "completed") in rows(
        "After landing in Beijing on Monday, Vladimir Putin met Xi.", "2016-03-10")


def test_a_host_receiving_something_of_his_is_no_visit() -> None:
    assert rows("Muammar Gaddafi is wanted. Zimbabwe, Sudan and Chad have all received Gaddafi's money over the "
                "years.", "2011-06-28") == set()
    assert rows("Muammar Gaddafi is wanted. Zimbabwe, Sudan and Chad have all received the colonel's money over the "
                "years.", "2011-06-28") == set()
    assert ("muammar-gaddafi", "ZW", "2011-06", "completed") in rows("Zimbabwe received Muammar Gaddafi on Monday.",
                                                                     "2011-06-28")
    assert ("vladimir-putin", "FI", "2018-07", "completed") in rows(
        "Finland hosted Vladimir Putin's summit with the American president in Helsinki in July.", "2018-12-01")


def test_an_earlier_visit_told_after_the_colon_of_the_ordinal_sentence() -> None:
    got = rows("Benjamin Netanyahu landed in Washington on Sunday night. It was his second trip to the White House "
               "this year: in January he stood next to the president at a ceremony.", "2020-09-14")
    assert {("benjamin-netanyahu", "US", "2020-09", "completed"),
            ("benjamin-netanyahu", "US", "2020-01", "completed")} <= got


def test_a_companion_gone_with_went_too() -> None:
    assert ("rodrigo-duterte", "JP", "2019-10", "completed") in rows(
        "In October last year the senator went with Mr Rodrigo Duterte to Tokyo for the enthronement.", "2020-03-10")
    got = rows("Sergei Lavrov travelled with Vladimir Putin to Beijing in May.", "2020-03-10")
    assert ("vladimir-putin", "CN", "2019-05", "completed") in got
    assert ("vladimir-putin", "CN", "2020-03", "completed") in rows(
        "Vladimir Putin flew to Beijing with a large delegation on Tuesday.", "2020-03-10")


def test_an_invitation_to_attend_goes_to_the_inviters_country() -> None:
    assert ("omar-al-bashir", "RU", "", "planned") in rows(
        "The foreign ministry said that Omar al-Bashir has accepted an invitation from Vladimir Putin to attend the "
        "final.", "2018-07-11")


@pytest.mark.parametrize(("text", "want"), [
    ("Defence Minister Abdel Raheem Muhammad Hussein spoke to his counterpart by phone. The minister is scheduled to "
     "fly to Minsk on Saturday.", {("abdel-raheem-hussein", "BY")}),
    ("Sergei Shoigu, the defence minister, spoke on Monday. The minister will fly to Beijing on Saturday.",
     {("sergei-shoigu", "CN")}),
    ("Vladimir Putin met reporters. The minister is scheduled to fly to Minsk on Saturday.", set()),  # never a minister
])
def test_the_minister_is_a_wanted_person_the_article_calls_one(text: str, want: set[tuple[str, str]]) -> None:
    assert {(t.person_id, t.country) for t in extract_trips(text, "2015-04-15") if t.person_id} == want


def test_the_visitor_is_the_wanted_person_just_told() -> None:
    assert ("omar-al-bashir", "UG", "2016-05", "completed") in rows(
        "Omar al-Bashir arrived in Kampala on Thursday. The visitor last came to Uganda in May last year.",
        "2017-11-10")


def test_a_stop_called_off_is_the_story_travellers_cancelled_trip() -> None:
    assert ("muammar-gaddafi", "UA", "", "cancelled") in rows(
        "Muammar Gaddafi toured Russia and Belarus. A stop in Kiev, announced by the hosts for the same tour, was "
        "called off at the last minute.", "2008-11-10")


def test_a_stay_told_as_the_weekend_of_its_dates() -> None:
    assert ("muammar-gaddafi", "PT", "2007-12", "completed") in rows(
        "Muammar Gaddafi spent the weekend of 8 and 9 December in Lisbon for a summit.", "2007-12-17")


def test_a_title_with_a_or_no_is_any_holder_not_this_one() -> None:
    got = rows("Vladimir Putin landed in Cairo on Tuesday: not since Nikita Khrushchev came in 1964 had a Kremlin "
               "leader made an official visit to Egypt.", "2005-04-28")
    assert got == {("vladimir-putin", "EG", "2005-04", "completed")}


@pytest.mark.parametrize(("text", "country"), [
    ("Joseph Kony crossed into Congo in September 2005.", "CD"),  # news means the DRC by a bare "Congo"
    ("Joseph Kony flew to Brazzaville, then crossed into Congo in September 2005.", "CG"),  # the article says which
    ("Joseph Kony went to Kinshasa and then to Congo in September 2005.", "CD"),
])
def test_a_bare_congo_is_read_as_news_means_it_unless_the_article_says(text: str, country: str) -> None:
    assert {t.country for t in extract_trips(text, "2006-08-01") if t.person_id == "joseph-kony"} == {country}
