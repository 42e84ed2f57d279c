"""Throughput of ``riskcheck news`` against ``dateparser.search.search_dates`` alone, on the same texts.

The corpus is built from our own annotated articles (tests/news_corpus/articles), shuffled and joined into
articles of about 3,000 characters. riskcheck runs its whole pipeline per article (header date, trip
extraction, verdict for every trip); dateparser only searches the text for dates. Cold start (import and
building the gazetteers, in a fresh interpreter) is measured separately.

    python benchmarks/bench_news.py [--articles 300] [--dateparser-articles 40] [--seed 7]

Targets: >= 8x dateparser's articles/s, >= 200 articles/s on one core, cold start < 1 s (rules only).
With the dependency parse (spaCy installed, ``riskcheck[nlp]``), all in the same run:

* >= 50 articles/s on one core on real news (the articles of ``--dev``, by default ``../shared/news-dev``
  beside the checkout, about 250 words each; our own corpus when that folder is missing);
* >= 500 articles/s on a firehose where 1 article in 20 is one of those and the rest is neutral text generated
  at run time (``neutral_article``);
* ``riskcheck news FOLDER --jobs N`` for each N of ``--jobs`` (whole command, wall time, speed-up over the
  first);
* cold start of ``riskcheck news`` on one article that needs the parse (so the model loads), < 1.5 s, next to
  the same command with ``--model none``.

The machine's load average is printed: on a shared machine the figures are noisy, compare ratios.
dateparser is a benchmark-only dependency (``pip install riskcheck[bench]``).
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "news_corpus" / "articles"
DEV = next((p / "shared" / "news-dev" / "articles" for p in (ROOT.parent, ROOT.parent.parent)
            if (p / "shared" / "news-dev" / "articles").is_dir()), ROOT.parent / "shared" / "news-dev" / "articles")
TARGET_CHARS = 3000


def build_corpus(n: int, seed: int, target: int = TARGET_CHARS) -> list[str]:
    """``n`` articles of ~``target`` characters made of shuffled paragraphs of our own corpus."""
    from riskcheck.news.readers import header_date

    paragraphs: list[str] = []
    for f in sorted(CORPUS.glob("*.txt")):
        text, _, _ = header_date(f.read_text(encoding="utf-8"))
        paragraphs += [p.strip() for p in text.split("\n") if len(p.strip()) > 40]
    if not paragraphs:
        raise SystemExit(f"no articles in {CORPUS}")
    rng = random.Random(seed)
    out: list[str] = []
    for _ in range(n):
        parts: list[str] = []
        size = 0
        while size < target:
            p = rng.choice(paragraphs)
            parts.append(p)
            size += len(p) + 1
        out.append("\n".join(parts))
    return out


# words for neutral articles generated at run time (no person, place or travel word of the gazetteers)
_SUBJECTS = ("The council", "The committee", "Local farmers", "The home side", "The museum", "Shoppers",
             "The school board", "Forecasters", "The bank", "Residents", "The orchestra", "Engineers")
_VERBS = ("approved", "discussed", "postponed a vote on", "praised", "questioned", "reviewed", "welcomed",
          "criticised", "published", "expanded")
_OBJECTS = ("the new budget", "a plan for the park", "the harvest figures", "the match schedule",
            "the library hours", "a report on water quality", "the bus timetable", "the recycling rules",
            "a proposal for cycle lanes", "the winter programme", "ticket prices", "the repair work")
_TAILS = ("after a long debate", "on Tuesday", "in a short statement", "despite some objections",
          "for the third time", "with little fuss", "earlier than expected", "in front of a large crowd", "")


def neutral_article(rng: random.Random, words: int = 250) -> str:
    """An article of about ``words`` words generated from the lists above: no one travels in it."""
    out: list[str] = []
    n = 0
    while n < words:
        sent = " ".join(x for x in (rng.choice(_SUBJECTS), rng.choice(_VERBS), rng.choice(_OBJECTS),
                                    rng.choice(_TAILS)) if x) + "."
        out.append(sent)
        n += len(sent.split())
    return " ".join(out)


def dev_articles(folder: Path | None) -> list[str]:
    """Bodies of the articles of a development folder (header dates blanked), for text like real news."""
    from riskcheck.news.readers import header_date

    if folder is None or not folder.is_dir():
        return []
    return [header_date(f.read_text(encoding="utf-8", errors="replace"))[0] for f in sorted(folder.glob("*.txt"))]


def firehose(n: int, seed: int, about_travel: list[str]) -> list[str]:
    """``n`` articles of ~250 words: one in 20 from ``about_travel``, the rest neutral, generated now."""
    rng = random.Random(seed)
    return [rng.choice(about_travel) if k % 20 == 0 else neutral_article(rng) for k in range(n)]


def cold_start(parse: bool = False) -> float:
    """Seconds for a fresh interpreter to import riskcheck.news and analyse one short text."""
    code = ("import time; t=time.perf_counter(); from riskcheck.news import extract_trips; "
            f"extract_trips('Vladimir Putin will visit China in October.', '2023-07-25', use_parse={parse}); "
            "print(time.perf_counter()-t)")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    return float(res.stdout.strip().splitlines()[-1])


# an article the rules alone cannot read (a passive with the traveller in an apposition): the model must load
_NEEDS_PARSE = (" date 2024-09-03 After weeks of speculation, the Russian leader Vladimir Putin, whose plane "
                "touched down late on Monday, was welcomed in Ulaanbaatar by an honour guard.\n")


def cli_cold_start(tmp: Path, model: str | None, repeat: int = 3) -> tuple[float, int]:
    """Best wall seconds of ``riskcheck news ONE_ARTICLE`` in a fresh process (``--model none``: rules only),
    and the number of trips it printed (1 when the parse ran)."""
    art = tmp / "one.txt"
    art.write_text(_NEEDS_PARSE, encoding="utf-8")
    cmd = [sys.executable, "-m", "riskcheck", "news", str(art), "--format", "csv"]
    if model:
        cmd += ["--model", model]
    best = float("inf")
    trips = 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        res = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, check=True)
        best = min(best, time.perf_counter() - t0)
        trips = max(0, len(res.stdout.strip().splitlines()) - 1)
    return best, trips


def jobs_scaling(tmp: Path, texts: list[str], jobs: list[int]) -> list[tuple[int, float]]:
    """Wall seconds of ``riskcheck news FOLDER --jobs N`` on ``texts`` written as files, for each N."""
    folder = tmp / "articles"
    folder.mkdir(exist_ok=True)
    for k, t in enumerate(texts):
        (folder / f"{k:05d}.txt").write_text(" date 2024-06-15 " + t, encoding="utf-8")
    out: list[tuple[int, float]] = []
    for n in jobs:
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "riskcheck", "news", str(folder), "--jobs", str(n), "--format", "csv",
                        "-o", str(tmp / f"out{n}.csv")], capture_output=True, cwd=ROOT, check=True)
        out.append((n, time.perf_counter() - t0))
    return out


def run_riskcheck(texts: list[str], published: str, parse: bool = False) -> tuple[float, int]:
    from riskcheck.cli_news import verdict_fields
    from riskcheck.news import extract_trips
    from riskcheck.news.extract import _published
    from riskcheck.ruleset import load_ruleset

    rs = load_ruleset()
    pub = _published(published)
    extract_trips("Vladimir Putin will visit China.", published, ruleset=rs, use_parse=parse)
    n_trips = 0
    t0 = time.perf_counter()
    for text in texts:
        for trip in extract_trips(text, pub, ruleset=rs, use_parse=parse):
            verdict_fields(trip, pub, rs)
            n_trips += 1
    return time.perf_counter() - t0, n_trips


def run_dateparser(texts: list[str]) -> float:
    from dateparser.search import search_dates

    search_dates("warm up on 25 July 2023", languages=["en"])
    t0 = time.perf_counter()
    for text in texts:
        search_dates(text, languages=["en"])
    return time.perf_counter() - t0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--dateparser-articles", type=int, default=40, help="dateparser is slow: a subset")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--published", default="2024-06-15")
    ap.add_argument("--dev", default=str(DEV) if DEV.is_dir() else "",
                    help="folder of real articles for the parse figures [default: ../shared/news-dev/articles "
                         "beside the checkout, else our own corpus]")
    ap.add_argument("--jobs", default="1,2", help="--jobs values to time, comma-separated")
    ap.add_argument("--jobs-articles", type=int, default=400, help="files (of the parse set) for the --jobs runs")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))

    cold = cold_start()
    texts = build_corpus(args.articles, args.seed)
    avg = sum(map(len, texts)) / len(texts)
    rc_time, n_trips = run_riskcheck(texts, args.published)
    rc_rate = len(texts) / rc_time
    try:
        dp_texts = texts[: args.dateparser_articles]
        dp_rate = len(dp_texts) / run_dateparser(dp_texts)
    except ImportError:
        dp_rate = 0.0
    print(f"corpus: {len(texts)} articles, {avg:.0f} characters on average, {n_trips} trips found")
    print(f"cold start (import + gazetteers + first article): {cold:.3f} s   (target < 1 s)")
    print(f"riskcheck news (full pipeline): {rc_rate:8.1f} articles/s   (target >= 200)")
    if dp_rate:
        print(f"dateparser search_dates alone: {dp_rate:8.1f} articles/s")
        print(f"ratio: {rc_rate / dp_rate:.1f}x   (target >= 8x)")
    else:
        print("dateparser not installed: pip install riskcheck[bench]")
    from riskcheck.news.parse import nlp

    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the start (figures are "
          "noisy on a shared machine; compare ratios within this run)")
    if nlp() is None:
        print("spaCy model not installed (pip install riskcheck[nlp]): parse figures skipped")
        return 0
    dev = dev_articles(Path(args.dev) if args.dev else None)
    if dev:
        rng = random.Random(args.seed)
        short = [rng.choice(dev) for _ in range(args.articles)]
        what = f"{args.dev} articles"
    else:
        short = build_corpus(args.articles, args.seed, target=1500)
        what = "our own corpus, ~1500 characters"
    words = sum(len(t.split()) for t in short) / len(short)
    p_time, p_trips = run_riskcheck(short, args.published, parse=True)
    r_time, r_trips = run_riskcheck(short, args.published, parse=False)
    print(f"with the parse, one core, {what} ({words:.0f} words on average): {len(short) / p_time:8.1f} "
          f"articles/s, {p_trips} trips   (target >= 50; rules alone {len(short) / r_time:.1f}/s, {r_trips} trips)")
    hose = firehose(args.articles * 10, args.seed, short)
    h_time, h_trips = run_riskcheck(hose, args.published, parse=True)
    print(f"with the parse, one core, firehose of {len(hose)} (1 in 20 from the above, the rest neutral text "
          f"generated now): {len(hose) / h_time:8.1f} articles/s, {h_trips} trips   (target >= 500)")
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        jobs = [int(j) for j in args.jobs.split(",") if j]
        scaling = jobs_scaling(tmp, [short[k % len(short)] for k in range(args.jobs_articles)], jobs)
        base = scaling[0][1]
        for n, secs in scaling:
            print(f"riskcheck news FOLDER --jobs {n}: {args.jobs_articles / secs:8.1f} articles/s wall "
                  f"(whole command, {args.jobs_articles} files of the parse set), speed-up {base / secs:.2f}x over --jobs "
                  f"{scaling[0][0]}")
        cold_rules, _ = cli_cold_start(tmp, "none")
        cold_model, trips = cli_cold_start(tmp, None)
        print(f"cold start, riskcheck news on one article, with the model: {cold_model:.3f} s ({trips} trip; "
              f"target < 1.5 s); rules only (--model none): {cold_rules:.3f} s")
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
