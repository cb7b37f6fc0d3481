"""Selection and indexing routines with NumPy's signatures.

Thin wrappers: the data movement happens in the C core through
numc._core (_take, _put, _nonzero, _where) or through advanced indexing;
the functions here only normalise arguments and compose those calls."""
import operator

from . import _core
from ._core import ndarray
from ._creation import asarray, arange, empty, zeros

__all__ = ["take", "put", "take_along_axis", "put_along_axis", "compress", "choose", "nonzero",
           "flatnonzero", "argwhere", "where", "extract", "place", "putmask", "select",
           "piecewise", "diag_indices", "diag_indices_from", "tril_indices", "triu_indices",
           "tril_indices_from", "triu_indices_from", "indices", "ix_", "ravel_multi_index",
           "unravel_index"]

_u = _core._ufuncs


def _axis(axis, ndim):
    axis = operator.index(axis)
    if not -ndim <= axis < ndim:
        from .exceptions import AxisError
        raise AxisError(axis, ndim)
    return axis % ndim


def _to_out(res, out):
    if out is None:
        return res
    if not isinstance(out, ndarray):
        raise TypeError("'out' must be an array")
    if out.shape != res.shape:
        raise ValueError("output array does not match result of ndarray.take")
    out[...] = res
    return out


def take(a, indices, axis=None, out=None, mode="raise"):
    if out is None and mode == "raise" and type(a) is ndarray:
        return a.take(indices, axis)  # the C method; it comes back to _take for the rest
    return _take(a, indices, axis, out, mode)


def _take(a, indices, axis, out, mode):
    a = asarray(a)
    if axis is None:
        a = a.ravel()
        axis = 0
    elif a.ndim == 0:
        raise _axis_error(axis, 0)
    res = _core._take(a, indices, _axis(axis, a.ndim), mode)
    if out is None and not isinstance(indices, (ndarray, list, tuple)) and res.ndim == 0:
        return res[()]
    return _to_out(res, out)


def _axis_error(axis, ndim):
    from .exceptions import AxisError
    return AxisError(axis, ndim)


def _method_take(self, indices, axis=None, out=None, mode="raise"):
    return _take(self, indices, axis, out, mode)


def put(a, ind, v, mode="raise"):
    if not isinstance(a, ndarray):
        raise TypeError(f"argument 1 must be numpy.ndarray, not {type(a).__name__}")
    ind = asarray(ind)
    v = asarray(v).ravel()
    if ind.size == 0:
        return None
    if v.size == 0:
        return None
    n = ind.size
    vals = v if v.size == n else _core._take(v, arange(n), 0, "wrap")
    flat = a.reshape(-1) if a.flags.c_contiguous else a.flatten()
    _core._put(flat, ind.ravel(), vals, mode)
    if not a.flags.c_contiguous:
        a[...] = flat.reshape(a.shape)
    return None


def _along_axis_index(arr, indices, axis):
    """Key pairing `indices` on `axis` with aranges that broadcast against it
    on every other axis."""
    if arr.ndim != indices.ndim:
        raise ValueError("`indices` and `arr` must have the same number of dimensions")
    key = []
    for d in range(arr.ndim):
        if d == axis:
            key.append(indices)
        else:
            shape = [1] * arr.ndim
            shape[d] = arr.shape[d]
            key.append(arange(arr.shape[d]).reshape(shape))
    return tuple(key)


def take_along_axis(arr, indices, axis=-1):
    arr, indices = asarray(arr), asarray(indices)
    if indices.dtype.kind not in "iu":
        raise IndexError("`indices` must be an integer array")
    if axis is None:
        if indices.ndim != 1:
            raise ValueError("when axis=None, `indices` must have a single dimension.")
        arr, axis = arr.ravel(), 0
    else:
        axis = _axis(axis, arr.ndim)
    return arr[_along_axis_index(arr, indices, axis)]


def put_along_axis(arr, indices, values, axis):
    indices = asarray(indices)
    if indices.dtype.kind not in "iu":
        raise IndexError("`indices` must be an integer array")
    if axis is None:
        if indices.ndim != 1:
            raise ValueError("when axis=None, `indices` must have a single dimension.")
        flat = arr.reshape(-1)
        flat[indices] = values
        return None
    axis = _axis(axis, arr.ndim)
    arr[_along_axis_index(arr, indices, axis)] = values


def nonzero(a):
    return _core._nonzero(a)


def flatnonzero(a):
    return _core._nonzero(asarray(a).ravel())[0]


def argwhere(a):
    a = asarray(a)
    if a.ndim == 0:
        return argwhere(a.reshape(1))[:, :0]
    nz = _core._nonzero(a)
    res = empty((nz[0].size, a.ndim), dtype="int64")
    for k, row in enumerate(nz):
        res[:, k] = row
    return res


def where(condition, x=None, y=None):
    if x is None and y is None:
        return _core._nonzero(asarray(condition))
    if x is None or y is None:
        raise ValueError("either both or neither of x and y should be given")
    return _core._where(condition, x, y)


def compress(condition, a, axis=None, out=None):
    cond = asarray(condition)
    if cond.ndim != 1:
        raise ValueError("condition must be a 1-d array")
    a = asarray(a)
    if axis is None:
        a, axis = a.ravel(), 0
    axis = _axis(axis, a.ndim)
    idx = _core._nonzero(cond)[0]
    if idx.size and idx[-1] >= a.shape[axis]:
        from .exceptions import AxisError  # noqa: F401 - NumPy raises IndexError here
        raise IndexError(f"index {int(idx[-1])} is out of bounds for axis {axis} with size "
                         f"{a.shape[axis]}")
    return _to_out(_core._take(a, idx, axis, "raise"), out)


def _method_compress(self, condition, axis=None, out=None):
    return compress(condition, self, axis, out)


def choose(a, choices, out=None, mode="raise"):
    idx = asarray(a)
    if idx.dtype.kind not in "biu":
        raise TypeError("Cannot cast array data from dtype('float64') to dtype('int64') "
                        "according to the rule 'safe'")
    choices = [asarray(c) for c in choices]
    n = len(choices)
    if n == 0:
        raise ValueError("0-length sequence.")
    idx = idx.astype("int64")
    if mode == "raise":
        if flatnonzero(_u["logical_or"](idx < 0, idx >= n)).size:
            raise ValueError("invalid entry in choice array")
    elif mode == "wrap":
        idx = idx % n
    elif mode == "clip":
        idx = _u["minimum"](_u["maximum"](idx, 0), n - 1)
    else:
        raise ValueError(f"clipmode must be one of 'clip', 'raise', or 'wrap' (got {mode!r})")
    res = None
    for k in range(n - 1, -1, -1):
        res = choices[k] if res is None else _core._where(idx == k, choices[k], res)
    res = _core._where(idx == n - 1, choices[n - 1], res)  # broadcast shape and dtype
    if out is not None:
        out[...] = res
        return out
    return res


def extract(condition, arr):
    return take(asarray(arr).ravel(), flatnonzero(condition))


def place(arr, mask, vals):
    if not isinstance(arr, ndarray):
        raise TypeError(f"argument 1 must be numpy.ndarray, not {type(arr).__name__}")
    m = asarray(mask).astype(bool)
    if m.size != arr.size:
        raise ValueError("place: mask and data must be the same size")
    m = m.reshape(arr.shape)
    n = flatnonzero(m).size
    vals = asarray(vals).ravel()
    if n == 0:
        return
    if vals.size == 0:
        raise ValueError("Cannot insert from an empty array!")
    arr[m] = _core._take(vals, arange(n), 0, "wrap")


def putmask(a, mask, values):
    if not isinstance(a, ndarray):
        raise TypeError(f"argument 1 must be numpy.ndarray, not {type(a).__name__}")
    m = asarray(mask).astype(bool)
    if m.size != a.size:
        raise ValueError("putmask: mask and data must be the same size")
    m = m.reshape(a.shape)
    v = asarray(values).ravel()
    if v.size == 0 or a.size == 0:
        return
    full = _core._take(v, arange(a.size), 0, "wrap").reshape(a.shape)
    a[m] = full[m]


def select(condlist, choicelist, default=0):
    if len(condlist) != len(choicelist):
        raise ValueError("list of cases must be same length as list of conditions")
    if len(choicelist) == 0:
        raise ValueError("select with an empty condition list is not possible")
    conds = [asarray(c) for c in condlist]
    for i, c in enumerate(conds):
        if c.dtype.kind != "b":
            raise TypeError(f"invalid entry {i} in condlist: should be boolean ndarray")
    choices = [asarray(c) for c in choicelist]
    dflt = asarray(default)
    rt = _core.result_type(*choices, dflt)
    res = _core._where(conds[-1], choices[-1].astype(rt), dflt.astype(rt))
    for c, ch in zip(conds[-2::-1], choices[-2::-1]):
        res = _core._where(c, ch.astype(rt), res)
    shape = _broadcast_shape(*conds, *choices, dflt)
    if res.shape != shape:
        res = res + zeros(shape, dtype=rt)
    return res


def _broadcast_shape(*arrs):
    nd = max(a.ndim for a in arrs)
    shape = [1] * nd
    for a in arrs:
        for i, s in enumerate(a.shape):
            j = nd - a.ndim + i
            if s != 1:
                if shape[j] not in (1, s):
                    raise ValueError("shape mismatch: objects cannot be broadcast to a single shape")
                shape[j] = s
    return tuple(shape)


def piecewise(x, condlist, funclist, *args, **kw):
    x = asarray(x)
    n2 = len(funclist)
    if isinstance(condlist, (bool, ndarray)) and getattr(condlist, "ndim", 0) == 0 or (
            not isinstance(condlist, (list, tuple)) and x.ndim == 0):
        condlist = [condlist]
    elif isinstance(condlist, ndarray) and condlist.ndim == x.ndim and x.ndim > 0 and \
            condlist.shape == x.shape:
        condlist = [condlist]
    condlist = [asarray(c).astype(bool) for c in condlist]
    n = len(condlist)
    if n == n2 - 1:
        nc = condlist[0]
        for c in condlist[1:]:
            nc = _u["logical_or"](nc, c)
        condlist.append(_u["logical_not"](nc))
    elif n != n2:
        raise ValueError(f"with {n} condition(s), either {n} or {n + 1} functions are expected")
    y = zeros(x.shape, dtype=x.dtype)
    for cond, func in zip(condlist, funclist):
        if cond.shape != x.shape:
            cond = cond + zeros(x.shape, dtype=bool)
        if not callable(func):
            y[cond] = func
        else:
            vals = x[cond]
            if vals.size > 0:
                y[cond] = func(vals, *args, **kw)
    return y


def diag_indices(n, ndim=2):
    idx = arange(n)
    return (idx,) * ndim


def diag_indices_from(arr):
    arr = asarray(arr)
    if arr.ndim < 2:
        raise ValueError("input array must be at least 2-d")
    if any(s != arr.shape[0] for s in arr.shape):
        raise ValueError("All dimensions of input must be of equal length")
    return diag_indices(arr.shape[0], arr.ndim)


def _tri_mask(n, k, m, lower):
    if m is None:
        m = n
    rows = arange(n).reshape(n, 1)
    cols = arange(m).reshape(1, m)
    return (_u["greater_equal"] if lower else _u["less_equal"])(rows + k, cols)


def tril_indices(n, k=0, m=None):
    return _core._nonzero(_tri_mask(n, k, m, True))


def triu_indices(n, k=0, m=None):
    return _core._nonzero(_tri_mask(n, k, m, False))


def tril_indices_from(arr, k=0):
    if arr.ndim != 2:
        raise ValueError("input array must be 2-d")
    return tril_indices(arr.shape[-2], k=k, m=arr.shape[-1])


def triu_indices_from(arr, k=0):
    if arr.ndim != 2:
        raise ValueError("input array must be 2-d")
    return triu_indices(arr.shape[-2], k=k, m=arr.shape[-1])


def indices(dimensions, dtype=int, sparse=False):
    dimensions = tuple(dimensions)
    N = len(dimensions)
    res = () if sparse else empty((N,) + dimensions, dtype=dtype)
    for i, dim in enumerate(dimensions):
        shape = [1] * N
        shape[i] = dim
        idx = arange(dim, dtype=dtype).reshape(shape)
        if sparse:
            res = res + (idx,)
        else:
            res[i] = idx
    return res


def ix_(*args):
    out = []
    nd = len(args)
    for k, new in enumerate(args):
        if not isinstance(new, ndarray):
            new = asarray(new)
            if new.size == 0:
                new = new.astype("int64")
        if new.ndim != 1:
            raise ValueError("Cross index must be 1 dimensional")
        if new.dtype.kind == "b":
            new = _core._nonzero(new)[0]
        elif new.dtype.kind not in "iu":
            raise ValueError("arrays used as indices must be of integer (or boolean) type")
        shape = [1] * nd
        shape[k] = new.size
        out.append(new.reshape(shape))
    return tuple(out)


def _modes(mode, n):
    if isinstance(mode, str):
        return [mode] * n
    mode = list(mode)
    if len(mode) != n:
        raise ValueError("clipmode length does not match the number of dimensions")
    return mode


def ravel_multi_index(multi_index, dims, mode="raise", order="C"):
    dims = tuple(operator.index(d) for d in ([dims] if not hasattr(dims, "__len__") else dims))
    if len(multi_index) != len(dims):
        raise ValueError(f"parameter multi_index must be a sequence of length {len(dims)}")
    idx = [asarray(i) for i in multi_index]
    for i in idx:
        if i.dtype.kind not in "iu":
            raise TypeError("only int indices permitted")
    modes = _modes(mode, len(dims))
    if order not in ("C", "F"):
        raise ValueError("only 'C' or 'F' order is permitted")
    axes = range(len(dims)) if order == "F" else range(len(dims) - 1, -1, -1)
    res, stride = None, 1
    for d in axes:
        i, n, md = idx[d].astype("int64"), dims[d], modes[d]
        if md == "raise":
            if flatnonzero(_u["logical_or"](i < 0, i >= n)).size:
                raise ValueError("invalid entry in coordinates array")
        elif md == "wrap":
            i = i % n
        elif md == "clip":
            i = _u["minimum"](_u["maximum"](i, 0), n - 1)
        else:
            raise ValueError(f"clipmode must be one of 'clip', 'raise', or 'wrap' (got {md!r})")
        term = i * stride
        res = term if res is None else res + term
        stride *= n
    return res


def unravel_index(indices, shape, order="C"):
    shape = tuple(operator.index(d) for d in ([shape] if not hasattr(shape, "__len__") else shape))
    if order not in ("C", "F"):
        raise ValueError("only 'C' or 'F' order is permitted")
    scalar = not isinstance(indices, (ndarray, list, tuple))
    idx = asarray(indices)
    if idx.dtype.kind not in "iu":
        raise TypeError(f"Cannot cast array data from dtype('{idx.dtype}') to dtype('int64') "
                        "according to the rule 'safe'")
    idx = idx.astype("int64")
    size = 1
    for d in shape:
        size *= d
    bad = flatnonzero(_u["logical_or"](idx < 0, idx >= size))
    if bad.size:
        raise ValueError(f"index {int(idx.ravel()[bad[0]])} is out of bounds for array with "
                         f"size {size}")
    out = [None] * len(shape)
    axes = range(len(shape) - 1, -1, -1) if order == "C" else range(len(shape))
    rem = idx
    for d in axes:
        out[d] = rem % shape[d]
        rem = rem // shape[d]
    if scalar:
        return tuple(o[()] if isinstance(o, ndarray) else o for o in out)
    return tuple(out)
