"""``--engine dask`` for ``riskcheck news`` and ``riskcheck batch``: checks, the client, the summary."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import click

from .cli import fail
from .errors import RiskcheckError

T = TypeVar("T")


def _need_dask() -> None:
    try:
        import dask.dataframe  # noqa: F401
        import distributed  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError:
        fail("--engine dask needs Dask and pyarrow: pip install 'riskcheck[dask]'")


def _explicit(ctx: click.Context, *names: str) -> list[str]:
    """Options among ``names`` that the user gave (not left at their default)."""
    given = []
    for name in names:
        source = ctx.get_parameter_source(name)
        if source is not None and source.name not in ("DEFAULT", "DEFAULT_MAP"):
            given.append(name)
    return given


def _run(ctx: click.Context, scheduler: str | None, workers: int | None, data: str | None,
         job: Callable[[Any], T]) -> T:
    from distributed.scheduler import KilledWorker

    from .dask.run import dask_client

    if scheduler and workers:
        fail("--workers starts a local cluster; with --scheduler the cluster has its own workers")
    try:
        with dask_client(scheduler, workers, data) as client:
            return job(client)
    except RiskcheckError as exc:
        fail(str(exc))
    except KilledWorker as exc:
        fail(f"workers died repeatedly on one task ({exc.args[0] if exc.args else exc}); nothing was written")
    except OSError as exc:
        fail(f"{exc.strerror or exc}; nothing was written")
    except Exception as exc:  # a task's failure, re-raised here: one line, not a traceback
        fail(f"the run failed ({type(exc).__name__}: {exc}); nothing was written")
    raise AssertionError  # unreachable: fail() exits


def news_on_dask(ctx: click.Context, inputs: Sequence[str], out: str | None, *, rs: Any, published: str | None,
                 text_col: str, warrant_only: bool, scheduler: str | None, workers: int | None,
                 group: str, report: str | None) -> None:
    """``riskcheck news --engine dask``: a Parquet dataset folder of reports (and trips) at ``out``."""
    if not out:
        fail("--engine dask writes a dataset folder: give it with -o OUT/")
    bad = _explicit(ctx, "fmt", "report")
    if bad:
        fail("--engine dask writes Parquet datasets; --format and --report do not apply")
    del report
    _need_dask()
    from .dask.run import _data_path, run_news

    data = _data_path(rs)
    summary = _run(ctx, scheduler, workers, data, lambda client: run_news(
        client, inputs, str(out), data=data, published=published, text_col=text_col, warrant_only=warrant_only,
        group=group == "trips"))
    err = sys.stderr
    print(f"news: {summary.articles} article(s) read in {summary.shards} shard(s), {summary.skipped} skipped, "
          f"{summary.trips} trip report(s)" + (f", {summary.grouped} fused trip(s)" if group == "trips" else "")
          + f" -> {out}", file=err)
    for src, why in summary.skipped_named:
        print(f"  skipped {src}: {why}", file=err)
    if summary.skipped > len(summary.skipped_named):
        print(f"  ... and {summary.skipped - len(summary.skipped_named)} more skipped", file=err)
    if summary.by_status:
        print("  by status: " + ", ".join(f"{k} {v}" for k, v in sorted(summary.by_status.items())), file=err)
    if summary.by_obligation:
        print("  by obligation: " + ", ".join(f"{k} {v}" for k, v in sorted(summary.by_obligation.items())),
              file=err)
    if summary.articles == 0 and summary.skipped:
        fail("no readable input")


def batch_on_dask(ctx: click.Context, inputs: Sequence[str], out: str | None, *, rs: Any,
                  scheduler: str | None, workers: int | None, person: str | None, place: str | None,
                  date: str | None, end: str | None, delimiter: str | None, encoding: str,
                  quiet: bool) -> dict[str, int]:
    """``riskcheck batch --engine dask``: a Parquet dataset folder at ``out``; the counts by obligation."""
    if not inputs:
        raise click.UsageError("no input: give CSV or Parquet files (globs and URLs work)", ctx)
    if not out:
        fail("--engine dask writes a dataset folder: give it with -o OUT/")
    if _explicit(ctx, "fmt", "raw"):
        fail("--engine dask writes a Parquet dataset; --format and --raw do not apply")
    _need_dask()
    from .dask.run import _data_path, run_batch

    data = _data_path(rs)
    summary = _run(ctx, scheduler, workers, data, lambda client: run_batch(
        client, inputs, str(out), data=data, person=person, place=place, date=date, end=end, delimiter=delimiter,
        encoding=encoding))
    if not quiet:
        by = summary.by_obligation
        click.echo(f"riskcheck: {summary.rows} row(s): " + ", ".join(f"{by.get(k, 0)} {k}" for k in
                                                                      ("yes", "no", "residual", "unknown"))
                   + f" -> {out}", err=True)
    return summary.by_obligation
