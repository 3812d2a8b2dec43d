"""Pilot tests of the reader: drive it with keys, assert on the App's state and what panes hold."""

from __future__ import annotations

import json

import pytest
from textual.geometry import Region

from tests.fixtures.tui import HEALEY, STARMER, ZELENSKY, build_corpus, build_large_corpus, build_problem_corpus
from tui.app import BriefingApp, make_app
from tui.panes.links import LinksPane
from tui.panes.text import DocumentView
from tui.panes.timeline import TimelinePane


async def ready(pilot) -> None:
    """Wait for the loading worker and the messages it posts."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


def selected_spans(view: DocumentView) -> set[tuple[int, int]]:
    doc = view.document
    return {(s, e) for s, e, name in view._spans_in(0, len(doc.text)) if name == "selected"}


def assert_all_panes_follow(app: BriefingApp, entity_id: str) -> None:
    """The text emphasises exactly the entity's mentions in the open document, the timeline
    lists only its events, and the links pane shows the entity."""
    assert app.selected_entity == entity_id
    view = app.query_one(DocumentView)
    doc = view.document
    expected = {(m.start, m.end) for m in doc.mentions if m.entity_id == entity_id}
    assert selected_spans(view) == expected
    timeline = app.query_one(TimelinePane)
    refs = timeline.visible_events
    assert refs == app.index.events_by_entity.get(entity_id, [])
    assert all(entity_id in r.event.entity_ids for r in refs)
    rows = [text for text, _t in app.query_one(LinksPane).rows]
    assert rows[0] == app.index.entities[entity_id].name


async def test_selecting_in_entities_list_drives_every_pane():
    app = make_app([], corpus=build_corpus())
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("slash", *"healey", "enter")
        await pilot.pause()
        assert_all_panes_follow(app, HEALEY)
        rows = [text for text, _t in app.query_one(LinksPane).rows]
        assert "Also called: Healey" in rows
        assert "role: Defence Secretary" in rows
        assert any(r.startswith("“We will stand with Ukraine") for r in rows)
        # Timeline shows Healey's events only: not the Russia missile sentence.
        texts = [r.event.text for r in app.query_one(TimelinePane).visible_events]
        assert not any("missiles" in t for t in texts) and len(texts) == 5


async def test_selecting_from_links_pane_and_palette_sets_the_same_state():
    app = make_app([], corpus=build_corpus())
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        app.select_entity(HEALEY)
        await pilot.press("l")
        await pilot.pause()
        links = app.query_one(LinksPane)
        row = next(i for i, (text, t) in enumerate(links.rows) if t and t.entity_id == STARMER)
        links.highlighted = row
        await pilot.press("enter")
        await pilot.pause()
        assert_all_panes_follow(app, STARMER)

        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"entity: zelensky")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert_all_panes_follow(app, ZELENSKY)

        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"document: kyiv welcomes")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert app.doc_index == 1 and app.history[-1] == (1, ZELENSKY)


async def test_clicking_a_mention_selects_its_entity():
    app = make_app([], corpus=build_corpus())
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        view = app.query_one(DocumentView)
        y = next(i for i, r in enumerate(view.rows) if r.synthetic is None and view.document.text[r.start:r.end].startswith("John Healey"))
        await pilot.click(DocumentView, offset=(2 + 1, 1 + y))  # border + padding, then the row
        await pilot.pause()
        assert app.selected_entity == HEALEY


async def test_n_and_shift_n_walk_mentions_in_order_across_documents():
    app = make_app([], corpus=build_corpus())
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        app.select_entity(HEALEY)
        await pilot.pause()
        refs = app.index.mentions_by_entity[HEALEY]
        assert len({r.doc_index for r in refs}) == 2
        seen = [(app.doc_index, app.reveal[1])]
        for _ in range(len(refs) - 1):
            await pilot.press("n")
            await pilot.pause()
            seen.append((app.doc_index, app.reveal[1]))
        assert seen == [(r.doc_index, r.start) for r in refs]
        await pilot.press("n")  # past the last mention: back to the first document's first one
        await pilot.pause()
        assert (app.doc_index, app.reveal[1]) == (refs[0].doc_index, refs[0].start)
        await pilot.press("N")  # and backwards across the end again
        await pilot.pause()
        assert (app.doc_index, app.reveal[1]) == (refs[-1].doc_index, refs[-1].start)


async def test_brackets_switch_documents_and_history_restores_state():
    app = make_app([], corpus=build_corpus())
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("right_square_bracket")
        assert app.doc_index == 1
        await pilot.press("right_square_bracket")  # already at the last document
        assert app.doc_index == 1
        await pilot.press("left_square_bracket")
        assert app.doc_index == 0
        app.select_entity(HEALEY)
        await pilot.press("right_square_bracket")
        app.select_entity(ZELENSKY)
        await pilot.pause()
        assert (app.doc_index, app.selected_entity) == (1, ZELENSKY)
        await pilot.press("alt+left")
        assert (app.doc_index, app.selected_entity) == (1, HEALEY)
        await pilot.press("alt+left")
        assert (app.doc_index, app.selected_entity) == (0, HEALEY)
        await pilot.press("alt+right")
        assert (app.doc_index, app.selected_entity) == (1, HEALEY)
        await pilot.pause()
        assert_all_panes_follow(app, HEALEY)


async def test_escape_clears_selection():
    app = make_app([], corpus=build_corpus())
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        app.select_entity(HEALEY)
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.selected_entity is None and app.selected_event is None
        assert selected_spans(app.query_one(DocumentView)) == set()
        assert len(app.query_one(TimelinePane).visible_events) == len(app.index.events)


async def test_search_highlights_hits_and_n_walks_them():
    app = make_app([], corpus=build_corpus())
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("slash", *"ukraine", "enter")
        await pilot.pause()
        text = app.query_one(DocumentView).document.text
        expected = []
        at = text.lower().find("ukraine")
        while at >= 0:
            expected.append((at, at + 7))
            at = text.lower().find("ukraine", at + 1)
        assert list(app.search_hits) == expected and len(expected) >= 3
        view = app.query_one(DocumentView)
        hits_shown = {(s, e) for s, e, n in view._spans_in(0, len(text)) if n == "hit"}
        assert hits_shown == set(expected)
        assert app.reveal[1:3] == expected[0]
        await pilot.press("n")
        assert app.reveal[1:3] == expected[1]
        await pilot.press("N", "N")
        assert app.reveal[1:3] == expected[-1]
        await pilot.press("escape")
        assert app.search_hits == () and app.search_query == ""


async def test_timeline_enter_opens_the_event_sentence_and_r_shows_the_rule():
    app = make_app([], corpus=build_corpus())
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("t")
        await pilot.pause()
        timeline = app.query_one(TimelinePane)
        refs = timeline.visible_events
        target = next(i for i, r in enumerate(refs) if r.doc_index == 1 and r.event.precision == "day")
        timeline.option_list.highlighted = target
        await pilot.press("enter")
        await pilot.pause()
        ref = refs[target]
        assert app.selected_event == ref.key and app.doc_index == 1
        assert app.reveal[:3] == (1, ref.event.start, ref.event.end)
        view = app.query_one(DocumentView)
        assert (ref.event.start, ref.event.end, "event") in view._spans_in(ref.event.start, ref.event.end)
        await pilot.press("r")
        await pilot.pause()
        detail = str(timeline.query_one("#event-detail").render())
        assert "Thursday" in detail and "publication week" in detail


async def test_events_are_in_calendar_order():
    app = make_app([], corpus=build_corpus())
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        days = [r.event.range_start or r.event.anchor for r in app.index.events]
        assert days == sorted(days)


async def test_problems_are_listed_and_notified():
    app = make_app([], corpus=build_problem_corpus())
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("d")
        await pilot.pause()
        documents = app.query_one("#documents")
        assert documents.display
        prompts = [o.prompt.plain for o in documents.options]
        assert any("broken.html" in p and "not valid UTF-8" in p for p in prompts)
        assert any("broken.html" in n.message for n in app._notifications)


async def test_empty_folder_shows_what_to_do(tmp_path):
    app = make_app([tmp_path])
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        view = app.query_one(DocumentView)
        shown = " ".join(view.row_plain(y) for y in range(len(view.rows)))
        assert "No articles found in" in shown and ".jsonl" in shown and ".txt" in shown


async def test_export_writes_json_named_from_the_corpus(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = make_app([], corpus=build_corpus())
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        out = tmp_path / "fixture-briefing-briefing.json"
        data = json.loads(out.read_text())
        assert data["schema"] == "briefing/1" and len(data["documents"]) == 2
        assert any(str(out) in n.message for n in app._notifications)


async def test_a_megabyte_document_opens_and_scrolls_to_its_end():
    corpus = build_large_corpus()
    app = make_app([], corpus=corpus)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        view = app.query_one(DocumentView)
        assert view.row_plain(0) == "A very long report"
        assert len(view.rows) > 5000
        last = corpus.documents[0].mentions[-1]
        app.show_span(0, last.start, last.end)
        await pilot.pause()
        top = view.scroll_offset.y
        assert top > 5000
        shown = "".join(view.row_plain(y) for y in range(top, top + 30))
        assert "John Healey" in shown


@pytest.mark.parametrize("size,mode", [((80, 24), "-narrow"), ((120, 40), "-medium"), ((200, 50), "-wide")])
async def test_layout_follows_the_terminal_width(size, mode):
    app = make_app([], corpus=build_corpus())
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        main = app.query_one("#main")
        assert main.has_class(mode)
        assert app.query_one("#documents").display == (mode == "-wide")
        side_shown = [p for p in ("entities", "timeline", "links") if app.query_one(f"#{p}").display]
        assert side_shown == (["entities", "timeline", "links"] if mode == "-wide" else ["entities"])
        await pilot.press("t")
        await pilot.pause()
        assert app.query_one("#timeline").display and app.focused.id == "event-list"


async def test_resize_switches_layout():
    app = make_app([], corpus=build_corpus())
    async with app.run_test(size=(200, 50)) as pilot:
        await ready(pilot)
        assert app.query_one("#main").has_class("-wide")
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert app.query_one("#main").has_class("-narrow")
        assert not app.query_one("#documents").display


async def test_help_lists_every_binding_with_an_id():
    app = make_app([], corpus=build_corpus())
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        ids = {bid for _w, _k, _d, bid in app.binding_rows()}
        assert {b.id for b in BriefingApp.BINDINGS} <= ids
        assert {b.id for b in DocumentView.BINDINGS} <= ids and {b.id for b in TimelinePane.BINDINGS} <= ids
        assert all(b.id for b in BriefingApp.BINDINGS)
        await pilot.press("question_mark")
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpScreen"
        await pilot.press("escape")
        assert type(app.screen).__name__ != "HelpScreen"


async def test_keymap_remaps_a_binding_by_id():
    app = make_app([], corpus=build_corpus())
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        app.set_keymap({"app.next_document": "ctrl+n"})
        await pilot.press("ctrl+n")
        assert app.doc_index == 1
        assert any(k == "ctrl+n" for _w, k, _d, bid in app.binding_rows() if bid == "app.next_document")


async def test_first_paint_does_not_wait_for_the_corpus(monkeypatch, tmp_path):
    """While the corpus is still being read the reader is up, shows progress, and stays usable."""
    import threading

    import model.corpus

    release = threading.Event()
    seen_progress = threading.Event()

    def slow_load(paths, *, progress=None, name=None, **_kw):
        progress(3, 10)
        seen_progress.set()
        release.wait(timeout=30)
        progress(10, 10)
        return build_corpus()

    monkeypatch.setattr(model.corpus, "load_corpus", slow_load)
    app = make_app([tmp_path])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for _ in range(50):
            if seen_progress.is_set():
                break
            await pilot.pause(0.05)
        await pilot.pause()
        assert app.index is None
        assert app.query_one("#loading").display
        bar = app.query_one("#loading-bar")
        assert (bar.progress, bar.total) == (3, 10)
        await pilot.press("question_mark")  # keys work while loading
        assert type(app.screen).__name__ == "HelpScreen"
        await pilot.press("escape")
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.index is not None and not app.query_one("#loading").display
        assert app.sub_title.startswith("1/2")


async def test_help_fits_at_120x40_and_scrolls_at_80x24():
    """The help is generated from the bindings: every binding's text is in it. At 120x40 it is
    whole on the screen (two columns, nothing to scroll); at 80x24 it stacks and scrolls."""
    for size, fits in (((120, 40), True), ((80, 24), False)):
        app = make_app([], corpus=build_corpus())
        async with app.run_test(size=size) as pilot:
            await ready(pilot)
            await pilot.press("question_mark")
            await pilot.pause()
            help_screen = app.screen
            assert type(help_screen).__name__ == "HelpScreen"
            body = help_screen.query_one("#help-body")
            columns = list(help_screen.query(".help-column"))
            shown = " ".join(strip.text for c in columns for strip in c.render_lines(Region(0, 0, *c.size)))
            for _where, _keys, what, _bid in app.binding_rows():
                assert " ".join(what.split()) in " ".join(shown.split())
            if fits:
                assert body.max_scroll_y == 0
                assert columns[0].region.y == columns[1].region.y  # side by side
                assert body.region.height <= 40
            else:
                assert body.max_scroll_y > 0
                assert columns[1].region.y > columns[0].region.y  # stacked


async def test_selection_and_paging_repaint_only_what_changed(monkeypatch):
    """Selecting an entity, walking its mentions and switching document update the panes that
    change: no full-screen compositor update (a whole-screen repaint) for any of them."""
    from textual._compositor import Compositor

    full_updates = []
    original = Compositor.render_full_update

    def counting(self, *args, **kwargs):
        full_updates.append(1)
        return original(self, *args, **kwargs)

    app = make_app([], corpus=build_corpus())
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        monkeypatch.setattr(Compositor, "render_full_update", counting)
        for action in (lambda: app.select_entity(HEALEY), lambda: app.action_next_match(),
                       lambda: app.action_next_document(), lambda: app.select_entity(STARMER)):
            action()
            await pilot.pause()
            app.screen._on_timer_update()  # compose the frame the terminal would receive now
            await pilot.pause()
        assert app.selected_entity == STARMER and app.doc_index == 1
        assert full_updates == []


async def test_selection_restyles_the_text_exactly_like_a_fresh_paint():
    """Changing the selection keeps the styled lines of rows it does not touch; every line on
    screen must still equal the same line styled from scratch."""
    app = make_app([], corpus=build_corpus())
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        view = app.query_one(DocumentView)

        def painted() -> list[list]:
            return [list(view.render_line(y)) for y in range(view.size.height)]

        steps = (lambda: app.select_entity(HEALEY), app.action_next_match, app.action_next_match,
                 lambda: app.select_entity(STARMER), lambda: app.select_entity(ZELENSKY), app.action_clear)
        changed = 0
        for step in steps:
            before = painted()
            step()
            await pilot.pause()
            kept = painted()
            view._line_cache.clear()
            assert kept == painted()
            changed += kept != before
        assert changed >= 4  # the steps really restyled the text
