"""``--engine dask``: on a local cluster of 2 worker processes, the same rows as the local engine.

One cluster for the module (starting worker processes is the slow part); a worker is killed mid-run
and the output is still complete and has no duplicates.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

pytest.importorskip("distributed")
pq = pytest.importorskip("pyarrow.parquet")
pa = pytest.importorskip("pyarrow")

from distributed.diagnostics.plugin import WorkerPlugin  # noqa: E402

from riskcheck.batch import check_trips as local_check_trips  # noqa: E402
from riskcheck.cli import cli as main  # noqa: E402
from riskcheck.cli_news import COLUMNS  # noqa: E402
from riskcheck.dask import check_trips, dask_client, run_news  # noqa: E402
from riskcheck.dask.run import MANIFEST, group_available  # noqa: E402

HERE = Path(__file__).parent
ARTICLES = sorted((HERE / "news_corpus" / "articles").glob("*.txt")) + sorted(
    (HERE / "news_blind" / "articles").glob("*.txt"))
TRIPS_CSV = HERE / "fixtures" / "batch" / "trips.csv"


@pytest.fixture(scope="module")
def client():
    with dask_client(workers=2) as c:
        yield c


@pytest.fixture(scope="module")
def shards(tmp_path_factory) -> Path:
    """40 articles: 3 JSON Lines shards (half with ids, a bad line each) and a Parquet file of 2 row groups."""
    d = tmp_path_factory.mktemp("news")
    texts = [a.read_text(encoding="utf-8") for a in ARTICLES[:40]]
    for k in range(3):
        with open(d / f"shard{k}.jsonl", "w", encoding="utf-8") as f:
            for i, t in enumerate(texts[k * 10:(k + 1) * 10]):
                rec = {"text": t, **({"id": f"s{k}-{i}"} if i % 2 else {})}
                f.write(json.dumps(rec) + "\n")
            f.write("{not json\n")
    rest = texts[30:40]
    ids = [f"pq-{i}" for i in range(len(rest))]
    pq.write_table(pa.table({"id": ids, "text": rest}), d / "more.parquet", row_group_size=5)
    with open(d / "more_as_jsonl.jsonl", "w", encoding="utf-8") as f:  # the local engine's view of it
        for i, t in zip(ids, rest, strict=True):
            f.write(json.dumps({"id": i, "text": t}) + "\n")
    return d


def _rows(df: pd.DataFrame, columns: list[str]) -> list[tuple[str, ...]]:
    return sorted(tuple("" if pd.isna(v) else str(v) for v in r) for r in df[columns].itertuples(index=False))


def _local_news(paths: list[str], tmp: Path) -> pd.DataFrame:
    out = tmp / "local.jsonl"
    res = CliRunner().invoke(main, ["news", *paths, "--format", "jsonl", "-o", str(out)])
    assert res.exit_code == 0, res.output
    return pd.read_json(out, lines=True, dtype=False)


def _reports(out: Path) -> pd.DataFrame:
    return pq.read_table(out / "reports").to_pandas()


def test_news_matches_local_engine(client, shards, tmp_path):
    jsonl = sorted(str(p) for p in shards.glob("shard*.jsonl"))
    out = tmp_path / "out"
    summary = run_news(client, [str(shards / "shard*.jsonl"), str(shards / "more.parquet")], str(out))
    local = _local_news([*jsonl, str(shards / "more_as_jsonl.jsonl")], tmp_path)
    got = _reports(out)
    assert len(local) > 50
    assert _rows(got, COLUMNS) == _rows(local, COLUMNS)  # same rows, none twice
    assert summary.articles == 40 and summary.skipped == 3 and summary.trips == len(local)
    # partitioned by publication year: each row sits in its year's folder
    for folder in (out / "reports").iterdir():
        year = folder.name.split("=", 1)[1]
        part = pq.read_table(folder).to_pandas()
        assert set(part["published"].str[:4].replace("", "unknown")) == {year}
    manifest = json.loads((out / MANIFEST).read_text())
    assert manifest["articles"] == 40 and manifest["reports"] == len(local)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary folder left


class _KillOnce(WorkerPlugin):
    """Kills its worker process right after the worker finished shard 2's task (its files are written,
    the scheduler never hears of the result), once: a marker file remembers it."""

    name = "test-kill-once"

    def __init__(self, marker: str) -> None:
        self.marker = marker

    def transition(self, key, start, finish, **kwargs):  # noqa: ANN001, ANN201 - distributed's hook
        if finish == "memory" and str(key).endswith("-2") and "riskcheck-news" in str(key) \
                and not os.path.exists(self.marker):
            Path(self.marker).write_text("killed")
            os._exit(1)


def test_worker_killed_mid_run_output_complete_without_duplicates(client, shards, tmp_path):
    marker = tmp_path / "killed"
    out = tmp_path / "out"
    files = [str(p) for p in sorted(shards.glob("shard*.jsonl"))] * 2  # 6 shards, the same articles twice
    client.register_plugin(_KillOnce(str(marker)))
    try:
        summary = run_news(client, files, str(out))
    finally:
        client.unregister_worker_plugin(_KillOnce.name)
        client.wait_for_workers(2, timeout=120)  # the nanny restarted the killed worker
    assert marker.exists(), "the worker was not killed: the test tested nothing"
    got = _reports(out)
    parts = sorted(p.name for p in (out / "reports").rglob("*.parquet"))
    assert set(parts) == {f"part-{k:06d}.parquet" for k in range(6)}  # one file per shard and year
    once = _local_news(files[:3], tmp_path)
    assert summary.trips == 2 * len(once) == len(got)
    # shard k and k+3 read the same file: every local row exactly twice, nothing else
    assert _rows(got, COLUMNS) == sorted(_rows(once, COLUMNS) * 2)


def test_failed_run_keeps_previous_output(client, shards, tmp_path):
    out = tmp_path / "out"
    run_news(client, [str(shards / "shard0.jsonl")], str(out))
    before = sorted(str(p.relative_to(out)) for p in out.rglob("*"))
    pq.write_table(pa.table({"body": ["x"]}), tmp_path / "bad.parquet")
    res = CliRunner().invoke(main, ["news", str(shards / "shard1.jsonl"), str(tmp_path / "bad.parquet"),
                                    "--engine", "dask", "--scheduler", client.scheduler.address, "-o", str(out)])
    assert res.exit_code == 2
    assert "bad.parquet: no column 'text'" in res.output
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*")) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    # an existing folder that is not riskcheck output is never replaced
    other = tmp_path / "mine"
    other.mkdir()
    (other / "notes.txt").write_text("keep")
    res = CliRunner().invoke(main, ["news", str(shards / "shard0.jsonl"), "--engine", "dask", "--scheduler",
                                    client.scheduler.address, "-o", str(other)])
    assert res.exit_code == 2 and "not riskcheck output" in res.output
    assert (other / "notes.txt").read_text() == "keep"


def test_batch_matches_local_engine(client, tmp_path):
    df = pd.read_csv(TRIPS_CSV, dtype=object, keep_default_na=False)
    big = pd.concat([df] * 7, ignore_index=True)
    big.to_csv(tmp_path / "a.csv", index=False)
    big.iloc[::-1].to_csv(tmp_path / "b.csv", index=False)
    res = CliRunner().invoke(main, ["batch", str(tmp_path / "*.csv"), "--engine", "dask", "--scheduler",
                                    client.scheduler.address, "-o", str(tmp_path / "out")])
    assert res.exit_code == 0, res.output
    got = pq.read_table(tmp_path / "out").to_pandas()
    want = local_check_trips(pd.concat([big, big.iloc[::-1]], ignore_index=True))
    assert list(got.columns) == list(want.columns)
    assert _rows(got, list(want.columns)) == _rows(want, list(want.columns))
    assert f"{len(want)} row(s)" in res.output


def test_check_trips_on_a_dask_dataframe(client):
    import dask.dataframe as dd

    df = pd.read_csv(TRIPS_CSV, dtype=object, keep_default_na=False)
    ddf = dd.from_pandas(df, npartitions=3)
    got = check_trips(ddf, person="Traveler", place="Destination", date="Date")
    want = local_check_trips(df, person="Traveler", place="Destination", date="Date")
    assert list(got.columns) == list(want.columns)
    assert got.compute().astype(object).values.tolist() == want.values.tolist()  # same rows, same order


@pytest.mark.skipif(not group_available(), reason="riskcheck.group_trips is not in this version yet")
def test_group_trips_matches_local_grouping(client, shards, tmp_path):
    from riskcheck import group_trips  # type: ignore[attr-defined]

    out = tmp_path / "out"
    run_news(client, [str(shards / "shard*.jsonl")], str(out), group=True)
    local = _local_news(sorted(str(p) for p in shards.glob("shard*.jsonl")), tmp_path)
    want = pd.DataFrame([t.to_row() for t in group_trips(local.astype(str).to_dict("records"))])
    got = pq.read_table(out / "trips").to_pandas()
    assert len(want) > 10
    assert _rows(got, list(want.columns)) == _rows(want, list(want.columns))


def test_default_install_does_not_import_dask(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(" date 2024-07-25 Vladimir Putin will visit China in October.", encoding="utf-8")
    code = ("import sys; from click.testing import CliRunner; from riskcheck.cli import cli as main; "
            f"r = CliRunner().invoke(main, ['news', {str(f)!r}, '--format', 'csv']); assert r.exit_code == 0; "
            "assert 'CN' in r.output; print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('dask', 'distributed', 'pyarrow')))")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert res.stdout.strip() == "[]"
