"""App latency: each app answers each change of a control (wijkscan, policy lab, homophily).

The app is built once (its tables computed at start, while Voilà shows the loading
message, :func:`wijkwijs.examples.wijkscan.warm_up`); then each control is moved through
its values and ``Explorer.last_update_seconds`` collected (from the change to the new
profile HTML and memo link). The target is a median of 100 ms per change. The start-up
time (building the app, warm-up included) is reported too: it is what the loading
message covers.

The policy lab redraws its summary cards after every change of an explorer; its rows
time the whole change from outside (the explorer's redraw and the cards), wall-clock
and CPU. Its housing levers look their runs up (made ahead of time,
:mod:`wijkwijs.examples.paradox_lab`), and so does its restructuring explorer: "not shown
before" is the first time the lab draws that run. The homophily app's rows are its
explorers' own times (``last_update_seconds``); a Play tick is one step of Schelling's
model and a new frame.

    python benchmarks/bench_apps.py [wijkscan|policy-lab|homophily]
"""

from __future__ import annotations

import sys
import time

from explorer_timing import moves, row

HEADER = f"{'case':<44} {'n':>4} {'median':>9} {'p95':>9} {'max':>9} {'cpu med':>9}  (ms)"


def whole_changes(explorer, name: str, values) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU seconds of each whole change (explorer and everything after it)."""
    times, cpu = [], []
    for value in values:
        wall, proc = time.perf_counter(), time.process_time()
        explorer.set(**{name: value})
        times.append(time.perf_counter() - wall)
        cpu.append(time.process_time() - proc)
    return times, cpu


def policy_lab() -> None:
    """The policy lab: every control of its four explorers, new runs and cached ones."""
    from wijkwijs.explorers.apps import policy_lab_app
    from wijkwijs.models.paradox import RESTRUCTURING_HOMES, city_zone_names

    start = time.perf_counter()
    lab = policy_lab_app()
    print(f"policy lab start-up (four explorers, the closures computed): "
          f"{time.perf_counter() - start:.2f} s")
    print(HEADER)
    p, r, g, c = lab.paradox, lab.restructuring, lab.growth, lab.closure
    cases = [
        ("lab paradox: year (cached run)", p, "year", [0, 5, 15, 20, 25, 30, 12, 3] * 2),
        ("lab paradox: sales per year (not shown before)", p, "social_sales_per_year",
         [0, 20, 40, 80, 100, 120]),
        ("lab paradox: protected share (not shown before)", p, "protected_share",
         [0.0, 0.1, 0.2, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]),
        ("lab paradox: rent regulation (not shown before)", p, "rent_regulation",
         [0.0, 0.1, 0.2, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]),
        ("lab paradox: new social homes (not shown before)", p, "new_social_per_year",
         [20, 40, 60, 80, 100, 120]),
        ("lab paradox: sales per year (shown before)", p, "social_sales_per_year",
         [0, 20, 40, 80, 100, 120]),  # the other levers set back first
        ("lab restructuring: homes (not shown before)", r, "homes",
         [h for h in RESTRUCTURING_HOMES if h != r.controls["homes"].value]),
        ("lab restructuring: zone (not shown before)", r, "zone",
         [z for z in city_zone_names() if z != r.controls["zone"].value]),
        ("lab growth: demolition year (new runs)", g, "demolition_year", list(range(1, 21))),
        ("lab growth: share moved (new runs)", g, "share_moved",
         [0.1, 0.2, 0.3, 0.4, 0.6, 0.7, 0.8, 0.9, 1.0]),
        ("lab closure: organisation", c, "organisation",
         [v for _, v in c.controls["organisation"].options][1:] * 2),
        ("lab closure: referral steps k", c, "k", [1, 3, 4, 2] * 5),
    ]
    cards = []
    for label, explorer, name, values in cases:
        if "shown before)" in label and "not shown" not in label:
            p.set(protected_share=0.3, rent_regulation=0.3, new_social_per_year=0)
        times, cpu = [], []
        for value in values:
            t, c = whole_changes(explorer, name, [value])
            times += t
            cpu += c
            cards.append(lab.last_summary_seconds)
        print(row(label, times, cpu), flush=True)
    print(row("  of which the summary cards (every change)", cards), flush=True)


def homophily() -> None:
    """Schelling and ties: the sliders, and the Play control's ticks."""
    from wijkwijs.explorers.apps import homophily_app

    start = time.perf_counter()
    app = homophily_app()
    print(f"homophily start-up: {time.perf_counter() - start:.2f} s")
    print(HEADER)
    s, t = app.schelling, app.ties
    for label, explorer, name, values in [
        ("homophily schelling: threshold", s, "threshold", [0.2, 0.35, 0.4, 0.5, 0.6, 0.3] * 2),
        ("homophily schelling: vacancy", s, "vacancy", [0.04, 0.06, 0.2, 0.3, 0.1] * 2),
        ("homophily schelling: radius", s, "radius", [2, 3, 1] * 3),
        ("homophily schelling: diversity wish", s, "max_similar", [0.9, 0.8, 0.7, 1.0] * 2),
        ("homophily ties: homophily", t, "homophily", [0.0, 0.5, 1.5, 2.0, 3.0, 1.0] * 2),
        ("homophily ties: shared places", t, "bridging", [1, 2, 4, 8, 0] * 2),
        ("homophily ties: hunkering down", t, "hunkering", [0.5, 1.0, 2.0, 3.0, 0.0] * 2),
    ]:
        print(row(label, *moves(explorer, name, values)), flush=True)
    s.set(threshold=0.3)
    times, cpu = [], []
    for tick in range(1, 41):  # what Play does every 50 ms: value + 1
        proc = time.process_time()
        s.play.value = tick
        cpu.append(time.process_time() - proc)
        times.append(s.last_update_seconds)
    print(row("homophily schelling: Play tick (one step)", times, cpu), flush=True)


def wijkscan() -> None:
    from wijkwijs.examples import wijkscan as scan
    from wijkwijs.explorers.wijkscan import wijkscan_app

    start = time.perf_counter()
    app = wijkscan_app()
    print(f"wijkscan start-up (tables of {len(scan.source_options())} sources): "
          f"{time.perf_counter() - start:.2f} s")
    ex = app.explorer
    print(HEADER)
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


APPS = {"wijkscan": wijkscan, "policy-lab": policy_lab, "homophily": homophily}


def main(names: list[str] | None = None) -> None:
    """Time every app (or those named)."""
    for name in names or list(APPS):
        APPS[name]()
        print()


if __name__ == "__main__":
    main(sys.argv[1:])
