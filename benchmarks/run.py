"""Runs numc's benchmarks beside NumPy and prints medians and ratios.

    python benchmarks/run.py [--json FILE] [--filter TEXT]
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from harness import compare, report  # noqa: E402

import bench_arith  # noqa: E402
import bench_manip  # noqa: E402

SUITES = [bench_arith, bench_manip]


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--json", help="also write the results as JSON to this file")
    p.add_argument("--filter", default="", help="only cases whose name contains this")
    p.add_argument("--rounds", type=int, default=15)
    args = p.parse_args()
    results = []
    for suite in SUITES:
        for name, np_fn, nc_fn in suite.cases():
            if args.filter in name:
                results.append(compare(name, np_fn, nc_fn, rounds=args.rounds))
    report(results, args.json)


if __name__ == "__main__":
    main()
