"""The pipeline's declarations hold: every step runs after what it requires."""

from model.extract.pipeline import READER_FIELDS, steps
from model.schema import Document


def test_each_step_requires_only_what_readers_or_earlier_steps_fill():
    available = set(READER_FIELDS)
    for step in steps():
        missing = set(step.requires) - available
        assert not missing, f"{step.name} runs before {missing} is filled"
        available.add(step.assigns)


def test_every_step_assigns_a_document_field_once():
    names = [s.assigns for s in steps()]
    assert len(names) == len(set(names))
    assert set(names) <= set(Document.model_fields)
