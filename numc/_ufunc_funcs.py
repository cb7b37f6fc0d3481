"""Functions built from ufuncs, with NumPy's signatures: round/around, clip,
real, imag, conj, angle, isclose, allclose, array_equal, array_equiv.

All data work happens in ufunc calls (the C core); this file only decides
which ufuncs to call, as NumPy's Python layer does."""
import math as _math

from . import _core
from ._core import ndarray as _ndarray
from ._dtypes import result_type as _result_type

__all__ = ["round", "around", "clip", "real", "imag", "conj", "angle", "isclose", "allclose", "nan_to_num",
           "array_equal", "array_equiv"]

_asarray = None


def _asanyarray(x):
    import numc
    return numc.asanyarray(x)


def round(a, decimals=0, out=None):
    """Evenly round to the given number of decimals (NumPy's algorithm:
    scale by 10**decimals, rint, scale back, so results are bit-identical)."""
    a = _asanyarray(a)
    decimals = int(decimals)
    kind = a.dtype.kind
    if kind in "iu":
        if decimals >= 0:
            if out is None:
                return a.copy()[()]
            _core.positive(a, out=out)
            return out
        f = 10 ** (-decimals)
        y = _core.rint(_core.true_divide(a, f) if hasattr(_core, "true_divide") else _core.divide(a, f))
        y = _core.multiply(y, f)
        if out is None:
            return y.astype(a.dtype)[()]
        _core.positive(y, out=out, casting="unsafe")
        return out
    if kind == "c":
        # NumPy rounds the two parts separately (a complex divide would round
        # differently)
        r = a.copy() if out is None else out
        if out is not None:
            _core.positive(a, out=r)
        round(r.real, decimals, out=r.real)
        round(r.imag, decimals, out=r.imag)
        return r[()] if out is None else r
    # NumPy's order of operations, so that results are bit-identical
    scale_up, scale_down = (_core.multiply, _core.divide) if decimals >= 0 else (_core.divide, _core.multiply)
    f = 10.0 ** abs(decimals)
    if out is None:
        # one temporary, reused in place (three passes over one buffer)
        y = scale_up(a, f)
        if not isinstance(y, _ndarray):
            return scale_down(_core.rint(y), f)
        _core.rint(y, out=y)
        return scale_down(y, f, out=y)[()]
    scale_up(a, f, out=out)
    _core.rint(out, out=out)
    return scale_down(out, f, out=out)


around = round


def _clamp_pyint(v, dtype):
    """NumPy 2's clip accepts Python ints outside an integer dtype's range
    (they bound nothing), where a plain ufunc call would overflow."""
    if type(v) is not int or dtype.kind not in "iu":
        return v
    bits = dtype.itemsize * 8
    lo, hi = (0, 2 ** bits - 1) if dtype.kind == "u" else (-2 ** (bits - 1), 2 ** (bits - 1) - 1)
    return min(max(v, lo), hi)


_NoValue = object()


def clip(a, a_min=_NoValue, a_max=_NoValue, out=None, *, min=_NoValue, max=_NoValue, **kwargs):
    """Clip (limit) the values in an array; NaN propagates as in NumPy."""
    if a_min is _NoValue and min is _NoValue:
        a_min = None
    if a_max is _NoValue and max is _NoValue:
        a_max = None
    if min is not _NoValue:
        if a_min is not _NoValue and a_min is not None:
            raise TypeError("Passing `min` or `max` keyword argument when `a_min` and `a_max` are "
                            "provided is forbidden.")
        a_min = min
    if max is not _NoValue:
        if a_max is not _NoValue and a_max is not None:
            raise TypeError("Passing `min` or `max` keyword argument when `a_min` and `a_max` are "
                            "provided is forbidden.")
        a_max = max
    if a_min is _NoValue:
        a_min = None
    if a_max is _NoValue:
        a_max = None
    if a_min is None and a_max is None:
        raise ValueError("One of max or min must be given")
    a = _asanyarray(a)
    a_min = _clamp_pyint(a_min, a.dtype)
    a_max = _clamp_pyint(a_max, a.dtype)
    if a_max is None:
        r = _core.maximum(a, a_min, out=out, **kwargs)
    elif a_min is None:
        r = _core.minimum(a, a_max, out=out, **kwargs)
    elif out is None and not kwargs:
        r = _core.maximum(a, a_min)
        if isinstance(r, _ndarray) and r.ndim and _result_type(r, a_max) == r.dtype:
            # the second pass in place: one temporary instead of two
            r = _core.minimum(r, a_max, out=r)
        else:
            r = _core.minimum(r, a_max)
    else:
        r = _core.minimum(_core.maximum(a, a_min, out=out, **kwargs), a_max, out=out, **kwargs)
    return r if out is not None else (r[()] if isinstance(r, _ndarray) else r)


def real(val):
    """The real part of the complex argument."""
    try:
        return val.real
    except AttributeError:
        return _asanyarray(val).real


def imag(val):
    """The imaginary part of the complex argument."""
    try:
        return val.imag
    except AttributeError:
        return _asanyarray(val).imag


def conj(x, *args, **kwargs):
    return _core.conjugate(x, *args, **kwargs)


def angle(z, deg=False):
    """The counterclockwise angle from the positive real axis."""
    z = _asanyarray(z)
    if z.dtype.kind == "c":
        zimag, zreal = z.imag, z.real
    else:
        zimag, zreal = 0, z
    a = _core.arctan2(zimag, zreal)
    if deg:
        a = _core.multiply(a, 180 / _math.pi)
    return a


def isclose(a, b, rtol=1.e-5, atol=1.e-8, equal_nan=False):
    """Element-wise |a - b| <= atol + rtol * |b| (NumPy 2 semantics)."""
    import numc
    x, y, atol, rtol = (t if isinstance(t, (int, float, complex)) else _asanyarray(t)
                        for t in (a, b, atol, rtol))
    dt = getattr(y, "dtype", None)
    if dt is not None:
        y = numc.asanyarray(y, dtype=numc.result_type(y, 1.))
    elif isinstance(y, int):
        y = float(y)
    with numc.errstate(invalid="ignore"):
        result = _core.bitwise_or(
            _core.bitwise_and(
                _core.less_equal(_core.absolute(_core.subtract(x, y)),
                                 _core.add(atol, _core.multiply(rtol, _core.absolute(y)))),
                _core.isfinite(y)),
            _core.equal(x, y))
        if equal_nan:
            result = _core.bitwise_or(result, _core.bitwise_and(_core.isnan(x), _core.isnan(y)))
    return result[()] if isinstance(result, _ndarray) else result


def _all(x):
    """bool(all(x)) through the core's reduction (ndarray.all)."""
    x = _asanyarray(x)
    return bool(x.all())


def allclose(a, b, rtol=1.e-5, atol=1.e-8, equal_nan=False):
    return _all(isclose(a, b, rtol=rtol, atol=atol, equal_nan=equal_nan))


def array_equal(a1, a2, equal_nan=False):
    """True if two arrays have the same shape and elements."""
    try:
        a1, a2 = _asanyarray(a1), _asanyarray(a2)
    except Exception:  # noqa: BLE001 - NumPy returns False for unconvertible input
        return False
    if a1.shape != a2.shape:
        return False
    eq = _core.equal(a1, a2)
    if equal_nan and a1.dtype.kind in "fc" and a2.dtype.kind in "fc":
        eq = _core.bitwise_or(eq, _core.bitwise_and(_core.isnan(a1), _core.isnan(a2)))
    return _all(eq)


def array_equiv(a1, a2):
    """True if the arrays are shape consistent (broadcastable) and equal."""
    try:
        a1, a2 = _asanyarray(a1), _asanyarray(a2)
    except Exception:  # noqa: BLE001
        return False
    try:
        eq = _core.equal(a1, a2)
    except ValueError:
        return False
    return _all(eq)


def nan_to_num(x, copy=True, nan=0.0, posinf=None, neginf=None):
    """Replace NaN with `nan` and infinities with `posinf`/`neginf` (default: the
    largest/smallest finite value of the dtype); complex parts separately."""
    import numc as _nc

    x = _nc.array(x, copy=True) if copy else _nc.asarray(x)
    if x.dtype.kind not in "fc":
        return x[()] if x.ndim == 0 else x
    parts = (x.real, x.imag) if x.dtype.kind == "c" else (x,)
    info = _nc.finfo(parts[0].dtype)
    big = info.max if posinf is None else posinf
    small = info.min if neginf is None else neginf
    for part in parts:
        inf = _nc.isinf(part)
        _nc.copyto(part, nan, where=_nc.isnan(part), casting="unsafe")
        _nc.copyto(part, big, where=inf & (part > 0), casting="unsafe")
        _nc.copyto(part, small, where=inf & (part < 0), casting="unsafe")
    return x[()] if x.ndim == 0 else x
