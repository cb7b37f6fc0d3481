"""Benchmarks of reductions and statistics (issue 3: reductions)."""
import numpy

import numc


def cases():
    rng = numpy.random.default_rng(0)
    x = rng.random(10_000_000)
    cx = numc.asarray(x)
    m = rng.random((4000, 4000))
    cm = numc.asarray(m)
    small = rng.random(100)
    cs = numc.asarray(small)
    return [
        ("sum f64 10M", lambda: numpy.sum(x), lambda: numc.sum(cx)),
        ("argmax f64 10M", lambda: numpy.argmax(x), lambda: numc.argmax(cx)),
        ("mean f64 10M", lambda: numpy.mean(x), lambda: numc.mean(cx)),
        ("std f64 10M", lambda: numpy.std(x), lambda: numc.std(cx)),
        ("sum(axis=0) 4000x4000", lambda: m.sum(axis=0), lambda: cm.sum(axis=0)),
        ("sum(axis=1) 4000x4000", lambda: m.sum(axis=1), lambda: cm.sum(axis=1)),
        ("argmax(axis=0) 4000x4000", lambda: m.argmax(axis=0), lambda: cm.argmax(axis=0)),
        ("sum f64 n=100", lambda: small.sum(), lambda: cs.sum()),
        ("mean f64 n=100", lambda: small.mean(), lambda: cs.mean()),
    ]
