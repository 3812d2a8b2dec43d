"""Snapshot tests of the reader. Each docstring says what the picture must show; regenerate
with ``--snapshot-update`` only after opening the SVG and checking exactly that.

Most use the hand-built corpora (tests/fixtures/tui), so they stay put while extraction
improves; the two seed pictures will move as extraction lands.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from model.seeds import seeds_dir
from tests.fixtures.tui import HEALEY, build_corpus, build_large_corpus, build_problem_corpus
from tui.app import make_app

ROOT = Path(__file__).resolve().parent.parent


async def ready(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


def test_seed_120x40(snap_compare):
    """The bundled seed at 120x40: header "seeds — 1/1 · South Korea poised to send…", the text
    pane with the title and paragraphs, the entities pane beside it with the e/t/l tab strip,
    the footer with live keys. No loading bar."""
    assert snap_compare(make_app([seeds_dir()], corpus_name="seeds"), terminal_size=(120, 40), run_before=ready)


def test_seed_80x24(snap_compare):
    """The seed at 80x24: text on top, the side pane (Entities) below it, documents hidden,
    footer keys fitting the width; nothing garbled or cut mid-border."""
    assert snap_compare(make_app([seeds_dir()], corpus_name="seeds"), terminal_size=(80, 24), run_before=ready)


def test_entity_selected_200x50(snap_compare):
    """Hand-built corpus at 200x50, John Healey selected: all five panes visible (documents,
    text, entities, timeline, links); Healey's mentions reversed in the text; the timeline
    titled "Timeline (5) · John Healey" with only his events; the links pane showing his kind,
    mention and document counts, role, nationality, "Also called: Healey" and who he appears
    with (what he said and his documents follow below the fold of that list)."""

    async def run_before(pilot):
        await ready(pilot)
        pilot.app.select_entity(HEALEY)
        await pilot.pause()

    assert snap_compare(make_app([], corpus=build_corpus()), terminal_size=(200, 50), run_before=run_before)


def test_timeline_event_with_rule_120x40(snap_compare):
    """Timeline tab at 120x40 with the "yesterday" event chosen: its sentence marked in the text
    ("Healey told reporters in London yesterday…"), and the detail line under the list reading
    “yesterday” → 2024-10-22: yesterday: published 23 Oct 2024 minus one day."""

    async def run_before(pilot):
        await ready(pilot)
        await pilot.press("t")
        await pilot.pause()
        timeline = pilot.app.query_one("#timeline")
        target = next(i for i, r in enumerate(timeline.visible_events) if "yesterday" in r.event.text)
        timeline.option_list.highlighted = target
        await pilot.press("enter", "r")
        await pilot.pause()

    assert snap_compare(make_app([], corpus=build_corpus()), terminal_size=(120, 40), run_before=run_before)


def test_search_hits_120x40(snap_compare):
    """Search for "ukraine" confirmed: every "Ukraine" in the text highlighted, the first one
    (in the title) marked as current; the search bar closed."""
    assert snap_compare(make_app([], corpus=build_corpus()), terminal_size=(120, 40), run_before=ready,
                        press=["slash", *"ukraine", "enter"])


def test_help_screen_120x40(snap_compare):
    """The help screen over the reader, whole on the screen with no scrolling: titled
    "briefing-tui keys · Esc closes", keys grouped by where they work in two columns
    (Everywhere on the left; Text, Entities, Timeline, Lists, Help, Open address on the right),
    generated from the bindings, with the "In the text" legend across the bottom."""
    assert snap_compare(make_app([], corpus=build_corpus()), terminal_size=(120, 40), run_before=ready,
                        press=["question_mark"])


def test_problems_listed_120x40(snap_compare):
    """A corpus with two unreadable files: the documents pane opened with d shows the two
    documents, then "Problems (2)" with broken.html and huge.txt and their reasons; a warning
    notice in the corner names broken.html."""
    assert snap_compare(make_app([], corpus=build_problem_corpus()), terminal_size=(120, 40), run_before=ready,
                        press=["d"])


def test_empty_folder_80x24(snap_compare, monkeypatch):
    """An empty folder: the text pane says "No articles found in tests/fixtures/tui/empty." and
    which file types briefing-tui reads; the header says "no documents"."""
    monkeypatch.chdir(ROOT)
    assert snap_compare(make_app(["tests/fixtures/tui/empty"]), terminal_size=(80, 24), run_before=ready)


def test_megabyte_document_120x40(snap_compare):
    """A generated 1 MB article: its title and first paragraphs, with John Healey and London
    tinted in each paragraph."""
    assert snap_compare(make_app([], corpus=build_large_corpus()), terminal_size=(120, 40), run_before=ready)


def test_sixteen_colour_theme_120x40(snap_compare):
    """The hand-built corpus in Textual's "ansi-dark" theme (16 terminal colours): Healey
    selected; text, borders, mention styles and the reversed selection all legible."""

    async def run_before(pilot):
        pilot.app.theme = "ansi-dark"
        await ready(pilot)
        pilot.app.select_entity(HEALEY)
        await pilot.pause()

    assert snap_compare(make_app([], corpus=build_corpus()), terminal_size=(120, 40), run_before=run_before)


def test_narrow_links_tab_80x24(snap_compare):
    """At 80x24 with no entity selected, the Links tab (l) shows the document's links: its
    source address, the related document "Kyiv welcomes British pledge" and the "Read more (1)"
    heading (its line is below the fold at this height)."""
    assert snap_compare(make_app([], corpus=build_corpus()), terminal_size=(80, 24), run_before=ready, press=["l"])


def test_loading_progress_120x40(snap_compare, monkeypatch, tmp_path):
    """While articles are read: the header says "loading…", a "Reading articles… 3/10" line and
    a progress bar about a third full above the empty panes; the text pane says "Loading…"."""
    import threading

    import model.corpus

    progressed = threading.Event()
    app = make_app([tmp_path], corpus_name="loading")

    def slow_load(paths, *, progress=None, name=None, **_kw):
        progress(3, 10)
        progressed.set()
        # Stay "loading" until the picture is taken and the app is closing.
        for _ in range(400):
            if getattr(app, "_exit", False):
                break
            threading.Event().wait(0.025)
        return build_corpus()

    monkeypatch.setattr(model.corpus, "load_corpus", slow_load)

    async def run_before(pilot):
        for _ in range(100):
            if progressed.is_set():
                break
            await pilot.pause(0.05)
        await pilot.pause()
        await pilot.pause()

    assert snap_compare(app, terminal_size=(120, 40), run_before=run_before)
