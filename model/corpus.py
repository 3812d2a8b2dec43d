"""Load many paths into a Corpus: read, extract, link. Parallel where it pays; deterministic order.

A path may be a file or a folder (scanned recursively by extension, hidden files and folders
skipped). One bad file becomes a Problem and never stops the load.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from model.read import DEFAULT_MAX_BYTES, EXTENSIONS, ReadResult, read_path
from model.read.safe import shown_path
from model.schema import Corpus, Document, Problem

#: Read documents are moved out of the collector's sight after every this many files.
FREEZE_EVERY = 64
#: Below this many files a process pool costs more (start-up, pickling) than it saves.
PARALLEL_MIN_FILES = 64

Progress = Callable[[int, int], None]


def discover(paths: Iterable[str | Path]) -> tuple[list[Path], list[Problem]]:
    """Expand paths into the files to read, in a deterministic order, plus problems for paths
    that do not exist. Files named explicitly are read whatever their extension."""
    files: list[Path] = []
    problems: list[Problem] = []
    seen: set[str] = set()

    def add(p: Path) -> None:
        key = os.path.abspath(p)
        if key not in seen:
            seen.add(key)
            files.append(p)

    for raw in paths:
        p = Path(raw)
        if p.is_symlink() and not p.exists():
            add(p)  # the reader turns it into a readable problem
        elif p.is_dir():
            for child in _walk(p):
                add(child)
        elif p.exists() or p.is_symlink():
            add(p)
        else:
            problems.append(Problem(path=shown_path(p), reason="no such file or folder"))
    return files, problems


def _walk(folder: Path) -> Iterator[Path]:
    found: list[Path] = []
    for root, dirs, names in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        # A folder named like an article ("x.txt") is most likely a mistake: report it through
        # the reader ("is a directory") instead of silently walking into it.
        for d in [d for d in dirs if Path(d).suffix.lower() in EXTENSIONS]:
            dirs.remove(d)
            found.append(Path(root) / d)
        for name in names:
            if name.startswith("."):
                continue
            if Path(name).suffix.lower() in EXTENSIONS:
                found.append(Path(root) / name)
    found.sort(key=lambda p: str(p))
    yield from found


def process_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES, extract: bool = True,
                 keep_raw: bool = False) -> ReadResult:
    """Read one file and run extraction over its documents. Never raises."""
    result = read_path(path, max_bytes=max_bytes, keep_raw=keep_raw)
    if extract:
        from model.extract.pipeline import extract as run_pipeline

        done: list[Document] = []
        for doc in result.documents:
            try:
                done.append(run_pipeline(doc))
            except Exception as exc:  # an extractor bug must not lose the document
                doc.notes.append(_note("extract-failed", f"extraction failed: {type(exc).__name__}: {exc}"))
                done.append(doc)
        result.documents = done
    return result


def _note(code: str, message: str):
    from model.schema import Note

    return Note(code=code, message=message)


def _process_star(args: tuple[Path, int, bool, bool]) -> ReadResult:
    return process_file(*args)


def load_corpus(
    paths: Iterable[str | Path],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    extract: bool = True,
    link: bool = True,
    keep_raw: bool = False,
    workers: int | None = None,
    progress: Progress | None = None,
    name: str | None = None,
) -> Corpus:
    """Read, extract and link ``paths`` into a Corpus.

    ``progress(done, total)`` is called after each file. Results keep the discovery order
    whatever order the workers finish in. ``keep_raw`` keeps each document's text before
    cleaning in ``Document.raw_text``, for an export that asks for raw text; leave it off
    everywhere else (the reader UI never shows raw text).
    """
    paths = list(paths)
    files, problems = discover(paths)
    total = len(files)
    results: list[ReadResult] = []
    if workers is None:
        workers = min(os.cpu_count() or 1, 8)
    # The documents read so far live until the end: moving them to the collector's permanent
    # generation every few files keeps each full collection from walking all of them again
    # (measured: ~18% of the time of a 3 MB load). Restored before returning; done only when
    # the caller has frozen nothing itself, so its own frozen objects are never thawed here.
    own = gc.get_freeze_count() == 0
    try:
        if workers > 1 and total >= PARALLEL_MIN_FILES:
            with ProcessPoolExecutor(max_workers=workers) as pool:
                args = [(f, max_bytes, extract, keep_raw) for f in files]
                for i, res in enumerate(pool.map(_process_star, args, chunksize=8), 1):
                    results.append(res)
                    if own and i % FREEZE_EVERY == 0:
                        gc.freeze()
                    if progress:
                        progress(i, total)
        else:
            for i, f in enumerate(files, 1):
                results.append(process_file(f, max_bytes, extract, keep_raw))
                if own and i % FREEZE_EVERY == 0:
                    gc.freeze()
                if progress:
                    progress(i, total)

        corpus = Corpus(name=name or corpus_name(paths))
        for res in results:
            corpus.documents.extend(res.documents)
            corpus.problems.extend(res.problems)
        corpus.problems[:0] = problems
        if extract and link:
            from model.link import link_corpus

            if own:
                gc.freeze()
            link_corpus(corpus)
    finally:
        if own:
            gc.unfreeze()
    return corpus


def corpus_name(paths: list[str | Path]) -> str:
    if not paths:
        return "seeds"
    if len(paths) == 1:
        p = Path(paths[0])
        return shown_path(p.name or str(p))
    return f"{shown_path(Path(paths[0]).name)} +{len(paths) - 1}"
