"""Shared fixtures: the seed, the dev set (when present), deterministic environment."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED = SEEDS / "south-korea-intelligence-officers-ukraine.txt"
DEV_SET = ROOT.parent / "shared" / "eval" / "dev"

# No clock, locale, timezone or user configuration may leak into results or pictures.
os.environ["TZ"] = "UTC"
os.environ.setdefault("LANG", "C.UTF-8")
os.environ.pop("TEXTUAL_THEME", None)


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def dev_set() -> Path:
    if not (DEV_SET / "gold.jsonl").is_file():
        pytest.skip(f"dev set not present at {DEV_SET}")
    return DEV_SET
