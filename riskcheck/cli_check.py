"""The `riskcheck` console entry point: plain ``riskcheck check`` queries answered without importing click.

Importing click (and what it imports) is most of a single query's start-up time. :func:`main` reads the
command line itself only when it is a ``check`` of a shape it fully understands (see :func:`parse_check`)
and the answer is an ordinary one; everything else (any other command, ``--help``, an unknown, repeated
or unusual option, ``--data``, an answer that is an error message) goes to the click command line
(:func:`riskcheck.cli.main`), so its messages and exit codes are click's own. Both paths render the answer
with the same functions (:func:`render_check`), so the output is the same byte for byte.
"""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # (typing.TYPE_CHECKING without importing typing, a few ms of every start)
if TYPE_CHECKING:
    from .record import Verdict
    from .ruleset import Ruleset

__all__ = ["FORMATS", "VERDICT_COLUMNS", "closed_pipe", "main", "parse_check", "render_check"]

#: the values of ``check --format`` (click.Choice in riskcheck/cli.py)
FORMATS = ("table", "csv", "json", "jsonl")

VERDICT_COLUMNS = ["person_id", "person", "country", "country_name", "sovereign", "city", "date", "start", "end",
                   "warrant", "obligation", "basis", "confidence", "explanation", "sources", "context", "notes"]
#: the columns of ``--format jsonl`` (csv has :data:`VERDICT_COLUMNS`)
JSONL_COLUMNS = VERDICT_COLUMNS + ["confidence_note", "checked", "projection", "warrant_ended_how", "candidates"]

#: the options of ``check`` read here, and the name each one sets
_OPTIONS = {"--date": "when", "--format": "fmt", "-o": "out", "--output": "out"}


def parse_check(args: list[str]) -> tuple[str, str | None, str | None, str, str | None] | None:
    """``(person, place, date, format, output)`` when ``args`` (the command line after the program name) is a
    ``check`` query of a plain shape, else None (the click command line reads it).

    Plain: ``check PERSON [PLACE]`` with any of ``--date D``, ``--format F`` (one of :data:`FORMATS`),
    ``-o -``/``--output -`` (standard output), each at most once, as ``--opt VALUE`` or ``--opt=VALUE``, in
    any order; no value or argument empty or starting with ``-`` (but the output ``-``).

    >>> parse_check(["check", "Putin", "South Africa", "--date", "2023-08-22"])
    ('Putin', 'South Africa', '2023-08-22', 'table', None)
    >>> parse_check(["check", "Putin", "--format=json"])
    ('Putin', None, None, 'json', None)
    >>> parse_check(["check", "Putin", "ZA", "--help"]) is None
    True
    """
    if not args or args[0] != "check":
        return None
    positional: list[str] = []
    given: dict[str, str] = {}
    i, n = 1, len(args)
    while i < n:
        arg = args[i]
        i += 1
        if not arg:
            return None
        if arg[0] != "-":
            positional.append(arg)
            continue
        name, eq, value = arg.partition("=")
        key = _OPTIONS.get(name)
        if key is None or key in given or (eq and name == "-o"):  # (click reads "-o=x" as the value "=x")
            return None
        if not eq:
            if i >= n:
                return None
            value = args[i]
            i += 1
        if not value or (value[0] == "-" and not (key == "out" and value == "-")):
            return None
        given[key] = value
    fmt = given.get("fmt", "table")
    out = given.get("out")
    if not 1 <= len(positional) <= 2 or fmt not in FORMATS or out not in (None, "-"):
        return None
    return positional[0], positional[1] if len(positional) == 2 else None, given.get("when"), fmt, out


# ------------------------------------------------------------------------------------------ rendering

_MARK = {"yes": "YES", "no": "no", "residual": "RESIDUAL", "unknown": "UNKNOWN"}

#: textwrap's whitespace, which it turns into spaces
_SPACES = str.maketrans(dict.fromkeys("\t\n\x0b\x0c\r", " "))


def render_check(verdicts: list[Verdict], one_place: bool, fmt: str) -> str:
    """The text ``riskcheck check`` prints for ``verdicts`` (one place's verdict, or every state's) in ``fmt``."""
    if fmt == "json":
        import json

        payload: object = verdicts[0].to_dict() if one_place else [v.to_dict() for v in verdicts]
        return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    if fmt in ("csv", "jsonl"):
        import io

        from .output import RecordWriter

        buf = io.StringIO()
        w = RecordWriter(buf, JSONL_COLUMNS if fmt == "jsonl" else VERDICT_COLUMNS, fmt)
        w.write_many(v.to_dict() for v in verdicts)
        w.close()
        return buf.getvalue()
    return render_verdict(verdicts[0], terminal_width()) if one_place else render_where(verdicts)


def terminal_width() -> int:
    """The terminal's width ($COLUMNS wins); text is not wrapped when stdout is not a terminal."""
    import os

    if not os.environ.get("COLUMNS", "").isdigit():
        try:
            tty = sys.stdout.isatty()
        except (AttributeError, ValueError, OSError):  # pragma: no cover - closed or unusual stdout
            tty = False
        if not tty:  # what terminal_width() says then, without importing riskcheck.output
            return 10**6
    from .output import terminal_width as width

    return width() or 10**6


def wrap(text: str, width: int, first: str, rest: str) -> list[str]:
    """``text`` wrapped to ``width`` as textwrap does (``first``/``rest`` indents, words never broken)."""
    flat = text.expandtabs().translate(_SPACES).rstrip(" ")
    if len(first) + len(flat) <= width and flat.replace(" ", "").isprintable():
        # one line (always, when not wrapped), no Unicode spaces: textwrap's answer, without importing it
        return [first + flat] if flat else [first.rstrip()]
    import textwrap

    return textwrap.wrap(text, width=width, initial_indent=first, subsequent_indent=rest,
                         break_long_words=False, break_on_hyphens=False) or [first.rstrip()]


def render_verdict(v: Verdict, width: int = 80) -> str:
    """One verdict as indented text, every paragraph wrapped to ``width`` (nothing cut)."""

    def para(text: str, first: str, rest: str) -> list[str]:
        return wrap(text, width, first, rest)

    where_ = v.country_name + (f" ({v.city})" if v.city else "")
    lines = [f"{v.person or '?'} in {where_} [{v.country}] on {v.date}"]
    conf = "" if v.confidence == "high" else f"   confidence: {v.confidence.upper()}"
    lines.append(f"  obligation to arrest: {_MARK[v.obligation]}   basis: {v.basis}   warrant: {v.warrant}{conf}")
    if v.confidence != "high" and v.confidence_note:
        lines += para(f"({v.confidence} confidence: {v.confidence_note})", "  ", "   ")
    lines += para(v.explanation, "  ", "  ")
    for n in v.notes:
        lines += para(f"note: {n}", "  ", "        ")
    if v.context:
        lines.append("  context:")
        for c in v.context:
            lines += para(c, "    - ", "      ")
    lines.append("  sources:")
    lines += [f"    - {s}" for s in v.sources]  # URLs are never broken
    return "\n".join(lines) + "\n"


def render_where(verdicts: list[Verdict]) -> str:
    """Every state's verdict as a table, then a one-line summary."""
    from .output import render_table

    rows = [{"country": v.country, "name": v.country_name, "obligation": v.obligation, "basis": v.basis,
             "confidence": v.confidence} for v in verdicts]
    cols = ["country", "name", "obligation", "basis"]
    if any(v.confidence != "high" for v in verdicts):  # shown when it is not high somewhere
        cols.append("confidence")
    text = render_table(rows, cols)
    first = verdicts[0] if verdicts else None
    if first is not None:
        n_yes = sum(v.obligation == "yes" for v in verdicts if not v.sovereign)
        n_res = sum(v.obligation == "residual" for v in verdicts if not v.sovereign)
        n_unk = sum(v.obligation == "unknown" for v in verdicts if not v.sovereign)
        n_states = sum(1 for v in verdicts if not v.sovereign)
        text += (f"\n{first.person or '?'} on {first.date}: {n_yes} of {n_states} states obliged to arrest"
                 f"{f', {n_res} residual' if n_res else ''}{f', {n_unk} unknown' if n_unk else ''}"
                 f" (warrant: {first.warrant}). Data checked {first.checked}.\n")
    return text


def stale_warning(rs: Ruleset, verdicts: list[Verdict]) -> str:
    """The stale-data line ``check`` prints on stderr ("" when the data is recent enough for the date asked)."""
    from datetime import date

    from .verdict import stale_note

    note = stale_note(rs, date.fromisoformat(verdicts[0].end)) if verdicts else ""
    return f"riskcheck: {note}" if note else ""


# ------------------------------------------------------------------------------------------ the entry point


def closed_pipe() -> None:
    """The reader of stdout went away (``| head``): a normal end, no message, exit 0."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # no second error when Python flushes stdout at exit
    except (OSError, ValueError):  # pragma: no cover - stdout without a file descriptor (tests)
        pass
    sys.exit(0)


def _answer(query: tuple[str, str | None, str | None, str, str | None]) -> tuple[str, str] | None:
    """(stderr line or "", stdout text) of a plain query, or None when the answer is an error (click's to say)."""
    import os

    from .errors import RiskcheckError
    from .ruleset import load_ruleset
    from .verdict import check, where

    person, place, when, fmt, _ = query
    data = os.environ.get("RISKCHECK_DATA") or None  # (`--data` itself is left to click)
    if data is not None and not os.path.isdir(data):
        return None
    try:
        rs = load_ruleset(data)
        verdicts = [check(person, place, when, rs)] if place else where(person, when, rs)
    except RiskcheckError:
        return None
    text = render_check(verdicts, place is not None, fmt)
    text.encode(sys.stdout.encoding or "utf-8", sys.stdout.errors or "strict")  # unprintable: click's to say
    return stale_warning(rs, verdicts), text


def main() -> None:
    """Console entry point (and ``python -m riskcheck``): a plain ``check`` here, anything else by click."""
    import os

    query = None if os.environ.get("_RISKCHECK_COMPLETE") else parse_check(sys.argv[1:])
    got = None
    if query is not None:
        try:
            got = _answer(query)
        except KeyboardInterrupt:  # as riskcheck.cli.main says it
            sys.stderr.write("riskcheck: interrupted\n")
            sys.exit(130)
        except Exception:  # noqa: BLE001 - a bug or an unusual case: click runs the query and reports it
            got = None
    if got is None:
        from .cli import main as click_main

        click_main()
        return
    warning, text = got
    if warning:
        sys.stderr.write(warning + "\n")
        sys.stderr.flush()
    try:  # as riskcheck.cli.writing does for stdout
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        closed_pipe()
    except OSError as exc:
        out = query[4] if query is not None else None
        sys.stderr.write(f"riskcheck: cannot write {out or 'to standard output'}: {exc.strerror}\n")
        sys.exit(2)
