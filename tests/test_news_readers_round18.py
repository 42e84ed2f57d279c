"""A page's "Posted:" date written with numbers in either order (01/03/2007) is read in the order of the page's other
numeric dates; when they do not tell, only the year is kept, never a crawl date from the top bar."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from riskcheck.news.readers import header_date

TOP = "Wednesday, 9 October 2019 | Khartoum 39C | Log in\n\nSUDAN DAILY ONLINE\nHome | Politics | Archive\n\n"


def test_day_first_from_the_related_posts() -> None:
    text = TOP + "Posted: 01/03/2007 | 4 comments\n\nKhartoum - The government rejected ...\n\nRELATED\n- A (31/01/2007)\n"
    _, span, basis = header_date(text)
    assert basis == "date_line" and span is not None and (span.start, span.precision) == (date(2007, 3, 1), "day")


def test_month_first_from_the_related_posts() -> None:
    text = TOP + "Posted: 01/03/2007 | 4 comments\n\nText.\n\nRELATED\n- A (12/28/2006)\n"
    _, span, _ = header_date(text)
    assert span is not None and span.start == date(2007, 1, 3)


def test_no_order_on_the_page_keeps_only_the_year() -> None:
    text = TOP + "Posted: 01/12/2006 | 09:14 | By A Writer, Abuja\n\nAbuja - Leaders met on Wednesday.\n"
    _, span, basis = header_date(text)
    assert basis == "date_line" and span is not None
    assert (span.start, span.end, span.precision) == (date(2006, 1, 1), date(2006, 12, 31), "year")


@given(st.integers(1, 12), st.integers(1, 12), st.integers(1990, 2030), st.integers(13, 28))
def test_the_page_order_decides_every_ambiguous_date(a: int, b: int, year: int, big: int) -> None:
    dmy = TOP + f"Posted: {a:02d}/{b:02d}/{year}\n\nText.\n\nRelated (" + f"{big}/05/{year})\n"
    mdy = TOP + f"Posted: {a:02d}/{b:02d}/{year}\n\nText.\n\nRelated (" + f"05/{big}/{year})\n"
    _, s1, _ = header_date(dmy)
    _, s2, _ = header_date(mdy)
    assert s1 is not None and s1.start == date(year, b, a)
    assert s2 is not None and s2.start == date(year, a, b)
