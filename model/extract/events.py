"""PLACEHOLDER: events."""
from model.schema import Document


def find_events(doc: Document) -> list:
    return []
