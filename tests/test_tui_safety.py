"""Document text is data: markup and escape codes show literally, and nothing they ask for runs."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.style import Style

from tests.fixtures.tui import HOSTILE_LINES, build_hostile_corpus
from tui.app import make_app
from tui.format import visible
from tui.panes.documents import DocumentsPane
from tui.panes.text import DocumentView, wrap_span

TARGET = Path("/tmp/briefing-hostile")


async def ready(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


async def test_markup_and_escape_codes_render_as_literal_text():
    app = make_app([], corpus=build_hostile_corpus())
    async with app.run_test(size=(250, 40)) as pilot:  # wide enough that no hostile line wraps
        await ready(pilot)
        view = app.query_one(DocumentView)
        shown = "\n".join(view.render_line(y).text for y in range(len(view.rows)))
        assert "[@click=app.screenshot('x.svg','/tmp/briefing-hostile')]more[/]" in shown
        assert "[ @click=app.simulate_key('q')]here[/]" in shown
        assert "[bold]bold[/bold]" in shown and "[link=https://evil.example]a link[/link]" in shown
        assert "\x1b" not in shown and "\x07" not in shown
        assert "␛[31mred␛[0m" in shown and "␛]8;;https://evil.example␇osc" in shown
        # No span of the rendered text carries a click action or a link.
        for y in range(len(view.rows)):
            for seg in view.render_line(y):
                style: Style | None = seg.style
                assert not (style and (style.meta.get("@click") or style.link))
        # Names, roles, titles and problems are literal in the lists too.
        entity_prompts = [o.prompt.plain for o in app.query_one("#entity-list").options]
        assert any("[@click=app.screenshot()]Eve[/] — [red]spy[/red]" in p for p in entity_prompts)
        await pilot.press("d")
        await pilot.pause()
        doc_prompts = [o.prompt.plain for o in app.query_one(DocumentsPane).options]
        assert any("[@click=app.screenshot()]Title[/] ␛[2J" in p for p in doc_prompts)
        assert any("[@click=app.quit]x[/].txt — [red]not UTF-8[/red]" in p for p in doc_prompts)
        assert any("[red]not UTF-8[/red]" in n.message and not n.markup for n in app._notifications)
        assert "[@click=app.screenshot()]Title[/]" in app.sub_title


async def test_clicking_hostile_text_runs_nothing():
    TARGET.unlink(missing_ok=True)
    app = make_app([], corpus=build_hostile_corpus())
    async with app.run_test(size=(250, 40)) as pilot:
        await ready(pilot)
        view = app.query_one(DocumentView)
        for y, row in enumerate(view.rows[:12]):
            if row.role == "blank":
                continue
            for x in range(0, 90, 4):
                await pilot.click(DocumentView, offset=(x + 2, y + 1))
        await pilot.pause()
        assert app.is_running
        assert not TARGET.exists()


async def test_dangerous_actions_are_refused_whoever_asks(tmp_path):
    app = make_app([], corpus=build_hostile_corpus())
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        shot = tmp_path / "shot.svg"
        assert await app.run_action(f"app.screenshot('{shot.name}','{tmp_path}')") is False
        assert await app.run_action("app.simulate_key('q')") is False
        assert await app.run_action("app.suspend_process") is False
        await pilot.pause()
        assert not shot.exists() and app.is_running

        # A click on a span carrying @click meta (as markup would have made) is refused too.
        class FakeClick:
            def __init__(self, style):
                self.style = style

            def stop(self):
                pass

        for action in ("app.quit", "app.screenshot()", "app.toggle_theme", "app.bell"):
            style = Style.from_meta({"@click": action})
            await app._broker_event("click", FakeClick(style), app.screen)
        await pilot.pause()
        assert app.is_running and app.current_theme.name == "textual-dark"
        titles = [c.title.lower() for c in app.get_system_commands(app.screen)]
        assert titles and not any("screenshot" in t for t in titles)


async def test_only_http_addresses_are_offered_and_only_after_confirming():
    app = make_app([], corpus=build_hostile_corpus())
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        app.confirm_open("javascript:alert(1)")
        app.confirm_open("file:///etc/passwd")
        await pilot.pause()
        assert type(app.screen).__name__ != "ConfirmOpen"
        app.confirm_open("https://example.org/a?b=[bold]c[/bold]")
        await pilot.pause()
        assert type(app.screen).__name__ == "ConfirmOpen"
        shown = str(app.screen.query_one("#confirm-url").render())
        assert "https://example.org/a?b=[bold]c[/bold]" in shown
        await pilot.press("n")
        await pilot.pause()
        assert type(app.screen).__name__ != "ConfirmOpen"


def test_visible_replaces_controls_one_for_one():
    raw = "a\x1b[31mb\x07c\u202ed\te\x9bf\n"
    out = visible(raw)
    assert len(out) == len(raw)
    assert out.endswith("\n") and not any(ord(ch) < 32 and ch != "\n" for ch in out)
    assert "\u202e" not in out and "\x9b" not in out


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab  \u4e2d\u0301x")), max_size=200), st.integers(1, 30))
def test_wrap_covers_the_text_in_order_within_the_width(text, width):
    text = text.replace("\n", " ")
    rows = wrap_span(text, 0, len(text), width)
    assert rows[0][0] == 0 and rows[-1][1] == len(text)
    for (a, b), (c, _d) in zip(rows, rows[1:]):
        assert b == c and a < b
    from rich.cells import cell_len

    for a, b in rows:
        assert cell_len(text[a:b].rstrip()) <= max(width, 2)


def test_wrap_handles_a_megabyte_line():
    line = ("word " * 200_000)[:1_000_000]
    rows = wrap_span(line, 0, len(line), 80)
    assert rows[-1][1] == len(line) and len(rows) > 10_000
    blob = "x" * 1_000_000
    assert len(wrap_span(blob, 0, len(blob), 80)) == 12_500


async def test_invisible_and_unwritable_characters_in_file_names_show_as_stand_ins():
    """File names are not cleaned when read (they stay the real names): a name made of tag
    characters and a Hangul filler would look blank, and a lone surrogate cannot be written
    to a terminal at all. The problems list shows each as a visible stand-in."""
    from model.schema import Corpus, Problem

    name = "/tmp/\u3164\U000e0069\U000e0067\udcff.txt"
    app = make_app([], corpus=Corpus(name="x", problems=[Problem(path=name, reason="empty file")]))
    async with app.run_test(size=(120, 30)) as pilot:
        await ready(pilot)
        await pilot.press("d")
        await pilot.pause()
        prompts = [o.prompt.plain for o in app.query_one(DocumentsPane).options]
        shown = [p for p in prompts if "empty file" in p]
        assert shown and "/tmp/\ufffd\ufffd\ufffd\ufffd.txt" in shown[0], prompts
        for ch in ("\u3164", "\U000e0069", "\udcff"):
            assert not any(ch in p for p in prompts)
