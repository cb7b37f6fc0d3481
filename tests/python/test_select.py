"""Selection routines compared with NumPy: take/put, nonzero family, where,
compress/choose/select/piecewise, index helpers, stride tricks, and NEP 21
oindex/vindex (checked against np.ix_-style and broadcast equivalents)."""
import re
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, strategies as st

import numc
from numc.lib.stride_tricks import as_strided, sliding_window_view
from helpers import check_same, to_numc, same_values

X = np.arange(24).reshape(2, 3, 4) * 1.5
B = (np.arange(24).reshape(2, 3, 4) % 3 == 0)


def both(fn_np, fn_nc, *arrays):
    check_same(lambda: fn_np(*arrays), lambda: fn_nc(*[to_numc(a) if isinstance(a, np.ndarray)
                                                         else a for a in arrays]))


@pytest.mark.parametrize("idx,axis,mode", [
    ([0, 2], None, "raise"), ([[1, 0], [2, 2]], 1, "raise"), ([5, -7], 2, "wrap"),
    ([5, -7], 2, "clip"), ([3], 0, "raise"), ([-1], -1, "raise"), (2, 1, "raise"), ([], 0, "raise"),
    ([1], 3, "raise"),
])
def test_take(idx, axis, mode):
    check_same(lambda: np.take(X, idx, axis=axis, mode=mode),
               lambda: numc.take(to_numc(X), idx, axis=axis, mode=mode))
    check_same(lambda: X.take(idx, axis=axis, mode=mode),
               lambda: to_numc(X).take(idx, axis=axis, mode=mode))


def test_take_out_and_scalar():
    o1, o2 = np.zeros(2), numc.zeros(2)
    np.take(X, [1, 2], out=o1)
    numc.take(to_numc(X), [1, 2], out=o2)
    same_values(o1, o2)
    check_same(lambda: np.take(X, 5), lambda: numc.take(to_numc(X), 5))
    check_same(lambda: np.take(np.zeros((0, 2)), [0], axis=0, mode="wrap"),
               lambda: numc.take(numc.zeros((0, 2)), [0], axis=0, mode="wrap"))


@pytest.mark.parametrize("ind,v,mode", [
    ([0, 5], [7, 8], "raise"), ([1, 1, 2], [1, 2, 3], "raise"), ([30, -40], [9], "wrap"),
    ([30, -40], [9, 10], "clip"), ([30], [1], "raise"), ([0, 1, 2, 3], [5, 6], "raise"),
])
def test_put(ind, v, mode):
    def run(mod, a):
        a = a.copy()
        mod.put(a, ind, v, mode=mode)
        return a
    check_same(lambda: run(np, X), lambda: run(numc, to_numc(X)))

    def run_t(mod, a):  # non-contiguous target
        a = a.copy().T
        a.put(ind, v, mode=mode)
        return a
    check_same(lambda: run_t(np, X), lambda: run_t(numc, to_numc(X)))


def test_along_axis():
    a = np.array([[10, 30, 20], [60, 40, 50]])
    ai = np.argsort(a, axis=1)
    check_same(lambda: np.take_along_axis(a, ai, axis=1),
               lambda: numc.take_along_axis(to_numc(a), to_numc(ai), axis=1))
    check_same(lambda: np.take_along_axis(a, np.array([[0, 1]]), axis=0),
               lambda: numc.take_along_axis(to_numc(a), numc.array([[0, 1]]), axis=0))
    check_same(lambda: np.take_along_axis(a, np.array([5, 0]), axis=None),
               lambda: numc.take_along_axis(to_numc(a), numc.array([5, 0]), axis=None))

    def run(mod, arr, idx):
        arr = arr.copy()
        mod.put_along_axis(arr, idx, 99, axis=1)
        return arr
    check_same(lambda: run(np, a, np.array([[0], [2]])), lambda: run(numc, to_numc(a), numc.array([[0], [2]])))
    check_same(lambda: np.take_along_axis(a, np.array([[0.0]]), axis=1),
               lambda: numc.take_along_axis(to_numc(a), numc.array([[0.0]]), axis=1))


@pytest.mark.parametrize("a", [X, B, np.array([0.0, -0.0, np.nan, 1]), np.zeros((3, 0)),
                               np.array([0j, 1j, 2]), np.array([[0, 1], [2, 0]], np.int8)])
def test_nonzero_family(a):
    both(np.nonzero, numc.nonzero, a)
    both(lambda x: x.nonzero(), lambda x: x.nonzero(), a)
    both(np.flatnonzero, numc.flatnonzero, a)
    both(np.argwhere, numc.argwhere, a)
    both(np.where, numc.where, a)
    both(lambda x: np.extract(x, x), lambda x: numc.extract(x, x), a)


def test_nonzero_0d_errors():
    check_same(lambda: np.nonzero(np.array(1)), lambda: numc.nonzero(numc.array(1)))
    check_same(lambda: np.argwhere(np.array(1)), lambda: numc.argwhere(numc.array(1)))
    check_same(lambda: np.argwhere(np.array(0)), lambda: numc.argwhere(numc.array(0)))


@pytest.mark.parametrize("x,y", [(X, -X), (1, 2.5), (X, 2), (np.float32(1), np.arange(4, dtype=np.float32)),
                                 (np.int8(3), 1000), (np.arange(4), np.arange(4.0) * 1j),
                                 (True, np.zeros(4, bool))])
def test_where3(x, y):
    c = (np.arange(24).reshape(2, 3, 4) % 5 == 0)[..., :4]
    if np.ndim(y) == 1 or np.ndim(x) == 1:
        c = c[0, 0]
    conv = lambda v: to_numc(v) if isinstance(v, np.ndarray) else v  # noqa: E731
    check_same(lambda: np.where(c, x, y), lambda: numc.where(to_numc(c), conv(x), conv(y)))
    check_same(lambda: np.where(c.astype(int), x, y), lambda: numc.where(to_numc(c.astype(int)), conv(x), conv(y)))


def test_where_errors():
    with pytest.raises(ValueError):
        numc.where(numc.ones(3, bool), 1)
    check_same(lambda: np.where(np.ones(3, bool), np.ones(2), 0),
               lambda: numc.where(numc.ones(3, bool), numc.ones(2), 0))


@given(st.integers(0, 3), st.integers(0, 5), st.integers(0, 2**32 - 1),
       st.sampled_from(["int8", "uint16", "float32", "float64", "complex128", "bool"]))
def test_where_hypothesis(nd, n, seed, dt):
    rng = np.random.default_rng(seed)
    shape = tuple(rng.integers(0, n + 1, nd))
    c = rng.random(shape) > 0.5
    x = rng.integers(0, 100, shape).astype(dt)
    y = rng.integers(0, 100, shape[1:] if nd else ()).astype(dt)
    check_same(lambda: np.where(c, x, y), lambda: numc.where(to_numc(c), to_numc(x), to_numc(y)))
    if nd:
        xs = x[::-1]
        check_same(lambda: np.where(c, xs, y), lambda: numc.where(to_numc(c), to_numc(x)[::-1], to_numc(y)))


@pytest.mark.parametrize("cond,axis", [([True, False], 0), ([0, 1, 1], 1), ([1, 0, 1, 1], 2),
                                       ([1, 0, 1], None), ([0, 0, 0, 0, 1], 2), ([1, 0, 0, 0, 0], 2)])
def test_compress(cond, axis):
    both(lambda a: np.compress(cond, a, axis=axis), lambda a: numc.compress(cond, a, axis=axis), X)
    both(lambda a: a.compress(cond, axis=axis), lambda a: a.compress(cond, axis=axis), X)


@pytest.mark.parametrize("mode", ["raise", "wrap", "clip"])
def test_choose(mode):
    choices = [np.arange(4), np.arange(4) * 10.0, np.array([[100], [200]])]
    for idx in ([0, 1, 2, 1], [[0, 3, -1, 2], [1, 1, 1, 1]]):
        check_same(lambda: np.choose(idx, choices, mode=mode),
                   lambda: numc.choose(idx, [to_numc(c) for c in choices], mode=mode))
        check_same(lambda: np.array(idx).choose(choices, mode=mode),
                   lambda: numc.array(idx).choose([to_numc(c) for c in choices], mode=mode))


def test_place_putmask():
    def run(mod, a, fn, vals):
        a = a.copy()
        getattr(mod, fn)(a, a > 10, vals)
        return a
    for fn in ("place", "putmask"):
        for vals in ([1, 2], [7], np.arange(30.0)):
            check_same(lambda: run(np, X, fn, vals), lambda: run(numc, to_numc(X), fn, vals))
    check_same(lambda: run(np, X, "place", []), lambda: run(numc, to_numc(X), "place", []))


def test_select():
    x = np.arange(10)
    cl, chl = [x < 3, x > 5], [x, x ** 2]
    check_same(lambda: np.select(cl, chl, 42), lambda: numc.select([to_numc(c) for c in cl], [to_numc(c) for c in chl], 42))
    check_same(lambda: np.select(cl, [1.5, x], 0), lambda: numc.select([to_numc(c) for c in cl], [1.5, to_numc(x)], 0))
    check_same(lambda: np.select([x < 3], chl), lambda: numc.select([to_numc(x) < 3], [to_numc(c) for c in chl]))
    check_same(lambda: np.select([], []), lambda: numc.select([], []))
    check_same(lambda: np.select([x], [x]), lambda: numc.select([to_numc(x)], [to_numc(x)]))


def test_piecewise():
    x = np.linspace(-2.5, 2.5, 6)
    check_same(lambda: np.piecewise(x, [x < 0, x >= 0], [-1, 1]),
               lambda: numc.piecewise(to_numc(x), [to_numc(x) < 0, to_numc(x) >= 0], [-1, 1]))
    check_same(lambda: np.piecewise(x, [x < 0], [lambda v: -v, lambda v: v * 2]),
               lambda: numc.piecewise(to_numc(x), [to_numc(x) < 0], [lambda v: -v, lambda v: v * 2]))


def test_index_helpers():
    same_values(np.diag_indices(3), numc.diag_indices(3))
    same_values(np.diag_indices(2, 3), numc.diag_indices(2, 3))
    for k in (-1, 0, 2):
        same_values(np.tril_indices(4, k), numc.tril_indices(4, k))
        same_values(np.triu_indices(3, k, 5), numc.triu_indices(3, k, 5))
    same_values(np.tril_indices_from(np.ones((3, 4))), numc.tril_indices_from(numc.ones((3, 4))))
    same_values(np.indices((2, 3)), numc.indices((2, 3)))
    same_values(np.indices((2, 3), sparse=True), numc.indices((2, 3), sparse=True))
    same_values(np.indices((2, 0), dtype=np.int8), numc.indices((2, 0), dtype="int8"))
    same_values(np.ix_([0, 1], [True, False, True], []), numc.ix_([0, 1], [True, False, True], []))
    check_same(lambda: np.ix_([[0]]), lambda: numc.ix_([[0]]))
    a = np.arange(20).reshape(4, 5)
    check_same(lambda: a[np.ix_([0, 3], [1, 4])], lambda: to_numc(a)[numc.ix_([0, 3], [1, 4])])


@pytest.mark.parametrize("mode", ["raise", "wrap", "clip", ("clip", "wrap")])
@pytest.mark.parametrize("order", ["C", "F"])
def test_ravel_unravel(mode, order):
    mi = ([3, 6, 6], [4, 5, 1])
    check_same(lambda: np.ravel_multi_index(mi, (7, 6), mode=mode, order=order),
               lambda: numc.ravel_multi_index(mi, (7, 6), mode=mode, order=order))
    check_same(lambda: np.ravel_multi_index(([9], [1]), (7, 6), mode=mode, order=order),
               lambda: numc.ravel_multi_index(([9], [1]), (7, 6), mode=mode, order=order))
    check_same(lambda: np.unravel_index([22, 41, 37], (7, 6), order=order),
               lambda: numc.unravel_index([22, 41, 37], (7, 6), order=order))
    check_same(lambda: np.unravel_index(1621, (6, 7, 8, 9), order=order),
               lambda: numc.unravel_index(1621, (6, 7, 8, 9), order=order))
    check_same(lambda: np.unravel_index(42, (6, 7)), lambda: numc.unravel_index(42, (6, 7)))


def test_as_strided():
    a = np.arange(10.0)
    check_same(lambda: as_strided_np(a, (3, 3), (16, 8)),
               lambda: as_strided(to_numc(a), (3, 3), (16, 8)))
    v = as_strided(numc.arange(10.0), (3,), (0,))
    same_values(np.array([0.0, 0, 0]), v)
    r = as_strided(numc.arange(4), writeable=False)
    with pytest.raises(ValueError):
        r[0] = 1
    with pytest.raises(ValueError):
        r[[0]] = 1
    base = numc.arange(10)
    with pytest.raises(ValueError):
        as_strided(base, (20,), (8,), check_bounds=True)
    with pytest.raises(ValueError):
        as_strided(base[5:], (2,), (-48,), check_bounds=True)
    with pytest.raises(ValueError):
        as_strided(base, (3,), (2**62,), check_bounds=True)
    same_values(np.arange(10)[::-3], as_strided(base[9:], (4,), (-24,), check_bounds=True))
    same_values(np.zeros((0, 5)), as_strided(numc.zeros(1), (0, 5), (2**40, 8), check_bounds=True))


def as_strided_np(a, shape, strides):
    return np.lib.stride_tricks.as_strided(a, shape, strides)


@pytest.mark.parametrize("ws,axis", [(3, None), ((2, 2), None), (2, 0), ((2, 3), (1, 0)), (1, -1),
                                     (7, 0), (-1, 0), ((2,), None)])
def test_sliding_window(ws, axis):
    a = np.arange(20).reshape(4, 5)
    if isinstance(ws, int) and axis is None:
        a = a[0]
    check_same(lambda: np.lib.stride_tricks.sliding_window_view(a, ws, axis),
               lambda: sliding_window_view(to_numc(a), ws, axis))


# --- NEP 21 ----------------------------------------------------------------

def test_oindex_matches_ix():
    a = np.arange(60).reshape(3, 4, 5)
    c = to_numc(a)
    same_values(a[np.ix_([0, 2], [1, 3], [0, 4])], c.oindex[[0, 2], [1, 3], [0, 4]])
    same_values(a[[0, 2]][:, :, [1, 3]], c.oindex[[0, 2], :, [1, 3]])
    same_values(a[1][:, [0, 0, 4]], c.oindex[1, :, [0, 0, 4]])
    m = np.array([True, False, True, True])
    same_values(a[:, m][:, :, [1]], c.oindex[:, to_numc(m), [1]])
    same_values(a[:, 1:3], c.oindex[:, 1:3])


def test_vindex_broadcast_first():
    a = np.arange(60).reshape(3, 4, 5)
    c = to_numc(a)
    same_values(a[[0, 2], :, [1, 3]], c.vindex[[0, 2], :, [1, 3]])
    same_values(np.moveaxis(a[:, [0, 2], [1, 3]], 1, 0), c.vindex[:, [0, 2], [1, 3]])
    same_values(np.moveaxis(a[:, [[0], [1]], [1, 3]], (1, 2), (0, 1)),
                c.vindex[:, [[0], [1]], [1, 3]])


def test_oindex_vindex_setitem():
    a = np.zeros((3, 4), int)
    c = numc.zeros((3, 4), dtype=int)
    a[np.ix_([0, 2], [1, 3])] = [[1, 2], [3, 4]]
    c.oindex[[0, 2], [1, 3]] = [[1, 2], [3, 4]]
    same_values(a, c)
    a2 = np.zeros((3, 4, 5), int)
    c2 = numc.zeros((3, 4, 5), dtype=int)
    v = np.arange(6).reshape(2, 3)
    a2[:, [0, 1], [2, 3]] = v.T
    c2.vindex[:, [0, 1], [2, 3]] = numc.array(v)
    same_values(a2, c2)


def _doc_blocks():
    doc = Path(__file__).resolve().parents[2] / "docs" / "user" / "indexing_modes.md"
    return re.findall(r"```python\n(.*?)```", doc.read_text(), re.S)


def test_doc_examples_run():
    blocks = _doc_blocks()
    assert blocks
    ns = {}
    for code in blocks:
        exec(compile(code, "indexing_modes.md", "exec"), ns)  # noqa: S102 - our own doc
