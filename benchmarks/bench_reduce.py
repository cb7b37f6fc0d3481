"""Benchmarks of ufunc.reduce and accumulate (issue 3: ufunc methods)."""
import numpy

import numc


def cases():
    rng = numpy.random.default_rng(0)
    out = []
    a = rng.random(10_000_000)
    ca = numc.asarray(a)
    out.append(("add.reduce f64 10M", lambda: numpy.add.reduce(a), lambda: numc.add.reduce(ca)))
    out.append(("maximum.reduce f64 10M", lambda: numpy.maximum.reduce(a),
                lambda: numc.maximum.reduce(ca)))
    out.append(("add.accumulate f64 10M", lambda: numpy.add.accumulate(a),
                lambda: numc.add.accumulate(ca)))
    m = rng.random((4000, 4000))
    cm = numc.asarray(m)
    out.append(("add.reduce axis=0 4000x4000", lambda: numpy.add.reduce(m, axis=0),
                lambda: numc.add.reduce(cm, axis=0)))
    out.append(("add.reduce axis=1 4000x4000", lambda: numpy.add.reduce(m, axis=1),
                lambda: numc.add.reduce(cm, axis=1)))
    i8 = rng.integers(0, 100, 10_000_000).astype(numpy.int8)
    ci8 = numc.asarray(i8)
    out.append(("add.reduce int8->int64 10M", lambda: numpy.add.reduce(i8),
                lambda: numc.add.reduce(ci8)))
    return out
