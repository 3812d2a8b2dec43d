"""Reader timings, run on demand: ``python tests/benchmarks/bench_tui.py [--docs N]``.

Prints figures, asserts nothing. Measures, headless (``App.run_test``):

- time to first paint (the app is up and its first frame composed) with a corpus of N articles
  still loading, and the time until it is fully loaded (read, extracted, linked, indexed);
- key-press-to-repaint latency for selecting an entity and for switching document;
- the seed's first paint against a bare Textual app with four empty panes, in the same run;
- per key press, how many full-screen compositor updates and layout passes it caused: a
  noise-free figure (timings on a shared machine move with the load; these counts do not).

Targets: first paint <= 2 s; repaint <= 50 ms; seed first paint <= 1.3x the bare app.
The corpus is the dev set copied under varied names until it holds N files.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from textual._compositor import Compositor  # noqa: E402
from textual.app import App, ComposeResult  # noqa: E402
from textual.screen import Screen  # noqa: E402
from textual.containers import Horizontal  # noqa: E402
from textual.widgets import Footer, Header, Static  # noqa: E402

from model.seeds import seeds_dir  # noqa: E402
from tui.app import make_app  # noqa: E402

DEV = ROOT.parent / "shared" / "eval" / "dev"
SIZE = (120, 40)


class BareApp(App[None]):
    """The baseline: header, four empty panes, footer."""

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            for _ in range(4):
                yield Static("")
        yield Footer()


def make_corpus_dir(count: int) -> Path:
    sources = sorted(DEV.glob("*.txt"))
    if not sources:
        raise SystemExit(f"no dev articles in {DEV}")
    folder = Path(tempfile.mkdtemp(prefix="bench-tui-"))
    for i in range(count):
        src = sources[i % len(sources)]
        shutil.copyfile(src, folder / f"{i:05d}-{src.stem}.txt")
    return folder


async def first_paint(app: App) -> tuple[float, App, object]:
    start = time.perf_counter()
    context = app.run_test(size=SIZE)
    pilot = await context.__aenter__()
    return time.perf_counter() - start, context, pilot


async def settle(pilot) -> None:
    """Let every widget handle its messages, then compose the frame the terminal would receive."""
    await pilot._wait_for_screen()
    pilot.app.screen._on_timer_update()


class RepaintCounter:
    """Counts full-screen compositor updates and layout passes (Textual is pinned, so these
    two internals are stable), to report them per key press."""

    def __init__(self) -> None:
        self.full_updates = 0
        self.layouts = 0
        counter = self
        full, layout = Compositor.render_full_update, Screen._refresh_layout

        def render_full_update(compositor, *args, **kwargs):
            counter.full_updates += 1
            return full(compositor, *args, **kwargs)

        def refresh_layout(screen, *args, **kwargs):
            counter.layouts += 1
            return layout(screen, *args, **kwargs)

        Compositor.render_full_update = render_full_update
        Screen._refresh_layout = refresh_layout

    def take(self) -> tuple[int, int]:
        """The counts since the last call."""
        counts = (self.full_updates, self.layouts)
        self.full_updates = self.layouts = 0
        return counts


COUNTER = RepaintCounter()


async def timed(pilot, action, counts: list[tuple[int, int]] | None = None) -> float:
    """Seconds from running ``action`` (an App action string or a callable) to the repainted
    frame; appends the full updates and layout passes it caused to ``counts``."""
    COUNTER.take()
    start = time.perf_counter()
    if callable(action):
        action()
    else:
        await pilot.app.run_action(action)
    await settle(pilot)
    elapsed = time.perf_counter() - start
    if counts is not None:
        counts.append(COUNTER.take())
    return elapsed


async def bench_big(count: int) -> None:
    folder = make_corpus_dir(count)
    try:
        app = make_app([folder])
        start = time.perf_counter()
        painted, context, pilot = await first_paint(app)
        await app.workers.wait_for_complete()
        await pilot.pause()
        loaded = time.perf_counter() - start
        index = app.index
        print(f"corpus: {len(index.documents)} documents, {len(index.entities)} entities, "
              f"{len(index.events)} events, {len(index.corpus.problems)} problems")
        print(f"first paint with {count} articles loading: {painted * 1000:.0f} ms (target <= 2000 ms)")
        print(f"fully loaded: {loaded:.2f} s")

        entity_ids = index.entity_order[:20]
        await settle(pilot)
        counts: dict[str, list[tuple[int, int]]] = {"bell": [], "select": [], "doc": [], "n": []}
        baseline = [await timed(pilot, "app.bell", counts["bell"]) for _ in range(10)]
        select_times = [await timed(pilot, lambda eid=eid: app.select_entity(eid), counts["select"]) for eid in entity_ids]
        doc_times = [await timed(pilot, "app.next_document", counts["doc"]) for _ in range(20)]
        n_times = [await timed(pilot, "app.next_match", counts["n"]) for _ in range(20)] if entity_ids else []
        for label, key, values in (("no-op (bell), the harness alone", "bell", baseline), ("select entity", "select", select_times),
                                   ("next document ]", "doc", doc_times), ("next mention n", "n", n_times)):
            if values:
                fulls = sum(f for f, _l in counts[key]) / len(values)
                layouts = sum(l for _f, l in counts[key]) / len(values)
                print(f"repaint after {label}: median {statistics.median(values) * 1000:.1f} ms, "
                      f"max {max(values) * 1000:.1f} ms over {len(values)} (target <= 50 ms); "
                      f"per press {fulls:.2f} full-screen updates, {layouts:.2f} layout passes")
        await context.__aexit__(None, None, None)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


async def bench_seed(rounds: int = 5) -> None:
    seed_times, bare_times = [], []
    for _ in range(rounds):
        t, context, _pilot = await first_paint(BareApp())
        bare_times.append(t)
        await context.__aexit__(None, None, None)
        t, context, pilot = await first_paint(make_app([seeds_dir()], corpus_name="seeds"))
        seed_times.append(t)
        await pilot.app.workers.wait_for_complete()
        await context.__aexit__(None, None, None)
    seed, bare = statistics.median(seed_times), statistics.median(bare_times)
    print(f"seed first paint: median {seed * 1000:.0f} ms; bare four-pane app: {bare * 1000:.0f} ms; "
          f"ratio {seed / bare:.2f} (target <= 1.3)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000, help="articles in the big corpus (default 2000)")
    args = parser.parse_args()
    asyncio.run(bench_seed())
    asyncio.run(bench_big(args.docs))


if __name__ == "__main__":
    main()
