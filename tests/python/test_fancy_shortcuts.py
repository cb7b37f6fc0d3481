"""The shortcuts of advanced indexing compared with NumPy: one int64 index
array or list on axis 0 (get, set with scalars and arrays), ndarray.take and
numc.take with an index array, for every element size, negative and
out-of-bounds indices, non-contiguous operands and values that overlap."""
import numpy as np
import pytest

import numc
from helpers import check_same, to_numc

DTYPES = [np.bool_, np.int8, np.int16, np.float32, np.float64, np.complex128]
IDX = [[0], [1, 2, 3], [-1, 0, -7], [6, 6, 6, 6], list(range(7))[::-1]]


def base(dt, shape=(7,)):
    return (np.arange(np.prod(shape)) % 5).astype(dt).reshape(shape)


@pytest.mark.parametrize("dt", DTYPES)
@pytest.mark.parametrize("idx", IDX)
def test_get(dt, idx):
    x = base(dt)
    check_same(lambda: x[np.array(idx)], lambda: to_numc(x)[numc.array(idx)])
    check_same(lambda: x[idx], lambda: to_numc(x)[idx])
    check_same(lambda: x.take(np.array(idx)), lambda: to_numc(x).take(numc.array(idx)))
    check_same(lambda: np.take(x, np.array(idx)), lambda: numc.take(to_numc(x), numc.array(idx)))


@pytest.mark.parametrize("dt", DTYPES)
@pytest.mark.parametrize("idx", IDX)
def test_set(dt, idx):
    for value in (1, 2.5, np.arange(len(idx)) % 2):
        def np_fn():
            x = base(dt)
            x[np.array(idx)] = value
            return x

        def nc_fn():
            x = to_numc(base(dt))
            x[numc.array(idx)] = value if np.isscalar(value) else to_numc(value)
            return x

        def nc_list():
            x = to_numc(base(dt))
            x[idx] = value if np.isscalar(value) else to_numc(value)
            return x
        check_same(np_fn, nc_fn)
        check_same(np_fn, nc_list)


@pytest.mark.parametrize("bad", [[0, 7], [-8], [1, 2, 100]])
def test_out_of_bounds_last(bad):
    x = base(np.float64)

    def np_set():
        x2 = x.copy()
        x2[np.array(bad)] = 1.0

    def nc_set():
        x2 = to_numc(x)
        x2[numc.array(bad)] = 1.0
    check_same(lambda: x[np.array(bad)], lambda: to_numc(x)[numc.array(bad)])
    check_same(lambda: x[bad], lambda: to_numc(x)[bad])
    check_same(lambda: x.take(np.array(bad)), lambda: to_numc(x).take(numc.array(bad)))
    check_same(np_set, nc_set)
    with pytest.raises(IndexError, match="index .* is out of bounds for axis 0 with size 7"):
        to_numc(x)[numc.array(bad)]
    with pytest.raises(IndexError, match="index .* is out of bounds for axis 0 with size 7"):
        to_numc(x)[numc.array(bad)] = 1.0


def test_rows_and_strided():
    m = np.arange(60.0).reshape(6, 10)
    for key in ([4, 0, -1], np.array([[1, 2], [3, -6]])):
        check_same(lambda: m[np.array(key)], lambda: to_numc(m)[numc.array(key)])
        check_same(lambda: m[:, ::3][np.array(key)], lambda: to_numc(m)[:, ::3][numc.array(key)])
        check_same(lambda: m[::-2][np.array(key)[..., None] % 3],
                   lambda: to_numc(m)[::-2][numc.array(key)[..., None] % 3])
    ix = np.arange(12)[::3] - 4  # non-contiguous index array
    check_same(lambda: m[ix], lambda: to_numc(m)[to_numc(np.arange(12))[::3] - 4])

    def np_set():
        a = m.copy()
        a[np.array([5, 0])] = np.arange(10.0)
        a[np.array([[1], [2]])] = -1
        return a

    def nc_set():
        a = to_numc(m)
        a[numc.array([5, 0])] = numc.arange(10.0)
        a[numc.array([[1], [2]])] = -1
        return a
    check_same(np_set, nc_set)


def test_set_broadcast_errors_and_overlap():
    x = np.arange(8.0)

    def np_bad():
        x.copy()[np.array([1, 2])] = np.arange(3.0)

    def nc_bad():
        to_numc(x)[numc.array([1, 2])] = numc.arange(3.0)
    check_same(np_bad, nc_bad)

    def np_ov():
        a = x.copy()
        a[np.array([0, 1, 2, 3])] = a[::-1][:4]
        return a

    def nc_ov():
        a = to_numc(x)
        a[numc.array([0, 1, 2, 3])] = a[::-1][:4]
        return a
    check_same(np_ov, nc_ov)
    ro = to_numc(x)
    ro.flags.writeable = False
    with pytest.raises(ValueError):
        ro[numc.array([0])] = 1.0


@pytest.mark.parametrize("axis", [None, 0, 1, -1, -2, 2, -3])
def test_take_method_axis(axis):
    m = np.arange(12).reshape(3, 4)
    ix = np.array([2, -1])
    check_same(lambda: m.take(ix, axis), lambda: to_numc(m).take(numc.array(ix), axis))
    check_same(lambda: np.take(m, ix, axis), lambda: numc.take(to_numc(m), numc.array(ix), axis))
    check_same(lambda: m.take([0, 1], axis), lambda: to_numc(m).take([0, 1], axis))
    check_same(lambda: m.take(np.array(1), axis), lambda: to_numc(m).take(numc.array(1), axis))
    check_same(lambda: m.take(ix, axis, mode="wrap"),
               lambda: to_numc(m).take(numc.array(ix), axis, mode="wrap"))


def test_take_scalar_index_result():
    x = np.arange(5.0)
    check_same(lambda: np.take(x, 3), lambda: numc.take(to_numc(x), 3))
    check_same(lambda: x.take(np.array(3)), lambda: to_numc(x).take(numc.array(3)))
    r = numc.take(to_numc(x), numc.array([1]))
    assert isinstance(r, numc.ndarray) and r.shape == (1,)


LIST_KEYS = [[1, 2], [-1], [0] * 70, list(range(64)), [2 ** 63], [7], [-8],
             [True, 1], [1, 2.0], [np.int64(1), 2], [[0, 1], [1, 0]], [], [1, [2]]]


@pytest.mark.parametrize("key", LIST_KEYS, ids=[repr(k)[:30] for k in LIST_KEYS])
def test_list_keys(key):
    x = np.arange(64.0)

    def np_set():
        a = x.copy()
        a[key] = -1.0
        return a

    def nc_set():
        a = to_numc(x)
        a[key] = -1.0
        return a
    check_same(lambda: x[key], lambda: to_numc(x)[key])
    check_same(np_set, nc_set)
    check_same(lambda: x.reshape(8, 8)[key[:8] if len(key) > 8 else key, 1],
               lambda: to_numc(x).reshape(8, 8)[key[:8] if len(key) > 8 else key, 1])
