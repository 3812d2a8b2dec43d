"""Benchmark: whole extraction (read + parse + every step) over >= 5 MB of real news text.

Run on demand:  python tests/benchmarks/bench_extract.py [--mb 5] [--source DIR]

Prints MB/s and time per document on one core, per-step time, corpus linking time, and the
same text through one compiled regular expression as a reference. No assertions: figures only.
"""

from __future__ import annotations

import argparse
import gc
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from model.corpus import load_corpus, process_file  # noqa: E402
from model.extract.pipeline import steps  # noqa: E402
from model.read import read_path  # noqa: E402

DEFAULT_SOURCE = ROOT.parent / "shared" / "eval" / "dev"
REFERENCE = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*\b|\d[\d,.]*")


def build_corpus(source: Path, target_mb: float, folder: Path) -> list[Path]:
    """Copy the source articles (and the seeds) under varied names until target_mb is reached."""
    originals = sorted(source.glob("*.txt")) + sorted((ROOT / "seeds").glob("*.txt"))
    if not originals:
        raise SystemExit(f"no .txt articles in {source}")
    files: list[Path] = []
    size = 0
    n = 0
    while size < target_mb * 1_000_000:
        src = originals[n % len(originals)]
        dst = folder / f"{n:05d}-{src.name}"
        shutil.copyfile(src, dst)
        files.append(dst)
        size += dst.stat().st_size
        n += 1
    return files


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=5.0)
    ap.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as tmp:
        files = build_corpus(args.source, args.mb, Path(tmp))
        texts = [f.read_text(encoding="utf-8") for f in files]
        chars = sum(len(t) for t in texts)
        mb = sum(f.stat().st_size for f in files) / 1_000_000
        print(f"corpus: {len(files)} documents, {mb:.2f} MB, {chars:,} characters")

        steps()  # load lexicons once, outside the timing, as a long-running reader would
        process_file(files[0])

        t0 = time.perf_counter()
        hits = 0
        for t in texts:
            hits += sum(1 for _ in REFERENCE.finditer(t))
        ref = time.perf_counter() - t0
        print(f"reference regex pass: {ref:.3f} s = {mb / ref:.1f} MB/s ({hits:,} matches)")

        # Through load_corpus on one worker, as the reader and the export load a corpus (the
        # documents stay alive, so collector housekeeping is part of the cost), linking apart.
        t0 = time.perf_counter()
        docs = load_corpus([tmp], workers=1, link=False).documents
        whole = time.perf_counter() - t0
        print(f"whole extraction (read + parse + all steps, one core): {whole:.3f} s = "
              f"{mb / whole:.2f} MB/s, {1000 * whole / len(files):.2f} ms/document, "
              f"{whole / ref:.1f}x the regex pass")

        # Per step, on freshly read documents.
        fresh = [d for f in files for d in read_path(f).documents]
        t0 = time.perf_counter()
        fresh = [d for f in files for d in read_path(f).documents]
        print(f"  {'read+parse':<14} {time.perf_counter() - t0:7.3f} s")
        # What each step adds stays alive, as in a loaded corpus: frozen after each step so
        # later steps are not charged for collections that walk the earlier steps' output.
        gc.freeze()
        for step in steps():
            t0 = time.perf_counter()
            for d in fresh:
                setattr(d, step.assigns, step.run(d))
            print(f"  {step.name:<14} {time.perf_counter() - t0:7.3f} s")
            gc.freeze()
        gc.unfreeze()

        from model.link import link_corpus
        from model.schema import Corpus

        t0 = time.perf_counter()
        corpus = link_corpus(Corpus(documents=docs))
        print(f"link_corpus over {len(docs)} documents: {time.perf_counter() - t0:.3f} s "
              f"({len(corpus.entities)} entities, {len(corpus.links)} links)")


if __name__ == "__main__":
    main()
