"""Benchmarks of joining and layout changes (issue 4: manip-join)."""
import numpy

import numc


def cases():
    rng = numpy.random.default_rng(0)
    out = []
    parts = [rng.random(100_000) for _ in range(100)]
    cparts = [numc.asarray(p) for p in parts]
    out.append(("concatenate 100 x 100k f64", lambda: numpy.concatenate(parts),
                lambda: numc.concatenate(cparts)))
    out.append(("stack 100 x 100k f64", lambda: numpy.stack(parts),
                lambda: numc.stack(cparts)))
    out.append(("stack axis=1 100 x 100k f64", lambda: numpy.stack(parts, axis=1),
                lambda: numc.stack(cparts, axis=1)))
    small = [rng.random(10) for _ in range(10)]
    csmall = [numc.asarray(p) for p in small]
    out.append(("concatenate 10 x 10 f64", lambda: numpy.concatenate(small),
                lambda: numc.concatenate(csmall)))
    x = rng.random((4000, 4000))
    cx = numc.asarray(x)
    out.append(("x.T.copy() 4000x4000 f64", lambda: x.T.copy(), lambda: cx.T.copy()))
    out.append(("ascontiguousarray(x.T) 4000x4000", lambda: numpy.ascontiguousarray(x.T),
                lambda: numc.ascontiguousarray(cx.T)))
    m = rng.random((1000, 1000))
    cm = numc.asarray(m)
    out.append(("hstack 2 x 1000x1000", lambda: numpy.hstack([m, m]),
                lambda: numc.hstack([cm, cm])))
    return out
