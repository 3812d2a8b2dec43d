"""What a figure counts: never an adverb, a particle or a verb; money written with a hyphen."""

from __future__ import annotations

import pytest

from tests.test_figures import figures


@pytest.mark.parametrize("sentence, unit", [
    ("Another 12 drowned nearby, and 10 fell from the bridge.", None),
    ("The comet is 30 light-years away.", "light-years"),
    ("Traders priced in 50 basis point cut surprisingly well.", "cut"),
    ("4 family members were evacuated.", "members"),
])
def test_the_counted_word_is_a_noun(sentence, unit):
    found = figures(sentence)
    assert found and found[-1][2] == unit


@pytest.mark.parametrize("sentence, value", [
    ("The $9-million renovation stalled.", 9_000_000),
    ("A €2-billion loan was agreed.", 2_000_000_000),
])
def test_money_with_a_hyphenated_scale(sentence, value):
    assert figures(sentence)[0][1] == value


def test_a_hyphenated_count_is_still_not_money():
    assert figures("The 10-year plan was approved.") == []
