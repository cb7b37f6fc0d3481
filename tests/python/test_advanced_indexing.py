"""Advanced indexing (integer arrays, lists, boolean masks mixed with basic
items) compared with NumPy: getitem, setitem, placement of the broadcast
index dimensions, errors."""
import numpy as np
import pytest
from hypothesis import given, strategies as st

import numc
from helpers import check_same, to_numc, same_values

A = np.arange(24).reshape(2, 3, 4)


def conv(k):
    """The same key for numc: NumPy arrays inside become numc arrays."""
    if isinstance(k, tuple):
        return tuple(conv(x) for x in k)
    if isinstance(k, np.ndarray):
        return numc.array(k)
    return k


KEYS = [
    [0, 1], [[0, 1], [1, 0]], [-1], np.array([1, 0, 1]), (slice(None), [0, 2]),
    (slice(None), slice(None), [3, 0, -1]), ([0, 1], [1, 2]), ([0, 1], slice(None), [1, 2]),
    (0, slice(None), [1, 2]), (Ellipsis, [1]), (None, [1, 0]), ([1], None, [2]),
    ([[0], [1]], [0, 1, 2]), (slice(None), [[0, 1], [2, 0]], [1]), A % 2 == 0,
    A[0] > 3, (A[:, 0, 0] > 0,), (slice(None), A[0, :, 0] > 3), (A[:, :, 0] > 5, [1]),
    True, False, (True, 0), (Ellipsis, False), np.array(True), np.array([], dtype=np.intp),
    [], (slice(None), []), np.array([[True, False, True]]), (1, [0, 2], slice(1, 3)),
    (slice(None, None, -1), [0, 0, 1]), (np.uint8(1), [2]), np.array([0, 1], dtype=np.int8),
    ([0, 1], [[1], [2]]), (slice(None), [], slice(None)), (np.array(1), [0]),
    # Empty boolean axes match any axis length.
    np.zeros(0, bool), (Ellipsis, np.zeros(0, bool)), (slice(None), np.zeros(0, bool)),
    np.zeros((0, 0), bool), np.zeros((2, 0), bool), np.zeros((1, 0), bool),
]


@pytest.mark.parametrize("key", KEYS, ids=[repr(k)[:40] for k in KEYS])
def test_getitem(key):
    check_same(lambda: A[key], lambda: to_numc(A)[conv(key)])


@pytest.mark.parametrize("key", KEYS, ids=[repr(k)[:40] for k in KEYS])
def test_setitem_scalar_and_shaped(key):
    for val in (-5, "shaped"):
        def run(mod, arr, k):
            x = arr.copy()
            if val == "shaped":
                v = np.arange(A[key].size).reshape(A[key].shape) * 10
                x[k] = v if mod is np else numc.array(v)
            else:
                x[k] = val
            return x
        check_same(lambda: run(np, A, key), lambda: run(numc, to_numc(A), conv(key)))


def test_repeated_indices_last_wins():
    a, b = np.zeros(5), numc.zeros(5)
    a[[1, 1, 3, 1]] = [1, 2, 3, 4]
    b[[1, 1, 3, 1]] = [1, 2, 3, 4]
    same_values(a, b)


def test_setitem_casts_and_broadcasts():
    a, b = np.zeros((3, 4), np.int32), numc.zeros((3, 4), numc.int32)
    a[[0, 2]] = [1.7, 2.2, 3.9, 4.0]
    b[[0, 2]] = [1.7, 2.2, 3.9, 4.0]
    same_values(a, b)
    a[a > 1] = np.array([9])
    b[b > 1] = numc.array([9])
    same_values(a, b)
    check_same(lambda: a.__setitem__(a > 1, np.ones((1, 1))),
               lambda: b.__setitem__(b > 1, numc.ones((1, 1))))


def test_setitem_overlapping_value():
    a, b = np.arange(6), numc.arange(6)
    a[[0, 1, 2, 3, 4, 5]] = a[::-1]
    b[[0, 1, 2, 3, 4, 5]] = b[::-1]
    same_values(a, b)


def test_result_is_copy():
    b = numc.arange(6)
    r = b[[0, 1]]
    r[0] = 100
    assert b[0] == 0
    m = b[b > 2]
    m[0] = 100
    assert b[3] == 3


def test_negative_strides_and_noncontiguous():
    x = np.arange(60.0).reshape(3, 4, 5)[::-1, ::2, 1::2]
    y = to_numc(np.arange(60.0).reshape(3, 4, 5))[::-1, ::2, 1::2]
    check_same(lambda: x[[0, -1], :, [1, 0]], lambda: y[[0, -1], :, [1, 0]])
    check_same(lambda: x[x > 20], lambda: y[y > 20])
    check_same(lambda: x[:, x[0, :, 0] > 0], lambda: y[:, y[0, :, 0] > 0])


@pytest.mark.parametrize("dt", ["bool", "int8", "int16", "float32", "float64", "complex128"])
def test_dtypes(dt):
    x = (np.arange(10) % 3).astype(dt)
    check_same(lambda: x[[3, 1, -1]], lambda: to_numc(x)[[3, 1, -1]])
    check_same(lambda: x[x != 0], lambda: to_numc(x)[to_numc(x) != 0])

    def s(mod, arr):
        arr = arr.copy()
        arr[arr != 0] = 0
        arr[[0, 2]] = 1
        return arr
    check_same(lambda: s(np, x), lambda: s(numc, to_numc(x)))


ERRORS = [
    ([5], "index 5 is out of bounds for axis 0 with size 2"),
    ((slice(None), [3]), "index 3 is out of bounds for axis 1 with size 3"),
    ((0, 0, [-5]), "index -5 is out of bounds for axis 2 with size 4"),
    (np.array([True, False, True]),
     "boolean index did not match indexed array along axis 0; size of axis is 2 but size of "
     "corresponding boolean axis is 3"),
    (np.array([1.0]), "arrays used as indices must be of integer (or boolean) type"),
    (([0, 1], [0, 1, 2]), None),
    ((0, 0, 0, [0]), None),
    ((Ellipsis, Ellipsis, [0]), None),
]


@pytest.mark.parametrize("key,msg", ERRORS, ids=[str(i) for i in range(len(ERRORS))])
def test_errors(key, msg):
    check_same(lambda: A[key], lambda: to_numc(A)[conv(key)])

    def setit(mod, arr, k):
        arr[k] = 1
    check_same(lambda: setit(np, A.copy(), key), lambda: setit(numc, to_numc(A), conv(key)))
    if msg:
        with pytest.raises(IndexError) as e:
            to_numc(A)[conv(key)]
        assert str(e.value) == msg


def test_value_shape_mismatch():
    with pytest.raises(ValueError):
        numc.zeros(5)[[0, 1]] = [1, 2, 3]
    with pytest.raises(ValueError):
        numc.zeros(5)[numc.arange(5) > 2] = [1, 2, 3]


def test_readonly():
    x = numc.zeros(3)
    v = numc.lib.stride_tricks.as_strided(x, writeable=False) if hasattr(numc, "lib") else None
    if v is not None:
        with pytest.raises(ValueError):
            v[[0]] = 1


# --- hypothesis: random index expressions over random shapes ---------------------------

@st.composite
def array_and_key(draw):
    ndim = draw(st.integers(0, 4))
    shape = tuple(draw(st.integers(0, 4)) for _ in range(ndim))
    x = np.arange(int(np.prod(shape)), dtype=np.int64).reshape(shape)
    if ndim and draw(st.booleans()):
        ax = draw(st.integers(0, ndim - 1))
        sl = [slice(None)] * ndim
        sl[ax] = slice(None, None, -1)
        x = x[tuple(sl)]
    items, used = [], 0
    nitems = draw(st.integers(1, 4))
    have_ell = False
    for _ in range(nitems):
        kind = draw(st.sampled_from(["int", "slice", "none", "ell", "arr", "bool", "b0"]))
        if kind in ("int", "slice", "arr", "bool") and used >= ndim:
            kind = "none"
        if kind == "ell":
            if have_ell:
                kind = "none"
            else:
                have_ell = True
                items.append(Ellipsis)
                continue
        if kind == "none":
            items.append(None)
        elif kind == "b0":
            items.append(draw(st.booleans()))
        elif kind == "int":
            n = x.shape[used]
            items.append(draw(st.integers(-n - 1, n)))
            used += 1
        elif kind == "slice":
            items.append(slice(draw(st.none() | st.integers(-5, 5)),
                               draw(st.none() | st.integers(-5, 5)),
                               draw(st.none() | st.sampled_from([-2, -1, 1, 2]))))
            used += 1
        elif kind == "arr":
            n = x.shape[used]
            ishape = tuple(draw(st.integers(0, 3)) for _ in range(draw(st.integers(0, 2))))
            vals = draw(st.lists(st.integers(-n, max(n - 1, 0)) if n else st.just(0),
                                 min_size=int(np.prod(ishape)), max_size=int(np.prod(ishape))))
            items.append(np.array(vals, dtype=np.intp).reshape(ishape))
            used += 1
        else:
            k = draw(st.integers(1, ndim - used))
            bshape = x.shape[used:used + k]
            vals = draw(st.lists(st.booleans(), min_size=int(np.prod(bshape)),
                                 max_size=int(np.prod(bshape))))
            items.append(np.array(vals, dtype=bool).reshape(bshape))
            used += k
    key = tuple(items) if len(items) > 1 or draw(st.booleans()) else items[0]
    return x, key


@given(array_and_key())
def test_hypothesis_getitem(xk):
    x, key = xk
    check_same(lambda: x[key], lambda: to_numc(x)[conv(key)])


@given(array_and_key())
def test_hypothesis_setitem(xk):
    x, key = xk

    def run(mod, arr, k):
        arr = arr.copy()
        r = arr[k]
        shape = np.shape(r)
        v = np.arange(int(np.prod(shape))).reshape(shape) + 100
        arr[k] = v if mod is np else numc.array(v)
        return arr

    check_same(lambda: run(np, x, key), lambda: run(numc, to_numc(x)[...], conv(key)))


def test_ellipsis_between_advanced_indices_separates_them():
    """An Ellipsis standing for no axis still moves the broadcast dims first."""
    x = np.zeros((1, 0, 0), dtype=np.int64)
    key_np = (slice(None), np.array([], bool), Ellipsis, np.array([], bool))
    key_nc = (slice(None), numc.array([], bool), Ellipsis, numc.array([], bool))
    assert numc.array(x)[key_nc].shape == x[key_np].shape
    y = np.arange(24).reshape(2, 3, 4)
    for key in [([0], Ellipsis, [1]), ([0], Ellipsis, slice(None), [1]), (Ellipsis, [0], [1])]:
        assert numc.array(y)[key].tolist() == y[key].tolist()


def test_numpy_arrays_as_indices():
    y = np.arange(24).reshape(2, 3, 4)
    c = numc.array(y)
    for key in [np.array([1, 0]), np.array([True, False]), (slice(None), np.array([0, 2]), 1)]:
        assert c[key].tolist() == y[key].tolist()
