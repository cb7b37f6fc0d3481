"""Reductions and statistics with NumPy's signatures.

Thin wrappers: the sums, extrema and scans are ufunc methods (add.reduce,
maximum.reduce, add.accumulate, ...); argmin/argmax, count_nonzero and the
NaN masks of the nan-functions are core kernels (numc._core._argreduce,
_count_nonzero, _nan_replace, _masked_fill).  What is here is argument
handling and NumPy's dtype, warning and error rules.
"""
import warnings

from . import _core
from ._core import ndarray
import math as _math
from ._dtypes import dtype as _dtype, result_type as _result_type
from ._creation import asanyarray as _asanyarray
from .exceptions import AxisError

__all__ = [
    "sum", "prod", "min", "max", "amin", "amax", "mean", "std", "var", "argmin",
    "argmax", "any", "all", "cumsum", "cumprod", "cumulative_sum", "cumulative_prod",
    "ptp", "average", "count_nonzero", "diff", "ediff1d", "trapezoid", "nansum",
    "nanprod", "nanmin", "nanmax", "nanargmin", "nanargmax", "nanmean", "nanstd",
    "nanvar", "nancumsum", "nancumprod",
]

_u = _core._ufuncs
_add, _multiply, _maximum, _minimum = _u["add"], _u["multiply"], _u["maximum"], _u["minimum"]
_logical_or, _logical_and = _u["logical_or"], _u["logical_and"]
_subtract, _divide, _not_equal, _power = _u["subtract"], _u["divide"], _u["not_equal"], _u["power"]
_invert, _equal, _square = _u["invert"], _u["equal"], _u["square"]
del _u


class _NoValueType:
    __slots__ = ()

    def __repr__(self):
        return "<no value>"


_NoValue = _NoValueType()

_BOOL, _I8, _U8, _F2, _F4, _F8 = (_dtype(t) for t in ("?", "i8", "u8", "f2", "f4", "f8"))


def _asarray(a):
    return a if isinstance(a, ndarray) else _asanyarray(a)


def _scalar(r):
    """0-d ndarray -> scalar, as NumPy's reductions return."""
    if isinstance(r, ndarray) and r.ndim == 0:
        return r[()]
    return r


def _kw(initial=_NoValue, where=True):
    kw = {}
    if initial is not _NoValue:
        kw["initial"] = initial
    if not (where is True):
        kw["where"] = where
    return kw


_SMALL_INT = {"?": _I8, "b": _I8, "h": _I8, "i": _I8, "B": _U8, "H": _U8, "I": _U8}


def _sum_dtype(dt):
    """add/multiply reductions of bool and small integers use the default int."""
    return _SMALL_INT.get(dt.char)


def _reduce(uf, a, axis, dtype=None, out=None, keepdims=False, initial=_NoValue, where=True):
    """uf.reduce with only the arguments that differ from the defaults:
    positional arguments are the cheap path of the method's parser."""
    if initial is _NoValue and where is True:
        if out is None and not keepdims:
            return uf.reduce(a, axis) if dtype is None else uf.reduce(a, axis, dtype)
        return uf.reduce(a, axis, dtype, out, keepdims)
    return uf.reduce(a, axis, dtype, out, keepdims, **_kw(initial, where))


def _axes(axis, ndim):
    if axis is None:
        return tuple(range(ndim))
    if not isinstance(axis, tuple):
        axis = (axis,)
    out = []
    for ax in axis:
        ax = int(ax) if not isinstance(ax, int) else ax
        if ax < -ndim or ax >= ndim:
            raise AxisError(f"axis {ax} is out of bounds for array of dimension {ndim}")
        out.append(ax % ndim if ndim else ax)
    if len(set(out)) != len(out):
        raise ValueError("duplicate value in 'axis'")
    return tuple(out)


def _count(a, axis, keepdims=False, where=True):
    """Number of elements a reduction over `axis` combines (an int, or an
    array when `where` is given)."""
    if where is not True:
        w = _broadcast_bool(where, a.shape)
        return _add.reduce(w, axis=axis, dtype=_I8, keepdims=keepdims)
    n = 1
    for ax in _axes(axis, a.ndim):
        n *= a.shape[ax]
    return n


def _broadcast_bool(where, shape):
    from ._creation import zeros
    w = zeros(shape, dtype=bool)
    w[...] = where
    return w


# --- sums and products -------------------------------------------------------

def sum(a, axis=None, dtype=None, out=None, keepdims=False, initial=_NoValue, where=True):
    a = _asarray(a)
    if dtype is None and out is None:
        dtype = _sum_dtype(a.dtype)
    return _reduce(_add, a, axis, dtype, out, keepdims, initial, where)


def prod(a, axis=None, dtype=None, out=None, keepdims=False, initial=_NoValue, where=True):
    a = _asarray(a)
    if dtype is None and out is None:
        dtype = _sum_dtype(a.dtype)
    return _reduce(_multiply, a, axis, dtype, out, keepdims, initial, where)


def max(a, axis=None, out=None, keepdims=False, initial=_NoValue, where=True):
    return _reduce(_maximum, _asarray(a), axis, None, out, keepdims, initial, where)


def min(a, axis=None, out=None, keepdims=False, initial=_NoValue, where=True):
    return _reduce(_minimum, _asarray(a), axis, None, out, keepdims, initial, where)


amax = max
amin = min


def ptp(a, axis=None, out=None, keepdims=False):
    a = _asarray(a)
    hi = _maximum.reduce(a, axis=axis, keepdims=keepdims)
    lo = _minimum.reduce(a, axis=axis, keepdims=keepdims)
    if out is None:
        return _subtract(hi, lo)
    return _subtract(hi, lo, out=out)


def any(a, axis=None, out=None, keepdims=False, *, where=True):
    return _reduce(_logical_or, _asarray(a), axis, _BOOL, out, keepdims, where=where)


def all(a, axis=None, out=None, keepdims=False, *, where=True):
    return _reduce(_logical_and, _asarray(a), axis, _BOOL, out, keepdims, where=where)


# --- mean, var, std ----------------------------------------------------------

def _divide_result(ret, cnt, out, half):
    """ret / cnt in ret's dtype (in place for arrays), float16 restored."""
    if isinstance(ret, ndarray) and ret.ndim > 0:
        ret = _divide(ret, cnt, out=ret, casting="unsafe")
        if half and out is None:
            ret = ret.astype(_F2)
        return ret
    r = _asarray(ret)
    dt = _F2 if half else r.dtype
    return _scalar(_asarray(_divide(r, cnt)).astype(dt))


def mean(a, axis=None, dtype=None, out=None, keepdims=False, *, where=True):
    a = _asarray(a)
    cnt = _count(a, axis, keepdims, where)
    if (cnt == 0) if isinstance(cnt, int) else bool(any(_equal(cnt, 0))):
        warnings.warn("Mean of empty slice.", RuntimeWarning, stacklevel=2)
    half = False
    if dtype is None:
        ch = a.dtype.char
        if ch in "?bhilBHIL":
            dtype = _F8
        elif ch == "e":
            dtype, half = _F4, True
    ret = _reduce(_add, a, axis, dtype, out, keepdims, where=where)
    if out is not None:
        _divide(out, cnt, out=out, casting="unsafe")
        return out
    if not isinstance(ret, ndarray):
        # numc scalar / Python int keeps the scalar's dtype (NEP 50)
        r = ret / cnt
        return _F2.type(r) if half else r
    return _divide_result(ret, cnt, out, half)


def _ddof(ddof, correction):
    if correction is not _NoValue:
        if ddof != 0:
            raise ValueError("ddof and correction can't be provided simultaneously.")
        return correction
    return ddof


def var(a, axis=None, dtype=None, out=None, ddof=0, keepdims=False, *, where=True,
        mean=_NoValue, correction=_NoValue):
    a = _asarray(a)
    ddof = _ddof(ddof, correction)
    if (axis is None and dtype is None and out is None and where is True and mean is _NoValue
            and a.dtype.char == "d" and a.size > 0):
        # one fused pass for the deviations: no temporary of a's size
        n = a.size
        m = float(_add.reduce(a, None)) / n
        if ddof >= n:
            warnings.warn("Degrees of freedom <= 0 for slice", RuntimeWarning, stacklevel=2)
        ss = _core._sum_sqdev(a, m)
        if _math.isfinite(ss):
            r = _F8.type(ss) / (n - ddof if n > ddof else 0)
            return _asarray(r).reshape((1,) * a.ndim) if keepdims else r
        # inf or nan: the step-by-step path below, which warns as NumPy
        # does ("overflow encountered in square", ...); the fused pass
        # reports no flags
    cnt = _count(a, axis, True, where)
    if isinstance(cnt, int) and ddof >= cnt:
        warnings.warn("Degrees of freedom <= 0 for slice", RuntimeWarning, stacklevel=2)
    if dtype is None and a.dtype.kind in "biu":
        dtype = _F8
    if mean is not _NoValue:
        m = mean
    else:
        m = _reduce(_add, a, axis, dtype, None, True, where=where)
        m = _divide(m, cnt, out=m, casting="unsafe") if isinstance(m, ndarray) \
            else _divide(m, cnt)
    x = _asarray(_subtract(a, m))
    if x.dtype.kind == "c":
        re, im = x.real, x.imag
        x = _add(_multiply(re, re), _multiply(im, im))
    else:
        x = _square(x, out=x)
    ret = _reduce(_add, x, axis, dtype, out, keepdims, where=where)
    if not isinstance(cnt, int):
        cnt = cnt if keepdims else cnt.reshape(_asarray(ret).shape)
        dof = _maximum(_subtract(cnt, ddof), 0)
    else:
        dof = cnt - ddof if cnt > ddof else 0
    if out is not None:
        _divide(out, dof, out=out, casting="unsafe")
        return out
    if isinstance(ret, ndarray) and ret.ndim > 0:
        return _divide(ret, dof, out=ret, casting="unsafe")
    if isinstance(dof, int):
        return ret / dof  # a numc scalar keeps its dtype against a Python int
    r = _asarray(ret)
    return _scalar(_asarray(_divide(r, dof)).astype(r.dtype))


def std(a, axis=None, dtype=None, out=None, ddof=0, keepdims=False, *, where=True,
        mean=_NoValue, correction=_NoValue):
    ret = var(a, axis=axis, dtype=dtype, out=out, ddof=ddof, keepdims=keepdims, where=where,
              mean=mean, correction=correction)
    if isinstance(ret, ndarray) and ret.ndim > 0:
        return _sqrt(ret, out=ret)
    return _sqrt(ret)


def _sqrt(x, out=None):
    f = _core._ufuncs.get("sqrt")
    if f is not None:
        return f(x) if out is None else f(x, out=out)
    # power with a broadcast 0.5 exponent is sqrt in the core's loops
    return _power(x, 0.5) if out is None else _power(x, 0.5, out=out)


# --- argmin / argmax ---------------------------------------------------------

def _argreduce(a, axis, out, keepdims, is_max):
    if axis is None and out is None and not keepdims and isinstance(a, ndarray):
        return _core._argreduce(a, None, is_max, None)
    a = _asarray(a)
    if axis is not None:
        axis = _axes(axis, a.ndim)[0] if a.ndim else axis
        if a.ndim == 0 and axis not in (0, -1):
            _axes(axis, 0)
        if a.ndim == 0:
            axis = None
    if keepdims:
        kshape = (1,) * a.ndim if axis is None else \
            tuple(1 if i == axis else n for i, n in enumerate(a.shape))
        res = _asarray(_core._argreduce(a, axis, is_max, None)).reshape(kshape)
        if out is not None:
            if tuple(out.shape) != kshape:
                raise ValueError("output array does not match result shape")
            out[...] = res
            return out
        return res
    return _core._argreduce(a, axis, is_max, out)


def argmax(a, axis=None, out=None, *, keepdims=False):
    return _argreduce(a, axis, out, keepdims, True)


def argmin(a, axis=None, out=None, *, keepdims=False):
    return _argreduce(a, axis, out, keepdims, False)


def count_nonzero(a, axis=None, *, keepdims=False):
    a = _asarray(a)
    if axis is None and not keepdims:
        return _I8.type(_core._count_nonzero(a))
    return _add.reduce(a.astype(_BOOL), axis=axis, dtype=_I8, keepdims=keepdims)


# --- scans -------------------------------------------------------------------

def _scan(uf, a, axis, dtype, out):
    a = _asarray(a)
    if axis is None:
        a = a.ravel()
        axis = 0
    if dtype is None and out is None:
        dtype = _sum_dtype(a.dtype)
    return uf.accumulate(a, axis=axis, dtype=dtype, out=out)


def cumsum(a, axis=None, dtype=None, out=None):
    return _scan(_add, a, axis, dtype, out)


def cumprod(a, axis=None, dtype=None, out=None):
    return _scan(_multiply, a, axis, dtype, out)


def _cumulative(uf, ident, x, axis, dtype, out, include_initial):
    x = _asarray(x)
    if x.ndim == 0:
        raise ValueError("cumulative_sum/cumulative_prod requires an array of at least "
                         "one dimension")  # NumPy: ValueError for scalars
    if axis is None:
        if x.ndim > 1:
            raise ValueError("For arrays which have more than one dimension ``axis`` "
                             "argument is required.")
        axis = 0
    axis = _axes(axis, x.ndim)[0]
    if not include_initial:
        return _scan(uf, x, axis, dtype, out)
    res = _scan(uf, x, axis, dtype, None)
    shape = list(x.shape)
    shape[axis] += 1
    from ._creation import full
    full_res = full(tuple(shape), ident, dtype=res.dtype) if out is None else out
    if out is not None:
        idx0 = (slice(None),) * axis + (slice(0, 1),)
        full_res[idx0] = ident
    idx = (slice(None),) * axis + (slice(1, None),)
    full_res[idx] = res
    return full_res


def cumulative_sum(x, /, *, axis=None, dtype=None, out=None, include_initial=False):
    return _cumulative(_add, 0, x, axis, dtype, out, include_initial)


def cumulative_prod(x, /, *, axis=None, dtype=None, out=None, include_initial=False):
    return _cumulative(_multiply, 1, x, axis, dtype, out, include_initial)


# --- differences, averages, integration -------------------------------------

def _concat(parts, axis):
    """Joins arrays along `axis` (same other dims) into a fresh array."""
    from ._creation import empty
    dt = parts[0].dtype
    for p in parts[1:]:
        dt = _result_type(dt, p.dtype)
    shape = list(parts[0].shape)
    shape[axis] = 0
    for p in parts:
        shape[axis] += p.shape[axis]
    res = empty(tuple(shape), dtype=dt)
    pos = 0
    for p in parts:
        n = p.shape[axis]
        res[(slice(None),) * axis + (slice(pos, pos + n),)] = p
        pos += n
    return res


def diff(a, n=1, axis=-1, prepend=_NoValue, append=_NoValue):
    if n == 0:
        return a
    if n < 0:
        raise ValueError("order must be non-negative but got " + repr(n))
    a = _asarray(a)
    nd = a.ndim
    if nd == 0:
        raise ValueError("diff requires input that is at least one dimensional")
    axis = _axes(axis, nd)[0]
    parts = []
    for extra in (prepend, None, append):
        if extra is None:
            parts.append(a)
        elif extra is not _NoValue:
            e = _asarray(extra)
            if e.ndim == 0:
                shape = list(a.shape)
                shape[axis] = 1
                from ._creation import empty
                b = empty(tuple(shape), dtype=e.dtype)
                b[...] = e
                e = b
            parts.append(e)
    if len(parts) > 1:
        a = _concat(parts, axis)
    lo = (slice(None),) * axis + (slice(1, None),)
    hi = (slice(None),) * axis + (slice(None, -1),)
    op = _not_equal if a.dtype.kind == "b" else _subtract
    for _ in range(n):
        a = op(a[lo], a[hi])
    return a


def ediff1d(ary, to_end=None, to_begin=None):
    ary = _asarray(ary).ravel()
    op = _not_equal if ary.dtype.kind == "b" else _subtract
    d = _asarray(op(ary[1:], ary[:-1]))
    if to_begin is None and to_end is None:
        return d
    parts = []
    for name, extra in (("to_begin", to_begin), (None, d), ("to_end", to_end)):
        if name is None:
            parts.append(d)
        elif extra is not None:
            e = _asarray(extra).ravel()
            if not _can_cast_same_kind(e.dtype, ary.dtype):
                raise TypeError(f"dtype of `{name}` must be compatible with input `ary` "
                                "under the `same_kind` rule.")
            parts.append(e.astype(d.dtype))
    return _concat(parts, 0)


def _can_cast_same_kind(a, b):
    from ._dtypes import can_cast
    return can_cast(a, b, casting="same_kind")


def trapezoid(y, x=None, dx=1.0, axis=-1):
    y = _asarray(y)
    nd = y.ndim
    axis = _axes(axis, nd)[0]
    if x is None:
        d = dx
    else:
        x = _asarray(x)
        if x.ndim == 1:
            d = diff(x)
            shape = [1] * nd
            shape[axis] = d.shape[0]
            d = d.reshape(tuple(shape))
        else:
            d = diff(x, axis=axis)
    lo = (slice(None),) * axis + (slice(1, None),)
    hi = (slice(None),) * axis + (slice(None, -1),)
    return _add.reduce(_divide(_multiply(d, _add(y[lo], y[hi])), 2.0), axis=axis)


def average(a, axis=None, weights=None, returned=False, *, keepdims=False):
    a = _asarray(a)
    kw = {"keepdims": True} if keepdims else {}
    if weights is None:
        avg = mean(a, axis, **kw)
        avg_arr = _asarray(avg)
        scl = avg_arr.dtype.type(a.size / avg_arr.size if avg_arr.size else 0)
    else:
        wgt = _asarray(weights)
        if a.dtype.kind in "biu":
            rdt = _result_type(a.dtype, wgt.dtype, "f8")
        else:
            rdt = _result_type(a.dtype, wgt.dtype)
        if tuple(a.shape) != tuple(wgt.shape):
            if axis is None:
                raise TypeError("Axis must be specified when shapes of a and weights differ.")
            axes = _axes(axis, a.ndim)
            if tuple(wgt.shape) != tuple(a.shape[ax] for ax in axes):
                raise ValueError("Shape of weights must be consistent with shape of a along "
                                 "specified axis.")
            order = sorted(range(len(axes)), key=lambda i: axes[i])
            if order != list(range(len(axes))):
                wgt = wgt.transpose(order)
            shape = [1] * a.ndim
            for ax in axes:
                shape[ax] = a.shape[ax]
            wgt = wgt.reshape(tuple(shape))
        scl = sum(wgt, axis=axis, dtype=rdt, **kw)
        if bool(any(_equal(scl, 0.0))):
            raise ZeroDivisionError("Weights sum to zero, can't be normalized")
        avg = _divide(sum(_multiply(a, wgt, dtype=rdt), axis=axis, **kw), scl)
        avg_arr = _asarray(avg)
    if returned:
        scl_arr = _asarray(scl)
        if tuple(scl_arr.shape) != tuple(avg_arr.shape):
            from ._creation import empty
            b = empty(avg_arr.shape, dtype=scl_arr.dtype)
            b[...] = scl_arr
            scl = _scalar(b)
        return avg, scl
    return avg


# --- NaN-skipping reductions -------------------------------------------------

def _replace_nan(a, val):
    """(copy of a with NaNs -> val, isnan mask), or (a, None) when a cannot
    hold NaN."""
    a = _asarray(a)
    if a.dtype.kind not in "fc":
        return a, None
    from ._creation import empty
    c = a.copy()
    mask = empty(a.shape, dtype=bool)
    _core._nan_replace(c, val, mask)
    return c, mask


def nansum(a, axis=None, dtype=None, out=None, keepdims=False, initial=_NoValue, where=True):
    a, _ = _replace_nan(a, 0.0)
    return sum(a, axis=axis, dtype=dtype, out=out, keepdims=keepdims, initial=initial,
               where=where)


def nanprod(a, axis=None, dtype=None, out=None, keepdims=False, initial=_NoValue, where=True):
    a, _ = _replace_nan(a, 1.0)
    return prod(a, axis=axis, dtype=dtype, out=out, keepdims=keepdims, initial=initial,
                where=where)


def nancumsum(a, axis=None, dtype=None, out=None):
    a, _ = _replace_nan(a, 0.0)
    return cumsum(a, axis=axis, dtype=dtype, out=out)


def nancumprod(a, axis=None, dtype=None, out=None):
    a, _ = _replace_nan(a, 1.0)
    return cumprod(a, axis=axis, dtype=dtype, out=out)


def _nanextreme(uf, fill, a, axis, out, keepdims, initial, where):
    a = _asarray(a)
    c, mask = _replace_nan(a, fill)
    if mask is None:
        return uf.reduce(a, axis=axis, out=out, keepdims=keepdims, **_kw(initial, where))
    res = uf.reduce(c, axis=axis, out=out, keepdims=keepdims, **_kw(initial, where))
    allnan = _logical_and.reduce(mask, axis=axis, keepdims=keepdims)
    if bool(_logical_or.reduce(_asarray(allnan), axis=None)):
        warnings.warn("All-NaN slice encountered", RuntimeWarning, stacklevel=3)
        if isinstance(res, ndarray) and res.ndim > 0:
            _core._masked_fill(res, allnan, float("nan"))
        else:
            r = _asarray(res).copy()
            _core._masked_fill(r, _asarray(allnan), float("nan"))
            res = _scalar(r)
    return res


def nanmax(a, axis=None, out=None, keepdims=False, initial=_NoValue, where=True):
    return _nanextreme(_maximum, float("-inf"), a, axis, out, keepdims, initial, where)


def nanmin(a, axis=None, out=None, keepdims=False, initial=_NoValue, where=True):
    return _nanextreme(_minimum, float("inf"), a, axis, out, keepdims, initial, where)


def _nanarg(a, axis, out, keepdims, is_max):
    a = _asarray(a)
    c, mask = _replace_nan(a, float("-inf") if is_max else float("inf"))
    if mask is not None:
        ax = None if axis is None else axis
        allnan = _logical_and.reduce(mask, axis=ax)
        if bool(_logical_or.reduce(_asarray(allnan), axis=None)):
            raise ValueError("All-NaN slice encountered")
    return _argreduce(c, axis, out, keepdims, is_max)


def nanargmax(a, axis=None, out=None, *, keepdims=False):
    return _nanarg(a, axis, out, keepdims, True)


def nanargmin(a, axis=None, out=None, *, keepdims=False):
    return _nanarg(a, axis, out, keepdims, False)


def nanmean(a, axis=None, dtype=None, out=None, keepdims=False, *, where=True):
    c, mask = _replace_nan(a, 0.0)
    if mask is None:
        return mean(c, axis=axis, dtype=dtype, out=out, keepdims=keepdims, where=where)
    cnt = _add.reduce(_invert(mask), axis=axis, dtype=_I8, keepdims=keepdims,
                      **_kw(where=where))
    tot = _add.reduce(c, axis=axis, dtype=dtype, out=out, keepdims=keepdims, **_kw(where=where))
    if bool(_logical_or.reduce(_asarray(_equal(cnt, 0)), axis=None)):
        warnings.warn("Mean of empty slice", RuntimeWarning, stacklevel=2)
    if isinstance(tot, ndarray) and tot.ndim > 0:
        return _divide(tot, cnt, out=tot, casting="unsafe")
    t = _asarray(tot)
    return _scalar(_asarray(_divide(t, cnt)).astype(t.dtype))


def nanvar(a, axis=None, dtype=None, out=None, ddof=0, keepdims=False, *, where=True,
           mean=_NoValue, correction=_NoValue):
    c, mask = _replace_nan(a, 0.0)
    if mask is None:
        return var(c, axis=axis, dtype=dtype, out=out, ddof=ddof, keepdims=keepdims,
                   where=where, mean=mean, correction=correction)
    ddof = _ddof(ddof, correction)
    kw = _kw(where=where)
    cnt = _add.reduce(_invert(mask), axis=axis, dtype=_I8, keepdims=True, **kw)
    if mean is not _NoValue:
        avg = mean
    else:
        avg = _add.reduce(c, axis=axis, dtype=dtype, keepdims=True, **kw)
        avg = _divide(avg, cnt, out=avg, casting="unsafe") if isinstance(avg, ndarray) \
            else _divide(avg, cnt)
    x = _asarray(_subtract(c, avg))
    _core._masked_fill(x, mask, 0.0)
    if x.dtype.kind == "c":
        re, im = x.real, x.imag
        x = _add(_multiply(re, re), _multiply(im, im))
    else:
        x = _multiply(x, x, out=x)
    v = _add.reduce(x, axis=axis, dtype=dtype, out=out, keepdims=keepdims, **kw)
    if not keepdims:
        cnt = cnt.reshape(_asarray(v).shape)
    dof = _subtract(cnt, ddof)
    isbad = _asarray(_logical_or(_equal(dof, 0), _u_less(dof, 0)))
    v = _asarray(_divide(v, dof, out=v, casting="unsafe") if isinstance(v, ndarray) and v.ndim
                 else _asarray(_divide(v, dof)).astype(_asarray(v).dtype))
    if bool(_logical_or.reduce(isbad, axis=None)):
        warnings.warn("Degrees of freedom <= 0 for slice.", RuntimeWarning, stacklevel=2)
        if v.ndim == 0:
            v = v.copy()
        _core._masked_fill(v, isbad, float("nan"))
    return _scalar(v) if out is None else out


def _u_less(a, b):
    return _core._ufuncs["less"](a, b)


def nanstd(a, axis=None, dtype=None, out=None, ddof=0, keepdims=False, *, where=True,
           mean=_NoValue, correction=_NoValue):
    v = nanvar(a, axis=axis, dtype=dtype, out=out, ddof=ddof, keepdims=keepdims, where=where,
               mean=mean, correction=correction)
    if isinstance(v, ndarray) and v.ndim > 0:
        return _sqrt(v, out=v)
    r = _asarray(v)
    return _scalar(_asarray(_sqrt(r)).astype(r.dtype))
