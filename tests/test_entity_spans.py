"""Where one name ends and the next begins, when a connector word stands between them."""

from __future__ import annotations

import pytest

from tests.test_entities import mentions_of


@pytest.mark.parametrize("sentence, expected", [
    ("Strategist Anna Berg of Lindqvist Partners expects a cut.",
     [("Anna Berg", "PERSON"), ("Lindqvist Partners", "ORG")]),
    ("Tom Haley of Redwood Capital said the sale was overdue.",
     [("Tom Haley", "PERSON"), ("Redwood Capital", "ORG")]),
    ("Lawmakers such as Karen Miles of Ohio voted against it.",
     [("Karen Miles", "PERSON"), ("Ohio", "GPE")]),
    ("He left Bolton Wanderers for Wigan Athletic.",
     [("Bolton Wanderers", "ORG"), ("Wigan Athletic", "ORG")]),
])
def test_a_complete_name_before_of_or_for_is_a_name_of_its_own(sentence, expected):
    assert [(text, kind) for text, kind, _ in mentions_of(sentence)] == expected


@pytest.mark.parametrize("sentence, name", [
    ("The Institute for Fiscal Studies disagreed.", "Institute for Fiscal Studies"),
    ("She joined the Council on Foreign Relations.", "Council on Foreign Relations"),
    ("The Bank of England held rates.", "Bank of England"),
    ("He studied at the University of Michigan.", "University of Michigan"),
])
def test_one_name_with_a_connector_inside_stays_whole(sentence, name):
    assert [text for text, _, _ in mentions_of(sentence)] == [name]
