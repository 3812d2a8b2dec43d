"""Benchmark: pathological text through read + the whole extraction, against normal news.

Run on demand:  python tests/benchmarks/bench_pathological.py [--scale 1.0]

For each hostile input prints size, seconds and MB/s next to the MB/s of real news, and the
ratio. The aim (issue 5): every case within 3x of normal news per MB, i.e. linear time.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from model.corpus import process_file  # noqa: E402
from model.extract.pipeline import steps  # noqa: E402


def cases(scale: float) -> dict[str, str]:
    n = lambda k: max(1, int(k * scale))  # noqa: E731
    return {
        "one 1 MB line": ("Seoul said North Korea sent 1,500 troops on Sunday. " * n(20_000))[: n(1_000_000)],
        "200k short lines": "Title\n\n" + "Kim met Putin.\n" * n(200_000),
        "50k combining accents": "Title\n\nA" + "\u0301" * n(50_000) + " went to Moscow.\n",
        "100k capitalised words": "Title\n\n" + "Word " * n(100_000) + "\n",
        "100k capitalised names": "Title\n\n" + "John Healey Seoul " * n(33_000) + "\n",
        "40k spaces then x": "Title\n\n" + " " * n(40_000) + "x\n",
        "5,000 nested brackets": "Title\n\n" + "(" * n(5_000) + "x" + ")" * n(5_000) + "\n",
        "10k quote marks": "Title\n\n" + '"“' * n(5_000) + " said Mr Healey.\n",
        "'a'*30+'!' x 20k": "Title\n\n" + ("a" * 30 + "! ") * n(20_000) + "\n",
        "digits and months": "Title\n\n" + "1 March 2008 12:00 " * n(30_000) + "\n",
        "10k distinct opening names": "Title\n\n" + "".join(
            f"{w} said so.\n\n{w} Zed left.\n\n" for w in _names(n(10_000))),
    }


def _names(count: int) -> list[str]:
    """``count`` distinct capitalised made-up words ("Bacd", "Bace", ...), each opening a
    sentence and heading a two-word name: any per-word scan of the whole text is quadratic."""
    letters = "bcdfghjklmnpqrstvwz"
    out = []
    for i in range(count):
        word, k = "", i
        for _ in range(4):
            word += letters[k % len(letters)]
            k //= len(letters)
        out.append("Q" + word + "a")
    return out


def run(path: Path) -> float:
    t0 = time.perf_counter()
    process_file(path)
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scale", type=float, default=1.0)
    args = ap.parse_args()
    steps()
    dev = sorted((ROOT.parent / "shared" / "eval" / "dev").glob("*.txt")) or sorted((ROOT / "seeds").glob("*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        news = Path(tmp) / "news.txt"
        parts = [p.read_text(encoding="utf-8") for p in dev]
        body = "\n\n".join(parts)
        news.write_text(body * max(1, int(1_000_000 / len(body))), encoding="utf-8")
        base_mb = news.stat().st_size / 1e6
        base = base_mb / run(news)
        print(f"{'normal news':<26} {base_mb:6.2f} MB  {base:7.2f} MB/s")
        worst = 0.0
        for name, text in cases(args.scale).items():
            path = Path(tmp) / "case.txt"
            path.write_text(text, encoding="utf-8")
            mb = path.stat().st_size / 1e6
            secs = run(path)
            rate = mb / secs
            slower = base / rate
            worst = max(worst, slower)
            print(f"{name:<26} {mb:6.2f} MB  {rate:7.2f} MB/s  {secs:6.2f} s  {slower:5.2f}x slower than news")
        print(f"worst: {worst:.2f}x (aim: <= 3x)")


if __name__ == "__main__":
    main()
