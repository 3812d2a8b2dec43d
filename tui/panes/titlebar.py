"""The title bar: the corpus name and the open document's position, one line at the top.

Textual's ``Header`` follows ``App.sub_title``, a reactive on the App, so every document switch
repainted the whole screen and re-laid it out. This bar is one fixed-size line: changing its
text repaints that line only.
"""

from __future__ import annotations

from textual.widgets import Static


class TitleBar(Static):
    """``title — sub title``, centred; both are plain text (never markup)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)

    def show(self, title: str, sub_title: str) -> None:
        """Show ``title`` and ``sub_title`` (the App's ``format_title`` treats both as text)."""
        # One line, always: the size never changes, so no layout pass is needed.
        self.update(self.app.format_title(title, sub_title), layout=False)
