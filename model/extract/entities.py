"""PLACEHOLDER: entities."""
from model.schema import Document


def find_mentions(doc: Document) -> list:
    return []


def describe_entities(doc: Document) -> list:
    return []
