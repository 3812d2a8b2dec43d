"""briefing-tui's headless core: reading, extraction, linking, export. Never imports textual."""
