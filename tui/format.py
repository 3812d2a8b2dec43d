"""Plain-text formatting for the reader: safe display strings, dates at their precision, kinds.

Nothing here imports textual, so these helpers are cheap to test. Every string that comes from a
document passes through :func:`visible` before it reaches a widget, and widgets receive it as a
``Content``/``Text`` object, never as markup.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from typing import TYPE_CHECKING

from model.controls import CLEAN_ALL
from model.kinds import EntityKind, Precision

if TYPE_CHECKING:
    from model.schema import Event

# The reader's cleaning table (C0 but tab and newline, DEL, C1, bidi controls, lone surrogates,
# tag characters, Hangul fillers), one for one so offsets stay true. File names are not cleaned
# when read (they stay the real names), so what they hold is replaced here. A tab is one cell of
# spacing; a line or paragraph separator is a space, since a display line stays one line.
_CONTROL_MAP: dict[int, str] = {**CLEAN_ALL, 0x09: " ", 0x2028: " ", 0x2029: " "}


def visible(text: str) -> str:
    """``text`` with every control or bidi character replaced by a visible stand-in (same length)."""
    return text.translate(_CONTROL_MAP)


def one_line(text: str, limit: int = 200) -> str:
    """A single display line: whitespace runs collapsed, controls made visible, cut at ``limit``."""
    flat = " ".join(visible(text[: limit * 4]).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def day_text(value: date | datetime) -> str:
    """``22 Oct 2024``: English month abbreviations, no locale involved."""
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"


def published_text(value: datetime | None) -> str:
    """A publication time as a reader would write it, with the time when the source gave one."""
    if value is None:
        return ""
    text = day_text(value)
    if value.hour or value.minute:
        text += f", {value.hour:02d}:{value.minute:02d}"
    return text


_MOD_WORDS = {"START": "start of", "MID": "mid", "END": "end of", "APPROX": "about",
              "BEFORE": "before", "AFTER": "after", "EARLY": "early", "LATE": "late"}
_SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "AU": "autumn", "WI": "winter"}
_LEADING_FILLER = re.compile(r"^(?:in|over|during|for|within)?\s*(?:the\s+)?", re.IGNORECASE)


def event_date_text(event: Event, phrase: str = "") -> str:
    """An event's date at the precision it is known: "22 Oct 2024", "Oct 2024", "end of 2025",
    "2024", "Q4 2024", "Q1 FY2009", "past", or the phrase itself ("coming weeks") for vague
    future times."""
    p = event.precision
    start = event.range_start
    text = ""
    if event.date.startswith("FY") and p in (Precision.QUARTER, Precision.YEAR):
        # a fiscal period: its calendar months are the company's, so it is shown as named
        year, _, quarter = event.date[2:].partition("-Q")
        text = f"Q{quarter} FY{year}" if quarter else f"FY{year}"
    elif p is Precision.DAY or p is Precision.MINUTE:
        text = day_text(start) if start else event.date
    elif p is Precision.WEEK:
        text = f"w/c {day_text(start)}" if start else event.date
    elif p is Precision.MONTH:
        text = f"{_MONTHS[start.month - 1]} {start.year}" if start else event.date
        end = event.range_end
        if start and end and (end.year, end.month) != (start.year, start.month):  # a range: "Apr–Jun 2014"
            first = _MONTHS[start.month - 1] + ("" if end.year == start.year else f" {start.year}")
            text = f"{first}–{_MONTHS[end.month - 1]} {end.year}"
    elif p is Precision.QUARTER:
        text = f"Q{(start.month - 1) // 3 + 1} {start.year}" if start else event.date
    elif p is Precision.SEASON:
        season = _SEASONS.get(event.date[-2:].upper(), "")
        text = f"{season} {event.date[:4]}".strip() if season else event.date
    elif p is Precision.YEAR:
        text = str(start.year) if start else event.date[:4]
        if start and event.range_end and event.range_end.year != start.year:  # a range: "2009–2011"
            text = f"{start.year}–{event.range_end.year}"
    elif p is Precision.DECADE:
        text = f"{start.year // 10 * 10}s" if start else event.date
    elif p is Precision.CENTURY:
        text = f"{start.year // 100 + 1}th century" if start else event.date
    elif p in (Precision.FUTURE, Precision.PRESENT) and phrase:
        text = _LEADING_FILLER.sub("", one_line(phrase, 40), count=1) or p.value
    else:
        text = p.value
    if event.mod and event.mod.upper() in _MOD_WORDS and p not in (Precision.PAST, Precision.FUTURE):
        text = f"{_MOD_WORDS[event.mod.upper()]} {text}"
    return text


#: Families of entity kinds: each is tinted by colour AND marked by a text style, so kinds stay
#: distinguishable on a monochrome terminal.
KIND_FAMILY: dict[EntityKind, str] = {
    EntityKind.PERSON: "person",
    EntityKind.ORG: "org",
    EntityKind.NORP: "org",
    EntityKind.GPE: "place",
    EntityKind.LOC: "place",
    EntityKind.FAC: "place",
}


def kind_family(kind: EntityKind | str) -> str:
    try:
        return KIND_FAMILY.get(EntityKind(kind), "other")
    except ValueError:
        return "other"


KIND_LABEL: dict[str, str] = {
    "PERSON": "People",
    "ORG": "Organisations",
    "NORP": "Groups and nationalities",
    "GPE": "Countries and cities",
    "LOC": "Places",
    "FAC": "Facilities",
    "PRODUCT": "Products and equipment",
    "EVENT": "Named events",
    "WORK_OF_ART": "Works",
    "LAW": "Laws",
    "LANGUAGE": "Languages",
}

KIND_ORDER = ["PERSON", "ORG", "NORP", "GPE", "LOC", "FAC", "PRODUCT", "EVENT", "LAW", "WORK_OF_ART", "LANGUAGE"]


def slug(text: str, default: str = "corpus") -> str:
    """A file-name-safe slug: lower-case ASCII letters, digits and dashes, at most 60 long."""
    out = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60].strip("-")
    return out or default
