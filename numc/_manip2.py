"""Rearranging, padding and constructing routines: flip, rot90, roll, tile,
repeat, pad, append/insert/delete, resize, trim_zeros, diag, diagonal,
trace, tril/triu, vander, meshgrid.

Thin wrappers with NumPy's signatures over numc._core's private functions
(numc/_core/manip2_py.c -> src/manip/); the data moves in the C core."""
import operator

from . import _core
from ._core import ndarray
from ._creation import asarray, asanyarray, array, empty, zeros
from ._dtypes import promote_types, dtype as _dtype
from .exceptions import AxisError

__all__ = ["flip", "fliplr", "flipud", "rot90", "roll", "tile", "repeat", "pad", "append",
           "insert", "delete", "resize", "trim_zeros", "diag", "diagflat", "diagonal", "trace",
           "tril", "triu", "vander", "meshgrid"]


def _norm_axis(axis, ndim, argname=None):
    axis = operator.index(axis)
    if axis < -ndim or axis >= ndim:
        msg = f"axis {axis} is out of bounds for array of dimension {ndim}"
        raise AxisError(f"{argname}: {msg}" if argname else msg)
    return axis + ndim if axis < 0 else axis


def _as_tuple(x):
    if isinstance(x, (tuple, list)):
        return tuple(x)
    if isinstance(x, ndarray):
        return tuple(x.tolist()) if x.ndim else (x.item(),)
    return (x,)


def flip(m, axis=None):
    m = asanyarray(m)
    if axis is None:
        return _core._flip(m, None)
    return _core._flip(m, _as_tuple(axis))


def fliplr(m):
    m = asanyarray(m)
    if m.ndim < 2:
        raise ValueError("Input must be >= 2-d.")
    return _core._flip(m, (1,))


def flipud(m):
    m = asanyarray(m)
    if m.ndim < 1:
        raise ValueError("Input must be >= 1-d.")
    return _core._flip(m, (0,))


def rot90(m, k=1, axes=(0, 1)):
    axes = tuple(axes)
    if len(axes) != 2:
        raise ValueError("len(axes) must be 2.")
    m = asanyarray(m)
    if axes[0] == axes[1] or abs(axes[0] - axes[1]) == m.ndim:
        raise ValueError("Axes must be different.")
    if axes[0] >= m.ndim or axes[0] < -m.ndim or axes[1] >= m.ndim or axes[1] < -m.ndim:
        raise ValueError(f"Axes={axes} out of range for array of ndim={m.ndim}.")
    k %= 4
    if k == 0:
        return m[:]
    if k == 2:
        return flip(flip(m, axes[0]), axes[1])
    perm = list(range(m.ndim))
    a0, a1 = axes[0] % m.ndim, axes[1] % m.ndim
    perm[a0], perm[a1] = perm[a1], perm[a0]
    if k == 1:
        return flip(m, axes[1]).transpose(perm)
    return flip(m.transpose(perm), axes[1])


def roll(a, shift, axis=None):
    a = asanyarray(a)
    if axis is None:
        return roll(a.ravel(), shift, 0).reshape(a.shape)
    shifts, axes = _as_tuple(shift), _as_tuple(axis)
    if len(shifts) == 1 and len(axes) > 1:
        shifts = shifts * len(axes)
    elif len(axes) == 1 and len(shifts) > 1:
        axes = axes * len(shifts)
    if len(shifts) != len(axes):
        raise ValueError("shape mismatch: objects cannot be broadcast to a single shape.  "
                         f"Mismatch is between arg 0 with shape ({len(shifts)},) and arg 1 "
                         f"with shape ({len(axes)},).")
    axes = tuple(_norm_axis(ax, a.ndim) for ax in axes)
    return _core._roll(a, shifts, axes)


def tile(A, reps):
    reps = _as_tuple(reps)
    A = asanyarray(A)
    return _core._tile(A, [operator.index(r) for r in reps])


def repeat(a, repeats, axis=None):
    a = asanyarray(a)
    if axis is None:
        a = a.ravel()
        axis = 0
    else:
        axis = _norm_axis(axis, a.ndim)
    if isinstance(repeats, float):
        repeats = int(repeats)
    r = asarray(repeats)
    if r.ndim > 1:
        raise ValueError("object too deep for desired array")
    return _core._repeat(a, r.ravel(), axis)


# --- pad ---------------------------------------------------------------------
_PAD_CORE = {"constant": 0, "edge": 1, "reflect": 2, "symmetric": 3, "wrap": 4, "empty": 5}
_PAD_KW = {"constant": {"constant_values"}, "edge": set(), "wrap": set(), "empty": set(),
           "linear_ramp": {"end_values"}, "maximum": {"stat_length"},
           "mean": {"stat_length"}, "median": {"stat_length"}, "minimum": {"stat_length"},
           "reflect": {"reflect_type"}, "symmetric": {"reflect_type"}}


def _round_nested(v):
    if isinstance(v, list):
        return [_round_nested(x) for x in v]
    return int(round(v.real if isinstance(v, complex) else v))


def _as_pairs(x, ndim, as_index=False):
    """Broadcasts x to ndim (before, after) pairs, as NumPy's pad does."""
    if x is None:
        return [(None, None)] * ndim
    xa = asarray(x)
    vals = xa.tolist()
    if as_index and xa.dtype.kind in "fc":
        vals = asarray(vals).tolist()
        vals = _round_nested(vals)
    shape = tuple(xa.shape)
    if xa.ndim == 0:
        pairs = [(vals, vals)] * ndim
    elif shape == (1,):
        pairs = [(vals[0], vals[0])] * ndim
    elif shape in ((2,), (1, 2)):
        v = vals if shape == (2,) else vals[0]
        pairs = [(v[0], v[1])] * ndim
    elif xa.ndim == 2 and shape[0] in (1, ndim) and shape[1] in (1, 2):
        rows = vals * ndim if shape[0] == 1 else vals
        pairs = [(r[0], r[-1]) for r in rows]
    else:
        raise ValueError(f"operands could not be broadcast together with remapped shapes "
                         f"[original->remapped]: {shape}  and requested shape ({ndim},2)")
    if as_index:
        for p in pairs:
            if p[0] < 0 or p[1] < 0:
                raise ValueError("index can't contain negative values")
    return pairs


def pad(array, pad_width, mode="constant", **kwargs):
    array = asarray(array)
    nd = array.ndim
    if asarray(pad_width).dtype.kind not in "iu":
        raise TypeError("`pad_width` must be of integral type.")
    widths = _as_pairs(pad_width, nd, as_index=True)
    if callable(mode):
        return _pad_callable(array, widths, mode, kwargs)
    if mode not in _PAD_KW:
        raise ValueError(f"mode '{mode}' is not supported")
    bad = set(kwargs) - _PAD_KW[mode]
    if bad:
        raise ValueError(f"unsupported keyword arguments for mode '{mode}': {bad}")
    flat = [w for p in widths for w in p]
    if mode == "constant":
        cv = _as_pairs(kwargs.get("constant_values", 0), nd)
        cvals = asarray([v for p in cv for v in p]).astype(array.dtype) if nd else \
            empty(0, array.dtype)
        return _core._pad(array, flat, 0, cvals)
    if mode in ("reflect", "symmetric"):
        rt = kwargs.get("reflect_type", "even")
        if rt == "odd":
            return _pad_odd(array, widths, mode)
    if mode in _PAD_CORE:
        return _core._pad(array, flat, _PAD_CORE[mode], None)
    if mode != "linear_ramp" and array.ndim > 0 and array.size > 0:
        return _pad_stat_first(array, widths, mode, kwargs)
    return _pad_stat(array, widths, mode, kwargs)


def _empty_axis_check(array, widths):
    for i, (b, a) in enumerate(widths):
        if array.shape[i] == 0 and (b or a):
            raise ValueError(f"can't extend empty axis {i} using modes other than "
                             "'constant' or 'empty'")


def _axis_slices(nd, axis, sl):
    return (slice(None),) * axis + (sl,) + (slice(None),) * (nd - axis - 1)


def _roi(padded, widths, shape, axis):
    return padded[tuple(slice(None) if i <= axis else slice(widths[i][0], widths[i][0] + shape[i])
                        for i in range(padded.ndim))]


def _reflect_step(padded, axis, left, right, period, include_edge):
    """One step of NumPy's reflection with reflect_type='odd' on the roi `padded`."""
    nd = padded.ndim
    old = padded.shape[axis] - right - left
    if include_edge:
        old = old // period * period
        off = 1
    else:
        old = (old - 1) // (period - 1) * (period - 1) + 1
        off = 0
        old -= 1
    at = lambda sl: _axis_slices(nd, axis, sl)  # noqa: E731
    if left > 0:
        m = min(old, left)
        stop = left - off
        chunk = padded[at(slice(stop + m, stop, -1))]
        chunk = 2 * padded[at(slice(left, left + 1))] - chunk
        padded[at(slice(left - m, left))] = chunk
        left -= m
    if right > 0:
        m = min(old, right)
        start = -right + off - 2
        chunk = padded[at(slice(start, start - m, -1))]
        chunk = 2 * padded[at(slice(-right - 1, -right))] - chunk
        start = padded.shape[axis] - right
        padded[at(slice(start, start + m))] = chunk
        right -= m
    return left, right


def _pad_odd(array, widths, mode):
    _empty_axis_check(array, widths)
    flat = [w for p in widths for w in p]
    padded = _core._pad(array, flat, 5, None)
    if array.size == 0:
        return padded
    for axis, (left, right) in enumerate(widths):
        if array.shape[axis] == 1 and (left or right):
            _core._pad_lanes(padded, axis, flat, array.shape, 0, (-1, -1), (0.0,) * 4)
            continue
        roi = _roi(padded, widths, array.shape, axis)
        while left > 0 or right > 0:
            left, right = _reflect_step(roi, axis, left, right, array.shape[axis],
                                        mode == "symmetric")
    return padded


_STATS = {"maximum": 0, "minimum": 1, "mean": 2, "median": 3}


def _pad_stat(array, widths, mode, kwargs):
    _empty_axis_check(array, widths)
    nd = array.ndim
    flat = [w for p in widths for w in p]
    padded = _core._pad(array, flat, 5, None)
    if array.size == 0:
        return padded
    if mode == "linear_ramp":
        ends = _as_pairs(kwargs.get("end_values", 0), nd)
        for axis in range(nd):
            e = [complex(v) for v in ends[axis]]
            _core._pad_lanes(padded, axis, flat, array.shape, 4, (-1, -1),
                             (e[0].real, e[0].imag, e[1].real, e[1].imag))
        return padded
    lengths = _as_pairs(kwargs.get("stat_length"), nd, as_index=True)
    for axis in range(nd):
        ln = tuple(-1 if v is None else v for v in lengths[axis])
        _core._pad_lanes(padded, axis, flat, array.shape, _STATS[mode], ln, (0.0,) * 4)
    return padded


def _pad_stat_first(array, widths, mode, kwargs):
    """_pad_stat for max/min/mean/median: axis 0 is padded while the center
    is copied (one pass over the input), the other axes as before."""
    _empty_axis_check(array, widths)
    nd = array.ndim
    flat = [w for p in widths for w in p]
    lengths = _as_pairs(kwargs.get("stat_length"), nd, as_index=True)
    lns = [tuple(-1 if v is None else v for v in lengths[axis]) for axis in range(nd)]
    padded, rows_done = _core._pad_first(array, flat, _STATS[mode], [v for p in lns for v in p])
    for axis in range(1, nd):
        if rows_done and axis == 1:
            # the center rows are done: only the rows axis 0 added remain
            (b0, a0), n0 = widths[0], array.shape[0]
            for part in (padded[:b0], padded[b0 + n0:]):
                _core._pad_lanes(part, 1, flat, array.shape, _STATS[mode], lns[1], (0.0,) * 4)
            continue
        _core._pad_lanes(padded, axis, flat, array.shape, _STATS[mode], lns[axis], (0.0,) * 4)
    return padded


def _pad_callable(array, widths, func, kwargs):
    import itertools
    flat = [w for p in widths for w in p]
    nd = array.ndim
    padded = _core._pad(array, flat, 0, zeros(2 * nd, array.dtype))
    for axis in range(nd):
        perm = [i for i in range(nd) if i != axis] + [axis]
        view = padded.transpose(perm)
        for ind in itertools.product(*(range(s) for s in view.shape[:-1])):
            func(view[ind + (Ellipsis,)], widths[axis], axis, kwargs)
    return padded


# --- append, insert, delete, resize ------------------------------------------
def _concat2(a, b, axis):
    dt = promote_types(a.dtype, b.dtype)
    shape = list(a.shape)
    shape[axis] += b.shape[axis]
    out = empty(tuple(shape), dt)
    n = a.shape[axis]
    out[_axis_slices(a.ndim, axis, slice(0, n))] = a
    out[_axis_slices(a.ndim, axis, slice(n, None))] = b
    return out


def append(arr, values, axis=None):
    arr = asanyarray(arr)
    values = asanyarray(values)
    if axis is None:
        if arr.ndim != 1:
            arr = arr.ravel()
        values = values.ravel()
        axis = 0
    else:
        if arr.ndim != values.ndim:
            raise ValueError("all the input arrays must have same number of dimensions, but the "
                             f"array at index 0 has {arr.ndim} dimension(s) and the array at "
                             f"index 1 has {values.ndim} dimension(s)")
        axis = _norm_axis(axis, arr.ndim)
        for i in range(arr.ndim):
            if i != axis and arr.shape[i] != values.shape[i]:
                raise ValueError("all the input array dimensions except for the concatenation "
                                 "axis must match exactly, but along dimension "
                                 f"{i}, the array at index 0 has size {arr.shape[i]} and the "
                                 f"array at index 1 has size {values.shape[i]}")
    return _concat2(arr, values, axis)


def _prep_axis(arr, axis):
    arr = asarray(arr)
    if axis is None:
        if arr.ndim != 1:
            arr = arr.ravel()
        axis = 0
    else:
        axis = _norm_axis(axis, arr.ndim)
    return arr, axis


def delete(arr, obj, axis=None):
    arr, axis = _prep_axis(arr, axis)
    n = arr.shape[axis]
    keep = _core._repeat(asarray([1], dtype="int64"), [n], 0) if n else zeros(0, "int64")
    if isinstance(obj, slice):
        keep[obj] = 0
    else:
        o = asarray(obj)
        if o.dtype.kind == "b":
            if o.shape != (n,):
                raise ValueError(f"boolean array argument obj to delete must be one dimensional "
                                 f"and match the axis length of {n}")
            from . import logical_not
            keep = logical_not(o).astype("int64")
        else:
            if o.size and o.dtype.kind not in "iu":
                raise IndexError("arrays used as indices must be of integer (or boolean) type")
            for i in o.ravel().tolist():
                if i < -n or i >= n:
                    raise IndexError(f"index {i} is out of bounds for axis {axis} with size {n}")
                keep[i] = 0
    return _core._repeat(arr, keep, axis)


def insert(arr, obj, values, axis=None):
    arr, axis = _prep_axis(arr, axis)
    nd = arr.ndim
    n = arr.shape[axis]
    if isinstance(obj, slice):
        idx = list(range(*obj.indices(n)))
        ondim = 1
    else:
        o = asarray(obj)
        if o.dtype.kind == "b":
            if o.ndim != 1:
                raise ValueError("boolean array argument obj to insert must be one dimensional")
            idx = [i for i, v in enumerate(o.tolist()) if v]
            ondim = 1
        else:
            if o.ndim > 1:
                raise ValueError("index array argument obj to insert must be one dimensional "
                                 "or scalar")
            if o.size and o.dtype.kind not in "iu":
                raise IndexError("arrays used as indices must be of integer (or boolean) type")
            ondim = o.ndim
            idx = [o.item()] if ondim == 0 else o.tolist()
    vals = array(values, dtype=arr.dtype, ndmin=nd)
    shape = list(arr.shape)
    if len(idx) == 1:
        index = idx[0]
        if index < -n or index > n:
            raise IndexError(f"index {obj} is out of bounds for axis {axis} with size {n}")
        if index < 0:
            index += n
        if ondim == 0 and vals.ndim:
            # NumPy moves the values' first axis to `axis` for a scalar index
            perm = list(range(1, vals.ndim))
            perm.insert(axis, 0)
            vals = vals.transpose(perm)
        numnew = vals.shape[axis] if vals.ndim > axis else 1
        newpos = list(range(index, index + numnew))
    else:
        for i in idx:
            if i < -n or i >= n + 1:
                raise IndexError(f"index {i} is out of bounds for axis {axis} with size {n}")
        idx = [i + n if i < 0 else i for i in idx]
        numnew = len(idx)
        order = sorted(range(numnew), key=lambda j: idx[j])
        newpos = list(idx)
        for rank, j in enumerate(order):
            newpos[j] = idx[j] + rank
    shape[axis] = numnew
    vb = _core._broadcast_to(vals, tuple(shape))
    shape[axis] = n + numnew
    new = empty(tuple(shape), arr.dtype)
    taken = set(newpos)
    oldpos = [p for p in range(n + numnew) if p not in taken]
    _core._axis_copy(new, newpos, vb, None, axis, numnew)
    _core._axis_copy(new, oldpos, arr, None, axis, n)
    return new


def resize(a, new_shape):
    if isinstance(new_shape, int) or not hasattr(new_shape, "__len__"):
        new_shape = (operator.index(new_shape),)
    new_shape = tuple(operator.index(s) for s in new_shape)
    for s in new_shape:
        if s < 0:
            raise ValueError("all elements of `new_shape` must be non-negative")
    a = asarray(a).ravel()
    new_size = 1
    for s in new_shape:
        new_size *= s
    if a.size == 0 or new_size == 0:
        return zeros(new_shape, dtype=a.dtype)
    out = empty(new_shape, a.dtype)
    _core._fill_cyclic(out, a if a.flags.c_contiguous else a.copy())
    return out


def _axis_tuple(axis, ndim):
    axes = _as_tuple(axis)
    out = tuple(_norm_axis(ax, ndim, "axis") for ax in axes)
    if len(set(out)) != len(out):
        raise ValueError("repeated axis in `axis` argument")
    return out


def trim_zeros(filt, trim="fb", axis=None):
    filt_ = asarray(filt)
    trim = trim.lower()
    if trim not in {"fb", "bf", "f", "b"}:
        raise ValueError(f"unexpected character(s) in `trim`: {trim!r}")
    nd = filt_.ndim
    axes = tuple(range(nd)) if axis is None else _axis_tuple(axis, nd)
    if not axes:
        return filt
    lo, hi = _core._nonzero_bounds(filt_)
    if nd and hi[0] > 0:  # some nonzero element
        if "f" not in trim:
            lo = (None,) * nd
        if "b" not in trim:
            hi = (None,) * nd
    sl = tuple(slice(lo[ax], hi[ax]) if ax in axes else slice(None) for ax in range(nd))
    if len(sl) == 1:
        return filt[sl[0]]
    return filt[sl]


# --- diagonals and triangles -------------------------------------------------
def diagonal(a, offset=0, axis1=0, axis2=1):
    return _core._diagonal(asanyarray(a), operator.index(offset), operator.index(axis1),
                           operator.index(axis2), True)


def diag(v, k=0):
    v = asanyarray(v)
    if v.ndim == 1:
        n = v.shape[0] + abs(k)
        res = zeros((n, n), v.dtype)
        _core._diagonal(res, k, 0, 1, False)[...] = v
        return res
    if v.ndim == 2:
        return diagonal(v, k)
    raise ValueError("Input must be 1- or 2-d.")


def diagflat(v, k=0):
    v = asarray(v).ravel()
    n = v.shape[0] + abs(k)
    res = zeros((n, n), v.dtype)
    _core._diagonal(res, k, 0, 1, False)[...] = v
    return res


def _sum_dtype(dt):
    if dt.kind == "b" or (dt.kind == "i" and dt.itemsize < 8):
        return _dtype("int64")
    if dt.kind == "u" and dt.itemsize < 8:
        return _dtype("uint64")
    return dt


def trace(a, offset=0, axis1=0, axis2=1, dtype=None, out=None):
    """Sum along a diagonal: numc.sum over the last axis of diagonal(a, ...)."""
    from ._reductions import sum as _sum
    return _sum(diagonal(a, offset, axis1, axis2), axis=-1, dtype=dtype, out=out)


def _tri(m, k, upper):
    m = asanyarray(m)
    if m.ndim == 0:
        raise TypeError("tri() missing 1 required positional argument: 'N'")
    if m.ndim == 1:
        n = m.shape[0]
        res = _core._broadcast_to(m, (n, n)).copy()
    else:
        res = m.copy()
    _core._tri_zero(res, operator.index(k), upper)
    return res


def tril(m, k=0):
    return _tri(m, k, False)


def triu(m, k=0):
    return _tri(m, k, True)


def vander(x, N=None, increasing=False):
    x = asarray(x)
    if x.ndim != 1:
        raise ValueError("x must be a one-dimensional array or sequence.")
    if N is None:
        N = len(x)
    v = empty((len(x), N), dtype=promote_types(x.dtype, int))
    tmp = v if increasing else v[:, ::-1]
    if N > 0:
        tmp[:, 0] = 1
    if N > 1:
        tmp[:, 1] = x
        from . import multiply
        for j in range(2, N):
            multiply(tmp[:, j - 1], tmp[:, 1], out=tmp[:, j])
    return v


def meshgrid(*xi, copy=True, sparse=False, indexing="xy"):
    ndim = len(xi)
    if indexing not in ["xy", "ij"]:
        raise ValueError("Valid values for `indexing` are 'xy' and 'ij'.")
    s0 = (1,) * ndim
    output = [asanyarray(x).reshape(s0[:i] + (-1,) + s0[i + 1:]) for i, x in enumerate(xi)]
    if indexing == "xy" and ndim > 1:
        output[0] = output[0].reshape((1, -1) + s0[2:])
        output[1] = output[1].reshape((-1, 1) + s0[2:])
    if not sparse:
        shape = tuple(max(o.shape[i] for o in output) if all(o.shape[i] for o in output)
                      else 0 for i in range(ndim))
        output = [_core._broadcast_to(o, shape) for o in output]
    if copy:
        return tuple(o.copy() for o in output)
    return output if sparse else tuple(output)
