"""Dated legal cases on the bundled, sourced data: who had to arrest whom, where, when.

Each case cites where the facts behind its expectation come from. Abbreviations:
  UNTC   https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=XVIII-10&chapter=18 (status of the Statute)
  BASHIR https://www.icc-cpi.int/darfur/albashir (warrants 2009-03-04 and 2010-07-12; non-compliance decisions)
  PUTIN  https://www.icc-cpi.int/news/situation-ukraine-icc-judges-issue-arrest-warrants-against-vladimir-vladimirovich-putin-and
  MNG    https://www.icc-cpi.int/news/ukraine-icc-pre-trial-chamber-ii-finds-mongolia-failed-comply-request-cooperate-arrest-and
  NETAN  https://www.icc-cpi.int/news/situation-state-palestine-icc-pre-trial-chamber-i-rejects-state-israels-challenges
  DUTERTE https://www.icc-cpi.int/philippines/duterte
  PH-W   https://treaties.un.org/doc/Publication/CN/2018/CN.138.2018-Eng.pdf (withdrawal effective 2019-03-17)
  BI-W   https://asp.icc-cpi.int/press-releases/PR1244 (Burundi's withdrawal effective 2017-10-27)
  ZA-R   https://treaties.un.org/doc/Publication/CN/2017/CN.121.2017-Eng.pdf (South Africa's notice revoked 2017-03-07)
  GM-R   https://news.un.org/en/story/2017/02/551712 (The Gambia's notice revoked 2017-02-10)
  HU     https://treaties.un.org/doc/Publication/CN/2025/CN.225.2025-Eng.pdf (notice received 2025-06-02; revoked 2026-05-29)
  MY     https://treaties.un.org/doc/Publication/CN/2019/CN.185.2019-Eng.pdf (accession withdrawn 2019-04-29)
  R1593  https://undocs.org/S/RES/1593(2005)   R1970 https://undocs.org/S/RES/1970(2011)
  UA123  https://www.icc-cpi.int/situations/ukraine (art. 12(3) declarations 2014 and 2015; party from 2025-01-01)
  AM     https://www.icc-cpi.int/news/armenia-joins-international-criminal-court (in force 2024-02-01)
"""

from __future__ import annotations

import pytest

from riskcheck.verdict import check

CASES = [
    # person, place, date, obligation, basis, source
    ("Omar al-Bashir", "South Africa", "2015-06-14", "yes", "state_party", "BASHIR; UNTC; AU summit Johannesburg"),
    ("Omar al-Bashir", "Jordan", "2017-03-29", "yes", "state_party", "BASHIR (Jordan decision 2017-12-11); UNTC"),
    ("Omar al-Bashir", "Malawi", "2011-10-14", "yes", "state_party", "BASHIR (Malawi decision 2011-12-12)"),
    ("Omar al-Bashir", "Chad", "2011-08-07", "yes", "state_party", "BASHIR (Chad decision 2011-12-13)"),
    ("Omar al-Bashir", "Democratic Republic of the Congo", "2014-02-26", "yes", "state_party",
     "BASHIR (DRC decision 2014-04-09)"),
    ("Omar al-Bashir", "Djibouti", "2016-05-12", "yes", "state_party", "BASHIR (Djibouti decision 2016-07-11)"),
    ("Omar al-Bashir", "Uganda", "2016-05-12", "yes", "state_party", "BASHIR (Uganda decision 2016-07-11)"),
    ("Omar al-Bashir", "Sudan", "2015-01-01", "yes", "unsc_referral", "R1593"),
    ("Omar al-Bashir", "Saudi Arabia", "2017-05-21", "no", "non_party", "UNTC (not a party)"),
    ("Omar al-Bashir", "Libya", "2012-06-01", "no", "non_party", "R1970 binds Libya for the Libya situation only"),
    ("Omar al-Bashir", "South Africa", "2016-12-01", "yes", "state_party_withdrawing", "UNTC; ZA-R"),
    ("Omar al-Bashir", "South Africa", "2017-06-01", "yes", "state_party", "ZA-R (revoked 2017-03-07)"),
    ("Omar al-Bashir", "Gambia", "2016-12-15", "yes", "state_party_withdrawing", "GM-R"),
    ("Omar al-Bashir", "Gambia", "2017-06-01", "yes", "state_party", "GM-R (revoked 2017-02-10)"),
    ("Omar al-Bashir", "Philippines", "2019-03-16", "yes", "state_party_withdrawing", "PH-W"),
    ("Omar al-Bashir", "Philippines", "2019-03-17", "residual", "article_127_2", "PH-W; Rome Statute art. 127(2)"),
    ("Omar al-Bashir", "Burundi", "2017-10-26", "yes", "state_party_withdrawing", "BI-W"),
    ("Omar al-Bashir", "Burundi", "2017-10-27", "residual", "article_127_2", "BI-W; art. 127(2)"),
    ("Omar al-Bashir", "Malaysia", "2019-03-10", "no", "non_party", "MY (deposited, not yet in force)"),
    ("Omar al-Bashir", "Malaysia", "2019-06-01", "no", "non_party", "MY (withdrawn before entry into force)"),
    ("Omar al-Bashir", "South Africa", "2009-03-03", "no", "warrant_not_yet_issued", "BASHIR (first warrant 2009-03-04)"),
    ("Vladimir Putin", "Mongolia", "2024-09-03", "yes", "state_party", "MNG; PUTIN"),
    ("Vladimir Putin", "Ulaanbaatar", "2024-09-03", "yes", "state_party", "MNG"),
    ("Vladimir Putin", "China", "2023-10-18", "no", "non_party", "UNTC (China never signed)"),
    ("Vladimir Putin", "Beijing", "2023-10", "no", "non_party", "UNTC"),
    ("Vladimir Putin", "South Africa", "2022-06-01", "no", "warrant_not_yet_issued", "PUTIN (issued 2023-03-17)"),
    ("Vladimir Putin", "South Africa", "2023-08-22", "yes", "state_party", "PUTIN; UNTC"),
    ("Vladimir Putin", "South Africa", "2023-03", "unknown", "date_straddles_change", "PUTIN (issued mid-month)"),
    ("Vladimir Putin", "Tajikistan", "2025-10-09", "yes", "state_party", "UNTC (Tajikistan party since 2002)"),
    ("Vladimir Putin", "Ukraine", "2023-06-01", "yes", "article_12_3", "UA123"),
    ("Vladimir Putin", "Ukraine", "2025-06-01", "yes", "state_party", "UA123"),
    ("Vladimir Putin", "Armenia", "2024-01-31", "no", "non_party", "AM"),
    ("Vladimir Putin", "Armenia", "2024-02-01", "yes", "state_party", "AM"),
    ("Vladimir Putin", "Armenia", "2024-01-15..2024-02-15", "unknown", "date_straddles_change", "AM"),
    ("Vladimir Putin", "Burundi", "2024-01-01", "no", "non_party",
     "BI-W: left 2017, before the Ukraine investigation (2022)"),
    ("Vladimir Putin", "Philippines", "2024-01-01", "no", "non_party", "PH-W: left 2019, before 2022"),
    ("Vladimir Putin", "Hong Kong", "2024-01-01", "no", "non_party", "UNTC (China not a party)"),
    ("Vladimir Putin", "Kosovo", "2024-01-01", "no", "non_party", "not a party to the Statute"),
    ("Vladimir Putin", "United States", "2025-08-15", "no", "non_party", "UNTC (signature withdrawn 2002-05-06)"),
    ("Vladimir Putin", "Mongolia", "2024", "yes", "state_party", "MNG"),
    ("Benjamin Netanyahu", "Hungary", "2025-04-03", "yes", "state_party", "NETAN; HU (notice only on 2025-06-02)"),
    ("Benjamin Netanyahu", "Hungary", "2025-12-01", "yes", "state_party_withdrawing", "HU"),
    ("Benjamin Netanyahu", "Hungary", "2026-07-01", "yes", "state_party", "HU (notice revoked 2026-05-29)"),
    ("Benjamin Netanyahu", "United States", "2025-02-04", "no", "non_party", "UNTC"),
    ("Benjamin Netanyahu", "France", "2025-01-15", "yes", "state_party", "NETAN; UNTC"),
    ("Benjamin Netanyahu", "Hungary", "2024-11-20", "no", "warrant_not_yet_issued", "NETAN (issued 2024-11-21)"),
    ("Rodrigo Duterte", "Netherlands", "2025-03-13", "no", "warrant_ended", "DUTERTE (arrested 2025-03-11)"),
    ("Sergey Lavrov", "South Africa", "2023-08-22", "no", "no_warrant", "no ICC warrant on record"),
]


@pytest.mark.parametrize("person, place, when, obligation, basis, source", CASES,
                         ids=[f"{c[0]}|{c[1]}|{c[2]}" for c in CASES])
def test_dated_case(person, place, when, obligation, basis, source):
    v = check(person, place, when)
    assert (v.obligation, v.basis) == (obligation, basis), v.explanation
    assert v.explanation and v.sources


def test_explanation_quotes_dates_and_articles():
    v = check("Putin", "South Africa", "2023-08-22")
    assert "2002-07-01" in v.explanation and "2023-03-17" in v.explanation
    assert "86" in v.explanation and "89" in v.explanation
    assert any("2019-05-06" in c for c in v.context)  # immunity: Jordan appeal judgment


def test_mongolia_context_lists_non_compliance_finding():
    v = check("Putin", "Mongolia", "2025-01-01")
    assert any("non-compliance" in c and "2024-10-24" in c for c in v.context)
