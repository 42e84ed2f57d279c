"""Throughput of ``riskcheck news`` against ``dateparser.search.search_dates`` alone, on the same texts.

The corpus is built from our own annotated articles (tests/news_corpus/articles), shuffled and joined into
articles of about 3,000 characters. riskcheck runs its whole pipeline per article (header date, trip
extraction, verdict for every trip); dateparser only searches the text for dates. Cold start (import and
building the gazetteers, in a fresh interpreter) is measured separately.

    python benchmarks/bench_news.py [--articles 300] [--dateparser-articles 40] [--seed 7]

Targets: >= 8x dateparser's articles/s, >= 200 articles/s on one core, cold start < 1 s (rules only).
With the dependency parse (spaCy installed, ``riskcheck[nlp]``): >= 50 articles/s on ~250-word articles,
>= 500 articles/s on a firehose where 1 article in 20 is about travel (the rest neutral text of our own),
cold start with the model < 1.5 s.
dateparser is a benchmark-only dependency (``pip install riskcheck[bench]``).
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "news_corpus" / "articles"
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


_NEUTRAL = ("The council approved the new budget after a long debate on Tuesday.",
            "Rain is expected across the region for most of the week, forecasters said.",
            "Shares in the bank rose two percent in early trading.",
            "The home side scored twice in the second half to win the match.",
            "Local schools will reopen on Monday after the holiday break.",
            "Farmers say the harvest was better than last year despite the dry spring.",
            "The museum's new wing opens to visitors next month.",
            "Traffic on the ring road was slow because of roadworks.")


def firehose(n: int, seed: int, about_travel: list[str]) -> list[str]:
    """``n`` articles of ~250 words: one in 20 from ``about_travel``, the rest neutral sentences."""
    rng = random.Random(seed)
    out: list[str] = []
    for k in range(n):
        if k % 20 == 0:
            out.append(rng.choice(about_travel))
        else:
            out.append(" ".join(rng.choice(_NEUTRAL) for _ in range(20)))
    return out


def cold_start(parse: bool = False) -> float:
    """Seconds for a fresh interpreter to import riskcheck.news and analyse one short text."""
    code = ("import time; t=time.perf_counter(); from riskcheck.news import extract_trips; "
            f"extract_trips('Vladimir Putin will visit China in October.', '2023-07-25', use_parse={parse}); "
            "print(time.perf_counter()-t)")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    return float(res.stdout.strip().splitlines()[-1])


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

    if nlp() is None:
        print("spaCy model not installed (pip install riskcheck[nlp]): parse figures skipped")
        return 0
    short = build_corpus(args.articles, args.seed, target=1500)
    words = sum(len(t.split()) for t in short) / len(short)
    p_time, p_trips = run_riskcheck(short, args.published, parse=True)
    r_time, r_trips = run_riskcheck(short, args.published, parse=False)
    hose = firehose(args.articles * 10, args.seed, short)
    h_time, _ = run_riskcheck(hose, args.published, parse=True)
    print(f"with the parse, {words:.0f}-word articles: {len(short) / p_time:8.1f} articles/s, {p_trips} trips   "
          f"(target >= 50; rules alone {len(short) / r_time:.1f}/s, {r_trips} trips)")
    print(f"with the parse, firehose (1 in 20 about travel): {len(hose) / h_time:8.1f} articles/s   (target >= 500)")
    print(f"cold start with the model: {cold_start(parse=True):.3f} s   (target < 1.5 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
