"""riskcheck news: trips read off the dependency parse (our own sentences; needs the `nlp` extra)."""

from __future__ import annotations

import pytest

from riskcheck.news import extract_trips
from riskcheck.news import parse as nparse

pytestmark = pytest.mark.skipif(nparse.nlp() is None, reason="spaCy model not installed (riskcheck[nlp])")


def got(text: str, published: str = "2024-05-20", parse: bool = True) -> set[tuple[str, str, str]]:
    return {(t.person_id, t.country, t.status) for t in extract_trips(text, published, use_parse=parse)}


def test_destination_list_beyond_a_window():
    text = ("Since the court acted, the Russian leader Vladimir Putin has travelled abroad only rarely, "
            "including to friendly countries such as Kyrgyzstan, Tajikistan, Belarus, Mongolia and Vietnam.")
    want = {("vladimir-putin", c, "completed") for c in ("KG", "TJ", "BY", "MN", "VN")}
    assert want <= got(text)


def test_compound_noun_trigger():
    text = "Analysts said Vladimir Putin's planned Mongolia visit would test the court's members."
    assert ("vladimir-putin", "MN", "planned") in got(text)


def test_passive_traveller():
    text = "Omar al-Bashir was warmly welcomed in Djibouti by a crowd of officials last week."
    assert ("omar-al-bashir", "DJ", "completed") in got(text)


def test_coordinated_subjects_both_travel():
    text = "Xi Jinping and Vladimir Putin are due to meet in Astana next month, officials said."
    assert ("vladimir-putin", "KZ", "planned") in got(text)


def test_co_mention_is_not_a_trip():
    # the wanted person and the place share a sentence, but nothing says he goes there
    text = "Vladimir Putin criticised Finland's decision to join the alliance in a televised speech."
    assert not any(c == "FI" for _, c, _ in got(text))


def test_negated_trip_is_not_completed():
    text = "Vladimir Putin did not travel to South Africa for the gathering, sending his foreign minister."
    assert ("vladimir-putin", "ZA", "completed") not in got(text)


def test_without_the_parse_rules_still_run():
    text = "Vladimir Putin will visit China in October."
    assert got(text, "2023-07-25", parse=False) == {("vladimir-putin", "CN", "planned")}


def test_model_can_be_turned_off(monkeypatch):
    nparse.set_model("none")
    try:
        assert nparse.nlp() is None
    finally:
        nparse.set_model(None)
        monkeypatch.delenv("RISKCHECK_SPACY_MODEL", raising=False)
    assert nparse.nlp() is not None


def test_object_control_gives_the_traveller():
    text = "The emir invited Omar al-Bashir to visit Doha in the autumn, officials said."
    assert ("omar-al-bashir", "QA", "invited") in got(text)


def test_a_trip_blocked_by_someone_else_is_not_theirs():
    for text in ("Benjamin Netanyahu blocked the delegation's trip to Brussels.",
                 "Benjamin Netanyahu blocked a trip by Yoav Gallant to Brussels."):
        assert not any(p == "benjamin-netanyahu" and c == "BE" for p, c, _ in got(text))


def test_a_name_built_on_a_city_is_no_destination():
    text = "Vladimir Putin attended the Shanghai Cooperation Organization summit in Astana last July."
    assert {c for p, c, _ in got(text) if p == "vladimir-putin"} == {"KZ"}


def test_list_under_a_quantity_head():
    text = "Since 2009 Omar al-Bashir has visited a number of countries, including Kenya, Chad and Malawi."
    assert {("omar-al-bashir", c, "completed") for c in ("KE", "TD", "MW")} <= got(text)


def test_a_condition_is_speculative_not_a_visit():
    text = ("Omar al-Bashir attended talks in Cairo in May. Kenyan judges said the state must arrest Omar "
            "al-Bashir if he lands at the airport in Nairobi.")
    assert not any(c == "KE" and st == "completed" for _, c, st in got(text))


@pytest.mark.parametrize("text, country", [
    ("Benjamin Netanyahu ventured to Hungary on Monday.", "HU"),  # a verb only the parse knows
    ("Vladimir Putin flew out for Ankara on Monday.", "TR"),
    ("Benjamin Netanyahu was photographed in Budapest on Monday.", "HU"),
    ("Omar al-Bashir showed up in Kampala on Monday.", "UG"),
])
def test_sentence_without_a_rule_trigger_is_parsed(text: str, country: str):
    assert {(c, st) for _, c, st in got(text)} == {(country, "completed")}
    assert got(text, parse=False) == set()  # the rules alone do not read these


def test_return_home_is_no_trip():
    assert got("Vladimir Putin returned to Moscow on Monday.") == set()


# a fresh interpreter: load the model the way `riskcheck news` does, then the plain spaCy way, and compare
_SAME_MODEL = """
import json, sys
from riskcheck.news import parse
fast = parse.nlp()
import spacy
import spacy.cli  # the real command-line package still imports after the load without it
plain = spacy.load(next(n for n in parse.MODEL_NAMES if parse._has_package(n)), exclude=["ner"])
def read(nlp, text):
    return [(t.text, t.tag_, t.pos_, t.lemma_, t.dep_, t.head.i) for t in nlp(text)]
texts = json.loads(sys.argv[1])
print(json.dumps({"pipes": fast.pipe_names, "cli": hasattr(spacy.cli, "setup_cli"),
                  "tokenizer": fast.tokenizer.to_bytes() == plain.tokenizer.to_bytes(),
                  "same": [read(fast, t) == read(plain, t) for t in texts]}))
"""


def test_fast_model_load_reads_like_the_plain_load():
    # the cold-start shortcuts of parse.nlp() (no spacy.cli, no senter, the tokenizer built once) must leave every
    # token's tag, POS, lemma and arc as the plain spacy.load gives them, and the tokenizer's state byte for byte
    import json
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k != "RISKCHECK_SPACY_MODEL"}  # the default model, on both sides
    texts = ["The foreign minister flew to Nairobi on Tuesday, her third trip abroad this year.",
             "Mr. O'Neill can't attend the U.N. summit in New York (it starts 3-4 Oct.), aides said.",
             "Having toured Asia, the envoy visited Laos, Cambodia and Thailand before heading home via e-mail :)"]
    res = subprocess.run([sys.executable, "-c", _SAME_MODEL, json.dumps(texts)], capture_output=True, text=True,
                         check=True, env=env)
    out = json.loads(res.stdout.strip().splitlines()[-1])
    assert out["pipes"] == ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"]
    assert out["cli"] and out["tokenizer"]
    assert out["same"] == [True, True, True]


def test_availability_is_looked_up_once_per_model_setting(monkeypatch):
    # finding packages walks sys.path; a firehose of articles that never need the parse must not pay it each time
    calls: list[str] = []

    def installed(setting: str) -> bool:
        calls.append(setting)
        return False

    monkeypatch.setattr(nparse, "_installed", installed)
    monkeypatch.setattr(nparse, "_NLP", [])
    monkeypatch.setattr(nparse, "_AVAILABLE", {})
    monkeypatch.setenv("RISKCHECK_SPACY_MODEL", "some_model")
    assert [nparse.available() for _ in range(5)] == [False] * 5
    assert calls == ["some_model"]
    monkeypatch.setenv("RISKCHECK_SPACY_MODEL", "other_model")  # another setting is looked up again
    assert nparse.available() is False and calls == ["some_model", "other_model"]
