"""References across the article: who each mention in a sentence is (names, titles, roles, surnames, pronouns),
the salient subject carried from sentence to sentence, "the two leaders" and "the visit" pointing back.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from datetime import date
from functools import cache

from . import dates as ndates
from . import tables
from .assemble import _add, near_trip
from .dates import Tok
from .document import (
    _NAME_LINKS,
    _NAME_STOP,
    _PLACE_KIND_RANK,
    Entity,
    Mention,
    Place,
    _clause,
    _Doc,
    _Draft,
    _place_code,
    _Sentence,
    sentence_ends,
    words_matched,
)
from .mentions import Hit, fold
from .modality import FUTURE
from .names import official_keys
from .tripdates import _date_ok, _pick_date


def _hold(doc: _Doc, role_word: str, ent: Entity) -> None:
    doc.role_holders[role_word] = ent
    holders = doc.role_all.setdefault(role_word, [])
    if ent in holders:
        holders.remove(ent)
    holders.append(ent)


def _salient_holder(doc: _Doc, role_word: str, nat: str) -> Entity | None:
    """ "the president": of the people named with that role (of that nationality), the one the article
    is most about; the last named on a tie."""
    cands = [e for e in doc.role_all.get(role_word, ()) if not nat or nat == e.nationality]
    if not cands:
        return None
    return max(reversed(cands), key=lambda e: doc.counts.get(e.key, 0))


# "the former president", "the ousted leader": someone who no longer holds the role
_NO_LONGER = frozenset({"former", "ousted", "deposed", "toppled", "overthrown", "exiled"})


def _titled_one(doc: _Doc, holds: Callable[[list[str]], bool]) -> Entity | None:
    """The one wanted person named in the article with a title on the report's day whose words ``holds``; else
    nobody."""
    named = {e.pid for e in doc.entities.values() if e.pid and doc.counts.get(e.key, 0)}
    pids = {pid for title, pid in doc.titles.items() if pid in named and holds(title.split())}
    return doc.entity_for_pid(pids.pop()) if len(pids) == 1 else None


def _former_holder(doc: _Doc, role_word: str) -> Entity | None:
    """Who "the former president" is: the one wanted person named in the article whose titles on the report's
    day say they held that role once ("former Sudanese president"); else nobody (not the president named)."""
    return _titled_one(doc, lambda words: role_word in words and not _NO_LONGER.isdisjoint(words))


def _titled_holder(doc: _Doc, role_word: str) -> Entity | None:
    """Who "the prime minister" is when nobody was named with that role: the one wanted person named in the
    article whose titles on the report's day hold it ("Israeli prime minister" in 1996 for Netanyahu); else
    nobody."""
    role = role_word.split()
    return _titled_one(doc, lambda words: _NO_LONGER.isdisjoint(words) and any(
        words[n:n + len(role)] == role and words[n - 1:n] not in (["vice"], ["deputy"]) for n in range(len(words))))


def _salient_national(doc: _Doc, nat: str) -> Entity | None:
    """The person of that nationality the article names most (the last named on a tie)."""
    cands = [e for e in doc.entities.values() if e.nationality == nat and doc.counts.get(e.key, 0)]
    if not cands:
        return None
    return max(reversed(cands), key=lambda e: doc.counts.get(e.key, 0))


def _salient_wanted(doc: _Doc, nat: str = "") -> Entity | None:
    """The wanted person an epithet ("the dictator") points back to: the last sentence's subject when wanted,
    else the wanted person the article names most (of nationality ``nat`` when given); None when nobody wanted
    (of that nationality) has been named."""
    last = doc.last_subject
    if last is not None and last.pid and doc.last_subject_age <= 3 and (not nat or last.nationality == nat):
        return last
    cands = [e for e in doc.entities.values() if e.pid and doc.counts.get(e.key, 0)
             and (not nat or e.nationality == nat)]
    return max(reversed(cands), key=lambda e: doc.counts.get(e.key, 0)) if cands else None


def _called(doc: _Doc, ent: Entity, word: str) -> bool:
    """Whether the article calls ``ent`` by ``word``: as a title before the name ("Defence Minister Abdel Raheem
    Hussein", "minister of defence, Hussein") or in apposition after it ("Hussein, the defence minister")."""
    surname = ent.name.split()[-1] if ent.name else ""
    if not surname:
        return False
    w, n = re.escape(word), re.escape(surname)
    title = rf"\b{w.capitalize()}\s+(?:[A-Z][\w'’-]*\s+){{0,3}}{n}\b"
    of = rf"\b(?i:{w}) of \w+(?: \w+)?,\s+(?:[A-Z][\w'’-]*\s+){{0,3}}{n}\b"
    appos = rf"\b{n},\s+(?:[\w'’-]+\s+){{0,4}}?(?i:{w})\b"
    return re.search(f"{title}|{of}|{appos}", doc.text) is not None


def _aged(doc: _Doc, age: int) -> Entity | None:
    """The wanted person "the 71-year-old" points back to: the last sentence's wanted subject, or the wanted
    person the article names most; None when a recorded birth year does not fit the age on the report date."""
    ent = _salient_wanted(doc)
    if ent is None:
        return None
    person = doc.rs.people.get(ent.pid)
    born = person.born if person is not None else ""
    if doc.pub is not None and re.fullmatch(r"\d{4}-\d{2}-\d{2}", born):
        b = date.fromisoformat(born)
        ages = {d.year - b.year - ((d.month, d.day) < (b.month, b.day)) for d in (doc.pub.start, doc.pub.end)}
        if age not in set(range(min(ages), max(ages) + 1)):
            return None
    elif doc.pub is not None and born[:4].isdigit() and not int(born[:4]) + age - 1 <= doc.pub.start.year \
            <= int(born[:4]) + age + 1:
        return None
    return ent


def _other_given_name(doc: _Doc, s: _Sentence, i: int, role_toks: set[int], honorific: Collection[str]) -> bool:
    """True when token ``i`` (a wanted person's surname) follows a capitalised given name of its own."""
    t, p = s.toks[i], s.toks[i - 1]
    w = p.word
    if not p.cap or t.gap != " " or (i - 1) in role_toks or w in honorific or w in _NAME_STOP \
            or w in _NAME_LINKS or w in ndates.MONTHS or w in ndates.WEEKDAYS or w.isdigit() or len(w) < 2:
        return False
    return not (w in doc.w.get("starter", ()) or w in doc.w.get("clause", ()) or w in doc.w.get("speech", ()))


def mentions(doc: _Doc, s: _Sentence) -> list[Mention]:
    toks, words = s.toks, s.words
    text = doc.text
    taken: set[int] = set()
    out: list[Mention] = []

    def qualifier(i: int) -> str:
        """Nationality from a country/demonym right before token i ("Russian", "Russia's")."""
        for _pi, pj, h in places:
            if pj == i and any(c in toks[i].gap for c in ",;:()"):
                continue  # "... summit in Alaska, Foreign Minister X said": the place ends a clause
            if pj == i or (pj == i - 1 and words[i - 1] == "s"):
                return _place_code(h.value)
            if words[i - 1: i] == ["then"] and pj == i - 1:
                return _place_code(h.value)
        return ""

    places = s.get("place")
    persons = s.get("person")
    role_toks: set[int] = set()
    if any(j == i + 1 for i, j, _ in persons):
        role_toks = {n for i, j, _ in s.get("role") for n in range(i, j)} | \
            {n for i, j, _ in s.get("title") for n in range(i, j)} | {n for i, j, _ in places for n in range(i, j)}
    honorific = doc.w.get("honorific", ())
    for i, j, h in persons:
        if not any(t.cap for t in toks[i:j]):
            continue
        if j == i + 1 and i > 0 and _other_given_name(doc, s, i, role_toks, honorific):
            # "Sara Duterte", "Yair Netanyahu": a wanted surname with someone else's given name
            if i - 1 not in taken:
                ent = doc.entity_for_name(toks[i - 1:j], text[toks[i - 1].start:toks[i].end], "")
                out.append(Mention(i - 1, j, ent, text[toks[i - 1].start:toks[i].end], "name"))
                taken.update(range(i - 1, j))
            continue
        out.append(Mention(i, j, doc.entity_for_pid(h.value), text[toks[i].start:toks[j - 1].end], "name"))
        taken.update(range(i, j))
    role_ends = {j for _, j, _ in s.get("role")}
    for i, j, h in s.get("official"):
        # "Turkish President Tayyip Erdogan": a well-known official introduced by a role, with their canonical name
        # and country (later "Erdogan" alone is them too)
        # (a full name needs no role when it stands on its own: not one word, not after a capitalised word)
        bare = i not in role_ends
        if taken.intersection(range(i, j)) or not toks[i].cap or \
                bare and (j - i < 2 or i > 0 and toks[i - 1].cap and toks[i].gap == " " and
                          words[i - 1] not in _HONORIFICS):  # (but "His Majesty King Abdullah II")
            continue
        if j < len(toks) and toks[j].cap and toks[j].gap == " " and words[j] not in _NAME_STOP:
            continue  # "Xi Jinping Thought": part of a longer name
        if bare and _speaker(doc, s, j):
            continue  # '"...," Yuri Ushakov, an aide to the president, said': a bare name quoted is no traveller
        ent = _official(doc, h, words[i:j])
        out.append(Mention(i, j, ent, text[toks[i].start:toks[j - 1].end], "name"))
        taken.update(range(i, j))
    for i, j, h in s.get("title"):
        if taken.intersection(range(i, j)):
            continue
        if j - i == 1 and not toks[i].cap:
            continue  # a one-word title is one only capitalised ("the Guide" for Gaddafi; not "our guide")
        pid = doc.title_holder(s, h.value)
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
        if i > 0 and words[i - 1] in _ORDINAL_DESC:
            continue  # "the last Israeli leader to visit Oman": a description, not the title's holder
        if i > 0 and words[i - 1] in ("a", "an", "any", "no", "every"):
            continue  # "not since 1964 had a Kremlin leader made an official visit": any holder, not this one
        a = i - 1 if i > 0 and words[i - 1] == "the" else i
        out.append(Mention(a, j, doc.entity_for_pid(pid), text[toks[a].start:toks[j - 1].end], "title"))
        taken.update(range(a, j))
    for i, j, h_role in s.get("role"):
        role_word = h_role.value.lower()
        if taken.intersection(range(i, j)):
            holder = next((m for m in out if m.i <= i and j <= m.j and m.entity is not None), None)
            if holder is not None:  # "Israeli Prime Minister Benjamin Netanyahu"
                _hold(doc, role_word, holder.entity)  # type: ignore[arg-type]
            continue
        k = j
        nat = qualifier(i)
        if k + 1 < len(toks) and words[k] == "of":
            for pi, pj, h in places:
                if pi == k + 1:
                    nat = nat or _place_code(h.value)
                    k = pj
                    break
            else:
                # "Secretary of the Supreme National Security Council of Iran Ali Akbar Ahmadian"
                got = _of_complement(doc, s, k, places, taken)
                if got is not None:
                    k, nat = got[0], nat or got[1]
        # skip honorifics and one comma: "the Minister of National Defence, Lt. Gen. Awad ..."
        steps = 0
        while k < len(toks) and steps < 4 and (words[k] in doc.w.get("honorific", ()) or
                                               (words[k] == "senior" and toks[k].cap)):
            k += 1
            steps += 1
        name: list[Tok] = []
        ni = k
        shouting = text[toks[i].start:toks[i].end].isupper() and len(words[i]) > 1
        while k < len(toks) and len(name) < 5:
            t = toks[k]
            if name and not (t.gap in (" ", "-", "- ") or (t.gap == " " and t.word in _NAME_LINKS)
                             or (t.gap == ". " and len(name[-1].word) == 1)):  # "S. Jaishankar": an initial
                break
            if not name and t.gap.strip() not in ("", ","):
                break
            if k in taken:
                break
            if name and shouting and text[t.start:t.end].isupper():
                break  # "PRESIDENT MUSEVENI CALLS FOR ...": a headline in capitals, its next word no name
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
            _hold(doc, role_word, named.entity)  # type: ignore[arg-type]
            if named.entity is not None and not named.entity.pid and not taken.intersection(range(i, named.i)):
                # "with Chinese President Xi Jinping": a known official's role is part of the mention, as it is of
                # the names the role introduces
                a = i
                while a > 0 and not any(c in toks[a].gap for c in ",;:()") and \
                        any(pj == a and pi == a - 1 for pi, pj, _ in places):
                    a -= 1
                taken.update(range(a, named.i))
                named.i, named.kind = a, "role"
                named.text = text[toks[a].start:toks[named.j - 1].end]
            continue
        if not name and i > 1 and nat and words[i - 1] != "the" and \
                (role_word in _GENERIC_ROLES or role_word == "counterpart") and \
                not (k < len(toks) and toks[k].cap and toks[k].gap == " "):
            # "his Russian counterpart", "Sudan's president", "the Sudanese president": the person of
            # that country the article has named (the holder of that role first)
            held = (_salient_holder(doc, role_word, nat) if role_word != "counterpart" else None) or \
                (_salient_national(doc, nat) if role_word in _HEAD_ROLES else None)
            a = next((pi for pi, pj, _ in places if pj in (i, i - 1)), i)
            if a > 0 and words[a - 1] in _ORDINAL_DESC:
                continue  # "the last Israeli leader to visit Oman was Shimon Peres": a description, not a reference
            if a > 0 and words[a - 1] in ("the", "his", "her", "their", "its"):
                a -= 1
            if held is not None and not taken.intersection(range(a, j)):
                out.append(Mention(a, j, held, text[toks[a].start:toks[j - 1].end], "title"))
                taken.update(range(a, j))
            continue
        det = i - 1
        while det > 0 and words[det] in _TITLE_ADJ:
            det -= 1  # "the ousted president", "the embattled prime minister"
        if not name and i > 0 and words[det] == "the" and (role_word in _GENERIC_ROLES or role_word == "leader" and
                                                            toks[i].cap and i > 1):
            # ("the Leader" capitalised mid-sentence: a title, "the Leader of the Revolution" named before)
            # "the prime minister": the holder of that role last named in the article
            held = _salient_holder(doc, role_word, nat)
            if not _NO_LONGER.isdisjoint(words[det + 1:i]):
                held = _former_holder(doc, role_word)  # "the former president": not the president named
            elif held is None and not nat:
                held = _titled_holder(doc, role_word)  # "the prime minister", never named with the role
            if held is not None and not taken.intersection(range(det, j)) and \
                    not (k < len(toks) and toks[k].cap and toks[k].gap == " "):
                out.append(Mention(det, j, held, text[toks[det].start:toks[j - 1].end], "title"))
                taken.update(range(det, j))
            continue
        if len(name) == 1 and (by_surname := doc.surnames.get(name[0].word)) is not None and not by_surname.pid:
            _hold(doc, role_word, by_surname)  # "President Museveni" after "Yoweri Kaguta Museveni": he holds the role
        if len(name) < 2:
            continue
        if len(name) == 2 and any(pi <= ni < pj for pi, pj, _ in places):
            # "President Xi" fine, but "Prime Minister Paetongtarn" is not a place; a name that starts
            # with a place ("Foreign Ministry") is not a person
            continue
        nj = ni + len(name)
        ent = doc.entity_for_name(name, text[name[0].start:name[-1].end], nat)
        if nat and nat.lower() in doc.w.get("familyfirst", ()) and name[0].word not in doc.known_surnames:
            doc.surnames.setdefault(name[0].word, ent)  # "Chinese President Xi Jinping" ... "Xi visited Moscow"
        a = i
        while a > 0 and not any(c in toks[a].gap for c in ",;:()") and \
                any(pj == a and pi == a - 1 for pi, pj, _ in places):
            a -= 1
        out.append(Mention(a, nj, ent, text[toks[a].start:toks[nj - 1].end], "role"))
        taken.update(range(a, nj))
        _hold(doc, role_word, ent)
    # surnames of wanted people named in full somewhere in the article ("Bashir" after "Omar al-Bashir"),
    # unless another first name precedes it ("Sara Duterte")
    if doc.known_surnames:
        role_toks = {n for i, j, _ in s.get("role") for n in range(i, j)}
        known = doc.known_surnames
        for k in [k for k, w in enumerate(words) if w in known]:
            t = toks[k]
            if k in taken or not t.cap:
                continue
            known_pid = known.get(t.word)
            if known_pid is None:
                continue
            if k > 0 and toks[k - 1].cap and words[k - 1] not in _NAME_LINKS and t.gap.strip() in ("", "-") \
                    and words[k - 1] not in doc.w.get("honorific", ()) and (k - 1) not in taken \
                    and (k - 1) not in role_toks and words[k - 1] not in ndates.MONTHS \
                    and words[k - 1] not in ndates.WEEKDAYS and not (k == 1 and words[0] in _OPENERS):
                continue  # ("Sara Duterte": another first name; not "In April Gbagbo spent four days here", "For
                # Gaddafi, the visit crowns ...")
            out.append(Mention(k, k + 1, doc.entity_for_pid(known_pid), text[t.start:t.end], "surname"))
            taken.add(k)
    # a wanted person's surname after a qualifier of their nationality, across a role: "Sudanese President Bashir",
    # "Sudan's Bashir", "Israeli Defence Minister Gallant" (the full name need not appear in the article)
    qualified = doc.g.qualified_surnames
    qual_toks: set[int] | None = None
    for k in [k for k, w in enumerate(words) if w in qualified and k > 0]:
        t = toks[k]
        if k in taken or not t.cap or (k + 1 < len(toks) and toks[k + 1].cap and toks[k + 1].gap == " "):
            continue  # "President Bashir Gemayel": a given name
        pid = qualified[words[k]]
        person = doc.rs.people.get(pid)
        if person is None or not person.nationality:
            continue
        if qual_toks is None:
            qual_toks = {n for i, j, _ in s.get("role") for n in range(i, j)} | \
                {n for i, j, _ in s.get("title") for n in range(i, j)}
        q = next((pi for pi, pj, h in places if k - 5 <= pi and pj <= k and _place_code(h.value) == person.nationality
                  and all(n in qual_toks or words[n] == "s" for n in range(pj, k))), None)
        if q is None or taken.intersection(range(q, k)):
            continue
        out.append(Mention(q, k + 1, doc.entity_for_pid(pid), text[toks[q].start:t.end], "title"))
        taken.update(range(q, k + 1))
        doc.known_surnames.setdefault(words[k], pid)
    # surnames of officials named earlier in the article
    if doc.surnames:
        surnames = doc.surnames
        for k in [k for k, w in enumerate(words) if w in surnames]:
            t = toks[k]
            if k in taken or not t.cap:
                continue
            sur_ent = doc.surnames.get(t.word)
            if sur_ent is not None:
                out.append(Mention(k, k + 1, sur_ent, t.word and text[t.start:t.end], "surname"))
                taken.add(k)
    for i, j, h in s.get("word", longest=False):
        if h.value == "pronoun" and i not in taken and not (j < len(words) and words[j] in _HONORIFICS):
            out.append(Mention(i, j, None, text[toks[i].start:toks[j - 1].end], "pronoun"))
        elif h.value.startswith("epithet") and i > 0 and not (
                j < len(toks) and (toks[j].cap and toks[j].gap == " " or words[j] == "of")):
            # "the dictator attended ...", "the Sudanese strongman", "the ousted autocrat": the wanted person the
            # article is about, of that nationality when one is given ("Sudanese dictator Omar Bashir", a name
            # right after, is the name's own role)
            det, nat = i - 1, ""
            for pi, pj, ph in places:
                if pj == i and pi > 0:
                    det, nat = pi - 1, _place_code(ph.value)
            while det > 0 and words[det] in _TITLE_ADJ:
                det -= 1
            if words[det] != "the" or taken.intersection(range(det, j)):
                continue
            wanted = _salient_wanted(doc, nat)
            only = h.value.partition(":")[2]  # ("the Colonel" is Gaddafi's alone)
            if wanted is not None and only.startswith("@"):
                # ("the minister": a wanted person the article has called a minister)
                ok = _called(doc, wanted, only[1:])
            else:
                ok = not only or wanted is not None and wanted.pid == only
            if wanted is not None and ok:
                out.append(Mention(det, j, wanted, text[toks[det].start:toks[j - 1].end], "title"))
                taken.update(range(det, j))
    for i in range(len(words) - 3):
        # "the 71-year-old has defied the warrants": the wanted person just spoken of, when the age fits
        if words[i] == "the" and words[i + 1].isdigit() and words[i + 2:i + 4] == ["year", "old"] \
                and toks[i + 2].gap == toks[i + 3].gap == "-" and not taken.intersection(range(i, i + 4)):
            wanted = _aged(doc, int(words[i + 1]))
            if wanted is not None:
                out.append(Mention(i, i + 4, wanted, text[toks[i].start:toks[i + 3].end], "title"))
                taken.update(range(i, i + 4))
    # "X landed in A. The plane then continued to B": the plane of the trip just told carries X on (only a
    # sentence opening on it: not "the plane of the Chinese delegation", "said the plane ...")
    last = doc.last_subject
    if len(words) > 2 and words[0] == "the" and words[1] in _OWN_VEHICLES and words[2] != "of" and \
            not taken.intersection((0, 1)) and last is not None and last.pid and doc.last_subject_age <= 1 and \
            any(d.entity is last for d in doc.drafts[-3:]):
        out.append(Mention(0, 2, last, text[toks[0].start:toks[1].end], "title"))
        taken.update((0, 1))
    out.sort(key=lambda m: m.i)
    for m in out:
        if m.entity is not None:
            doc.counts[m.entity.key] = doc.counts.get(m.entity.key, 0) + 1
    obj = doc.w.get("objmark", set())
    verb_at = {i for i, _, h in s.get("trigger") if h.value[0] != "noun"}
    role_at = {j: i for i, j, _h in s.get("role")}
    # "on the instruction of President Vladimir Putin, his second trip": an object marker before the role makes
    # no subject of the name for a possessive pronoun after it (only for that: the role still shields the name in
    # "talks with President X" elsewhere)
    role_objects: set[int] = set()
    for m in out:
        at = role_at.get(m.i)
        if at is not None and at > 0 and (words[at - 1] in obj or at >= 2 and words[at - 1] == "the"
                                          and words[at - 2] in obj):
            role_objects.add(id(m))
    for m in out:
        # "met with the Kyrgyz President X": the object marker before the article
        before = m.i - 2 if m.i >= 2 and words[m.i - 1] == "the" and words[m.i - 2] != "and" else m.i - 1
        m.obj = m.i > 0 and words[before] in obj and not (words[m.i - 1] == "for" and words[m.j:m.j + 1] == ["to"]) \
            and not (words[m.i - 1] == "and" and words[m.j:m.j + 1] and (
                words[m.j] in _CLAUSE_VERBS or (m.j in verb_at and "," not in s.toks[m.j].gap) or (
                    "," in s.toks[m.i - 1].gap and (  # "and Xi flew to", ", and X last flew to": a clause's subject
                        m.j in verb_at or (words[m.j] in _SUBJ_ADVERBS and m.j + 1 in verb_at)))
                or (m.i >= 2 and toks[m.i - 2].cap and not any(t < m.i for t in verb_at) and (
                    # "Erdogan and Putin last met in Astana": the second of a subject pair of names
                    m.j in verb_at or (words[m.j] in _SUBJ_ADVERBS and m.j + 1 in verb_at)))))
        # "... will be represented and UN chief X will participate": the subject of a clause of its own
        m.possessive = m.j < len(words) and words[m.j] == "s" and toks[m.j].gap in ("'", "’", "`")
    # pronouns: the nearest earlier person in the sentence, else the last sentence's subject (not when the
    # sentence opens with a role nobody named holds: "The field marshal was in Moscow when he ...": him)
    unknown_opener = bool(words) and words[0] == "the" and any(
        i == 1 and not any(p.i <= i < p.j for p in out) for i, _j, _h in s.get("role"))
    first_subject: Entity | None = None
    # "During his visit to X, Putin laid a wreath", "On his way back from Y, Z stopped in W": a possessive in a
    # fronted phrase points ahead to the subject after the comma
    comma = next((n for n in range(1, min(len(words), 16)) if "," in toks[n].gap), None) \
        if words and words[0] in _FRONTED_PREPS else None
    ahead_subject = next((p for p in out if comma is not None and p.i == comma and p.entity is not None
                          and p.kind != "pronoun"), None)
    # the wanted person the last sentences were about, for an object pronoun after an official named in passing
    salient = doc.last_subject if doc.last_subject is not None and doc.last_subject.pid and \
        doc.last_subject_age <= 3 else None
    pointed: Entity | None = None
    # "Accompanied by Defence Minister X, he went straight to the base": "he" is not X, but the person the
    # sentences before were about
    escorted = next((n for n in range(3, min(len(words), 20)) if "," in toks[n].gap), None) \
        if len(words) > 3 and words[1] == "by" and words[0] in _ESCORTED else None
    if escorted is not None:
        for p in out:
            if p.i < escorted:
                p.obj = True
    for m in out:
        if m.kind == "pronoun" and m.i == escorted and words[m.i] in ("he", "she") and \
                doc.last_subject is not None and doc.last_subject_age <= 3 and _agrees(words[m.i], doc.last_subject):
            m.entity = doc.last_subject
        elif m.kind == "pronoun" and ahead_subject is not None and m.i < ahead_subject.i and words[m.i] in _POSS_PRONOUNS \
                and _agrees(words[m.i], ahead_subject.entity):  # type: ignore[arg-type]
            m.entity = ahead_subject.entity
            continue
        elif m.kind == "pronoun":
            prev = [p for p in out if p.j <= m.i and p.entity is not None and p.kind != "pronoun"
                    and _agrees(words[m.i], p.entity)]
            near = prev[-1] if prev else None
            # (the name set off as an apposition, "NATO's commander, General X, saw him": its clause's subject)
            apposed = near is not None and near.i > 0 and "," in toks[near.i].gap and near.j < len(toks) and \
                "," in toks[near.j].gap
            if near is not None and words[m.i] in ("him", "them") and not near.obj and m.i - near.j <= 4 and \
                    not any("," in toks[n].gap for n in range(near.j + apposed, m.i + 1)) and \
                    not any(x in _NOT_BINDING for x in words[near.j:m.i]):
                # "Putin received him in Sochi": an object pronoun is never its own clause's subject, but the
                # person spoken of before
                others = [p for p in prev if p.entity is not near.entity]
                last = doc.last_subject
                m.entity = others[-1].entity if others else last if (
                    last is not None and last is not near.entity and doc.last_subject_age <= 3
                    and _agrees(words[m.i], last)) else None
            elif prev and words[m.i] in ("him", "her") and salient is not None and _agrees(words[m.i], salient) \
                    and not any(p.entity and p.entity.pid for p in prev) and prev[-1].entity is not None \
                    and prev[-1].entity.key in official_keys() and not _trip_takes(words, prev[-1].j, m.i):
                # "when forces loyal to Ouattara ... pulled him from the bunker": not the official named in passing,
                # but the wanted person the sentences before were about
                m.entity = salient
                pointed = salient
            elif prev and words[m.i] in ("he", "she") and prev[-1].possessive and len(prev) == 1 and \
                    words[0] in _FRONTED_PREPS and any("," in toks[n].gap for n in range(prev[-1].j, m.i + 1)) and \
                    doc.last_subject is not None and doc.last_subject is not prev[-1].entity and \
                    doc.last_subject.pid and doc.last_subject_age <= 3 and _agrees(words[m.i], doc.last_subject):
                # "In March 2009, weeks after Bashir's own warrant, he was part of the party": a name's possessive in
                # a fronted phrase is not the subject; the person the sentences before were about is (and stays the
                # one "he" points back to next)
                m.entity = first_subject = doc.last_subject
            elif prev:
                # "X arrived for a dinner with Y, his third visit": a possessive goes to the subject, not an object
                subj = [p for p in prev if not p.obj and id(p) not in role_objects] \
                    if words[m.i] in _POSS_PRONOUNS else prev
                m.entity = (subj or prev)[-1].entity
                if words[m.i] in _POSS_PRONOUNS and _trip_noun_after(words, m.j):
                    # "X received Y at the palace ..., his previous stop in France": the guest's journey
                    guest = [p for p in prev if p.obj and p.i > 0 and (words[p.i - 1] in _HOSTING or p.i > 2 and
                             words[p.i - 1] in _ROLE_LEAD and words[p.i - 2] in _HOSTING)]
                    if guest:
                        m.entity = guest[-1].entity
                if words[m.i] in ("he", "she") and prev[-1].obj:
                    # "he flew to A for talks with B, and in May he visited C": the subject again, not B
                    subj = [p for p in out if p.j <= m.i and p.entity is not None and not p.obj]
                    if subj:
                        m.entity = subj[-1].entity
            elif doc.last_subject is not None and doc.last_subject_age <= 3 and \
                    _agrees(words[m.i], doc.last_subject) and not unknown_opener:
                m.entity = doc.last_subject
        if first_subject is None and m.entity is not None and (not m.obj or words[m.j:m.j + 1] == ["who"] or (
                m.i == 1 and words[0] == "for")):
            # (an object with a clause of its own, "travel for the president, who has"; a fronted topic, "For
            # Netanyahu this is the second visit")
            first_subject = m.entity
    if pointed is not None and first_subject is not None and first_subject.key in official_keys():
        first_subject = pointed  # ("He was flown to The Hague" next: the wanted person still)
    if first_subject is not None and first_subject.key in official_keys():
        # "Speaking before Chinese President Xi Jinping, Duterte said ...": between a well-known official and a
        # wanted person, "he" in the next sentences is the wanted person the article is about
        first_subject = next((m.entity for m in out if m.entity is not None and m.entity.pid and not m.obj),
                             first_subject)
    if first_subject is not None:
        doc.last_subject, doc.last_subject_age = first_subject, 0
    elif doc.last_subject is not None and any(m.entity is doc.last_subject and m.kind != "pronoun" for m in out):
        doc.last_subject_age = 0  # a sentence naming the salient person, if only as an object, keeps them salient
    elif (words[:1] == ["the"] and words[1:2] and words[1] in _TRIP_SUBJECTS or
          any(p.i == 0 and p.kind == "country" for p in doc.places(s))) and \
            (sole := _sole_wanted_object(out)) is not None:
        # "The trip caps a busy period for Netanyahu. On March 9 he flew to Moscow", "India would not act on the
        # warrant against Netanyahu. His only trip ...": a sentence about the trip, or about a country, that names
        # one wanted person, and no other, makes them the one "he" points back to (not "Commentators counted five
        # meetings with Putin": people unnamed may be who "he" is next)
        doc.last_subject, doc.last_subject_age = sole, 0
    else:
        doc.last_subject_age += 1
    return out
_POSS_PRONOUNS = frozenset({"his", "her", "sa", "ses"})
# a profile's heading: a name in capitals, then a dash ("ABDUL GHANI BARADAR — Deputy leader")
_PROFILE_HEADING = re.compile(r"\s*(?P<name>[A-Z][A-Z'\-]+(?: [A-Z][A-Z'\-]+){1,4})[ \t]*[\u2014\u2013]")


def profile_heading(doc: _Doc, a: int, hits: list[Hit]) -> None:
    """ "ABDUL GHANI BARADAR — Deputy leader" opening a line: a profile's heading names who the section's "he" is, here
    someone the tables do not know (not the wanted man of the section before)."""
    text = doc.text
    m = _PROFILE_HEADING.match(text, a)
    if m is None or (m.start("name") > 0 and text[m.start("name") - 1] != "\n") or any(
            h.cat == "person" and h.start < m.end() for h in hits):
        return
    who = " ".join(w.capitalize() for w in m["name"].split())
    ent = doc.entities.setdefault("name:" + who.lower(), Entity("name:" + who.lower(), who, "", ""))
    doc.last_subject, doc.last_subject_age = ent, 0
_ESCORTED = frozenset({"accompanied", "joined", "escorted", "flanked"})
# "His Majesty King Abdullah II", "Her Excellency": a form of address, not a pronoun
_HONORIFICS = frozenset({"majesty", "highness", "excellency", "holiness", "eminence", "royal"})
_FRONTED_PREPS = frozenset({"during", "on", "after", "before", "in", "at", "upon", "ahead", "throughout", "for"})
# verbs whose object is the guest who travelled ("X received Y"), and what may stand between them ("received
# Libyan leader Y")
_HOSTING = frozenset({"received", "welcomed", "hosted", "greeted", "receives", "welcomes", "hosts", "greets"})
_ROLE_LEAD = frozenset({"leader", "president", "minister", "premier", "counterpart", "king", "emir", "guest"})


def _trip_takes(words: list[str], a: int, b: int) -> bool:
    """ "X arrived on the first stop of a tour that will also take him to Y": the trip of the one just named
    takes "him" along; he is that traveller, not the wanted person the sentences before were about (but "X
    received him on a trip that also took him to Y": the one received)."""
    between = words[a:b]
    if "him" in between or "her" in between:
        return False  # "X received him on a trip that also took him to Y": the one received before
    return any(w in _TRIP_SUBJECTS and not {"that", "which"}.isdisjoint(between[n + 1:n + 5])
               for n, w in enumerate(between)) and not {"take", "takes", "took", "bring", "brings"}.isdisjoint(between)


def _sole_wanted_object(out: list[Mention]) -> Entity | None:
    """The one person a subjectless sentence names, when they are wanted and named outright (not a pronoun)."""
    named = {id(m.entity): m.entity for m in out if m.entity is not None and m.kind != "pronoun"}
    if len(named) != 1 or any(m.kind == "pronoun" for m in out):
        return None
    ent = next(iter(named.values()))
    return ent if ent.pid else None


def _trip_noun_after(words: list[str], j: int) -> bool:
    """Whether a trip noun follows token ``j`` (after at most two adjectives: "his previous stop")."""
    return any(w in _OWN_TRIP_NOUNS for w in words[j:j + 3])
# words between a subject and "him" that open another clause ("X said that Y invited him"; "X and Y met him")
_NOT_BINDING = frozenset({"that", "said", "says", "and", "who", "which", "told", "asked", "after", "before", "when",
                          "if", "while", "because"})
_SHE = frozenset({"she", "her", "hers", "herself", "elle", "она"})
_HE = frozenset({"he", "his", "him", "himself", "il", "он"})


@cache
def _women() -> frozenset[str]:
    """Wanted people referred to as "she" (tables/pronouns.csv)."""
    return frozenset(r["person_id"] for r in tables.load("pronouns") if r["pronoun"] == "she")


def _agrees(pronoun: str, ent: Entity) -> bool:
    """Whether ``pronoun`` can point to ``ent``: "she" not to a wanted man, "he" not to a wanted woman (people
    without a warrant record: either)."""
    if not ent.pid:
        return True
    if pronoun in _SHE:
        return ent.pid in _women()
    if pronoun in _HE:
        return ent.pid not in _women()
    return True
_PAIR_NOUNS = frozenset({"men", "leaders", "presidents", "women", "generals", "ministers", "commanders", "premiers",
                         "chiefs", "counterparts"})
# "their summit in Helsinki", "their last encounter was in Helsinki": where the two met
_PAIR_GATHERINGS = frozenset({"summit", "meeting", "encounter", "talks"})
# "both presidents", "the two ministers": the role the pair holds
_PAIR_ROLES = {"presidents": "president", "ministers": "minister", "premiers": "premier", "generals": "general"}


# words of a meeting ahead between "they"/"the two leaders" and "meet"/"expected"
_PAIR_AHEAD = frozenset({"will", "would", "could", "may", "might", "are", "is", "to", "set", "scheduled", "also",
                         "again", "both", "expected", "due", "next", "likely", "agreed", "agree", "plan", "planned",
                         "promised", "decided", "hope", "hoped", "intend"})  # ("the two presidents agreed to meet")
_THEY_OPENERS = frozenset({"and", "but", "when", "after", "since", "as", "where", "while"})
# words between "the two leaders"/"they" and "met"
_MET_FILLERS = frozenset({"also", "last", "have", "had", "first", "most", "recently", "previously", "already",
                          "then", "both", "have also", "since"})


def _speaker(doc: _Doc, s: _Sentence, j: int) -> bool:
    """Whether the name ending at token ``j`` reports speech: "X said", "X, an aide to the president, told ..."."""
    words, toks = s.words, s.toks
    speech = doc.w.get("speech", set())
    if j < len(words) and words[j] in speech:
        return True
    if j < len(words) and "," in toks[j].gap:  # an apposition up to the next comma, then the verb
        k = next((n for n in range(j + 1, min(len(words), j + 12)) if "," in toks[n].gap), None)
        return k is not None and words[k] in speech
    return False


# what a pair "held" together where they were: "the two men held six hours of talks in Helsinki"
_PAIR_HELD = frozenset({"talks", "meeting", "meetings", "summit", "discussions", "negotiations", "consultations"})


def _two_met(doc: _Doc, s: _Sentence, ms: list[Mention] | None = None) -> None:
    """ "The two leaders met in Samarkand, Uzbekistan, in September 2022", "both men met ...", "they have already
    met twice at the White House": the two travellers or wanted people among the (at most three) people named
    just before (or the only two named lately) met there; each of known other nationality travelled."""
    words = s.words
    for n in range(len(words) - 1):
        w = words[n]
        if words[n + 1] in _PAIR_NOUNS and (w == "both" or w == "two" and (n == 0 or words[n - 1] == "the")):
            e = n + 2
        elif n == 0 and w == "both" or w == "two" and n >= 1 and words[n - 1] == "the" and (
                n == 1 or words[n + 1] in ("met", "last", "had", "have", "first")):
            e = n + 1  # "Both are expected to meet again in X", "The two last met in Y", "Last November the two met"
        elif w == "they" and (n == 0 or words[n - 1] in _THEY_OPENERS or any(c in s.toks[n].gap for c in ",;—–")):
            e = n + 1  # "They met ...", "... — they have met": not "officials said they met"
        elif w == "their":
            e = n + 1  # "since their summit in Helsinki", "their last encounter was in Helsinki"
        else:
            continue
        if w == "their":
            mi = next((x for x in range(e, min(len(words), e + 3)) if words[x] in _PAIR_GATHERINGS), None)
            if mi is None or any(x not in _ORDINAL_DESC | _MET_FILLERS for x in words[e:mi]):
                continue
        else:
            # ("the two men held six hours of talks in Helsinki": a meeting held)
            mi = next((x for x in range(e, min(len(words), e + 4)) if words[x] in ("met", "meet", "expected", "due")
                       or words[x] == "sat" and words[x + 1: x + 2] == ["down"]
                       or words[x] == "held" and not _PAIR_HELD.isdisjoint(words[x + 1:x + 6])), None)
            if mi is None or any(x not in _MET_FILLERS | _PAIR_AHEAD for x in words[e:mi]):
                continue
            if words[mi] == "meet" and not _PAIR_AHEAD.intersection(words[e:mi]):
                continue  # ("they meet every year": no particular meeting)
        # "they will meet again in X", "both presidents are expected in X": a plan; "could meet": a possibility
        status = "completed" if words[mi] in ("met", "sat", "held") or w == "their" else \
            "speculative" if {"could", "may", "might"} & set(words[e:mi]) else "planned"
        # the two travellers or wanted people among the last named (not a spokesman quoted in between)
        travellers = {d.entity.key for d in doc.drafts[-8:]}
        pair = [e for e in doc.recent if e.key in travellers or e.pid]
        if len(doc.recent) == 2:
            pair = list(doc.recent)  # only two people named lately: "they" are those two
        elif (len(pair) != 2 or pair[0].nationality == pair[1].nationality) and w != "they" and \
                len(doc.recent) == 3:
            # "the two presidents" among Trump, Putin and Putin's minister: one of each country, the wanted person
            # or the traveller first
            by_nat: dict[str, list[Entity]] = {}
            for ent in doc.recent:
                by_nat.setdefault(ent.nationality, []).append(ent)
            if len(by_nat) == 2 and "" not in by_nat:
                pair = [next((x for x in group if x.pid or x.key in travellers), group[0])
                        for group in by_nat.values()]
        if w in ("two", "both") and words[n + 1] in _PAIR_ROLES:
            # "both presidents": the two among those named lately (not the minister named with them); a wanted
            # person holds the role when a title of theirs names it ("Russian president")
            role = _PAIR_ROLES[words[n + 1]]
            titled = {pid for t, pid in doc.titles.items() if role in t.split()}
            pair = [e for e in pair if not e.pid or e.pid in titled or any(e is x for x in doc.role_all.get(role, ()))]
            # (a wanted person who holds no such title is not one of them: the minister named with the presidents)
        # "X and Joe Biden spoke ...": X and a partner the tables do not know (only X can be reported)
        unknown_partner = len(doc.recent) == 1 and len(pair) == 1 and w != "they" and \
            _named_with_partner(doc, s, pair[0])
        crowded = len(doc.recent) > 3
        just = _pair_just_named(doc, s, travellers) if len(pair) != 2 or crowded else None
        if just is not None:
            pair, crowded = just, False  # "Bashir and Kiir are expected back in X. The two men last met here"
        here = _pair_in_sentence(ms, n) if ms is not None and w != "their" else None
        if here is not None:
            pair, crowded = here, False  # "he flew to Baku to meet General X; the two men met again in Antalya"
        if (len(pair) != 2 and not unknown_partner) or crowded:
            return  # fewer or more candidates, or many people named lately: not sure who "the two" are
        # "in Samarkand, Uzbekistan", "in Tianjin, China" (a city the gazetteer may not know)
        while mi is not None:
            place = next((p for p in doc.places(s) if mi < p.i <= mi + 16 and p.kind in _PLACE_KIND_RANK
                          and (words[p.i - 1] in ("in", "at") or (p.kind == "country" and p.i > 1 and
                                                                  words[p.i - 2] == "in" and s.toks[p.i - 1].cap))),
                         None)
            if place is None and doc.story is not None and "here" in words[mi + 1:mi + 3]:
                n = words.index("here", mi + 1)  # "The two men last met here in mid-July": the dateline's place
                place = Place(n, n + 1, doc.story[0], "city", doc.story[1], "here")
            if place is None:
                return
            clause = _clause(s, mi, place.j, doc.w.get("clause", set()))
            dexpr = _pick_date(s, s.dates, mi, place.j, doc.w.get("speech", set()), clause)
            spans = ndates.resolve(dexpr, doc.pub, status != "completed")[:1] if dexpr is not None else []
            for ent in pair:
                if ent.nationality and ent.nationality != place.code:
                    _add(doc, _Draft(ent, ent.name, place.code, place.city, spans, status, "", [(s.a, s.b)],
                                     earlier=status == "completed"))
            # "... in Baku in February 2017 and met again a month later in Antalya": the pair's next meeting
            mi = next((x for x in range(place.j, len(words) - 1) if words[x] == "met" and words[x - 1] == "and"
                       and words[x + 1] == "again"), None)
        return


def _pair_in_sentence(ms: list[Mention], n: int) -> list[Entity] | None:
    """The two people the sentence named before "the two" at token ``n`` (a pronoun by whom it stands for), when
    they are exactly two, of two known countries: "In February he flew to Baku to meet General Joseph Dunford; the
    two men met again in Antalya" (not the people of the sentences before)."""
    named: list[Entity] = []
    for m in ms:
        if m.i < n and m.entity is not None and not m.possessive and m.entity not in named:
            named.append(m.entity)
    if len(named) != 2 or not all(e.nationality for e in named) or named[0].nationality == named[1].nationality:
        return None
    return named


def _pair_just_named(doc: _Doc, s: _Sentence, travellers: set[str]) -> list[Entity] | None:
    """The two people the sentence right before ``s`` named, when it named only those two, both travellers or
    wanted, of two countries: who "the two men" of ``s`` are."""
    end, named = doc.named_last
    if len(named) != 2 or not end or end > s.a or sentence_ends(doc.text, end, s.a) > 1:
        return None
    a, b = named
    if not all(e.pid or e.key in travellers for e in named) or not a.nationality or a.nationality == b.nationality:
        return None
    return list(named)


def _named_with_partner(doc: _Doc, s: _Sentence, ent: Entity) -> bool:
    """Whether the sentences just before sentence ``s`` name ``ent`` and one other capitalised name joined by
    "and" ("Vladimir Putin and Joe Biden spoke by phone", "Kim Jong Un and Putin"): "the two" are those two."""
    surname = re.escape(ent.name.split()[-1]) if ent.name else ""
    if not surname:
        return False
    before = doc.text[max(0, s.a - 400):s.a]
    name = r"(?:[A-Z][\w'-]+ ){0,2}[A-Z][\w'-]+"
    return re.search(rf"\b{surname}(?:'s)? and {name}\b|\b{name} and (?:[A-Z][\w'-]+ ){{0,2}}{surname}\b|"
                     rf"\b{surname}'s (?:[a-z]+ ){{0,2}}(?:ties|talks|relationship|relations|rapport|friendship|"
                     rf"dealings|meetings?) with {name}\b",  # "Putin's personal ties with Yulia Tymoshenko"
                     before) is not None


_TRIP_NOUNS = frozenset({"visit", "trip", "tour", "journey"})
_OWN_TRIP_NOUNS = _TRIP_NOUNS | {"stop", "stopover", "stay", "arrival", "travels"}  # ("his previous stop")
_TRIP_SUBJECTS = _TRIP_NOUNS | {"voyage", "stop", "stopover", "trips", "visits"}  # "The trip caps ...", "a tour that"
_OWN_VEHICLES = frozenset({"plane", "aircraft", "jet", "motorcade", "ilyushin", "airbus", "boeing", "helicopter",
                           "airliner", "jetliner"})  # (not "the delegation": whose?)
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


def note_named(doc: _Doc, end: int, people: list[Entity]) -> None:
    """A sentence ending at ``end`` named ``people`` (not by a pronoun): who "the two leaders" or "they" can be
    (:func:`_note_recent`), and who the sentence right before "the two men" named (``doc.named_last``)."""
    once: list[Entity] = []
    for ent in people:
        _note_recent(doc, ent)
        if ent not in once:
            once.append(ent)
    doc.named_last = (end, once)


def _note_recent(doc: _Doc, ent: Entity) -> None:
    """``ent`` was named just now (the last four people named are who "the two leaders" or "they" can be)."""
    rec = doc.recent
    if ent in rec:
        rec.remove(ent)
    rec.append(ent)
    if len(rec) > 4:
        del rec[0]


def _cheap_subject(doc: _Doc, text: str, hits: list[Hit]) -> None:
    """The salient person of a sentence with no trip in it, from its first person or title hit."""
    named = [h for h in hits if h.cat == "person" and any(c.isupper() for c in text[h.start:h.end])]
    if named:  # "X and Y spoke. They met in Z in 2019."
        note_named(doc, named[-1].end, [doc.entity_for_pid(h.value) for h in named])
    last = doc.last_subject
    if named and last is not None and doc.last_subject_age <= 3 and any(
            h.cat == "word" and h.value == "pronoun" and h.start < named[0].start
            and _agrees(text[h.start:h.end].lower(), last) for h in hits):
        # "... still seeking his surrender; its warrant was issued together with those against his father and X":
        # a sentence that speaks of the salient person first stays about them
        doc.last_subject_age = 0
        return
    first = _surname_first(doc, text, named[0].start) if named else None
    if first is not None:
        # "Gallant, whom Netanyahu dismissed in November, was popular": the surname opening the sentence is its
        # subject, not the full name or alias in the clause after it
        _make_salient(doc, first)
        return
    for h in hits:
        if h in named:
            _make_salient(doc, doc.entity_for_pid(h.value))
            return
        if h.cat == "title" and (pid := doc.titles.get(h.value)):
            doc.last_subject, doc.last_subject_age = doc.entity_for_pid(pid), 0
            return
    doc.last_subject_age += 1


def official_subject(doc: _Doc, text: str, a: int, hits: list[Hit]) -> bool:
    """ "Masoud Pezeshkian won the run-off on 5 July": a well-known official named in full at the opening of a sentence
    that names no wanted person is who "he" is next, and "Pezeshkian" alone names them later (True when so; not a
    name quoted, owned or an object: "the spokesman, Dmitry Peskov", "Idriss Deby's swearing-in", "to Joseph
    Kabila")."""
    if any(h.cat in ("person", "title") for h in hits):
        return False
    official = next((h for h in hits if h.cat == "official"), None)
    if official is None or " " not in text[official.start:official.end].strip() or \
            text[a:official.start].strip(" \t\n\"'\u201c\u2018") or text.startswith(("'s", "\u2019s"), official.end):
        return False
    doc.last_subject, doc.last_subject_age = _official(doc, official, fold(text[official.start:official.end]).split()), 0
    return True


def _official(doc: _Doc, h: Hit, words: list[str]) -> Entity:
    """The entity of a well-known official's hit (``tables/officials.csv``; ``words``: its folded words as written),
    their surname noted for later sentences ("Xi Jinping" ... "Xi", "Shinzo Abe" ... "Abe")."""
    name, country, surname = h.value
    ent = doc.entities.get("name:" + name)
    if ent is None:
        ent = doc.entities["name:" + name] = Entity("name:" + name, name, "", country)
    if country.lower() in doc.w.get("familyfirst", ()):
        doc.surnames.setdefault(words[0], ent)
    elif surname != "-":  # ("-": news never names them by one word alone, "Ben Ali" is not "Ali")
        doc.surnames.setdefault(surname or words[-1], ent)
    return ent


def _surname_subject(doc: _Doc, folded: str, a: int, b: int) -> bool:
    """A sentence that names a wanted person only by surname ("M. Poutine", "Bashir") makes them salient."""
    if not doc.known_surnames:
        return False
    for w in folded[a:b].split():
        pid = doc.known_surnames.get(w)
        if pid is not None:
            _make_salient(doc, doc.entity_for_pid(pid))
            return True
    return False


# function words that open a sentence with a capital, before a surname: no first name
_OPENERS = frozenset({"for", "after", "before", "when", "as", "with", "by", "to", "from", "but", "and", "while",
                      "since", "then", "unlike", "like", "under", "once", "if", "so", "yet", "that", "where",
                      "although", "though", "until", "unless", "because", "without", "against", "at", "on",
                      "in", "of"})
_CAP_WORD = re.compile(r"[A-Z][\w'\-]+")


def _make_salient(doc: _Doc, ent: Entity) -> None:
    """``ent`` is named once more and is who "he" points back to next."""
    doc.counts[ent.key] = doc.counts.get(ent.key, 0) + 1
    doc.last_subject, doc.last_subject_age = ent, 0


def _surname_first(doc: _Doc, text: str, before: int) -> Entity | None:
    """The wanted person a known surname names at the start of the sentence being read (``doc.cursor``), before
    the first person the tables found (at ``before``)."""
    if not doc.known_surnames or not doc.cursor <= before:
        return None
    for m in _CAP_WORD.finditer(text, doc.cursor, before):
        pid = doc.known_surnames.get(fold(m.group()))
        if pid is not None:
            return doc.entity_for_pid(pid)
    return None


_AGED = re.compile(r"\bthe (\d{2,3}) year old\b")


def _age_subject(doc: _Doc, folded: str, a: int, b: int) -> bool:
    """A sentence with no trip that speaks of "the 71-year-old" makes the wanted person of that age salient."""
    m = _AGED.search(folded, a, b)
    ent = _aged(doc, int(m.group(1))) if m is not None else None
    if ent is None:
        return False
    _make_salient(doc, ent)
    return True


_OF_LINKS = frozenset({"of", "the", "and", "for", "on"})


def _of_complement(doc: _Doc, s: _Sentence, k: int, places: list[tuple[int, int, Hit]],
                   taken: set[int]) -> tuple[int, str] | None:
    """The first token of the name after a role's "of" complement, and the country the complement names:
    "Secretary of the Supreme National Security Council of Iran Ali Akbar Ahmadian", "Minister of Defence
    Andrei Belousov", "Chairman of the Standing Committee of the National People's Congress Zhao Leji".

    The complement is a run of capitalised words and links ("of", "the", "and"); the name is its last two or
    three capitalised words after the last link, place or word of an institution's name (``orgword``).
    """
    toks, words = s.toks, s.words
    org = doc.w.get("orgword", ())
    at_place = {pi: (pj, h) for pi, pj, h in places}
    n, end = k + 1, min(len(toks), k + 18)
    start, nat = -1, ""
    while n < end and n not in taken:
        t = toks[n]
        if words[n] == "s" and t.gap in ("'", "\u2019"):
            start = n + 1  # "the National People's Congress"
            n += 1
            continue
        if t.gap != " " and not (t.gap == "-" and start >= 0 and n > start):
            if start == n > k + 1 and t.gap.strip() == "," and words[n - 1] in org:
                return n, nat  # "Leader of the Great Al-Fateh Revolution, Brother Muammar Gaddafi": the name follows
            break
        if n in at_place:
            pj, h = at_place[n]
            nat, n = _place_code(h.value), pj
            start = n
            continue
        if words[n] in _OF_LINKS and not t.cap:
            start = n + 1
        elif not t.cap or words[n] in _NAME_STOP:
            break
        elif words[n] in org:
            start = n + 1
        n += 1
    if start <= k + 1:
        return None
    size = sum(1 for x in range(start, n) if toks[x].gap == " " or x == start)
    return (start, nat) if 2 <= size <= 3 and all(toks[x].cap for x in range(start, n)) else None


# roles that name one person in an article ("the prime minister"); not "the spokesman", "the general"
_ORDINAL_DESC = frozenset({"last", "first", "only", "previous", "next", "latest", "sole", "second", "third"})
_GENERIC_ROLES = frozenset({"president", "vice president", "prime minister", "deputy prime minister", "premier",
                            "foreign minister", "defence minister", "defense minister", "chancellor",
                            "supreme leader", "king", "queen", "crown prince", "emir", "secretary general",
                            "un secretary general", "secretary of state", "chief adviser", "head of state"})
_HEAD_ROLES = frozenset({"counterpart", "president", "leader", "premier", "prime minister", "head of state"})
# "Sudan's president": its named head
# adjectives between "the" and a title or an epithet ("the ousted president", "the wanted strongman")
_TITLE_ADJ = frozenset({"former", "ousted", "deposed", "wanted", "indicted", "fugitive", "embattled", "veteran",
                        "longtime", "long-time", "aging", "ageing", "ailing", "exiled", "jailed", "detained",
                        "then"})


# "..., and Putin last flew to China": an adverb between a clause's subject and its verb
_SUBJ_ADVERBS = frozenset({"last", "also", "then", "later", "first", "again", "recently", "himself", "herself",
                           "briefly", "previously", "once"})
_CLAUSE_VERBS = frozenset({"will", "would", "may", "might", "could", "is", "was", "has", "had", "shall"})


# "He came back on 28 February", "In April he was back in the city", "he returned in September 2024": one more
# journey to where the traveller's last trip went (a verb of coming back, no place of its own)
_BACK = re.compile(r"\b(?:(?:came|comes|come|went|flew|was|were|is|will be|would be) back|returned|returns|"
                   r"will return|would return|to return|(?:came|comes|come) again|"
                   r"came(?= (?:on|in|last|early|late)\b))\b")
# "he hopes to come again in the autumn", "plans to return in May": a return wished or planned
_BACK_WISH = {"hopes": "speculative", "hoped": "speculative", "wants": "speculative", "wishes": "speculative",
              "plans": "planned", "intends": "planned", "expects": "planned", "promised": "planned",
              "promises": "planned", "pledged": "planned"}


def _back_wish(words: list[str], v: int, trav: int) -> str | None:
    """The status of a return wished or planned: "hopes to come again", "plans to return" (the word before the
    infinitive), "Azarov hoped Putin would come back" (the word before the traveller); else None."""
    if words[v - 1:v] == ["to"] or words[v] == "to":
        return next((_BACK_WISH[w] for w in words[max(0, v - 3):v] if w in _BACK_WISH), None)
    return next((_BACK_WISH[w] for w in words[max(0, trav - 3):trav] if w.startswith("hope") and w in _BACK_WISH),
                None)
# "He came on 23 May" (a bare coming, no "back"): only with the date right after it
_BARE_CAME = "came"
_BACK_PLACE_NOUNS = frozenset({"city", "capital", "country"})
_BACK_NOT = frozenset({"home", "work", "office", "desk", "duty", "power"})  # "was back at work in July"


def _origin_clause(s: _Sentence, ve: int, i: int) -> bool:
    """A place after a comma that a participle brings the traveller from: "returned in April, flying in from
    Hungary"."""
    return s.words[i - 1:i] == ["from"] and any("," in s.toks[n].gap for n in range(ve + 1, i))


def came_back(doc: _Doc, s: _Sentence, ms: list[Mention]) -> None:
    """A journey back to the place of the traveller's last trip, told with a date of its own and no place: "He came
    back on 28 February last year", "In April he was back in the city", "After the parade he returned in September
    2024". Not the end of that trip ("arrived on Monday and returned on Wednesday"), not a return home."""
    words = s.words
    found = words_matched(_BACK, words)
    if found is None:
        return
    v, ve = found
    trav = next((x for x in reversed(ms) if x.entity is not None and x.j <= v and v - x.j <= 2 and not x.obj
                 and not x.possessive), None)
    if trav is None and words[v - 1:v] == ["and"]:
        # "Netanyahu first met Trump at the White House in February and returned in April": the subject of the
        # first verb, when no other subject stands between
        subj = [x for x in ms if x.entity is not None and x.j <= v and not x.obj and not x.possessive]
        trav = subj[0] if len({id(x.entity) for x in subj}) == 1 else None
    if trav is None or trav.entity is None:
        return
    after = words[ve:ve + 4]
    places = doc.places(s)
    told_after = [p for p in places if p.i >= ve and not (words[p.i - 1:p.i] == ["the"] and words[p.i] in _BACK_PLACE_NOUNS)
                  and not _origin_clause(s, ve, p.i) and "-" not in s.toks[p.i].gap]
    if not _BACK_NOT.isdisjoint(after) or "to" in after[:1] or "from" in after[:1] or (
            told_after and not (words[v - 1:v] in (["would"], ["will"]) and all(
                words[p.i - 2:p.i] == ["perhaps", "to"] for p in told_after))):
        # ("came in October 2005 for an EU-Russia summit": a place inside the gathering's name)
        return  # "returned home", "back at work", "returned to Moscow", "came back from Beijing": told, or no journey there
        # (but "would come back in the summer, perhaps to Crimea": a return there, where in the country a guess)
    ours = [d for d in reversed(doc.drafts) if d.entity is trav.entity and d.spans and d.sentences
            and s.a - d.sentences[-1][1] < 600 and d.status in ("completed", "ongoing")]
    # ("met Trump at the White House in February and returned in April, flying in from Hungary": back where the
    # sentence's own trip before the verb went, not to the place of a later clause)
    before = {p.code for p in places if p.i < v}
    last = next((d for d in ours if (s.a, s.b) in d.sentences and d.code in before), None) or next(iter(ours), None)
    if last is None or last.code == trav.entity.nationality or last.spans[0][2] == "year" or any(
            p.code != last.code for p in told_after):
        return  # (a trip dated only by its year: whether the return comes after it is not known)
    speech = doc.w.get("speech", set())
    bare = words[ve - 1] == _BARE_CAME
    # (a date of its own before one counted from another: "ten years later, in March 2011", "Seven weeks later, on
    # 7 June, he was back")
    dates = sorted(s.dates, key=lambda d: d.kind != "abs")
    here = (s.a, s.b) in last.sentences  # (the trip told before the verb has the dates before it)
    wish = _back_wish(words, v, trav.i)
    ahead = words[v] in ("will", "would", "is") or words[v - 1:v] in (["will"], ["would"]) or wish is not None
    kinds = ("abs", "weekday", "rel", "anchor", "ago") + (("season", "dir") if ahead else ())
    d = next((d for d in dates if d.kind in kinds and _date_ok(words, d, speech)
              and (ve <= d.i <= ve + 1 if bare else d.i >= ve or d.j <= v and not here)), None)
    if d is None:
        return
    future = ahead
    spans = ndates.resolve(d, doc.pub, future)[:1]
    if not spans:
        return
    if near_trip(spans[0][0], last.spans[0]):
        return  # the last trip's own days: its end, or a second mention of it
    status = wish or ("planned" if future else "completed")
    _add(doc, _Draft(trav.entity, trav.text, last.code, last.city, spans, status, "", [(s.a, s.b)]))
