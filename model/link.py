"""PLACEHOLDER: corpus-level linking."""
from model.schema import Corpus


def link_corpus(corpus: Corpus) -> Corpus:
    return corpus
