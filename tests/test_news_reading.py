"""Reading news text: page stamps are never trip dates, words glued by scraping are split again."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from riskcheck.dates import DateSpan
from riskcheck.news import extract_trips
from riskcheck.news.readers import blank_stamps, read_bytes, repair_glued


def _trips(raw: str) -> list[tuple[str, str, str, str]]:
    (art,) = list(read_bytes("a.txt", raw.encode()))
    return [(t.person_id, t.country, t.start, t.status) for t in extract_trips(art.text, art.published)]  # type: ignore[union-attr]


def test_a_crawl_date_above_an_old_article_is_not_a_trip_date() -> None:
    raw = (" date 2011-05-07 Friday, March 14, 2025\n"
           "Omar al-Bashir arrived in Djibouti on Sunday for the swearing-in of its president.\n")
    assert _trips(raw) == [("omar-al-bashir", "DJ", "2011-05-01", "completed")]


def test_a_stale_dateline_date_is_blanked_but_the_publication_day_kept() -> None:
    text = "NAIROBI, March 3 (Wire) - Some text.\nUpdated: 10:42 GMT 04.03.2021\nMore text."
    out = blank_stamps(text, DateSpan.day(date(2021, 3, 9)))
    assert len(out) == len(text)
    assert "March 3" not in out and "10:42" not in out and out.startswith("NAIROBI,") and "(Wire)" in out
    # the dateline of the publication day itself stays (the lead's undated news happens that day)
    assert "March 3" in blank_stamps(text, DateSpan.day(date(2021, 3, 3)))
    # a date inside a sentence is text, not a stamp
    prose = "He left on July 5, 2024 for Paris."
    assert blank_stamps(prose, None) == prose


def test_words_glued_to_a_known_place_or_name_are_split() -> None:
    assert repair_glued("Putin landed in Kazakhstanwhere he met officials.") == \
        "Putin landed in Kazakhstan where he met officials."
    # a name known from the same article
    assert repair_glued("Viktor Orban spoke. Orbanin Budapest said so.") == \
        "Viktor Orban spoke. Orban in Budapest said so."
    assert repair_glued("He flew on and visitedMongolia.") == "He flew on and visited Mongolia."


def test_real_words_that_end_like_a_glued_word_stay_whole() -> None:
    text = ("Israelis and Malian officials met in Berlin, Dublin and at the Kremlin; Clinton, Martin, Finland, "
            "Toronto and Lebanon were named. Mali and Israel too.")
    assert repair_glued(text) == text


def test_glued_place_gives_the_trip() -> None:
    raw = " date 2024-09-03 Vladimir Putin arrived in Mongoliawhere he met the president on Tuesday.\n"
    assert _trips(raw) == [("vladimir-putin", "MN", "2024-09-03", "completed")]


@given(st.text(alphabet="abcdeiknorstwhAKMOBPZ ,.\n", max_size=200))
def test_repair_only_inserts_spaces_and_blanking_keeps_length(text: str) -> None:
    repaired = repair_glued(text)
    assert repaired.replace(" ", "") == text.replace(" ", "")
    assert len(blank_stamps(text, None)) == len(text)


def test_a_published_line_without_a_colon_dates_an_article_with_no_header() -> None:
    raw = "Bashir lands in Djibouti\nPublished May 12, 2016\nOmar al-Bashir arrived in Djibouti on Thursday.\n"
    (art,) = list(read_bytes("a.txt", raw.encode()))
    assert art.published == DateSpan.day(date(2016, 5, 12)) and art.basis == "date_line"  # type: ignore[union-attr]
    assert _trips(raw) == [("omar-al-bashir", "DJ", "2016-05-12", "completed")]
    # prose that starts with the word is not a date line
    (art,) = list(read_bytes("b.txt", b"Published in 2015, the report named Omar al-Bashir.\n"))
    assert art.published is None  # type: ignore[union-attr]
