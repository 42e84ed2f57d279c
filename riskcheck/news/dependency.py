"""Trips read off the dependency parse (:mod:`.parse`) in sentences where the rules left a wanted person and
a place unpaired.
"""

from __future__ import annotations

import bisect
from datetime import date, timedelta
from functools import cache

from . import dates as ndates
from .assemble import _add
from .destinations import _modifier_place, demonym_capital, home_place, stayed_back
from .document import (
    _PLACE_KIND_RANK,
    Entity,
    Mention,
    Place,
    _best_place,
    _clause,
    _Doc,
    _Draft,
    _Sentence,
    sentence_ends,
)
from .gatherings import trip_event, with_event_dates
from .modality import FUTURE, Cue
from .parse import _MOOTED_TRIPS
from .status import answered_invitation, denied_report, first_to_visit, parse_status
from .storyplace import arrival_without_place, without_dateline
from .tripdates import (
    _EARLIER,
    LEAD_SENTENCES,
    STOP_WORDS,
    _pick_date,
    journey_month,
    resolve_for,
    several_trips,
    undated_earlier,
    when_date,
)

CAPTION_WORDS = 20  # a sentence this short may be a caption or headline with no verb ("X and Y in Beijing, May 2024")
PARSE_MAX_CHARS = 2000  # longer "sentences" are scraping debris, not prose worth a parse


def _parser() -> object | None:
    """The parse's entry point when it can run (spaCy itself loads on the first sentence that needs it)."""
    from .parse import available, nlp

    if not available():
        return None

    def parse_text(text: str) -> object:
        model = nlp()
        return model(text) if model is not None else None

    return parse_text


_CAUGHT = frozenset({"captured", "arrested", "seized", "detained", "stopped", "intercepted", "caught"})


def _day_before_the_visit(doc: _Doc, s: _Sentence) -> list[tuple[date, date, str]]:
    """ "The visit came a day after X and Y met in Riyadh": N days before the day of the trip just reported."""
    words = s.words
    if len(words) < 7 or words[:3] not in (["the", "visit", "came"], ["the", "trip", "came"]) or \
            words[4:6] not in (["day", "after"], ["days", "after"]) or words[3] not in ndates._NUMWORDS or not doc.drafts:
        return []
    last = next((d for d in reversed(doc.drafts) if (s.a, s.b) not in d.sentences), None)
    if last is None or not last.spans or last.spans[0][2] != "day":
        return []
    day = last.spans[0][0] - timedelta(days=ndates._NUMWORDS[words[3]])
    return [(day, day, "day")]


def _where_after(s: _Sentence, p: Place) -> bool:
    """ "from Hainan, where he spoke at the forum": a place left that the sentence says what happened in."""
    return p.j < len(s.words) and s.words[p.j] == "where" and "," in s.toks[p.j].gap


# after "there": a clause that merely says something exists ("there is", "there will be"), no place
_EXISTENTIAL = frozenset({"is", "are", "was", "were", "will", "would", "has", "have", "had", "s", "seems", "seem",
                          "appears", "appear", "may", "might", "could", "should", "must", "can", "remains", "remain",
                          "be", "been", "being", "exists", "exist"})
_STORY_EVENT_REACH = 6  # sentences after a gathering's place an arrival with no place of its own is at it
_THERE_REACH = 2  # sentences back a trip's destination can be pointed at by "there"


def _there(doc: _Doc, s: _Sentence, places: list[Place]) -> Place | None:
    """ "He held talks there in March": "there" (not an existential "there is") is the place named before it in
    the sentence ("fled to Ghana and lived there"), else the destination of the last trip told, when that was in
    this sentence or the two before."""
    words = s.words
    n = next((x for x in range(1, len(words)) if words[x] == "there" and not (
        x + 1 < len(words) and words[x + 1] in _EXISTENTIAL) and words[x - 1] not in ("over", "out", "here")), None)
    if n is None:
        return None
    before = [p for p in places if p.j <= n and p.kind in _PLACE_KIND_RANK]
    if before:
        p = before[-1]
        return Place(n, n + 1, p.code, p.kind, p.city, "there")
    last = doc.drafts[-1] if doc.drafts else None
    start, hits = doc.prev_places
    named = [(b, h) for h in hits if (b := _best_place(h.value)) is not None and b.kind in _PLACE_KIND_RANK]
    if named and len({b.code for b, _ in named}) == 1 and (
            last is None or not last.sentences or last.sentences[-1][1] <= start):
        # "... who made Beijing the centrepiece of his policy. Duterte went there in October 2016": the one
        # country the sentence before names, told after the last trip
        b = named[-1][0]
        return Place(n, n + 1, b.code, "city" if b.city else "country", b.city, "there")
    if last is None or not _near(doc, last, s):
        return None
    return Place(n, n + 1, last.code, "city" if last.city else "country", last.city, "there")


def _here(doc: _Doc, s: _Sentence) -> Place | None:
    """ "Putin was last here in July 2014", "arrived here on Friday": "here" is the dateline's place (BUENOS AIRES -),
    not in a quotation (a speaker's "here" is where the speaker is, not always the dateline's)."""
    story = doc.story or doc.masthead  # (a masthead's city only for "here": "THE PRETORIA LEDGER ... spent four days here")
    if story is None:
        return None
    words = s.words
    n = next((x for x in range(1, len(words)) if words[x] == "here" and words[x - 1] not in ("from", "out")
              and not (x + 1 < len(words) and words[x + 1] in _EXISTENTIAL)), None)
    if n is None or _quoted_before(doc, s, n):
        return None
    code, city = story
    return Place(n, n + 1, code, "city" if city else "country", city, "here")


def _quoted_before(doc: _Doc, s: _Sentence, n: int) -> bool:
    """Whether a quotation opens in sentence ``s`` before its token ``n`` (a speaker's "here" or "the capital" is
    where the speaker is, not always the dateline's place)."""
    return any(q in doc.text[s.a:s.toks[n].start] for q in ('"', "“"))


# words before "the capital" that make it the traveller's own ("returned to the capital", "back in the capital")
_OWN_CAPITAL = frozenset({"returned", "returning", "returns", "return", "back", "home", "left", "leaving", "leaves",
                          "fled", "from", "out", "stayed", "remained", "remains"})


def _dateline_capital(doc: _Doc, s: _Sentence) -> Place | None:
    """ "ADDIS ABABA - ... Bashir, who arrived in the capital on Saturday": a bare "the capital" in a story whose
    dateline is a capital is that city (not "the Russian capital", nor "returned to the capital", nor in a
    quotation)."""
    if doc.story is None:
        return None
    code, city = doc.story
    if not city or doc.g.capitals.get(code, "") != city:
        return None
    words = s.words
    n = next((x for x in range(2, len(words)) if words[x] == "capital" and words[x - 1] == "the"
              and not (x + 1 < len(words) and (words[x + 1] in ("of", "s") or s.toks[x + 1].cap))
              and s.toks[x].gap == " "
              and _OWN_CAPITAL.isdisjoint(words[max(0, x - 4):x - 1])), None)
    if n is None or _quoted_before(doc, s, n):
        return None
    return Place(n, n + 1, code, "city", city, "here")


def _arrival_place(doc: _Doc, s: _Sentence, k: int, past: bool = False) -> tuple[str, str] | None:
    """``(code, city)`` of an arrival told without a place ("Bashir flew in from Khartoum in the morning"): where the
    trip just told goes ("Putin flew to Beijing. He arrived in the morning"), unless it was long before the report;
    else the dateline's place (JUBA, July 9 -); else the gathering the story is about ("the parade in Beijing ...
    Putin, who flew in on Wednesday"); else the meeting just told, whoever it named ("The top officers of the two
    countries met in Helsinki. X flew in in the morning")."""
    last = doc.drafts[-1] if doc.drafts else None
    if last is not None and last.status in FUTURE and past and (s.a, s.b) not in last.sentences and \
            doc.story is not None and doc.story[0] != last.code and (not last.spans or last.spans[0][2] == "year"):
        # "Addis Ababa, 31st January - ... accepted an invitation to visit Uganda this year. Kenyatta, who flew in on
        # Saturday": an arrival told in the past is at the dateline's place, not a plan's for some time this year
        last = None
    if last is not None and (s.a, s.b) in last.sentences:
        return last.code, last.city  # "was received by the Pope in the Apostolic Palace, arriving an hour late"
    stale = last is not None and bool(last.spans) and doc.pub is not None and \
        last.spans[0][1].toordinal() < doc.pub.start.toordinal() - 30
    if last is not None and _near(doc, last, s) and not stale:
        return last.code, last.city
    if doc.story is not None:
        return doc.story
    ev = next((e for e in reversed(doc.events) if e.code and e.sent <= k), None)
    if ev is not None and k - ev.sent <= _STORY_EVENT_REACH:
        return ev.code, ev.city
    if doc.context is not None and 0 < k - doc.context[0] <= _THERE_REACH and doc.context[1]:
        p0 = doc.context[1][0]
        return p0.code, p0.city
    return None


_PAST_ARRIVALS = frozenset({"arrived", "landed", "flew", "flown", "touched", "jetted"})


def _near(doc: _Doc, d: _Draft, s: _Sentence) -> bool:
    """Whether trip ``d`` was told in sentence ``s`` or at most :data:`_THERE_REACH` sentences before it."""
    return bool(d.sentences) and sentence_ends(doc.text, d.sentences[-1][1], s.a) <= _THERE_REACH


# words of a journey whose place of departure is where the traveller had been ("flew back to Moscow from
# Tehran", "returned from Nairobi", "arrived from Hanover"): the parse reads "from" with these (parse._FROM_VERBS)
_FROM_OK = frozenset({"back", "home", "returned", "returning", "returns", "arrived", "arrives", "arriving", "flew",
                      "landed", "headed", "came"})
# "X, back from Beijing, said", "fresh from talks in Tehran": the one back had been there (parse._back_from)
_BACK_WORDS = frozenset({"back", "fresh"})
_SET_FOR = frozenset({"planned", "scheduled", "set", "slated", "pencilled", "penciled", "due", "discussed",
                      "expected", "foreseen", "envisaged", "billed"})
CALLED_OFF = frozenset({"postponed", "cancelled", "canceled", "shelved", "scrapped", "delayed", "dropped",
                         "deferred", "suspended", "abandoned", "off"})


def _story_traveller(doc: _Doc) -> Entity | None:
    """The traveller of a journey called off in a sentence that names nobody ("A trip to India planned for December
    was postponed"): the wanted person the last sentence or the one before was about."""
    last = doc.last_subject
    return last if last is not None and last.pid and doc.last_subject_age <= 1 else None


# "An official visit to the UAE is being discussed", "A visit to China could come in October, aides said": a visit
# nobody owns, mooted, is the story traveller's (:func:`_mooted_for`)
MOOTED = frozenset({"discussed", "discussing", "possible", "could", "might", "mooted", "floated", "considered",
                     "considering", "planned", "planning", "expected", "envisaged", "likely", "proposed", "scheduled",
                     "pencilled", "penciled"})


def _mooted_for(doc: _Doc, s: _Sentence, ms: list[Mention], dests: list[Place]) -> Entity | None:
    """Whose a visit is that a sentence moots without an owner: the wanted person the story is about, when everyone
    else it names is a host (of a destination's country) or an aide of that person's own country."""
    words = s.words
    if MOOTED.isdisjoint(words) or _MOOTED_TRIPS.isdisjoint(words):
        return None
    who, age = doc.subject_before  # (this sentence's names are hosts or aides, not the story's subject)
    if who is None or not who.pid or age > 1:
        return None
    hosts = {p.code for p in dests}
    for m in ms:
        e = m.entity
        if e is None or e is who or e.key == who.key:
            continue
        if e.nationality in hosts or not e.pid and e.nationality and e.nationality == who.nationality:
            continue
        return None  # someone else may be the one to travel
    return who


def _date_after(s: _Sentence, place: Place, dests: list[Place]) -> ndates.DateExpr | None:
    """A date told right after a place, or after the list of places it opens: "saw Merkel in Berlin on Monday, Macron
    in Paris on Tuesday", "then to Monrovia in June 2017", "and to Doha and Cairo in January" (Doha's is January)."""
    words = s.words
    ends = {p.i: p.j for p in dests}
    n = place.j
    while n < len(words) and (words[n] == "and" and n + 1 in ends):
        n = ends[n + 1]  # ("Doha and Cairo in January": the date after the list)
    return next((d for d in s.dates if d.i == n or (d.i == n + 1 and words[n] in ("on", "in"))), None)


def _parse_trips(doc: _Doc, s: _Sentence, k: int, ms: list[Mention], nlp: object) -> None:
    """Trips the dependency parse finds in a sentence (merged with the rules' own through :func:`_add`)."""
    from .parse import links, trigger_words

    words, toks = s.words, s.toks
    role_spans = [(m.i, m.j) for m in ms if m.kind in ("role", "title", "name")]
    found_places = [q for p in doc.places(s) if (q := p if not p.demonym or p.kind in _PLACE_KIND_RANK
                                                 else demonym_capital(doc, s, p)) is not None]
    # ("the Turkmen capital", "the Chinese city of Tianjin": the place the demonym names)
    there = _there(doc, s, found_places)
    if there is not None:
        found_places = [*found_places, there]
    pointed = _here(doc, s) or _dateline_capital(doc, s)
    if pointed is not None:
        found_places = [*found_places, pointed]
    dests = [p for p in found_places if p.kind in _PLACE_KIND_RANK and not any(a <= p.i < b for a, b in role_spans)
             and not (p.i > 0 and (words[p.i - 1] == "airspace" or words[p.i - 1] == "from" and
                                   _FROM_OK.isdisjoint(words)) and not _where_after(s, p))
             and not _modifier_place(s, p) and not home_place(words, p) and not stayed_back(words, p.i)]
    n = arrival_without_place(s, [p.i for p in found_places])
    where = _arrival_place(doc, s, k, s.words[n] in _PAST_ARRIVALS) if n is not None else None
    if n is not None and where is not None:
        code, city = where
        dests = [*dests, Place(n, n + 1, code, "city" if city else "country", city, "(story)")]
    if not dests or s.b - s.a > PARSE_MAX_CHARS or doc.parse_budget <= 0:
        return
    if not any(x in trigger_words() for x in words) and not ("with" in words and "in" in words) and \
            not ("from" in words and not _BACK_WORDS.isdisjoint(words)) and \
            not (pointed is not None or there is not None) and not (len(words) <= CAPTION_WORDS and (
                "in" in words or "at" in words)):
        return  # no travel word (nor "with X in Y", "was here/there", a caption): nothing for the parse to find
    here = (s.a, s.b)
    named = any(m.entity is not None for m in ms)
    story = None if named or CALLED_OFF.isdisjoint(words) else _story_traveller(doc)
    mooted = _mooted_for(doc, s, ms, dests) if story is None else None
    if not named and story is None and mooted is None:
        return  # nobody named: only a journey called off (or mooted) can be the story traveller's
    if named and mooted is None and all(
            any(here in d.sentences for d in doc.by_key.get((m.entity.key, p.code), []))
           for m in ms if m.entity is not None and (m.entity.pid or m.entity.nationality) for p in dests
           if p.code != m.entity.nationality):
        return  # the rules read every pair of a wanted person and a place in this sentence already
    doc.parse_budget -= 1
    base = s.a
    spacy_doc = nlp(without_dateline(doc.text[s.a:s.b]))  # type: ignore[operator]
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

    own_verbs = [i for i, _, h in s.get("trigger") if h.value[0] != "noun"]  # (travel verbs of the sentence)
    for link in links(spacy_doc, list(by_char)):
        who = mention_at(link.traveller)
        by_story = who is None and link.traveller == link.trigger
        if by_story and story is not None:
            n = tok_at(link.trigger)
            who = Mention(n, n + 1, story, story.name, "pronoun")
            doc.last_subject_age = 0  # the sentence told of them: "And a trip to India ... was postponed"
        elif by_story and mooted is not None and words[tok_at(link.trigger)] in _MOOTED_TRIPS:
            n = tok_at(link.trigger)
            who = Mention(n, n + 1, mooted, mooted.name, "pronoun")
        else:
            by_story = False
        place = by_char[link.dest]
        if who is None or who.entity is None or place.code == who.entity.nationality:
            continue
        if link.mark == "caption" and not who.entity.pid and not who.entity.nationality:
            continue  # a caption's person of unknown country may be the host at home
        if any((s.a, s.b) in d.sentences for d in doc.by_key.get((who.entity.key, place.code), [])):
            continue  # the rules read this trip in this sentence already (with their finer status cues)
        tri = tok_at(link.trigger)
        verb_i = tok_at(link.verb)
        if any(m.entity is not None and m.entity is not who.entity and who.j < m.i and m.j == verb_i
               and words[m.i - 1] == "and" and not m.possessive and any(who.j <= t < m.i for t in own_verbs)
               for m in ms):
            continue  # "X flew to A in May and Y flew to B": the one named right before the second verb flew (the
            # parse may join "May and Y" and hand that verb X's subject); not "X and Y flew in"
        invitation = words[tri].startswith("invit") or words[verb_i].startswith("invit")
        if link.negated and (invitation or words[tri].startswith(("send", "sent", "dispatch", "accompan"))):
            continue  # "Uganda did not invite X to the summit in Kampala", "will not send him to The Hague": no trip
        ti = tok_at(link.verb)
        tj = ti + 1
        clause = _clause(s, ti, tj, boundary)
        status = parse_status(doc, s, link, ti, tj, cues, clause, place.j)
        if status is None and words[max(0, ti - 2):ti] in (["trying", "to"], ["tried", "to"], ["attempting", "to"]) \
                and _CAUGHT.intersection(words):
            status = "cancelled"  # "captured ... while trying to slip into Niger": a trip blocked by an arrest
        if status is None or by_story and story is None and status not in ("speculative", "planned"):
            continue  # (a visit with no owner, mooted: only as a plan or a possibility)
        if status in ("completed", "ongoing") and invitation:
            status = "invited"  # "X is invited for the dialogue in Y", "invited X for a forum in Y"
        elif status in ("completed", "ongoing") and words[verb_i].startswith("expect"):
            status = "planned"  # "Tajikistan expects him in October": awaited, not made
        status = denied_report(first_to_visit(answered_invitation(status, words), words, tri), words, tri)
        if place.text == "(story)" and status not in ("completed", "ongoing", "planned"):
            continue  # "... had he landed": a hypothetical arrival says nothing of where or when
        future = status in FUTURE and not (link.hearsay and link.form == "past")  # (a claim about the past)
        # "saw Merkel in Berlin on Monday, Macron in Paris on Tuesday": a day told right after the place is its own
        # ("Kyrgyzstan last October was his first trip abroad": the date right after the place the trip is)
        dexpr = _date_after(s, place, dests) if place.j > tj or place.j <= tri and words[tri] in _MOOTED_TRIPS \
            else None
        if dexpr is None and status == "cancelled":
            # "a trip planned for December was postponed in November": the day the trip was set for
            dexpr = next((d for d in s.dates if d.i >= 2 and words[d.i - 1] == "for" and words[d.i - 2] in _SET_FOR),
                         None)
        if dexpr is None:
            dexpr = _pick_date(s, s.dates, ti, max(tj, place.j), speech, clause) or when_date(s, ti)
        if dexpr is not None and ti != tri and tri == 1 and words[0] in ("before", "after"):
            # "Before arriving in Paris, he had been in Lisbon on 8 December": the main verb's tense, but a date of
            # the main clause is not the arrival's (the fronted adverbial clause ends at its comma; not "passed
            # through the Vatican in November before reaching Trieste", one journey)
            end = next((n for n in range(tri + 1, len(words)) if "," in toks[n].gap), len(words))
            if not tri <= dexpr.i < end:
                dexpr = None
        spans = resolve_for(doc, dexpr, status, future, who=who.entity)[:1] if dexpr is not None else []
        # ("ended at the UN General Assembly in New York, where he spoke": the gathering this sentence places there)
        # (only for a trip without a date of its own: "a visit to Tashkent in December 2014, ... and the summit
        # hosted in Tashkent in June 2016" are two)
        here_event = None if spans else next((e for e in doc.events_by_code.get(place.code, []) if e.sent == k),
                                              None)
        event = trip_event(doc, s, k, ti, tj, place.code, here_event, future, bool(spans))
        if not spans and event is not None and event.span is None and event.date is not None:
            spans = resolve_for(doc, event.date, status, future)[:1]
        elif event is not None:
            spans = with_event_dates(spans, event, doc.pub, future)  # an edition's own days (data/events.csv)
        if not spans and status == "completed":
            spans = _day_before_the_visit(doc, s)
        if not spans and words[tri] in STOP_WORDS:
            spans = journey_month(doc, s, who.entity, [place], status)  # "stopped in A on the way back"
        if not spans and status in ("completed", "ongoing") and k < LEAD_SENTENCES and doc.pub is not None \
                and link.form in ("past", "ing") and not undated_earlier(words, ti) \
                and not several_trips(words, tri):
            spans = [(doc.pub.start, doc.pub.end, doc.pub.precision)]
        recent = not spans and status in ("completed", "ongoing") and not any(x in _EARLIER for x in words) and \
            not undated_earlier(words, ti) and not several_trips(words, tri)
        _add(doc, _Draft(who.entity, who.text, place.code, place.city, spans, status,
                         event.name if event is not None else "", [(s.a, s.b)],
                         recent=recent))


@cache
def _parse_words() -> frozenset[str]:
    """Inflected travel words the parse reads (``tables/parse_triggers.csv``), folded."""
    from .parse import trigger_words

    return frozenset(trigger_words())
