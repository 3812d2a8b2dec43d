"""Dates written without their year: which year (or week) they fall in, past or future of publication."""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.test_timexes import one, timexes

# A Thursday.
PUB = datetime(2019, 3, 14)


@pytest.mark.parametrize("sentence, phrase, value", [
    # A past verb elsewhere in the sentence does not send a date two weeks ahead back a year.
    ("Rebels vowed to disrupt the March 28 referendum and warned voters to stay away.", "March 28", "2019-03-28"),
    # A future verb does not send a date days ago on to next year.
    ("The March 5 attack will be investigated by a panel.", "March 5", "2019-03-05"),
    # Far from publication, the tense still decides.
    ("The strike began on November 20 and ended weeks later.", "November 20", "2018-11-20"),
    ("The summit will open on February 2 in Geneva.", "February 2", "2020-02-02"),
])
def test_month_day_year(sentence, phrase, value):
    assert one(sentence, phrase, published=PUB).value == value


@pytest.mark.parametrize("sentence, value", [
    # A weekday naming a thing of that day: the verbs after it do not say when the day was.
    ("After Monday's verdict, the appeal is set to be heard next month.", "2019-03-11"),
    ("Following Monday's vote the bill will go to the upper house.", "2019-03-11"),
    ("Ahead of Monday's vote, the party will hold a rally.", "2019-03-18"),
])
def test_possessive_weekday(sentence, value):
    assert one(sentence, "Monday", published=PUB).value == value


@pytest.mark.parametrize("sentence, published, value", [
    ("Prices have climbed since the summer.", datetime(2019, 10, 2), "2019-SU"),
    ("Crowds gathered in the square over the winter.", datetime(2019, 10, 2), "2018-WI"),  # the last one
    ("The new line will open in the spring.", datetime(2019, 10, 2), "2020-SP"),  # the next one
    ("Sales slowed during the autumn.", datetime(2020, 1, 20), "2019-FA"),
    ("Exports peaked in the spring of last year.", datetime(2019, 10, 2), "2018-SP"),
    ("Work will start in the autumn of next year.", datetime(2019, 10, 2), "2020-FA"),
])
def test_the_season(sentence, published, value):
    found = [t for t in timexes(sentence, published=published)]
    assert [t.value for t in found] == [value]


@pytest.mark.parametrize("sentence", [
    "The fall of the empire took centuries.",
    "There was a spring in her step.",
    "The summer programme was cancelled.",  # no preposition before it: a modifier, not a time
])
def test_season_words_that_are_not_times(sentence):
    assert timexes(sentence, published=datetime(2019, 10, 2)) == []


@pytest.mark.parametrize("sentence, value", [
    # a past verb, but "before the winter" is still ahead of an October story
    ("Aid agencies warned before the winter arrives.", "2019-WI"),
    ("Calls grew for a deal before the winter sets in.", "2019-WI"),
])
def test_season_ahead_of_a_past_sentence(sentence, value):
    assert [t.value for t in timexes(sentence, published=datetime(2019, 10, 2))] == [value]


@pytest.mark.parametrize("sentence, text, value", [
    ("Flights resumed at 1400 GMT on Thursday.", "1400 GMT", "2019-03-14T14:00Z"),
    ("The border closed from 9pm (1900 UTC).", "1900 UTC", "2019-03-14T19:00Z"),
    ("Parades are planned for the Fourth of July.", "Fourth of July", "2019-07-04"),
    ("The bill must pass by July Fourth.", "July Fourth", "2019-07-04"),
    ("She has run both offices for the past couple of months.", "the past couple of months", "P2M"),
])
def test_more_shapes(sentence, text, value):
    found = {t.text: t.value for t in timexes(sentence, published=PUB)}
    assert found.get(text) == value


@pytest.mark.parametrize("sentence", [
    "He told Times Now in an interview.",  # a channel's name
    "The factory made 1300 cars last year.",  # a count, not a time
])
def test_not_time_expressions(sentence):
    assert not any(t.text in ("Now", "1300") for t in timexes(sentence, published=PUB))


def test_a_clock_time_takes_the_day_of_the_sentence_before():
    found = {t.text: t.value for t in timexes(
        "The appeal was lodged late Monday. Clerks stamped it an hour before the midnight deadline.",
        published=PUB)}
    assert found["midnight"] == "2019-03-11T24:00"  # Monday, not the day of publication


def test_a_clock_time_does_not_take_a_day_from_another_paragraph():
    """... other than the lead's (the story's own day): a day named in a later paragraph is
    a back-reference."""
    found = {t.text: t.value for t in timexes("Markets were calm.\nTalks began on Monday.\nThey ended at 4 p.m.",
                                              published=PUB)}
    assert found["4 p.m."] == "2019-03-14T16:00"
    lead = {t.text: t.value for t in timexes("Talks began on Monday.\nThey ended at 4 p.m.", published=PUB)}
    assert lead["4 p.m."] == "2019-03-11T16:00"


@pytest.mark.parametrize("sentence, text, value", [
    ("Markets had not fallen so far since the September 11 attacks in 2001.", "September 11", "2001-09-11"),
    ("The treaty was signed on July 4 of 1996.", "July 4", "1996-07-04"),
    ("Sales rose on March 3 and in 2006 as well.", "March 3", "2019-03-03"),  # another clause's year
])
def test_a_year_written_soon_after_a_day(sentence, text, value):
    assert {t.text: t.value for t in timexes(sentence, published=PUB)}[text] == value


@pytest.mark.parametrize("sentence, value", [
    ("The minutes came out during afternoon trading.", "2019-03-14TAF"),
    ("Oil slipped in morning trading on Monday.", "2019-03-11TMO"),  # the day named in the sentence
    ("The yen rose in morning trade.", "2019-03-14TMO"),
])
def test_a_part_of_a_trading_day(sentence, value):
    found = [t for t in timexes(sentence, published=PUB) if t.type.value == "TIME"]
    assert [t.value for t in found] == [value]


def test_scheduling_verbs_look_forward():
    found = {t.text: t.value for t in timexes("Leaders scheduled a Friday vote and vowed to win it.", published=PUB)}
    assert found["Friday"] == "2019-03-15"


@pytest.mark.parametrize("sentence, expected", [
    ("United conceded two goals in the first half.", []),
    ("The quarterback threw three touchdowns in the fourth quarter.", []),
    ("Revenue rose 10% in the first half.", ["2019-H1"]),
    ("Profit fell in the fourth quarter.", ["2018-Q4"]),
])
def test_halves_and_quarters_of_play_are_not_of_the_year(sentence, expected):
    assert [t.value for t in timexes(sentence, published=PUB)] == expected


@pytest.mark.parametrize("sentence, value", [
    # Published in March 2019 (first quarter): the fourth quarter just ended is 2018's,
    # whether the results are out, due or being discussed.
    ("The bank will publish fourth-quarter figures next week.", "2018-Q4"),
    ("Fourth-quarter revenue is in line with forecasts.", "2018-Q4"),
    # A quarter further back looks forward in a future sentence, back in a past one.
    ("The plant will reopen in the third quarter.", "2019-Q3"),
    ("The plant closed in the third quarter.", "2018-Q3"),
    ("Sales fell in the first quarter.", "2019-Q1"),
])
def test_quarters_without_a_year(sentence, value):
    assert [t.value for t in timexes(sentence, published=PUB) if t.text.lower().find("quarter") >= 0] == [value]


@pytest.mark.parametrize("sentence, text, value", [
    # "are expected to": the schedule looks forward, whatever the attribution verb after it
    ("The rules are expected to take effect on Friday, officials said.", "Friday", "2019-03-15"),
    ("The vote is set to take place on Monday, he said.", "Monday", "2019-03-18"),
    # "earlier"/"later" before a weekday belong to it
    ("The minister spoke at a meeting held earlier Thursday.", "earlier Thursday", "2019-03-14"),
])
def test_scheduled_and_same_day_weekdays(sentence, text, value):
    assert {t.text: t.value for t in timexes(sentence, published=PUB)}[text] == value


@pytest.mark.parametrize("sentence, value", [
    # a schedule in the present tense, or something due, looks forward
    ("The central bank chief speaks at the conference on Monday.", "2019-03-18"),
    ("Halvorsen Foods reports quarterly results on Tuesday.", "2019-03-19"),
    ("Figures from the retailer are due after the bell on Monday.", "2019-03-18"),
    # a past verb still looks back
    ("The chief spoke at the conference on Monday.", "2019-03-11"),
])
def test_weekday_after_a_scheduled_present_or_due(sentence, value):
    weekday = next(w for w in ("Monday", "Tuesday") if w in sentence)
    assert one(sentence, weekday, published=PUB).value == value


def test_the_verb_right_after_a_month_governs_it_over_a_distant_one_before():
    """"a market that through November grew": the past verb right after the month, not the
    progressive a clause before it, says which November."""
    sentence = "The carmaker is benefiting from a market that through November grew 10 percent."
    assert one(sentence, "November", published=datetime(2011, 12, 31)).value == "2011-11"
    # a future verb right after still looks forward
    assert one("Analysts said that in the weeks before November will bring gains.", "November",
               published=datetime(2011, 10, 1)).value == "2011-11"


def test_a_futures_contracts_month_is_ahead_and_a_time_takes_the_day_after_it():
    """"futures for February" on 31 December name the coming February; "11:30 a.m. Friday" is
    one TIME on that Friday."""
    pub = datetime(2008, 12, 31)
    assert one("Crude futures for February fell 2 percent.", "February", published=pub).value == "2009-02"
    t = one("The talks started at 11:30 a.m. Friday in Paris.", "11:30 a.m. Friday", published=pub)
    assert (t.type.value, t.value) == ("TIME", "2008-12-26T11:30")


def test_a_present_verb_in_a_clause_of_time_speaks_of_the_future():
    """"when it releases its earnings in February": the present tense after "when", "once" or
    "until" is what is still to come."""
    pub = datetime(2006, 12, 23)
    assert one("Halvard will unveil cuts when it releases its earnings in February, an official said.",
               "February", published=pub).value == "2007-02"
    assert one("Sales fell in March, the company said.", "March", published=pub).value == "2006-03"


def test_a_negated_future_passive_still_looks_ahead():
    found = {t.text: t.value for t in timexes(
        "The commission said the results would not be announced on November 7th.", published=datetime(2019, 10, 5))}
    assert found["November 7th"] == "2019-11-07"
    past = {t.text: t.value for t in timexes("Results were not announced on Monday.", published=datetime(2019, 10, 5))}
    assert past["Monday"] == "2019-09-30"
