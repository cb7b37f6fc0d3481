"""Joining, splitting and shape routines (NumPy's signatures).

Data moves only in the core: concatenate/stack copy through
numc._core._concatenate, broadcast views come from _core._broadcast_to,
copyto from _core._copyto, overlap queries from _core._shares_memory.  The
rest rearranges views with ndarray methods (reshape, transpose, swapaxes,
squeeze) and does only shape bookkeeping here.
"""
import operator as _operator

from . import _core
from .exceptions import AxisError, TooHardError
from ._creation import array, asanyarray

__all__ = ["concatenate", "concat", "stack", "vstack", "hstack", "dstack", "column_stack",
           "block", "split", "array_split", "hsplit", "vsplit", "dsplit", "unstack",
           "squeeze", "expand_dims", "moveaxis", "rollaxis", "swapaxes", "transpose",
           "permute_dims", "matrix_transpose", "broadcast_to", "broadcast_arrays",
           "broadcast_shapes", "atleast_1d", "atleast_2d", "atleast_3d", "reshape", "ravel",
           "copyto", "asfortranarray", "require", "shares_memory", "may_share_memory"]


def _axis(axis, ndim, prefix=None):
    axis = _operator.index(axis)
    if not -ndim <= axis < ndim:
        raise AxisError(axis, ndim, prefix)
    return axis + ndim if axis < 0 else axis


def _axis_tuple(axis, ndim, argname=None):
    if type(axis) not in (tuple, list):
        try:
            axis = [_operator.index(axis)]
        except TypeError:
            pass
    axis = tuple(_axis(ax, ndim, argname) for ax in axis)
    if len(set(axis)) != len(axis):
        raise ValueError(f"repeated axis in `{argname}` argument" if argname else "repeated axis")
    return axis


# --- joining -----------------------------------------------------------------

def concatenate(arrays, /, axis=0, out=None, *, dtype=None, casting="same_kind"):
    """Joins arrays along an existing axis (axis=None: flattened, C order)."""
    if axis is None:
        arrays = [asanyarray(a).ravel() for a in arrays]
        axis = 0
    return _core._concatenate(arrays, _operator.index(axis), out, dtype, casting)


concat = concatenate


def stack(arrays, axis=0, out=None, *, dtype=None, casting="same_kind"):
    """Joins arrays of one shape along a new axis."""
    arrays = [asanyarray(a) for a in arrays]
    if not arrays:
        raise ValueError("need at least one array to stack")
    shape = arrays[0].shape
    if any(a.shape != shape for a in arrays[1:]):
        raise ValueError("all input arrays must have the same shape")
    axis = _axis(axis, len(shape) + 1)
    new = shape[:axis] + (1,) + shape[axis:]
    return _core._concatenate([a.reshape(new) for a in arrays], axis, out, dtype, casting)


def vstack(tup, *, dtype=None, casting="same_kind"):
    arrs = [atleast_2d(a) for a in tup]
    return _core._concatenate(arrs, 0, None, dtype, casting)


def hstack(tup, *, dtype=None, casting="same_kind"):
    arrs = [atleast_1d(a) for a in tup]
    axis = 0 if arrs and arrs[0].ndim == 1 else 1
    return _core._concatenate(arrs, axis, None, dtype, casting)


def dstack(tup):
    arrs = [atleast_3d(a) for a in tup]
    return _core._concatenate(arrs, 2, None, None, "same_kind")


def column_stack(tup):
    arrs = []
    for v in tup:
        a = asanyarray(v)
        if a.ndim < 2:
            a = a.reshape(-1, 1)
        arrs.append(a)
    return _core._concatenate(arrs, 1, None, None, "same_kind")


def _block_depth(x, index, out):
    """Records (index, depth, max leaf ndim) for the nested list x."""
    if type(x) is tuple:
        raise TypeError(f"{index} is a tuple. Only lists can be used to arrange blocks, and "
                        "np.block does not allow implicit conversion from tuple to ndarray.")
    if type(x) is list:
        if not x:
            raise ValueError(f"List at {index} cannot be empty")
        for i, item in enumerate(x):
            _block_depth(item, f"{index}[{i}]", out)
        return
    out.append((index, index.count("["), asanyarray(x).ndim))


def _block(x, depth, list_ndim, ndim):
    if type(x) is list:
        parts = [_block(item, depth + 1, list_ndim, ndim) for item in x]
        return _core._concatenate(parts, -(list_ndim - depth), None, None, "same_kind")
    a = asanyarray(x)
    return a.reshape((1,) * (ndim - a.ndim) + a.shape)


def block(arrays):
    """Assembles an array from nested lists of blocks (innermost lists join
    along the last axis)."""
    leaves = []
    _block_depth(arrays, "arrays", leaves)
    first_index, list_ndim, _ = leaves[0]
    for index, depth, _ in leaves[1:]:
        if depth != list_ndim:
            raise ValueError(f"List depths are mismatched. First element was at depth "
                             f"{list_ndim}, but there is an element at depth {depth} ({index})")
    ndim = max(list_ndim, max(nd for _, _, nd in leaves))
    if list_ndim == 0:
        return array(arrays, copy=True, ndmin=ndim)
    return _block(arrays, 0, list_ndim, ndim)


# --- splitting ---------------------------------------------------------------

def array_split(ary, indices_or_sections, axis=0):
    """Splits into views; sections need not divide the axis evenly."""
    try:
        total = ary.shape[axis]
    except AttributeError:
        total = len(ary)
    try:
        n = _operator.index(indices_or_sections)
    except TypeError:
        points = [0] + list(indices_or_sections) + [total]
    else:
        if n <= 0:
            raise ValueError("number sections must be larger than 0.")
        each, extra = divmod(total, n)
        points = [0]
        for i in range(n):
            points.append(points[-1] + each + (1 if i < extra else 0))
    a = asanyarray(ary)
    moved = a.swapaxes(axis, 0)
    return [moved[points[i]:points[i + 1]].swapaxes(axis, 0) for i in range(len(points) - 1)]


def split(ary, indices_or_sections, axis=0):
    try:
        len(indices_or_sections)
    except TypeError:
        n = indices_or_sections
        if ary.shape[axis] % n:
            raise ValueError("array split does not result in an equal division") from None
    return array_split(ary, indices_or_sections, axis)


def hsplit(ary, indices_or_sections):
    if asanyarray(ary).ndim == 0:
        raise ValueError("hsplit only works on arrays of 1 or more dimensions")
    return split(ary, indices_or_sections, 1 if ary.ndim > 1 else 0)


def vsplit(ary, indices_or_sections):
    if asanyarray(ary).ndim < 2:
        raise ValueError("vsplit only works on arrays of 2 or more dimensions")
    return split(ary, indices_or_sections, 0)


def dsplit(ary, indices_or_sections):
    if asanyarray(ary).ndim < 3:
        raise ValueError("dsplit only works on arrays of 3 or more dimensions")
    return split(ary, indices_or_sections, 2)


def unstack(x, /, *, axis=0):
    x = asanyarray(x)
    if x.ndim == 0:
        raise ValueError("Input array must be at least 1-d.")
    return tuple(moveaxis(x, axis, 0))


# --- rearranging axes --------------------------------------------------------

def squeeze(a, axis=None):
    return asanyarray(a).squeeze(axis)


def expand_dims(a, axis):
    a = asanyarray(a)
    if type(axis) not in (tuple, list):
        axis = (axis,)
    ndim = len(axis) + a.ndim
    axis = _axis_tuple(axis, ndim)
    dims = iter(a.shape)
    return a.reshape(tuple(1 if d in axis else next(dims) for d in range(ndim)))


def moveaxis(a, source, destination):
    a = asanyarray(a)
    source = _axis_tuple(source, a.ndim, "source")
    destination = _axis_tuple(destination, a.ndim, "destination")
    if len(source) != len(destination):
        raise ValueError("`source` and `destination` arguments must have the same number "
                         "of elements")
    order = [n for n in range(a.ndim) if n not in source]
    for dest, src in sorted(zip(destination, source)):
        order.insert(dest, src)
    return a.transpose(order)


def rollaxis(a, axis, start=0):
    a = asanyarray(a)
    n = a.ndim
    axis = _axis(axis, n)
    if start < 0:
        start += n
    if not 0 <= start < n + 1:
        raise AxisError(f"'start' arg requires {-n} <= start < {n + 1}, but {start} was passed in")
    if axis < start:
        start -= 1
    if axis == start:
        return a[...]
    axes = list(range(n))
    axes.remove(axis)
    axes.insert(start, axis)
    return a.transpose(axes)


def swapaxes(a, axis1, axis2):
    return asanyarray(a).swapaxes(axis1, axis2)


def transpose(a, axes=None):
    a = asanyarray(a)
    return a.transpose() if axes is None else a.transpose(axes)


def permute_dims(a, /, axes=None):
    return transpose(a, axes)


def matrix_transpose(x, /):
    x = asanyarray(x)
    if x.ndim < 2:
        raise ValueError("Input array must be at least 2-dimensional")
    return x.swapaxes(-1, -2)


# --- broadcasting ------------------------------------------------------------

def broadcast_to(array, shape, subok=False):
    """Read-only view of `array` with the given shape."""
    try:
        shape = tuple(shape)
    except TypeError:
        shape = (shape,)
    a = asanyarray(array)
    if not shape and a.shape:
        raise ValueError("cannot broadcast a non-scalar to a scalar array")
    if any(_operator.index(s) < 0 for s in shape):
        raise ValueError("all elements of broadcast shape must be non-negative")
    return _core._broadcast_to(a, shape, True)


def broadcast_shapes(*args):
    shapes = []
    for s in args:
        try:
            shapes.append(tuple(_operator.index(d) for d in s))
        except TypeError:
            shapes.append((_operator.index(s),))
    ndim = max((len(s) for s in shapes), default=0)
    out = [1] * ndim
    for i, s in enumerate(shapes):
        for k, d in enumerate(s):
            j = ndim - len(s) + k
            if d != 1 and out[j] != d:
                if out[j] != 1:
                    first = next(m for m in range(i) if len(shapes[m]) >= ndim - j and
                                 shapes[m][j - ndim + len(shapes[m])] not in (1,))
                    raise ValueError(
                        "shape mismatch: objects cannot be broadcast to a single shape.  "
                        f"Mismatch is between arg {first} with shape {shapes[first]} and "
                        f"arg {i} with shape {s}.")
                out[j] = d
    return tuple(out)


def broadcast_arrays(*args, subok=False):
    arrs = [asanyarray(a) for a in args]
    shape = broadcast_shapes(*(a.shape for a in arrs))
    return tuple(a if a.shape == shape else _core._broadcast_to(a, shape, False)
                 for a in arrs)


def atleast_1d(*arys):
    res = []
    for a in arys:
        a = asanyarray(a)
        res.append(a.reshape(1) if a.ndim == 0 else a)
    return res[0] if len(res) == 1 else tuple(res)


def atleast_2d(*arys):
    res = []
    for a in arys:
        a = asanyarray(a)
        if a.ndim < 2:
            a = a.reshape((1,) * (2 - a.ndim) + a.shape)
        res.append(a)
    return res[0] if len(res) == 1 else tuple(res)


def atleast_3d(*arys):
    res = []
    for a in arys:
        a = asanyarray(a)
        if a.ndim == 0:
            a = a.reshape(1, 1, 1)
        elif a.ndim == 1:
            a = a.reshape(1, a.shape[0], 1)
        elif a.ndim == 2:
            a = a.reshape(a.shape + (1,))
        res.append(a)
    return res[0] if len(res) == 1 else tuple(res)


# --- shape and layout --------------------------------------------------------

def reshape(a, /, shape, order="C", *, copy=None):
    return asanyarray(a).reshape(shape, order=order, copy=copy)


def ravel(a, order="C"):
    return asanyarray(a).ravel(order)


def copyto(dst, src, casting="same_kind", where=True):
    """dst[where] = src, broadcasting src and where to dst's shape."""
    _core._copyto(dst, src, where, casting)


def asfortranarray(a, dtype=None, *, like=None):
    return array(a, dtype, copy=None, order="F", ndmin=1)


_REQUIREMENTS = {"C": "C", "C_CONTIGUOUS": "C", "CONTIGUOUS": "C", "F": "F",
                 "F_CONTIGUOUS": "F", "FORTRAN": "F", "A": "A", "ALIGNED": "A", "W": "W",
                 "WRITEABLE": "W", "O": "O", "OWNDATA": "O", "E": "E", "ENSUREARRAY": "E"}
_FLAG_NAMES = {"C": "c_contiguous", "F": "f_contiguous", "A": "aligned", "W": "writeable",
               "O": "owndata"}


def require(a, dtype=None, requirements=None, *, like=None):
    if not requirements:
        return asanyarray(a, dtype=dtype)
    if isinstance(requirements, str):
        requirements = [requirements]
    req = {_REQUIREMENTS[r.upper()] for r in requirements}
    req.discard("E")
    order = "A"
    if req >= {"C", "F"}:
        raise ValueError('Cannot specify both "C" and "F" order')
    if "C" in req:
        order = "C"
        req.discard("C")
    elif "F" in req:
        order = "F"
        req.discard("F")
    arr = array(a, dtype=dtype, order=order, copy=None)
    for r in req:
        if not getattr(arr.flags, _FLAG_NAMES[r]):
            return arr.copy(order)
    return arr


# --- memory overlap ----------------------------------------------------------

def shares_memory(a, b, /, max_work=-1):
    """Whether a and b share a byte.

    Disjoint byte extents answer no and a dense array (contiguous in some
    axis order) whose extent meets the other's answers yes, at once.
    Otherwise the element offsets are enumerated (O((m+n) log n)): exact,
    but bounded by max_work element visits when max_work > 0, beyond which
    TooHardError is raised.  max_work=-1 (or None): exact; 0: extents only.
    """
    r = _core._shares_memory(a, b, -1 if max_work is None else _operator.index(max_work))
    if r is None:
        raise TooHardError("Exceeded max_work")
    return r


def may_share_memory(a, b, /, max_work=0):
    """Whether a and b might share memory: by default, whether their byte
    extents intersect (max_work as for shares_memory)."""
    r = _core._shares_memory(a, b, 0 if max_work is None else _operator.index(max_work))
    if r is None:
        raise TooHardError("Exceeded max_work")
    return r
