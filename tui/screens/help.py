"""The help screen, generated from the BINDINGS of the App and of every pane (never typed twice)."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
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


class HelpScreen(ModalScreen[None]):
    """Every key, where it works and what it does; Escape, q or ? closes."""

    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss", "Close help", id="help.close"),
    ]

    def __init__(self, rows: list[tuple[str, str, str, str]]) -> None:
        super().__init__()
        self._rows = rows

    def compose(self) -> ComposeResult:
        width = max((len(k) for _w, k, _d, _i in self._rows), default=4)
        lines: list[Content] = [Content.styled("briefing-tui keys", "bold"), Content("")]
        where_now = None
        for where, keys, what, _bid in self._rows:
            if where != where_now:
                if where_now is not None:
                    lines.append(Content(""))
                lines.append(Content.styled(where, "bold underline"))
                where_now = where
            lines.append(Content.assemble(Content.styled(keys.ljust(width), "bold"), Content("  " + what)))
        lines += [
            Content(""),
            Content.styled("In the text", "bold underline"),
            Content.assemble(Content.styled("person", "bold"), Content("  "), Content.styled("organisation or group", "underline"),
                             Content("  "), Content.styled("place", "italic"), Content("  "),
                             Content.styled("other names", "italic underline"), Content(" (each also tinted by colour)")),
            Content.assemble(Content.styled("selected entity", "reverse"), Content(" reversed; the chosen event's sentence underlined"
                                                                                   " on a tint; search hits highlighted")),
            Content(""),
            Content.styled("Tab / Shift+Tab move between panes. Ctrl+P opens the command palette.", "dim"),
        ]
        with VerticalScroll(id="help-body"):
            yield Static(Content("\n").join(lines), id="help-text", markup=False)

    def on_mount(self) -> None:
        self.query_one("#help-body").border_title = Content("Help · Esc closes")
