"""PLACEHOLDER: figures."""
from model.schema import Document


def find_figures(doc: Document) -> list:
    return []
