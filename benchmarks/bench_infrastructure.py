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

import functools
import statistics
import time

from explorer_timing import moves
from explorer_timing import row as _row_44

row = functools.partial(_row_44, width=52)  # this table's labels are longer


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
    print(row("ch6 closure: organisation (all 16 options, twice)",
               *moves(closure, "organisation", organisations[1:] + organisations)), flush=True)
    print(row("ch6 closure: referral steps k", *moves(closure, "k", [1, 3, 4, 2] * 5)),
          flush=True)
    growth = growth_explorer()
    print(row("ch6 growth: encounter rate (new runs)",
               *moves(growth, "encounter_rate", [0.25 * i for i in range(2, 13)])), flush=True)
    print(row("ch6 growth: demolition year (new runs)",
               *moves(growth, "demolition_year", list(range(1, 26)))), flush=True)
    print(row("ch6 growth: homophily (new runs)",
               *moves(growth, "homophily", [0.1 * i for i in range(0, 11) if i != 5])),
          flush=True)
    print(row("ch6 growth: years (new runs)",
               *moves(growth, "years", [10, 15, 20, 30, 35, 40])), flush=True)

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
    print(row("closure kernel: ReachableHelp.effect", timed_fast))
    print(row("  reference: removal_effect", timed_plain))
    print(f"  -> {statistics.median(timed_plain) / statistics.median(timed_fast):.0f}x faster "
          "(median)")


if __name__ == "__main__":
    main()
