"""The news-quality gate: `riskcheck news` scored on every annotated set against the recorded figures.

Each set is read once by ``riskcheck news DIR/articles --format csv -o OUT`` (in-process) and scored with the
owners' scorer ``../shared/eval/score_trips.py``. The test fails when precision or recall (people with a
warrant record), status (lenient) or date accuracy falls more than :data:`TOLERANCE` below the figure in
``tests/news_quality_baseline.json``. Raising a recorded figure is a deliberate edit of that file.

The owners' sets and the scorer live in ``../shared`` beside the checkout. Locally, when they are missing,
the tests skip; in CI (``CI=true``) they fail.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from riskcheck.cli import cli

ROOT = Path(__file__).resolve().parent.parent
BASELINE = json.loads((ROOT / "tests" / "news_quality_baseline.json").read_text())
TOLERANCE = 0.01
FIGURES = ("precision", "recall", "status", "date")
OWN_SETS = ("news_corpus", "news_blind", "news_blind2", "news_blind3", "news_blind4", "news_blind5", "news_blind6",
            "news_blind7", "news_blind8", "news_blind9", "news_blind10", "news_blind11",
            "news_blind12", "news_blind13", "news_blind14", "news_blind15", "news_blind16", "news_blind17",
            "news_blind18", "news_blind19", "news_blind20", "news_blind21", "news_blind22", "news_blind23",
            "news_blind24", "news_blind25", "news_blind26", "news_blind27", "news_blind28", "news_blind29",
            "news_blind30", "news_blind31", "news_blind32", "news_blind33", "news_blind34", "news_blind35",
            "news_blind36", "news_blind37", "news_blind38", "news_blind39", "news_blind40",
            "news_blind41", "news_blind42", "news_blind43", "news_blind44", "news_blind45", "news_blind46",
            "news_blind47", "news_blind48", "news_blind49", "news_blind50",
            "news_blind51", "news_blind52", "news_blind53", "news_blind54", "news_blind55", "news_blind56", "news_blind57", "news_blind58",
            "news_blind59", "news_blind60", "news_blind61", "news_blind62",
            "news_blind63", "news_blind64", "news_blind65", "news_blind66",
            "news_blind67", "news_blind68", "news_blind69", "news_blind70")
SHARED_SETS = ("news-dev", "news-dev2")


def shared_dir() -> Path | None:
    """``../shared`` beside the checkout (or beside a parent folder, for a git worktree)."""
    for base in (ROOT.parent, ROOT.parent.parent):
        cand = base / "shared"
        if (cand / "eval" / "score_trips.py").is_file():
            return cand
    return None


def _missing(what: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{what} is missing: the news-quality gate needs ../shared in CI")
    pytest.skip(f"{what} is missing (../shared beside the checkout)")


def gold_dir(name: str) -> Path:
    if name in OWN_SETS:
        return ROOT / "tests" / name
    shared = shared_dir()
    if shared is None or not (shared / name / "gold_trips.csv").is_file():
        _missing(f"../shared/{name}")
    assert shared is not None
    return shared / name


def score(name: str, tmp_path: Path) -> dict[str, float]:
    shared = shared_dir()
    if shared is None:
        _missing("../shared/eval/score_trips.py")
    assert shared is not None
    gold = gold_dir(name)
    out = tmp_path / f"{name}.csv"
    r = CliRunner().invoke(cli, ["news", str(gold / "articles"), "--format", "csv", "-o", str(out)],
                           env={"RISKCHECK_DATA": None})
    assert r.exit_code == 0, r.output
    p = subprocess.run([sys.executable, str(shared / "eval" / "score_trips.py"), str(out), str(gold)],
                       capture_output=True, text=True, timeout=120)
    m = re.search(r"RESULT precision=([\d.]+) recall=([\d.]+) status=([\d.]+) date=([\d.]+)", p.stdout)
    assert m, p.stdout + p.stderr
    return dict(zip(FIGURES, map(float, m.groups()), strict=True))


def test_baseline_names_every_set_and_figure():
    assert sorted(BASELINE) == sorted(OWN_SETS + SHARED_SETS)
    for name, figs in BASELINE.items():
        assert sorted(figs) == sorted(FIGURES), name
        assert all(0.0 <= v <= 1.0 for v in figs.values()), name


@pytest.mark.parametrize("name", OWN_SETS + SHARED_SETS)
def test_news_quality_does_not_fall(name, tmp_path):
    got = score(name, tmp_path)
    want = BASELINE[name]
    fallen = {k: (got[k], want[k]) for k in FIGURES if got[k] < want[k] - TOLERANCE}
    assert not fallen, (f"{name}: news quality fell below the recorded figures (got, recorded): {fallen}; "
                        f"all figures now: {got}")
