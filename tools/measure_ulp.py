#!/usr/bin/env python3
"""Measures the maximum error, in ulps, of numc's exp, log, sin, cos, tanh,
exp2, expm1, log2, log10, log1p, sinh, cosh, arcsinh, arccosh, arctanh,
cbrt, tan, arctan, arcsin, arccos and arctan2 (float64 and float32) and of
NumPy's, over millions of inputs: random ones
in several ranges, random bit patterns (every exponent, subnormals
included), points next to multiples of pi/2 and edge cases.

The reference is long double libm through NumPy (x86-64: 64-bit mantissa,
so its own error is ~2^-11 ulp of a double) for float64 and float64 libm
for float32.  An ulp is 2^(e - p) for the reference's binade (e = exponent,
p = 52 or 23), never below the smallest subnormal.

Usage: python3 tools/measure_ulp.py [--n 2000000] [--markdown] [--funcs exp2,tan,arctan2]
Set NUMC_NO_SIMD=1 to measure the portable libm path instead.
"""
import argparse

import numpy as np

import numc

FUNCS = ["exp", "log", "sin", "cos", "tanh", "exp2", "expm1", "log2", "log10", "log1p",
         "sinh", "cosh", "arcsinh", "arccosh", "arctanh", "cbrt", "tan", "arctan", "arcsin",
         "arccos", "arctan2"]


def inputs(name, dtype, n, rng):
    f = np.dtype(dtype).type
    parts = []
    if dtype == "float64":
        bits = rng.integers(0, 0x7FF0000000000000, n // 4, dtype=np.int64).view(np.float64)
    else:
        bits = rng.integers(0, 0x7F800000, n // 4, dtype=np.int32).view(np.float32)
    big = np.finfo(dtype).max
    if name == "exp":
        hi = 709.8 if dtype == "float64" else 88.8
        lo = -745.2 if dtype == "float64" else -104.0
        parts += [rng.uniform(lo, hi, n // 2), rng.uniform(-1, 1, n // 4),
                  np.concatenate([bits, -bits])[: n // 4] * 1e-300 if dtype == "float64"
                  else np.concatenate([bits, -bits])[: n // 4] * f(1e-30)]
    elif name == "log":
        parts += [bits, rng.uniform(0.5, 2.0, n // 4), rng.uniform(0, 1e6, n // 4),
                  1 + rng.uniform(-1e-6, 1e-6, n // 4)]
    elif name in ("sin", "cos"):
        k = rng.integers(1, 1 << 20, n // 8).astype(np.float64)
        near = (k * (np.pi / 2)).astype(dtype)
        near = np.concatenate([near, np.nextafter(near, np.inf), np.nextafter(near, -np.inf)])
        parts += [rng.uniform(-np.pi, np.pi, n // 4), rng.uniform(-1e5, 1e5, n // 8),
                  rng.uniform(-2.0**20, 2.0**20, n // 8), near,
                  bits[: n // 8], -bits[: n // 16]]
    elif name == "tan":
        k = rng.integers(1, 1 << 20, n // 8).astype(np.float64)
        near = (k * (np.pi / 2)).astype(dtype)
        near = np.concatenate([near, np.nextafter(near, np.inf), np.nextafter(near, -np.inf)])
        parts += [rng.uniform(-np.pi, np.pi, n // 4), rng.uniform(-1e5, 1e5, n // 8),
                  rng.uniform(-0.8, 0.8, n // 8), near, bits[: n // 8], -bits[: n // 16]]
    elif name == "arctan":
        parts += [rng.uniform(-3, 3, n // 4), rng.uniform(-1, 1, n // 4),
                  1 / rng.uniform(-1, 1, n // 8), bits[: n // 4], -bits[: n // 8]]
    elif name in ("arcsin", "arccos"):
        parts += [rng.uniform(-1, 1, n // 2), rng.uniform(0.45, 0.55, n // 8),
                  -rng.uniform(0.45, 0.55, n // 8), 1 - rng.uniform(0, 1e-6, n // 8),
                  rng.uniform(-1, 1, n // 8) * 1e-3,
                  np.concatenate([bits, -bits])[: n // 8] * (1e-300 if dtype == "float64"
                                                              else np.float32(1e-30))]
    elif name == "tanh":
        parts += [rng.uniform(-25, 25, n // 4), rng.uniform(-1, 1, n // 4),
                  rng.uniform(-0.01, 0.01, n // 8), bits[: n // 8], -bits[: n // 8]]
    elif name == "exp2":
        hi = 1024.0 if dtype == "float64" else 128.0
        lo = -1075.0 if dtype == "float64" else -150.0
        parts += [rng.uniform(lo, hi, n // 2), rng.uniform(-1, 1, n // 4), bits[: n // 8],
                  -bits[: n // 8]]
    elif name in ("expm1", "sinh", "cosh"):
        hi = 710.5 if dtype == "float64" else 89.5
        parts += [rng.uniform(-hi, hi, n // 4), rng.uniform(-2, 2, n // 4),
                  rng.uniform(-0.02, 0.02, n // 8), np.exp(rng.uniform(-60, 0, n // 8)),
                  -np.exp(rng.uniform(-60, 0, n // 8)), bits[: n // 16], -bits[: n // 16]]
    elif name in ("log2", "log10"):
        parts += [bits, rng.uniform(0.5, 2.0, n // 4), rng.uniform(0, 1e6, n // 4),
                  1 + rng.uniform(-1e-6, 1e-6, n // 4), 10.0 ** rng.integers(-300, 300, 1000)]
    elif name == "log1p":
        parts += [bits[: n // 8], rng.uniform(-1, 1, n // 4), rng.uniform(-1, 10, n // 4),
                  -1 + np.exp(rng.uniform(-36, 0, n // 8)), np.exp(rng.uniform(-60, 0, n // 8)),
                  -np.exp(rng.uniform(-60, -1, n // 8))]
    elif name == "arcsinh":
        parts += [rng.uniform(-3, 3, n // 4), rng.uniform(-0.1, 0.1, n // 8),
                  np.exp(rng.uniform(-60, 30, n // 4)), -np.exp(rng.uniform(-60, 30, n // 8)),
                  bits[: n // 8], -bits[: n // 8]]
    elif name == "arccosh":
        parts += [1 + rng.uniform(0, 3, n // 4), 1 + np.exp(rng.uniform(-50, 0, n // 4)),
                  np.exp(rng.uniform(0, 30, n // 4)), 1 + bits[: n // 4]]
    elif name == "arctanh":
        parts += [rng.uniform(-1, 1, n // 4), rng.uniform(-0.1, 0.1, n // 8),
                  1 - np.exp(rng.uniform(-36, 0, n // 4)), -np.exp(rng.uniform(-60, 0, n // 8)),
                  bits[: n // 8] * 1e-300 if dtype == "float64" else bits[: n // 8] * f(1e-38)]
    elif name == "cbrt":
        parts += [bits, -bits[: n // 4], rng.uniform(-10, 10, n // 4),
                  np.arange(-1000, 1000, dtype=np.float64) ** 3]
    edge = [0.0, -0.0, 1.0, -1.0, 0.5, 2.0, np.pi, -np.pi, 708.0, -708.0, 709.78, -745.1,
            88.72, -87.3, -103.9, 22.0, -22.0, 2.0**20, 2.0**-1022, 5e-324, 1e-310, big, -big]
    parts.append(np.array(edge))
    x = np.concatenate([np.asarray(p, dtype=np.float64) for p in parts]).astype(dtype)
    x = x[np.isfinite(x)]
    if name in ("log", "log2", "log10"):
        x = x[x > 0]
    elif name in ("arcsin", "arccos"):
        x = x[np.abs(x) <= 1]
    elif name == "log1p":
        x = x[x > -1]
    elif name == "arccosh":
        x = x[x >= 1]
    elif name == "arctanh":
        x = x[np.abs(x) < 1]
    return x


def inputs2(dtype, n, rng):
    """(y, x) pairs for arctan2: every quadrant, ratios near the interval
    bounds (7/16, 11/16, 1), wide exponent ranges."""
    m = n // 4
    y = [rng.uniform(-1, 1, m), rng.standard_normal(m) * np.exp(rng.uniform(-40, 40, m))]
    x = [rng.uniform(-1, 1, m), rng.standard_normal(m) * np.exp(rng.uniform(-40, 40, m))]
    t = rng.choice([7 / 16, 11 / 16, 1.0, 16 / 7, 16 / 11], m) * (1 + rng.uniform(-1e-3, 1e-3, m))
    xx = rng.uniform(-10, 10, m)
    y.append(t * xx)
    x.append(xx)
    yb = rng.uniform(-1, 1, m) * 2.0 ** rng.integers(-300, 300, m)
    y.append(yb)
    x.append(rng.uniform(-1, 1, m) * 2.0 ** rng.integers(-300, 300, m))
    with np.errstate(over="ignore"):
        y = np.concatenate(y).astype(dtype)
        x = np.concatenate(x).astype(dtype)
    ok = np.isfinite(y) & np.isfinite(x)
    return y[ok], x[ok]


def ulp_error(res, ref, dtype):
    p = 52 if dtype == "float64" else 23
    emin = -1074 if dtype == "float64" else -149
    ref = np.asarray(ref, dtype=np.longdouble)
    res = np.asarray(res).astype(np.longdouble)
    _, e = np.frexp(ref)
    ulp = np.ldexp(np.longdouble(1), np.maximum(e.astype(np.int64) - 1 - p, emin))
    err = np.abs(res - ref) / ulp
    same = (res == ref) | (np.isinf(res) & (res == ref))
    # a finite reference beyond the type's range rounds to inf: no error there
    over = np.isinf(res) & (np.abs(ref) >= np.longdouble(np.finfo(dtype).max))
    err[same | over] = 0
    return err


def measure(n, seed=0, funcs=FUNCS):
    rng = np.random.default_rng(seed)
    rows = []
    for name in funcs:
        for dtype in ("float64", "float32"):
            wide = np.longdouble if dtype == "float64" else np.float64
            if name == "arctan2":
                y, x = inputs2(dtype, n, rng)
                ref = np.arctan2(y.astype(wide), x.astype(wide))
                ours = np.asarray(numc.arctan2(numc.asarray(y), numc.asarray(x)).tolist(),
                                  dtype=dtype)
                with np.errstate(all="ignore"):
                    theirs = np.arctan2(y, x)
            else:
                x = inputs(name, dtype, n, rng)
                with np.errstate(all="ignore"):
                    ref = getattr(np, name)(x.astype(wide))
                with numc.errstate(all="ignore"):
                    ours = np.asarray(getattr(numc, name)(numc.asarray(x)).tolist(),
                                      dtype=dtype)
                with np.errstate(all="ignore"):
                    theirs = getattr(np, name)(x)
            e_ours, e_np = ulp_error(ours, ref, dtype), ulp_error(theirs, ref, dtype)
            worst = x[np.argmax(e_ours)] if name != "arctan2" else (
                float(y[np.argmax(e_ours)]), float(x[np.argmax(e_ours)]))
            rows.append((name, dtype, len(x), float(e_ours.max()), float(e_np.max()),
                         worst if isinstance(worst, tuple) else float(worst)))
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=2_000_000)
    ap.add_argument("--markdown", action="store_true")
    ap.add_argument("--funcs", default=",".join(FUNCS))
    args = ap.parse_args()
    rows = measure(args.n, funcs=args.funcs.split(","))
    if args.markdown:
        print("| function | dtype | inputs | numc max ulp | NumPy max ulp | numc worst input |")
        print("|---|---|---|---|---|---|")
        for r in rows:
            print("| %s | %s | %d | %.3f | %.3f | %r |" % r)
    else:
        for r in rows:
            print("%-7s %-8s n=%-9d numc %.3f ulp  numpy %.3f ulp  (worst at %r)" % r)


if __name__ == "__main__":
    main()
