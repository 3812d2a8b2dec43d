"""The documents pane: every loaded document in order, then the files that could not be read."""

from __future__ import annotations

from textual.content import Content
from textual.message import Message
from textual.reactive import var
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.panes.lists import KeyList

from tui.format import one_line
from tui.index import CorpusIndex


class DocumentsPane(KeyList):
    """Documents (Enter opens one) and, below them, the problems met while loading."""

    index: var[CorpusIndex | None] = var(None)
    """The loaded corpus and its lookups."""
    doc_index: var[int] = var(0)
    """The open document: highlighted here."""

    class Selected(Message):
        """The user chose the document at ``doc_index``."""

        def __init__(self, doc_index: int) -> None:
            super().__init__()
            self.doc_index = doc_index

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)

    def focus_list(self) -> None:
        self.focus()

    def watch_index(self) -> None:
        if not self.is_mounted:
            return
        index = self.index
        options: list[Option] = []
        if index is not None:
            width = len(str(len(index.documents)))
            for i, doc in enumerate(index.documents):
                label = doc.title or doc.path.rsplit("/", 1)[-1]
                options.append(Option(Content.assemble(Content.styled(f"{i + 1:>{width}} ", "dim"),
                                                       Content(one_line(label, 120))), id=f"doc:{i}"))
            if index.corpus.problems:
                options.append(Option(Content.styled(f"Problems ({len(index.corpus.problems)})", "bold underline"),
                                      disabled=True))
                for p in index.corpus.problems:
                    where = p.path + (f":{p.line}" if p.line else "")
                    options.append(Option(Content.assemble(Content.styled("✗ ", "bold"), Content(one_line(where, 80)),
                                                           Content(" — " + one_line(p.reason, 200))), disabled=True))
        self.set_options(options)
        self.border_title = Content(f"Documents ({len(index.documents) if index else 0})")
        self.watch_doc_index(self.doc_index)

    def watch_doc_index(self, doc_index: int) -> None:
        if self.is_mounted and self.index is not None and 0 <= doc_index < len(self.index.documents):
            self.highlighted = doc_index

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id and event.option.id.startswith("doc:"):
            self.post_message(self.Selected(int(event.option.id[4:])))
