"""Loading the data: every CSV column lands in the right field of the right record, optional columns may be
left out, codes are upper-cased, and the data's `checked` date is the latest of every file's.

A wrong field here is a wrong answer later (a withdrawal's dates swapped, a warrant's public date lost, a
source not cited), so each record is compared with the one it must become, field by field.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from riskcheck import ruleset as ruleset_module
from riskcheck.errors import DataError
from riskcheck.ruleset import (
    FILES,
    OPTIONAL_FILES,
    Alias,
    NonCompliance,
    OtherBasis,
    Person,
    PlaceAlias,
    Situation,
    State,
    TerritoryRule,
    Title,
    Warrant,
    WarrantEvent,
    Withdrawal,
    clear_cache,
    default_data_dir,
    load_ruleset,
    read_rows,
)

D = date.fromisoformat

#: every column of every file, with a distinct value in each (codes in lower case: loading upper-cases them)
FULL = {
    "states.csv": (
        "code,name,kind,signed,signature_withdrawn,deposited,deposit_type,deposit_withdrawn,entry_into_force,"
        "source,checked,confidence,note\n"
        "aa,Alphaland,un_member,1998-07-17,2001-01-02,2000-11-27,ratification,2000-12-01,2002-07-01,"
        "https://a.example/1 ; https://a.example/2,2025-03-01,medium,a note\n"
    ),
    "withdrawals.csv": (
        "code,announced,notified,effective,revoked,source,checked,confidence,note\n"
        "aa,2016-10-18,2016-10-27,2017-10-30,2017-03-07,https://w.example/1,2025-03-02,high,revoked in time\n"
        "aa,,2019-02-28,,,https://w.example/2,2025-03-02,low,no effective date given\n"
    ),
    "territories.csv": (
        "code,name,sovereign,applies,start,end,source,checked,confidence,note\n"
        "tt,Teeland,aa,Yes,2006-10-01,2010-12-31,https://t.example/1,2025-03-03,low,extended by declaration\n"
        "tt,Teeland,aa,NO,2011-01-01,,https://t.example/2,2025-03-03,high,\n"
    ),
    "situations.csv": (
        "situation,name,country,opened,trigger,source,checked,note\n"
        "sit-a,Situation in Alphaland,aa,2015-01-16,referral,https://s.example/1,2025-03-04,opened early\n"
    ),
    "other_bases.csv": (
        "code,basis,situation,start,end,crimes_from,crimes_to,instrument,source,checked,confidence,note\n"
        "aa,article_12_3,sit-a,2014-04-17,2020-05-01,2013-11-21,2014-02-22,Declaration of 2014,"
        "https://o.example/1,2025-03-05,medium,limited in time\n"
    ),
    "people.csv": (
        "person_id,name,nationality,born,source,checked,note\n"
        "p-one,Person One,aa,1952-10-07,https://p.example/1,2025-03-06,fictional\n"
    ),
    "warrants.csv": (
        "warrant_id,person_id,situation,case_number,article,issued,public,source,checked,confidence,note\n"
        "p-one-2,p-one,sit-a,ICC-02,58,2023-03-17,2023-03-20,https://x.example/2,2025-03-07,medium,sealed 3 days\n"
        "p-one-1,p-one,sit-a,ICC-01,58(1),2009-03-04,,https://x.example/1,2025-03-07,high,\n"
        "p-one-3,p-one,sit-a,,,,,https://x.example/3,2025-03-07,low,issue date unknown\n"
    ),
    "warrant_events.csv": (
        "warrant_id,date,event,ends_warrant,source,checked,note\n"
        "p-one-1,,reported,no,https://e.example/0,2025-03-08,undated\n"
        "p-one-1,2011-05-05,arrested,YES,https://e.example/1,2025-03-08,surrendered\n"
        "p-one-1,2010-01-01,died,no,https://e.example/2,2025-03-08,reported only\n"
    ),
    "aliases.csv": "person_id,alias,kind,lang\np-one,Uno,nickname,es\n",
    "titles.csv": "person_id,title,start,end\np-one,President of Alphaland,2012-05-07,2024-05-06\n",
    "non_compliance.csv": (
        "code,person_id,visit,decision_date,referred_to,decision,source,checked,note\n"
        "aa,p-one,2015-06-13..2015-06-15,2017-07-06,UNSC;ASP,ICC-1,https://n.example/1,2025-03-09,found\n"
    ),
    "places.csv": "alias,code,kind,note\nAlpha City,aa,city,the capital\n",
}

#: only the columns loading requires (optional ones left out: they default to "" or None)
MINIMAL = {
    "states.csv": ("code,name,signed,signature_withdrawn,deposited,deposit_type,deposit_withdrawn,"
                   "entry_into_force,source\nAA,Alphaland,,,,,,,https://a.example/1\n"),
    "withdrawals.csv": "code,announced,notified,effective,revoked,source\nAA,2016-10-18,,,,https://w.example/1\n",
    "territories.csv": "code,name,sovereign,applies,start,end,source\nTT,Teeland,AA,yes,,,https://t.example/1\n",
    "situations.csv": "situation,name,country,opened,source\nsit-a,Situation A,AA,,https://s.example/1\n",
    "other_bases.csv": "code,basis,situation,start,end,source\nAA,unsc_referral,sit-a,,,https://o.example/1\n",
    "people.csv": "person_id,name,source\np-one,Person One,https://p.example/1\n",
    "warrants.csv": "warrant_id,person_id,situation,issued,public,source\np-one-1,p-one,sit-a,2009-03-04,,"
                    "https://x.example/1\n",
    "warrant_events.csv": "warrant_id,date,event,source\np-one-1,2011-05-05,arrested,https://e.example/1\n",
    "aliases.csv": "person_id,alias\np-one,Uno\n",
    "titles.csv": "person_id,title,start,end\n",
    "non_compliance.csv": "code,person_id,decision_date,source\nAA,p-one,2017-07-06,https://n.example/1\n",
    "places.csv": "alias,code\nAlpha City,aa\n",
}


def write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture()
def full(tmp_path):
    rs = load_ruleset(write(tmp_path / "full", FULL))
    yield rs
    clear_cache()


def test_every_column_reaches_its_field(full):
    assert list(full.states) == ["AA"]
    assert full.states["AA"] == State(
        "AA", "Alphaland", "un_member", D("1998-07-17"), D("2001-01-02"), D("2000-11-27"), "ratification",
        D("2000-12-01"), D("2002-07-01"), ("https://a.example/1", "https://a.example/2"), D("2025-03-01"),
        "medium", "a note")
    assert full.withdrawals == {"AA": [
        Withdrawal("AA", D("2016-10-18"), D("2016-10-27"), D("2017-10-30"), D("2017-03-07"),
                   ("https://w.example/1",), D("2025-03-02"), "high", "revoked in time"),
        # no effective date: a notice takes effect one year after it is notified (art. 127(1))
        Withdrawal("AA", None, D("2019-02-28"), D("2020-02-28"), None, ("https://w.example/2",), D("2025-03-02"),
                   "low", "no effective date given"),
    ]}
    assert full.territories == {"TT": [
        TerritoryRule("TT", "Teeland", "AA", True, D("2006-10-01"), D("2010-12-31"), ("https://t.example/1",),
                      D("2025-03-03"), "low", "extended by declaration"),
        TerritoryRule("TT", "Teeland", "AA", False, D("2011-01-01"), None, ("https://t.example/2",),
                      D("2025-03-03"), "high", ""),
    ]}
    assert full.situations == {"sit-a": Situation("sit-a", "Situation in Alphaland", "AA", D("2015-01-16"),
                                                  "referral", ("https://s.example/1",), "opened early")}
    assert full.other_bases == {"AA": [OtherBasis(
        "AA", "article_12_3", "sit-a", D("2014-04-17"), D("2020-05-01"), "Declaration of 2014",
        ("https://o.example/1",), D("2025-03-05"), "limited in time", "medium", D("2013-11-21"), D("2014-02-22"))]}
    assert full.people == {"p-one": Person("p-one", "Person One", "AA", "1952-10-07", ("https://p.example/1",),
                                           "fictional")}
    assert full.aliases == [Alias("p-one", "Uno", "nickname", "es")]
    assert full.titles == [Title("p-one", "President of Alphaland", D("2012-05-07"), D("2024-05-06"))]
    assert full.non_compliance == [NonCompliance("AA", "p-one", "2015-06-13..2015-06-15", D("2017-07-06"),
                                                 "UNSC;ASP", "ICC-1", ("https://n.example/1",), "found")]
    assert full.places == [PlaceAlias("Alpha City", "AA", "city", "the capital")]


def test_warrants_in_issue_order_with_their_events_in_date_order(full):
    ev = {
        "undated": WarrantEvent("p-one-1", None, "reported", False, ("https://e.example/0",), "undated"),
        "arrested": WarrantEvent("p-one-1", D("2011-05-05"), "arrested", True, ("https://e.example/1",),
                                 "surrendered"),
        "died": WarrantEvent("p-one-1", D("2010-01-01"), "died", False, ("https://e.example/2",), "reported only"),
    }
    # issued first, then later ones; a warrant without an issue date last. Events by date, undated last.
    assert full.warrants == {"p-one": [
        Warrant("p-one-1", "p-one", "sit-a", "ICC-01", "58(1)", D("2009-03-04"), D("2009-03-04"),
                ("https://x.example/1",), D("2025-03-07"), "high", "",
                (ev["died"], ev["arrested"], ev["undated"])),
        Warrant("p-one-2", "p-one", "sit-a", "ICC-02", "58", D("2023-03-17"), D("2023-03-20"),
                ("https://x.example/2",), D("2025-03-07"), "medium", "sealed 3 days"),
        Warrant("p-one-3", "p-one", "sit-a", "", "", None, None, ("https://x.example/3",), D("2025-03-07"), "low",
                "issue date unknown"),
    ]}
    w1 = full.warrants["p-one"][0]
    assert w1.end == ev["arrested"] and w1.end_date == D("2011-05-05")
    assert full.warrants["p-one"][1].end is None and full.warrants["p-one"][1].end_date is None


def test_optional_columns_may_be_left_out(tmp_path):
    rs = load_ruleset(write(tmp_path / "minimal", MINIMAL))
    try:
        assert rs.states["AA"] == State("AA", "Alphaland", "", None, None, None, "", None, None,
                                        ("https://a.example/1",), None, "", "")
        # announced only: no notification, so no effective date is made up
        assert rs.withdrawals["AA"] == [Withdrawal("AA", D("2016-10-18"), None, None, None, ("https://w.example/1",),
                                                   None, "", "")]
        assert rs.territories["TT"] == [TerritoryRule("TT", "Teeland", "AA", True, None, None,
                                                      ("https://t.example/1",), None, "", "")]
        assert rs.situations["sit-a"] == Situation("sit-a", "Situation A", "AA", None, "", ("https://s.example/1",),
                                                   "")
        assert rs.other_bases["AA"] == [OtherBasis("AA", "unsc_referral", "sit-a", None, None, "",
                                                   ("https://o.example/1",), None, "", "", None, None)]
        assert rs.people["p-one"] == Person("p-one", "Person One", "", "", ("https://p.example/1",), "")
        (w,) = rs.warrants["p-one"]
        assert (w.case_number, w.article, w.confidence, w.note, w.public) == ("", "", "", "", D("2009-03-04"))
        # `ends_warrant` left out: an event does not end the warrant
        assert w.events == (WarrantEvent("p-one-1", D("2011-05-05"), "arrested", False, ("https://e.example/1",),
                                         ""),)
        assert w.end is None
        assert rs.aliases == [Alias("p-one", "Uno", "", "")]
        assert rs.non_compliance == [NonCompliance("AA", "p-one", "", D("2017-07-06"), "", "",
                                                   ("https://n.example/1",), "")]
        assert rs.places == [PlaceAlias("Alpha City", "AA", "", "")]
        assert rs.checked is None  # no file says when it was checked
    finally:
        clear_cache()


@pytest.mark.parametrize("name", ["states.csv", "withdrawals.csv", "territories.csv", "situations.csv",
                                  "other_bases.csv", "people.csv", "warrants.csv", "warrant_events.csv",
                                  "non_compliance.csv"])
def test_checked_is_the_latest_date_of_any_file(tmp_path, name):
    """The "data checked" date every answer shows: a file checked later than the rest moves it."""
    files = dict(FULL)
    header, row = files[name].split("\n", 1)
    cols = header.split(",")
    rows = [r.split(",") for r in row.strip().split("\n")]
    for r in rows:
        # the checked column is found by name; rows with commas inside a value are not used here
        if len(r) == len(cols):
            r[cols.index("checked")] = "2026-11-30"
    files[name] = header + "\n" + "\n".join(",".join(r) for r in rows) + "\n"
    try:
        assert load_ruleset(write(tmp_path / "d", files)).checked == D("2026-11-30")
    finally:
        clear_cache()


def test_the_latest_checked_date_without_edits(full):
    assert full.checked == D("2025-03-09")  # non_compliance.csv is checked last in FULL


def test_the_bundled_data_is_found_in_a_wheel_and_in_a_checkout(tmp_path, monkeypatch):
    pkg = tmp_path / "site" / "riskcheck"
    pkg.mkdir(parents=True)
    monkeypatch.setattr(ruleset_module, "__file__", str(pkg / "ruleset.py"))
    with pytest.raises(DataError) as e:
        default_data_dir()
    assert str(e.value) == (f"bundled data not found (looked in {pkg / 'data'} and {pkg.parent / 'data'})")
    (tmp_path / "site" / "data").mkdir()
    (tmp_path / "site" / "data" / "states.csv").write_text("code\n")
    assert default_data_dir() == tmp_path / "site" / "data"  # a checkout: data/ beside the package
    (pkg / "data").mkdir()
    (pkg / "data" / "states.csv").write_text("code\n")
    assert default_data_dir() == pkg / "data"  # a wheel: riskcheck/data, preferred
    (pkg / "data" / "states.csv").unlink()
    (pkg / "data" / "states.csv").mkdir()  # a folder of that name is not the file
    assert default_data_dir() == tmp_path / "site" / "data"


def test_read_rows_keeps_quoted_line_breaks_and_drops_surplus_cells(tmp_path):
    p = tmp_path / "x.csv"
    p.write_bytes(b'a,b\r\n"one\r\ntwo",2,surplus\r\nshort\r\n')
    assert read_rows(p) == [{"a": "one\r\ntwo", "b": "2", "_line": "3"}, {"a": "short", "b": "", "_line": "4"}]


def test_every_data_file_is_required(tmp_path):
    for missing in (f for f in FILES if f not in OPTIONAL_FILES):  # (an optional one is read as empty)
        folder = write(tmp_path / missing, {k: v for k, v in FULL.items() if k != missing})
        with pytest.raises(DataError) as e:
            load_ruleset(folder)
        assert str(e.value) == f"{folder / missing}: missing data file"
    clear_cache()


def test_the_loaded_ruleset_keeps_its_folder_and_raw_rows(full, tmp_path):
    assert full.path == (tmp_path / "full").resolve()
    assert full.raw["states.csv"][0]["code"] == "aa" and full.raw["states.csv"][0]["_line"] == "2"


# ---- dated records: both ends of a period are inside it --------------------------------------------------


def test_periods_include_their_first_and_last_day():
    from riskcheck.ruleset import OtherBasis, TerritoryRule, Title

    first, last = D("2006-10-01"), D("2010-12-31")
    rule = TerritoryRule("TT", "Teeland", "AA", True, first, last, (), None, "", "")
    title = Title("p", "President", first, last)
    basis = OtherBasis("AA", "unsc_referral", "s", first, last, "", (), None, "")
    for period in (rule, title):
        held = period.covers if isinstance(period, TerritoryRule) else period.held_on
        assert [held(d) for d in (D("2006-09-30"), first, last, D("2011-01-01"))] == [False, True, True, False]
    assert [basis.covers(d) for d in (D("2006-09-30"), first, last, D("2011-01-01"))] == [False, True, True, False]
    open_start = Title("p", "President", None, last)
    open_end = Title("p", "President", first, None)
    assert open_start.held_on(D("1900-01-01")) and not open_start.held_on(D("2011-01-01"))
    assert open_end.held_on(D("2100-01-01")) and not open_end.held_on(D("2006-09-30"))


# ---- territories follow their sovereign ------------------------------------------------------------------

TERRITORY_WORLD = {
    **FULL,
    "states.csv": (
        "code,name,kind,signed,signature_withdrawn,deposited,deposit_type,deposit_withdrawn,entry_into_force,"
        "source,checked,confidence,note\n"
        "BB,Betaland,un_member,1998-07-17,,2000-11-27,ratification,,2002-07-01,https://a.example/bb,2025-03-01,"
        "high,\n"
    ),
    "withdrawals.csv": ("code,announced,notified,effective,revoked,source,checked,confidence,note\n"
                        "BB,,2016-10-27,2017-10-27,,https://w.example/bb,2025-03-02,high,\n"),
    "territories.csv": (
        "code,name,sovereign,applies,start,end,source,checked,confidence,note\n"
        "TT,Teeland,BB,yes,2005-01-01,2016-12-31,https://t.example/tt,2025-03-03,high,\n"
        "UU,Uland,BB,no,,,https://t.example/uu,2025-03-03,high,excluded by declaration\n"
        "XX,Xland,ZZ,yes,,,https://t.example/xx,2025-03-03,high,\n"
    ),
    "other_bases.csv": FULL["other_bases.csv"].split("\n")[0] + "\n",
    "non_compliance.csv": FULL["non_compliance.csv"].split("\n")[0] + "\n",
}


@pytest.fixture()
def tworld(tmp_path):
    rs = load_ruleset(write(tmp_path / "tworld", TERRITORY_WORLD))
    yield rs
    clear_cache()


def test_a_territory_where_the_statute_applies_shares_its_sovereigns_withdrawal(tworld):
    from riskcheck.ruleset import StateStatus

    day = D("2016-12-31")
    (w,) = tworld.withdrawals["BB"]
    sov = tworld.state_status("BB", day)
    assert tworld.state_status("TT", day) == StateStatus(
        "TT", "Teeland", day, "party_withdrawing", "BB", D("2002-07-01"), D("2017-10-26"), w,
        f"territory of Betaland, where the Statute applies; {sov.detail}",
        ("https://t.example/tt", "https://a.example/bb", "https://w.example/bb"))
    # the day after its rule ends, no rule covers it: not extended to it
    st = tworld.state_status("TT", D("2017-01-01"))
    assert (st.code, st.day, st.status, st.party_until, st.withdrawal) == (
        "TT", D("2017-01-01"), "territory_excluded", D("2017-10-26"), w)
    assert st.detail == "territory of Betaland; the Rome Statute has not been extended to it"
    assert D("2017-01-01") in tworld.change_dates("TT") and D("2016-12-31") not in tworld.change_dates("TT")


def test_an_excluded_territory_of_a_state_that_withdrew(tworld):
    (w,) = tworld.withdrawals["BB"]
    st = tworld.state_status("UU", D("2016-12-31"))
    assert (st.status, st.party_until, st.withdrawal, st.detail) == (
        "territory_excluded", D("2017-10-26"), w, "territory of Betaland; excluded by declaration")
    st = tworld.state_status("UU", D("2017-10-27"))
    assert (st.code, st.day, st.status, st.party_until, st.withdrawal) == (
        "UU", D("2017-10-27"), "withdrawn", D("2017-10-26"), w)
    assert st.detail.startswith("territory of Betaland; Betaland is not bound: withdrawal (notified 2016-10-27)")


def test_a_territory_of_an_unknown_sovereign_is_a_data_error(tworld):
    with pytest.raises(DataError) as e:
        tworld.state_status("XX", D("2020-01-01"))
    assert str(e.value) == "territory XX: unknown sovereign 'ZZ'"


# ---- warrants --------------------------------------------------------------------------------------------


def test_warrant_status_fields(full):
    from riskcheck.ruleset import WarrantStatus

    ws = tuple(full.warrants["p-one"])
    assert full.warrant_status("p-one", D("2009-03-03")) == WarrantStatus(
        "p-one", "Person One", D("2009-03-03"), "not_yet_issued", ws)
    assert full.warrant_status("p-one", D("2011-05-05")) == WarrantStatus(
        "p-one", "Person One", D("2011-05-05"), "ended", ws, "arrested", D("2011-05-05"))
    assert full.warrant_status("p-one", D("2023-03-17")) == WarrantStatus(
        "p-one", "Person One", D("2023-03-17"), "outstanding_sealed", ws)
    assert full.warrant_status("p-one", D("2023-03-20")) == WarrantStatus(
        "p-one", "Person One", D("2023-03-20"), "outstanding", ws)
    assert full.warrant_status("nobody", D("2023-03-20")) == WarrantStatus(
        "nobody", "nobody", D("2023-03-20"), "none", ())
    # listings: the sealed one only with include_ended (everyone issued by then)
    assert [s.person_id for s in full.outstanding_on(D("2023-03-18"))] == []
    assert [s.person_id for s in full.outstanding_on(D("2023-03-18"), include_ended=True)] == ["p-one"]
    assert full.warrant_change_dates("p-one") == [D("2009-03-04"), D("2011-05-05"), D("2023-03-17"),
                                                  D("2023-03-20")]


STATES_WORLD = {
    **TERRITORY_WORLD,
    "states.csv": (
        "code,name,kind,signed,signature_withdrawn,deposited,deposit_type,deposit_withdrawn,entry_into_force,"
        "source,checked,confidence,note\n"
        "BB,Betaland,un_member,1998-07-17,,2000-11-27,ratification,,2002-07-01,https://a.example/bb,2025-03-01,high,\n"
        "CC,Cetaland,un_member,,,2010-01-05,,,2010-04-01,https://a.example/cc,2025-03-01,high,\n"
    ),
    "withdrawals.csv": (
        "code,announced,notified,effective,revoked,source,checked,confidence,note\n"
        "BB,,2016-10-27,2017-10-27,,https://w.example/bb,2025-03-02,high,\n"
        "CC,,2012-01-01,2013-01-01,,https://w.example/cc1,2025-03-02,high,\n"
        "CC,,2014-01-01,2015-01-01,,https://w.example/cc2,2025-03-02,high,\n"
    ),
    "territories.csv": TERRITORY_WORLD["territories.csv"].split("\n")[0] + "\n",
}


def test_every_status_names_its_state_and_day(tmp_path):
    rs = load_ruleset(write(tmp_path / "states", STATES_WORLD))
    try:
        for code, day, status in (("BB", "2002-06-30", "non_party"), ("BB", "2002-07-01", "party"),
                                  ("BB", "2016-10-27", "party_withdrawing"), ("BB", "2017-10-27", "withdrawn")):
            st = rs.state_status(code, D(day))
            assert (st.code, st.day, st.status) == (code, D(day), status)
        # the type of instrument left empty in the data: "instrument"
        assert rs.state_status("CC", D("2010-01-05")).detail == (
            "not yet a State Party: instrument deposited on 2010-01-05, in force from 2010-04-01")
        assert rs.state_status("CC", D("2010-04-01")).detail == (
            "State Party since 2010-04-01 (instrument deposited 2010-01-05)")
        # of two withdrawals that took effect, the later one is the state's status
        st = rs.state_status("CC", D("2016-01-01"))
        assert (st.status, st.party_until, st.withdrawal.sources) == ("withdrawn", D("2014-12-31"),
                                                                     ("https://w.example/cc2",))
    finally:
        clear_cache()


def test_a_warrant_not_yet_issued_says_so(full):
    w = full.warrants["p-one"][1]
    assert [w.status_on(D(d)) for d in ("2023-03-16", "2023-03-17", "2023-03-20")] == [
        "not_yet_issued", "outstanding_sealed", "outstanding"]
    assert full.warrants["p-one"][2].status_on(D("2030-01-01")) == "not_yet_issued"  # no issue date recorded


def test_of_two_ended_warrants_the_later_end_is_reported(tmp_path):
    files = {
        **STATES_WORLD,
        "warrants.csv": (
            "warrant_id,person_id,situation,case_number,article,issued,public,source,checked,confidence,note\n"
            "p-one-1,p-one,sit-a,,58,2020-01-01,,https://x.example/1,2025-03-07,high,\n"
            "p-one-2,p-one,sit-a,,58,2020-02-01,,https://x.example/2,2025-03-07,high,\n"
        ),
        "warrant_events.csv": (
            "warrant_id,date,event,ends_warrant,source,checked,note\n"
            "p-one-1,2020-12-01,withdrawn,yes,https://e.example/1,2025-03-08,\n"
            "p-one-2,2021-01-01,terminated,yes,https://e.example/2,2025-03-08,\n"
        ),
    }
    try:
        ws = load_ruleset(write(tmp_path / "ended", files)).warrant_status("p-one", D("2021-06-01"))
    finally:
        clear_cache()
    assert (ws.status, ws.ended_how, ws.ended_on) == ("ended", "terminated", D("2021-01-01"))
