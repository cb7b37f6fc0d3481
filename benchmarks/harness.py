"""Side-by-side timing of numc and NumPy in one process.

Each case gives a NumPy callable and a numc callable doing the same work.
Calls are timed in interleaved rounds (numpy, numc, numpy, numc, ...) so that
machine noise hits both alike; the report gives per-call medians and the
ratio numpy_time / numc_time (> 1 means numc is faster).
"""
import json
import statistics
import time


def _calls_per_round(fn, target_s=0.01):
    n = 1
    while True:
        t0 = time.perf_counter()
        for _ in range(n):
            fn()
        dt = time.perf_counter() - t0
        if dt >= target_s or n >= 1 << 22:
            return n
        n *= 2 if dt == 0 else max(2, min(100, int(target_s / dt) + 1))


def _round(fn, n):
    t0 = time.perf_counter()
    for _ in range(n):
        fn()
    return (time.perf_counter() - t0) / n


def compare(name, np_fn, nc_fn, rounds=15):
    """Times both callables; returns a result dict."""
    np_fn(), nc_fn()  # warm up (allocator pools, page faults, caches)
    n_np, n_nc = _calls_per_round(np_fn), _calls_per_round(nc_fn)
    t_np, t_nc = [], []
    for _ in range(rounds):
        t_np.append(_round(np_fn, n_np))
        t_nc.append(_round(nc_fn, n_nc))
    m_np, m_nc = statistics.median(t_np), statistics.median(t_nc)
    return {"case": name, "numpy_s": m_np, "numc_s": m_nc, "speedup": m_np / m_nc}


def _fmt_time(s):
    for unit, scale in (("s", 1), ("ms", 1e-3), ("us", 1e-6), ("ns", 1e-9)):
        if s >= scale:
            return f"{s / scale:8.2f} {unit}"
    return f"{s / 1e-9:8.2f} ns"


def report(results, json_path=None):
    width = max(len(r["case"]) for r in results)
    print(f"{'case':<{width}}  {'numpy':>11}  {'numc':>11}  {'numpy/numc':>10}")
    for r in results:
        flag = "" if r["speedup"] >= 1 else "  <- slower"
        print(f"{r['case']:<{width}}  {_fmt_time(r['numpy_s'])}  {_fmt_time(r['numc_s'])}  "
              f"{r['speedup']:9.2f}x{flag}")
    if json_path:
        with open(json_path, "w") as f:
            json.dump(results, f, indent=2)
