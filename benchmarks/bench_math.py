"""Benchmarks of the vectorised math ufuncs exp, sin, log, tanh (issue 3,
math-simd), exp2, expm1, log2, log10, log1p, sinh, cosh, arcsinh, arccosh,
arctanh, cbrt, tan, arctan, arcsin, arccos and arctan2 on 1M float64 and
float32 elements, with a preallocated output
so that page faults of fresh outputs do not hide the kernels' speed.

NumPy's float64 exp/log have SIMD loops only with AVX-512 (SVML), and its
sin/cos SIMD loops only for float32; to see NumPy as it runs on an AVX2-only
CPU on a machine with AVX-512, run with
NPY_DISABLE_CPU_FEATURES="X86_V4 AVX512_ICL AVX512_SPR" (NumPy 2.4's names).
"""
import numpy

import numc


def cases():
    rng = numpy.random.default_rng(0)
    out = []
    for dtype in ("float64", "float32"):
        for name, lo, hi in (("exp", -50, 50), ("sin", -100, 100), ("log", 1e-3, 1e3),
                             ("tanh", -5, 5), ("exp2", -50, 50), ("expm1", -5, 5),
                             ("log2", 1e-3, 1e3), ("log10", 1e-3, 1e3), ("log1p", -0.5, 10),
                             ("sinh", -20, 20), ("cosh", -20, 20), ("arcsinh", -100, 100),
                             ("arccosh", 1, 100), ("arctanh", -0.99, 0.99),
                             ("cbrt", -1e3, 1e3)):
            x = rng.uniform(lo, hi, 1_000_000).astype(dtype)
            cx = numc.asarray(x)
            o, co = numpy.empty_like(x), numc.asarray(numpy.empty_like(x))
            np_f, nc_f = getattr(numpy, name), getattr(numc, name)
            out.append((f"{name} {dtype} n=1M",
                        lambda x=x, o=o, f=np_f: f(x, out=o),
                        lambda x=cx, o=co, f=nc_f: f(x, out=o)))
        for name, lo, hi in (("tan", -100, 100), ("arctan", -10, 10), ("arcsin", -1, 1),
                             ("arccos", -1, 1)):
            x = rng.uniform(lo, hi, 1_000_000).astype(dtype)
            cx = numc.asarray(x)
            o, co = numpy.empty_like(x), numc.asarray(numpy.empty_like(x))
            np_f, nc_f = getattr(numpy, name), getattr(numc, name)
            out.append((f"{name} {dtype} n=1M",
                        lambda x=x, o=o, f=np_f: f(x, out=o),
                        lambda x=cx, o=co, f=nc_f: f(x, out=o)))
        y = rng.uniform(-10, 10, 1_000_000).astype(dtype)
        x = rng.uniform(-10, 10, 1_000_000).astype(dtype)
        cy, cx = numc.asarray(y), numc.asarray(x)
        o, co = numpy.empty_like(x), numc.asarray(numpy.empty_like(x))
        out.append((f"arctan2 {dtype} n=1M",
                    lambda y=y, x=x, o=o: numpy.arctan2(y, x, out=o),
                    lambda y=cy, x=cx, o=co: numc.arctan2(y, x, out=o)))
    return out
