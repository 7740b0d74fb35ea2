"""Our addons against vanilla Odoo, on the same data, in one run.

    make bench                      # every scenario, size "small"
    make bench ARGS="--size full pos_load shop_anonymous"
    .venv/bin/python -m bench --help

Two databases hold the same data: *vanilla* (the Odoo modules our addons
depend on, filled by ``bench.datagen`` with a seed) and *ours* (a copy of it
on which our four addons are then installed). Both are cached by a key (addons, Odoo
version, size, seed, generator), so a rerun measures at once.

Each scenario runs a warm-up on each database, then alternates A B A B... so
that machine noise hits both sides alike. The report gives per scenario the
median and min-max wall time of each side, the median of the pairwise ratios
ours/vanilla, and the SQL query counts (Odoo's own counters). Results go to
the screen and to ``bench/results/<date>-<size>.json`` (not committed).
"""

import argparse
import json
import os
import time
from datetime import datetime
from pathlib import Path

from bench import scenarios
from bench.common import (
    RESULTS,
    Server,
    coop,
    datagen,
    measure_in_process,
    odoo_env_setup,
    prepare_databases,
    print_table,
    run_scenario,
    summarize,
)


def main(argv=None):
    all_scenarios = [*scenarios.IN_PROCESS, *scenarios.HTTP]
    parser = argparse.ArgumentParser(
        prog="python -m bench", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "scenarios", nargs="*", help=f"default: all ({', '.join(all_scenarios)})"
    )
    parser.add_argument("--size", choices=sorted(datagen.SIZES), default="small")
    parser.add_argument("--runs", type=int, default=5, help="measured runs per side")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument(
        "--companies",
        type=int,
        default=1,
        help="platforms of the network in the database (the measures are the"
        " first one's; the others hold their share of the members, their"
        " register, fund, website and open cycle)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        help="results file (default: bench/results/<date>-<size>.json)",
    )
    args = parser.parse_args(argv)
    names = args.scenarios or all_scenarios
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    unknown = set(names) - set(all_scenarios)
    if unknown:
        parser.error(f"unknown scenario(s): {', '.join(sorted(unknown))}")

    dbs = dict(
        zip(
            ("vanilla", "ours"),
            prepare_databases(args.size, args.seed, args.companies),
            strict=True,
        )
    )
    odoo = odoo_env_setup()
    rows = []
    servers = {}
    try:
        for name in names:
            if name in scenarios.IN_PROCESS:
                func = scenarios.IN_PROCESS[name]
                sides = {
                    side: (
                        lambda tag, db=db, func=func: measure_in_process(
                            odoo, db, func, args.size
                        )
                    )
                    for side, db in dbs.items()
                    if side == "ours" or name not in scenarios.OURS_ONLY
                }
            else:
                import requests

                if not servers:
                    servers.update({side: Server(db) for side, db in dbs.items()})
                    for server in servers.values():
                        server.wait()
                func = scenarios.HTTP[name]
                sessions = {side: requests.Session() for side in dbs}

                def http_run(tag, side, func=func, sessions=sessions):
                    server = servers[side]
                    start = time.perf_counter()
                    response = func(sessions[side], server.url, tag)
                    seconds = time.perf_counter() - start
                    response.raise_for_status()
                    return seconds, server.query_count(tag), {}

                sides = {
                    side: (lambda tag, side=side, run=http_run: run(tag, side))
                    for side in dbs
                }
            coop.say(f"bench: {name} ({args.runs} runs per side, alternating)")
            samples, info = run_scenario(name, sides, args.runs, args.size, odoo)
            row = summarize(name, samples)
            row["info"] = info
            row["samples"] = samples
            rows.append(row)
    finally:
        for server in servers.values():
            server.stop()

    print()
    print_table(rows)
    RESULTS.mkdir(exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    network = f"-{args.companies}companies" if args.companies > 1 else ""
    out = args.out or RESULTS / f"{stamp}-{args.size}{network}.json"
    out.write_text(
        json.dumps(
            {
                "date": stamp,
                "size": args.size,
                "seed": args.seed,
                "companies": args.companies,
                "runs": args.runs,
                "databases": dbs,
                "cpu_count": os.cpu_count(),
                "results": rows,
            },
            indent=2,
        )
    )
    coop.say(f"bench: results in {out}")
    return rows


if __name__ == "__main__":
    main()
