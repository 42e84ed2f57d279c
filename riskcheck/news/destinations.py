"""Destinations of a travel trigger: the first valid place after it and the places listed with it; places
that only qualify a noun ("Russia-led", "US officials") are not destinations.
"""

from __future__ import annotations

from . import dates as ndates
from .dates import DateExpr
from .document import _LIST_AND, _PLACE_KIND_RANK, Event, Mention, Place, _Doc, _Sentence
from .gatherings import _current_event, _indefinite, _series_tokens
from .mentions import Hit

_MEET_PREP = frozenset({"in", "at"})
_LIST_FILL = frozenset({"and", "et", "then", "again", "also", "in", "en", "to", "au", "aux", "a", "at", "the", "le",
                        "la", "les", "l", "his", "her", "its", "sa", "son", "ses", "on", "visit", "visits", "trip",
                        "trips", "visite", "s"})
_SUBORD = frozenset({"since", "because"})
_PASSIVE_AUX = frozenset({"was", "were", "been", "be", "is", "are", "also", "well", "largely"})
_PURPOSE_VERBS = frozenset({"meet", "see", "attend", "join", "hold", "address"})
_LIST_HEADS = frozenset({"republics", "states", "countries", "nations", "neighbours", "neighbors", "allies",
                         "members", "partners", "capitals"})
_COMPOUND_TAIL = frozenset({"led", "backed", "based", "born", "brokered", "sponsored", "funded", "made", "owned",
                            "run", "hosted", "organised", "organized", "allied", "aligned", "friendly", "bound",
                            "format", "style", "type"})  # ("the Astana-format summit on Syria")
_GROUP_NOUNS = frozenset({"delegation", "delegations", "officials", "official", "counterpart", "counterparts",
                          "forces", "troops", "envoy", "envoys", "side", "team", "authorities", "diplomats",
                          "negotiators", "lawmakers", "media", "troop", "military", "intelligence"})
_ORG_HEADS = frozenset({"cooperation", "organisation", "organization", "airways", "airlines", "university",
                        "post", "times", "daily", "accord", "accords", "agreement", "protocol", "declaration",
                        "statute", "convention", "group", "institute", "exchange", "stock", "bank"})


_SAYS = frozenset({"says", "said", "say", "warns", "warned", "tells", "told"})  # "joins X, says war in Y ..."

_TOPIC_NOUNS = frozenset({"war", "wars", "conflict", "crisis", "issue", "question", "dispute", "ceasefire",
                          "truce", "peace", "border", "relations", "ties", "policy", "sanctions", "deal",
                          "file", "problem", "settlement", "invasion", "offensive", "front", "frontline",
                          "format", "process"})  # ("the Astana format talks on Syria", "the Normandy format")

_COUNTRY_TOPICS = frozenset({"agreement", "accord", "pact", "treaty", "nuclear", "programme", "program"})
_OWNED_BODIES = frozenset({"agency", "official", "officials", "media", "press", "foreign", "government", "ministry",
                           "state", "news", "embassy", "parliament", "mission"})


def _modifier_place(s: _Sentence, p: Place) -> bool:
    """A place that only qualifies a noun: "Russia-led", "US-backed", "Shanghai Cooperation Organisation",
    "the Rome Statute"."""
    if p.j >= len(s.toks):
        return False
    nxt = s.toks[p.j]
    if nxt.gap == "-" and s.words[p.j] in _COMPOUND_TAIL:
        return True
    if nxt.gap == " " and not nxt.cap and s.words[p.j] in _GROUP_NOUNS and \
            s.words[p.j:p.j + 2] != ["side", "of"]:  # (but "the Sudan side of the border" is a place)
        return True  # "Russian and US delegations", "US officials", "the Turkmen side"
    pair = [q for q in s._places or () if q.kind in ("country", "territory")] if p.kind in ("country", "territory") \
        else []
    if (nxt.gap == "-" and any(q.i == p.j for q in pair)) or \
            (p.i > 0 and s.toks[p.i].gap == "-" and any(q.j == p.i for q in pair)):
        return True  # "the Russia-Ukraine conflict", "the India-Russia summit": a pair names a relation
    if nxt.gap == " " and not nxt.cap and s.words[p.j] in ("talks", "negotiations", "process") and \
            p.kind in ("country", "territory"):
        return True  # "the Ukraine talks", "the Syria peace process": what is talked about (not "the Geneva talks")
    if nxt.gap == " " and not nxt.cap and s.words[p.j] in _TOPIC_NOUNS:
        return True  # "the Russia-Ukraine conflict", "the summit on ending the Gaza war in Egypt": a topic
    if nxt.gap == " " and not nxt.cap and s.words[p.j] in _COUNTRY_TOPICS and p.kind in ("country", "territory"):
        return True  # "still backs the Iran agreement", "the Iran nuclear programme" (not "the Paris agreement")
    if s.words[p.j] == "of" and p.j + 1 < len(s.toks) and s.toks[p.j + 1].cap and p.kind == "city" \
            and s.words[p.j + 1] != "the" and not any(q.i == p.j + 1 for q in s._places or ()):
        return True  # "the Commonwealth of Independent States": a name that starts with a place, not a place
    if nxt.gap == " " and nxt.cap and s.words[p.j] in _ORG_HEADS:
        return True
    if s.words[p.j] == "s" and "'" in nxt.gap and s.words[p.j + 1:p.j + 2] and s.words[p.j + 1] in _OWNED_BODIES:
        return True  # "according to Tskhinvali's official agency", "Moscow's foreign ministry": a body, not a place
    # "the international airport Hassan Djamous": a town's name followed by a capitalised word nothing knows is
    # the first word of a longer name, not the town
    return p.kind == "city" and nxt.gap == " " and nxt.cap and not any(
        i == p.j for cat in s.hits for i, _j, _h in s.hits[cat]) and not s.words[p.j].isdigit() and \
        not any(d.i == p.j for d in s.dates)


# nouns naming a subject of talks, not a venue: "the crisis in X", "the war in Y", "the situation in Z"
TOPIC_NOUNS = frozenset({"crisis", "conflict", "war", "situation", "fighting", "violence", "unrest", "tensions",
                         "tension", "peace", "ceasefire", "truce", "stability", "security", "reconstruction",
                         "elections", "election", "invasion", "offensive", "atrocities", "genocide", "famine"})


def topic_place(s: _Sentence, p: Place) -> bool:
    """Whether place ``p`` is what a topic noun is about ("the crisis in South Sudan", "the war in Ukraine"; not
    "a summit on ending the Gaza war in Egypt", whose war has its place already)."""
    words = s.words
    i = p.i - (1 if p.i > 0 and words[p.i - 1] == "the" else 0)
    if i >= 2 and words[i - 1] == "on" and _topic_before(s, i - 1):
        return True  # "an international conference on Libya in Berlin", "talks on Ukraine", "the summit of the
        # Organization of Islamic Cooperation on Palestine"
    if i >= 3 and words[i - 1] == "and":
        # "... on Palestine and Al-Quds": the second of two topics
        k = next((n for n in range(i - 2, max(0, i - 6), -1) if words[n] == "on"), None)
        if k is not None and all(s.toks[n].cap for n in range(k + 1, i - 1)) and _topic_before(s, k):
            return True
    if i >= 1 and words[i - 1] in ("about", "regarding", "concerning", "against"):
        return True  # "invited to speak on a panel about Iran", "the opening match against Saudi Arabia"
    if i >= 1 and (words[i - 1] == "between" or i >= 3 and words[i - 3] == "between" and words[i - 1] == "and"
                   or i >= 2 and words[i - 2] == "between"):
        return True  # "the final between France and Croatia", "talks between Russia and Ukraine in Istanbul"
    return i >= 2 and words[i - 1] in ("in", "of", "over") and words[i - 2] in TOPIC_NOUNS and \
        not (i >= 3 and s.toks[i - 3].cap)


def _topic_before(s: _Sentence, on: int) -> bool:
    """Whether the word before "on" at token ``on`` is a topic noun, or a name of capitalised words (with "of",
    "the", "for") right after one ("the summit of the Organization of Islamic Cooperation on ...")."""
    words, toks = s.words, s.toks
    n = on - 1
    while n > 0 and words[n] not in _ON_TOPIC and (toks[n].cap or words[n] in ("of", "the", "for")) and on - n < 9:
        n -= 1
    return n >= 0 and words[n] in _ON_TOPIC


_ON_TOPIC = frozenset({"conference", "summit", "talks", "meeting", "forum", "negotiations", "dialogue", "resolution",
                       "debate", "consultations", "agreement", "deal", "report", "sanctions", "statement", "views"})


_LIVES = frozenset({"lives", "lived", "live", "living", "resides", "resided", "residing", "settled", "works"})
_LIVE_AUX = frozenset({"has", "had", "have", "been", "now", "still", "since"})


# "joined the leaders of Azerbaijan, Iran and Kazakhstan in Ashgabat": whose leaders, not where they went
_LEADER_NOUNS = frozenset({"leaders", "presidents", "heads", "counterparts", "delegations", "representatives",
                           "envoys", "ministers", "premiers", "monarchs"})


def _leaders_of(words: list[str], i: int) -> bool:
    """Whether the place at token ``i`` says whose leaders ("the leaders of X", "heads of state of X")."""
    j = i - (1 if i > 0 and words[i - 1] == "the" else 0)
    if j < 2 or words[j - 1] != "of":
        return False
    return words[j - 2] in _LEADER_NOUNS or (j >= 4 and words[j - 2] in ("state", "government")
                                            and words[j - 3] == "of" and words[j - 4] == "heads")


def home_place(words: list[str], p: Place) -> bool:
    """Whether place ``p`` is where the person lives: "at his home in X", "X, where he lives"."""
    i = p.i - (1 if p.i > 0 and words[p.i - 1] == "the" else 0)
    if i >= 3 and words[i - 1] in ("in", "near", "outside") and words[i - 2] in ("home", "residence", "house") and \
            words[i - 3] in ("his", "her", "their"):
        return True
    if not (p.j + 2 < len(words) and words[p.j] == "where" and words[p.j + 1] in ("he", "she", "they")):
        return False
    k = p.j + 2
    while k < len(words) - 1 and k < p.j + 4 and words[k] in _LIVE_AUX:
        k += 1  # "where he has lived since", "where he had been living"
    return words[k] in _LIVES


def _destinations(doc: _Doc, s: _Sentence, places: list[Place], tj: int, lim: int, strict: bool,
                  role_spans: list[tuple[int, int]], boundary: set[str],
                  prep: frozenset[str] | None = None) -> list[Place]:
    """Places after a trigger: the first valid one, and any listed with it ("X and then Y", "Hanoi, Vietnam").

    With ``prep``, only a place right after one of those words (or "in the") counts ("met Putin in Sochi").
    """
    words = s.words
    speech = doc.w.get("speech", set())
    dests: list[Place] = []
    origin = -1  # end of a list of origins ("leaders from A, B and C"): none of them is a destination
    topic = -1  # end of a list of places talked about ("the conflict in A and B")
    for p in places:
        if p.i < tj or p.i > lim:
            continue
        # (a "from" that ends the trigger, "returned from X", names where the traveller was, not an origin)
        if p.i > tj and words[p.i - 1] == "from" or _leaders_of(words, p.i) or (origin >= 0 and p.i - origin <= 2 and all(
                x in ("and", "or") for x in words[origin:p.i])):
            origin = p.j
            continue
        if prep is not None and not (p.i > 0 and (words[p.i - 1] in prep or
                                                   (p.i > 1 and words[p.i - 1] == "the" and words[p.i - 2] in prep))):
            continue
        if any(b in words[tj:p.i] for b in boundary) or any(x in _SUBORD for x in words[tj:p.i]) or \
                any(x in _SAYS for x in words[tj:p.i]):
            break  # "a frequent visitor since Sudan joined the war in Yemen": another clause's place
        if _modifier_place(s, p):
            continue  # "Russia-led meetings", "the Shanghai Cooperation Organisation": no destination
        if topic_place(s, p) or (topic >= 0 and p.i - topic <= 2 and all(x in ("and", "or") for x in words[topic:p.i])):
            topic = p.j  # "talks ... on the crisis in South Sudan" (and "... in Syria and Iran's programme")
            continue  # what they talk about, not where they go
        if home_place(words, p):
            continue  # "arrested at his home in Brussels", "in The Hague, where he lives": no journey there
        if p.demonym and p.kind not in _PLACE_KIND_RANK:
            q = demonym_capital(doc, s, p)
            if q is None:
                continue
            p = q
        if not is_destination(s, p, speech, role_spans, after_from=p.i == tj):
            if strict:
                break
            continue
        dests.append(p)
        last = p
        for q in places:
            if q.i < last.j:
                continue
            between = words[last.j:q.i]
            listed = q.i - last.j <= 3 and all(x in ("and", "then", "both", "later", "via") for x in between) or \
                between in (["and", "the"], ["the"]) or between[-2:] == ["on", "to"] and all(
                    x in ("and", "then", "later", "on", "to") for x in between) or (  # "to Minsk and then on to X"
                # "China, Tajikistan and the United States"
                # "China and former Soviet republics Belarus, ...", "and Gulf states Qatar and ...": a list
                # going on after a plural naming what the next places are
                2 <= len(between) <= 4 and between[0] == "and" and between[-1] in _LIST_HEADS)
            if not listed and q.i - last.j <= 9 and any(x in _LIST_AND for x in between):
                # "to Kenya in 2010 and to Nigeria in 2013", "the 2022 gathering in Bali and the 2023 summit
                # in New Delhi": each place with its own date
                dated = [d for d in s.dates if last.j <= d.i and d.j <= q.i]
                covered = {n for d in dated for n in range(d.i, d.j)}
                events = doc.w.get("event", ())
                listed = bool(dated) and all(n in covered or words[n] in _LIST_FILL or words[n] in events
                                             for n in range(last.j, q.i))
            if listed and is_destination(s, q, speech, role_spans) and q.kind in _PLACE_KIND_RANK:
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


_ONLINE_CUES = frozenset({"virtually", "virtual", "online", "video", "videoconference", "videolink", "remotely"})


def _online_edition(doc: _Doc, s: _Sentence, series_here: list[tuple[int, str]]) -> Place | None:
    """The host of an edition held by video only (data/events.csv mode ``virtual``) that the sentence names and
    says was joined remotely: a ``virtual`` trip there (ANNOTATION.md), never a journey."""
    if not series_here or _ONLINE_CUES.isdisjoint(s.words) or doc.pub is None:
        return None
    from ..events import find_edition

    i, sid = series_here[0]
    ed = find_edition(sid, near=doc.pub.start, ruleset=doc.rs)
    if ed is None or ed.mode != "virtual" or not ed.country or abs((ed.start - doc.pub.start).days) > 60:
        return None
    return Place(i, i, ed.country, "city" if ed.city else "country", ed.city or "", ed.name)


def is_destination(s: _Sentence, p: Place, speech: set[str], role_spans: list[tuple[int, int]],
                   after_from: bool = False) -> bool:
    """Whether place ``p`` can be where someone travels: a country/territory/capital/city that is not the
    subject of a reporting verb ("Moscow said"), a way through ("Turkish airspace", "the Strait of ..."), an
    origin ("from X", unless ``after_from``: the trigger itself ends in "from", "returned from X"), or the
    qualifier of a person ("Nepal Prime Minister ...", spans in ``role_spans``)."""
    words = s.words
    if p.kind == "government" or p.kind not in _PLACE_KIND_RANK:
        return False
    if p.kind == "city" and p.i > 0 and len(words[p.i - 1]) == 1 and s.toks[p.i - 1].cap and "." in s.toks[p.i].gap:
        return False  # "John F. Kennedy airport": a person's name, not the town of Kennedy
    if p.j < len(words) and (words[p.j] in speech or (p.j + 1 < len(words) and words[p.j] in (
            "has", "had", "have", "also") and words[p.j + 1] in speech)):
        return False
    if p.i > 0 and words[p.i - 1] in ("airspace", "strait", "straits") or (
            p.i > 0 and words[p.i - 1] == "from" and not after_from):
        return False  # "through the Strait of Gibraltar", "Turkish airspace": a way, not a stop
    if p.i > 1 and words[p.i - 1] == "of" and words[p.i - 2] in ("strait", "straits", "airspace", "gulf"):
        return False
    # a qualifier of a person ("Nepal Prime Minister ...")
    return not any(a <= p.i < b for a, b in role_spans)


def demonym_capital(doc: _Doc, s: _Sentence, p: Place) -> Place | None:
    """ "the Russian capital", "the Chinese city of Tianjin", "the Australian summit": the place a demonym names, or
    None."""
    words = s.words
    places = doc.places(s)
    if p.j < len(words) and words[p.j] == "capital":
        city = doc.g.capitals.get(p.code, "")
        nxt = next((q for q in places if q.i == p.j + 1 and q.code == p.code), None)
        return Place(p.i, nxt.j if nxt else p.j + 1, p.code, "capital", nxt.city if nxt else city,
                     p.text)
    if p.j + 1 < len(words) and words[p.j] == "city" and words[p.j + 1] == "of":
        return next((q for q in places if q.i == p.j + 2 and q.code == p.code), None)
    if p.i > 0 and words[p.i - 1] == "the" and (words[p.j:p.j + 2] == ["side", "of"] or words[p.j:p.j + 1] == [
            "summit"]):  # "on the Sudanese side of the border", "left the Australian summit early" (held there)
        return Place(p.i, p.j, p.code, "country", "", p.text)
    return None


# "X, who had been expected to join the trip, stayed in Y", "invited to attend, stayed in Manila": where someone
# stayed instead of travelling is no trip (whatever their nationality, which the data may not know)
_STAYED_BACK = frozenset({"expected", "due", "invited", "instead", "scheduled", "planned", "supposed"})


def stayed_back(words: list[str], i: int) -> bool:
    """Whether the place at token ``i`` is where someone "stayed" or "remained" after being expected elsewhere."""
    return 2 <= i <= len(words) and words[i - 2] in ("stayed", "remained") and words[i - 1] in ("in", "at") and \
        not _STAYED_BACK.isdisjoint(words[max(0, i - 12):i - 2])


_OBJECT_OPENERS = frozenset({"of", "his", "her", "the", "a", "an", "its", "their", "all", "some"})


def trigger_destinations(doc: _Doc, s: _Sentence, k: int, ms: list[Mention], triggers: list[tuple[int, int, Hit]],
                         ti: int, tj: int, form: str, role: str, window: int, role_spans: list[tuple[int, int]]
                         ) -> tuple[list[Place], Mention | None, Event | None, DateExpr | None] | None:
    """Where the trigger at ``[ti, tj)`` of sentence ``k`` goes: ``(destinations, traveller already known,
    event attended, date of the context)``, or None when it reports no trip.

    The places after the trigger (:func:`_destinations`, up to the next coordinated trigger); for "attend" with
    no place, the event the article is about or the place of a recent sentence that had no traveller
    (``doc.context``); a place the sentence opens with ("In Minsk, X ...", "At the summit in Y, ..."); for
    "where", the place before it; for "returned", the place of the trip just reported; for "also arrived",
    where the last trip went.
    """
    words, toks = s.words, s.toks
    w = doc.w
    places = doc.places(s)
    speech = w.get("speech", set())
    boundary = w.get("clause", set())
    dests: list[Place] = []
    pre_trav: Mention | None = None
    used_event: Event | None = None
    ctx_date: DateExpr | None = None
    if role == "where":
        # "flew in from Brunei, where he spent two days": the place before "where" was a stop of its own
        # ("It began in Tashkent in June, where ...": the place before the date told with it)
        dated = next((d.i - 1 for d in s.dates if d.j == ti and d.i >= 2 and words[d.i - 1] in ("in", "on")), ti)
        p0 = next((p for p in places if p.j in (ti, dated) and "," in toks[ti].gap and p.kind in _PLACE_KIND_RANK),
                  None)
        if p0 is None:
            return None
        dests = [p0]
        pre_trav = next((m for m in ms if ti <= m.i < tj and m.entity is not None), None)
    elif role == "again":
        # "went to Beijing in 2016 and returned in May 2017": another trip to the place just reported
        if any(tj <= p.i <= tj + 4 for p in places):
            return None
        prev = next((d for d in reversed(doc.drafts) if d.status == "completed" and d.sentences and
                     d.sentences[-1] == (s.a, s.b)), None)
        if prev is None or not any(d.i >= tj and d.i - tj <= 2 for d in s.dates):
            return None
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
        if role == "attend":
            # "attended the summit on 23 June and watched India and Pakistan join": a second verb's objects
            lim = min([lim] + [n for n in range(tj + 1, min(lim, len(words))) if words[n - 1] == "and"
                               and words[n].endswith("ed")
                               and not any(t0 == n for t0, _, _ in triggers)])
        purpose = role == "go" and words[tj - 1] == "to" and tj < len(words) and words[tj] in _PURPOSE_VERBS
        dests = _destinations(doc, s, places, tj, lim, role == "be",
                              role_spans, boundary, _MEET_PREP if role == "meet" else None)
        if not dests and purpose:
            # "a trip to meet with U.S. President Donald Trump in Washington": the place of the meeting
            dests = _destinations(doc, s, places, tj, tj + 12, False, role_spans, boundary, _MEET_PREP)
        if role == "leave" and words[tj:tj + 2] == ["the", "capital"]:
            dests = []  # "left the capital Naypyidaw": the traveller's own capital
        if role == "leave" and dests and "of" in words[tj:dests[0].i]:
            dests = []  # "the campaign has left swathes of Gaza in ruins": no departure
        if role == "leave" and words[tj - 1] == "from" and dests and words[dests[0].i - 1] not in ("from", "the", "to"):
            dests = []  # "returned from (the) X", "from his trip to X"; not "returned from exile in X" (a stay)
        # (an intransitive "but pulled out two days before" too; not "pulled out of", "pulled out his notes")
        bare = tj >= len(words) or words[tj] in ("as", "and") or (tj < len(toks) and "," in toks[tj].gap) or \
            words[tj - 1] == "out" and words[tj] not in _OBJECT_OPENERS
        reach = tj + (10 if role == "meet" and "sidelines" in words[tj:tj + 8] else 6)  # ("on the sidelines of")
        ev_words = [i for i, _, h in s.get("word", longest=False) if h.value == "event" and tj <= i < reach]
        # a named series ("attend SPIEF", "travel to the G20 summit") is an event too
        series_here = [(i, sid) for i, _, sid in _series_tokens(doc, s, k) if tj <= i < reach]
        ev_words += [i for i, _ in series_here if i not in ev_words]
        named = bool(ev_words) and not all(_indefinite(s, i) for i in ev_words)
        # "The memorial was also attended by X", "It was attended by X": the gathering is the subject before
        passive = role == "attend" and words[tj:tj + 1] == ["by"] and ti > 0 and words[ti - 1] in _PASSIVE_AUX
        if not dests and (role == "attend" and (bare or named or passive or any(x in w.get("event", ())
                                                                                for x in words[tj:tj + 6])
                                                and not ev_words) or role == "go" and named or
                          role == "meet" and named and ("at" in words[tj:tj + 5] or "sidelines" in words[tj:tj + 8])):
            # ("met X at the G8 summit", "met on the sidelines of the BRICS summit": the edition's place)
            ev = _current_event(doc, k)
            if ev is not None and ev.sent == k and not bare and ev.noun.split()[-1] not in (
                    words[:ti] if passive else words[tj:reach]):
                ev = None  # a later event of the same sentence ("... the 2021 meeting and the summit in Lima")
            if ev is not None and ev.sent < k and series_here and all(sid != ev.series for _, sid in series_here):
                ev = None  # "will address this weekend's G20 summit": that series, not the conference told before
            if ev is not None and ev.sent < k and doc.context is not None and ev.sent < doc.context[0] \
                    and k - doc.context[0] <= 2 and ev_words and ev.noun.split()[-1] not in words[tj:tj + 6]:
                ev = None  # "will attend the event": the gathering of the sentences just before, not one long ago
            years = {y for d in s.dates if d.kind == "abs" for y in d.years}
            if ev is not None and ev.span is not None and ev.sent != k and years and \
                    not {ev.span[0].year, ev.span[1].year} & years:
                ev = None  # "was back in 2022 to attend the opening ceremony": not the 2023 summit named before
            online = _online_edition(doc, s, series_here) if ev is None else None
            if online is not None:
                dests = [online]  # "will address this weekend's G20 summit, hosted virtually by Saudi Arabia"
            elif ev is not None:
                dests = [Place(tj, tj, ev.code, "city", ev.city, ev.name)]
                used_event = ev
            elif doc.context is not None and k - doc.context[0] <= 2 and _context_fits(doc, years):
                dests = list(doc.context[1])
                ctx_date = doc.context[2]
        if not dests and len(words) > 2 and words[0] == "in" and role in ("attend", "go"):
            p0 = next((p for p in places if p.i == 1 and is_destination(s, p, speech, role_spans)), None)
            if p0 is not None and p0.j < len(toks) and "," in toks[p0.j].gap:
                dests = [p0]
        if not dests and len(words) > 3 and words[0] in ("at", "during") and role in ("attend", "go", "meet"):
            # "At last year's summit in Samarkand, X and Y met": the event the sentence opens with
            events = w.get("event", ())
            p0 = next((p for p in places if 2 <= p.i <= 10 and p.j <= ti and words[p.i - 1] in ("in", "at")
                       and is_destination(s, p, speech, role_spans) and p.j < len(toks)
                       and "," in toks[p.j].gap), None)
            if p0 is not None and any(x in events for x in words[1:p0.i]) and \
                    not any("," in toks[n].gap for n in range(1, p0.j)):
                dests = [p0]
        if not dests and role in ("go", "attend", "meet"):
            dests = _listed_after(doc, s, places, ti, tj, role_spans, boundary)
        if not dests and role == "go" and not (words[ti - 1:ti] == ["to"] and any(
                x in ("first", "second", "third", "last", "only") for x in words[max(0, ti - 8):ti])):
            # (not "the first sitting prime minister to visit the country": a past trip of its own)
            dests = _pointing_back(doc, s, places, ti, tj)
        if not dests and role == "be" and words[tj:tj + 2] == ["the", "country"]:
            # "fled a summit in Nigeria after being in the country less than a day": the country named before
            dests = [p for p in places if p.j <= ti and p.kind in _PLACE_KIND_RANK
                     and is_destination(s, p, speech, role_spans)][-1:]
        if not dests and role == "go" and form in ("past", "pres") and "also" in words[max(0, ti - 2):ti] \
                and (tj >= len(words) or words[tj] not in ("to", "in", "at", "for", "from")) and doc.drafts:
            # "X also arrived on Saturday": where the trip just reported went
            last = doc.drafts[-1]
            if last.status in ("completed", "ongoing") and last.sentences and \
                    s.a - last.sentences[-1][1] < 1500:
                dests = [Place(tj, tj, last.code, "city", last.city, "")]
    return dests, pre_trav, used_event, ctx_date


def _context_fits(doc: _Doc, years: set[int]) -> bool:
    """Whether the trip of the sentence before that had no traveller (``doc.context``) can be the one a sentence
    naming ``years`` attends: not a trip told for another year, nor a plan for a year already gone ("He was to
    visit X for the summit in August. ... was in 2022 to attend the Olympics")."""
    ctx = doc.context
    if ctx is None or not years or doc.pub is None:
        return ctx is not None
    done = doc.context_status in ("completed", "ongoing")
    if ctx[2] is None:
        return done or max(years) >= doc.pub.start.year
    # (a plan's month is read ahead of the report; a trip made, either way)
    readings = (False, True) if done else (True,)
    return any({a.year, b.year} & years for fut in readings for a, b, _ in ndates.resolve(ctx[2], doc.pub, fut))


_INCLUDING = frozenset({"including", "notably", "among"})
_LIST_QUANT = frozenset({"other", "several", "many", "various", "a", "number", "of", "some", "few", "foreign",
                         "friendly", "neighbouring", "neighboring"})
_PLACE_NOUNS = frozenset({"countries", "nations", "states", "capitals", "cities", "places", "destinations",
                          "trips", "visits", "abroad", "member", "members"})


def _listed_after(doc: _Doc, s: _Sentence, places: list[Place], ti: int, tj: int,
                  role_spans: list[tuple[int, int]], boundary: set[str]) -> list[Place]:
    """ "has visited several countries, including A, B and C", "travelled abroad this year to countries such as
    A and B": the places listed after "including" / "such as", however far the list runs."""
    words = s.words
    for n in range(tj, min(len(words), tj + 20)):
        if words[n] in boundary:
            return []
        start = n + 1 if words[n] in _INCLUDING else n + 2 if words[n:n + 2] == ["such", "as"] else -1
        if start < 0 and n > tj and any(c in s.toks[n].gap for c in "–—:"):
            start = n  # "to visit other states that are not parties – China and Belarus"
        if start < 0:
            continue
        if not any(x in _PLACE_NOUNS for x in words[ti:n]) and not (
                words[start:start + 1] == ["to"] or words[start:start + 1] in (["countries"], ["nations"])):
            return []  # (but "travelled more than ever, including to A", "..., including countries such as A")
        # "including to countries such as A": past "to" and a second introducer
        start += words[start:start + 1] == ["to"]
        head = start
        while head < min(len(words), start + 3) and (words[head] in _PLACE_NOUNS or words[head] in _LIST_QUANT):
            head += 1
        if head > start and head < len(words) and words[head] in ("like", "including"):
            start = head + 1
        elif head > start and words[head:head + 2] == ["such", "as"]:
            start = head + 2
        return _destinations(doc, s, places, start, start + 1, False, role_spans, boundary)
    return []


def _pointing_back(doc: _Doc, s: _Sentence, places: list[Place], ti: int, tj: int) -> list[Place]:
    """ "He last visited the country in 2006": the country of the trip just reported; "South Africa did not
    arrest him when he visited in 2015": the country the sentence is about."""
    words = s.words
    if words[tj:tj + 2] == ["the", "country"] and doc.drafts:
        last = doc.drafts[-1]
        if last.sentences and s.a - last.sentences[-1][1] < 1500:
            return [Place(tj, tj + 2, last.code, "country", "", "")]
        return []
    if ti >= 2 and words[ti - 1] in ("last", "previous") and words[ti - 2] in ("his", "her", "their") and \
            doc.drafts and any(tj <= d.i <= tj + 3 for d in s.dates) and not any(p.i >= tj for p in places):
        # "...; his last visit was in 2018": the country of the trip just reported
        last = doc.drafts[-1]
        if last.sentences and s.a - last.sentences[-1][1] < 600:
            return [Place(tj, tj, last.code, "country", "", "")]
    bare = tj >= len(words) or "," in s.toks[tj].gap or (
        words[tj] in ("in", "on", "last") and any(d.i in (tj, tj + 1) for d in s.dates))
    if not bare or not any(x in ("when", "while", "during") for x in words[max(0, ti - 4):ti]):
        return []
    subject = [p for p in places if p.i <= 1 and p.kind in ("country", "territory") and not p.demonym]
    if len(subject) == 1 and not any(p.kind in _PLACE_KIND_RANK and p.i > subject[0].j for p in places if p.j <= ti):
        return subject
    return []


_TRIP_HEADS = frozenset({"visit", "visits", "trip", "trips", "tour", "journey", "stopover", "stay"})
_COMPOUND_DET = frozenset({"a", "an", "the", "his", "her", "their", "its", "s", "this", "that", "last", "first",
                           "recent", "planned", "upcoming", "next", "previous", "surprise", "brief", "two", "three",
                           "day", "week", "long", "state", "official", "historic", "controversial"})


def compound_place(s: _Sentence, places: list[Place], ti: int, role_spans: list[tuple[int, int]]) -> Place | None:
    """The destination of "a Mongolia visit", "his India trip", "Putin's 2019 Japan tour": a country or city
    written right before a trip noun, after a determiner, possessive or trip adjective."""
    words, toks = s.words, s.toks
    if ti >= len(words) or words[ti] not in _TRIP_HEADS or toks[ti].gap != " ":
        return None
    p = next((p for p in places if p.j == ti), None)
    if p is None or p.demonym or p.kind not in ("country", "territory", "capital", "city"):
        return None
    if p.i == 0 or not (words[p.i - 1] in _COMPOUND_DET or words[p.i - 1].isdigit()):
        return None
    if any(a <= p.i < b for a, b in role_spans):
        return None
    return p
