"""riskcheck on a Dask cluster: news archives and trip tables larger than one machine.

Needs the ``dask`` extra (``pip install 'riskcheck[dask]'``); nothing else in riskcheck imports Dask.

- :func:`check_trips`: :func:`riskcheck.check_trips` over a Dask DataFrame (lazy, partition by partition).
- :func:`run_news` / :func:`run_batch`: what ``riskcheck news|batch --engine dask`` run, given a client
  from :func:`dask_client` (a new local cluster, or a scheduler's address).

Workers load the ruleset (and the extractor's indexes) once per process, when they start; outputs are
dataset folders written atomically (complete, without duplicates, or not at all).
"""

from __future__ import annotations

from .run import BatchRun, NewsRun, check_trips, dask_client, expand_inputs, read_table, run_batch, run_news

__all__ = ["BatchRun", "NewsRun", "check_trips", "dask_client", "expand_inputs", "read_table", "run_batch",
           "run_news"]
