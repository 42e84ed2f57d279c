"""Per-text state of the news pipeline: the sentence (tokens and phrase-table hits located by token), the
document (people and events met so far, drafts of trips), and the records they hold (Trip, Entity, Mention,
Place, Event, _Draft).
"""

from __future__ import annotations

import bisect
import datetime as _dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import TYPE_CHECKING

from ..dates import DateSpan
from ..places import PlaceName
from ..ruleset import Ruleset
from . import dates as ndates
from . import tables
from .dates import DateExpr, Tok
from .mentions import Gazetteer, Hit

if TYPE_CHECKING:
    from .venues import Plan

_GAP_TOKEN = re.compile(r"([\W_]*)([^\W_]+)")  # the characters before a token, and the token
_LIST_AND = frozenset({"and", "et"})
_PLACE_KIND_RANK = {"country": 0, "territory": 1, "capital": 2, "city": 3}
_NAME_LINKS = frozenset({"bin", "al", "el", "ibn", "abu", "de", "da", "van", "von", "der", "du", "la"})
_NAME_STOP = frozenset({"the", "a", "an", "in", "on", "at", "to", "of", "and", "for", "with", "from", "by", "as",
                        "will", "said", "says", "has", "had", "is", "was", "who", "which", "that", "this", "it",
                        "his", "her", "their", "its", "report", "reports", "summit", "visit", "jr"})
_POSSESSIVE_SKIP = frozenset({"first", "last", "planned", "upcoming", "state", "official", "recent", "previous",
                              "latest", "next", "second", "third", "fourth", "two", "day", "working", "foreign",
                              "diplomatic", "surprise", "historic", "rare", "brief", "overseas", "only", "four",
                              "five", "three", "week", "long", "weeklong", "landmark", "controversial",
                              "derniere", "premiere", "precedente", "prochaine", "seule"})
# a landscape feature named after a place: "Lake Geneva", "Mount Kenya", "the Gulf of Aden", "the Congo River"
_FEATURES_BEFORE = frozenset({"lake", "mount", "mt"})
_FEATURES_OF = frozenset({"gulf", "sea", "bay", "strait", "straits", "lake", "isle"})
_FEATURES_AFTER = frozenset({"river", "lake", "basin"})
_INSTRUMENTS = frozenset({"statute", "accord", "accords", "agreement", "agreements", "protocol", "convention",
                          "conventions", "declaration", "treaty", "charter", "memorandum", "principles"})
# "the Shanghai Cooperation Organisation", "the Paris Club": a body named after a city, not the city
_BODIES = frozenset({"cooperation", "organisation", "organization", "club"})
# "the Bush family", "the Kennedy clan": a town's name before a word for a family or a government is a surname
_HOUSEHOLD = frozenset({"family", "families", "clan", "dynasty", "administration", "presidency", "era"})
_BUILDING_PREP = frozenset({"at", "to", "into", "inside", "outside"})  # "dined at the White House"
_BEING_IN = frozenset({"back", "was", "were", "is", "are", "be", "been", "arrived", "arrives"})  # "was back in the Kremlin"
PARSE_BUDGET = 200  # sentences parsed per text at most (keeps hostile input linear and fast)


@dataclass(frozen=True, slots=True)
class Trip:
    """One trip reported in a text.

    ``start``/``end`` are ISO dates (or ``""`` when unknown) at ``precision`` (day, week, month, year, range,
    unknown); ``span`` the character offsets of ``evidence`` in the text.
    """

    person_id: str
    person: str
    mention: str
    country: str
    city: str
    start: str
    end: str
    precision: str
    status: str
    event: str
    evidence: str
    span: tuple[int, int]


@dataclass(slots=True)
class Entity:
    key: str
    name: str
    pid: str = ""
    nationality: str = ""


@dataclass(slots=True)
class Mention:
    i: int
    j: int
    entity: Entity | None
    text: str
    kind: str  # name | title | role | surname | pronoun
    obj: bool = False
    possessive: bool = False


@dataclass(slots=True)
class Place:
    i: int
    j: int
    code: str
    kind: str  # country | territory | capital | city | demonym | government
    city: str
    text: str
    demonym: bool = False


@dataclass(slots=True)
class Event:
    sent: int
    noun: str
    name: str
    code: str
    city: str
    date: DateExpr | None
    span: tuple[_dt.date, _dt.date, str] | None = None  # the edition's own dates, from data/events.csv
    series: str = ""  # the event series id (riskcheck.events), when the mention names one


@dataclass(slots=True)
class _Draft:
    entity: Entity
    mention: str
    code: str
    city: str
    spans: list[tuple[date, date, str]]
    status: str
    event: str
    sentences: list[tuple[int, int]] = field(default_factory=list)
    weak: bool = False  # "X heads to Y" (a headline's present): on the way, or a plan the article dates
    recent: bool = False  # undated, completed or ongoing, no "last"/"previous"/"first ... since" cue: a current trip
    after_all: bool = False  # "... but eventually reached X": made despite a delay reported in the same sentence
    earlier: bool = False  # inferred from "first visit ... since/in N years": no leg of the current journey
    guessed: bool = False  # dated to the report day for want of a date of its own: a date stated later wins


class _Sentence:
    """Tokens of one sentence and the hits inside it, located by token index."""

    def __init__(self, text: str, folded: str, a: int, b: int, hits: list[Hit]) -> None:
        self.a, self.b, self.text = a, b, text
        # one match per token with the characters before it: (gap, word)
        spans = [(m.span(2), m.group(1)) for m in _GAP_TOKEN.finditer(text, a, b)]
        toks = [Tok(s, e, folded[s:e], text[s].isupper(), gap) for (s, e), gap in spans]
        self.toks = toks
        self.words = [t.word for t in toks]
        starts = self.starts = [t.start for t in toks]
        self.hits: dict[str, list[tuple[int, int, Hit]]] = {}
        if hits:
            n = len(toks)
            for h in hits:
                i = bisect.bisect_left(starts, h.start)
                if i >= n or starts[i] != h.start:
                    continue
                j = bisect.bisect_left(starts, h.end, i)
                if toks[j - 1].end != h.end:
                    continue
                self.hits.setdefault(h.cat, []).append((i, j, h))
        self._dates: list[DateExpr] | None = None
        self._places: list[Place] | None = None
        self._longest: dict[str, list[tuple[int, int, Hit]]] = {}

    @property
    def dates(self) -> list[DateExpr]:
        if self._dates is None:
            self._dates = ndates.find(self.toks)
        return self._dates

    def get(self, cat: str, longest: bool = True) -> list[tuple[int, int, Hit]]:
        items = self.hits.get(cat, [])
        if not longest or len(items) < 2:
            return items
        cached = self._longest.get(cat)
        if cached is not None:
            return cached
        out: list[tuple[int, int, Hit]] = []
        self._longest[cat] = out
        last = -1
        for item in sorted(items, key=lambda t: (t[0], -t[1])):
            if item[0] >= last:
                out.append(item)
                last = item[1]
        return out


class _Doc:
    def __init__(self, text: str, pub: DateSpan | None, rs: Ruleset, g: Gazetteer) -> None:
        self.text, self.pub, self.rs, self.g = text, pub, rs, g
        self.titles = self.titles_at(pub.start if pub else date.today())
        self.known_surnames: dict[str, str] = {}  # last word of a wanted person's name seen in full -> id
        self.entities: dict[str, Entity] = {}
        self.surnames: dict[str, Entity] = {}
        self.role_holders: dict[str, Entity] = {}  # role word -> the person last named with it
        self.role_all: dict[str, list[Entity]] = {}  # role word -> everyone named with it
        self.counts: dict[str, int] = {}  # entity key -> mentions so far (salience)
        self.last_subject: Entity | None = None
        self.recent: list[Entity] = []  # the last few people named, latest last ("the two leaders met")
        # (end, people) of the last sentence that named someone: "Bashir and Kiir are expected back. The two men ..."
        self.named_last: tuple[int, list[Entity]] = (0, [])
        self.party_end = -1  # end of the last sentence naming a delegation (news.delegation)
        self.last_subject_age = 99
        # who the story was about before the sentence being read named anyone (dependency._mooted_for)
        self.subject_before: tuple[Entity | None, int] = (None, 99)
        self.events: list[Event] = []
        self.event_sents: list[int] = []
        self.events_at: dict[int, list[Event]] = {}
        self.events_by_code: dict[str, list[Event]] = {}
        self.series_at: dict[int, list[tuple[int, int, str]]] = {}  # sentence -> event-series spans
        self.by_key: dict[tuple[str, str], list[_Draft]] = {}
        self.drafts: list[_Draft] = []
        self.context: tuple[int, list[Place], DateExpr | None] | None = None  # a trip with no traveller yet
        self.context_status: str | None = None
        self.context_event: Event | None = None
        self.plan: Plan | None = None  # a plan told without its place (:mod:`.venues`)
        self.story: tuple[str, str] | None = None  # (code, city) of the dateline (:mod:`.storyplace`)
        # "It was X's third visit to Y": (X, Y's code, city, sentence) whose next sentences tell earlier visits
        self.ordinal: tuple[Entity, str, str, int, int] | None = None  # who, where, city, sentence, how many
        self.codes_seen: frozenset[str] = frozenset()  # countries named unambiguously in the text (:meth:`places`)
        self.full_names: frozenset[str] = frozenset()  # last words of the people named in full in the text
        self.prev_places: tuple[int, list[Hit]] = (0, [])  # (start, place hits) of the sentence before this one
        self.masthead: tuple[str, str] | None = None  # (code, city) a masthead names ("THE PRETORIA LEDGER")
        self.w = g.words
        self.parse_budget = PARSE_BUDGET
        self.cursor = 0  # where the sentence being read starts

    def titles_at(self, day: date) -> dict[str, str]:
        """Title phrase -> person_id for titles held on ``day`` (cached per day on the gazetteer)."""
        from ..people import titles_on

        g = self.g
        titles = g.titles_cache.get(day)
        if titles is None:
            titles = {" ".join(k.replace("'", " ").split()): v for k, v in titles_on(day, self.rs).items()}
            if len(g.titles_cache) > 4096:
                g.titles_cache.clear()
            g.titles_cache[day] = titles
        return titles

    def title_holder(self, s: _Sentence, key: str) -> str:
        """Who holds title ``key``: on the publication day, else on the day of the sentence's own full date
        ("On 12 May 2016 the Sudanese leader was in Kampala" in a later or undated article)."""
        pid = self.titles.get(key)
        if pid:
            return pid
        for d in s.dates:
            if d.kind == "abs" and d.years and d.month:
                try:
                    day = date(d.years[0], d.month, d.day or 1)
                except ValueError:
                    continue
                return self.titles_at(day).get(key, "")
        return ""

    # ---- people (who is who: :mod:`.refs` resolves mentions) ------------------------------------------------------------------------------------

    def entity_for_pid(self, pid: str) -> Entity:
        key = "id:" + pid
        e = self.entities.get(key)
        if e is None:
            person = self.rs.people.get(pid)
            e = Entity(key, person.name if person else pid, pid, person.nationality if person else "")
            self.entities[key] = e
        return e

    def entity_for_name(self, tokens: list[Tok], text: str, nationality: str) -> Entity:
        words = [t.word for t in tokens]
        last = words[-1]
        known = self.surnames.get(last)
        if known is not None and (known.name.split()[0].lower()[:1] == words[0][:1] or len(words) == 1):
            if nationality and not known.nationality:
                known.nationality = nationality
            return known
        key = "name:" + " ".join(words)
        e = self.entities.get(key)
        if e is None:
            e = Entity(key, text, "", nationality)
            self.entities[key] = e
        self.surnames.setdefault(last, e)
        if len(tokens) == 2 and len(words[0]) > 3 and words[0] not in self.known_surnames \
                and tokens[1].gap == " " and words[0] not in self.w.get("honorific", ()):
            # "President Prabowo Subianto" ... "Prabowo said": some are called by their first name
            self.surnames.setdefault(words[0], e)
        if len(tokens) == 3 and tokens[2].gap == "-" and tokens[0].cap:
            # "Kim Jong-un", "Choe Son-hui": a Korean name, family name first
            self.surnames.setdefault(words[0], e)
        return e

    # ---- places ------------------------------------------------------------------------------------

    def places(self, s: _Sentence) -> list[Place]:
        """The sentence's places (computed once per sentence; callers do not modify the list)."""
        if s._places is not None:
            return s._places
        out: list[Place] = []
        s._places = out
        toks = s.toks
        role_ends: set[int] | None = None
        for i, j, h in s.get("place"):
            t = toks[i]
            if not t.cap and not (s.words[i] == "the" and j > i + 1 and toks[i + 1].cap):
                continue
            if all(pn.kind == "city" for pn in h.value):
                if role_ends is None:
                    role_ends = {rj for _, rj, _ in s.get("role")}
                if i in role_ends and j < len(toks) and toks[j].cap and toks[j].gap == " ":
                    continue  # "President Hassan Rowhani": a given name after a role, not the town of Hassan
                if j == i + 1 and (s.words[i] in self.full_names or j < len(toks) and s.words[j] in _HOUSEHOLD or
                                   i in role_ends and toks[i - 1].cap and toks[i].gap == " "):
                    continue  # "The Bush family", "President Bush", a surname named in full elsewhere: not Būsh, Egypt
            if h.key == "us" and self.text[t.start:t.end] != "US":
                continue  # the pronoun
            if j == i + 1 and i > 0 and s.words[i - 1] == "the" and len(s.words[i]) > 2 and \
                    self.text[t.start:t.end].isupper() and all(pn.kind == "city" for pn in h.value):
                continue  # "arrested by the DIGOS": an acronym, not the town of Digos
            if j < len(s.words) and (s.words[j] in _INSTRUMENTS or s.words[j] in _BODIES) and toks[j].cap:
                continue  # "the Rome Statute", "the Minsk agreements": a text named after a city, not a place
            if i > 0 and toks[i - 1].cap and (s.words[i - 1] in _FEATURES_BEFORE or i > 1 and toks[i - 2].cap and
                                              s.words[i - 1] == "of" and s.words[i - 2] in _FEATURES_OF) or \
                    j < len(s.words) and toks[j].cap and s.words[j] in _FEATURES_AFTER:
                continue  # "Lake Geneva", "Lake Chad", "the Gulf of Aden", "the Congo River": water, not the place
            names = h.value
            kinds = {pn.kind for pn in names}
            best = _best_place(names)
            if best is not None and len({pn.code for pn in names if pn.kind == best.kind}) > 1:
                # "Congo" (CG or CD): the reading whose country the article names unambiguously ("Kinshasa"),
                # else the one news means by the name (tables/news_readings.csv)
                seen = [pn for pn in names if pn.kind == best.kind and pn.code in self.codes_seen]
                if len({pn.code for pn in seen}) == 1:
                    best = seen[0]
                elif not seen and (code := _news_readings().get(h.key)):
                    best = next((pn for pn in names if pn.kind == best.kind and pn.code == code), best)
            if best is None:
                continue
            demonym = "demonym" in kinds
            kind, city = best.kind, best.city
            if kind == "government" and i > 0 and _building_prep(s, i):
                # "talks at the White House": the seat of government is a place in its capital (a bare
                # "the Kremlin said" stays a metonym)
                kind, city = "capital", self.g.capitals.get(best.code, "")
            out.append(Place(i, j, best.code, kind, city, self.text[t.start:toks[j - 1].end], demonym))
        return out


def _building_prep(s: _Sentence, i: int) -> bool:
    """Whether a seat of government at token ``i`` is a building somebody is at: "at the White House", "received
    at Trump's White House", "met him in the same Oval Office" (a place right after "at"/"to"/... or "in")."""
    words, k = s.words, i - 1
    if words[k] in _BUILDING_PREP or words[k] == "in" and words[i] == "the" and k > 0 and words[k - 1] in _BEING_IN:
        return True  # ("was back in the Kremlin": the name's own article)
    while k > 0 and i - k < 4 and (words[k] in ("the", "same", "s") or words[k] != "the" and s.toks[k].cap
                                   and words[k + 1:k + 2] == ["s"]):
        k -= 1
    return k < i - 1 and words[k] in _BUILDING_PREP | {"in"}


def word_index(line: str, pos: int) -> int:
    """Index of the word at character ``pos`` of ``line`` (a sentence's words joined by single spaces): where a
    regular expression matched over the words starts or ends, in words."""
    return len(line[:pos].split())


def words_matched(rx: re.Pattern[str], words: list[str]) -> tuple[int, int] | None:
    """Where ``rx`` first matches a sentence's words joined by single spaces, as word indices ``[start, end)``."""
    line = " ".join(words)
    m = rx.search(line)
    return None if m is None else (word_index(line, m.start()), word_index(line, m.end()))


def sentence_ends(text: str, a: int, b: int) -> int:
    """How many sentence ends (".", "!", "?") stand in ``text[a:b]`` (0 when ``b <= a``)."""
    return sum(text.count(c, a, b) for c in ".!?") if b > a else 0


@cache
def _news_readings() -> dict[str, str]:
    """Place name -> the country news means by it when the article does not say (tables/news_readings.csv)."""
    return {row["name"]: row["code"] for row in tables.load("news_readings")}


def _best_place(names: Sequence[PlaceName]) -> PlaceName | None:
    geo = [pn for pn in names if pn.kind in _PLACE_KIND_RANK]
    if geo:
        return min(geo, key=lambda pn: _PLACE_KIND_RANK[pn.kind])
    return names[0] if names else None


_HARD_BEFORE = re.compile(r"[;:—–(]| - ")
_HARD_AFTER = re.compile(r"[;:—–()]| - ")
_CONTRAST = frozenset({"while", "whereas", "although", "though"})


def _clause(s: _Sentence, ti: int, tj: int, boundary: set[str]) -> tuple[int, int]:
    """Token range of the clause around ``[ti, tj)``: up to a clause word or hard punctuation (40 tokens max)."""
    toks, words = s.toks, s.words
    # "While X's visit has been delayed, Y is expected to arrive ...": a contrastive clause opening the sentence
    # ends at its first comma
    lead = next((k for k in range(1, ti + 1) if "," in toks[k].gap), 0) if words and words[0] in _CONTRAST else 0
    a = ti
    while a > 0 and ti - a < 40:
        gap = toks[a].gap
        if words[a - 1] in boundary or (gap != " " and _HARD_BEFORE.search(gap)) or a == lead:
            break
        a -= 1
    b = tj
    n = len(toks)
    while b < n and b - tj < 40:
        gap = toks[b].gap
        if words[b] in boundary or (gap != " " and _HARD_AFTER.search(gap)):
            break
        b += 1
    return a, b


def _place_code(names: Sequence[PlaceName]) -> str:
    """The country code of the best reading of a place hit ("" when none)."""
    best = _best_place(names)
    return best.code if best is not None else ""
