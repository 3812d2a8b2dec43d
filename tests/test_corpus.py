"""Corpus loading keeps the collector's state as it found it, and its result does not depend
on the collector housekeeping done while loading."""

from __future__ import annotations

import gc

import model.corpus as corpus_mod
from model.corpus import load_corpus
from model.export import dumps
from tests.conftest import SEED


def _folder(tmp_path, count: int):
    text = SEED.read_text(encoding="utf-8")
    for i in range(count):
        (tmp_path / f"{i:02d}.txt").write_text(text.replace("Healey", f"Healey{i}"), encoding="utf-8")
    return tmp_path


def test_loading_freezes_read_documents_and_thaws_them_before_returning(tmp_path, monkeypatch):
    folder = _folder(tmp_path, 5)
    plain = dumps(load_corpus([folder], workers=1))
    seen: list[int] = []
    real_freeze = gc.freeze

    def freeze() -> None:
        real_freeze()
        seen.append(gc.get_freeze_count())

    monkeypatch.setattr(corpus_mod, "FREEZE_EVERY", 2)
    monkeypatch.setattr(gc, "freeze", freeze)
    assert gc.get_freeze_count() == 0
    frozen = dumps(load_corpus([folder], workers=1))
    assert len(seen) >= 3 and all(n > 0 for n in seen), "froze after files 2 and 4 and before linking"
    assert gc.get_freeze_count() == 0, "the caller gets the collector back as it was"
    assert frozen == plain


def test_loading_leaves_a_callers_own_frozen_objects_frozen(tmp_path, monkeypatch):
    """A caller that froze objects itself (the reader freezes a loaded corpus) keeps them
    frozen: loading then neither freezes nor thaws anything."""
    folder = _folder(tmp_path, 3)
    calls: list[str] = []
    monkeypatch.setattr(corpus_mod, "FREEZE_EVERY", 1)
    gc.freeze()
    try:
        monkeypatch.setattr(gc, "freeze", lambda: calls.append("freeze"))
        monkeypatch.setattr(gc, "unfreeze", lambda: calls.append("unfreeze"))
        corpus = load_corpus([folder], workers=1)
    finally:
        monkeypatch.undo()
        gc.unfreeze()
    assert len(corpus.documents) == 3
    assert calls == []
