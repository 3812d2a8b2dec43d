"""Raw text only where a user asks: ``briefing-tui export --raw-text`` adds each document's text
before cleaning; every other export, and the reader, hold only cleaned text."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from model.corpus import load_corpus
from model.export import corpus_json, dumps
from model.read.safe import clean
from tests.conftest import ROOT
from tests.hostile.corpus import ESC, INJECTED_TEXT, OSC52_PAYLOAD, TITLE_PAYLOAD


def _export(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tui", "export", *args],
                          cwd=ROOT, capture_output=True, text=True)


@pytest.fixture(scope="module")
def injection(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("raw")
    path = folder / "injection.txt"
    path.write_text(INJECTED_TEXT.replace("{dir}", str(folder / "sink")), encoding="utf-8")
    return path


def _strings(value, skip: str = "raw_text"):
    """Every string in exported JSON data, except under the key ``skip``."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item, skip)
    elif isinstance(value, dict):
        for key, item in value.items():
            if key != skip:
                yield key
                yield from _strings(item, skip)


def test_raw_export_holds_the_escapes_in_raw_text_only(injection, tmp_path):
    out = tmp_path / "raw.json"
    proc = _export(str(injection), "--raw-text", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    data_bytes = out.read_bytes()
    # Valid JSON whose bytes carry no raw control: json escapes C0, the export escapes the rest.
    assert b"\x1b" not in data_bytes and b"\x07" not in data_bytes
    assert not any(b"\xc2" + bytes([c]) in data_bytes for c in range(0x80, 0xA0)), "raw C1 in the file"
    assert "\u202e".encode() not in data_bytes
    data = json.loads(data_bytes)
    (doc,) = data["documents"]
    original = injection.read_text(encoding="utf-8")
    assert doc["raw_text"] == original
    assert f"{ESC}]52;c;{OSC52_PAYLOAD}" in doc["raw_text"]
    assert f"{ESC}]2;{TITLE_PAYLOAD}" in doc["raw_text"] and "\u202e" in doc["raw_text"]
    # The cleaned text is what it always was, and every offset indexes both texts.
    assert doc["text"] == clean(original)[0] and len(doc["text"]) == len(doc["raw_text"])
    assert "␛]52;c;" in doc["text"]
    for m in doc["mentions"]:
        assert clean(doc["raw_text"][m["start"]:m["end"]])[0] == doc["text"][m["start"]:m["end"]] == m["text"]
    assert "same length" in data["raw_text_note"]
    leaked = [s for s in _strings(data) if "\x1b" in s or "\u202e" in s or "\x9d" in s]
    assert not leaked, f"raw control outside raw_text: {leaked[:2]!r}"


def test_default_export_is_unchanged_by_the_option(injection):
    default = _export(str(injection))
    raw = _export(str(injection), "--raw-text")
    assert default.returncode == raw.returncode == 0, default.stderr + raw.stderr
    assert "raw_text" not in default.stdout
    plain, with_raw = json.loads(default.stdout), json.loads(raw.stdout)
    # The option adds two fields and changes nothing else.
    del with_raw["raw_text_note"]
    for doc in with_raw["documents"]:
        del doc["raw_text"]
    assert with_raw == plain
    # A corpus that kept raw text still exports without it unless asked.
    corpus = load_corpus([injection], keep_raw=True)
    assert "raw_text" not in dumps(corpus)
    assert corpus_json(corpus) == corpus_json(load_corpus([injection]))


@pytest.mark.parametrize("fmt", ["csv", "markdown"])
def test_raw_text_is_refused_for_formats_without_document_text(injection, tmp_path, fmt):
    out = tmp_path / "out"
    proc = _export(str(injection), "--format", fmt, "--raw-text", "-o", str(out))
    assert proc.returncode == 2
    assert "--raw-text works only with --format json" in proc.stderr
    assert not out.exists()


def test_raw_text_is_kept_only_when_asked(injection):
    assert all(d.raw_text is None for d in load_corpus([injection]).documents)
    with pytest.raises(ValueError, match="keep_raw=True"):
        corpus_json(load_corpus([injection], extract=False), raw_text=True)


def test_the_reader_ui_never_asks_for_raw_text():
    """Only the export command may keep raw text; no pane, screen or the app may read it."""
    for path in (ROOT / "tui").rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        if path.name == "__main__.py":
            source = source.split("def cmd_export", 1)[0] + source.split("def cmd_eval", 1)[1]
        assert "raw_text" not in source and "keep_raw" not in source, path


def test_raw_text_for_html_jsonl_markdown_and_clean_text(tmp_path):
    body = f"Seoul said {ESC}[31mred{ESC}[0m and \u202eevil\u202c today, NEL \u0085 too."
    (tmp_path / "a.jsonl").write_text(json.dumps({"title": "One", "text": body}) + "\n"
                                      + json.dumps({"title": "Two", "text": "Nothing odd here."}) + "\n",
                                      encoding="utf-8")
    (tmp_path / "b.html").write_text(f"<html><head><title>Page</title></head><body><article><h1>Page</h1>"
                                     f"<p>{body}</p><p>Second paragraph of the article about Seoul.</p>"
                                     "</article></body></html>", encoding="utf-8")
    (tmp_path / "c.md").write_text(f"# Heading\n\n{body}\n", encoding="utf-8")
    (tmp_path / "d.txt").write_text("Plain\n\nNothing to clean here.\n", encoding="utf-8")
    corpus = load_corpus([tmp_path], keep_raw=True)
    docs = {Path(d.path).suffix + (f":{d.line}" if d.line else ""): d for d in corpus.documents}
    assert set(docs) == {".jsonl:1", ".jsonl:2", ".html", ".md", ".txt"}, corpus.problems
    for key, doc in docs.items():
        assert doc.raw_text is not None, (key, doc.notes)
        assert len(doc.raw_text) == len(doc.text) and clean(doc.raw_text)[0] == doc.text, key
    for key in (".jsonl:1", ".md", ".html"):
        assert "\u202eevil" in docs[key].raw_text and "\u202e" not in docs[key].text, key
    assert f"{ESC}[31mred" in docs[".jsonl:1"].raw_text and f"{ESC}[31m" in docs[".md"].raw_text
    assert docs[".txt"].raw_text == docs[".txt"].text
    assert json.loads(dumps(corpus, raw_text=True))["documents"][0]["raw_text"] is not None
