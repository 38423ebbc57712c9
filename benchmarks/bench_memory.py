"""Peak memory of a kernel per chapter notebook: what a course server needs per user.

Each chapter notebook is run top to bottom in a fresh kernel (nbclient, as
``tools/execute_notebooks.py`` does), while a thread samples the kernel's resident set
size (RSS) every 50 ms — with psutil if it is installed, else from ``/proc/PID/status``
(Linux). The table gives the peak per notebook, the largest peak, and what that means
for a JupyterHub: per-user memory = the largest peak plus the user's Jupyter server
(measured the same way for an idle ``jupyter server``, about 80-100 MiB) and a margin.

Usage: ``python benchmarks/bench_memory.py [NAME_FILTER]`` (e.g. ``06_`` for chapter 6).
"""

from __future__ import annotations

import os
import sys
import threading
import time
from pathlib import Path

CHAPTERS = Path(__file__).resolve().parent.parent / "chapters"
APPS = CHAPTERS.parent / "apps"


def rss_bytes(pid: int) -> int:
    """Resident set size of process ``pid`` (bytes): psutil, else /proc."""
    try:
        import psutil

        return int(psutil.Process(pid).memory_info().rss)
    except ImportError:
        pass
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        return 0
    return 0


class Sampler(threading.Thread):
    """Sample a process's RSS until stopped; ``peak`` is the largest sample."""

    def __init__(self, pid: int, every: float = 0.05) -> None:
        super().__init__(daemon=True)
        self.pid, self.every, self.peak = pid, every, 0
        self._stop_event = threading.Event()

    def run(self) -> None:
        while not self._stop_event.is_set():
            self.peak = max(self.peak, rss_bytes(self.pid))
            time.sleep(self.every)

    def stop(self) -> int:
        self._stop_event.set()
        self.join()
        return self.peak


def peak_of_notebook(path: Path, timeout: int = 600) -> tuple[int, float]:
    """(peak kernel RSS in bytes, seconds) of one run of ``path`` in a fresh kernel."""
    import nbformat
    from jupyter_client.manager import KernelManager
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    km = KernelManager(kernel_name="python3")
    km.start_kernel(cwd=str(path.parent), env=dict(os.environ, MPLBACKEND="Agg"))
    sampler = Sampler(km.provisioner.process.pid)
    sampler.start()
    start = time.perf_counter()
    try:
        NotebookClient(nb, km=km, timeout=timeout, resources={
            "metadata": {"path": str(path.parent)}}).execute()
    finally:
        seconds = time.perf_counter() - start
        peak = sampler.stop()
        km.shutdown_kernel(now=True)
    return peak, seconds


def server_rss() -> int:
    """RSS of an idle ``jupyter server`` (the per-user server a hub starts)."""
    import socket
    import subprocess
    import tempfile

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, JUPYTER_CONFIG_DIR=home, JUPYTER_RUNTIME_DIR=home,
                   JUPYTER_DATA_DIR=home, JUPYTER_TOKEN="x")
        root = ["--allow-root"] if getattr(os, "geteuid", lambda: -1)() == 0 else []
        proc = subprocess.Popen([sys.executable, "-m", "jupyter", "lab", "--no-browser",
                                 f"--port={port}", "--ServerApp.ip=127.0.0.1", *root],
                                env=env, cwd=home, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        try:
            time.sleep(12)
            return rss_bytes(proc.pid)
        finally:
            proc.terminate()
            proc.wait(timeout=20)


def main(argv: list[str] | None = None) -> None:
    wanted = (argv if argv is not None else sys.argv[1:]) or [""]
    paths = [p for p in [*sorted(CHAPTERS.glob("*.ipynb")), *sorted(APPS.glob("*.ipynb"))]
             if any(w in p.name for w in wanted)]
    mib = 2 ** 20
    print(f"{'notebook':<46} {'peak RSS (MiB)':>15} {'run (s)':>8}")
    peaks = []
    for path in paths:
        peak, seconds = peak_of_notebook(path)
        peaks.append(peak)
        name = path.name if path.parent == CHAPTERS else f"apps/{path.name}"
        print(f"{name:<46} {peak / mib:>15.0f} {seconds:>8.1f}", flush=True)
    largest = max(peaks) / mib
    server = server_rss() / mib
    print(f"largest kernel peak: {largest:.0f} MiB; idle JupyterLab server: {server:.0f} MiB")
    # one notebook open at a time (plus the server); a second open kernel counts fully
    print(f"per user, one kernel: {largest + server:.0f} MiB; with a second kernel open: "
          f"{2 * largest + server:.0f} MiB")


if __name__ == "__main__":
    main()
