"""Capitalised words that are not names: clause openings inside titles and paragraphs."""

from __future__ import annotations

import pytest

from tests.test_entities import mentions_of


@pytest.mark.parametrize("text, title, name", [
    ("Flood crisis: Frantic search for the missing\nTeams searched the valley.", True, "Frantic"),
    ("Lima - Hundreds of miners marched today to the ministry.", False, "Hundreds"),
    ("Storm update: Relief convoys stuck\nRelief convoys waited at the border.", True, "Relief"),
    ("Storm's heavy toll is counted\nThe storm destroyed 300 homes.", True, "Storm"),
])
def test_clause_openings_are_not_names(text, title, name):
    assert name not in {t for t, _, _ in mentions_of(text, title=title)}


@pytest.mark.parametrize("text, title, name", [
    ("Election: Lindqvist wins second term\nVoters backed Anna Lindqvist in every region.", True, "Lindqvist"),
    ("Pfizer's profit doubled in the quarter.", False, "Pfizer"),
])
def test_names_in_those_places_are_kept(text, title, name):
    assert name in {t for t, _, _ in mentions_of(text, title=title)}


@pytest.mark.parametrize("sentence, expected", [
    ("The motion was backed by Labour MPs and Senators.", [("Labour", "ORG")]),
    ("On Tuesday, Senators rejected the plan.", []),
    ("The vote split Likud lawmakers.", [("Likud", "ORG")]),
])
def test_roles_in_the_plural_are_not_names(sentence, expected):
    assert [(text, kind) for text, kind, _ in mentions_of(sentence)] == expected


def test_a_piped_photo_credit_is_not_names():
    text = "Crowds gathered in Accra on Monday. PHOTO | KOFI MENSAH | DAILY GRAPHIC"
    assert [(t, k) for t, k, _ in mentions_of(text)] == [("Accra", "GPE")]
