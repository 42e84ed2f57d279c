"""Run the same `riskcheck` command lines with two installations and report any difference.

Usage: python scripts/compare_check.py OLD_RISKCHECK NEW_RISKCHECK
(e.g. the `riskcheck` script of a venv with main installed and of one with this branch). Each command line
runs as a fresh process with each; stdout, stderr and the exit code must be the same byte for byte. Each
installation gets a ruleset cache folder of its own. Prints one line per difference, then a count; exits 1
when anything differs.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile

QUERIES: list[list[str]] = [
    # plain checks: countries, cities, codes, names, dates of every precision
    ["check", "Putin", "South Africa", "--date", "2023-08-22"],
    ["check", "Vladimir Putin", "Ulaanbaatar", "--date", "2024-09-03"],
    ["check", "al-Bashir", "Jordan", "--date", "2017-03-29"],
    ["check", "Sergey Lavrov", "ZA"],
    ["check", "Putin", "ZA", "--date", "2023-10"],
    ["check", "Putin", "ZA", "--date", "2023"],
    ["check", "Putin", "MN", "--date", "2024-09-01..2024-09-05"],
    ["check", "Putin", "Hungary", "--date", "2025-06-01..2026-07-01"],
    ["check", "Netanyahu", "Hungary", "--date", "2025-04-03"],
    ["check", "Netanyahu", "Hungary", "--date=2025-04-03", "--format=json"],
    ["check", "--date", "2025-04-03", "Netanyahu", "HU", "--format", "csv"],
    ["check", "Netanyahu", "HU", "--format", "jsonl", "--date", "2025-04-03"],
    ["check", "vladimir-putin", "CN", "--date", "2023-10", "--format", "json"],
    ["check", "Putin", "China", "--date", "2023-10-18"],
    ["check", "Putin", "Johannesburg", "--date", "2023-08-22"],
    ["check", "Putin", "Victoria, Seychelles", "--date", "2024-01-01"],
    ["check", "Putin", "Victoria (Seychelles)", "--date", "2024-01-01"],
    ["check", "Putin", "Victoria", "--date", "2024-01-01"],
    ["check", "Putin", "710", "--date", "2024-01-01"],
    ["check", "Putin", "ZAF", "--date", "2024-01-01"],
    ["check", "Putin", "uk", "--date", "2024-01-01"],
    ["check", "Putin", "Burma", "--date", "2024-01-01"],
    ["check", "Putin", "Greenland", "--date", "2024-01-01"],
    ["check", "Putin", "Hong Kong", "--date", "2024-01-01"],
    ["check", "Duterte", "Philippines", "--date", "2024-01-01"],
    ["check", "Duterte", "Philippines", "--date", "2019-03-18"],
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
    ["check", "Putin", "ZA", "-o", "-", "--date", "2023-08-22"],
    ["check", "Putin", "ZA", "--output=-", "--date", "2023-08-22"],
    ["check", "Putin", "--date", "2024-01-01"],
    ["check", "Putin", "--date", "2024-01-01", "--format", "csv"],
    ["check", "Joe Bloggs", "France", "--date", "2024-01-01"],
    ["check", "Putin", "ZA", "--date", "2030-01-01"],
    ["check", "Putin", "ZA", "--date", "2026-12-31"],
    # errors and unusual input: handed to click, which must say the same as before
    ["check", "Vladmir Putn", "ZA"],
    ["check", "Gbagbo", "CI"],
    ["check", "Putin", "Atlantis"],
    ["check", "Putin", "USSR"],
    ["check", "Putin", "Russian"],
    ["check", "Putin", "ZA", "--date", "2023-13-45"],
    ["check", "Putin", "ZA", "--date", "soon"],
    ["check", "Putin", "ZA", "--date", "2024-02-01..2024-01-01"],
    ["check", "Putin", "ZA", "--date", ""],
    ["check", "Putin", "ZA", "--format", "xml"],
    ["check", "Putin", "ZA", "--format", "JSON"],
    ["check", "Putin", "ZA", "--date"],
    ["check", "Putin", "ZA", "--date", "2023-01-01", "--date", "2024-01-01"],
    ["check", "Putin", "ZA", "--bogus"],
    ["check", "Putin", "ZA", "extra"],
    ["check"],
    ["check", "--help"],
    ["check", "Putin", "ZA", "-h"],
    ["check", "--", "Putin", "ZA"],
    ["check", "", "ZA"],
    ["check", "Putin", ""],
    ["check", "Putin", "ZA", "-o=-"],
    ["--help"],
    ["--version"],
    [],
    ["parties", "--date", "2024-01-01"],
    ["warrants", "--date", "2024-01-01", "--format", "json"],
    ["chek", "Putin", "ZA"],
]


MINI = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "tests", "fixtures", "mini_data")
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
    p = subprocess.run([exe, *args], capture_output=True, env=env, timeout=120)
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
