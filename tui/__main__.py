"""Command line: ``briefing-tui [PATH ...]`` opens the reader; ``export`` and ``eval`` are headless.

The headless commands never import textual, so they start fast and run anywhere.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

COMMANDS = ("export", "eval")


def _paths_or_seeds(paths: list[str]) -> list[str]:
    from model.seeds import seeds_dir

    return paths or [str(seeds_dir())]


def cmd_export(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="briefing-tui export", description="Export parsed documents.")
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: the bundled seeds)")
    parser.add_argument("--format", choices=["json", "csv", "markdown"], default="json",
                        help="json: the briefing/1 export; csv: the entity table; markdown: a briefing")
    parser.add_argument("-o", "--output", metavar="FILE", help="write here atomically instead of stdout")
    parser.add_argument("--max-bytes", type=int, default=None, help="refuse files larger than this")
    parser.add_argument("--no-extract", action="store_true", help="blocks only, no annotations")
    parser.add_argument("--raw-text", action="store_true",
                        help="json only: also give each document its text before control and bidi "
                             "characters were replaced (raw_text; same length, same offsets)")
    args = parser.parse_args(argv)
    if args.raw_text and args.format != "json":
        # The entity table and the briefing hold no document text to give raw.
        parser.error(f"--raw-text works only with --format json (the {args.format} export holds no "
                     "document text); drop --raw-text or use --format json")

    from model.corpus import load_corpus
    from model.export import FORMATS, dumps, write_atomic
    from model.read import DEFAULT_MAX_BYTES

    corpus = load_corpus(
        _paths_or_seeds(args.paths),
        max_bytes=args.max_bytes or DEFAULT_MAX_BYTES,
        extract=not args.no_extract,
        name=None if args.paths else "seeds",
        keep_raw=args.raw_text,  # kept only when asked: nothing else ever holds uncleaned text
    )
    text = dumps(corpus, raw_text=True) if args.raw_text else FORMATS[args.format](corpus)
    if args.output:
        try:
            write_atomic(args.output, text + "\n")
        except OSError as exc:
            print(f"briefing-tui export: cannot write {args.output}: {exc}", file=sys.stderr)
            return 1
    else:
        sys.stdout.write(text + "\n")
    for p in corpus.problems:
        where = f"{p.path}:{p.line}" if p.line else p.path
        print(f"briefing-tui: skipped {where!r}: {p.reason}", file=sys.stderr)
    return 0


def cmd_eval(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="briefing-tui eval", description="Score extraction against a gold set.")
    parser.add_argument("setdir", metavar="SETDIR", help="a folder holding gold.jsonl and the files it names")
    parser.add_argument("--per-file", action="store_true", help="also print a line per file")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args(argv)

    from model.evaluate import main as eval_main

    return eval_main(Path(args.setdir), per_file=args.per_file, as_json=args.json)


def cmd_open(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="briefing-tui",
        description="A terminal reader for news and intelligence briefings.",
        epilog="Also: 'briefing-tui export [PATH ...]' and 'briefing-tui eval SETDIR'.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: the bundled seeds)")
    args = parser.parse_args(argv)

    from tui.app import make_app

    app = make_app(_paths_or_seeds(args.paths), corpus_name=None if args.paths else "seeds")
    app.run()
    return app.return_code or 0


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # A file literally named "export" or "eval" in the current folder is opened, not run.
    if argv and argv[0] in COMMANDS and not Path(argv[0]).exists():
        return {"export": cmd_export, "eval": cmd_eval}[argv[0]](argv[1:])
    return cmd_open(argv)


if __name__ == "__main__":
    sys.exit(main())
