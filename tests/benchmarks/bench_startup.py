"""Process start to first frame, as a person at a terminal sees it: ``python tests/benchmarks/bench_startup.py``.

Runs ``briefing-tui`` on the seeds and a bare Textual app with four panes (header, four
Statics, footer) in a pseudo-terminal, each several times, alternating, and prints the median
time from spawning the process to the moment its first frame holding a marker text has been
written. Includes interpreter start and imports for both. Target: seed <= 1.3x the bare app.
Also prints the CPU time each process had used when its marker appeared (read from
/proc/PID/stat): on a shared machine wall times swing with the load, CPU times much less.
Prints figures, asserts nothing.
"""

from __future__ import annotations

import os
import select
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.pty_spawn import spawn_in_pty  # noqa: E402

BARE = '''
from textual.app import App
from textual.containers import Horizontal
from textual.widgets import Footer, Header, Static

class Bare(App):
    CSS = "Static { width: 1fr; height: 1fr; border: round $primary; }"

    def compose(self):
        yield Header()
        with Horizontal():
            for i in range(4):
                yield Static(f"PANE{i}")
        yield Footer()

Bare().run()
'''


def cpu_seconds(pid: int) -> float:
    """User + system CPU time used so far by process ``pid`` (Linux), or NaN."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return float("nan")


def time_to_marker(args: list[str], marker: bytes, cols: int = 120, rows: int = 40, limit: float = 30.0,
                   cpu: list[float] | None = None) -> float:
    start = time.perf_counter()
    proc, master = spawn_in_pty(args, cols, rows)
    out = bytearray()
    elapsed = float("nan")
    try:
        while time.perf_counter() - start < limit:
            ready, _, _ = select.select([master], [], [], 0.05)
            if ready:
                try:
                    chunk = os.read(master, 65536)
                except OSError:
                    break
                out.extend(chunk)
                if marker in out:
                    elapsed = time.perf_counter() - start
                    if cpu is not None:
                        cpu.append(cpu_seconds(proc.pid))
                    break
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        os.close(master)
    return elapsed


def main(rounds: int = 7) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        bare_script = Path(tmp) / "bare.py"
        bare_script.write_text(BARE, encoding="utf-8")
        bare, first, loaded = [], [], []
        bare_cpu: list[float] = []
        first_cpu: list[float] = []
        for _ in range(rounds):
            bare.append(time_to_marker([sys.executable, str(bare_script)], b"PANE3", cpu=bare_cpu))
            # The first frame: the reader's layout with its title bar (corpus name) drawn.
            first.append(time_to_marker([sys.executable, "-m", "tui"], b"seeds", cpu=first_cpu))
            # The article read, extracted and shown with its entities listed.
            loaded.append(time_to_marker([sys.executable, "-m", "tui"], b"Healey"))
        b = statistics.median(bare)
        for label, values in (("bare four-pane app, first frame", bare),
                              ("briefing-tui on the seeds, first frame", first),
                              ("briefing-tui on the seeds, article and entities shown", loaded)):
            m = statistics.median(values)
            print(f"{label}: median {m * 1000:.0f} ms (min {min(values) * 1000:.0f}, "
                  f"max {max(values) * 1000:.0f}), {m / b:.2f}x the bare app")
        bc, fc = statistics.median(bare_cpu), statistics.median(first_cpu)
        print(f"CPU used by the first frame: bare app median {bc * 1000:.0f} ms, briefing-tui median "
              f"{fc * 1000:.0f} ms, {fc / bc:.2f}x")
        print("target: the seed's first frame <= 1.3x the bare app")


if __name__ == "__main__":
    main()
