"""The package's promises: a headless core, the seed shipped unchanged, README and CI agree."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, SEED

MODEL_MODULES = sorted(
    ".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
    for p in (ROOT / "model").rglob("*.py")
)


def test_model_never_imports_textual():
    """Import every model module in a fresh interpreter: neither textual nor tui may load."""
    assert len(MODEL_MODULES) > 5
    code = (
        "import importlib, sys\n"
        f"for m in {MODEL_MODULES!r}: importlib.import_module(m)\n"
        "from model.extract.pipeline import steps; steps()\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith(('textual.', 'tui')))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"model imported: {out.stdout.strip()}"


def test_seed_is_the_shared_seed_byte_for_byte():
    shared = ROOT.parent / "shared" / "seeds" / "000_17957534353e791f.txt"
    data = SEED.read_bytes()
    assert len(data) == 7738
    if shared.is_file():
        assert data == shared.read_bytes()


def test_readme_has_exactly_two_setup_commands_and_ci_runs_the_test_one():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    setup = readme.split("## Set up", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"```sh\n(.*?)\n```", setup, flags=re.S)
    assert len(commands) == 2
    run_cmd, test_cmd = commands
    assert run_cmd.startswith("python3 -m venv") and run_cmd.endswith("briefing-tui")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    ci_cmd = re.search(r'^TEST_COMMAND="(.*)"$', ci, flags=re.M).group(1)
    assert ci_cmd == test_cmd


def test_seeds_ship_inside_the_wheel():
    """The wheel maps seeds/ into model/_seeds, where model.seeds looks first."""
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"seeds" = "model/_seeds"' in pyproject
    from model.seeds import seeds_dir

    assert (seeds_dir() / SEED.name).read_bytes() == SEED.read_bytes()


def test_the_reader_draws_its_first_frame_without_pydantic():
    """The UI names kinds through model.kinds, so the first frame does not wait for pydantic
    (and the schema) to import; loading imports them in a worker afterwards."""
    code = (
        "import sys, tui.app, tui.__main__\n"
        "print(','.join(sorted(m for m in sys.modules if m.startswith(('pydantic', 'model.schema')))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
