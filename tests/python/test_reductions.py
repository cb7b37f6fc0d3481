"""Reductions and statistics (numc/_reductions.py, src/reduce/argreduce.c,
src/reduce/nanfill.c) against NumPy: result dtype, shape and values across
dtypes, axes, keepdims, empty arrays and nan/inf; warnings and errors."""
import warnings

import numpy as np
import pytest
from hypothesis import given, strategies as st

import numc
from helpers import DTYPES, to_numc

RTOL = {"float16": 2e-3, "float32": 2e-6, "float64": 1e-12, "complex64": 2e-6,
        "complex128": 1e-12}


def close(n_res, c_res, rtol=None):
    """dtype, shape and values: exact for bool/int, relative for floats."""
    if isinstance(n_res, tuple):
        assert isinstance(c_res, tuple) and len(c_res) == len(n_res)
        for a, b in zip(n_res, c_res):
            close(a, b, rtol)
        return
    n = np.asarray(n_res)
    assert str(c_res.dtype) == str(n.dtype), (c_res.dtype, n.dtype)
    c = np.asarray(c_res.tolist() if hasattr(c_res, "tolist") else c_res, dtype=n.dtype)
    c = c.reshape(n.shape)
    assert tuple(getattr(c_res, "shape", ())) == n.shape
    if n.dtype.kind in "fc":
        tol = rtol if rtol is not None else RTOL[str(n.dtype)]
        np.testing.assert_allclose(c, n, rtol=tol, atol=tol * 1e-3, equal_nan=True)
    else:
        assert c.tolist() == n.tolist()


def both(fn_np, fn_nc, rtol=None):
    """Runs both quietly; same exception type or close results."""
    res = []
    for fn in (fn_np, fn_nc):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                res.append((fn(), None))
            except Exception as e:  # noqa: BLE001
                res.append((None, e))
    (nr, ne), (cr, ce) = res
    if ne is not None or ce is not None:
        assert ne is not None and ce is not None, (ne, ce)
        assert isinstance(ce, type(ne)) or issubclass(type(ne), type(ce)) or \
            (isinstance(ne, ValueError) and isinstance(ce, ValueError)), (ne, ce)
        return
    close(nr, cr, rtol)


def data(dtype, shape=(3, 4, 5), seed=0):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal(shape) * 10
    if dtype == "bool":
        return x > 0
    if np.dtype(dtype).kind == "u":
        return np.abs(x).astype(dtype)
    if np.dtype(dtype).kind == "c":
        return (x + 1j * rng.standard_normal(shape)).astype(dtype)
    return x.astype(dtype)


AXES = [None, 0, 1, -1, (0, 2), (-1, 0)]
SIMPLE = ["sum", "prod", "max", "min", "mean", "std", "var", "any", "all", "ptp"]


@pytest.mark.parametrize("name", SIMPLE)
@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("axis", AXES)
@pytest.mark.parametrize("keepdims", [False, True])
def test_reduction_dtypes_axes(name, dtype, axis, keepdims):
    if name == "ptp" and dtype == "bool":
        pytest.skip("NumPy refuses bool subtract")
    x = data(dtype)
    if name == "prod":
        x = (x.astype(np.float64) / 8 if np.dtype(dtype).kind in "fc" else x).astype(dtype)
    c = to_numc(x)
    both(lambda: getattr(np, name)(x, axis=axis, keepdims=keepdims),
         lambda: getattr(numc, name)(c, axis=axis, keepdims=keepdims),
         rtol=1e-2 if dtype == "float16" and name in ("std", "var", "prod") else None)


@pytest.mark.parametrize("name", ["sum", "prod", "max", "min", "mean", "std", "var", "any",
                                  "all", "argmax", "argmin", "cumsum", "cumprod"])
@pytest.mark.parametrize("axis", [None, 0, -1])
def test_methods(name, axis):
    x = data("float64", (4, 6))
    c = to_numc(x)
    both(lambda: getattr(x, name)(axis=axis), lambda: getattr(c, name)(axis=axis))
    both(lambda: getattr(x, name)(axis), lambda: getattr(c, name)(axis))


@pytest.mark.parametrize("dtype", ["int8", "uint8", "bool", "int32", "uint16", "float16",
                                   "float32", "complex64"])
def test_result_dtypes(dtype):
    x = data(dtype, (5,))
    c = to_numc(x)
    for name in ("sum", "prod", "mean", "cumsum", "cumprod", "var", "std"):
        r = getattr(numc, name)(c)
        assert str(r.dtype) == str(getattr(np, name)(x).dtype), name


@pytest.mark.parametrize("name", ["argmax", "argmin"])
@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("axis", [None, 0, 1, 2, -1])
@pytest.mark.parametrize("keepdims", [False, True])
def test_argreduce(name, dtype, axis, keepdims):
    x = data(dtype, (4, 3, 70))
    if dtype != "bool":
        x[1, 2, 5] = x[0, 0, 0]  # ties
    c = to_numc(x)
    both(lambda: getattr(np, name)(x, axis=axis, keepdims=keepdims),
         lambda: getattr(numc, name)(c, axis=axis, keepdims=keepdims))
    # non-contiguous views
    both(lambda: getattr(np, name)(x[:, ::-1, 1::3], axis=axis),
         lambda: getattr(numc, name)(c[:, ::-1, 1::3], axis=axis))
    both(lambda: getattr(np, name)(x.transpose(2, 0, 1), axis=axis),
         lambda: getattr(numc, name)(c.transpose(2, 0, 1), axis=axis))


@pytest.mark.parametrize("dtype", ["float16", "float32", "float64", "complex64", "complex128"])
@pytest.mark.parametrize("n", [5, 100, 2000])
def test_argreduce_nan_inf(dtype, n):
    rng = np.random.default_rng(n)
    x = rng.standard_normal(n).astype(dtype)
    for specials in ([np.inf], [-np.inf], [np.nan], [np.nan, np.inf], [np.inf, np.nan]):
        y = x.copy()
        pos = rng.choice(n, len(specials), replace=False)
        for p, v in zip(pos, specials):
            y[p] = v
        if dtype.startswith("complex"):
            z = y.copy()
            z.imag[pos[0]] = np.nan
            z.real[pos[0]] = 1.0
            both(lambda: np.argmax(z), lambda: numc.argmax(to_numc(z)))
        c = to_numc(y)
        for f in ("argmax", "argmin"):
            both(lambda: getattr(np, f)(y), lambda: getattr(numc, f)(c))
            y2 = np.stack([y, y[::-1]], axis=1)
            c2 = to_numc(y2)
            both(lambda: getattr(np, f)(y2, axis=0), lambda: getattr(numc, f)(c2, axis=0))


def test_argreduce_signed_zero_ties_and_out():
    x = np.array([0.0, -0.0, 0.0, -1.0, 3.0, 3.0])
    c = to_numc(x)
    assert numc.argmax(c) == np.argmax(x)
    assert numc.argmin(c[:3]) == np.argmin(x[:3])
    m = np.arange(12.0).reshape(3, 4)
    o = numc.zeros(4, dtype=numc.int64)
    r = numc.argmax(to_numc(m), axis=0, out=o)
    assert r is o and o.tolist() == [2, 2, 2, 2]
    with pytest.raises(TypeError):
        numc.argmax(to_numc(m), axis=0, out=numc.zeros(4))


def test_argmax_empty_errors():
    for f in ("argmax", "argmin"):
        with pytest.raises(ValueError, match=f"attempt to get {f} of an empty sequence"):
            getattr(numc, f)(numc.zeros(0))
        both(lambda: getattr(np, f)(np.zeros((0, 3)), axis=0),
             lambda: getattr(numc, f)(numc.zeros((0, 3)), axis=0))
        both(lambda: getattr(np, f)(np.zeros((0, 3)), axis=1),
             lambda: getattr(numc, f)(numc.zeros((0, 3)), axis=1))
    with pytest.raises(np.exceptions.AxisError.__base__):
        numc.argmax(numc.zeros((2, 3)), axis=2)


@pytest.mark.parametrize("name", ["sum", "prod", "mean", "max", "min", "std", "var", "any",
                                  "all"])
@pytest.mark.parametrize("axis", [None, 0, 1])
def test_empty(name, axis):
    x = np.zeros((0, 3))
    c = to_numc(x)
    both(lambda: getattr(np, name)(x, axis=axis), lambda: getattr(numc, name)(c, axis=axis))


def test_warnings():
    with pytest.warns(RuntimeWarning, match="Mean of empty slice"):
        numc.mean(numc.zeros(0))
    with pytest.warns(RuntimeWarning, match="All-NaN slice encountered"):
        r = numc.nanmax(numc.asarray([np.nan, np.nan]))
    assert np.isnan(float(r))
    with pytest.warns(RuntimeWarning, match="Degrees of freedom"):
        numc.var(numc.asarray([1.0]), ddof=1)
    with pytest.raises(ValueError, match="All-NaN slice encountered"):
        numc.nanargmax(numc.asarray([np.nan, np.nan]))
    with pytest.raises(ValueError, match="zero-size array"):
        numc.max(numc.zeros(0))


@pytest.mark.parametrize("dtype", ["float16", "float32", "float64", "complex128", "int32"])
@pytest.mark.parametrize("axis", [None, 0, 1])
@pytest.mark.parametrize("name", ["nansum", "nanprod", "nanmin", "nanmax", "nanmean", "nanvar",
                                  "nanstd", "nanargmin", "nanargmax", "nancumsum",
                                  "nancumprod"])
def test_nan_functions(dtype, axis, name):
    x = data(dtype, (4, 5), seed=3)
    if np.dtype(dtype).kind in "fc":
        x[1, 2] = np.nan
        x[3, :] = np.nan if name not in ("nanargmin", "nanargmax") else x[3, :]
        x[0, 4] = np.inf
    if name in ("nanprod", "nancumprod"):
        x = (x / 8).astype(dtype) if np.dtype(dtype).kind in "fc" else x
    c = to_numc(x)
    both(lambda: getattr(np, name)(x, axis=axis), lambda: getattr(numc, name)(c, axis=axis),
         rtol=1e-2 if dtype == "float16" else None)


@pytest.mark.parametrize("ddof", [0, 1, 2])
def test_var_std_ddof_correction_mean(ddof):
    x = data("float64", (5, 6))
    c = to_numc(x)
    both(lambda: np.var(x, axis=0, ddof=ddof), lambda: numc.var(c, axis=0, ddof=ddof))
    both(lambda: np.std(x, correction=ddof), lambda: numc.std(c, correction=ddof))
    m = x.mean(axis=1, keepdims=True)
    both(lambda: np.var(x, axis=1, mean=m), lambda: numc.var(c, axis=1, mean=to_numc(m)))
    with pytest.raises(ValueError):
        numc.std(c, ddof=1, correction=1)
    z = (x + 1j * x[::-1]).astype(np.complex128)
    both(lambda: np.var(z, axis=1, ddof=ddof), lambda: numc.var(to_numc(z), axis=1, ddof=ddof))


@pytest.mark.parametrize("dtype", ["int8", "uint8", "bool", "float32", "float64", "complex64"])
@pytest.mark.parametrize("axis", [None, 0, 1])
def test_scans(dtype, axis):
    x = data(dtype, (3, 4))
    c = to_numc(x)
    for name in ("cumsum", "cumprod"):
        both(lambda: getattr(np, name)(x, axis=axis), lambda: getattr(numc, name)(c, axis=axis))
    if axis is not None:
        for name in ("cumulative_sum", "cumulative_prod"):
            for inc in (False, True):
                both(lambda: getattr(np, name)(x, axis=axis, include_initial=inc),
                     lambda: getattr(numc, name)(c, axis=axis, include_initial=inc))
    both(lambda: np.cumulative_sum(x), lambda: numc.cumulative_sum(c))
    both(lambda: np.cumulative_sum(x[0], include_initial=True),
         lambda: numc.cumulative_sum(c[0], include_initial=True))


@pytest.mark.parametrize("dtype", DTYPES)
def test_count_nonzero(dtype):
    x = data(dtype, (3, 4, 5)).astype(dtype)
    x[0] = 0
    if np.dtype(dtype).kind == "f":
        x[1, 0, 0] = -0.0
        x[1, 0, 1] = np.nan
    c = to_numc(x)
    assert numc.count_nonzero(c) == np.count_nonzero(x)
    assert numc.count_nonzero(c[:, ::2, ::-1]) == np.count_nonzero(x[:, ::2, ::-1])
    for axis in (0, (1, 2), -1):
        for kd in (False, True):
            both(lambda: np.count_nonzero(x, axis=axis, keepdims=kd),
                 lambda: numc.count_nonzero(c, axis=axis, keepdims=kd))


def test_average():
    x = data("float64", (3, 4))
    c = to_numc(x)
    w = np.arange(1.0, 5.0)
    both(lambda: np.average(x), lambda: numc.average(c))
    both(lambda: np.average(x, axis=1, weights=w), lambda: numc.average(c, axis=1, weights=w))
    both(lambda: np.average(x, axis=0, returned=True), lambda: numc.average(c, axis=0,
                                                                            returned=True))
    both(lambda: np.average(x, weights=x > 0, returned=True, axis=1),
         lambda: numc.average(c, weights=to_numc(x > 0), returned=True, axis=1))
    xi = np.arange(12).reshape(3, 4)
    both(lambda: np.average(xi, axis=1, weights=w, keepdims=True),
         lambda: numc.average(to_numc(xi), axis=1, weights=w, keepdims=True))
    with pytest.raises(TypeError):
        numc.average(c, weights=w)
    with pytest.raises(ValueError):
        numc.average(c, axis=0, weights=w)
    with pytest.raises(ZeroDivisionError):
        numc.average(c, axis=1, weights=np.zeros(4))


def test_diff_ediff1d_trapezoid():
    x = data("float64", (3, 5))
    c = to_numc(x)
    for n in (0, 1, 2):
        for axis in (0, -1):
            both(lambda: np.diff(x, n=n, axis=axis), lambda: numc.diff(c, n=n, axis=axis))
    both(lambda: np.diff(x, prepend=0, append=x[:, :1]),
         lambda: numc.diff(c, prepend=0, append=c[:, :1]))
    b = x > 0
    both(lambda: np.diff(b), lambda: numc.diff(to_numc(b)))
    i8 = np.array([1, 5, 2, 9], dtype=np.uint8)
    both(lambda: np.diff(i8), lambda: numc.diff(to_numc(i8)))
    both(lambda: np.ediff1d(x), lambda: numc.ediff1d(c))
    both(lambda: np.ediff1d(x, to_begin=[1, 2], to_end=7),
         lambda: numc.ediff1d(c, to_begin=[1, 2], to_end=7))
    both(lambda: np.trapezoid(x), lambda: numc.trapezoid(c))
    both(lambda: np.trapezoid(x, axis=0, dx=0.5), lambda: numc.trapezoid(c, axis=0, dx=0.5))
    xs = np.array([0.0, 1.0, 3.0, 4.5, 7.0])
    both(lambda: np.trapezoid(x, x=xs), lambda: numc.trapezoid(c, x=to_numc(xs)))


def test_where_initial():
    x = data("float64", (3, 4))
    c = to_numc(x)
    w = x > 0
    both(lambda: np.sum(x, axis=1, where=w), lambda: numc.sum(c, axis=1, where=to_numc(w)))
    both(lambda: np.max(x, axis=0, initial=100.0), lambda: numc.max(c, axis=0, initial=100.0))
    both(lambda: np.mean(x, axis=1, where=w), lambda: numc.mean(c, axis=1, where=to_numc(w)))


def test_large_float_sum_and_int_exact():
    rng = np.random.default_rng(7)
    x = rng.random(100_003)
    c = to_numc(x)
    close(np.sum(x), numc.sum(c))
    close(np.mean(x), numc.mean(c))
    close(np.std(x), numc.std(c))
    close(np.var(x[::3], ddof=2), numc.var(c[::3], ddof=2))
    close(np.std(x, keepdims=True), numc.std(c, keepdims=True))
    close(np.sum(x.reshape(-1, 1)[:100_000].reshape(400, 250), axis=0),
          numc.sum(c.reshape(-1, 1)[:100_000].reshape(400, 250), axis=0))
    i = rng.integers(-2**40, 2**40, 10_001)
    close(np.sum(i), numc.sum(to_numc(i)))
    assert numc.argmax(c) == np.argmax(x)
    assert numc.argmin(c) == np.argmin(x)


@given(st.lists(st.floats(allow_nan=True, allow_infinity=True, width=64), min_size=1,
                max_size=300))
def test_argmax_hypothesis(vals):
    x = np.array(vals)
    c = to_numc(x)
    assert numc.argmax(c) == np.argmax(x)
    assert numc.argmin(c) == np.argmin(x)


@given(st.lists(st.integers(-2**63, 2**63 - 1), min_size=1, max_size=300))
def test_argmax_int_hypothesis(vals):
    x = np.array(vals, dtype=np.int64)
    c = to_numc(x)
    assert numc.argmax(c) == np.argmax(x)
    assert numc.argmin(c) == np.argmin(x)


@pytest.mark.parametrize("name", ["nansum", "nanprod", "nanmin", "nanmax", "nanmean", "nanvar",
                                  "nanstd", "nancumsum"])
@pytest.mark.parametrize("keepdims", [False, True])
def test_nan_functions_keepdims_empty_allnan(name, keepdims):
    x = np.array([[np.nan, np.nan, 1.0], [np.nan, np.nan, 2.0]])
    c = to_numc(x)
    kw = {} if name == "nancumsum" else {"keepdims": keepdims}
    for axis in (None, 0, 1):
        both(lambda: getattr(np, name)(x, axis=axis, **kw),
             lambda: getattr(numc, name)(c, axis=axis, **kw))
    e = np.zeros((0, 2))
    both(lambda: getattr(np, name)(e, axis=0, **kw), lambda: getattr(numc, name)(to_numc(e),
                                                                                  axis=0, **kw))


@pytest.mark.parametrize("name", ["sum", "prod", "max", "min", "mean", "std", "var"])
def test_out_argument(name):
    x = data("float64", (3, 4))
    c = to_numc(x)
    o_np, o_nc = np.zeros(4), numc.zeros(4)
    r_np = getattr(np, name)(x, axis=0, out=o_np)
    r_nc = getattr(numc, name)(c, axis=0, out=o_nc)
    assert r_nc is o_nc
    close(r_np, r_nc)


@pytest.mark.parametrize("dtype", ["int8", "uint8", "int32", "uint64", "bool"])
def test_int_sums_exact_and_wrap(dtype):
    x = (np.arange(300) * 37 % 256).astype(dtype)
    c = to_numc(x)
    for name in ("sum", "prod", "cumsum", "cumprod", "max", "min", "ptp", "mean"):
        if name == "ptp" and dtype == "bool":
            continue
        both(lambda: getattr(np, name)(x), lambda: getattr(numc, name)(c))
    both(lambda: np.sum(x, dtype=np.int8), lambda: numc.sum(c, dtype=numc.int8))


def test_float16_mean_and_sum():
    x = (np.arange(2000) % 97).astype(np.float16)
    c = to_numc(x)
    for name in ("sum", "mean", "std", "var"):
        both(lambda: getattr(np, name)(x), lambda: getattr(numc, name)(c), rtol=2e-2)
    r = numc.mean(c)
    assert str(r.dtype) == "float16"


def test_warning_categories_match():
    from helpers import run_both
    e, allnan = np.zeros(0), np.array([[np.nan, 1.0], [np.nan, 2.0]])
    cases = [(np.mean, numc.mean, e, {}), (np.nanmean, numc.nanmean, allnan, {"axis": 0}),
             (np.nanmax, numc.nanmax, allnan, {"axis": 0}),
             (np.nanmin, numc.nanmin, allnan, {"axis": 0}),
             (np.var, numc.var, np.ones(1), {"ddof": 1}),
             (np.nanvar, numc.nanvar, allnan, {"axis": 0, "ddof": 1})]
    for fn, fc, x, kw in cases:
        (nr, ne, nw), (cr, ce, cw) = run_both(lambda: fn(x, **kw), lambda: fc(to_numc(x), **kw))
        assert ne is None and ce is None
        assert set(nw) == set(cw), (fn.__name__, nw, cw)
        close(nr, cr)


def test_python_inputs_and_axis_errors():
    m = [[1, 5], [7, 2]]
    for name, args, kw in [("sum", ([1, 2, 3],), {}), ("mean", (5,), {}), ("argmax", (m,), {}),
                           ("argmax", (m,), {"axis": -1, "keepdims": True}),
                           ("std", (m,), {"axis": (0, 1), "keepdims": True}),
                           ("count_nonzero", (m,), {}), ("cumsum", (m,), {}),
                           ("prod", ([],), {}), ("ptp", (m,), {"axis": 1}),
                           ("diff", ([1, 5, 7, 2],), {"n": 3}), ("ediff1d", (m,), {}),
                           ("trapezoid", ([1, 5, 7, 2],), {"x": [0, 1, 3, 4]}),
                           ("cumulative_prod", ([1, 2, 3],), {"include_initial": True}),
                           ("all", ([],), {}), ("any", ([np.nan],), {})]:
        both(lambda: getattr(np, name)(*args, **kw), lambda: getattr(numc, name)(*args, **kw))
    assert type(numc.count_nonzero(m)).__name__ == type(np.count_nonzero(m)).__name__
    for name in ("argmin", "argmax", "mean", "sum", "std", "count_nonzero"):
        with pytest.raises(numc.exceptions.AxisError):
            getattr(numc, name)(numc.ones((2, 3)), axis=2)
    with pytest.raises(ValueError):
        numc.mean(numc.ones((2, 3)), axis=(0, 0))


@given(shape=st.lists(st.integers(0, 4), min_size=1, max_size=4),
       dtype=st.sampled_from(["int16", "uint32", "float32", "float64", "complex128", "bool"]),
       name=st.sampled_from(["sum", "max", "mean", "argmax", "argmin", "any", "cumsum",
                             "count_nonzero", "nanmax", "var"]),
       data_=st.data())
def test_hypothesis_shapes_axes(shape, dtype, name, data_):
    x = data(dtype, tuple(shape), seed=len(shape))
    nd = len(shape)
    if name in ("argmax", "argmin", "cumsum"):
        axis = data_.draw(st.sampled_from([None] + list(range(-nd, nd))))
    else:
        axis = data_.draw(st.sampled_from([None] + list(range(-nd, nd)) +
                                          ([(0, nd - 1)] if nd > 1 else [])))
    if name == "nanmax" and dtype == "bool":
        return
    c = to_numc(x)
    both(lambda: getattr(np, name)(x, axis=axis), lambda: getattr(numc, name)(c, axis=axis))
