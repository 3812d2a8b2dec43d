"""Safe reading: bad files give a clear Problem (or read fine where they should), never an
exception, never a hang; decoding fallbacks and cleaning are noted; offsets stay true."""

from __future__ import annotations

import codecs
import os
import sys
from pathlib import Path

import pytest

from model.corpus import load_corpus
from model.read import read_path
from model.read.safe import CLEAN_TABLE, clean, decode, ReadRefused
from model.schema import BlockKind
from tests.test_read_text import assert_spans

GOOD = "A headline about the talks\n\n23 October 2024\n\nNegotiators met in Geneva on Tuesday.\n"
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="needs POSIX FIFOs and symlinks")


def problem(path: Path, **kw) -> str:
    result = read_path(path, **kw)
    assert result.documents == []
    (p,) = result.problems
    assert p.path == str(path)
    return p.reason


def only_doc(path: Path, **kw):
    result = read_path(path, **kw)
    assert result.problems == [], result.problems
    (doc,) = result.documents
    assert_spans(doc)
    return doc


# --------------------------------------------------------------------------- contents


def test_empty_file(tmp_path):
    (tmp_path / "e.txt").write_bytes(b"")
    assert problem(tmp_path / "e.txt") == "empty file"


@pytest.mark.parametrize("name", ["w.txt", "w.md", "w.html"])
def test_whitespace_only_file_is_a_blank_document(tmp_path, name):
    (tmp_path / name).write_bytes(b"  \n\n\t\n")
    doc = only_doc(tmp_path / name)
    assert doc.blocks == [] and doc.title is None
    assert [n.code for n in doc.notes][:1] == ["blank"]


def test_binary_with_nul_bytes(tmp_path):
    (tmp_path / "b.txt").write_bytes(bytes(range(256)) * 4)
    assert problem(tmp_path / "b.txt") == "binary file (NUL bytes), not text"


def test_png_named_txt(tmp_path):
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(64))
    assert problem(tmp_path / "image.txt") == "looks binary (PNG image), not text"


def test_pdf_named_md(tmp_path):
    (tmp_path / "doc.md").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    assert "PDF document" in problem(tmp_path / "doc.md")


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32", "utf-8-sig"])
def test_text_with_a_bom_reads_fine(tmp_path, codec):
    path = tmp_path / "bom.txt"
    data = GOOD.encode(codec)
    if codec == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    path.write_bytes(data)
    doc = only_doc(path)
    assert doc.text == GOOD  # BOM removed, nothing else changed
    assert doc.title == "A headline about the talks"
    assert doc.notes == []


def test_utf16le_without_bom_reads_with_a_note(tmp_path):
    path = tmp_path / "u16.txt"
    path.write_bytes(GOOD.encode("utf-16-le"))
    doc = only_doc(path)
    assert doc.text == GOOD
    assert any("UTF-16-LE" in n.message for n in doc.notes)


def test_latin1_reads_with_a_note(tmp_path):
    path = tmp_path / "latin1.txt"
    body = ("Le président a déclaré que la réunion à Genève était très importante pour l'été. "
            "Les négociateurs sont arrivés à l'hôtel près du lac.\n")
    path.write_bytes(("Réunion à Genève\n\n" + body * 3).encode("latin-1"))
    doc = only_doc(path)
    assert doc.title == "Réunion à Genève"
    assert "président a déclaré" in doc.text
    (note,) = [n for n in doc.notes if n.code == "decode-fallback"]
    assert "not valid UTF-8" in note.message


def test_declared_charset_is_used_before_guessing(tmp_path):
    path = tmp_path / "page.html"
    html = ("<html><head><meta charset=\"windows-1252\"><title>Caf\xe9 talks</title></head><body>"
            "<article><h1>Caf\xe9 talks</h1><p>" + "The caf\xe9 owners met the mayor on Tuesday to discuss rents. " * 5
            + "</p></article></body></html>")
    path.write_bytes(html.encode("cp1252"))
    doc = only_doc(path)
    assert "café owners" in doc.text
    assert any("windows-1252" in n.message or "cp1252" in n.message for n in doc.notes)


def test_invalid_utf8_reads_with_a_note(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes(b"A headline\n\nThe talks \xff\xfe\xfa broke down on Tuesday evening.\n")
    doc = only_doc(path)
    assert doc.title == "A headline"
    assert doc.notes and "not valid UTF-8" in doc.notes[0].message


def test_control_and_bidi_characters_are_replaced_one_for_one(tmp_path):
    raw = "Head\x1b[31mline\u202e\n\nBody \x07 text \x85 with \u2066 DEL\x7f.\n"
    path = tmp_path / "ctl.txt"
    path.write_text(raw, encoding="utf-8")
    doc = only_doc(path)
    assert len(doc.text) == len(raw)
    assert doc.text == "Head␛[31mline\ufffd\n\nBody ␇ text \ufffd with \ufffd DEL␡.\n"
    assert doc.title == "Head␛[31mline\ufffd"
    (note,) = [n for n in doc.notes if n.code == "cleaned"]
    assert note.message.startswith("6 ")  # ESC, RLO, BEL, NEL, LRI, DEL


def test_clean_table_is_one_for_one():
    assert all(len(v) == 1 for v in CLEAN_TABLE.values())
    assert "\t" not in {chr(k) for k in CLEAN_TABLE} and "\n" not in {chr(k) for k in CLEAN_TABLE}
    text, count = clean("".join(chr(c) for c in range(0x100)))
    assert count == 32 - 2 + 1 + 32
    assert len(text) == 0x100


def test_decode_refuses_empty_and_binary_without_raising_anything_else():
    for data in (b"", b"\x00\x01\x02\x03" * 100, b"\x7fELF\x02\x01\x01"):
        with pytest.raises(ReadRefused):
            decode(data)


# --------------------------------------------------------------------------- file types


@posix_only
def test_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert problem(fifo) == "is a FIFO (named pipe), not a regular file"


def test_directory_named_like_a_file(tmp_path):
    (tmp_path / "x.txt").mkdir()
    assert problem(tmp_path / "x.txt") == "is a directory, not a file"


@posix_only
def test_dangling_symlink(tmp_path):
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    assert problem(tmp_path / "gone.txt").startswith("dangling symbolic link")


@posix_only
def test_symlink_loop(tmp_path):
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    assert problem(tmp_path / "a.txt").startswith("symbolic link loop")


@posix_only
def test_symlink_to_dev_zero(tmp_path):
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero")
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    assert problem(tmp_path / "zero.txt") == "is a symbolic link to a character device, not a regular file"


@posix_only
def test_symlink_to_a_regular_file_reads(tmp_path):
    (tmp_path / "real.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(tmp_path / "real.txt")
    assert only_doc(tmp_path / "link.txt").text == GOOD


def test_file_over_the_cap(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text(GOOD + "x" * 2000, encoding="utf-8")
    reason = problem(path, max_bytes=1024)
    assert reason.startswith("larger than the 1 KB limit")
    assert only_doc(path, max_bytes=len(path.read_bytes())).title == "A headline about the talks"


def test_default_cap_is_named_in_megabytes(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:  # sparse: no 20 MB written to disk
        fh.seek(20 * 1024 * 1024)
        fh.write(b"x")
    assert problem(path).startswith("larger than the 20 MB limit")


@posix_only
def test_unreadable_file(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root can read anything")
    path = tmp_path / "secret.txt"
    path.write_text(GOOD, encoding="utf-8")
    path.chmod(0)
    assert problem(path).startswith("permission denied")


@posix_only
@pytest.mark.parametrize("name", ["new\nline.txt", "esc\x1b[31mred.txt", "bracket[bold]x[link=x].txt"])
def test_hostile_file_names_read_fine(tmp_path, name):
    path = tmp_path / name
    path.write_text(GOOD, encoding="utf-8")
    doc = only_doc(path)
    assert doc.path == str(path)
    assert doc.title == "A headline about the talks"
    assert "\n" not in doc.id and "\x1b" not in doc.id and "[" not in doc.id


@posix_only
def test_corpus_over_a_folder_of_bad_files_loads_the_good_one(tmp_path):
    folder = tmp_path / "pile"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)))
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(32))
    os.mkfifo(folder / "pipe.txt")
    (folder / "dangling.txt").symlink_to(folder / "nowhere.txt")
    (folder / "loop1.txt").symlink_to(folder / "loop2.txt")
    (folder / "loop2.txt").symlink_to(folder / "loop1.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    (folder / "big.txt").write_text("x" * 5000, encoding="utf-8")
    (folder / "esc\x1b[2J.txt").write_bytes(b"\x00\x00")
    (folder / "x.txt").mkdir()
    corpus = load_corpus([folder], extract=False, max_bytes=4096)
    assert [Path(d.path).name for d in corpus.documents] == ["good.txt"]
    assert corpus.documents[0].title == "A headline about the talks"
    reasons = {Path(p.path).name: p.reason for p in corpus.problems}
    expected = {"empty.txt", "binary.txt", "image.txt", "pipe.txt", "dangling.txt", "loop1.txt",
                "loop2.txt", "zero.txt", "big.txt", "esc\x1b[2J.txt"}
    assert set(reasons) >= expected
    assert set(reasons) - expected <= {"x.txt"}  # whether a folder named x.txt is reported is the scan's call
    assert all(reason and reason[0].islower() for reason in reasons.values())


def test_unknown_extension_named_explicitly_is_read_as_text(tmp_path):
    path = tmp_path / "notes.log"
    path.write_text(GOOD, encoding="utf-8")
    doc = only_doc(path)
    assert doc.format == "text"
    assert [b.kind for b in doc.blocks][:2] == [BlockKind.TITLE, BlockKind.DATELINE]


def test_reading_never_writes(tmp_path):
    for name, data in (("a.txt", GOOD.encode()), ("b.md", b"# T\n\nText.\n"), ("c.jsonl", b'{"text": "x"}\n'),
                       ("d.html", b"<html><body><p>Hello there, reader.</p></body></html>")):
        (tmp_path / name).write_bytes(data)
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in tmp_path.iterdir()}
    for p in sorted(tmp_path.iterdir()):
        read_path(p)
    after = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in tmp_path.iterdir()}
    assert after == before


@posix_only
def test_unreadable_file_as_an_unprivileged_user(tmp_path):
    """As root, read the file from a child that has dropped to 'nobody': the refusal is real."""
    if os.geteuid() != 0:
        pytest.skip("needs root to switch user; test_unreadable_file covers non-root runs")
    path = tmp_path / "secret.txt"
    path.write_text(GOOD, encoding="utf-8")
    path.chmod(0o600)
    tmp_path.chmod(0o755)
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # child: drop privileges, read, report the reason through the pipe
        try:
            os.close(read_end)
            os.setgid(65534)
            os.setuid(65534)
            reason = problem(path)
            os.write(write_end, reason.encode("utf-8"))
        finally:
            os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as fh:
        reason = fh.read().decode("utf-8")
    os.waitpid(pid, 0)
    assert reason.startswith("permission denied"), reason


def test_file_that_grows_past_the_cap_while_read(tmp_path, monkeypatch):
    """The size is checked before reading, then again on what was read: a file that grows
    between the two is refused, never read past the cap."""
    import model.read.safe as safe

    path = tmp_path / "growing.txt"
    path.write_text(GOOD, encoding="utf-8")
    real_read = os.read
    calls = []

    def growing_read(fd, n):
        if not calls:
            with open(path, "ab") as fh:
                fh.write(b"x" * 5000)
        calls.append(n)
        return real_read(fd, n)

    monkeypatch.setattr(safe.os, "read", growing_read)
    assert problem(path, max_bytes=len(GOOD) + 100).startswith("larger than")
    assert sum(calls) <= len(GOOD) + 101 + (1 << 20)


def test_file_that_shrinks_while_read(tmp_path, monkeypatch):
    """A file truncated after it was opened reads what is left, as a document."""
    import model.read.safe as safe

    path = tmp_path / "shrinking.txt"
    path.write_text(GOOD + "\n\nA long closing paragraph that will be cut away.\n", encoding="utf-8")
    real_fstat = os.fstat

    def shrinking_fstat(fd):
        st = real_fstat(fd)
        os.truncate(path, len(GOOD.encode("utf-8")))
        return st

    monkeypatch.setattr(safe.os, "fstat", shrinking_fstat)
    doc = only_doc(path)
    assert "closing paragraph" not in doc.text
    assert doc.text.startswith(GOOD.split("\n", 1)[0])
