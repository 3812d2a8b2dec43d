"""Which way a date written without its year or week points: past or future of publication."""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.test_timexes import one

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
