"""Trips reported in news text: who travels where, when, and whether it happens.

A rule-based pipeline, linear in the length of the text:

1. one Aho-Corasick pass finds people (aliases, titles), places, travel triggers, status cues and small
   word classes (:mod:`.mentions`); sentences are split with a non-backtracking scanner (:mod:`.sentences`);
2. per sentence, named officials without a warrant record are found with a role + capitalised-name
   pattern, pronouns are resolved to the last salient person;
3. each trigger is linked to a traveller (before it, or the possessor of "X's visit"), a destination
   (after it, within a bounded window) and the nearest date that is not the date of a report;
4. status comes from :mod:`.modality`, dates are resolved against the publication date (:mod:`.dates`);
5. mentions of one journey merge (same person and country, compatible dates);
6. with spaCy installed, sentences where a wanted person and a place were left unpaired are read off a
   dependency parse (:mod:`.parse`, triggers in ``tables/parse_triggers.csv``); its trips merge the same way.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date

from ..dates import DateSpan, parse_date
from ..errors import DateError
from ..ruleset import Ruleset, load_ruleset
from . import dates as ndates
from .dates import DateExpr, Tok
from .mentions import Gazetteer, Hit, gazetteer
from .modality import FUTURE, Cue, status_of
from .sentences import split

_TOKEN = re.compile(r"[^\W_]+")
_GAP_TOKEN = re.compile(r"([\W_]*)([^\W_]+)")  # the characters before a token, and the token
_PRECISION_RANK = {"day": 0, "range": 1, "week": 2, "month": 3, "year": 4, "unknown": 5}
_STATUS_RANK = {"virtual": 0, "cancelled": 1, "ongoing": 2, "completed": 3, "planned": 4, "invited": 5,
                "speculative": 6}
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
_EVENT_POOL = 32
# "X's long-awaited visit", "X's much-delayed trip": adjectives between a possessive and a trip noun
_ADJ_ENDS = ("awaited", "delayed", "anticipated", "postponed", "expected", "ful", "ous", "ive", "ic", "ial")
_OPEN = frozenset({"invited", "speculative"})
_MODALS = frozenset({"will", "would", "to", "may", "might", "could", "shall", "can"})
_POSS_PRONOUNS = frozenset({"his", "her", "sa", "ses"})
_YEARLIKE = re.compile(r"(?:19|20)\d\d")  # "Kim's 2019 trip to Vladivostok"
_INSTRUMENTS = frozenset({"statute", "accord", "accords", "agreement", "agreements", "protocol", "convention",
                          "conventions", "declaration", "treaty", "charter", "memorandum", "principles"})
_PAST_CANCEL = frozenset({"skipped", "missed", "blocked", "stayed", "boycotted", "snubbed", "shunned"})
_MEET_PREP = frozenset({"in", "at"})
_BUILDING_PREP = frozenset({"at", "to", "into", "inside"})  # "dined at the White House"  # "met X in Sochi": only a place after a preposition is where they met
_EARLIER = frozenset({"first", "since", "ago", "once", "earlier", "former", "previously"})
_SHORT_UNITS = frozenset({"day", "days", "hour", "hours"})  # "only days earlier": still the current trip
_FOLLOWED = ("followed", "by")  # "X's trip to A, followed by a stopover in B": B is a leg of the same journey
PARSE_BUDGET = 200  # sentences parsed per text at most (keeps hostile input linear and fast)
PARSE_MAX_CHARS = 2000  # longer "sentences" are scraping debris, not prose worth a parse
LEAD_SENTENCES = 3  # undated arrivals in the first sentences happened on the publication day


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


# --------------------------------------------------------------------------------------------------


def _leftmost_longest(hits: list[Hit]) -> list[Hit]:
    out: list[Hit] = []
    last = -1
    for h in sorted(hits, key=lambda h: (h.start, -h.end)):
        if h.start >= last:
            out.append(h)
            last = h.end
    return out


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
        self.last_subject_age = 99
        self.events: list[Event] = []
        self.event_sents: list[int] = []
        self.events_at: dict[int, list[Event]] = {}
        self.events_by_code: dict[str, list[Event]] = {}
        self.by_key: dict[tuple[str, str], list[_Draft]] = {}
        self.drafts: list[_Draft] = []
        self.context: tuple[int, list[Place], DateExpr | None] | None = None
        self.w = g.words
        self.parse_budget = PARSE_BUDGET

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

    # ---- people ------------------------------------------------------------------------------------

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

    def _hold(self, role_word: str, ent: Entity) -> None:
        self.role_holders[role_word] = ent
        holders = self.role_all.setdefault(role_word, [])
        if ent in holders:
            holders.remove(ent)
        holders.append(ent)

    def _salient_holder(self, role_word: str, nat: str) -> Entity | None:
        """ "the president": of the people named with that role (of that nationality), the one the article
        is most about; the last named on a tie."""
        cands = [e for e in self.role_all.get(role_word, ()) if not nat or nat == e.nationality]
        if not cands:
            return None
        return max(reversed(cands), key=lambda e: self.counts.get(e.key, 0))

    def _salient_national(self, nat: str) -> Entity | None:
        """The person of that nationality the article names most (the last named on a tie)."""
        cands = [e for e in self.entities.values() if e.nationality == nat and self.counts.get(e.key, 0)]
        if not cands:
            return None
        return max(reversed(cands), key=lambda e: self.counts.get(e.key, 0))

    def _other_given_name(self, s: _Sentence, i: int, role_toks: set[int], honorific: object) -> bool:
        """True when token ``i`` (a wanted person's surname) follows a capitalised given name of its own."""
        t, p = s.toks[i], s.toks[i - 1]
        w = p.word
        if not p.cap or t.gap != " " or (i - 1) in role_toks or w in honorific or w in _NAME_STOP \
                or w in _NAME_LINKS or w in ndates.MONTHS or w in ndates.WEEKDAYS or w.isdigit() or len(w) < 2:
            return False
        return not (w in self.w.get("starter", ()) or w in self.w.get("clause", ()) or w in self.w.get("speech", ()))

    def mentions(self, s: _Sentence) -> list[Mention]:
        toks, words = s.toks, s.words
        text = self.text
        taken: set[int] = set()
        out: list[Mention] = []

        def qualifier(i: int) -> str:
            """Nationality from a country/demonym right before token i ("Russian", "Russia's")."""
            for _pi, pj, h in places:
                if pj == i or (pj == i - 1 and words[i - 1] == "s"):
                    return _best_place(h.value).code
                if words[i - 1: i] == ["then"] and pj == i - 1:
                    return _best_place(h.value).code
            return ""

        places = s.get("place")
        persons = s.get("person")
        role_toks: set[int] = set()
        if any(j == i + 1 for i, j, _ in persons):
            role_toks = {n for i, j, _ in s.get("role") for n in range(i, j)} | \
                {n for i, j, _ in s.get("title") for n in range(i, j)} | {n for i, j, _ in places for n in range(i, j)}
        honorific = self.w.get("honorific", ())
        for i, j, h in persons:
            if not any(t.cap for t in toks[i:j]):
                continue
            if j == i + 1 and i > 0 and self._other_given_name(s, i, role_toks, honorific):
                # "Sara Duterte", "Yair Netanyahu": a wanted surname with someone else's given name
                if i - 1 not in taken:
                    ent = self.entity_for_name(toks[i - 1:j], text[toks[i - 1].start:toks[i].end], "")
                    out.append(Mention(i - 1, j, ent, text[toks[i - 1].start:toks[i].end], "name"))
                    taken.update(range(i - 1, j))
                continue
            out.append(Mention(i, j, self.entity_for_pid(h.value), text[toks[i].start:toks[j - 1].end], "name"))
            taken.update(range(i, j))
        for i, j, h in s.get("title"):
            if taken.intersection(range(i, j)):
                continue
            pid = self.title_holder(s, h.value)
            if not pid:
                continue
            # "Russian President Vladimir Putin": the title runs into a name
            nxt = next((m for m in out if m.i in (j, j + 1) and m.kind == "name"), None)
            if nxt is not None:
                if nxt.entity and nxt.entity.pid == pid:
                    nxt.i = i
                    nxt.text = text[toks[i].start:toks[nxt.j - 1].end]
                    taken.update(range(i, j))
                continue
            if j < len(toks) and toks[j].cap and words[j] not in _NAME_STOP and toks[j].gap == " ":
                continue  # "Russian President Dmitry Medvedev": someone else holding a similar title
            a = i - 1 if i > 0 and words[i - 1] == "the" else i
            out.append(Mention(a, j, self.entity_for_pid(pid), text[toks[a].start:toks[j - 1].end], "title"))
            taken.update(range(a, j))
        for i, j, h_role in s.get("role"):
            role_word = h_role.value.lower()
            if taken.intersection(range(i, j)):
                holder = next((m for m in out if m.i <= i and j <= m.j and m.entity is not None), None)
                if holder is not None:  # "Israeli Prime Minister Benjamin Netanyahu"
                    self._hold(role_word, holder.entity)  # type: ignore[arg-type]
                continue
            k = j
            nat = qualifier(i)
            if k + 1 < len(toks) and words[k] == "of":
                for pi, pj, h in places:
                    if pi == k + 1:
                        nat = nat or _best_place(h.value).code
                        k = pj
                        break
            # skip honorifics and one comma: "the Minister of National Defence, Lt. Gen. Awad ..."
            steps = 0
            while k < len(toks) and steps < 4 and (words[k] in self.w.get("honorific", ()) or
                                                   (words[k] == "senior" and toks[k].cap)):
                k += 1
                steps += 1
            name: list[Tok] = []
            ni = k
            while k < len(toks) and len(name) < 5:
                t = toks[k]
                if name and not (t.gap in (" ", "-", "- ") or (t.gap == " " and t.word in _NAME_LINKS)
                                 or (t.gap == ". " and len(name[-1].word) == 1)):  # "S. Jaishankar": an initial
                    break
                if not name and t.gap.strip() not in ("", ","):
                    break
                if k in taken:
                    break
                if t.cap and t.word not in _NAME_STOP and t.word not in ndates.MONTHS and \
                        t.word not in ndates.WEEKDAYS and not t.word.isdigit() or name and t.word in _NAME_LINKS \
                        or name and t.gap == "-" and t.word.isalpha():  # "Kim Jong-un"
                    if not name:
                        ni = k
                    name.append(t)
                else:
                    break
                k += 1
            while name and name[-1].word in _NAME_LINKS:
                name.pop()
            named = next((m for m in out if m.i == k and m.entity is not None), None) if k in taken else None
            if named is not None:  # "Prime Minister Benjamin Netanyahu": the name was found as a person
                self._hold(role_word, named.entity)  # type: ignore[arg-type]
                continue
            if not name and i > 1 and nat and words[i - 1] != "the" and \
                    (role_word in _GENERIC_ROLES or role_word == "counterpart") and \
                    not (k < len(toks) and toks[k].cap and toks[k].gap == " "):
                # "his Russian counterpart", "Sudan's president", "the Sudanese president": the person of
                # that country the article has named (the holder of that role first)
                ent = (self._salient_holder(role_word, nat) if role_word != "counterpart" else None) or \
                    (self._salient_national(nat) if role_word in _HEAD_ROLES else None)
                a = next((pi for pi, pj, _ in places if pj in (i, i - 1)), i)
                if a > 0 and words[a - 1] in ("the", "his", "her", "their", "its"):
                    a -= 1
                if ent is not None and not taken.intersection(range(a, j)):
                    out.append(Mention(a, j, ent, text[toks[a].start:toks[j - 1].end], "title"))
                    taken.update(range(a, j))
                continue
            if not name and i > 0 and words[i - 1] == "the" and role_word in _GENERIC_ROLES:
                # "the prime minister": the holder of that role last named in the article
                ent = self._salient_holder(role_word, nat)
                if ent is not None and \
                        not (k < len(toks) and toks[k].cap and toks[k].gap == " "):
                    out.append(Mention(i - 1, j, ent, text[toks[i - 1].start:toks[j - 1].end], "title"))
                    taken.update(range(i - 1, j))
                continue
            if len(name) < 2:
                continue
            if len(name) == 2 and any(pi <= ni < pj for pi, pj, _ in places):
                # "President Xi" fine, but "Prime Minister Paetongtarn" is not a place; a name that starts
                # with a place ("Foreign Ministry") is not a person
                continue
            nj = ni + len(name)
            ent = self.entity_for_name(name, text[name[0].start:name[-1].end], nat)
            a = i
            while a > 0 and any(pj == a and pi == a - 1 for pi, pj, _ in places):
                a -= 1
            out.append(Mention(a, nj, ent, text[toks[a].start:toks[nj - 1].end], "role"))
            taken.update(range(a, nj))
            self._hold(role_word, ent)
        # surnames of wanted people named in full somewhere in the article ("Bashir" after "Omar al-Bashir"),
        # unless another first name precedes it ("Sara Duterte")
        if self.known_surnames:
            role_toks = {n for i, j, _ in s.get("role") for n in range(i, j)}
            known = self.known_surnames
            for k in [k for k, w in enumerate(words) if w in known]:
                t = toks[k]
                if k in taken or not t.cap:
                    continue
                pid = known.get(t.word)
                if pid is None:
                    continue
                if k > 0 and toks[k - 1].cap and words[k - 1] not in _NAME_LINKS and t.gap.strip() in ("", "-") \
                        and words[k - 1] not in self.w.get("honorific", ()) and (k - 1) not in taken \
                        and (k - 1) not in role_toks:
                    continue
                out.append(Mention(k, k + 1, self.entity_for_pid(pid), text[t.start:t.end], "surname"))
                taken.add(k)
        # surnames of officials named earlier in the article
        if self.surnames:
            surnames = self.surnames
            for k in [k for k, w in enumerate(words) if w in surnames]:
                t = toks[k]
                if k in taken or not t.cap:
                    continue
                ent = self.surnames.get(t.word)
                if ent is not None:
                    out.append(Mention(k, k + 1, ent, t.word and text[t.start:t.end], "surname"))
                    taken.add(k)
        for i, j, h in s.get("word", longest=False):
            if h.value == "pronoun" and i not in taken:
                out.append(Mention(i, j, None, text[toks[i].start:toks[j - 1].end], "pronoun"))
        out.sort(key=lambda m: m.i)
        for m in out:
            if m.entity is not None:
                self.counts[m.entity.key] = self.counts.get(m.entity.key, 0) + 1
        obj = self.w.get("objmark", set())
        verb_at = {i for i, _, h in s.get("trigger") if h.value[0] != "noun"}
        for m in out:
            m.obj = m.i > 0 and words[m.i - 1] in obj and not (words[m.i - 1] == "for" and words[m.j:m.j + 1] == ["to"]) \
                and not (words[m.i - 1] == "and" and words[m.j:m.j + 1] and (
                    words[m.j] in _CLAUSE_VERBS or ("," in s.toks[m.i - 1].gap and (  # ", and X flew to": a clause
                        m.j in verb_at or (words[m.j] in _SUBJ_ADVERBS and m.j + 1 in verb_at)))
                    or (m.i >= 2 and toks[m.i - 2].cap and not any(t < m.i for t in verb_at) and (
                        # "Erdogan and Putin last met in Astana": the second of a subject pair of names
                        m.j in verb_at or (words[m.j] in _SUBJ_ADVERBS and m.j + 1 in verb_at)))))
            # "... will be represented and UN chief X will participate": the subject of a clause of its own
            m.possessive = m.j < len(words) and words[m.j] == "s" and toks[m.j].gap in ("'", "’", "`")
        # pronouns: the nearest earlier person in the sentence, else the last sentence's subject
        first_subject: Entity | None = None
        for m in out:
            if m.kind == "pronoun":
                prev = [p for p in out if p.j <= m.i and p.entity is not None and p.kind != "pronoun"]
                if prev:
                    # "X arrived for a dinner with Y, his third visit": a possessive goes to the subject, not an object
                    subj = [p for p in prev if not p.obj] if words[m.i] in _POSS_PRONOUNS else prev
                    m.entity = (subj or prev)[-1].entity
                    if words[m.i] in ("he", "she") and prev[-1].obj:
                        # "he flew to A for talks with B, and in May he visited C": the subject again, not B
                        subj = [p for p in out if p.j <= m.i and p.entity is not None and not p.obj]
                        if subj:
                            m.entity = subj[-1].entity
                elif self.last_subject is not None and self.last_subject_age <= 3:
                    m.entity = self.last_subject
            if first_subject is None and m.entity is not None and not m.obj:
                first_subject = m.entity
        if first_subject is not None:
            self.last_subject, self.last_subject_age = first_subject, 0
        else:
            self.last_subject_age += 1
        return out

    # ---- places ------------------------------------------------------------------------------------

    def places(self, s: _Sentence) -> list[Place]:
        """The sentence's places (computed once per sentence; callers do not modify the list)."""
        if s._places is not None:
            return s._places
        out: list[Place] = []
        s._places = out
        toks = s.toks
        for i, j, h in s.get("place"):
            t = toks[i]
            if not t.cap and not (s.words[i] == "the" and j > i + 1 and toks[i + 1].cap):
                continue
            if h.key == "us" and self.text[t.start:t.end] != "US":
                continue  # the pronoun
            if j < len(s.words) and s.words[j] in _INSTRUMENTS and toks[j].cap:
                continue  # "the Rome Statute", "the Minsk agreements": a text named after a city, not a place
            names = h.value
            kinds = {pn.kind for pn in names}
            best = _best_place(names)
            if best is None:
                continue
            demonym = "demonym" in kinds
            kind, city = best.kind, best.city
            if kind == "government" and i > 0 and s.words[i - 1] in _BUILDING_PREP:
                # "talks at the White House": the seat of government is a place in its capital (a bare
                # "the Kremlin said" stays a metonym)
                kind, city = "capital", self.g.capitals.get(best.code, "")
            out.append(Place(i, j, best.code, kind, city, self.text[t.start:toks[j - 1].end], demonym))
        return out


def _best_place(names: tuple) -> object:
    geo = [pn for pn in names if pn.kind in _PLACE_KIND_RANK]
    if geo:
        return min(geo, key=lambda pn: _PLACE_KIND_RANK[pn.kind])
    return names[0] if names else None


# --------------------------------------------------------------------------------------------------


def _published(published: date | str | DateSpan | None) -> DateSpan | None:
    if published is None or published == "":
        return None
    if isinstance(published, DateSpan):
        return published
    if isinstance(published, date):
        return DateSpan.day(published)
    try:
        return parse_date(str(published))
    except DateError:
        return None


def extract_trips(text: str, published: date | str | DateSpan | None = None,
                  ruleset: Ruleset | None = None, use_parse: bool = True) -> list[Trip]:
    """Trips reported in ``text``, one per journey, in order of first mention.

    With spaCy installed (``riskcheck[nlp]``) and ``use_parse``, sentences with a person and a place are also
    read off a dependency parse (:mod:`.parse`).

    ``published`` (a date, ``YYYY-MM-DD``/``YYYY-MM``, or None) anchors relative dates ("next month",
    "on Monday"); without it they stay unresolved (empty ``start``, precision ``unknown``).

    >>> t = extract_trips("President Vladimir Putin will visit China in October.", "2023-07-25")
    >>> [(x.person_id, x.country, x.start, x.precision, x.status) for x in t]
    [('vladimir-putin', 'CN', '2023-10-01', 'month', 'planned')]
    """
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    rs = ruleset or load_ruleset()
    g = gazetteer(rs)
    pub = _published(published)
    folded, hits = g.scan(text)
    doc = _Doc(text, pub, rs, g)
    known = doc.known_surnames
    sents = split(text)
    # bucket hits by sentence (both are in text order: one merge pass); note the surnames of wanted people
    by_sent: list[list[Hit]] = [[] for _ in sents]
    cats_of: list[set[str]] = [set() for _ in sents]
    n_sents = len(sents)
    k = 0
    nxt_start = sents[1][0] if n_sents > 1 else len(text) + 1
    for h in hits:
        if h.cat == "person" and " " in h.key:
            known.setdefault(h.key.rsplit(" ", 1)[1], h.value)
        if h.start >= nxt_start:
            while k + 1 < n_sents and sents[k + 1][0] <= h.start:
                k += 1
            nxt_start = sents[k + 1][0] if k + 1 < n_sents else len(text) + 1
        if k < n_sents and sents[k][0] <= h.start and h.end <= sents[k][1]:
            by_sent[k].append(h)
            cats_of[k].add(h.cat)
    interesting = {"person", "title", "role", "trigger"}
    nlp = _parser() if use_parse else None
    parsed: dict[int, _Sentence] = {}
    # pass 1: events with a place (and a date) for "will attend the summit"
    for k, (a, b) in enumerate(sents):
        if "word" in cats_of[k] and any(h.cat == "word" and h.value == "event" for h in by_sent[k]):
            s = parsed[k] = _Sentence(text, folded, a, b, by_sent[k])
            _collect_events(doc, s, k)
    # pass 2: people and trips
    for k, (a, b) in enumerate(sents):
        cats = cats_of[k]
        if not (cats & interesting):
            if folded.startswith(_TRIP_STARTS, a) and doc.drafts:
                _date_back_reference(doc, _Sentence(text, folded, a, b, by_sent[k]))
            if not _surname_subject(doc, folded, a, b):
                doc.last_subject_age += 1
            continue
        if not (cats & {"trigger", "role"}) and k not in parsed:
            _cheap_subject(doc, text, by_sent[k])
            continue
        s = parsed.pop(k, None) or _Sentence(text, folded, a, b, by_sent[k])
        ms = doc.mentions(s)
        if "between" in s.words:
            _meeting_between(doc, s, ms)
        if "since" in s.words and "first" in s.words:
            _first_since(doc, s, ms)
        if "two" in s.words and "trigger" in cats:
            _two_met(doc, s)
        for m in ms:
            if m.entity is not None and m.kind != "pronoun":
                rec = doc.recent
                if m.entity in rec:
                    rec.remove(m.entity)
                rec.append(m.entity)
                if len(rec) > 4:
                    del rec[0]
        if "trigger" in cats:
            n_before = len(doc.drafts)
            _trips_in(doc, s, k, ms)
            if len(doc.drafts) == n_before:
                _date_back_reference(doc, s)
        if nlp is not None and any(m.entity is not None for m in ms):
            _parse_trips(doc, s, k, ms, nlp)
    return [_finish(doc, d) for d in doc.drafts]


# --------------------------------------------------------------------------------------------------


_MEETING_NOUNS = frozenset({"summit", "meeting", "talks"})


def _meeting_between(doc: _Doc, s: _Sentence, ms: list[Mention]) -> None:
    """'a summit between X and Y in Budapest': both named people go to the meeting place (neither of
    its country), with the status the sentence gives the meeting."""
    words = s.words
    for i, j, h in s.get("word", longest=False):
        if h.value != "event" or h.key not in _MEETING_NOUNS or j >= len(words) or words[j] != "between":
            continue
        people = [m for m in ms if j < m.i <= j + 12 and m.entity is not None][:2]
        if not people:
            continue
        # the span after "between" is two names joined by "and" (one may be unknown: "Donald Trump")
        after = people[-1].j
        while after < len(words) and after - j < 14 and (s.toks[after].cap or (
                words[after] == "and" and after + 1 < len(words) and s.toks[after + 1].cap)):
            after += 1
        between = range(j + 1, after)
        if words[j + 1:after].count("and") != 1 or \
                not all(s.toks[n].cap or words[n] in ("and", "s") for n in between):
            continue
        place = next((p for p in doc.places(s) if after < p.i <= after + 2 and words[p.i - 1] in ("in", "at")
                      and p.kind in _PLACE_KIND_RANK), None)
        if place is None:
            # "in the Hungarian capital": the capital of that country
            place = next((p for p in doc.places(s) if after + 2 <= p.i <= after + 3 and p.demonym
                          and words[p.i - 2:p.i] in (["in", "the"], ["at", "the"])
                          and words[p.j:p.j + 1] == ["capital"]), None)
            if place is not None:
                place = Place(place.i, place.j + 1, place.code, "capital", doc.g.capitals.get(place.code, ""),
                              place.text)
        if place is None:
            continue
        cues = [Cue(a, b, *hh.value) for a, b, hh in s.get("cue")]
        clause = _clause(s, i, place.j, doc.w.get("clause", set()))
        status = status_of("noun", "go", words, i, j, cues, clause) or \
            _noun_status(doc, s, s.dates, i, j, place.j, doc.w.get("speech", set()), clause)
        if status is None:
            continue
        dexpr = _pick_date(s, s.dates, i, place.j, doc.w.get("speech", set()), clause)
        spans = ndates.resolve(dexpr, doc.pub, status in FUTURE)[:1] if dexpr is not None else []
        for m in people:
            ent = m.entity
            if ent is None or ent.nationality == place.code:
                continue
            _add(doc, _Draft(ent, m.text, place.code, place.city, spans, status, "", [(s.a, s.b)]))


_ARREST = re.compile(r"\b(?:arrest|detain)", re.I)


_FIRST_NOUNS = frozenset({"visit", "trip", "to"})
_PAIR_NOUNS = frozenset({"men", "leaders", "presidents", "women"})


def _two_met(doc: _Doc, s: _Sentence) -> None:
    """ "The two leaders met in Samarkand, Uzbekistan, in September 2022": the two travellers or wanted people
    among the (at most three) people named just before met there; each of known other nationality travelled."""
    words = s.words
    for n in range(len(words) - 2):
        if words[n] != "two" or words[n + 1] not in _PAIR_NOUNS or (n > 0 and words[n - 1] != "the"):
            continue
        mi = next((x for x in range(n + 2, min(len(words), n + 6)) if words[x] == "met"), None)
        if mi is None or any(x not in ("also", "last", "have", "had", "first", "most", "recently", "previously")
                             for x in words[n + 2:mi]):
            continue
        # the two travellers or wanted people among the last named (not a spokesman quoted in between)
        travellers = {d.entity.key for d in doc.drafts[-8:]}
        pair = [e for e in doc.recent if e.key in travellers or e.pid]
        if len(pair) != 2 or len(doc.recent) > 3:
            return  # fewer or more candidates, or many people named lately: not sure who "the two" are
        # "in Samarkand, Uzbekistan", "in Tianjin, China" (a city the gazetteer may not know)
        place = next((p for p in doc.places(s) if mi < p.i <= mi + 16 and p.kind in _PLACE_KIND_RANK
                      and (words[p.i - 1] in ("in", "at") or (p.kind == "country" and p.i > 1 and words[p.i - 2] == "in"
                                                              and s.toks[p.i - 1].cap))), None)
        if place is None:
            return
        clause = _clause(s, mi, place.j, doc.w.get("clause", set()))
        dexpr = _pick_date(s, s.dates, mi, place.j, doc.w.get("speech", set()), clause)
        spans = ndates.resolve(dexpr, doc.pub, False)[:1] if dexpr is not None else []
        for ent in pair:
            if ent.nationality and ent.nationality != place.code:
                _add(doc, _Draft(ent, ent.name, place.code, place.city, spans, "completed", "", [(s.a, s.b)],
                                 earlier=True))
        return


def _first_since(doc: _Doc, s: _Sentence, ms: list[Mention]) -> None:
    """ "X's first visit since 2017", "would be X's first to Y since 2017", "a trip to Y would be X's first since
    January 2020", "X's first trip to Y since a brief visit to Z in December 2021": an earlier, completed trip."""
    words = s.words
    spans_of = [(m.i, m.j) for m in ms]
    places = [p for p in doc.places(s) if p.kind in ("country", "capital", "city", "territory")
              and not any(a <= p.i < b for a, b in spans_of)]
    for m in ms:
        ent = m.entity
        if ent is None:
            continue
        n = m.j + (m.j < len(words) and words[m.j] == "s")
        if n >= len(words) or words[n] != "first" or (n + 1 < len(words) and words[n + 1] not in _FIRST_NOUNS
                                                      and words[n + 1] != "since"):
            continue
        si = next((x for x in range(n + 1, min(len(words), n + 7)) if words[x] == "since"), None)
        if si is None:
            continue
        d = next((d for d in s.dates if d.i == si + 1), None)
        if d is None:  # "since a brief visit to New Delhi in December 2021"
            d = next((d for d in s.dates if si + 1 < d.i <= si + 10
                      and any(x in ("visit", "trip") for x in words[si + 1:d.i])), None)
        if d is None:
            continue
        dest = next((p for p in places if n < p.i < si), None)
        if dest is None:  # "a trip to Turkey would be X's first since", "Vietnam is preparing ... for X's first visit"
            dest = next((p for p in reversed(places) if p.j <= m.i and (p.i == 0 or words[p.i - 1] == "to")), None)
        if dest is None or dest.code == ent.nationality:
            continue
        spans = ndates.resolve(d, doc.pub, False)[:1]
        if spans:
            _add(doc, _Draft(ent, m.text, dest.code, "", spans, "completed", "", [(s.a, s.b)], earlier=True))


def _before_arrest(doc: _Doc, words: list[str], ent: Entity) -> tuple[date, date, str] | None:
    """The month of this person's arrest reported earlier, when the sentence says "before his arrest"."""
    n = next((n for n, x in enumerate(words) if x == "before" and n + 2 < len(words) and
              words[n + 1] in ("his", "her", "their", "the") and words[n + 2] in ("arrest", "detention")), None)
    if n is None:
        return None
    for d in reversed(doc.drafts):
        if d.entity is ent and d.spans and d.sentences and d.status == "completed" and \
                _ARREST.search(doc.text, d.sentences[0][0], d.sentences[0][1]):
            a = d.spans[0][0]
            return (a.replace(day=1), ndates._month_span(a.year, a.month)[1], "month")
    return None


_TRIP_NOUNS = frozenset({"visit", "trip", "tour", "journey"})
_TRIP_STARTS = tuple("the " + x for x in _TRIP_NOUNS)


def _date_back_reference(doc: _Doc, s: _Sentence) -> None:
    """'X has put off a planned visit to Y. The visit, which had been pencilled in for December, ...': a
    sentence that opens on the trip just reported and gives no place of its own dates that trip."""
    words = s.words
    if len(words) < 3 or words[0] != "the" or words[1] not in _TRIP_NOUNS or not doc.drafts:
        return
    last = doc.drafts[-1]
    coarse = [sp for sp in last.spans if sp[2] == "year"]
    if (last.spans and len(coarse) != len(last.spans)) or len(coarse) > 1 or not last.sentences or \
            s.a - last.sentences[-1][1] > 400:
        return
    speech = doc.w.get("speech", set())
    for d in s.dates:
        if d.kind in ("abs", "weekday") and d.i > 0 and words[d.i - 1] in ("for", "in", "on") and \
                _date_ok(words, d, speech) and d.i <= 16:
            spans = ndates.resolve(d, doc.pub, last.status in FUTURE)
            if spans and (not coarse or coarse[0][0] <= spans[0][0] <= coarse[0][1]):
                last.spans = spans[:1]  # a month within the year already known refines it
                last.sentences.append((s.a, s.b))
            return


def _cheap_subject(doc: _Doc, text: str, hits: list[Hit]) -> None:
    """The salient person of a sentence with no trip in it, from its first person or title hit."""
    for h in hits:
        if h.cat == "person" and any(c.isupper() for c in text[h.start:h.end]):
            ent = doc.entity_for_pid(h.value)
            doc.counts[ent.key] = doc.counts.get(ent.key, 0) + 1
            doc.last_subject, doc.last_subject_age = ent, 0
            return
        if h.cat == "title" and (pid := doc.titles.get(h.value)):
            doc.last_subject, doc.last_subject_age = doc.entity_for_pid(pid), 0
            return
    doc.last_subject_age += 1


def _surname_subject(doc: _Doc, folded: str, a: int, b: int) -> bool:
    """A sentence that names a wanted person only by surname ("M. Poutine", "Bashir") makes them salient."""
    if not doc.known_surnames:
        return False
    for w in folded[a:b].split():
        pid = doc.known_surnames.get(w)
        if pid is not None:
            ent = doc.entity_for_pid(pid)
            doc.counts[ent.key] = doc.counts.get(ent.key, 0) + 1
            doc.last_subject, doc.last_subject_age = ent, 0
            return True
    return False


def _collect_events(doc: _Doc, s: _Sentence, k: int) -> None:
    speech = doc.w.get("speech", set())
    stop = doc.w.get("clause", set()) | {"before", "after", "since", "from", "war", "conflict", "crisis", "about",
                                          "against", "ending", "end", "fighting", "violence"}
    places = [p for p in doc.places(s) if not p.demonym or p.kind != "demonym"]
    places = [p for p in places if p.kind in _PLACE_KIND_RANK]
    found = s.dates
    for i, j, h in s.get("word", longest=False):
        if h.value != "event" or h.key not in ("summit", "forum", "conference", "assembly", "general assembly",
                                               "ceremony", "games", "olympics", "parade", "celebrations",
                                               "congress", "gathering", "inauguration", "funeral"):
            continue
        place = next((p for p in places if j <= p.i <= j + 8 and {"in", "at"} & set(s.words[j:p.i])
                      and not set(s.words[j:p.i]) & stop), None)
        if place is None:
            # "the Sharm el-Sheikh summit", "the Kazan BRICS summit": a city named before the noun hosts it
            # (a country there is a participant: "the Russia-Africa summit")
            place = next((p for p in places if p.kind in ("city", "capital") and i - 2 <= p.j <= i
                          and all(t.cap for t in s.toks[p.j:i]) and "-" not in s.toks[p.i].gap
                          and (p.j >= len(s.toks) or "-" not in s.toks[p.j].gap)), None)
        if place is None and j < len(s.words) and s.words[j] in ("which", "that") and \
                any(x in _HOSTING for x in s.words[j + 1:j + 6]):
            # "the summit which Saudi Arabia is hosting in Riyadh": the city, else the hosting country
            hv = next(n for n in range(j + 1, j + 6) if s.words[n] in _HOSTING)
            place = next((p for p in places if hv < p.i <= hv + 3 and s.words[p.i - 1] in ("in", "at")), None) \
                or next((p for p in places if j < p.i and p.j <= hv), None)
        if place is None:
            continue
        dexpr = min((d for d in found if abs(d.i - j) <= 14 and _date_ok(s.words, d, speech)),
                    key=lambda d: abs(d.i - j), default=None)
        name = _event_name(s, i, j)
        ev = Event(k, h.key, name, place.code, place.city, dexpr)
        doc.events.append(ev)
        doc.event_sents.append(k)
        doc.events_at.setdefault(k, []).append(ev)
        by_code = doc.events_by_code.setdefault(place.code, [])
        if len(by_code) < _EVENT_POOL:
            by_code.append(ev)


_COPULA = frozenset({"was", "were", "is", "are", "be", "been"})
_COPULAR_NOUNS = frozenset({"guest at", "guests at", "guest of honour at", "guest of honor at"})
_HOSTING = frozenset({"hosting", "hosts", "host", "hosted"})


def _event_name(s: _Sentence, i: int, j: int) -> str:
    """The event's name as written: "BRICS summit", "Belt and Road Forum"."""
    a = i
    while a > 0 and i - a < 5 and (s.toks[a - 1].cap or s.words[a - 1] in ("and", "of")) and \
            s.toks[a].gap.strip() == "":
        a -= 1
    while a < i and s.words[a] in ("and", "of", "the"):
        a += 1
    return s.text[s.toks[a].start:s.toks[j - 1].end]


_HARD_BEFORE = re.compile(r"[;:—–(]| - ")
_HARD_AFTER = re.compile(r"[;:—–()]| - ")


def _clause(s: _Sentence, ti: int, tj: int, boundary: set[str]) -> tuple[int, int]:
    """Token range of the clause around ``[ti, tj)``: up to a clause word or hard punctuation (40 tokens max)."""
    toks, words = s.toks, s.words
    a = ti
    while a > 0 and ti - a < 40:
        gap = toks[a].gap
        if words[a - 1] in boundary or (gap != " " and _HARD_BEFORE.search(gap)):
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


def _trips_in(doc: _Doc, s: _Sentence, k: int, ms: list[Mention]) -> None:
    words, toks = s.words, s.toks
    w = doc.w
    places = doc.places(s)
    cues = [Cue(i, j, *h.value) for i, j, h in s.get("cue")
            if not (h.key == "may" and s.toks[i].cap and any(d.i <= i < d.j for d in s.dates))]  # "In May 2019"
    cues += [Cue(ti - 1, ti, "planned", 2, "before") for ti, _, _ in s.get("trigger") if ti > 0 and words[ti - 1] == "to"]
    found = s.dates
    speech = w.get("speech", set())
    role_spans = [(m.i, m.j) for m in ms if m.kind in ("role", "title", "name")]
    boundary = w.get("clause", set())
    triggers = s.get("trigger")
    {i for i, _, _ in triggers}

    def valid_dest(p: Place) -> bool:
        if p.kind == "government" or p.kind not in _PLACE_KIND_RANK:
            return False
        if p.j < len(words) and (words[p.j] in speech or (p.j + 1 < len(words) and words[p.j] in (
                "has", "had", "have", "also") and words[p.j + 1] in speech)):
            return False
        if p.i > 0 and words[p.i - 1] in ("from", "airspace", "strait", "straits"):
            return False  # "through the Strait of Gibraltar", "Turkish airspace": a way, not a stop
        if p.i > 1 and words[p.i - 1] == "of" and words[p.i - 2] in ("strait", "straits", "airspace", "gulf"):
            return False
        # a qualifier of a person ("Nepal Prime Minister ...")
        return not any(a <= p.i < b for a, b in role_spans)

    def demonym_capital(p: Place) -> Place | None:
        if p.j < len(words) and words[p.j] == "capital":
            city = doc.g.capitals.get(p.code, "")
            nxt = next((q for q in places if q.i == p.j + 1 and q.code == p.code), None)
            return Place(p.i, nxt.j if nxt else p.j + 1, p.code, "capital", nxt.city if nxt else city,
                         p.text)
        if p.j + 1 < len(words) and words[p.j] == "city" and words[p.j + 1] == "of":
            return next((q for q in places if q.i == p.j + 2 and q.code == p.code), None)
        return None

    role_starts = {i for i, _, _ in s.get("role")}  # "the former president's daughter" is no earlier trip
    vehicle = w.get("vehicle", set())
    nounverb = w.get("nounverb", set())
    control = w.get("control", set())
    done_here: dict[str, str] = {}
    sent_status: dict[str, tuple[str, int]] = {}
    # a virtual cue belongs to the trigger nearest to it ("took part by video in 2020 and skipped the 2022
    # summit in Bali": the skipped one is not virtual)
    virtual_owner: dict[Cue, int] = {}
    if len(triggers) > 1:
        # neither a host ("hosted by India") nor a journey not taken ("rather than travel") joins by video
        owners = [t for t in triggers if t[2].value[1] != "host" and not _not_taken(words, t[0])] or triggers
        for c in cues:
            if c.status == "virtual":
                # a trigger of the cue's own clause first ("addressed it remotely, while Y flew to Z")
                virtual_owner[c] = min(owners, key=lambda t: (any(x in boundary for x in (
                                                                    words[t[1]:c.i] if c.i >= t[1] else words[c.j:t[0]])),
                                                                c.i - t[1] if c.i >= t[1] else
                                                                (t[0] - c.j) if c.j <= t[0] else 0,
                                                                t[0] > c.i))[0]
    for ti, tj, th in triggers:
        form, role, window = th.value
        if _not_taken(words, ti):
            continue  # "spoke by video rather than travel to X", "instead of flying to X": no journey
        if form == "noun" and ti > 0:
            # "will also stop in X", "to stop in X": a noun trigger used as a verb after a modal
            prev = words[ti - 1] if words[ti - 1] != "also" or ti < 2 else words[ti - 2]
            if prev in _MODALS:
                form = "base"
        clause = _clause(s, ti, tj, boundary)
        # ---- destinations (before the traveller: a destination without one still sets the context)
        dests: list[Place] = []
        pre_trav: Mention | None = None
        used_event: Event | None = None
        ctx_date: DateExpr | None = None
        if role == "where":
            # "flew in from Brunei, where he spent two days": the place before "where" was a stop of its own
            p0 = next((p for p in places if p.j == ti and "," in toks[ti].gap and p.kind in _PLACE_KIND_RANK), None)
            if p0 is None:
                continue
            dests = [p0]
            pre_trav = next((m for m in ms if ti <= m.i < tj and m.entity is not None), None)
        elif role == "again":
            # "went to Beijing in 2016 and returned in May 2017": another trip to the place just reported
            if any(tj <= p.i <= tj + 4 for p in places):
                continue
            prev = next((d for d in reversed(doc.drafts) if d.status == "completed" and d.sentences and
                         d.sentences[-1] == (s.a, s.b)), None)
            if prev is None or not any(d.i >= tj and d.i - tj <= 2 for d in found):
                continue
            dests = [Place(tj, tj, prev.code, "city", prev.city, "")]
            pre_trav = next((m for m in reversed(ms) if m.j <= ti and m.entity is prev.entity), None)
        elif role not in ("host", "led_by"):
            # a place after a coordinated verb of its own is that verb's ("took part by video in 2021 and
            # skipped the summit in Lima")
            lim = tj + (window if role != "be" else 2)
            if role in ("meet", "attend") and "sidelines" in words[tj:lim]:
                # "met in July on the sidelines of the Shanghai Cooperation Organisation summit in Astana":
                # the place comes after the (long) name of the gathering
                lim = max(lim, words.index("sidelines", tj) + 10)
            lim = min([lim] + [t0 - 1 for t0, _, _ in triggers if tj < t0 and words[t0 - 1] in _LIST_AND])
            dests = _destinations(doc, s, places, tj, lim, role == "be",
                                  valid_dest, demonym_capital, boundary, _MEET_PREP if role == "meet" else None)
            if role == "leave" and words[tj:tj + 2] == ["the", "capital"]:
                dests = []  # "left the capital Naypyidaw": the traveller's own capital
            bare = tj >= len(words) or words[tj] in ("as", "and") or (tj < len(toks) and "," in toks[tj].gap)
            ev_words = [i for i, _, h in s.get("word", longest=False) if h.value == "event" and tj <= i < tj + 6]
            if not dests and role == "attend" and (bare or (ev_words and not all(_indefinite(s, i) for i in ev_words))
                                                   or any(x in w.get("event", ()) for x in words[tj:tj + 6])
                                                   and not ev_words):
                ev = _current_event(doc, k)
                if ev is not None and ev.sent == k and not bare and ev.noun.split()[-1] not in words[tj:tj + 6]:
                    ev = None  # a later event of the same sentence ("... the 2021 meeting and the summit in Lima")
                if ev is not None:
                    dests = [Place(tj, tj, ev.code, "city", ev.city, ev.name)]
                    used_event = ev
                elif doc.context is not None and k - doc.context[0] <= 2:
                    dests = list(doc.context[1])
                    ctx_date = doc.context[2]
            if not dests and len(words) > 2 and words[0] == "in" and role in ("attend", "go"):
                p0 = next((p for p in places if p.i == 1 and valid_dest(p)), None)
                if p0 is not None and p0.j < len(toks) and "," in toks[p0.j].gap:
                    dests = [p0]
            if not dests and len(words) > 3 and words[0] in ("at", "during") and role in ("attend", "go", "meet"):
                # "At last year's summit in Samarkand, X and Y met": the event the sentence opens with
                events = w.get("event", ())
                p0 = next((p for p in places if 2 <= p.i <= 10 and p.j <= ti and words[p.i - 1] in ("in", "at")
                           and valid_dest(p) and p.j < len(toks) and "," in toks[p.j].gap), None)
                if p0 is not None and any(x in events for x in words[1:p0.i]) and \
                        not any("," in toks[n].gap for n in range(1, p0.j)):
                    dests = [p0]
            if not dests and role == "go" and form in ("past", "pres") and "also" in words[max(0, ti - 2):ti] \
                    and (tj >= len(words) or words[tj] not in ("to", "in", "at", "for", "from")) and doc.drafts:
                # "X also arrived on Saturday": where the trip just reported went
                last = doc.drafts[-1]
                if last.status in ("completed", "ongoing") and last.sentences and \
                        s.a - last.sentences[-1][1] < 1500:
                    dests = [Place(tj, tj, last.code, "city", last.city, "")]
        # ---- traveller
        trav: Mention | None = None
        lead_past = ""  # "X boarded a flight to", "X paid a visit to": the status the verb gives the noun
        if role == "host":
            if ti > 0 and words[ti - 1] in ("was", "were", "been", "be", "is", "being"):
                continue
            if words[tj:tj + 1] == ["by"]:
                continue  # "X was later received by Y": the passive; Y is the host
            if ti > 0 and th.key in ("host", "hosts") and words[ti - 1] in _HOST_NOUN:
                continue  # "greeted by the summit's host, X": a noun, X is the host, not a guest
            trav = next((m for m in ms if tj <= m.i <= tj + 8 and m.entity is not None), None)
            if trav is not None and th.key == "received" and trav.i - tj > 1:
                trav = None  # "received a letter from X": only "received X" is a visit
            if trav is not None and trav.entity is not None:
                doc.last_subject, doc.last_subject_age = trav.entity, 0  # the guest is what "he" refers to next
        elif role in ("where", "again"):
            trav = pre_trav
        elif role == "led_by":
            trav = next((m for m in ms if tj <= m.i <= tj + 2 and m.entity is not None), None)
            if trav is None and words[ti] in ("will",):
                trav = next((m for m in reversed(ms) if m.j <= ti and ti - m.j <= 3 and m.entity), None)
        else:
            poss = next((m for m in reversed(ms) if m.j <= ti and m.entity is not None and
                         (m.possessive or (m.kind == "pronoun" and words[m.i] in _POSS_PRONOUNS))
                         and all(x in _POSSESSIVE_SKIP or x == "s" or x in vehicle or _YEARLIKE.fullmatch(x)
                                 or (ti - m.j <= 4 and x.endswith(_ADJ_ENDS) and x not in speech
                                     and not toks[n].cap)
                                 for n, x in enumerate(words[m.j:ti], m.j))), None)
            if form == "noun":
                trav = poss
                if trav is None and tj + 1 < len(words):
                    trav = next((m for m in ms if m.entity is not None and words[m.i - 1: m.i] == ["by"]
                                 and 0 <= m.i - tj <= 4 and words[tj] != "to"), None)
                    if trav is not None and trav.entity is not None:
                        # "X blocked a trip by Y to Z ... His last visit": the traveller is whom "his" means next
                        doc.last_subject, doc.last_subject_age = trav.entity, 0
                if trav is None and doc.drafts:
                    leg = _followed_leg(doc, s, ti)
                    if leg is not None:
                        trav = Mention(ti, ti, leg.entity, leg.mention, "name")
                        lead_past = leg.status
                if trav is None:
                    # "X made a visit to", "X, on a state visit to": a verb of undertaking governs the noun
                    lead = next((n for n in range(ti - 1, max(-1, ti - 5), -1) if words[n] in nounverb), None)
                    if lead is not None:
                        cands = [m for m in ms if m.j <= lead and lead - m.j <= 12 and m.entity is not None
                                 and not m.obj and not m.possessive]
                        trav = cands[-1] if cands else None
                        if trav is not None and words[lead] in _LEAD_PAST:
                            lead_past = "ongoing" if words[lead] in ("boarded", "took") and \
                                any(x in vehicle for x in words[lead + 1:ti + 1]) else "completed"
                if trav is None:
                    # "His only trip abroad was an April visit to X": the possessor of the subject
                    cop = next((n for n in range(ti - 1, max(-1, ti - 4), -1) if words[n] in ("was", "were")), None)
                    if cop is not None and all(x in ("a", "an") or x in ndates.MONTHS or x in _POSSESSIVE_SKIP
                                               or _YEARLIKE.fullmatch(x) for x in words[cop + 1:ti]):
                        trav = next((m for m in ms if m.j <= cop and cop - m.j <= 10 and m.entity is not None and
                                     (m.possessive or (m.kind == "pronoun" and words[m.i] in _POSS_PRONOUNS))),
                                    None)
                if trav is None and th.key in _COPULAR_NOUNS:
                    # "X was also a guest at", "he was among the guests at": the subject of the copula
                    cop = next((n for n in range(ti - 1, max(-1, ti - 6), -1) if words[n] in _COPULA), None)
                    if cop is not None:
                        cands = [m for m in ms if m.j <= cop and cop - m.j <= 3 and m.entity is not None
                                 and not m.obj and not m.possessive]
                        trav = cands[-1] if cands else None
            else:
                # "X said that Y would visit": only people after the last reporting verb can be the traveller
                floor = max((n + 1 for n in range(max(0, ti - 30), ti) if words[n] in speech
                             and "that" in words[n + 1:min(ti, n + 5)]), default=0)
                cands = [m for m in ms if floor <= m.i and m.j <= ti and ti - m.j <= 30 and m.entity is not None
                         and (not m.obj or (words[m.i - 1] in control and words[m.j:ti] == ["to"])) and (not m.possessive or any(x in vehicle for x in words[m.j:m.j + 4]))]
                trav = cands[-1] if cands else None
                if poss is not None and (trav is None or poss.j > trav.j):
                    trav = poss
                if trav is not None and _country_subject(s, places, trav.j, ti):
                    continue  # "since Sudan joined the coalition fighting in Yemen": the country acts
                if trav is None and not any(m.j <= ti for m in ms if m.entity is not None):
                    trav = next((m for m in ms if m.i >= tj and m.entity is not None and not m.obj and
                                 m.i - tj <= 15), None)
        if role != "host" and dests and trav is None:
            doc.context = (k, dests, _pick_date(s, found, ti, max(tj, dests[-1].j), speech, clause))
        if trav is None or trav.entity is None:
            continue
        ent = trav.entity
        plan_spans: list[tuple[date, date, str]] | None = None
        if not dests and role == "attend" and form == "base" and any(c.status == "virtual" and clause[0] <= c.i < clause[1]
                                                  and virtual_owner.get(c, ti) == ti for c in cues):
            # "... but he would take part by video link instead": the trip this person had planned
            plan = next((d for d in reversed(doc.drafts) if d.entity is ent and d.status in FUTURE), None)
            if plan is not None:
                dests = [Place(tj, tj, plan.code, "city", plan.city, "")]
                plan_spans = plan.spans
        if role == "host":
            before = [p for p in places if p.j <= ti and ti - p.j <= 8 and valid_dest(p)]
            after = [p for p in places if trav.j <= p.i <= trav.j + 4 and valid_dest(p)
                     and words[p.i - 1] in ("in", "to", "at")]
            if after:
                dests = after[:1]
            elif before and not [m for m in ms if before[-1].j <= m.i < ti and m.entity is not None]:
                dests = before[-1:]
                # "Kenya and Chad both received X": every host of a list
                for p in reversed(before[:-1]):
                    if all(x in ("and", "both") for x in words[p.j:dests[0].i]) and \
                            sum(toks[n].gap.count(",") for n in range(p.j, dests[0].i + 1)) <= 1:
                        dests.insert(0, p)
                    else:
                        break
            else:
                host = next((m for m in reversed(ms) if m.j <= ti and m.entity is not None), None)
                if host is not None and host.entity and host.entity.nationality:
                    dests = [Place(host.i, host.j, host.entity.nationality, "country", "", "")]
        if role == "led_by" and doc.context is not None and k - doc.context[0] <= 2:
            dests, ctx_date = list(doc.context[1]), doc.context[2]
        if not dests and form == "noun" and trav is poss and poss is not None:
            # "Vietnam is preparing ... for Putin's first visit": the place the clause is about
            dests = [p for p in places if clause[0] <= p.i and p.j <= trav.i and valid_dest(p)][-1:]
        if role == "leave" and (words[tj:tj + 2] == ["the", "capital"] or
                                any(p.code == ent.nationality for p in dests)):
            done_here[ent.key] = "ongoing"  # "left the capital on Sunday to attend ...": on the way
        if dests and role == "meet" and all(p.code == ent.nationality for p in dests):
            # "Putin and Trump last met in Anchorage": the host is one of the pair, the other travelled
            alt = next((m for m in _coordinated(s, ms, trav) if m.entity is not None
                        and m.entity.nationality != dests[0].code), None)
            if alt is not None:
                trav, ent = alt, alt.entity
        dests = [p for p in dests if p.code != ent.nationality]
        if not dests:
            continue
        # "first visit since 2017", "first visit to X in 24 years": an earlier trip
        _earlier_trip(doc, s, found, ti, tj, ent, trav, dests[0])
        # "has not been to X since October 2019": the last trip there, then
        last_since = _last_since(doc, s, found, ti, tj) if th.key in _NOT_SINCE else None
        if th.key in ("been to", "been back to") and last_since is None:
            continue
        # ---- status
        status = status_of(form, role, words, ti, tj, [c for c in cues if virtual_owner.get(c, ti) == ti], clause)
        if form in ("base", "noun") and role in ("go", "be", "attend") and status in (None, "planned") and \
                _after_trip(words, ti, cues):
            status = "completed"  # "was due in Washington after a four-day stay in Hungary"
        if status is None and lead_past:
            status = lead_past
        if status is None and form == "noun" and not any(clause[0] <= c.i and c.j <= clause[1] for c in cues):
            # cues of another clause ("since the warrant was issued: his visit to X ...") say nothing of this one
            status = _noun_status(doc, s, found, ti, tj, dests[-1].j, speech, clause)
        if last_since is not None:
            status = "completed"
        if status is None and ent.key in sent_status and form == "base":
            # "will fly to A on Tuesday, before going on to B": a sequel leg shares the tense of the first
            prev_status, prev_j = sent_status[ent.key]
            if prev_j <= ti and any(x in _SEQUEL for x in words[prev_j:ti]):
                status = prev_status
        if status is None:
            continue
        if status in ("planned", "completed"):
            sent_status[ent.key] = (status, tj)
        if status == "planned" and form == "base" and ti > 0 and words[ti - 1] == "to" and \
                ent.key in done_here and not any(c.status == "planned" and c.strength >= 4 and c.j <= ti
                                                 and ti - c.j <= 4 for c in cues):
            status = done_here[ent.key]  # "arrived in X to attend": the purpose of a completed trip
        if status in ("completed", "ongoing"):
            done_here[ent.key] = status
        if role == "leave" and status == "planned":
            status = "ongoing"
        # ---- date
        future = status in FUTURE
        if status == "cancelled" and any(words[c.i] in _PAST_CANCEL and clause[0] <= c.i < tj for c in cues):
            future = False
        elif status == "virtual" and form == "past":
            future = False  # "In August he addressed the summit by video": the August before the report  # "In October, X blocked/skipped a trip to Y": the October before the report
        dexpr = _pick_date(s, found, ti, max(tj, dests[-1].j), speech, clause)
        if dexpr is not None and status == "invited" and dexpr.i < ti:
            dexpr = None  # "In March, X was invited to visit": the date of the invitation
        if dexpr is None and ctx_date is not None:
            dexpr = ctx_date
        spans: list[tuple[date, date, str]] = []
        if plan_spans is not None:
            dexpr = None
            spans = list(plan_spans)
        if last_since is not None:
            dexpr = None
            spans = last_since
        if dexpr is not None:
            spans = ndates.resolve(dexpr, doc.pub, future)
            # "visited Russia twice, in 2019 and again last year": one trip per date of a list
            last_d = dexpr
            for d in found:
                if d.i >= last_d.j and 0 < d.i - last_d.j <= 3 and \
                        all(x in _DATE_CHAIN for x in words[last_d.j:d.i]) and \
                        any(x in _LIST_AND for x in words[last_d.j:d.i]) and len(spans) < 6:
                    spans += [sp for sp in ndates.resolve(d, doc.pub, future)[:1] if sp not in spans]
                    last_d = d
        event = _event_near(doc, s, k, tj, dests[0].code) or used_event
        if not spans and event is None and future:
            cur = _current_event(doc, k)
            if cur is not None and cur.code == dests[0].code and cur.date is not None:
                event = cur
            elif not any(d.i < ti for d in found):
                # "X is skipping the Rio meeting" after "the summit in Rio de Janeiro on Sunday": the dated
                # event of that country the article named last (the pool is bounded)
                event = next((e for e in reversed(doc.events_by_code.get(dests[0].code, []))
                              if e.sent <= k and e.date is not None), None)
                if event is not None and doc.pub is not None and any(
                        sp[1] < doc.pub.start for sp in ndates.resolve(event.date, doc.pub, future)[:1]):  # type: ignore[arg-type]
                    event = None  # an event already past is not the one a plan is about
        if not spans and event is not None and event.date is None:
            # "The summit in Kazan could ...": the dated mention of the same event earlier in the article
            dated_ev = next((e for e in doc.events_by_code.get(event.code, []) if e.date is not None
                             and e.noun == event.noun and e.sent <= k), None)
            if dated_ev is not None:
                event = Event(event.sent, event.noun, event.name, event.code, event.city, dated_ev.date)
        if not spans and event is not None and event.date is not None:
            spans = ndates.resolve(event.date, doc.pub, future)[:1]
        if not spans and th.key in _STOPS:
            # "may add a stop in X": a leg of the trip last reported for this person, on its dates
            leg = next((d for d in reversed(doc.drafts) if d.entity is ent and (d.status in FUTURE) == future
                        and not d.earlier), None)
            if leg is not None and leg.spans:
                spans = leg.spans[:1]
        if not spans and status == "completed" and (arrest := _before_arrest(doc, words, ent)) is not None:
            spans = [arrest]  # "had travelled through X before his arrest": the month of the arrest
        if not spans and status in ("completed", "ongoing") and k < LEAD_SENTENCES and doc.pub is not None \
                and form in ("past", "ing") and not any(c.status == "completed" and c.strength >= 4 for c in cues
                                                        if c.j <= ti):
            spans = [(doc.pub.start, doc.pub.end, doc.pub.precision)]
        ev_name = event.name if event is not None else ""
        own_spans = _spans_per_dest(doc, s, found, dests, tj, clause, future) if len(dests) > 1 else None
        recent = not spans and status in ("completed", "ongoing") and not any(
            c.status == "completed" and c.strength >= 4 for c in cues) and \
            not any(x in _EARLIER and not (x == "former" and n + 1 in role_starts) and
                    not (x == "earlier" and n > 0 and words[n - 1] in _SHORT_UNITS) for n, x in enumerate(words))
        weak = th.key in _HEADS and status == "ongoing" and not spans
        # "the trip was delayed ..., but he eventually reached X": the journey was made after all
        after_all = status in ("completed", "ongoing") and any(x in _AFTER_ALL for x in words[max(0, ti - 3):ti])
        others = _coordinated(s, ms, trav) if role not in ("host", "led_by") and form != "noun" else []
        for who in [trav, *others]:
            if who.entity is None:
                continue
            for n_dest, dest in enumerate(dests):
                if who is not trav and dest.code == who.entity.nationality:
                    continue
                for span in (own_spans[n_dest] if own_spans else spans) or [None]:  # type: ignore[list-item]
                    _add(doc, _Draft(who.entity, who.text, dest.code, dest.city, [span] if span else [], status,
                                     ev_name, [(s.a, s.b)], weak=weak, recent=recent, after_all=after_all))


# roles that name one person in an article ("the prime minister"); not "the spokesman", "the general"
_GENERIC_ROLES = frozenset({"president", "vice president", "prime minister", "deputy prime minister", "premier",
                            "foreign minister", "defence minister", "defense minister", "chancellor",
                            "supreme leader", "king", "queen", "crown prince", "emir", "secretary general",
                            "un secretary general", "secretary of state", "chief adviser"})
_HEAD_ROLES = frozenset({"counterpart", "president", "leader"})  # "Sudan's president": its named head
_LIST_AND = frozenset({"and", "et"})
_DATE_CHAIN = frozenset({"and", "et", "again", "in", "en", "also", "then", "once", "more"})
_LIST_FILL = frozenset({"and", "et", "then", "again", "also", "in", "en", "to", "au", "aux", "a", "at", "the", "le",
                        "la", "les", "l", "his", "her", "its", "sa", "son", "ses", "on", "visit", "visits", "trip",
                        "trips", "visite", "s"})
_LIST_WORDS = frozenset({"and", "as", "well", "along", "with", "both"})
_AS_AUX = frozenset({"is", "are", "was", "were", "will", "would", "does", "do", "did"})


def _coordinated(s: _Sentence, ms: list[Mention], trav: Mention) -> list[Mention]:
    """People listed with the traveller as one subject: "A, B and C attended", "A and B will visit"."""
    people = [m for m in ms if m.entity is not None and m.kind != "pronoun" and not m.possessive]
    if trav not in people:
        return []
    words, toks = s.words, s.toks
    n = people.index(trav)

    def joined(a: Mention, b: Mention) -> bool:
        between = words[a.j:b.i]
        commas = sum(toks[x].gap.count(",") for x in range(a.j, b.i + 1) if x < len(toks))
        return len(between) <= 3 and all(x in _LIST_WORDS for x in between) and commas <= 1 and \
            (bool(between) or commas == 1) and not any(c in toks[x].gap for x in range(a.j, b.i + 1)
                                                         for c in ";:()" if x < len(toks))

    out: list[Mention] = []
    i = n
    while i > 0 and joined(people[i - 1], people[i]) and len(out) < 12:
        out.append(people[i - 1])
        i -= 1
    i = n
    while i + 1 < len(people) and joined(people[i], people[i + 1]) and len(out) < 12:
        out.append(people[i + 1])
        i += 1
    # "X is expected to attend, as is Y"
    out += [m for m in people if m.i >= trav.j + 2 and words[m.i - 2] == "as" and words[m.i - 1] in _AS_AUX
            and "," in toks[m.i - 2].gap]
    seen = {trav.entity.key if trav.entity else ""}
    res = []
    for m in out:
        if m.entity is not None and m.entity.key not in seen:
            seen.add(m.entity.key)
            res.append(m)
    return res


def _noun_status(doc: _Doc, s: _Sentence, found: list[DateExpr], ti: int, tj: int, dj: int, speech: set[str],
                 clause: tuple[int, int]) -> str | None:
    """Status of "X's visit to Y" when no cue in the sentence says it: the trip's own date against the
    publication date, else the tense of the sentence ("... has drawn criticism", "... ended", "after ...")."""
    dexpr = _pick_date(s, found, ti, max(tj, dj), speech, clause)
    if dexpr is not None and doc.pub is not None:
        spans = ndates.resolve(dexpr, doc.pub, False)
        if spans:
            if spans[0][1] < doc.pub.start:
                return "completed"
            if spans[0][0] > doc.pub.end:
                return "planned"
            return "completed"
    words = s.words
    past = doc.w.get("pasttense", set())
    for n in range(dj, len(words)):
        x = words[n]
        if x in past or (len(x) > 4 and x.endswith("ed") and words[n - 1] not in ("be", "been", "being", "to")):
            return "completed"
    return None


_HOST_NOUN = frozenset({"s", "the", "his", "her", "its", "their", "a", "as", "co", "summit", "conference"})
_SUBORD = frozenset({"since", "because"})
_COMPOUND_TAIL = frozenset({"led", "backed", "based", "born", "brokered", "sponsored", "funded", "made", "owned",
                            "run", "hosted", "organised", "organized", "allied", "aligned", "friendly", "bound"})
_GROUP_NOUNS = frozenset({"delegation", "delegations", "officials", "official", "counterpart", "counterparts",
                          "forces", "troops", "envoy", "envoys", "side", "team", "authorities", "diplomats",
                          "negotiators", "lawmakers", "media", "troop", "military", "intelligence"})
_ORG_HEADS = frozenset({"cooperation", "organisation", "organization", "airways", "airlines", "university",
                        "post", "times", "daily", "accord", "accords", "agreement", "protocol", "declaration",
                        "statute", "convention", "group", "institute", "exchange", "stock", "bank"})


_SUBJ_AUX = frozenset({"has", "had", "have", "was", "were", "is", "also", "then", "later", "will", "would"})
_PLACE_PREP = frozenset({"in", "to", "at", "from", "of", "for", "into", "via", "visit", "visited", "visiting",
                         "visits", "and", "or", "with", "between", "toward", "towards", "across", "near"})


def _country_subject(s: _Sentence, places: list[Place], a: int, ti: int) -> bool:
    """A country between the traveller and a verb trigger is that verb's own subject ("Bashir has visited
    often since Sudan joined the coalition")."""
    words = s.words
    for p in places:
        if p.i < a or p.j > ti or p.kind not in ("country", "territory") or p.demonym:
            continue
        if p.i > 0 and words[p.i - 1] in _PLACE_PREP or (p.j < len(words) and words[p.j] == "s"):
            continue
        if all(x in _SUBJ_AUX for x in words[p.j:ti]):
            return True
    return False


_SAYS = frozenset({"says", "said", "say", "warns", "warned", "tells", "told"})  # "joins X, says war in Y ..."
_AFTER_ALL = frozenset({"eventually", "finally", "ultimately"})
_NOT_TAKEN = (("rather", "than"), ("instead", "of"))


def _not_taken(words: list[str], ti: int) -> bool:
    """True for a trigger right after "rather than" / "instead of" (a journey not made)."""
    return ti >= 2 and (words[ti - 2], words[ti - 1]) in _NOT_TAKEN


def _modifier_place(s: _Sentence, p: Place) -> bool:
    """A place that only qualifies a noun: "Russia-led", "US-backed", "Shanghai Cooperation Organisation",
    "the Rome Statute"."""
    if p.j >= len(s.toks):
        return False
    nxt = s.toks[p.j]
    if nxt.gap == "-" and s.words[p.j] in _COMPOUND_TAIL:
        return True
    if nxt.gap == " " and not nxt.cap and s.words[p.j] in _GROUP_NOUNS:
        return True  # "Russian and US delegations", "US officials"
    if s.words[p.j] == "of" and p.j + 1 < len(s.toks) and s.toks[p.j + 1].cap and p.kind == "city" \
            and s.words[p.j + 1] != "the" and not any(q.i == p.j + 1 for q in s._places or ()):
        return True  # "the Commonwealth of Independent States": a name that starts with a place, not a place
    return nxt.gap == " " and nxt.cap and s.words[p.j] in _ORG_HEADS


def _destinations(doc: _Doc, s: _Sentence, places: list[Place], tj: int, lim: int, strict: bool,
                  valid_dest: object, demonym_capital: object, boundary: set[str],
                  prep: frozenset[str] | None = None) -> list[Place]:
    """Places after a trigger: the first valid one, and any listed with it ("X and then Y", "Hanoi, Vietnam").

    With ``prep``, only a place right after one of those words (or "in the") counts ("met Putin in Sochi").
    """
    words = s.words
    dests: list[Place] = []
    for p in places:
        if p.i < tj or p.i > lim:
            continue
        if prep is not None and not (p.i > 0 and (words[p.i - 1] in prep or
                                                   (p.i > 1 and words[p.i - 1] == "the" and words[p.i - 2] in prep))):
            continue
        if any(b in words[tj:p.i] for b in boundary) or any(x in _SUBORD for x in words[tj:p.i]) or \
                any(x in _SAYS for x in words[tj:p.i]):
            break  # "a frequent visitor since Sudan joined the war in Yemen": another clause's place
        if _modifier_place(s, p):
            continue  # "Russia-led meetings", "the Shanghai Cooperation Organisation": no destination
        if p.demonym and p.kind not in _PLACE_KIND_RANK:
            q = demonym_capital(p)  # type: ignore[operator]
            if q is None:
                continue
            p = q
        if not valid_dest(p):  # type: ignore[operator]
            if strict:
                break
            continue
        dests.append(p)
        last = p
        for q in places:
            if q.i < last.j:
                continue
            between = words[last.j:q.i]
            listed = q.i - last.j <= 3 and all(x in ("and", "then", "both", "later") for x in between)
            if not listed and q.i - last.j <= 9 and any(x in _LIST_AND for x in between):
                # "to Kenya in 2010 and to Nigeria in 2013", "the 2022 gathering in Bali and the 2023 summit
                # in New Delhi": each place with its own date
                dated = [d for d in s.dates if last.j <= d.i and d.j <= q.i]
                covered = {n for d in dated for n in range(d.i, d.j)}
                events = doc.w.get("event", ())
                listed = bool(dated) and all(n in covered or words[n] in _LIST_FILL or words[n] in events
                                             for n in range(last.j, q.i))
            if listed and valid_dest(q) and q.kind in _PLACE_KIND_RANK:  # type: ignore[operator]
                if q.code == dests[-1].code:
                    if not dests[-1].city and q.city:
                        dests[-1] = q
                else:
                    dests.append(q)
                last = q
            else:
                break
        break
    return dests


# "..., and Putin last flew to China": an adverb between a clause's subject and its verb
_SUBJ_ADVERBS = frozenset({"last", "also", "then", "later", "first", "again", "recently", "himself", "herself",
                           "briefly", "previously", "once"})
_CLAUSE_VERBS = frozenset({"will", "would", "may", "might", "could", "is", "was", "has", "had", "shall"})
_STOPS = frozenset({"stop in", "stopover in", "made a stopover in"})
_HEADS = frozenset({"heads to", "heads for"})
_LEAD_PAST = frozenset({"held", "made", "paid", "began", "started", "concluded", "ended", "undertook", "boarded", "took",
                        "completed", "wrapped"})
_AFTER = frozenset({"after", "following", "apres"})
_AFTER_FILL = frozenset({"a", "an", "the", "his", "her", "their", "its", "day", "days", "week", "weeks", "long",
                         "s", "un", "une", "son", "sa"})
_SEQUEL = frozenset({"before", "then"})  # "..., before going on to B", "and then fly to B"
_PAST_AUX = frozenset({"was", "were", "had", "did"})


def _followed_leg(doc: _Doc, s: _Sentence, ti: int) -> _Draft | None:
    """The trip reported earlier in this sentence when a noun trigger follows "followed by (a ...)"."""
    words = s.words
    n = next((n for n in range(ti - 2, max(-1, ti - 6), -1) if tuple(words[n:n + 2]) == _FOLLOWED), None)
    if n is None or not all(x in _AFTER_FILL or x in _POSSESSIVE_SKIP or x in ("private", "short")
                            for x in words[n + 2:ti]):
        return None
    last = doc.drafts[-1]
    if (s.a, s.b) not in last.sentences:
        return None
    return last


def _after_trip(words: list[str], ti: int, cues: list[Cue]) -> bool:
    """ "after a four-day stay in X", "following his visit to X": a trip already over, unless the sentence
    speaks of the future before it ("will fly on after his visit to X")."""
    a = next((n for n in range(ti - 1, max(-1, ti - 6), -1) if words[n] in _AFTER), None)
    if a is None or not all(x in _AFTER_FILL or x in _POSSESSIVE_SKIP or x.isdigit() or x in ndates._NUMWORDS
                            for x in words[a + 1:ti]):
        return False
    if any(x in ("planned", "upcoming", "next", "prochaine") for x in words[a + 1:ti]):
        return False
    return not any(c.j <= a and c.status in ("planned", "speculative", "invited") and c.strength >= 4
                   and words[c.i] not in _PAST_AUX for c in cues)


def _spans_per_dest(doc: _Doc, s: _Sentence, found: list[DateExpr], dests: list[Place], tj: int,
                    clause: tuple[int, int], future: bool) -> list[list[tuple[date, date, str]]] | None:
    """Each listed destination's own date ("to Kenya in 2010 and to Nigeria in 2013"): the date between the
    "and" before it and the "and" after it. None unless every destination has exactly one, and they differ."""
    words = s.words
    cuts = [tj]
    for a, b in zip(dests, dests[1:], strict=False):
        conj = next((n for n in range(a.j, b.i) if words[n] in _LIST_AND), None)
        if conj is None:
            return None
        cuts.append(conj)
    cuts.append(max(clause[1], dests[-1].j))
    out: list[list[tuple[date, date, str]]] = []
    for n in range(len(dests)):
        inside = [d for d in found if cuts[n] <= d.i and d.j <= cuts[n + 1]]
        if len(inside) != 1:
            return None
        out.append(ndates.resolve(inside[0], doc.pub, future))
    if any(not x for x in out) or len({x[0] for x in out}) < len(out):
        return None
    return out


def _date_ok(words: list[str], d: DateExpr, speech: set[str]) -> bool:
    """False for the date of a report ("said on Tuesday", "reported in June") or of a "since" clause."""
    pre = words[max(0, d.i - 3):d.i]
    return not (any(x in speech for x in pre) or "since" in words[max(0, d.i - 2):d.i])


def _pick_date(s: _Sentence, found: list[DateExpr], ti: int, tj: int, speech: set[str],
               clause: tuple[int, int]) -> DateExpr | None:
    words = s.words
    best: tuple[int, DateExpr] | None = None
    excluded_end = -1
    for d in found:
        pre = words[max(0, d.i - 3):d.i]
        reported = any(x in speech for x in pre) or (pre[-1:] == ["on"] and any(x in speech for x in pre[:-1]))
        if "recently" in pre and not reported and d.i >= tj and d.i - tj <= 25:
            # "has been to X several times since 2015, most recently in May": the date of the latest trip
            return d
        if reported or "since" in words[max(0, d.i - 2):d.i] or d.i == excluded_end or \
                (d.i == excluded_end + 0) or "since" in words[min(tj, d.i):max(ti, d.i)]:
            excluded_end = d.j
            continue
        if d.i >= tj:
            dist = d.i - tj
        elif d.j <= ti:
            dist = ti - d.j + 3
        else:
            dist = 0
        if dist > 20:
            continue
        if not (clause[0] <= d.i and d.j <= clause[1]):
            dist += 10
        if best is None or dist < best[0]:
            best = (dist, d)
    return best[1] if best else None


_NOT_SINCE = frozenset({"been to", "been back to", "set foot in", "visited", "travelled to", "traveled to",
                        "returned to", "was in", "been in"})


def _last_since(doc: _Doc, s: _Sentence, found: list[DateExpr], ti: int, tj: int
                ) -> list[tuple[date, date, str]] | None:
    """ "X has not been to Y since October 2019", "has never returned to Y since 2015": the spans of that
    last trip, or None."""
    words = s.words
    if not any(x in ("not", "never", "n") for x in words[max(0, ti - 3):ti]):
        return None
    n = next((n for n in range(tj, min(len(words), tj + 8)) if words[n] == "since"), None)
    if n is None:
        return None
    d = next((d for d in found if d.i == n + 1), None)
    if d is None or d.kind != "abs" or not d.years:
        return None
    spans = ndates.resolve(d, doc.pub, False)[:1]
    return spans or None


def _current_event(doc: _Doc, k: int) -> Event | None:
    n = bisect.bisect_right(doc.event_sents, k)
    return doc.events[n - 1] if n else None


_INDEFINITE = frozenset({"a", "an", "another", "any"})


def _indefinite(s: _Sentence, i: int) -> bool:
    """ "attend a G20 summit", "another summit": no particular event, so not one reported earlier."""
    a = i
    while a > 0 and i - a < 3 and s.toks[a - 1].cap:
        a -= 1  # "a G20 summit", "an EU-Africa summit"
    if a == 0 or s.words[a - 1] not in _INDEFINITE:
        return False
    j = next((j for i2, j, h in s.get("word", longest=False) if i2 == i and h.value == "event"), i + 1)
    return s.words[j:j + 1] not in (["that"], ["which"], ["where"])  # "a summit that was moved": that one


def _event_near(doc: _Doc, s: _Sentence, k: int, tj: int, code: str) -> Event | None:
    nouns = {h.key for i, j, h in s.get("word", longest=False) if h.value == "event" and tj <= i <= tj + 8
             and not _indefinite(s, i)}
    if not nouns:
        return None
    # the first few events of that country (bounded: long texts must stay linear) and this sentence's own
    pool = doc.events_by_code.get(code, [])[:_EVENT_POOL] + [e for e in doc.events_at.get(k, []) if e.code == code]
    cands = [e for e in pool if e.sent <= k and (e.noun in nouns or nouns & {"event"})]
    if not cands:
        return None
    same = [e for e in cands if e.sent == k and e.date is not None]
    dated = [e for e in cands if e.date is not None]
    return (same or dated or cands)[0]


def _earlier_trip(doc: _Doc, s: _Sentence, found: list[DateExpr], ti: int, tj: int, ent: Entity,
                  trav: Mention, dest: Place) -> None:
    words = s.words
    if "first" not in words[max(0, ti - 3):ti]:
        return
    spans: list[tuple[date, date, str]] = []
    for n in range(tj, min(len(words), tj + 8)):
        if words[n] == "since":
            d = next((d for d in found if d.i == n + 1), None)
            if d is not None:
                spans = ndates.resolve(d, doc.pub, False)[:1]
            break
        if words[n] == "in" and n + 2 < len(words) and words[n + 2] == "years" and doc.pub is not None:
            num = ndates._NUMWORDS.get(words[n + 1]) or (int(words[n + 1]) if words[n + 1].isdigit() else 0)
            if num and num < 200:
                y = doc.pub.start.year - num
                spans = [(date(y, 1, 1), date(y, 12, 31), "year")]
            break
    if spans and dest.code != ent.nationality:
        _add(doc, _Draft(ent, trav.text, dest.code, "", spans, "completed", "", [(s.a, s.b)], earlier=True))


def _compatible(a: list[tuple[date, date, str]], b: list[tuple[date, date, str]]) -> bool:
    if not a or not b:
        return True
    (s1, e1, _), (s2, e2, _) = a[0], b[0]
    return s1.toordinal() <= e2.toordinal() + 7 and s2.toordinal() <= e1.toordinal() + 7


def _add(doc: _Doc, new: _Draft) -> None:
    same_key = doc.by_key.setdefault((new.entity.key, new.code), [])
    cands = [d for d in same_key if _compatible(d.spans, new.spans)]
    if not new.spans and new.status not in FUTURE and doc.pub is not None:
        # an undated visit that happened is not the one planned for after the report
        cands = [d for d in cands if not (d.status in FUTURE and d.spans and d.spans[0][0] > doc.pub.end)]
    if doc.pub is not None:
        # a visit that ended before the report is not the one invited or mooted now
        def past(d: _Draft) -> bool:
            return d.status == "completed" and bool(d.spans) and d.spans[0][1] < doc.pub.start  # type: ignore[union-attr]
        def long_past(d: _Draft) -> bool:
            return past(d) and d.spans[0][1].toordinal() < doc.pub.start.toordinal() - 30  # type: ignore[union-attr]
        if new.status in _OPEN:
            cands = [d for d in cands if not past(d)]
        elif past(new):
            cands = [d for d in cands if d.status not in _OPEN]
        # "X will not travel to Y" and "X's last visit to Y was in 2020": two trips, not one
        if new.status in FUTURE and not new.spans:
            cands = [d for d in cands if not long_past(d)]
        elif long_past(new):
            cands = [d for d in cands if not (d.status in FUTURE and not d.spans)]
    if not cands:
        doc.drafts.append(new)
        same_key.append(new)
        return
    group = (new.status in FUTURE)
    same = [d for d in cands if (d.status in FUTURE) == group]
    if not new.spans:
        d = (same or cands)[0]
    else:
        dated = [d for d in cands if d.spans]
        d = (dated or same or cands)[0]
    if new.spans and (not d.spans or _PRECISION_RANK[new.spans[0][2]] < _PRECISION_RANK[d.spans[0][2]]):
        d.spans = new.spans
    was_future = d.status in FUTURE
    if d.weak and new.status == "planned":
        d.status, d.weak = "planned", False  # "X heads to Y" + "X will arrive in Y on Thursday": a plan
    elif new.weak and d.status == "planned":
        pass
    elif new.after_all and d.status == "cancelled" and new.sentences[0] in d.sentences:
        d.status = new.status
        d.spans = new.spans or d.spans  # the date it was made, not the date it was due
    elif new.status == "cancelled" and d.status in ("completed", "ongoing") and new.spans and \
            doc.pub is not None and new.spans[0][1] <= doc.pub.end:
        pass  # "arrived in X on Monday ... skipped Tuesday's forum": a part of a trip made, not the trip
    elif _STATUS_RANK[new.status] < _STATUS_RANK[d.status]:
        d.status = new.status
        d.weak = new.weak
    if new.city and not d.city:
        d.city = new.city
    if new.event and not d.event:
        d.event = new.event
    if was_future:
        d.recent = new.recent
    elif new.status not in FUTURE:  # a plan merged into a visit says nothing of when the visit was
        d.recent = d.recent and new.recent
    for sp in new.sentences:
        if sp not in d.sentences and len(d.sentences) < 3:
            d.sentences.append(sp)


def _finish(doc: _Doc, d: _Draft) -> Trip:
    text = doc.text
    sents = sorted(d.sentences)
    evidence = " | ".join(text[a:b] for a, b in sents)
    spans = d.spans
    if not spans and d.recent and doc.pub is not None and d.status in ("completed", "ongoing"):
        # a trip reported as current with no date of its own: the month of the report
        p = doc.pub.start
        nxt = date(p.year + (p.month == 12), p.month % 12 + 1, 1)
        spans = [(date(p.year, p.month, 1), date.fromordinal(nxt.toordinal() - 1), "month")]
    if spans:
        start, end, precision = spans[0]
        s_iso, e_iso = start.isoformat(), end.isoformat()
    else:
        s_iso = e_iso = ""
        precision = "unknown"
    return Trip(
        person_id=d.entity.pid,
        person=d.entity.name,
        mention=d.mention,
        country=d.code,
        city=d.city,
        start=s_iso,
        end=e_iso,
        precision=precision,
        status=d.status,
        event=d.event,
        evidence=evidence,
        span=(sents[0][0], sents[-1][1]),
    )


# --------------------------------------------------------------------------------------------------


def _parser() -> object | None:
    """The parse's entry point when it can run (spaCy itself loads on the first sentence that needs it)."""
    from .parse import available, nlp

    if not available():
        return None

    def parse_text(text: str) -> object:
        model = nlp()
        return model(text) if model is not None else None  # type: ignore[operator]

    return parse_text


def _parse_trips(doc: _Doc, s: _Sentence, k: int, ms: list[Mention], nlp: object) -> None:
    """Trips the dependency parse finds in a sentence (merged with the rules' own through :func:`_add`)."""
    from .parse import links, trigger_words

    words, toks = s.words, s.toks
    role_spans = [(m.i, m.j) for m in ms if m.kind in ("role", "title", "name")]
    dests = [p for p in doc.places(s) if p.kind in _PLACE_KIND_RANK and not any(a <= p.i < b for a, b in role_spans)
             and not (p.i > 0 and words[p.i - 1] in ("from", "airspace"))]
    if not dests or s.b - s.a > PARSE_MAX_CHARS or doc.parse_budget <= 0:
        return
    if not any(x in trigger_words() for x in words):
        return  # no travel word: nothing for the parse to find
    here = (s.a, s.b)
    if all(any(here in d.sentences for d in doc.by_key.get((m.entity.key, p.code), []))
           for m in ms if m.entity is not None and m.entity.pid for p in dests if p.code != m.entity.nationality):
        return  # the rules read every pair of a wanted person and a place in this sentence already
    doc.parse_budget -= 1
    base = s.a
    spacy_doc = nlp(doc.text[s.a:s.b])  # type: ignore[operator]
    if spacy_doc is None:
        return  # the model failed to load: the rules alone
    by_char = {(toks[p.i].start - base, toks[p.j - 1].end - base): p for p in dests}
    speech = doc.w.get("speech", set())
    boundary = doc.w.get("clause", set())
    cues = [Cue(i, j, *h.value) for i, j, h in s.get("cue")
            if not (h.key == "may" and toks[i].cap and any(d.i <= i < d.j for d in s.dates))]

    def tok_at(char: int) -> int:
        return max(0, bisect.bisect_right(s.starts, char + base) - 1)

    def mention_at(char: int) -> Mention | None:
        n = tok_at(char)
        return next((m for m in ms if m.i <= n < m.j and m.entity is not None), None)

    for link in links(spacy_doc, list(by_char)):
        who = mention_at(link.traveller)
        place = by_char[link.dest]
        if who is None or who.entity is None or place.code == who.entity.nationality:
            continue
        if any((s.a, s.b) in d.sentences for d in doc.by_key.get((who.entity.key, place.code), [])):
            continue  # the rules read this trip in this sentence already (with their finer status cues)
        ti = tok_at(link.verb)
        tj = ti + 1
        clause = _clause(s, ti, tj, boundary)
        status = status_of(link.form, "go", words, ti, tj, cues, clause)
        if status is None and link.form == "noun":
            status = _noun_status(doc, s, s.dates, ti, tj, place.j, speech, clause)
        if status is None:
            if link.negated:
                continue
            status = {"past": "completed", "pres": "completed", "ing": "ongoing"}.get(link.form)
            if status is None:
                continue
        if link.negated and status in ("completed", "ongoing"):
            continue
        if link.mark in ("if", "unless", "whether", "should", "whenever"):
            status = "speculative"  # "obliged to arrest him if he lands in the country": a condition
        elif link.mark in ("when", "once") and link.form in ("pres", "base"):
            status = "planned"  # "when he arrives in X" (future)
        future = status in FUTURE
        dexpr = _pick_date(s, s.dates, ti, max(tj, place.j), speech, clause)
        spans = ndates.resolve(dexpr, doc.pub, future)[:1] if dexpr is not None else []
        if not spans and status in ("completed", "ongoing") and k < LEAD_SENTENCES and doc.pub is not None \
                and link.form in ("past", "ing"):
            spans = [(doc.pub.start, doc.pub.end, doc.pub.precision)]
        recent = not spans and status in ("completed", "ongoing") and not any(x in _EARLIER for x in words)
        _add(doc, _Draft(who.entity, who.text, place.code, place.city, spans, status, "", [(s.a, s.b)],
                         recent=recent))
