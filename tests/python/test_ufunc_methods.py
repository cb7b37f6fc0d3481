"""ufunc methods (reduce, accumulate, reduceat, outer, at) and where= on
ordinary calls, compared with NumPy."""
import itertools

import numpy as np
import pytest
from hypothesis import given, strategies as st
from hypothesis.extra import numpy as hnp

import numc
from helpers import DTYPES, check_same, same_values, to_numc

REDUCIBLE = ["add", "multiply", "maximum", "minimum", "subtract", "logical_and", "logical_or",
             "bitwise_and", "bitwise_or", "bitwise_xor", "divide"]


def sample(dtype, shape=(3, 4, 5)):
    n = int(np.prod(shape))
    if dtype == "bool":
        return (np.arange(n) % 3 != 0).reshape(shape)
    x = (np.arange(n) % 7 + 1).astype(dtype).reshape(shape)
    return x


def all_axes(nd):
    out = [None]
    for k in range(nd + 1):
        out += list(itertools.combinations(range(nd), k))
    out += list(range(-nd, nd))
    return out


@pytest.mark.parametrize("axis", all_axes(3))
@pytest.mark.parametrize("keepdims", [False, True])
def test_reduce_axes_add_max(axis, keepdims):
    a = np.random.default_rng(0).standard_normal((3, 4, 5))
    c = to_numc(a)
    for name in ("add", "maximum", "multiply"):
        check_same(lambda: getattr(np, name).reduce(a, axis=axis, keepdims=keepdims),
                   lambda: getattr(numc, name).reduce(c, axis=axis, keepdims=keepdims))


@pytest.mark.parametrize("name", REDUCIBLE)
@pytest.mark.parametrize("dtype", DTYPES)
def test_reduce_dtypes(name, dtype):
    a = sample(dtype)
    c = to_numc(a)
    for axis in (0, 1, 2, -1, None):
        check_same(lambda: getattr(np, name).reduce(a, axis=axis),
                   lambda: getattr(numc, name).reduce(c, axis=axis), warnings_too=False)
    check_same(lambda: getattr(np, name).accumulate(a, axis=1),
               lambda: getattr(numc, name).accumulate(c, axis=1), warnings_too=False)


@pytest.mark.parametrize("shape", [(0,), (0, 3), (3, 0), (2, 0, 3)])
def test_reduce_empty(shape):
    a = np.zeros(shape)
    c = to_numc(a)
    for name in ("add", "multiply", "maximum", "minimum"):
        for axis in all_axes(len(shape)):
            check_same(lambda: getattr(np, name).reduce(a, axis=axis),
                       lambda: getattr(numc, name).reduce(c, axis=axis))


def test_reduce_errors():
    c = numc.zeros((0, 3))
    with pytest.raises(ValueError, match="zero-size array to reduction operation maximum which has no identity"):
        numc.maximum.reduce(c)
    with pytest.raises(numc.exceptions.AxisError):
        numc.add.reduce(numc.ones((2, 3)), axis=2)
    with pytest.raises(ValueError, match="not reorderable"):
        numc.subtract.reduce(numc.ones((2, 3)), axis=(0, 1))
    with pytest.raises(ValueError, match="duplicate"):
        numc.add.reduce(numc.ones((2, 3)), axis=(0, 0))
    with pytest.raises(ValueError, match="initial"):
        numc.maximum.reduce(numc.ones((2, 3)), where=numc.asarray([True, False, True]))
    with pytest.raises(ValueError):
        numc.negative.reduce(numc.ones(3))
    with pytest.raises(TypeError):
        numc.equal.reduce(numc.ones(3))


def test_reduce_initial_where():
    a = np.arange(12.0).reshape(3, 4)
    c = to_numc(a)
    m = np.array([True, False, True, True])
    for name, init in (("add", 5.0), ("maximum", -1.0), ("multiply", 2)):
        f, g = getattr(np, name), getattr(numc, name)
        for axis in (0, 1, None, (0, 1)):
            check_same(lambda: f.reduce(a, axis=axis, initial=init),
                       lambda: g.reduce(c, axis=axis, initial=init))
            check_same(lambda: f.reduce(a, axis=axis, initial=init, where=m),
                       lambda: g.reduce(c, axis=axis, initial=init, where=numc.asarray(m)))
    check_same(lambda: np.maximum.reduce(np.zeros((0, 2)), axis=0, initial=3),
               lambda: numc.maximum.reduce(numc.zeros((0, 2)), axis=0, initial=3))
    check_same(lambda: np.add.reduce(a, where=m[:, None] if False else m, axis=1),
               lambda: numc.add.reduce(c, where=numc.asarray(m), axis=1))


def test_reduce_dtype_out():
    a = np.arange(10, dtype=np.int8)
    c = to_numc(a)
    for dt in (None, "int8", "int16", "float32", "float64", "uint8"):
        check_same(lambda: np.add.reduce(a, dtype=dt), lambda: numc.add.reduce(c, dtype=dt))
        check_same(lambda: np.add.accumulate(a, dtype=dt), lambda: numc.add.accumulate(c, dtype=dt))
    x = np.arange(12.0).reshape(3, 4)
    cx = to_numc(x)
    o = np.empty(4)
    co = numc.empty(4)
    r = numc.add.reduce(cx, axis=0, out=co)
    assert r is co
    np.add.reduce(x, axis=0, out=o)
    same_values(o, co)
    o32 = np.empty((1, 4), np.float32)
    co32 = numc.empty((1, 4), numc.float32)
    np.add.reduce(x, axis=0, out=o32, keepdims=True)
    numc.add.reduce(cx, axis=0, out=(co32,), keepdims=True)
    same_values(o32, co32)
    with pytest.raises(ValueError):
        numc.add.reduce(cx, axis=0, out=numc.empty(3))


def test_reduce_float_sums_match_bits():
    rng = np.random.default_rng(1)
    for n in (1, 7, 8, 127, 128, 129, 1000, 100003):
        a = rng.standard_normal(n)
        same_values(np.add.reduce(a), numc.add.reduce(to_numc(a)))
        f = a.astype(np.float32)
        same_values(np.add.reduce(f), numc.add.reduce(to_numc(f)))
        same_values(np.add.reduce(f, dtype=np.float64), numc.add.reduce(to_numc(f), dtype="float64"))
    b = rng.standard_normal((300, 301))
    cb = to_numc(b)
    for axis in (0, 1, None):
        same_values(np.add.reduce(b, axis=axis), numc.add.reduce(cb, axis=axis))
        # NumPy buffers strided inputs in blocks whose pairwise order numc
        # does not copy: a few ulps there.
        same_values(np.add.reduce(b.T, axis=axis), numc.add.reduce(cb.T, axis=axis), ulp=8)
        same_values(np.add.reduce(b[::2, ::3], axis=axis), numc.add.reduce(cb[::2, ::3], axis=axis), ulp=8)


def test_reduce_scalar_and_negative_zero():
    same_values(np.add.reduce(np.array([-0.0])), numc.add.reduce(numc.asarray([-0.0])))
    same_values(np.minimum.reduce(np.array([-0.0, 0.0])), numc.minimum.reduce(numc.asarray([-0.0, 0.0])))
    check_same(lambda: np.add.reduce(np.float64(3.0), axis=None),
               lambda: numc.add.reduce(numc.float64(3.0), axis=None))
    check_same(lambda: np.add.reduce([1, 2, 3]), lambda: numc.add.reduce([1, 2, 3]))


@given(hnp.arrays(np.float64, hnp.array_shapes(min_dims=1, max_dims=3, min_side=0, max_side=5),
                  elements=st.floats(-1e3, 1e3)), st.data())
def test_reduce_hypothesis(a, data):
    axis = data.draw(st.sampled_from(all_axes(a.ndim)))
    keep = data.draw(st.booleans())
    c = to_numc(a)
    check_same(lambda: np.add.reduce(a, axis=axis, keepdims=keep),
               lambda: numc.add.reduce(c, axis=axis, keepdims=keep))
    check_same(lambda: np.maximum.reduce(a, axis=axis, keepdims=keep),
               lambda: numc.maximum.reduce(c, axis=axis, keepdims=keep))


@pytest.mark.parametrize("axis", [0, 1, 2, -1])
def test_accumulate(axis):
    a = np.random.default_rng(2).standard_normal((3, 4, 5))
    c = to_numc(a)
    for name in ("add", "multiply", "maximum", "subtract", "divide"):
        check_same(lambda: getattr(np, name).accumulate(a, axis=axis),
                   lambda: getattr(numc, name).accumulate(c, axis=axis))
        check_same(lambda: getattr(np, name).accumulate(a.T, axis=axis),
                   lambda: getattr(numc, name).accumulate(c.T, axis=axis))
    check_same(lambda: np.add.accumulate(np.zeros((0, 3)), axis=axis % 2),
               lambda: numc.add.accumulate(numc.zeros((0, 3)), axis=axis % 2))
    with pytest.raises(numc.exceptions.AxisError):
        numc.add.accumulate(c, axis=3)
    o = numc.empty((3, 4, 5), numc.float32)
    r = numc.add.accumulate(c, axis=axis, out=o)
    assert r is o
    # NumPy accumulates in float64 through the float32 output: close, not equal.
    np.testing.assert_allclose(np.asarray(o.tolist()), np.add.accumulate(a, axis=axis), rtol=1e-5, atol=1e-5)


def test_reduceat():
    a = np.arange(8.0)
    c = to_numc(a)
    for idx in ([0, 4, 1, 5], [0], [7], [3, 3, 3], [5, 1, 6, 2], [0, 1, 2, 3, 4, 5, 6, 7]):
        for name in ("add", "multiply", "maximum", "subtract"):
            check_same(lambda: getattr(np, name).reduceat(a, idx),
                       lambda: getattr(numc, name).reduceat(c, idx))
    b = np.arange(24).reshape(4, 6)
    cb = to_numc(b)
    check_same(lambda: np.add.reduceat(b, [0, 2, 3], axis=1), lambda: numc.add.reduceat(cb, [0, 2, 3], axis=1))
    check_same(lambda: np.add.reduceat(b, [0, 2], axis=0), lambda: numc.add.reduceat(cb, [0, 2], axis=0))
    check_same(lambda: np.add.reduceat(b, [0, 2], axis=0, dtype=np.float32),
               lambda: numc.add.reduceat(cb, [0, 2], axis=0, dtype=numc.float32))
    with pytest.raises(IndexError):
        numc.add.reduceat(c, [0, 8])
    with pytest.raises(IndexError):
        numc.add.reduceat(c, [-1])


def test_outer():
    a = np.arange(3)
    b = np.arange(4.0).reshape(2, 2)
    ca, cb = to_numc(a), to_numc(b)
    for name in ("add", "multiply", "less", "maximum", "divmod"):
        check_same(lambda: getattr(np, name).outer(a, b), lambda: getattr(numc, name).outer(ca, cb))
    check_same(lambda: np.add.outer(2, 3), lambda: numc.add.outer(2, 3))
    check_same(lambda: np.add.outer([1, 2], [3, 4, 5], dtype=np.float32),
               lambda: numc.add.outer([1, 2], [3, 4, 5], dtype=numc.float32))
    with pytest.raises(ValueError):
        numc.negative.outer(ca, cb)


@pytest.mark.parametrize("dtype_out", ["float64", "float32", "int64"])
@pytest.mark.parametrize("mshape", [(4,), (3, 1), (3, 4), ()])
def test_where_on_calls(dtype_out, mshape):
    rng = np.random.default_rng(3)
    a = rng.standard_normal((3, 4))
    b = np.arange(4.0)
    m = rng.random(mshape) > 0.4
    for name in ("add", "multiply", "maximum", "less"):
        o = np.full((3, 4), 7, dtype=dtype_out if name != "less" else "bool")
        co = numc.asarray(o.copy())
        f, g = getattr(np, name), getattr(numc, name)
        with np.errstate(all="ignore"):
            f(a, b, out=o, where=m, casting="unsafe")
        g(to_numc(a), to_numc(b), out=co, where=numc.asarray(m), casting="unsafe")
        same_values(o, co)
    o = np.full((3, 4), 7.0)
    co = numc.asarray(o.copy())
    np.negative(a.T.T[:, ::1], out=o, where=m)
    numc.negative(to_numc(a), out=co, where=m.tolist() if m.ndim else bool(m))
    same_values(o, co)


def test_where_strided_and_aliasing():
    a = np.arange(20.0)
    c = to_numc(a)
    m = (np.arange(10) % 3) == 0
    x, y = a.copy(), c.copy()
    np.add(x[::2], x[1::2], out=x[1::2], where=m)
    numc.add(y[::2], y[1::2], out=y[1::2], where=numc.asarray(m))
    same_values(x, y)
    x, y = a.copy(), c.copy()
    np.add(x[:-1], 1.0, out=x[1:], where=np.ones(19, bool))
    numc.add(y[:-1], 1.0, out=y[1:], where=numc.ones(19, bool))
    same_values(x, y)
    with pytest.raises(ValueError):
        numc.add(c, c, where=numc.ones(3, bool))


def _at_both(fn, dtype="float64", shape=(3, 4)):
    a = np.arange(np.prod(shape)).astype(dtype).reshape(shape)
    c = to_numc(a)
    ne = ce = None
    try:
        fn(np, a)
    except Exception as e:  # noqa: BLE001
        ne = e
    try:
        fn(numc, c)
    except Exception as e:  # noqa: BLE001
        ce = e
    if ne is not None or ce is not None:
        assert ne is not None and ce is not None, (ne, ce)
        assert isinstance(ce, type(ne).__mro__[-3] if False else (IndexError, TypeError, ValueError))
        return
    same_values(a, c)


@pytest.mark.parametrize("fn", [
    lambda m, a: m.add.at(a, ([0, 0, 2],), 1.0),
    lambda m, a: m.add.at(a, [0, 0, 2], 1.0),
    lambda m, a: m.add.at(a, (slice(None), [1, 1, 3]), [1.0, 2.0, 3.0]),
    lambda m, a: m.negative.at(a, [0, 0]),
    lambda m, a: m.multiply.at(a, (1, [0, 0, 3]), 2),
    lambda m, a: m.add.at(a, ([0, 2], [1, 1]), 5),
    lambda m, a: m.add.at(a, (slice(0, 3, 2), 1), 5),
    lambda m, a: m.maximum.at(a, ([[0], [2]], [1, 3]), 10),
    lambda m, a: m.subtract.at(a, 2, [1, 2, 3, 4]),
    lambda m, a: m.add.at(a, ([-1, -3, -1],), 1),
    lambda m, a: m.add.at(a, ([3],), 1),
    lambda m, a: m.add.at(a, ([0, 1], [0, 1, 2]), 1),
    lambda m, a: m.add.at(a, ([0, 1, 2, 0],), m.asarray([[1.0], [2.0], [3.0], [4.0]])),
])
def test_at(fn):
    _at_both(fn)


def test_at_dtypes_and_errors():
    for dt in ("int8", "int64", "uint16", "float32", "complex128", "bool"):
        _at_both(lambda m, a: m.add.at(a, [0, 0, 1], 1), dt, (5,))
        _at_both(lambda m, a: m.logical_or.at(a, [0, 0, 1], 1), dt, (5,))
    x = numc.arange(5)
    with pytest.raises(TypeError):
        numc.add.at(x, [1], 1.5)
    with pytest.raises(IndexError):
        numc.add.at(x, [5], 1)
    with pytest.raises(ValueError):
        numc.add.at(x, [1])
    rng = np.random.default_rng(5)
    idx = rng.integers(0, 100, 10000)
    a = np.zeros(100)
    c = numc.zeros(100)
    np.add.at(a, idx, 1.5)
    numc.add.at(c, to_numc(idx), 1.5)
    same_values(a, c)


def test_blocked_reductions_match():
    rng = np.random.default_rng(6)
    for dt in ("int8", "int32", "uint64", "bool"):
        a = rng.integers(0, 100, 100_003).astype(dt)
        c = to_numc(a)
        for name in ("add", "multiply", "maximum", "bitwise_xor", "logical_or"):
            if dt == "bool" and name == "bitwise_xor":
                continue
            same_values(getattr(np, name).reduce(a), getattr(numc, name).reduce(c))
    f = rng.standard_normal(100_003)
    f[777] = np.nan
    for name in ("maximum", "minimum", "fmax", "fmin"):
        if hasattr(numc, name):
            same_values(getattr(np, name).reduce(f), getattr(numc, name).reduce(to_numc(f)))
            same_values(getattr(np, name).reduce(f[:5000]), getattr(numc, name).reduce(to_numc(f[:5000])))


@pytest.mark.parametrize("case", range(21))
def test_reduce_edge_cases(case):
    a = np.array([[-0.0, 1.5], [2.0, -3.0]])
    cases = [
        lambda m, x: m.add.reduce(x, axis=()),
        lambda m, x: m.maximum.reduce(x, axis=()),
        lambda m, x: m.subtract.reduce(x, axis=()),
        lambda m, x: m.add.reduce(x, axis=(), keepdims=True),
        lambda m, x: m.add.reduce(x[:0], axis=(), keepdims=True),
        lambda m, x: m.add.reduce(x, axis=None, keepdims=True),
        lambda m, x: m.multiply.reduce(x > 0),
        lambda m, x: m.logical_xor.reduce(x),
        lambda m, x: m.add.accumulate(x > 0),
        lambda m, x: m.maximum.accumulate(x, axis=None),
        lambda m, x: m.add.reduce(x, axis=1.0),
        lambda m, x: m.add.reduceat(x, []),
        lambda m, x: m.add.reduce(x.astype("complex64"), axis=0),
        lambda m, x: m.maximum.reduce(x.astype("complex128"), axis=0),
        lambda m, x: m.add.reduce(x, initial=1, where=m.asarray([[True], [False]])),
        lambda m, x: m.divide.reduce(x.astype("int32"), axis=0),
        lambda m, x: m.add.outer(x, 3.0),
        lambda m, x: m.add.reduce(x[0, 0], axis=None),
        lambda m, x: m.add.reduce(x[0, 0], axis=0),
        lambda m, x: m.add.accumulate(x[0, 0]),
        lambda m, x: m.maximum.accumulate(x[0], axis=None),
    ]
    f = cases[case]
    c = to_numc(a)
    check_same(lambda: f(np, a), lambda: f(numc, c))


@pytest.mark.parametrize("call", [
    lambda m, a: m.add.reduce(a), lambda m, a: m.add.accumulate(a),
    lambda m, a: m.add.reduceat(a, [0]), lambda m, a: m.sum(a), lambda m, a: m.cumsum(a),
    lambda m, a: m.prod(a), lambda m, a: m.mean(a), lambda m, a: m.multiply.outer(a, a),
])
def test_method_warnings_name_the_method(call):
    # NumPy says "overflow encountered in reduce" (or accumulate, reduceat)
    import warnings
    got = []
    for mod in (np, numc):
        a = mod.array([1e308, 1e308])
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            call(mod, a)
        got.append(sorted({str(x.message) for x in w}))
    assert got[0] == got[1]
