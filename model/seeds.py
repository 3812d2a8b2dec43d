"""Where the bundled seed corpus lives: inside the installed package, or beside it in a checkout."""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent


def seeds_dir() -> Path:
    """The wheel ships ``seeds/`` as ``model/_seeds``; a source checkout has it at the top."""
    installed = _HERE / "_seeds"
    if installed.is_dir():
        return installed
    return _HERE.parent / "seeds"
