"""Chapter 6 explorer latency, and the closure kernel against the plain measure.

Each explorer is built once (the closure explorer computes every state of its controls
then: the routes for each k and each candidate's closure); then a control is moved
through a sequence of values and ``Explorer.last_update_seconds`` (measured inside the
explorer, from the change to the new PNG and table) is collected. The target is 100 ms
(median) per change. The growth explorer runs the model anew for every new setting (a
run is cached by its parameters, so only the first visit of a setting is timed here:
the values are all different).

The reference for the closure numbers is :func:`wijkwijs.networks.removal_effect` (two
passes of ``reachable_services`` through pandas and networkx), timed in the same run
against :class:`wijkwijs.networks.ReachableHelp`, which the explorer uses.
"""

from __future__ import annotations

import statistics
import time


def _moves(explorer, name: str, values) -> tuple[list[float], list[float]]:
    """Wall-clock seconds of each update (the explorer's own), and this process's CPU time."""
    times, cpu = [], []
    for value in values:
        start = time.process_time()
        explorer.set(**{name: value})
        cpu.append(time.process_time() - start)
        times.append(explorer.last_update_seconds)
    return times, cpu


def _row(label: str, times: list[float], cpu: list[float] | None = None) -> str:
    """Median, 95th percentile and maximum in ms, and the median CPU time (robust to a busy
    machine, where other processes stretch the wall-clock time)."""
    ms = sorted(t * 1000 for t in times)
    p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
    cpu_ms = f"{1000 * statistics.median(cpu):>9.1f}" if cpu else f"{'':>9}"
    return (f"{label:<52} {len(ms):>4} {statistics.median(ms):>9.1f} {p95:>9.1f} "
            f"{ms[-1]:>9.1f} {cpu_ms}")


def main() -> None:
    from wijkwijs import networks
    from wijkwijs.explorers.infrastructure import closure_explorer, growth_explorer
    from wijkwijs.havenstad import havenstad_households, havenstad_participation
    from wijkwijs.havenstad import infrastructure as hi

    print(f"{'explorer: control':<52} {'n':>4} {'median ms':>9} {'p95 ms':>9} {'max ms':>9} "
          f"{'cpu ms':>9}")
    start = time.perf_counter()
    closure = closure_explorer()
    print(f"(closure explorer built in {time.perf_counter() - start:.1f} s)")
    organisations = [v for _, v in closure.controls["organisation"].options]
    print(_row("ch6 closure: organisation (all 16 options, twice)",
               *_moves(closure, "organisation", organisations[1:] + organisations)), flush=True)
    print(_row("ch6 closure: referral steps k", *_moves(closure, "k", [1, 3, 4, 2] * 5)),
          flush=True)
    growth = growth_explorer()
    print(_row("ch6 growth: encounter rate (new runs)",
               *_moves(growth, "encounter_rate", [0.25 * i for i in range(2, 13)])), flush=True)
    print(_row("ch6 growth: demolition year (new runs)",
               *_moves(growth, "demolition_year", list(range(1, 26)))), flush=True)
    print(_row("ch6 growth: homophily (new runs)",
               *_moves(growth, "homophily", [0.1 * i for i in range(0, 11) if i != 5])),
          flush=True)
    print(_row("ch6 growth: years (new runs)",
               *_moves(growth, "years", [10, 15, 20, 30, 35, 40])), flush=True)

    # the kernel: one closure by ReachableHelp against removal_effect
    year = 2019
    p = havenstad_participation()
    part = p[(p["start_year"] <= year) & (p["end_year"] >= year)]
    edges, services = hi.referral_edges(year), hi.service_ids(year)
    households = havenstad_households(year)["household_id"]
    candidates = list(hi.closure_candidates(year).index)[:8]
    fast = networks.ReachableHelp(part, edges, services, k=2, households=households)
    timed_fast, timed_plain = [], []
    for c in candidates:  # interleaved, so both see the same load
        t = time.perf_counter()
        fast.effect(c)
        timed_fast.append(time.perf_counter() - t)
        t = time.perf_counter()
        networks.removal_effect(part, edges, services, c, k=2, households=households)
        timed_plain.append(time.perf_counter() - t)
    print(_row("closure kernel: ReachableHelp.effect", timed_fast))
    print(_row("  reference: removal_effect", timed_plain))
    print(f"  -> {statistics.median(timed_plain) / statistics.median(timed_fast):.0f}x faster "
          "(median)")


if __name__ == "__main__":
    main()
