"""The reader's panes, one per file: documents, text, entities, timeline, links.

Each pane receives the App's shared state by ``data_bind`` and reports what the user asked for
with a small message class nested in the pane; no pane looks at another.
"""
