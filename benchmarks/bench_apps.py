"""App latency: the wijkscan app answers each change of a control.

The app is built once (its tables computed at start, while Voilà shows the loading
message, :func:`wijkwijs.examples.wijkscan.warm_up`); then each control is moved through
its values and ``Explorer.last_update_seconds`` collected (from the change to the new
profile HTML and memo link). The target is a median of 100 ms per change. The start-up
time (building the app, warm-up included) is reported too: it is what the loading
message covers.
"""

from __future__ import annotations

import time

from explorer_timing import moves, row


def main() -> None:
    from wijkwijs.examples import wijkscan as scan
    from wijkwijs.explorers.wijkscan import wijkscan_app

    start = time.perf_counter()
    app = wijkscan_app()
    print(f"wijkscan start-up (tables of {len(scan.source_options())} sources): "
          f"{time.perf_counter() - start:.2f} s")
    ex = app.explorer
    print(f"{'case':<44} {'n':>4} {'median':>9} {'p95':>9} {'max':>9} {'cpu med':>9}  (ms)")
    for source in scan.source_options().values():
        ex.set(source=source)
        codes = list(scan.neighbourhood_options(source).values())[1:41]
        times, cpu = moves(ex, "buurt", codes)
        print(row(f"wijkscan buurt ({source})", times, cpu), flush=True)
    ex.set(source="havenstad-2019")
    times, cpu = moves(ex, "inventory", ["example", "mine", "city"] * 5)
    print(row("wijkscan inventory (havenstad-2019)", times, cpu))
    # A new source redraws twice (its buurt list, then the source itself; the second is a
    # look-up), so the whole change is timed from outside, not by last_update_seconds.
    sources = list(scan.source_options().values())
    times, cpu = [], []
    for source in (sources[1:] + sources[:1]) * 3:
        wall, proc = time.perf_counter(), time.process_time()
        ex.set(source=source)
        times.append(time.perf_counter() - wall)
        cpu.append(time.process_time() - proc)
    print(row("wijkscan source (with its buurt list)", times, cpu))


if __name__ == "__main__":
    main()
