"""The characters that must never reach a terminal or hide text, and their visible stand-ins.

One table for the reader's cleaning (``model.read.safe``), the exports' escaping and the UI's
display of strings that were never cleaned (file names). Free of pydantic and textual, so the
UI can import it before its first frame.
"""

from __future__ import annotations

_BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"


def _build_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0x20):
        if code not in (0x09, 0x0A):
            table[code] = chr(0x2400 + code)
    table[0x7F] = "\u2421"
    for code in range(0x80, 0xA0):
        table[code] = "\ufffd"
    for ch in _BIDI:
        table[ord(ch)] = "\ufffd"
    table[0x2028] = "\n"
    table[0x2029] = "\n"
    # Lone surrogates (a JSON "\\ud800" escape gives one) cannot be written as UTF-8: every
    # export, the terminal and the clipboard would fail on them.
    for code in range(0xD800, 0xE000):
        table[code] = "\ufffd"
    return table


#: str.translate table: every entry maps one character to exactly one character.
CLEAN_TABLE = _build_table()


def _build_invisible() -> dict[int, str]:
    """Printable characters that show as nothing, used to hide text or to fake a blank name.
    Kept out of :data:`CLEAN_TABLE` (which the JSON export escapes) since they cannot act on
    a terminal; only the text we show and extract from must not hold them.

    - Tag characters U+E0000-U+E007F are invisible copies of ASCII: text hidden in them is
      read by machines but not by the analyst ("ASCII smuggling"). The cost: the rare
      subdivision flags (Scotland's, England's) show their tags as "�".
    - The Hangul fillers U+3164 and U+FFA0 draw as blank space and have no use in running
      text; they make an "invisible name" that a speaker or title could be. (The conjoining
      fillers U+115F/U+1160 are cleaned only when no jamo they belong with follows or
      precedes them: see ``model.read.safe._LONE_FILLER``.)
    """
    table = {code: "\ufffd" for code in range(0xE0000, 0xE0080)}
    table[0x3164] = "\ufffd"
    table[0xFFA0] = "\ufffd"
    return table


_CLEAN_ALL = {**CLEAN_TABLE, **_build_invisible()}
#: Everything :func:`clean` replaces character by character (all but the lone Hangul fillers).
CLEAN_ALL = _CLEAN_ALL
