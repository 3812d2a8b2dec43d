"""The export contract (briefing/1), atomic writes, and inert CSV/Markdown."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys

import pytest

from model.corpus import load_corpus
from model.export import corpus_json, csv_cell, entities_csv, markdown_briefing, write_atomic
from model.schema import SCHEMA, Corpus, Document, Entity, EntityKind, Problem
from tests.conftest import ROOT, SEED

DOCUMENT_FIELDS = {"id", "path", "title", "published", "byline", "url", "text", "blocks",
                   "mentions", "timexes", "events", "quotes", "figures"}


def test_json_export_has_the_contract_fields_and_valid_block_offsets():
    data = corpus_json(load_corpus([SEED]))
    assert data["schema"] == SCHEMA
    assert set(data) >= {"schema", "documents", "entities", "links", "problems"}
    (doc,) = data["documents"]
    assert DOCUMENT_FIELDS <= set(doc)
    assert doc["blocks"], "the seed has blocks"
    for block in doc["blocks"]:
        assert {"kind", "start", "end", "text"} <= set(block)
        assert doc["text"][block["start"]:block["end"]] == block["text"]
    json.dumps(data)  # plain JSON all the way down


def test_cli_export_writes_atomically_and_reports_problems(tmp_path):
    out = tmp_path / "out.json"
    missing = tmp_path / "missing.txt"
    proc = subprocess.run(
        [sys.executable, "-m", "tui", "export", str(SEED), str(missing), "-o", str(out)],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [d["path"] for d in data["documents"]] == [str(SEED)]
    assert data["problems"] == [{"path": str(missing), "reason": "no such file or folder"}]
    assert "missing.txt" in proc.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"], "no temp file left behind"


def test_cli_export_without_paths_uses_the_bundled_seeds():
    proc = subprocess.run([sys.executable, "-m", "tui", "export", "--no-extract"],
                          cwd=ROOT, capture_output=True, text=True, check=True)
    data = json.loads(proc.stdout)
    assert [os.path.basename(d["path"]) for d in data["documents"]] == [SEED.name]


def test_write_atomic_refuses_a_symlink_and_keeps_the_old_file(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    link = tmp_path / "export.json"
    link.symlink_to(victim)
    with pytest.raises(OSError, match="symbolic link"):
        write_atomic(link, "{}")
    assert victim.read_text(encoding="utf-8") == "keep me"
    target = tmp_path / "fresh.json"
    write_atomic(target, "one")
    write_atomic(target, "two")
    assert target.read_text(encoding="utf-8") == "two"


@pytest.mark.parametrize("cell", ["=HYPERLINK(\"http://x\")", "+1", "-1+2", "@SUM(A1)", "\tx"])
def test_csv_cells_that_look_like_formulas_are_neutralised(cell):
    assert csv_cell(cell) == "'" + cell
    assert csv_cell("Seoul") == "Seoul"


def _corpus_with_hostile_names() -> Corpus:
    doc = Document(id="d1", path="a.txt", text="x", title="[x](javascript:alert(1)) <b>t</b>")
    ent = Entity(id="person:x", kind=EntityKind.PERSON, name="=cmd|' /C calc'!A0",
                 aliases=["@evil"], attributes={"role": "-2+3"}, documents=["d1"], mention_count=1)
    return Corpus(name="c", documents=[doc], entities=[ent],
                  problems=[Problem(path="bad`name.txt", reason="binary file")])


def test_entities_csv_round_trips_and_is_inert():
    rows = list(csv.reader(io.StringIO(entities_csv(_corpus_with_hostile_names()))))
    assert rows[0][:3] == ["id", "kind", "name"]
    assert rows[1][2] == "'=cmd|' /C calc'!A0"
    assert rows[1][3] == "'@evil"
    assert rows[1][4] == "'-2+3"


def test_markdown_briefing_escapes_document_text():
    md = markdown_briefing(_corpus_with_hostile_names())
    assert "## \\[x\\](javascript:alert(1)) \\<b\\>t\\</b\\>" in md
    assert "<b>" not in md and "[x](javascript" not in md
    assert "bad\\`name.txt" in md


def test_json_export_escapes_terminal_and_bidi_controls_that_json_leaves_raw(tmp_path):
    """json.dumps escapes only U+0000-U+001F; a hostile file name (C1 CSI, bidi override, DEL)
    in a problem record must not reach a terminal that prints the export."""
    from model.export import dumps

    name = "evil\u009b31m\u202etxt.\u007f\u2028x"
    corpus = Corpus(problems=[Problem(path=str(tmp_path / name), reason="unreadable")])
    text = dumps(corpus)
    for ch in ("\u009b", "\u202e", "\u007f", "\u2028"):
        assert ch not in text
    assert "\\u009b" in text and "\\u202e" in text
    assert json.loads(text)["problems"][0]["path"] == str(tmp_path / name)  # same value


def test_markdown_briefing_shows_control_characters_in_file_names_as_stand_ins(tmp_path):
    """File names are not document text, so nothing cleaned them when read: the briefing must."""
    name = "a\x1b]52;c;SGVsbG8=\x07\u009b2J\u202eb.txt"
    corpus = Corpus(problems=[Problem(path=name, reason="unreadable")])
    out = markdown_briefing(corpus)
    for ch in ("\x1b", "\x07", "\u009b", "\u202e"):
        assert ch not in out
    assert "SGVsbG8=" in out  # shown, inert
