"""Hostile documents cannot hurt the reader: every case reads or becomes a clear problem, text is
cleaned of terminal control, offsets stay true, and the real program in a pseudo-terminal never
emits an injected escape sequence."""

from __future__ import annotations

import json
import os
import select
import signal
import sys
import time
import unicodedata

import pytest

from model.corpus import load_corpus
from model.export import corpus_json
from tests.hostile.corpus import FORBIDDEN_OUTPUT, write_corpus

#: Characters that must never survive into Document.text.
def _is_control(ch: str) -> bool:
    o = ord(ch)
    if ch in "\t\n":
        return False
    return o < 0x20 or 0x7F <= o <= 0x9F or 0x202A <= o <= 0x202E or 0x2066 <= o <= 0x2069


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    cases = write_corpus(folder)
    corpus = load_corpus([folder])
    return folder, cases, corpus


def test_every_case_reads_or_is_a_clear_problem(hostile):
    folder, cases, corpus = hostile
    read = {os.path.basename(d.path) for d in corpus.documents}
    problems = {os.path.basename(p.path): p.reason for p in corpus.problems}
    for case in cases:
        if case.expect == "read":
            assert case.name in read, f"{case.what}: expected a document, got {problems.get(case.name)!r}"
        else:
            assert case.name in problems, f"{case.what}: expected a problem"
            assert case.expect.lower() in problems[case.name].lower(), (case.what, problems[case.name])
    assert not (folder / "sink").exists() or not any((folder / "sink").iterdir())


def test_text_is_clean_and_every_span_is_true(hostile):
    _, _, corpus = hostile
    data = corpus_json(corpus)
    for doc, exported in zip(corpus.documents, data["documents"]):
        assert exported["text"] == doc.text
        bad = [hex(ord(c)) for c in doc.text if _is_control(c)]
        assert not bad, f"{doc.path}: control characters survived: {bad[:5]}"
        n = len(doc.text)
        spans = [(b.start, b.end) for b in doc.blocks] + [(s.start, s.end) for s in doc.sentences]
        spans += [(m.start, m.end) for m in doc.mentions] + [(t.start, t.end) for t in doc.timexes]
        spans += [(q.start, q.end) for q in doc.quotes] + [(f.start, f.end) for f in doc.figures]
        spans += [(e.start, e.end) for e in doc.events]
        for s, e in spans:
            assert 0 <= s <= e <= n
        for m in doc.mentions:
            assert doc.text[m.start:m.end] == m.text
        for t in doc.timexes:
            assert doc.text[t.start:t.end] == t.text
    json.dumps(data)


def test_injected_text_keeps_its_length_and_shows_its_brackets(hostile):
    folder, _, corpus = hostile
    (doc,) = [d for d in corpus.documents if d.path.endswith("injection.txt")]
    raw = (folder / "injection.txt").read_text(encoding="utf-8")
    assert len(doc.text) == len(raw), "cleaning replaces one for one"
    assert "[@click=app.screenshot(" in doc.text
    assert "[ @click=app.simulate_key('q')]" in doc.text
    assert "\x1b" not in doc.text and "\u202e" not in doc.text
    # Each replaced character stands where the original stood.
    for i, (a, b) in enumerate(zip(raw, doc.text)):
        if a != b:
            assert _is_control(a) or unicodedata.category(a) == "Cf", (i, hex(ord(a)))


def _run_in_pty(args: list[str], cols: int, rows: int, keys: list[bytes], settle: float,
                ready: bytes | None = None) -> tuple[int, bytes]:
    """Run the real program in a pseudo-terminal, type ``keys`` after it settles (once
    ``ready`` has been written, if given, then ``settle`` seconds more); return (exit status,
    every byte it wrote). Waiting for a marker rather than a fixed time keeps a busy machine
    from typing into a program that is still starting."""
    from tests.pty_spawn import spawn_in_pty

    proc, master = spawn_in_pty(args, cols, rows)
    out = bytearray()

    def pump(seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            ready, _, _ = select.select([master], [], [], 0.1)
            if ready:
                try:
                    chunk = os.read(master, 65536)
                except OSError:
                    return
                if not chunk:
                    return
                out.extend(chunk)

    try:
        if ready is not None:
            give_up = time.monotonic() + 90
            while ready not in out and proc.poll() is None and time.monotonic() < give_up:
                pump(0.2)
        pump(settle)
        for key in keys:
            os.write(master, key)
            pump(0.5)
        deadline = time.monotonic() + 15
        while proc.poll() is None and time.monotonic() < deadline:
            pump(0.2)
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            raise AssertionError(f"did not quit; last output: {bytes(out[-400:])!r}")
        pump(0.3)
    finally:
        os.close(master)
    return proc.returncode, bytes(out)


def test_real_program_in_a_pty_never_emits_injected_sequences(hostile):
    folder, _, _ = hostile
    status, out = _run_in_pty(
        [sys.executable, "-m", "tui", str(folder / "injection.txt")],
        cols=100, rows=30, keys=[b"\t", b"\t", b"j", b"q"], settle=2.0, ready=b"Hostile briefing",
    )
    assert b"Traceback" not in out, out[-2000:].decode("utf-8", "replace")
    assert status == 0
    assert b"Hostile briefing" in out, "the document was shown"
    for seq in FORBIDDEN_OUTPUT:
        assert seq not in out, f"injected sequence reached the terminal: {seq!r}"
    assert not any((folder / "sink").iterdir()), "nothing written where the document asked"


def test_a_name_split_by_zero_width_characters_is_found_where_it_stands(hostile):
    folder, _, corpus = hostile
    (doc,) = [d for d in corpus.documents if d.path.endswith("injection.txt")]
    (mention,) = [m for m in doc.mentions if m.entity_id == "person:vladimir-putin"]
    assert mention.text == doc.text[mention.start:mention.end] == "Vla\u200bdimir Pu\u200dtin"
    assert any(e.id == "person:vladimir-putin" and e.name == "Vladimir Putin" for e in corpus.entities)
    exported = next(d for d in corpus_json(corpus)["documents"] if d["path"] == doc.path)
    assert "\u200b" in exported["text"], "the export keeps the invisible characters the offsets count"
    assert "raw_text" not in exported


def test_file_and_folder_names_that_are_not_utf8_load_export_and_show(tmp_path):
    """A file name's bytes need not be UTF-8 (Python keeps them as lone surrogates, which
    cannot be written as UTF-8): the corpus name, paths and problems show them as \\xNN
    escapes, and every export format writes."""
    from model.corpus import load_corpus
    from model.export import FORMATS, write_atomic

    folder = os.fsencode(tmp_path) + b"/dir\xff"
    os.mkdir(folder)
    with open(folder + b"/bad\xfe\xffname.txt", "wb") as fh:
        fh.write(b"A title\n\nMr John Smith said in Seoul on Monday.\n")
    os.mkdir(folder + b"/x\xfe.txt")  # a directory named like a file: a problem record
    corpus = load_corpus([os.fsdecode(folder)], workers=1)
    (doc,) = corpus.documents
    assert doc.path.endswith("/dir\\xff/bad\\xfe\\xffname.txt")
    assert corpus.name == "dir\\xff"
    assert [p.path.endswith("/dir\\xff/x\\xfe.txt") for p in corpus.problems] == [True]
    assert any(m.text == "Mr John Smith" for m in doc.mentions)
    assert any(e.name == "John Smith" for e in doc.entities)
    for fmt, render in FORMATS.items():
        out = tmp_path / f"out.{fmt}"
        write_atomic(out, render(corpus))
        written = out.read_text(encoding="utf-8")
        if fmt != "csv":  # the entity table names documents by id, not path
            assert "\\xff" in written, fmt
