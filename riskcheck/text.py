"""Text normalisation shared by the place and person resolvers and the news extractor.

``normalize`` turns a name as people type or print it into a lookup key: accents and case do not matter,
punctuation does not matter (except an apostrophe inside a word), and non-Latin letters are kept
(``Путин`` -> ``путин``). The same function must be used on both sides of every lookup.
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["normalize", "levenshtein", "translit", "spelling", "skeleton", "strip_leading_the", "compact_initials",
           "saint_variant"]

# apostrophe look-alikes -> ASCII apostrophe
_APOSTROPHES = "\u2019\u2018\u02bc\u02bb\u02b9\u0060\u00b4\u2032\uff07\u201b\u02bd\u02c8"
# dashes and connector punctuation -> space (also handled generically by category Pd/Pc below)
_SPACERS = "-_.\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u00b7\u30fb/\\"
# letters NFKD does not decompose: fold them the way people type them without accents
_FOLD = str.maketrans({
    "ø": "o", "đ": "d", "ð": "d", "ł": "l", "æ": "ae", "œ": "oe", "þ": "th", "ı": "i", "ħ": "h",
    "ŧ": "t", "ƒ": "f", "ŋ": "ng", "ĸ": "k", "ſ": "s", "ɨ": "i", "ʉ": "u", "ə": "e",
})


def _pass(s: str) -> str:
    import unicodedata  # (only for text beyond printable ASCII: a plain query does not load it)

    s = unicodedata.normalize("NFKD", s).casefold()
    s = unicodedata.normalize("NFKD", s).translate(_FOLD)
    out: list[str] = []
    for ch in s:
        if ch in _APOSTROPHES or ch == "'":
            out.append("'")
            continue
        if ch in _SPACERS:
            out.append(" ")
            continue
        if unicodedata.combining(ch):
            continue  # accents, diacritics
        cat = unicodedata.category(ch)
        if cat[0] in "LN" or cat[0] == "M":
            out.append(ch)
        elif cat == "Cf":
            continue  # zero-width joiners, soft hyphens: glue, not separators
        else:
            out.append(" ")  # other punctuation, symbols, controls, separators
    # keep an apostrophe only inside a word (d'Ivoire, Putin's); quotes around words become spaces
    chars = out
    for i, ch in enumerate(chars):
        if ch == "'":
            prev = chars[i - 1] if i > 0 else " "
            nxt = chars[i + 1] if i + 1 < len(chars) else " "
            if prev in (" ", "'") or nxt in (" ", "'"):
                chars[i] = " "
    return " ".join("".join(chars).split())


# string.punctuation, written out (importing ``string`` costs every query a millisecond)
_PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
_ASCII_PUNCT = str.maketrans({ch: " " for ch in _PUNCTUATION if ch != "'"} | {"`": "'"})
_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


def _lone_apostrophes(s: str) -> str:
    """``s`` with every apostrophe that is not inside a word ([a-z0-9] on both sides) made a space
    (as ``re.sub(r"(?<![a-z0-9])'|'(?![a-z0-9])", " ", s)``, without importing re at every start)."""
    chars = list(s)
    last = len(s) - 1
    for i, ch in enumerate(s):
        if ch == "'" and not (0 < i < last and s[i - 1] in _WORD_CHARS and s[i + 1] in _WORD_CHARS):
            chars[i] = " "
    return "".join(chars)


def _ascii(s: str) -> str:
    s = s.lower().translate(_ASCII_PUNCT)
    if "'" in s:
        s = _lone_apostrophes(s)
    return " ".join(s.split())


@lru_cache(maxsize=65536)
def normalize(s: str) -> str:
    """A lookup key for a name: accents and case folded, punctuation dropped, whitespace collapsed.

    >>> normalize("  Côte d’Ivoire ")
    "cote d'ivoire"
    >>> normalize("AL-BASHIR")
    'al bashir'
    >>> normalize("Путин")
    'путин'
    >>> normalize("U.S.")
    'u s'
    """
    if not s:
        return ""
    if s.isascii() and s.isprintable():
        return _ascii(s)
    out = _pass(s)
    # one pass is almost always a fixed point; a second one covers rare compatibility decompositions
    again = _pass(out)
    while again != out:
        out, again = again, _pass(again)
    return out


def saint_variant(key: str) -> str:
    """``saint petersburg`` <-> ``st petersburg`` (a normalized key); ``""`` when not applicable."""
    if key.startswith("saint "):
        return "st " + key[6:]
    if key.startswith("st "):
        return "saint " + key[3:]
    return ""


def strip_leading_the(key: str) -> str:
    """``the united kingdom`` -> ``united kingdom`` (a normalized key)."""
    return key[4:] if key.startswith("the ") and len(key) > 4 else key


def compact_initials(key: str) -> str:
    """Join runs of single-letter tokens: ``u s a`` -> ``usa``, ``washington d c`` -> ``washington dc``."""
    toks = key.split()
    if not any(len(t) == 1 for t in toks):
        return key
    out: list[str] = []
    run = ""
    for t in toks:
        if len(t) == 1 and t.isalpha():
            run += t
            continue
        if run:
            out.append(run)
            run = ""
        out.append(t)
    if run:
        out.append(run)
    return " ".join(out)


# --------------------------------------------------------------------------------------------------
# Fuzzy helpers (small and dependency-free)


def levenshtein(a: str, b: str, limit: int | None = None) -> int:
    """Edit distance between ``a`` and ``b``; ``limit + 1`` when it is more than ``limit`` (stops early).

    Bit-parallel (Myers 1999, in Hyyrö's formulation): one column of the edit-distance table is a pair of
    bit vectors of +1/-1 steps, updated a whole column at a time with integer operations.
    """
    if a == b:
        return 0
    if len(a) < len(b):
        a, b = b, a
    m, n = len(b), len(a)  # the shorter string is the pattern (its bit vectors are shorter)
    if limit is not None and n - m > limit:
        return limit + 1
    if m == 0:
        return n if limit is None or n <= limit else limit + 1
    peq: dict[str, int] = {}
    for i, c in enumerate(b):
        peq[c] = peq.get(c, 0) | (1 << i)
    full = (1 << m) - 1
    top = 1 << (m - 1)
    pv, mv, score = full, 0, m
    for k, c in enumerate(a):
        eq = peq.get(c, 0)
        xv = eq | mv
        xh = (((eq & pv) + pv) ^ pv) | eq
        ph = mv | (~(xh | pv) & full)
        mh = pv & xh
        if ph & top:
            score += 1
        elif mh & top:
            score -= 1
        ph = ((ph << 1) | 1) & full
        mh = (mh << 1) & full
        pv = mh | (~(xv | ph) & full)
        mv = ph & xv
        if limit is not None and score - (n - k - 1) > limit:
            return limit + 1  # even if every remaining character lowered the distance by one
    return score if limit is None or score <= limit else limit + 1


_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y",
    "ь": "", "э": "e", "ю": "yu", "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ў": "u",
}
_CYR = str.maketrans(_CYRILLIC)


def translit(key: str) -> str:
    """Romanise the Cyrillic letters of a normalized key (a rough BGN-like scheme, for matching only)."""
    return key.translate(_CYR)


_SKEL_PAIRS = (
    ("shch", "sh"), ("tch", "ch"), ("sch", "sh"), ("kh", "h"), ("ph", "f"), ("ou", "u"), ("oo", "u"),
    ("ee", "i"), ("dj", "j"), ("dzh", "j"), ("zh", "j"), ("ck", "k"), ("q", "k"), ("c", "k"), ("w", "v"),
    ("y", "i"), ("'", ""),
)


def spelling(key: str) -> str:
    """A normalized key with transliteration conventions evened out (Cyrillic romanised, French "ou" and
    "dj", "ph", doubled letters). Two names with the same spelling form are the same name written
    differently, so this may decide a match; :func:`skeleton` (coarser) may only suggest one.
    """
    s = translit(key)
    for a, b in (("ou", "u"), ("dj", "j"), ("ph", "f"), ("'", "")):
        s = s.replace(a, b)
    out: list[str] = []
    for ch in s:
        if out and out[-1] == ch and ch != " ":
            continue
        out.append(ch)
    return "".join(out)


def skeleton(key: str) -> str:
    """A coarse spelling-insensitive form of a normalized key, for fuzzy comparison only.

    ``netanyahou`` and ``netanyahu`` share one; so do ``putin`` and ``путин``.
    """
    s = translit(key)
    for a, b in _SKEL_PAIRS:
        s = s.replace(a, b)
    out: list[str] = []
    for ch in s:
        if out and out[-1] == ch:
            continue  # doubled letters
        out.append(ch)
    return "".join(out)
