#!/usr/bin/env python3
"""Times libnumc's inner loops against NumPy's ufuncs, side by side.

Usage: benchmarks/bench_loops.py BUILD_DIR [N]

Each case calls one loop directly (ctypes, no driver) on N contiguous
elements (default 100000, cache-resident) and NumPy's ufunc with out= given,
interleaved, and prints the medians and numc/NumPy ratios (< 1: numc is
faster).  It measures kernels only: the driver, allocation and Python call
overheads are not in it.  BUILD_DIR must be a release build.
"""
import ctypes
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "tools"))
import check_loops_numpy as chk  # noqa: E402

CASES = [
    # ufunc, signature, layout ('c' contiguous, 's0' scalar second input, 'st' strided 2)
    ("add", "dd->d", "c"), ("add", "ff->f", "c"), ("add", "ll->l", "c"), ("add", "bb->b", "c"),
    ("add", "dd->d", "s0"), ("add", "dd->d", "st"), ("multiply", "ii->i", "c"),
    ("multiply", "HH->H", "c"), ("divide", "dd->d", "c"), ("add", "ee->e", "c"),
    ("multiply", "DD->D", "c"), ("multiply", "FF->F", "c"), ("divide", "DD->D", "c"),
    ("absolute", "D->d", "c"), ("absolute", "d->d", "c"), ("negative", "i->i", "c"),
    ("absolute", "b->b", "c"), ("less", "dd->?", "c"), ("less", "ff->?", "c"),
    ("equal", "ll->?", "c"), ("less", "ee->?", "c"), ("maximum", "dd->d", "c"),
    ("maximum", "ff->f", "c"), ("maximum", "ii->i", "c"), ("minimum", "BB->B", "c"),
    ("logical_and", "??->?", "c"), ("logical_not", "d->?", "c"), ("bitwise_and", "ll->l", "c"),
    ("left_shift", "ii->i", "c"), ("right_shift", "ll->l", "c"), ("floor_divide", "ll->l", "c"),
    ("floor_divide", "ll->l", "s0"), ("floor_divide", "ii->i", "s0"), ("remainder", "hh->h", "s0"),
    ("remainder", "ii->i", "c"), ("floor_divide", "dd->d", "c"),
    ("remainder", "dd->d", "c"), ("power", "dd->d", "c"), ("power", "dd->d", "s0"),
    ("power", "ll->l", "s0"), ("maximum", "DD->D", "c"), ("less", "DD->?", "c"),
    ("add", "dd->d", "reduce"), ("add", "ff->f", "reduce"),
]

NPCHAR = {"l": "q", "L": "Q"}


def timeit(fn, reps=7, inner=20):
    ts = []
    for _ in range(reps):
        t0 = time.perf_counter()
        for _ in range(inner):
            fn()
        ts.append((time.perf_counter() - t0) / inner)
    return ts


def main():
    lib = chk.load(sys.argv[1])
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 100000
    rng = np.random.default_rng(0)
    print(f"{'case':28s} {'numc us':>9s} {'numpy us':>9s} {'ratio':>6s}")
    for name, sig, layout in CASES:
        uf = lib.nc_ufunc_at(chk.find(lib, name))[0]
        lp = None
        for j in range(uf.nloops):
            cand = uf.loops[j]
            s = "".join(np.dtype(chk.NP_TYPES[cand.types[k]]).char for k in range(uf.nin)) + "->" + \
                "".join(np.dtype(chk.NP_TYPES[cand.types[uf.nin + k]]).char for k in range(uf.nout))
            if s.replace("q", "l").replace("Q", "L") == sig:
                lp = cand
        tin = [np.dtype(chk.NP_TYPES[lp.types[k]]) for k in range(uf.nin)]
        tout = [np.dtype(chk.NP_TYPES[lp.types[uf.nin + k]]) for k in range(uf.nout)]
        ins = [chk.randoms(t, 2 * n, rng) for t in tin]
        if name in ("power",) and tin[0].kind in "iu":
            ins[1][:] = 3
        if name in ("floor_divide", "remainder") and tin[0].kind in "iu":
            ins[1][ins[1] == 0] = 7
            if layout == "s0":
                ins[1][:] = 7
        if name in ("left_shift", "right_shift"):
            ins[1] = (np.abs(ins[1]) % 8).astype(tin[1])
        if layout == "s0" and name == "power" and tin[0].kind == "f":
            ins[1][:] = 3.0
        outs = [np.empty(2 * n, t) for t in tout]
        npf = getattr(np, name)
        if layout == "reduce":
            x = ins[0][:n]
            acc = np.zeros(1, tin[0])
            ptrs = (ctypes.c_void_p * 3)(acc.ctypes.data, x.ctypes.data, acc.ctypes.data)
            steps = (ctypes.c_ssize_t * 3)(0, tin[0].itemsize, 0)
            npcall = lambda: npf.reduce(x)  # noqa: E731
        else:
            step = 2 if layout == "st" else 1
            views = [a[::step][:n] for a in ins]
            ovs = [o[::step][:n] for o in outs]
            if layout == "s0":
                views[1] = views[1][:1]
            ptrs = (ctypes.c_void_p * (len(views) + len(ovs)))(*[v.ctypes.data for v in views + ovs])
            steps = (ctypes.c_ssize_t * (len(views) + len(ovs)))(
                *[(0 if (layout == "s0" and k == 1) else v.dtype.itemsize * step)
                  for k, v in enumerate(views + ovs)])
            npviews = list(views)
            if layout == "s0":
                npviews[1] = views[1][0]
            npsig = "".join(NPCHAR.get(c, c) if "lL" in sig else c for c in sig)
            kw = {"signature": npsig} if ("lL" in sig or "Ll" in sig) else {}
            npcall = lambda: npf(*npviews, out=tuple(ovs), **kw)  # noqa: E731
        nn = (ctypes.c_ssize_t * 1)(n)
        fn = lp.fn
        mycall = lambda: fn(ptrs, nn, steps, None)  # noqa: E731
        mine, theirs = [], []
        with np.errstate(all="ignore"):
            for _ in range(3):
                mine += timeit(mycall)
                theirs += timeit(npcall)
        m, t = np.median(mine) * 1e6, np.median(theirs) * 1e6
        print(f"{name + ' ' + sig + ' ' + layout:28s} {m:9.1f} {t:9.1f} {m / t:6.2f}", flush=True)


if __name__ == "__main__":
    main()
