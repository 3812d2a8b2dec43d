"""Confirm before opening a web address: the full address is shown, only http(s) is offered."""

from __future__ import annotations

from urllib.parse import urlsplit

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from tui.format import visible


def openable(url: str) -> bool:
    """Only absolute http and https addresses with a host may be opened."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


class ConfirmOpen(ModalScreen[bool]):
    """Shows the whole address and asks; dismisses with True only on an explicit yes."""

    BINDINGS = [
        Binding("y", "answer(True)", "Open", id="confirm.yes"),
        Binding("escape,n", "answer(False)", "Cancel", id="confirm.no"),
    ]

    def __init__(self, url: str) -> None:
        super().__init__()
        self.url = url

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield Static(Content("Open this address in your web browser?"), markup=False)
            yield Static(Content.styled(visible(self.url), "bold"), id="confirm-url", markup=False)
            with Horizontal(id="confirm-buttons"):
                yield Button(Content("Open (y)"), id="confirm-yes", variant="warning")
                yield Button(Content("Cancel (n)"), id="confirm-no")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "confirm-yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(bool(yes))
