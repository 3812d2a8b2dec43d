"""The help screen, generated from the BINDINGS of the App and of every pane (never typed twice)."""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static


def binding_rows(sources: Iterable[tuple[str, type]], keymap: dict[str, str] | None = None) -> list[tuple[str, str, str, str]]:
    """``(where, keys, description, id)`` for every Binding of every class in ``sources``.

    ``keymap`` (binding id -> keys) replaces the default keys, so remapped keys show as used.
    """
    rows: list[tuple[str, str, str, str]] = []
    seen: set[str] = set()
    for where, cls in sources:
        for binding in getattr(cls, "BINDINGS", []):
            if not isinstance(binding, Binding) or not binding.id or binding.id in seen:
                continue
            seen.add(binding.id)
            keys = (keymap or {}).get(binding.id, binding.key)
            keys = ", ".join(_key_name(k) for k in keys.split(","))
            rows.append((where, keys, binding.tooltip or binding.description or binding.action, binding.id))
    return rows


_KEY_NAMES = {"slash": "/", "question_mark": "?", "left_square_bracket": "[", "right_square_bracket": "]",
              "escape": "Esc", "enter": "Enter", "tab": "Tab", "shift+tab": "Shift+Tab", "space": "Space",
              "pagedown": "PgDn", "pageup": "PgUp", "backspace": "Backspace", "shift+backspace": "Shift+Backspace"}


def _key_name(key: str) -> str:
    key = key.strip()
    return _KEY_NAMES.get(key, key)


def keys_table(rows: list[tuple[str, str, str, str]]) -> str:
    """The bindings as a Markdown table (for the README)."""
    lines = ["| Keys | Where | What | Binding id |", "|---|---|---|---|"]
    for where, keys, what, bid in rows:
        lines.append(f"| `{keys}` | {where} | {what} | `{bid}` |")
    return "\n".join(lines)


#: From this terminal width on, the groups are set in two columns (so the whole help fits on
#: a 120x40 screen); below it they stack in one column that scrolls.
TWO_COLUMNS_MIN_WIDTH = 100
#: Cells the modal leaves around itself and inside its border (see #help-body in app.tcss).
_HELP_CHROME = 6


def group_rows(rows: list[tuple[str, str, str, str]]) -> list[tuple[str, list[tuple[str, str]]]]:
    """``rows`` as ``[(where, [(keys, what), ...]), ...]`` in their first-seen order."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for where, keys, what, _bid in rows:
        groups.setdefault(where, []).append((keys, what))
    return list(groups.items())


def group_height(entries: list[tuple[str, str]], width: int) -> int:
    """Rows a group takes in a column ``width`` cells wide: its title, each binding (a long
    description wraps under itself) and the blank line after it."""
    keys_width = max((len(k) for k, _w in entries), default=0)
    what_width = max(8, width - keys_width - 2)
    return 2 + sum(-(-len(what) // what_width) or 1 for _k, what in entries)


def split_columns(groups: list[tuple[str, list[tuple[str, str]]]], width: int) -> tuple[list, list]:
    """Split ``groups`` in reading order into two columns of about equal height."""
    heights = [group_height(entries, width) for _w, entries in groups]
    best, best_at = None, len(groups)
    for at in range(1, len(groups)):
        tallest = max(sum(heights[:at]), sum(heights[at:]))
        if best is None or tallest < best:
            best, best_at = tallest, at
    return groups[:best_at], groups[best_at:]


def _group_table(where: str, entries: list[tuple[str, str]]) -> Group:
    """One group: its title, then keys and what they do, descriptions wrapping in their own
    column. Everything is ``Text``, never markup."""
    table = Table.grid(padding=(0, 2), expand=True)
    table.add_column(no_wrap=True, style="bold")
    table.add_column(ratio=1)
    for keys, what in entries:
        table.add_row(Text(keys), Text(what))
    return Group(Text(where, style="bold underline"), table, Text(""))


class HelpScreen(ModalScreen[None]):
    """Every key, where it works and what it does; Escape, q or ? closes.

    Generated from the bindings: one group per place, in two columns on a wide terminal (the
    whole help fits at 120x40), one scrolling column on a narrow one.
    """

    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss", "Close help", id="help.close"),
    ]

    def __init__(self, rows: list[tuple[str, str, str, str]]) -> None:
        super().__init__()
        self._rows = rows

    def compose(self) -> ComposeResult:
        groups = group_rows(self._rows)
        column_width = (self.app.size.width - _HELP_CHROME) // 2 - 1
        left, right = split_columns(groups, column_width)
        self.set_class(self.app.size.width < TWO_COLUMNS_MIN_WIDTH, "-one-column")
        with VerticalScroll(id="help-body"):
            with Horizontal(id="help-columns"):
                yield Static(Group(*(_group_table(w, e) for w, e in left)), classes="help-column", markup=False)
                yield Static(Group(*(_group_table(w, e) for w, e in right)), classes="help-column", markup=False)
            yield Static(self._legend(), id="help-legend", markup=False)

    @staticmethod
    def _legend() -> Content:
        return Content("\n").join([
            Content.styled("In the text", "bold underline"),
            Content.assemble(Content.styled("person", "bold"), Content("  "), Content.styled("organisation or group", "underline"),
                             Content("  "), Content.styled("place", "italic"), Content("  "),
                             Content.styled("other names", "italic underline"), Content(" (each also tinted by colour)")),
            Content.assemble(Content.styled("selected entity", "reverse"), Content(" reversed; the chosen event's sentence underlined"
                                                                                   " on a tint; search hits highlighted")),
            Content.styled("Tab / Shift+Tab move between panes. Ctrl+P opens the command palette.", "dim"),
        ])

    def on_mount(self) -> None:
        self.query_one("#help-body").border_title = Content("briefing-tui keys · Esc closes")

    def on_resize(self, event) -> None:
        # Two columns or one: the split depends on the width, so a resize rebuilds the columns.
        if self.has_class("-one-column") != (self.app.size.width < TWO_COLUMNS_MIN_WIDTH):
            self.refresh(recompose=True)
