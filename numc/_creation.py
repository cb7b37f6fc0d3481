"""Array creation: thin NumPy-compatible wrappers over numc._core.

Argument defaults and keyword handling live here; validation, the loops
and all the work are in C (numc/_core/creation.c, src/core/fill.c).
"""
import operator as _operator

from . import _core

__all__ = ["array", "asarray", "asanyarray", "ascontiguousarray", "empty", "zeros", "ones",
           "full", "empty_like", "zeros_like", "ones_like", "full_like", "arange",
           "linspace", "eye", "identity", "frombuffer"]

_EMPTY, _ZEROS, _ONES, _VALUE = 0, 1, 2, 3


def _copy_mode(copy):
    if copy is None:
        return 0
    return 1 if copy else -1


def _check_like(like):
    if like is not None:
        raise TypeError("numc does not support the like= argument")


def array(object, dtype=None, *, copy=True, order="K", subok=False, ndmin=0, like=None):
    """Create an array from nested sequences, scalars, buffers or other arrays."""
    _check_like(like)
    return _core._array(object, dtype, _copy_mode(copy), order, _operator.index(ndmin), bool(subok))


def asarray(a, dtype=None, order=None, *, copy=None, device=None, like=None):
    """Convert the input to an array, without copying when possible."""
    _check_like(like)
    if device not in (None, "cpu"):
        raise ValueError(f"Device not understood. Only \"cpu\" is allowed, but received: {device}")
    return _core._array(a, dtype, _copy_mode(copy), order, 0, False)


def asanyarray(a, dtype=None, order=None, *, device=None, copy=None, like=None):
    """Convert the input to an array, passing ndarray subclasses through."""
    _check_like(like)
    return _core._array(a, dtype, _copy_mode(copy), order, 0, True)


def ascontiguousarray(a, dtype=None, *, like=None):
    """A C-contiguous array (ndim >= 1) with the data of `a`."""
    _check_like(like)
    return _core._array(a, dtype, 0, "C", 1, False)


def empty(shape, dtype=float, order="C", *, device=None, like=None):
    """A new array of `shape` and `dtype`, without initialising entries."""
    _check_like(like)
    return _core._new(shape, dtype, order, _EMPTY)


def zeros(shape, dtype=float, order="C", *, device=None, like=None):
    """A new array of `shape` and `dtype`, filled with zeros."""
    _check_like(like)
    return _core._new(shape, dtype, order, _ZEROS)


def ones(shape, dtype=None, order="C", *, device=None, like=None):
    """A new array of `shape` and `dtype`, filled with ones."""
    _check_like(like)
    return _core._new(shape, float if dtype is None else dtype, order, _ONES)


def full(shape, fill_value, dtype=None, order="C", *, device=None, like=None):
    """A new array of `shape` filled with `fill_value` (dtype from it when None)."""
    _check_like(like)
    return _core._new(shape, dtype, order, _VALUE, fill_value)


def empty_like(prototype, dtype=None, order="K", subok=True, shape=None, *, device=None):
    """A new uninitialised array with the shape and type of `prototype`."""
    return _core._like(prototype, dtype, order, shape, _EMPTY)


def zeros_like(a, dtype=None, order="K", subok=True, shape=None, *, device=None):
    """An array of zeros with the shape and type of `a`."""
    return _core._like(a, dtype, order, shape, _ZEROS)


def ones_like(a, dtype=None, order="K", subok=True, shape=None, *, device=None):
    """An array of ones with the shape and type of `a`."""
    return _core._like(a, dtype, order, shape, _ONES)


def full_like(a, fill_value, dtype=None, order="K", subok=True, shape=None, *, device=None):
    """An array filled with `fill_value`, with the shape and type of `a`."""
    return _core._like(a, dtype, order, shape, _VALUE, fill_value)


_NOARG = object()


def arange(start_or_stop=_NOARG, /, stop=_NOARG, step=None, *, dtype=None, device=None, like=None):
    """Evenly spaced values in [start, stop) (NumPy's arange)."""
    _check_like(like)
    if start_or_stop is _NOARG:
        if stop is _NOARG or stop is None:
            raise TypeError("arange() requires stop to be specified.")
        start = 0
    elif stop is _NOARG or stop is None:
        start, stop = 0, start_or_stop
    else:
        start = start_or_stop
    if step is None:
        step = 1
    return _core._arange(start, stop, step, dtype)


def linspace(start, stop, num=50, endpoint=True, retstep=False, dtype=None, axis=0, *, device=None):
    """`num` evenly spaced samples over [start, stop] (NumPy's linspace)."""
    num = _operator.index(num)
    axis = _operator.index(axis)
    a0, a1 = asarray(start), asarray(stop)
    if a0.ndim == 0 and a1.ndim == 0:
        if axis not in (0, -1):
            from .exceptions import AxisError
            raise AxisError(axis, 1)
        y, step = _core._linspace(start, stop, num, bool(endpoint), dtype)
        return (y, step) if retstep else y
    return _linspace_nd(start, stop, a0, a1, num, bool(endpoint), retstep, dtype, axis)


def _linspace_nd(start, stop, a0, a1, num, endpoint, retstep, dtype, axis):
    # NumPy's arithmetic, step by step, on broadcast array bounds.
    from . import result_type, floor_divide
    if num < 0:
        raise ValueError(f"Number of samples, {num}, must be non-negative.")
    div = (num - 1) if endpoint else num
    weak = (int, float, complex)
    dt = result_type(start if type(start) in weak else a0, stop if type(stop) in weak else a1, 1.0)
    delta = a1.astype(dt) - a0.astype(dt)
    y = arange(0, num, dtype=dt).reshape((-1,) + (1,) * delta.ndim)
    if div > 0:
        step = delta / div
        if True in (step == 0).ravel().tolist():
            y = (y / div) * delta
        else:
            y = y * step
    else:
        step = float("nan")
        y = y * delta
    y += a0
    if endpoint and num > 1:
        y[-1, ...] = a1
    nd = y.ndim
    if not -nd <= axis < nd:
        from .exceptions import AxisError
        raise AxisError(axis, nd)
    if axis < 0:
        axis += nd
    if axis != 0:
        axes = list(range(1, nd))
        axes.insert(axis, 0)
        y = y.transpose(tuple(axes))
    if dtype is not None:
        out = asarray(0, dtype=dtype).dtype
        if out.kind in "iu":
            y = floor_divide(y, 1)
        y = y.astype(out, copy=False)
    return (y, step) if retstep else y


def eye(N, M=None, k=0, dtype=float, order="C", *, device=None, like=None):
    """A 2-D array with ones on the k-th diagonal and zeros elsewhere."""
    _check_like(like)
    return _core._eye(_operator.index(N), None if M is None else _operator.index(M),
                      _operator.index(k), dtype, order)


def identity(n, dtype=None, *, like=None):
    """The n x n identity array."""
    return eye(n, dtype=float if dtype is None else dtype, like=like)


def frombuffer(buffer, dtype=float, count=-1, offset=0, *, like=None):
    """A 1-D array viewing the memory of `buffer` (zero-copy)."""
    _check_like(like)
    return _core._frombuffer(buffer, dtype, _operator.index(count), _operator.index(offset))
