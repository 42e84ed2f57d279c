"""Sentence splitting in linear time (no backtracking regexes), with character offsets."""

from __future__ import annotations

import re

# A sentence ends at a line break, or at . ! ? (with closing quotes/brackets) followed by a space, or
# glued to the next capitalised word when the page lost its spaces ("Emirates.Putin landed").
# (the look-behind comes after the first character so that every branch starts with a character class: the
# engine then skips ahead to candidate characters)
_END = re.compile(r"\n|[.!?]+[\"'”’)\]]*(?=\s)|[.!?](?<=[a-z]{2}[.!?])(?=[A-Z“\"])")
_ABBREV = frozenset(
    ["mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "st", "jr", "sr", "no", "vs", "etc", "u.s", "u.n", "e.g", "i.e", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc", "ltd", "co", "corp", "govt", "rep", "sen", "gov", "pres", "adm", "brig", "cmdr", "hon", "rev"]
)
MAX_SENTENCE = 2000  # longer runs are cut at a space so that per-sentence work stays bounded


def split(text: str) -> list[tuple[int, int]]:
    """Sentences of ``text`` as ``(start, end)`` offsets, stripped of surrounding blanks.

    >>> t = "Mr. Smith went to Paris. He left on Monday."
    >>> [t[a:b] for a, b in split(t)]
    ['Mr. Smith went to Paris.', 'He left on Monday.']
    """
    out: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    for m in _END.finditer(text):
        end = m.end()
        if m.group() != "\n" and m.group()[0] == ".":
            # abbreviation or initial: "Mr. X", "U.S. President", "J. Smith"
            j = m.start()
            k = j
            while k > start and j - k < 12 and (text[k - 1].isalpha() or text[k - 1] == "."):
                k -= 1
            word = text[k:j].lower()
            if word in _ABBREV or (len(word) == 1 and word.isalpha()):
                continue
            nxt = text[end : end + 3].lstrip()
            if nxt[:1].islower() or nxt[:1].isdigit():
                continue
        _emit(text, start, end, out)
        start = end
    if start < n:
        _emit(text, start, n, out)
    return out


def _emit(text: str, a: int, b: int, out: list[tuple[int, int]]) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    while b - a > MAX_SENTENCE:
        cut = text.rfind(" ", a + MAX_SENTENCE // 2, a + MAX_SENTENCE)
        if cut <= a:
            cut = a + MAX_SENTENCE
        out.append((a, cut))
        a = cut
        while a < b and text[a].isspace():
            a += 1
    if b > a:
        out.append((a, b))


_TERMINAL = re.compile(r"[.!?:\"”’)\]]\s*$")
_SOFT_BREAK = re.compile(r"(?<=[^\s.!?:\"”’)\]])[ \t]*\n(?=[ \t]*\S)")
_WRAP_MIN, _WRAP_MAX = 35, 100  # lengths of a hard-wrapped line


def unwrap(text: str) -> str:
    """Text hard-wrapped at a fixed width (no line over 110 characters, at least five of 35 or more, and half of
    those ending mid-sentence)
    with its soft line breaks made spaces, so that a sentence running over lines is read as one; other text is
    returned as it is. Offsets do not move: each break becomes as many spaces as it had characters."""
    lines = [ln.rstrip() for ln in text.split("\n") if ln.strip()]
    if not lines or max(len(ln) for ln in lines) > _WRAP_MAX + 10:
        return text
    full = [ln for ln in lines if len(ln) >= _WRAP_MIN]
    if len(full) < 5 or sum(1 for ln in full if not _TERMINAL.search(ln)) * 2 < len(full):
        return text
    return _SOFT_BREAK.sub(lambda m: " " * len(m.group()), text)
