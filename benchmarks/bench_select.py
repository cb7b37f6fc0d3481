"""Benchmarks of advanced indexing and selection (issue 4: selection)."""
import numpy

import numc


def cases():
    rng = numpy.random.default_rng(0)
    n = 10_000_000
    x = rng.random(n)
    cx = numc.asarray(x)
    mask = rng.random(n) < 0.5
    cmask = numc.asarray(mask)
    idx = rng.integers(0, n, 1_000_000)
    cidx = numc.asarray(idx)
    y = rng.random(n)
    cy = numc.asarray(y)
    xs, cxs = x.copy(), numc.asarray(x.copy())
    vals = rng.random(1_000_000)
    cvals = numc.asarray(vals)
    m2 = rng.random((1000, 1000))
    cm2 = numc.asarray(m2)
    rows = rng.integers(0, 1000, 500)
    crows = numc.asarray(rows)

    def setmask_np():
        xs[mask] = 0

    def setmask_nc():
        cxs[cmask] = 0

    def fancyset_np():
        xs[idx] = vals

    def fancyset_nc():
        cxs[cidx] = cvals

    sx, csx = numpy.arange(10.0), numc.arange(10.0)
    i3, ci3 = numpy.array([1, 2, 3]), numc.asarray([1, 2, 3])

    def smallset_np():
        sx[i3] = 1.0

    def smallset_nc():
        csx[ci3] = 1.0

    def smallsetlist_np():
        sx[[1, 2]] = 1.0

    def smallsetlist_nc():
        csx[[1, 2]] = 1.0

    return [
        ("small x[[1,2]]", lambda: sx[[1, 2]], lambda: csx[[1, 2]]),
        ("small x[idx3]", lambda: sx[i3], lambda: csx[ci3]),
        ("small x[idx3] = 1.0", smallset_np, smallset_nc),
        ("small x[[1,2]] = 1.0", smallsetlist_np, smallsetlist_nc),
        ("small take(x, idx3)", lambda: numpy.take(sx, i3), lambda: numc.take(csx, ci3)),
        ("small x.take(idx3)", lambda: sx.take(i3), lambda: csx.take(ci3)),
        ("x[mask] 10M f64 50%", lambda: x[mask], lambda: cx[cmask]),
        ("x[mask] = 0 10M f64", setmask_np, setmask_nc),
        ("take(x, idx) 1M of 10M", lambda: numpy.take(x, idx), lambda: numc.take(cx, cidx)),
        ("x[idx] 1M of 10M", lambda: x[idx], lambda: cx[cidx]),
        ("x[idx] = v 1M into 10M", fancyset_np, fancyset_nc),
        ("m[rows] 500 rows of 1000x1000", lambda: m2[rows], lambda: cm2[crows]),
        ("m[:, rows] 1000x1000", lambda: m2[:, rows], lambda: cm2[:, crows]),
        ("where(c, a, b) 10M f64", lambda: numpy.where(mask, x, y),
         lambda: numc.where(cmask, cx, cy)),
        ("nonzero(mask) 10M", lambda: numpy.nonzero(mask), lambda: numc.nonzero(cmask)),
    ]
