"""Score extraction against a gold set: ``briefing-tui eval SETDIR [--per-file] [--json]``.

``SETDIR/gold.jsonl`` names the files and holds their annotations (format:
``shared/eval/README.md``). Each file is read and run through the real pipeline; offsets in the
documents index the decoded text, which is what gold's offsets index too.

Scores:

- **Entities** by gold type (our OntoNotes kinds mapped: PERSON->PER, ORG->ORG,
  GPE/LOC/NORP/FAC->LOC, PRODUCT->PRO; other kinds are not scored), by exact span and by
  overlap, plus the micro-average over the types. Gold marks some names twice, nested ("Airbus"
  and "Airbus parent EADS"), and leaves some names unmarked, so precision understates real
  precision: recall is the headline.
- **Time expressions** TempEval-3 style: strict F1 (exact span), relaxed F1 (any overlap),
  value F1 = relaxed F1 x the share of relaxed matches whose value is exactly right, and type
  accuracy over the relaxed matches.

Matching is one-to-one (each gold and each prediction is used at most once) and maximal: an
augmenting-path matching, trying the best candidate pairs (exact span, right value) first.

When a document has no publication date (a reader that finds none), the gold ``dct`` is used as
its anchor, and the header line says how many documents needed it. That is why files are read
and the pipeline's steps run here one by one rather than through ``process_file``: the anchor
must be set between reading and extraction, and one failing step must not cost the others.

Some gold sets annotate only an article's opening (MEANTIME: title and first sentences), so
predictions are scored up to the end of the line holding each file's last gold annotation (see
:func:`annotated_extent`); the report says how many predictions lay beyond and also gives the
timex figures over whole files.

The scoring functions are pure (spans in, counts out) so they are unit tested on tiny examples.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

#: Our OntoNotes kinds -> the gold set's entity types.
KIND_TO_GOLD = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "NORP": "LOC", "FAC": "LOC", "PRODUCT": "PRO"}
GOLD_TYPES = ("PER", "ORG", "LOC", "PRO")


# --------------------------------------------------------------------------- pure scoring


@dataclass(frozen=True)
class Item:
    """A span with what is scored on it (an entity type or a timex type and value)."""

    start: int
    end: int
    type: str = ""
    value: str = ""


def overlaps(a: Item, b: Item) -> bool:
    return a.start < b.end and b.start < a.end


def exact(a: Item, b: Item) -> bool:
    return a.start == b.start and a.end == b.end


def match(gold: Sequence[Item], pred: Sequence[Item], same: Callable[[Item, Item], bool],
          prefer: Callable[[Item, Item], tuple] | None = None) -> list[tuple[int, int]]:
    """A maximum one-to-one matching of gold to predictions under ``same``.

    Returns (gold index, prediction index) pairs. Each gold's candidates are tried best first
    by ``prefer`` (larger is better); pairs whose ``prefer(...)[0]`` is true are matched first,
    so among equally large matchings the better pairs win.
    """
    cands: list[list[int]] = []
    for g in gold:
        c = [j for j, p in enumerate(pred) if same(g, p)]
        if prefer is not None:
            c.sort(key=lambda j, g=g: prefer(g, pred[j]), reverse=True)
        cands.append(c)
    owner: dict[int, int] = {}  # prediction -> gold

    def augment(i: int, seen: set[int]) -> bool:
        for j in cands[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    if prefer is not None:
        # First the best pairs only (exact span, right value), then any pair: a gold keeps a
        # perfect partner unless moving it is the only way to match one more.
        full = cands
        cands = [[j for j in c if prefer(gold[i], pred[j])[0]] for i, c in enumerate(full)]
        for i in range(len(gold)):
            augment(i, set())
        cands = full
    matched = set(owner.values())
    for i in range(len(gold)):
        if i not in matched:
            augment(i, set())
    return sorted((i, j) for j, i in owner.items())


@dataclass
class PRF:
    """Counts for precision/recall/F1: true positives seen from each side."""

    tp: int = 0
    n_gold: int = 0
    n_pred: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: PRF) -> None:
        self.tp += other.tp
        self.n_gold += other.n_gold
        self.n_pred += other.n_pred

    def as_dict(self) -> dict[str, float | int]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "tp": self.tp, "gold": self.n_gold, "predicted": self.n_pred}


def _prefer_span(g: Item, p: Item) -> tuple:
    return (exact(g, p), min(g.end, p.end) - max(g.start, p.start))


@dataclass
class EntityScores:
    """Entity scores by gold type and overall, for exact and overlap matching."""

    exact: dict[str, PRF] = field(default_factory=lambda: {t: PRF() for t in GOLD_TYPES})
    overlap: dict[str, PRF] = field(default_factory=lambda: {t: PRF() for t in GOLD_TYPES})
    #: Not one-to-one: a gold span counts as found when any prediction of its type overlaps it,
    #: and a prediction as right when it overlaps any gold of its type. Nested gold ("Airbus" and
    #: "Airbus parent EADS") can then both be found by one mention, which one-to-one cannot.
    covered: dict[str, PRF] = field(default_factory=lambda: {t: _Covered() for t in GOLD_TYPES})

    def overall(self, how: str) -> PRF:
        total = _Covered() if how == "covered" else PRF()
        for prf in getattr(self, how).values():
            total.add(prf)
        return total

    def add(self, other: EntityScores) -> None:
        for t in GOLD_TYPES:
            self.exact[t].add(other.exact[t])
            self.overlap[t].add(other.overlap[t])
            self.covered[t].add(other.covered[t])


def score_entities(gold: Sequence[Item], pred: Sequence[Item]) -> EntityScores:
    """Per-type exact and overlap scores; an item counts only against gold of its own type."""
    out = EntityScores()
    for t in GOLD_TYPES:
        g = [x for x in gold if x.type == t]
        p = [x for x in pred if x.type == t]
        for how, same in (("exact", exact), ("overlap", overlaps)):
            pairs = match(g, p, same, _prefer_span)
            getattr(out, how)[t] = PRF(tp=len(pairs), n_gold=len(g), n_pred=len(p))
        found = sum(1 for x in g if any(overlaps(x, y) for y in p))
        right = sum(1 for y in p if any(overlaps(x, y) for x in g))
        # PRF holds one tp; recall uses gold found, precision predictions right.
        out.covered[t] = _Covered(tp=found, n_gold=len(g), n_pred=len(p), right=right)
    return out


@dataclass
class _Covered(PRF):
    """Any-overlap counts: ``tp`` gold spans found, ``right`` predictions that hit some gold."""

    right: int = 0

    @property
    def precision(self) -> float:
        return self.right / self.n_pred if self.n_pred else 0.0

    def add(self, other: PRF) -> None:
        super().add(other)
        self.right += getattr(other, "right", 0)


@dataclass
class TimexScores:
    """TempEval-3 counts: strict and relaxed matches, and how many relaxed ones have the right
    value and type."""

    strict: PRF = field(default_factory=PRF)
    relaxed: PRF = field(default_factory=PRF)
    value_right: int = 0
    type_right: int = 0

    @property
    def value_accuracy(self) -> float:
        return self.value_right / self.relaxed.tp if self.relaxed.tp else 0.0

    @property
    def value_f1(self) -> float:
        return self.relaxed.f1 * self.value_accuracy

    @property
    def type_accuracy(self) -> float:
        return self.type_right / self.relaxed.tp if self.relaxed.tp else 0.0

    def add(self, other: TimexScores) -> None:
        self.strict.add(other.strict)
        self.relaxed.add(other.relaxed)
        self.value_right += other.value_right
        self.type_right += other.type_right

    def as_dict(self) -> dict[str, Any]:
        return {"strict": self.strict.as_dict(), "relaxed": self.relaxed.as_dict(),
                "value_f1": round(self.value_f1, 4), "value_accuracy": round(self.value_accuracy, 4),
                "type_accuracy": round(self.type_accuracy, 4)}


def score_timexes(gold: Sequence[Item], pred: Sequence[Item]) -> tuple[TimexScores, list[tuple[Item, Item | None]]]:
    """Strict, relaxed, value and type scores; also each gold with the prediction it matched
    (relaxed), for error listings."""
    out = TimexScores()
    strict_pairs = match(gold, pred, exact)
    out.strict = PRF(tp=len(strict_pairs), n_gold=len(gold), n_pred=len(pred))

    def prefer(g: Item, p: Item) -> tuple:
        return (g.value == p.value, exact(g, p), min(g.end, p.end) - max(g.start, p.start))

    pairs = match(gold, pred, overlaps, prefer)
    out.relaxed = PRF(tp=len(pairs), n_gold=len(gold), n_pred=len(pred))
    out.value_right = sum(1 for i, j in pairs if gold[i].value == pred[j].value)
    out.type_right = sum(1 for i, j in pairs if gold[i].type == pred[j].type)
    by_gold = {i: pred[j] for i, j in pairs}
    return out, [(g, by_gold.get(i)) for i, g in enumerate(gold)]


# --------------------------------------------------------------------------- running a set


@dataclass
class FileResult:
    file: str
    entities: EntityScores
    timexes: TimexScores
    timex_pairs: list[tuple[Item, Item | None]]
    anchor_from_gold: bool = False
    problem: str | None = None
    unscored: int = 0  # predictions past the annotated extent
    timexes_whole: TimexScores | None = None  # the same, counting every prediction in the file
    timex_errors: list[dict] = field(default_factory=list)  # missed, wrong value, spurious


def load_gold(setdir: Path) -> list[dict]:
    path = setdir / "gold.jsonl"
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no gold.jsonl here; give the folder that holds gold.jsonl and its files")
    rows = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}, line {n}: not valid JSON ({exc.msg})") from None
    return rows


def _parse_dct(raw: str | None) -> datetime | None:
    if not raw:
        return None
    try:
        return datetime.fromisoformat(raw)
    except ValueError:
        return None


def gold_items(row: dict) -> tuple[list[Item], list[Item]]:
    """A gold.jsonl row's entities and timexes as scorer items."""
    ents = [Item(e["start"], e["end"], e["type"]) for e in row.get("entities", [])]
    timexes = [Item(t["start"], t["end"], t["type"], t.get("value", "")) for t in row.get("timexes", [])]
    return ents, timexes


def evaluate_file(setdir: Path, row: dict) -> FileResult:
    """Read one gold file, run the pipeline (anchored on gold ``dct`` when the reader found no
    publication date) and score it."""
    from model.extract.pipeline import steps
    from model.read import read_path

    name = row["file"]
    gold_ents, gold_tx = gold_items(row)
    result = read_path(setdir / name)
    if not result.documents:
        reason = "; ".join(p.reason for p in result.problems) or "no document read"
        empty_t, pairs = score_timexes(gold_tx, [])
        return FileResult(name, score_entities(gold_ents, []), empty_t, pairs, problem=reason)
    from_gold = False
    failed: list[str] = []
    limit = annotated_extent(result.documents[0].text, row)
    pred_ents: list[Item] = []
    pred_tx: list[Item] = []
    for doc in result.documents:
        if doc.published is None:
            dct = _parse_dct(row.get("dct"))
            if dct is not None:
                doc.published = dct
                from_gold = True
        # Step by step, as the pipeline runs them, so one failing step costs only its own
        # scores (and those of the steps that need it), and the report says which failed.
        for step in steps():
            try:
                setattr(doc, step.assigns, step.run(doc))
            except Exception as exc:
                failed.append(f"{step.name} failed: {type(exc).__name__}: {str(exc)[:120]}")
        pred_ents += [Item(m.start, m.end, KIND_TO_GOLD[str(m.kind)]) for m in doc.mentions if str(m.kind) in KIND_TO_GOLD]
        pred_tx += [Item(t.start, t.end, str(t.type), t.value) for t in doc.timexes]
    unscored = sum(1 for x in pred_ents + pred_tx if x.start >= limit)
    whole, _ = score_timexes(gold_tx, pred_tx)
    pred_ents = [x for x in pred_ents if x.start < limit]
    pred_tx = [x for x in pred_tx if x.start < limit]
    tx, pairs = score_timexes(gold_tx, pred_tx)
    text = result.documents[0].text
    return FileResult(name, score_entities(gold_ents, pred_ents), tx, pairs, from_gold, unscored=unscored,
                      timexes_whole=whole, problem="; ".join(dict.fromkeys(failed)) or None,
                      timex_errors=timex_errors(text, pairs, pred_tx))


def timex_errors(text: str, pairs: list[tuple[Item, Item | None]], pred: list[Item]) -> list[dict]:
    """What a person fixing rules wants to see: each gold timex missed or given the wrong
    value, and each prediction that matched no gold, with its words."""

    def show(x: Item) -> dict:
        return {"start": x.start, "end": x.end, "text": text[x.start: x.end], "type": x.type, "value": x.value}

    out: list[dict] = []
    used = set()
    for g, p in pairs:
        if p is None:
            out.append({"error": "missed", "gold": show(g)})
        else:
            used.add((p.start, p.end, p.value))
            if p.value != g.value:
                out.append({"error": "value", "gold": show(g), "predicted": show(p)})
    for p in pred:
        if (p.start, p.end, p.value) not in used:
            out.append({"error": "spurious", "predicted": show(p)})
    return out


def annotated_extent(text: str, row: dict) -> int:
    """Where a file's annotation stops: the end of the line holding its last gold annotation.

    Gold sets built from corpora that annotate only an article's opening sentences (MEANTIME
    annotates the title and first few sentences) say nothing about the rest, so predictions
    there can be neither right nor wrong. A fully annotated file loses at most its last line's
    tail. A file with no annotation at all is scored whole.
    """
    ends = [a["end"] for a in row.get("entities", []) + row.get("timexes", [])]
    if not ends:
        return len(text)
    nl = text.find("\n", max(ends))
    return len(text) if nl < 0 else nl


def evaluate_set(setdir: Path) -> list[FileResult]:
    return [evaluate_file(setdir, row) for row in load_gold(setdir)]


def summarise(results: list[FileResult]) -> tuple[EntityScores, TimexScores]:
    ents, tx = EntityScores(), TimexScores()
    for r in results:
        ents.add(r.entities)
        tx.add(r.timexes)
    return ents, tx


def _report(setdir: Path, results: list[FileResult], per_file: bool) -> str:
    ents, tx = summarise(results)
    from_gold = sum(r.anchor_from_gold for r in results)
    unscored = sum(r.unscored for r in results)
    lines = [f"{setdir}: {len(results)} files"
             + (f"; {from_gold} without a publication date were anchored on gold dct" if from_gold else
                "; anchors are the documents' own publication dates")
             + f"; scored up to each file's last annotated line ({unscored} predictions beyond it not scored)"]
    lines.append("")
    lines.append("Entities (recall is the headline: gold nests names and leaves some unmarked)")
    lines.append(f"  {'type':<8}{'exact R':>9}{'exact P':>9}{'exact F1':>10}{'overlap R':>11}{'overlap P':>11}{'overlap F1':>12}{'any-ovl R':>11}{'any-ovl P':>11}{'gold':>7}{'pred':>7}")
    for t in (*GOLD_TYPES, "all"):
        e = ents.overall("exact") if t == "all" else ents.exact[t]
        o = ents.overall("overlap") if t == "all" else ents.overlap[t]
        c = ents.overall("covered") if t == "all" else ents.covered[t]
        lines.append(f"  {t:<8}{e.recall:>9.3f}{e.precision:>9.3f}{e.f1:>10.3f}{o.recall:>11.3f}{o.precision:>11.3f}{o.f1:>12.3f}"
                     f"{c.recall:>11.3f}{c.precision:>11.3f}{o.n_gold:>7}{o.n_pred:>7}")
    lines.append("  overlap = one-to-one matching; any-ovl = a gold span is found when any prediction of its type")
    lines.append("  overlaps it (nested gold can share one prediction)")
    lines.append("")
    lines.append("Time expressions (TempEval-3)")
    lines.append(f"  strict   P {tx.strict.precision:.3f}  R {tx.strict.recall:.3f}  F1 {tx.strict.f1:.3f}")
    lines.append(f"  relaxed  P {tx.relaxed.precision:.3f}  R {tx.relaxed.recall:.3f}  F1 {tx.relaxed.f1:.3f}")
    lines.append(f"  value F1 {tx.value_f1:.3f}  (value accuracy {tx.value_accuracy:.3f} over {tx.relaxed.tp} relaxed matches)")
    lines.append(f"  type accuracy {tx.type_accuracy:.3f}   gold {tx.strict.n_gold}  predicted {tx.strict.n_pred}")
    whole = TimexScores()
    for r in results:
        whole.add(r.timexes_whole or r.timexes)
    lines.append(f"  (whole files, unannotated text included: relaxed P {whole.relaxed.precision:.3f}  "
                 f"F1 {whole.relaxed.f1:.3f}  value F1 {whole.value_f1:.3f})")
    problems = [r for r in results if r.problem]
    if problems:
        lines.append("")
        lines.append("Problems")
        lines += [f"  {r.file}: {r.problem}" for r in problems]
    if per_file:
        lines.append("")
        lines.append(f"  {'file':<28}{'ent R(ovl)':>11}{'tx strict':>10}{'tx relax':>9}{'tx value':>9}")
        for r in results:
            o = r.entities.overall("overlap")
            lines.append(f"  {r.file:<28}{o.recall:>11.3f}{r.timexes.strict.f1:>10.3f}{r.timexes.relaxed.f1:>9.3f}{r.timexes.value_f1:>9.3f}")
    return "\n".join(lines)


def _as_json(setdir: Path, results: list[FileResult], per_file: bool) -> dict:
    ents, tx = summarise(results)

    def ent_dict(e: EntityScores) -> dict:
        return {how: {**{t: getattr(e, how)[t].as_dict() for t in GOLD_TYPES}, "all": e.overall(how).as_dict()}
                for how in ("exact", "overlap", "covered")}

    out: dict[str, Any] = {
        "set": str(setdir), "files": len(results),
        "anchored_on_gold_dct": sum(r.anchor_from_gold for r in results),
        "unscored_beyond_annotated_extent": sum(r.unscored for r in results),
        "entities": ent_dict(ents), "timexes": tx.as_dict(),
        "problems": [{"file": r.file, "reason": r.problem} for r in results if r.problem],
    }
    if per_file:
        out["per_file"] = [{"file": r.file, "entities": ent_dict(r.entities), "timexes": r.timexes.as_dict(),
                            "anchored_on_gold_dct": r.anchor_from_gold, "timex_errors": r.timex_errors}
                           for r in results]
    return out


def main(setdir: Path, per_file: bool = False, as_json: bool = False) -> int:
    """Score the pipeline on ``setdir``; print a table (or JSON). Returns a process exit code."""
    setdir = Path(setdir)
    try:
        results = evaluate_set(setdir)
    except (OSError, ValueError) as exc:
        print(f"briefing-tui eval: {exc}", file=sys.stderr)
        return 2
    if as_json:
        print(json.dumps(_as_json(setdir, results, per_file), indent=2))
    else:
        print(_report(setdir, results, per_file))
    return 0
