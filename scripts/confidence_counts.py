"""Count verdict confidence levels over a fixed grid (issue 11 review): every state and territory for three
wanted people on three dates. Run from a checkout: ``python scripts/confidence_counts.py``; for a baseline,
export an older commit (``git archive REV | tar -x -C /tmp/base``) and run it there with ``PYTHONPATH=.``."""

from __future__ import annotations

from collections import Counter

from riskcheck import where

PEOPLE = ("Putin", "Netanyahu", "Omar al-Bashir")
DATES = ("2024-09-03", "2025-06-01", "2026-07-01")


def main() -> None:
    """Print {confidence: count} and the number of verdicts."""
    total: Counter[str] = Counter()
    for person in PEOPLE:
        for day in DATES:
            total.update(v.confidence for v in where(person, day))
    print(dict(sorted(total.items())), sum(total.values()))


if __name__ == "__main__":
    main()
