"""Run the same `riskcheck` command lines with two installations and report any difference.

Usage: python scripts/compare_check.py OLD_RISKCHECK NEW_RISKCHECK
(e.g. the `riskcheck` script of a venv with main installed and of one with this branch). Each command line
runs as a fresh process with each; stdout, stderr and the exit code must be the same byte for byte. Each
installation gets a ruleset cache folder of its own. Prints one line per difference, then a count; exits 1
when anything differs. (Needs the test extra: it reads its command lines from tests/test_cli_fast.py.)
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
from tests.test_cli_fast import ANSWERED, HANDED_ON  # noqa: E402 - (the repository's root, first)

#: the command lines of tests/test_cli_fast.py (answered by the fast path, then handed to click), and more
QUERIES: list[list[str]] = [
    *ANSWERED,
    *(argv for argv, _ in HANDED_ON),
    # plain checks: countries, cities, codes, names, dates of every precision
    ["check", "Netanyahu", "Hungary", "--date", "2025-04-03"],
    ["check", "Netanyahu", "Hungary", "--date=2025-04-03", "--format=json"],
    ["check", "--date", "2025-04-03", "Netanyahu", "HU", "--format", "csv"],
    ["check", "vladimir-putin", "CN", "--date", "2023-10", "--format", "json"],
    ["check", "Putin", "China", "--date", "2023-10-18"],
    ["check", "Putin", "Johannesburg", "--date", "2023-08-22"],
    ["check", "Putin", "Victoria (Seychelles)", "--date", "2024-01-01"],
    ["check", "Putin", "ZAF", "--date", "2024-01-01"],
    ["check", "Putin", "Burma", "--date", "2024-01-01"],
    ["check", "Putin", "Greenland", "--date", "2024-01-01"],
    ["check", "Putin", "Hong Kong", "--date", "2024-01-01"],
    ["check", "Duterte", "Philippines", "--date", "2024-01-01"],
    ["check", "Gaddafi", "Libya"],
    ["check", "Saif al-Islam Gaddafi", "Libya", "--date", "2015-06-01"],
    ["check", "Omar al-Bashir", "Kenya", "--date", "2010-08-27"],
    ["check", "Omar al-Bashir", "Kenya", "--date", "2010-08-27", "--format", "json"],
    ["check", "Kony", "Uganda", "--date", "2020-01-01"],
    ["check", "Putin", "Tajikistan", "--date", "2025-10-09"],
    ["check", "Putin", "Burundi", "--date", "2017-10-27"],
    ["check", "Putin", "Ukraine", "--date", "2025-01-01"],
    ["check", "Путин", "Mongolia", "--date", "2024-09-03"],
    ["check", "PUTIN Vladimir", "Côte d’Ivoire", "--date", "2024-09-03"],
    ["check", "Putin", "ZA", "--output=-", "--date", "2023-08-22"],
    ["check", "Putin", "--date", "2024-01-01", "--format", "csv"],
    ["check", "Putin", "ZA", "--date", "2026-12-31"],
    # errors and unusual input: handed to click, which must say the same as before
    ["check", "Putin", "Russian"],
    ["check", "Putin", "ZA", "--date", "2024-02-01..2024-01-01"],
    ["check", "Putin", "ZA", "--format", "JSON"],
    ["check", "", "ZA"],
    ["check", "Putin", ""],
    [],
    ["warrants", "--date", "2024-01-01", "--format", "json"],
]

MINI = os.path.join(ROOT, "tests", "fixtures", "mini_data")
#: (environment added, command line): the wrapped text, and another data folder (or none) from RISKCHECK_DATA
VARIANTS: list[tuple[dict[str, str], list[str]]] = [
    *(({"COLUMNS": "60"}, q) for q in QUERIES[:8]),
    ({"COLUMNS": "30"}, ["check", "Putin", "Mongolia", "--date", "2024-09-03"]),
    ({"RISKCHECK_DATA": MINI}, ["check", "Putin", "ZA", "--date", "2023-08-22"]),
    ({"RISKCHECK_DATA": MINI}, ["check", "Putin", "--date", "2023-08-22"]),
    ({"RISKCHECK_DATA": MINI + "/nowhere"}, ["check", "Putin", "ZA", "--date", "2023-08-22"]),
    ({"RISKCHECK_DATA": MINI + "/states.csv"}, ["check", "Putin", "ZA", "--date", "2023-08-22"]),
    ({"RISKCHECK_DATA": ""}, ["check", "Putin", "ZA", "--date", "2023-08-22"]),
    ({}, ["--data", MINI, "check", "Putin", "ZA", "--date", "2023-08-22"]),
]


def run(exe: str, args: list[str], env: dict[str, str]) -> tuple[int, bytes, bytes]:
    with tempfile.TemporaryDirectory() as cwd:  # (some command lines write a file: `-o=-` is the file "=-")
        p = subprocess.run([exe, *args], capture_output=True, env=env, timeout=120, cwd=cwd)
    return p.returncode, p.stdout, p.stderr


def main() -> None:
    old, new = sys.argv[1], sys.argv[2]
    base = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "RISKCHECK_DATA", "_RISKCHECK_COMPLETE")}
    bad = 0
    with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
        envs = ({**base, "RISKCHECK_CACHE_DIR": a}, {**base, "RISKCHECK_CACHE_DIR": b})
        runs = [({}, q) for q in QUERIES] + VARIANTS
        for extra, args in runs:
            got_old, got_new = run(old, args, {**envs[0], **extra}), run(new, args, {**envs[1], **extra})
            if got_old != got_new:
                bad += 1
                print(f"DIFFERENT: {extra!r} {args!r}\n  old: {got_old!r}\n  new: {got_new!r}")
    print(f"{len(runs)} command lines, {bad} different")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
