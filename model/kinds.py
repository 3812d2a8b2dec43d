"""The data model's vocabularies as plain enums, without pydantic.

Kept apart from :mod:`model.schema` so the reader UI can name kinds before its first frame
without importing pydantic; :mod:`model.schema` re-exports every name here.
"""

from __future__ import annotations

from enum import StrEnum


class BlockKind(StrEnum):
    """What a stretch of a document is, as a reader of the page would name it."""

    TITLE = "title"
    DATELINE = "dateline"
    BYLINE = "byline"
    STANDFIRST = "standfirst"
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    QUOTE = "quote"  # a block quote (Markdown ``>``, HTML ``<blockquote>``)
    LIST_ITEM = "list_item"
    CAPTION = "caption"
    RELATED = "related"
    BOILERPLATE = "boilerplate"
    METADATA = "metadata"  # front matter and similar header data that is not prose


#: Blocks whose words are the article's own prose: extraction reads these.
PROSE_KINDS = frozenset(
    {
        BlockKind.TITLE,
        BlockKind.STANDFIRST,
        BlockKind.HEADING,
        BlockKind.PARAGRAPH,
        BlockKind.QUOTE,
        BlockKind.LIST_ITEM,
        BlockKind.CAPTION,
    }
)


class EntityKind(StrEnum):
    """OntoNotes entity labels (as spaCy and most NER corpora use them)."""

    PERSON = "PERSON"
    NORP = "NORP"
    FAC = "FAC"
    ORG = "ORG"
    GPE = "GPE"
    LOC = "LOC"
    PRODUCT = "PRODUCT"
    EVENT = "EVENT"
    WORK_OF_ART = "WORK_OF_ART"
    LAW = "LAW"
    LANGUAGE = "LANGUAGE"


class TimexType(StrEnum):
    DATE = "DATE"
    TIME = "TIME"
    DURATION = "DURATION"
    SET = "SET"


class Precision(StrEnum):
    """How precisely an event's date is known."""

    MINUTE = "minute"
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    SEASON = "season"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"
    PAST = "past"
    PRESENT = "present"
    FUTURE = "future"
    UNKNOWN = "unknown"
