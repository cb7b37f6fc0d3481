"""Benchmarks of the gufuncs matmul and vecdot (issue 3).  NumPy's float
matmul uses OpenBLAS; numc's is a BLAS-free blocked kernel until linalg."""
import numpy

import numc


def cases():
    rng = numpy.random.default_rng(0)
    out = []
    a, b = rng.random((500, 500)), rng.random((500, 500))
    ca, cb = numc.asarray(a), numc.asarray(b)
    out.append(("matmul 500x500 f64", lambda: a @ b, lambda: ca @ cb))
    a32, b32 = a.astype(numpy.float32), b.astype(numpy.float32)
    ca32, cb32 = numc.asarray(a32), numc.asarray(b32)
    out.append(("matmul 500x500 f32", lambda: a32 @ b32, lambda: ca32 @ cb32))
    x, y = rng.random((1000, 1000)), rng.random((1000, 1000))
    cx, cy = numc.asarray(x), numc.asarray(y)
    out.append(("vecdot 1000x1000 rows f64", lambda: numpy.vecdot(x, y), lambda: numc.vecdot(cx, cy)))
    s, t = rng.random((10000, 3, 3)), rng.random((10000, 3, 3))
    cs, ct = numc.asarray(s), numc.asarray(t)
    out.append(("matmul 10000 x (3x3) f64", lambda: s @ t, lambda: cs @ ct))
    return out
