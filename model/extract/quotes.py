"""PLACEHOLDER: quotes."""
from model.schema import Document


def find_quotes(doc: Document) -> list:
    return []


def find_attributions(doc: Document) -> list:
    return []
