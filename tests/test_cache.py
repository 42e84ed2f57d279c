"""The prebuilt ruleset cache (riskcheck/cache.py): used when it matches, never stale, never required."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import riskcheck
from riskcheck import cache
from riskcheck.ruleset import FILES, clear_cache, load_ruleset
from riskcheck.verdict import check

MINI = Path(__file__).parent / "fixtures" / "mini_data"


@pytest.fixture()
def data(tmp_path, monkeypatch):
    """A copy of the mini data folder, and an empty cache folder for this test."""
    folder = tmp_path / "data"
    shutil.copytree(MINI, folder)
    monkeypatch.setenv("RISKCHECK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("RISKCHECK_CACHE", raising=False)
    clear_cache()
    yield folder
    clear_cache()


def _entries(folder: Path) -> list[Path]:
    return sorted((folder.parent / "cache").glob("ruleset-*.pickle"))


def _fail_build(path: Path):  # noqa: ANN202
    raise AssertionError("the ruleset was built from CSV, not read from the cache")


def test_second_load_comes_from_the_cache_with_the_same_answers(data, monkeypatch):
    first = check("Putin", "South Africa", "2023-08-22", load_ruleset(data))
    assert len(_entries(data)) == 1
    clear_cache()
    monkeypatch.setattr("riskcheck.ruleset._build", _fail_build)
    rs = load_ruleset(data)
    again = check("Putin", "South Africa", "2023-08-22", rs)
    assert again == first and first.obligation == "yes"
    assert rs.path == data.resolve() and "places.index" in rs._derived  # the indexes come with it


def test_an_edited_data_file_gives_a_new_answer(data):
    """Invalidation: the cache is keyed by the files' content, so an edit is seen at once."""
    assert check("Putin", "South Africa", "2023-08-22", load_ruleset(data)).basis == "state_party"
    warrants = data / "warrants.csv"
    text = warrants.read_text(encoding="utf-8")
    assert "58,2023-03-17,2023-03-17," in text
    warrants.write_text(text.replace("58,2023-03-17,2023-03-17,", "58,2024-01-10,2024-01-10,"), encoding="utf-8")
    clear_cache()
    v = check("Putin", "South Africa", "2023-08-22", load_ruleset(data))
    assert (v.obligation, v.basis) == ("no", "warrant_not_yet_issued")
    assert len(_entries(data)) == 2
    # and back: the first entry is valid again (same content, same key)
    warrants.write_text(text, encoding="utf-8")
    clear_cache()
    assert check("Putin", "South Africa", "2023-08-22", load_ruleset(data)).basis == "state_party"
    assert len(_entries(data)) == 2


def test_key_changes_with_version_data_folder_and_files(data, monkeypatch):
    key = cache.cache_key(data, FILES)
    assert cache.cache_key(data, FILES) == key
    other = data.parent / "other"
    shutil.copytree(data, other)
    assert cache.cache_key(other, FILES) != key  # each --data folder has its own entry
    monkeypatch.setattr(riskcheck, "__version__", "999")
    assert cache.cache_key(data, FILES) != key
    monkeypatch.undo()
    (data / "places.csv").write_text((data / "places.csv").read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert cache.cache_key(data, FILES) != key


def test_a_corrupt_entry_is_rebuilt(data):
    load_ruleset(data)
    (entry,) = _entries(data)
    entry.write_bytes(b"not a pickle")
    clear_cache()
    assert check("Putin", "South Africa", "2023-08-22", load_ruleset(data)).obligation == "yes"
    assert entry.read_bytes() != b"not a pickle"  # written again, atomically


def test_cache_can_be_turned_off_or_unwritable(data, monkeypatch, tmp_path):
    monkeypatch.setenv("RISKCHECK_CACHE", "0")
    assert check("Putin", "South Africa", "2023-08-22", load_ruleset(data)).obligation == "yes"
    assert _entries(data) == []
    monkeypatch.delenv("RISKCHECK_CACHE")
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("RISKCHECK_CACHE_DIR", str(blocker / "sub"))  # cannot be created
    clear_cache()
    assert check("Putin", "South Africa", "2023-08-22", load_ruleset(data)).obligation == "yes"


def test_old_entries_are_pruned(data, monkeypatch):
    monkeypatch.setattr(cache, "KEEP", 2)
    for i in range(4):
        (data / "titles.csv").write_text((data / "titles.csv").read_text(encoding="utf-8") + "\n" * (i + 1),
                                         encoding="utf-8")
        clear_cache()
        load_ruleset(data)
    assert len(_entries(data)) == 2


def test_the_city_table_is_read_from_its_own_entry(data, monkeypatch):
    from riskcheck import places

    rs = load_ruleset(data)
    monkeypatch.setattr(places, "_CITIES", None)
    first = places.resolve_place("Ulaanbaatar", rs)
    assert (first.code, first.city) == ("MN", "Ulaanbaatar")
    assert len(sorted((data.parent / "cache").glob("cities-*.pickle"))) == 1
    monkeypatch.setattr(places, "_CITIES", None)
    monkeypatch.setattr(places, "_read_city_table", _fail_build)
    assert places.resolve_place("Ulaanbaatar", rs) == first
    assert places.resolve_place("Victoria", rs) == places.resolve_place("Victoria", rs)


def test_a_table_entry_follows_its_file(data, tmp_path):
    """load_table: keyed by the file's content, so an edited file is read again (never a stale table)."""
    src = tmp_path / "table.txt"
    src.write_text("one", encoding="utf-8")
    reads: list[str] = []

    def build() -> str:
        reads.append(src.read_text(encoding="utf-8"))
        return reads[-1]

    assert cache.load_table("demo", src, build) == "one"
    assert cache.load_table("demo", src, build) == "one" and reads == ["one"]  # the second from the cache
    src.write_text("two", encoding="utf-8")
    assert cache.load_table("demo", src, build) == "two" and reads == ["one", "two"]
    assert len(sorted((data.parent / "cache").glob("demo-*.pickle"))) == 2


def test_raw_rows_are_read_again_from_the_files(data):
    """The entry leaves out the raw rows (a query does not need them); `data info` still gets every row."""
    built = load_ruleset(data).raw
    assert built["states.csv"]
    clear_cache()
    rs = load_ruleset(data)
    assert rs._raw is None and rs.raw == built


def test_the_news_gazetteer_and_place_names_come_from_their_own_entries(data, monkeypatch):
    """`riskcheck news` starts faster: the phrase automaton and the place names are read, not built, the second
    time; what they find is the same."""
    from riskcheck import places
    from riskcheck.news import mentions

    rs = load_ruleset(data)
    text = "Vladimir Putin flew to Ulaanbaatar on Monday and met the Mongolian president."
    monkeypatch.setattr(mentions, "_CACHE", {})
    monkeypatch.setattr(places, "_NAMES", None)
    built = mentions.gazetteer(rs).scan(text)
    folder = data.parent / "cache"
    assert len(sorted(folder.glob("gazetteer-*.pickle"))) == 1
    assert len(sorted(folder.glob("placenames-*.pickle"))) == 1
    names = places.place_names()
    monkeypatch.setattr(mentions, "_CACHE", {})
    monkeypatch.setattr(places, "_NAMES", None)
    monkeypatch.setattr(mentions.Gazetteer, "__init__", _fail_build)
    monkeypatch.setattr(places, "_build_place_names", _fail_build)
    again = mentions.gazetteer(rs)
    assert again.rs is rs and again.scan(text) == built
    assert {h.cat for h in built[1]} >= {"person", "place", "trigger"}
    assert places.place_names() == names and names["ulaanbaatar"][0].code == "MN"


def test_the_gazetteer_entry_follows_the_data(data, monkeypatch):
    """An alias added to the data folder is found at once: the entry is keyed by the data files' content."""
    from riskcheck.news import mentions

    monkeypatch.setattr(mentions, "_CACHE", {})
    text = "Comrade Zed flew to Ulaanbaatar."
    assert not any(h.cat == "person" for h in mentions.gazetteer(load_ruleset(data)).scan(text)[1])
    aliases = data / "aliases.csv"
    lines = aliases.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    putin = next(ln for ln in lines[1:] if ln.startswith("vladimir-putin,")).split(",")
    row = dict(zip(header, putin, strict=True))
    row["alias"] = "Comrade Zed"
    aliases.write_text("\n".join([*lines, ",".join(row[c] for c in header)]) + "\n", encoding="utf-8")
    clear_cache()
    hits = mentions.gazetteer(load_ruleset(data)).scan(text)[1]
    assert [h.value for h in hits if h.cat == "person"] == ["vladimir-putin"]
    assert len(sorted((data.parent / "cache").glob("gazetteer-*.pickle"))) == 2
