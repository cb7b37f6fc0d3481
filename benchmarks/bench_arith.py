"""Benchmarks of element-wise arithmetic (issue: foundation)."""
import numpy

import numc


def cases():
    rng = numpy.random.default_rng(0)
    out = []
    for n in (1, 100, 10_000, 10_000_000):
        a, b = rng.random(n), rng.random(n)
        ca, cb = numc.asarray(a), numc.asarray(b)
        out.append((f"a+b f64 n={n}", lambda a=a, b=b: a + b, lambda a=ca, b=cb: a + b))
        o, co = numpy.empty(n), numc.asarray(numpy.empty(n))
        out.append((f"add(a,b,out=) f64 n={n}",
                    lambda a=a, b=b, o=o: numpy.add(a, b, out=o),
                    lambda a=ca, b=cb, o=co: numc.add(a, b, out=o)))
    base = rng.random(10_000_000)
    cbase = numc.asarray(base)
    out.append(("a[::2]+1 on 10M base", lambda: base[::2] + 1, lambda: cbase[::2] + 1))
    i32 = rng.integers(0, 1000, 1_000_000).astype(numpy.int32)
    f64 = rng.random(1_000_000)
    ci32, cf64 = numc.asarray(i32), numc.asarray(f64)
    out.append(("int32+float64 1M", lambda: i32 + f64, lambda: ci32 + cf64))
    m = rng.random((1000, 1000))
    v = rng.random(1000)
    cm, cv = numc.asarray(m), numc.asarray(v)
    out.append(("a + b[:, None] 1000x1000", lambda: m + v[:, None], lambda: cm + cv[:, None]))
    return out
