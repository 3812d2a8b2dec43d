"""briefing-tui's face: the Textual app. Imports model; model never imports tui."""
