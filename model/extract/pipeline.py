"""The extraction pipeline: small named steps run in order over one Document.

Each step is a function ``step(doc) -> list`` that reads what earlier steps filled and returns
what it adds; the pipeline assigns the result to the Document field the step names. A step's
docstring says what it needs and what it fills (as spaCy components declare requires/assigns).
A new extractor is a new :class:`Step` in :data:`STEPS`, not an edit to five files.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from model.schema import Document


@dataclass(frozen=True)
class Step:
    name: str
    requires: tuple[str, ...]
    assigns: str
    run: Callable[[Document], list]


def _steps() -> list[Step]:
    # Imported here so that reading a corpus without extraction does not load the lexicons.
    from model.extract import entities, events, figures, quotes, sentences, timexes

    return [
        Step("sentences", ("blocks",), "sentences", sentences.split_sentences),
        Step("entities", ("blocks", "sentences"), "mentions", entities.find_mentions),
        Step("profiles", ("mentions", "sentences"), "entities", entities.describe_entities),
        Step("timexes", ("blocks", "sentences", "published", "mentions"), "timexes", timexes.find_timexes),
        Step("figures", ("blocks", "mentions", "timexes"), "figures", figures.find_figures),
        Step("quotes", ("blocks", "sentences", "mentions", "entities", "timexes"), "quotes", quotes.find_quotes),
        Step(
            "attributions",
            ("blocks", "sentences", "mentions", "entities", "quotes"),
            "attributions",
            quotes.find_attributions,
        ),
        Step("events", ("blocks", "sentences", "timexes", "mentions", "published"), "events", events.find_events),
    ]


_STEPS: list[Step] | None = None


def steps() -> list[Step]:
    global _STEPS
    if _STEPS is None:
        _STEPS = _steps()
    return _STEPS


#: What a reader fills before any step runs.
READER_FIELDS = frozenset({"text", "blocks", "published", "title", "byline"})


def extract(doc: Document) -> Document:
    """Run every step over ``doc`` in order, filling its annotation fields in place.

    A text holding zero-width characters (``model.extract.fold``) is read through a folded
    shadow copy, so a name split by an invisible character is still found; every offset is
    then mapped back to ``doc.text``. Any other text goes straight through the steps.
    """
    from model.extract.fold import fold_document

    all_steps = steps()
    shadow = fold_document(doc, tuple(step.assigns for step in all_steps))
    if shadow is None:
        for step in all_steps:
            setattr(doc, step.assigns, step.run(doc))
        return doc
    return _extract_folded(doc, *shadow, all_steps)


def _extract_folded(doc: Document, folded: Document, folding, all_steps: list[Step]) -> Document:
    """Run the steps on ``folded`` (the shadow copy), then move each step's output, with its
    offsets restored to the original text, onto ``doc``."""
    from model.extract.fold import NOTE_CODE, folding_note

    for step in all_steps:
        setattr(folded, step.assigns, step.run(folded))
    seen: set[int] = set()  # a model two steps share is moved back once
    for step in all_steps:
        output = getattr(folded, step.assigns)
        folding.restore(output, seen)
        setattr(doc, step.assigns, output)
    if not any(note.code == NOTE_CODE for note in doc.notes):
        doc.notes.append(folding_note(len(folding.removed)))
    return doc
