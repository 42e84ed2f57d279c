"""Score ``riskcheck news`` output on the even and the odd article ids of an annotated set separately.

Tune on one half, check on the other: a figure that rises only on the half studied is fitted to its sentences.

Usage: python scripts/score_halves.py PREDICTED.csv GOLD_DIR [--verbose]

Runs the owners' scorer (``score_trips.py`` in ``GOLD_DIR/../eval``) on each half, filtering ``gold_trips.csv``
by ``article_id`` and the predicted rows by the article named in their ``source``.
"""

from __future__ import annotations

import csv
import re
import subprocess
import sys
import tempfile
from pathlib import Path


def article_id(source: str) -> str:
    """The article a predicted row belongs to: the file name in ``source`` without folders, ``:line`` or
    extension (as the scorer reads it)."""
    name = re.split(r"[\\/]", source)[-1]
    name = re.sub(r":\d+$", "", name)
    return name.rsplit(".", 1)[0]


def _half(rows: list[dict[str, str]], key: str, parity: int) -> list[dict[str, str]]:
    out = []
    for r in rows:
        ident = article_id(r[key]) if key == "source" else r[key]
        digits = re.sub(r"\D", "", ident)
        if digits and int(digits) % 2 == parity:
            out.append(r)
    return out


def _write(path: Path, fields: list[str], rows: list[dict[str, str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=fields)
        w.writeheader()
        w.writerows(rows)


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    pred, gold_dir = Path(argv[0]), Path(argv[1])
    extra = argv[2:]
    scorer = gold_dir.parent / "eval" / "score_trips.py"
    with pred.open(encoding="utf-8", newline="") as f:
        rd = csv.DictReader(f)
        pfields, prows = list(rd.fieldnames or []), list(rd)
    with (gold_dir / "gold_trips.csv").open(encoding="utf-8", newline="") as f:
        rd = csv.DictReader(f)
        gfields, grows = list(rd.fieldnames or []), list(rd)
    for name, parity in (("even", 0), ("odd", 1)):
        with tempfile.TemporaryDirectory() as tmp:
            t = Path(tmp)
            (t / "gold").mkdir()
            _write(t / "gold" / "gold_trips.csv", gfields, _half(grows, "article_id", parity))
            _write(t / "pred.csv", pfields, _half(prows, "source", parity))
            res = subprocess.run([sys.executable, str(scorer), str(t / "pred.csv"), str(t / "gold"), *extra],
                                 capture_output=True, text=True)
            print(f"== {name} article ids")
            print(res.stdout.rstrip())
            if res.returncode not in (0, 1):
                print(res.stderr.rstrip(), file=sys.stderr)
                return res.returncode
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
