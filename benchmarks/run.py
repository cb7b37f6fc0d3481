"""Runs numc's benchmarks beside NumPy and prints medians and ratios.

    python benchmarks/run.py [--json FILE] [--filter TEXT] [--suite NAME] [--threads N]

numc uses its thread pool (all available CPUs unless NUMC_NUM_THREADS or
--threads says otherwise); NumPy runs element-wise work on one thread.  Use
--threads 1 to compare single-threaded code paths.

Every benchmarks/bench_*.py module that defines `cases()` is a suite; each
case is (name, numpy_callable, numc_callable).  Modules without `cases` are
stand-alone scripts (e.g. bench_loops.py times kernels directly).
"""
import argparse
import importlib
import os
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from harness import compare, report  # noqa: E402


def suites():
    for path in sorted(HERE.glob("bench_*.py")):
        if "def cases" in path.read_text():
            yield path.stem, importlib.import_module(path.stem)


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--json", help="also write the results as JSON to this file")
    p.add_argument("--filter", default="", help="only cases whose name contains this")
    p.add_argument("--suite", default="", help="only suites whose module name contains this")
    p.add_argument("--rounds", type=int, default=15)
    p.add_argument("--threads", type=int, default=0, help="numc's thread count (default: all)")
    args = p.parse_args()
    import numc
    if args.threads:
        numc.set_num_threads(args.threads)
    print(f"numc threads: {numc.get_num_threads()}")
    results = []
    for name, suite in suites():
        if args.suite not in name:
            continue
        for case, np_fn, nc_fn in suite.cases():
            if args.filter in case:
                results.append(compare(case, np_fn, nc_fn, rounds=args.rounds))
    report(results, args.json)


if __name__ == "__main__":
    main()
