"""The ruleset: what was true on a date for each state, territory and warrant, word for word, and loading."""

from __future__ import annotations

from datetime import date

import pytest

from riskcheck.errors import DataError
from riskcheck.ruleset import _one_year_after, _sources, clear_cache, load_ruleset, read_rows

from . import golden_verdicts
from .conftest import MINI


@pytest.fixture(scope="module")
def grid_rs(tmp_path_factory):
    rs = load_ruleset(golden_verdicts.make_data(tmp_path_factory.mktemp("golden") / "data"))
    yield rs
    clear_cache()


def test_status_grid_matches_the_golden_file(grid_rs):
    want = golden_verdicts.load(golden_verdicts.RULESET_GOLDEN)
    got = golden_verdicts.ruleset_grid(grid_rs)
    assert len(got) == len(want)
    for g, w in zip(got, want, strict=True):
        assert g == w


def test_grid_covers_every_status():
    rows = golden_verdicts.load(golden_verdicts.RULESET_GOLDEN)
    assert {r["status"] for r in rows if "code" in r and "status" in r} == {
        "party", "party_withdrawing", "withdrawn", "non_party", "territory_excluded"}
    assert {r["status"] for r in rows if "person" in r and "status" in r} == {
        "none", "not_yet_issued", "outstanding_sealed", "outstanding", "ended"}


def test_loading_derives_what_the_files_leave_implicit(grid_rs):
    # a notice without an effective date takes effect a year after notification (art. 127(1))
    (gm,) = grid_rs.withdrawals["GM"]
    assert (gm.notified, gm.effective, gm.revoked) == (date(2016, 11, 10), date(2017, 11, 10), date(2017, 2, 10))
    # the public date defaults to the issue date
    (w,) = grid_rs.warrants["vladimir-putin"]
    assert (w.issued, w.public) == (date(2023, 3, 17), date(2023, 3, 17))
    assert grid_rs.checked == date(2026, 1, 1)
    assert [w.warrant_id for w in grid_rs.warrants["omar-al-bashir"]] == ["omar-al-bashir-1", "omar-al-bashir-2"]
    assert grid_rs.states["CN"].confidence == "low" and grid_rs.states["ZA"].sources == ("https://example.org/src/za",)
    my = grid_rs.withdrawals["MY"][0]
    assert my.unconfirmed and not my.legal and my.takes_effect() is None
    bi = grid_rs.withdrawals["BI"][0]
    assert bi.legal and not bi.unconfirmed and bi.takes_effect() == date(2017, 10, 27)
    za = grid_rs.withdrawals["ZA"][0]
    assert za.legal and za.takes_effect() is None  # revoked
    ru = grid_rs.withdrawals["RU"][0]
    assert not ru.legal and not ru.unconfirmed and ru.takes_effect() is None  # announced only
    dead = grid_rs.warrants["dead-person"][0]
    assert dead.end is not None and (dead.end.date, dead.end.event) == (date(2015, 5, 5), "died")
    assert [e.event for e in dead.events] == ["died", "terminated"]


def test_unknown_codes_are_data_errors(grid_rs):
    with pytest.raises(DataError, match="unknown state or territory code 'XX'"):
        grid_rs.state_status("xx", date(2020, 1, 1))
    assert grid_rs.name_of("XX") == "XX" and grid_rs.sovereign_of("XX") == "XX"
    assert grid_rs.state_status("za", date(2020, 1, 1)).code == "ZA"
    assert grid_rs.change_dates("za") == grid_rs.change_dates("ZA")


def test_helpers():
    assert _one_year_after(date(2016, 2, 29)) == date(2017, 3, 1)
    assert _one_year_after(date(2016, 3, 1)) == date(2017, 3, 1)
    assert _sources(" a ; ;b;") == ("a", "b")
    assert _sources("") == ()


def test_read_rows(tmp_path):
    p = tmp_path / "x.csv"
    p.write_bytes("\ufeffa , b\n 1 ,\n2,3\n".encode())
    assert read_rows(p) == [{"a": "1", "b": "", "_line": "2"}, {"a": "2", "b": "3", "_line": "3"}]
    with pytest.raises(DataError) as e:
        read_rows(tmp_path / "none.csv")
    assert str(e.value) == f"{tmp_path / 'none.csv'}: missing data file"
    p.write_bytes(b"a\n\xff\n")
    with pytest.raises(DataError) as e:
        read_rows(p)
    assert str(e.value).startswith(f"{p}: cannot read: ")


def test_load_ruleset_errors_and_cache(tmp_path):
    with pytest.raises(DataError) as e:
        load_ruleset(tmp_path / "nope")
    assert str(e.value) == f"{tmp_path / 'nope'}: not a data folder"
    assert load_ruleset(MINI) is load_ruleset(str(MINI))
    (tmp_path / "empty").mkdir()
    with pytest.raises(DataError, match="states.csv: missing data file"):
        load_ruleset(tmp_path / "empty")


def test_derived_indexes_are_built_once(mini):
    calls = []
    assert mini.derived("test-key", lambda: calls.append(1) or "built") == "built"
    assert mini.derived("test-key", lambda: calls.append(1) or "again") == "built"
    assert calls == [1]
