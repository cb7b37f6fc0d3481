"""repr/str of numc arrays compared with NumPy 2, under default and changed
print options.  Arrays are built in NumPy and rebuilt in numc from the same
nested lists, so both libraries print the same values."""
import math
import sys
import time

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st
from hypothesis.extra import numpy as hnp

import numc

DTYPES = ["bool", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64",
          "float16", "float32", "float64", "complex64", "complex128"]


def to_numc(a):
    if a.size == 0:
        return numc.ndarray(a.shape, dtype=str(a.dtype))
    return numc.asarray(a.tolist(), dtype=str(a.dtype))


def assert_same(a, **opts):
    b = to_numc(a)
    with np.printoptions(**opts), numc.printoptions(**opts):
        assert repr(b) == repr(a)
        assert str(b) == str(a)


def float_elements(dtype):
    width = {"float16": 16, "float32": 32, "float64": 64, "complex64": 32,
             "complex128": 64}[dtype]
    specials = st.sampled_from([0.0, -0.0, math.nan, math.inf, -math.inf, 1e-300, 1e300,
                                65504.0, 6e-8, 1e16, 1e-5, 0.1, 1.5])
    return st.one_of(st.floats(width=width, allow_nan=True, allow_infinity=True), specials,
                     st.floats(-1e4, 1e4, width=width), st.integers(-100, 100).map(float))


def arrays(dtype):
    dt = np.dtype(dtype)
    if dt.kind == "c":
        part = float_elements(dtype)
        elements = st.builds(complex, part, part)
    elif dt.kind == "f":
        elements = float_elements(dtype)
    else:
        elements = None  # hypothesis covers the full integer range incl. extremes
    shapes = hnp.array_shapes(min_dims=0, max_dims=3, min_side=0, max_side=6)
    return hnp.arrays(dt, shapes, elements=elements)


@pytest.mark.parametrize("dtype", DTYPES)
@settings(max_examples=80, deadline=None)
@given(data=st.data())
def test_random_arrays(dtype, data):
    a = data.draw(arrays(dtype))
    assert_same(a)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("shape", [(), (0,), (0, 3), (2, 0, 2), (1,), (5,), (2, 3), (2, 3, 4),
                                   (2, 1, 2, 3)])
def test_shapes(dtype, shape):
    a = (np.arange(int(np.prod(shape))) % 7 - 2).astype(dtype).reshape(shape)
    assert_same(a)


@pytest.mark.parametrize("dtype", ["float16", "float32", "float64", "complex64", "complex128"])
@pytest.mark.parametrize("values", [
    [np.nan], [np.inf, -np.inf], [-0.0], [0.0, -0.0, 1.0], [1e-5, 1.5e-5], [1e-5, 1e100],
    [1e8, 1.0], [999.0, 1.0], [1000.0, 999.0], [1e6, 1.0], [0.1, 0.2, 0.3], [1 / 3, 2 / 3],
    [1e-9, 1.0, np.nan], [123456.789], [400.25, 1764.0],
])
def test_float_values(dtype, values):
    with np.errstate(over="ignore"):
        a = np.array(values, dtype=dtype)
    assert_same(a)
    assert_same(a[:1].reshape(()))


@pytest.mark.parametrize("dtype", DTYPES)
def test_summarised(dtype):
    a = (np.arange(3000) % 13).astype(dtype)
    assert_same(a)
    assert_same(a.reshape(30, 100))
    assert_same(a.reshape(10, 10, 30))
    assert_same(a.reshape(3, 1000))


@pytest.mark.parametrize("opts", [
    dict(precision=3), dict(precision=0), dict(precision=12), dict(threshold=10),
    dict(threshold=10, edgeitems=1), dict(edgeitems=5, threshold=20), dict(linewidth=30),
    dict(linewidth=120), dict(suppress=True), dict(sign="+"), dict(sign=" "),
    dict(floatmode="fixed"), dict(floatmode="unique"), dict(floatmode="maxprec_equal"),
    dict(nanstr="NaN", infstr="Infinity"), dict(precision=2, suppress=True, sign="+", linewidth=40),
    dict(floatmode="fixed", precision=3, sign=" "), dict(threshold=sys.maxsize),
])
def test_options(opts):
    rs = np.random.RandomState(1)
    for a in [rs.randn(7) * 10, rs.randn(3, 4) * 1e-5, np.array([1.5, np.nan, -np.inf, 1e-9]),
              rs.randn(4, 5).astype(np.float32), np.array([1 + 2j, -3.25 - 1e-3j]),
              np.arange(-5, 20), np.arange(30).reshape(5, 6) * 1.0, np.array([0.1, 2.0, 3.5]),
              rs.randn(2, 3, 4).astype(np.float16), np.array([True, False]), np.array(3.14159),
              np.arange(2000.0).reshape(20, 100) / 7, np.array([123456789.0, 1.0]),
              np.array([-5, 10], dtype=np.int16), np.array([5, 10], dtype=np.uint8)]:
        assert_same(a, **opts)


@settings(max_examples=80, deadline=None)
@given(a=arrays("float64"), precision=st.integers(0, 10), linewidth=st.integers(10, 100),
       suppress=st.booleans(), sign=st.sampled_from("-+ "), threshold=st.integers(0, 50),
       edgeitems=st.integers(1, 4),
       floatmode=st.sampled_from(["fixed", "unique", "maxprec", "maxprec_equal"]))
def test_random_options(a, precision, linewidth, suppress, sign, threshold, edgeitems, floatmode):
    assert_same(a, precision=precision, linewidth=linewidth, suppress=suppress, sign=sign,
                threshold=threshold, edgeitems=edgeitems, floatmode=floatmode)


def test_get_set_printoptions():
    assert numc.get_printoptions() == np.get_printoptions()
    old = numc.get_printoptions()
    try:
        numc.set_printoptions(precision=3, linewidth=50)
        np.set_printoptions(precision=3, linewidth=50)
        assert numc.get_printoptions() == np.get_printoptions()
        a = np.linspace(0, 1, 30)
        assert repr(to_numc(a)) == repr(a)
    finally:
        numc.set_printoptions(**{k: v for k, v in old.items() if k != "formatter"})
        np.set_printoptions(**{k: v for k, v in old.items() if k != "formatter"})
    assert numc.get_printoptions() == old
    with numc.printoptions(precision=2) as o:
        assert o["precision"] == 2 and numc.get_printoptions()["precision"] == 2
    assert numc.get_printoptions() == old


def test_bad_options():
    with pytest.raises(ValueError):
        numc.set_printoptions(floatmode="bogus")
    with pytest.raises(ValueError):
        numc.set_printoptions(sign="x")
    with pytest.raises(ValueError):
        numc.set_printoptions(threshold=math.nan)


def test_array2string():
    a = np.array([[1.5, 2.0], [3.25, -4.0]])
    b = to_numc(a)
    assert numc.array2string(b) == np.array2string(a)
    assert numc.array2string(b, separator=", ", precision=1) == \
        np.array2string(a, separator=", ", precision=1)
    assert numc.array_repr(b) == np.array_repr(a)
    assert numc.array_str(b) == np.array_str(a)


def test_large_array_is_fast():
    n = 2_000_000
    b = numc.asarray(list(range(n)), dtype="float64")
    t = time.perf_counter()
    r = repr(b)
    assert time.perf_counter() - t < 0.5
    assert r == repr(np.arange(n, dtype=np.float64))
