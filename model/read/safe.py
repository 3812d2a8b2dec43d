"""Safe reading: bytes from a regular file, decoded and cleaned, or a reason a person can read.

Three steps, each usable alone:

- :func:`read_bytes` opens read-only and non-blocking, refuses anything that is not a regular
  file (directories, FIFOs, devices, sockets, dangling or looping symbolic links) and reads at
  most ``max_bytes + 1`` bytes, so neither a FIFO nor ``/dev/zero`` can hang or flood us.
- :func:`decode` turns bytes into str: BOM (UTF-8/16/32), UTF-16 without BOM when the NUL
  pattern says so, binary refused (NUL bytes or a known file signature), strict UTF-8, then a
  charset the file declares (HTML ``<meta charset>``, XML declaration), then charset-normalizer's
  guess. Any fallback is reported as a :class:`~model.schema.Note`. CRLF and lone CR become
  ``\\n`` (the only change of length, see the offsets contract in DESIGN.md).
- :func:`clean` makes control and bidi characters visible, one character for one, so offsets
  stay true and document text can never drive the terminal:

  ====================================  =====================================================
  C0 controls U+0000-U+001F except       the Unicode Control Pictures U+2400-U+241F
  tab and newline                        (NUL -> "␀", ESC -> "␛")
  DEL U+007F                             "␡" (U+2421)
  C1 controls U+0080-U+009F              U+FFFD "�"
  bidi controls U+202A-U+202E,           U+FFFD "�"
  U+2066-U+2069, U+200E, U+200F, U+061C
  line/paragraph separators U+2028/9     "\\n" (they end a line everywhere else anyway)
  lone surrogates U+D800-U+DFFF          U+FFFD "�" (JSON ``\\ud800`` escapes; not writable)
  tag characters U+E0000-U+E007F         U+FFFD "�" (invisible ASCII copies: hidden text)
  Hangul fillers U+3164, U+FFA0 and      U+FFFD "�" (blank "invisible names")
  lone U+115F/U+1160
  ====================================  =====================================================

Zero-width characters are not cleaned (they are not controls and a reader cannot be hurt by
them); extraction ignores them inside names (``model.extract.fold``). The text before cleaning is
kept only when a user asks for raw text (:func:`recording_raw`, ``export --raw-text``).

Nothing here raises for a bad file and nothing writes.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path

from model.controls import CLEAN_ALL, CLEAN_TABLE  # noqa: F401  (CLEAN_TABLE re-exported)
from model.schema import Note

# --------------------------------------------------------------------------- opening


class ReadRefused(Exception):
    """A file that will not be read, with a reason a person can act on."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def human_size(n: int) -> str:
    """``20971520`` -> ``"20 MB"``; small sizes stay in bytes."""
    if n < 1024:
        return f"{n} bytes"
    for unit, scale in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if n >= scale:
            value = n / scale
            return f"{value:.0f} {unit}" if value == int(value) else f"{value:.1f} {unit}"
    return f"{n} bytes"  # pragma: no cover - loop always returns


def _kind_of(mode: int) -> str:
    """What a non-regular file is, in words."""
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _refuse_mode(mode: int, via_link: bool) -> ReadRefused:
    kind = _kind_of(mode)
    if stat.S_ISDIR(mode) and not via_link:
        return ReadRefused("is a directory, not a file")
    prefix = "is a symbolic link to " if via_link else "is "
    return ReadRefused(f"{prefix}{kind}, not a regular file")


def _os_reason(exc: OSError) -> str:
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied (the file cannot be opened for reading)"
    if exc.errno == errno.ELOOP:
        return "symbolic link loop (the link points back to itself)"
    if exc.errno == errno.ENOENT:
        return "no such file"
    if exc.errno == errno.EISDIR:
        return "is a directory, not a file"
    if exc.errno == errno.ENAMETOOLONG:
        return "file name too long"
    return f"cannot be opened: {exc.strerror or type(exc).__name__}"


def read_bytes(path: str | Path, max_bytes: int) -> bytes:
    """The file's bytes; raises :class:`ReadRefused` (only) when it must not or cannot be read.

    A symbolic link to a regular file is followed; one to anything else is refused. The type is
    checked before opening (so a FIFO is never opened for a blocking read) and again with
    ``fstat`` on the open descriptor, because the path may change between the two.
    """
    p = os.fspath(path)
    try:
        lst = os.lstat(p)
    except OSError as exc:
        raise ReadRefused(_os_reason(exc)) from None
    via_link = stat.S_ISLNK(lst.st_mode)
    if via_link:
        try:
            st = os.stat(p)
        except OSError as exc:
            if exc.errno == errno.ENOENT:
                raise ReadRefused("dangling symbolic link (it points to a file that does not exist)") from None
            raise ReadRefused(_os_reason(exc)) from None
    else:
        st = lst
    if not stat.S_ISREG(st.st_mode):
        raise _refuse_mode(st.st_mode, via_link)
    if st.st_size > max_bytes:
        raise ReadRefused(_too_large(st.st_size, max_bytes))

    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    flags |= getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(p, flags)
    except OSError as exc:
        raise ReadRefused(_os_reason(exc)) from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise _refuse_mode(st.st_mode, via_link)
        chunks: list[bytes] = []
        remaining = max_bytes + 1
        while remaining > 0:
            try:
                chunk = os.read(fd, min(remaining, 1 << 20))
            except BlockingIOError:  # cannot happen for a regular file; never wait for one
                break
            except OSError as exc:
                raise ReadRefused(f"read error: {exc.strerror or type(exc).__name__}") from None
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
        data = b"".join(chunks)
    finally:
        os.close(fd)
    if len(data) > max_bytes:
        raise ReadRefused(_too_large(None, max_bytes))
    return data


def _too_large(size: int | None, max_bytes: int) -> str:
    actual = f" ({human_size(size)})" if size is not None else ""
    return f"larger than the {human_size(max_bytes)} limit{actual}; raise --max-bytes to read it"


# --------------------------------------------------------------------------- decoding

#: File signatures of formats that are certainly not text, with a name for the reason.
MAGIC: tuple[tuple[bytes, int, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", 0, "PNG image"),
    (b"\xff\xd8\xff", 0, "JPEG image"),
    (b"GIF87a", 0, "GIF image"),
    (b"GIF89a", 0, "GIF image"),
    (b"%PDF-", 0, "PDF document"),
    (b"PK\x03\x04", 0, "ZIP archive or Office document"),
    (b"PK\x05\x06", 0, "ZIP archive"),
    (b"\x1f\x8b", 0, "gzip archive"),
    (b"BZh", 0, "bzip2 archive"),
    (b"\xfd7zXZ\x00", 0, "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", 0, "7-Zip archive"),
    (b"Rar!\x1a\x07", 0, "RAR archive"),
    (b"\x28\xb5\x2f\xfd", 0, "zstd archive"),
    (b"\x7fELF", 0, "ELF executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 0, "old Microsoft Office document"),
    (b"SQLite format 3\x00", 0, "SQLite database"),
    (b"OggS", 0, "Ogg media"),
    (b"ID3", 0, "MP3 audio"),
    (b"fLaC", 0, "FLAC audio"),
    (b"\x00asm", 0, "WebAssembly module"),
    (b"II*\x00", 0, "TIFF image"),
    (b"MM\x00*", 0, "TIFF image"),
    (b"ftyp", 4, "MP4/QuickTime media"),
    (b"WEBP", 8, "WebP image"),
    (b"WAVE", 8, "WAV audio"),
    (b"\xca\xfe\xba\xbe", 0, "Java class or Mach-O binary"),
    (b"\xcf\xfa\xed\xfe", 0, "Mach-O executable"),
)

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    # UTF-32 first: its little-endian BOM begins with UTF-16's.
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32LE"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32BE"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16LE"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16BE"),
)

#: ``<meta charset="...">`` or ``<meta http-equiv=... content="...; charset=...">``; bounded.
_META_CHARSET = re.compile(rb"<meta\b[^>]{0,300}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:\-]{1,40})", re.I)
_XML_DECL = re.compile(rb"^\s{0,10}<\?xml\b[^>]{0,200}?encoding\s*=\s*[\"']([A-Za-z0-9_.\-]{1,40})[\"']", re.I)

SNIFF = 4096


@dataclass
class Decoded:
    """Decoded text (newlines normalised, not yet cleaned) and what was noticed on the way."""

    text: str
    encoding: str
    notes: list[Note] = field(default_factory=list)


def binary_kind(data: bytes) -> str | None:
    """A name for a known binary signature at the start of ``data``, else None."""
    for magic, offset, name in MAGIC:
        if data[offset : offset + len(magic)] == magic:
            return name
    return None


def _utf16_without_bom(head: bytes) -> str | None:
    """``utf-16-le``/``-be`` when NULs fall (almost) only on odd/even bytes, as in mostly-ASCII
    UTF-16 text; None otherwise."""
    pairs = len(head) // 2
    if pairs < 2:
        return None
    even_nuls = head[0 : pairs * 2 : 2].count(0)
    odd_nuls = head[1 : pairs * 2 : 2].count(0)
    if odd_nuls >= 0.3 * pairs and even_nuls <= 0.02 * pairs:
        return "utf-16-le"
    if even_nuls >= 0.3 * pairs and odd_nuls <= 0.02 * pairs:
        return "utf-16-be"
    return None


def _declared_charset(data: bytes) -> str | None:
    head = data[:SNIFF]
    m = _XML_DECL.search(head) or _META_CHARSET.search(head)
    if not m:
        return None
    name = m.group(1).decode("ascii", "replace")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _control_share(text: str) -> float:
    """Share of characters that are C0/C1 controls other than ordinary whitespace."""
    if not text:
        return 0.0
    sample = text[:SNIFF]
    bad = sum(1 for c in sample if (ord(c) < 32 and c not in "\t\n\r\f") or 0x7F <= ord(c) <= 0x9F)
    return bad / len(sample)


def normalise_newlines(text: str) -> str:
    """CRLF -> LF, then any lone CR -> LF."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode(data: bytes) -> Decoded:
    """Bytes -> :class:`Decoded`; raises :class:`ReadRefused` for empty or binary data."""
    if not data:
        raise ReadRefused("empty file")
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            notes: list[Note] = []
            try:
                text = body.decode(codec)
            except UnicodeDecodeError:
                text = body.decode(codec, errors="replace")
                notes.append(Note(code="decode-replaced",
                                  message=f"has a {label} byte-order mark but invalid {label} bytes; "
                                          "those were replaced with U+FFFD"))
            if not text:
                raise ReadRefused("empty file (only a byte-order mark)")
            return Decoded(normalise_newlines(text), codec, notes)

    kind = binary_kind(data)
    if kind:
        raise ReadRefused(f"looks binary ({kind}), not text")

    head = data[:SNIFF]
    if b"\x00" in head:
        codec = _utf16_without_bom(head)
        if codec:
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                text = None
            if text is not None and _control_share(text) < 0.05:
                note = Note(code="decode-fallback",
                            message=f"decoded as {codec.upper()} without a byte-order mark (NUL-byte pattern)")
                return Decoded(normalise_newlines(text), codec, [note])
        raise ReadRefused("binary file (NUL bytes), not text")

    try:
        text = data.decode("utf-8")
        return Decoded(normalise_newlines(text), "utf-8", [])
    except UnicodeDecodeError as exc:
        first_bad = exc.start

    declared = _declared_charset(data)
    if declared and declared not in ("utf-8", "utf-16", "utf-32"):
        try:
            text = data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            text = None
        if text is not None:
            note = Note(code="decode-fallback",
                        message=f"not valid UTF-8 (byte {first_bad}); decoded as {declared}, "
                                "the charset the file declares")
            return Decoded(normalise_newlines(text), declared, [note])

    guess = _guess(data)
    if guess is not None:
        text, codec = guess
        if _control_share(text) > 0.1:
            raise ReadRefused("looks binary (mostly control bytes), not text")
        note = Note(code="decode-fallback",
                    message=f"not valid UTF-8 (byte {first_bad}); decoded as {codec}, "
                            "the encoding charset-normalizer judged most likely")
        return Decoded(normalise_newlines(text), codec, [note])

    text = data.decode("utf-8", errors="replace")
    if _control_share(text) > 0.1:
        raise ReadRefused("looks binary (mostly control bytes), not text")
    note = Note(code="decode-replaced",
                message=f"not valid UTF-8 (byte {first_bad}) and no encoding fitted; "
                        "invalid bytes were replaced with U+FFFD")
    return Decoded(normalise_newlines(text), "utf-8", [note])


#: Encodings that win a tie in charset-normalizer's ranking, in this order.
WESTERN_TIEBREAK = ("cp1252", "iso8859_15", "latin_1")


def _guess(data: bytes) -> tuple[str, str] | None:
    try:
        from charset_normalizer import from_bytes

        matches = from_bytes(data)
        best = matches.best()
        if best is None or not best.encoding:
            return None
        # Single-byte code pages often tie (same chaos) on Western text; for English-language
        # news Windows-1252 is by far the likeliest, so a tie goes to it.
        for preferred in WESTERN_TIEBREAK:
            tied = next((m for m in matches if m.encoding == preferred and m.chaos <= best.chaos + 0.01), None)
            if tied is not None:
                best = tied
                break
    except Exception:  # a detector failure must not lose the file: fall back to replacement
        return None
    try:
        return str(best), best.encoding
    except Exception:
        return None


# --------------------------------------------------------------------------- cleaning

_CLEAN_ALL = CLEAN_ALL


def _char_class(codes) -> str:
    """A regex character class of ``codes`` written as ranges: a class listing thousands of
    characters one by one (surrogates, tag characters) is many times slower to match."""
    parts: list[str] = []
    run: list[int] = []
    for code in sorted(codes):
        if run and code == run[-1] + 1:
            run.append(code)
            continue
        if run:
            parts.append(re.escape(chr(run[0])) + ("-" + re.escape(chr(run[-1])) if len(run) > 1 else ""))
        run = [code]
    if run:
        parts.append(re.escape(chr(run[0])) + ("-" + re.escape(chr(run[-1])) if len(run) > 1 else ""))
    return "[" + "".join(parts) + "]"


_NEEDS_CLEANING = re.compile(_char_class(_CLEAN_ALL))
#: A Hangul choseong filler with no vowel jamo after it, or a jungseong filler with no initial
#: jamo before it: a blank character on its own, not part of a syllable. (One character each.)
_LONE_FILLER = re.compile("\u115f(?![\u1160-\u11a7\ud7b0-\ud7c6])|(?<![\u1100-\u115f\ua960-\ua97c])\u1160")


def clean(text: str) -> tuple[str, int]:
    """Replace control and bidi characters one for one (see the module docstring).

    Returns the cleaned text and how many characters were replaced. Inside
    :func:`recording_raw` each replacement is also recorded with the text it came from.
    """
    found = len(_NEEDS_CLEANING.findall(text))
    fillers = _LONE_FILLER.findall(text) if "\u115f" in text or "\u1160" in text else ()
    if not found and not fillers:
        return text, 0
    out = text.translate(_CLEAN_ALL)
    if fillers:
        out = _LONE_FILLER.sub("\ufffd", out)  # one for one, so offsets stay true
        found += len(fillers)
    record = _RAW_RECORD.get()
    if record is not None:
        record.append((out, text))
    return out, found


# --------------------------------------------------------------------------- raw text on request

#: ``(cleaned, raw)`` pairs of the :func:`clean` calls made inside :func:`recording_raw`.
_RAW_RECORD: ContextVar[list[tuple[str, str]] | None] = ContextVar("raw_record", default=None)


@contextmanager
def recording_raw() -> Iterator[list[tuple[str, str]]]:
    """Record what :func:`clean` replaced while reading one file, so a reader that cleans the
    text it builds (HTML, JSONL) can hand the uncleaned text to a user who asks for it
    (``briefing-tui export --raw-text``) without a change to that reader.

    Cleaning is never switched off here: the recording is a copy on the side, kept only for
    the file being read and only when raw text was asked for.
    """
    record: list[tuple[str, str]] = []
    token = _RAW_RECORD.set(record)
    try:
        yield record
    finally:
        _RAW_RECORD.reset(token)


def raw_of(text: str, record: list[tuple[str, str]]) -> str | None:
    """The uncleaned text ``text`` was cleaned from, found in ``record``; None when no
    recorded cleaning gave it. The very object is looked for first (a reader stores what
    :func:`clean` returned), then an equal string."""
    for cleaned_text, raw in record:
        if cleaned_text is text:
            return raw
    for cleaned_text, raw in record:
        if cleaned_text == text:
            return raw
    return None


def cleaning_note(count: int) -> Note:
    return Note(code="cleaned",
                message=f"{count} control, bidirectional-override or invisible character(s) were "
                        "replaced with visible stand-ins (e.g. ␛ for ESC, � for bidi controls)")


def clean_field(value: str | None, limit: int = 500) -> str | None:
    """A metadata string (title, author...) made safe for one line: cleaned, newlines and runs
    of white space collapsed, cut to ``limit`` characters."""
    if value is None:
        return None
    text, _ = clean(normalise_newlines(str(value)))
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return text or None


def shown_path(path: str | Path) -> str:
    """A path as text that can always be written and shown: bytes of a file name that are not
    UTF-8 (which Python keeps as lone surrogates) become ``\\xNN`` escapes. Control characters
    stay, for the places that show a path to clean them (they are valid text)."""
    text = str(path)
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")

