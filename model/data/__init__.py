"""The project's own lexicons, kept as data files beside this module."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any


def load_json(name: str) -> Any:
    """A JSON lexicon shipped in this package (callers cache what they build from it)."""
    return json.loads(resources.files(__name__).joinpath(name).read_text("utf-8"))
