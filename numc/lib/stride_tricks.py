"""Views with arbitrary strides: as_strided and sliding_window_view.

as_strided takes numc's extra check_bounds=True, which refuses (ValueError)
a view that reaches outside the memory of the array it is made from."""
import operator

from .. import _core
from .._creation import asarray

__all__ = ["as_strided", "sliding_window_view"]


def as_strided(x, shape=None, strides=None, subok=False, writeable=True, *, check_bounds=False):
    x = asarray(x)
    shape = x.shape if shape is None else tuple(shape)
    strides = x.strides if strides is None else tuple(strides)
    return _core._as_strided(x, shape, strides, writeable, check_bounds)


def sliding_window_view(x, window_shape, axis=None, *, subok=False, writeable=False):
    window_shape = (tuple(window_shape) if hasattr(window_shape, "__iter__")
                    else (window_shape,))
    x = asarray(x)
    window_shape = tuple(operator.index(w) for w in window_shape)
    if any(w < 0 for w in window_shape):
        raise ValueError("`window_shape` cannot contain negative values")
    if axis is None:
        axis = tuple(range(x.ndim))
        if len(window_shape) != len(axis):
            raise ValueError(f"Since axis is `None`, must provide window_shape for all "
                             f"dimensions of `x`; got {len(window_shape)} window_shape "
                             f"elements and `x.ndim` is {x.ndim}.")
    else:
        axis = tuple(axis) if hasattr(axis, "__iter__") else (axis,)
        norm = []
        for a in axis:
            if not -x.ndim <= a < x.ndim:
                from ..exceptions import AxisError
                raise AxisError(a, x.ndim)
            norm.append(a % x.ndim)
        axis = tuple(norm)
        if len(window_shape) != len(axis):
            raise ValueError(f"Must provide matching length window_shape and axis; got "
                             f"{len(window_shape)} window_shape elements and {len(axis)} axes "
                             f"elements.")
    out_strides = x.strides + tuple(x.strides[ax] for ax in axis)
    x_shape_trimmed = list(x.shape)
    for ax, dim in zip(axis, window_shape):
        if x_shape_trimmed[ax] < dim:
            raise ValueError("window shape cannot be larger than input array shape")
        x_shape_trimmed[ax] -= dim - 1
    out_shape = tuple(x_shape_trimmed) + window_shape
    return _core._as_strided(x, out_shape, out_strides, writeable, True)
