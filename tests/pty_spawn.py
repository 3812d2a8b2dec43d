"""Start a program in a pseudo-terminal of a given size, as a user's terminal would: shared by
the pty safety test and the start-up benchmark."""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import termios
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def spawn_in_pty(args: list[str], cols: int, rows: int) -> tuple[subprocess.Popen, int]:
    """Run ``args`` from the project root in a new session on a ``cols`` x ``rows`` pty, with
    no Textual or pytest settings leaking in and a fixed terminal, time zone and locale.
    Returns the process and the master end to read its output from (the caller closes it)."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TEXTUAL", "PYTEST"))}
    env.update(TERM="xterm-256color", COLUMNS=str(cols), LINES=str(rows), TZ="UTC", LANG="C.UTF-8")
    proc = subprocess.Popen(args, stdin=slave, stdout=slave, stderr=slave, cwd=ROOT, env=env,
                            start_new_session=True, close_fds=True)
    os.close(slave)
    return proc, master
