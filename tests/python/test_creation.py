"""numc.array/asarray and the creation functions, compared with NumPy."""
import math

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

import numc

DTYPES = ["bool", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64",
          "float16", "float32", "float64", "complex64", "complex128"]


def same(a, b):
    """numc array a equals NumPy array b in dtype, shape and values (nan-aware)."""
    assert a.dtype.name == b.dtype.name
    assert a.shape == b.shape
    x, y = np.asarray(a), b
    assert np.array_equal(x, y, equal_nan=x.dtype.kind in "fc")


def bits(a, b):
    assert a.dtype.name == b.dtype.name and a.shape == b.shape
    assert np.asarray(a).tobytes() == b.tobytes()


# --- nested sequences ------------------------------------------------------

scalars = st.one_of(
    st.integers(-2**63, 2**63 - 1), st.booleans(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.complex_numbers(allow_nan=False, allow_infinity=False),
    st.sampled_from([0.0, -0.0, math.inf, -math.inf, math.nan, 2**63 - 1, -2**63]))


@st.composite
def nested(draw):
    ndim = draw(st.integers(0, 4))
    shape = draw(st.lists(st.integers(0, 3), min_size=ndim, max_size=ndim))
    kind = draw(st.sampled_from(["int", "float", "mixed", "complex", "bool"]))
    elem = {"int": st.integers(-2**63, 2**63 - 1), "float": st.floats(),
            "bool": st.booleans(), "complex": st.complex_numbers(allow_nan=False),
            "mixed": scalars}[kind]

    def build(dims):
        if not dims:
            return draw(elem)
        return [build(dims[1:]) for _ in range(dims[0])]
    tup = draw(st.booleans())
    v = build(shape)
    return tuple(v) if tup and isinstance(v, list) else v


@settings(max_examples=50, deadline=None)
@given(nested())
def test_nested_matches_numpy(obj):
    try:
        ref = np.array(obj)
    except Exception as e:  # noqa: BLE001
        with pytest.raises(type(e)):
            numc.array(obj)
        return
    got = numc.array(obj)
    assert got.tolist() == ref.tolist() or ref.dtype.kind in "fc"
    same(got, ref)


@settings(max_examples=50, deadline=None)
@given(nested(), st.sampled_from(DTYPES))
def test_nested_with_dtype(obj, dt):
    try:
        ref = np.array(obj, dtype=dt)
    except Exception:  # noqa: BLE001
        return  # numc may accept casts NumPy refuses (and vice versa) at the edges

    if ref.dtype.kind in "iub" and np.asarray(obj).dtype.kind in "fc":
        return  # float->int casts of nan/inf/out-of-range are implementation-defined
    try:
        got = numc.array(obj, dtype=dt)
    except (OverflowError, TypeError):
        return  # numc refuses e.g. complex -> real like NumPy 2 mostly does
    same(got, ref)


@pytest.mark.parametrize("value,dtype", [(1, "int64"), (2**63, "uint64"), (-2**63, "int64"),
                                         (1.5, "float64"), (1j, "complex128"), (True, "bool")])
def test_scalar_default_dtypes(value, dtype):
    a = numc.array(value)
    assert a.dtype.name == dtype and a.shape == ()


def test_scalar_overflow():
    with pytest.raises(OverflowError):
        numc.array(2**64)
    with pytest.raises(OverflowError):
        numc.array([-2**63 - 1])


@pytest.mark.parametrize("obj", [[[1, 2], [3]], [1, [2, 3]], [[1, 2], [3, [4]]],
                                 [[[1], [2]], [[3], [4, 5]]], [[], [1]]])
def test_ragged_message(obj):
    with pytest.raises(ValueError) as ref:
        np.array(obj)
    with pytest.raises(ValueError) as got:
        numc.array(obj)
    assert str(got.value) == str(ref.value)


@pytest.mark.parametrize("obj", ["abc", b"abc", ["a", "b"], object()])
def test_strings_and_objects_refused(obj):
    with pytest.raises(TypeError):
        numc.array(obj)


def test_ndmin_order_copy():
    a = numc.array([1, 2], ndmin=3)
    assert a.shape == (1, 1, 2)
    f = numc.array([[1, 2], [3, 4]], order="F")
    assert f.strides == (8, 16)
    assert numc.asarray(f) is f
    c = numc.asarray(f, order="C")
    assert c.strides == (16, 8) and c.tolist() == [[1, 2], [3, 4]]
    assert numc.array(f, order="K").strides == (8, 16)
    assert numc.array(f) is not f
    assert numc.array(f, copy=False) is f
    with pytest.raises(ValueError, match="Unable to avoid copy"):
        numc.array(f, copy=False, order="C")
    with pytest.raises(ValueError, match="Unable to avoid copy"):
        numc.array([1, 2], copy=False)
    with pytest.raises(ValueError, match="Unable to avoid copy"):
        numc.asarray(f, dtype="int32", copy=False)
    assert numc.asarray(f, dtype="int32").dtype.name == "int32"
    assert numc.ascontiguousarray(5).shape == (1,)
    assert numc.array(range(4)).tolist() == [0, 1, 2, 3]
    with pytest.raises(ValueError):
        numc.array([1], order="Z")


def test_arrays_inside_lists():
    a = numc.array([1.5, 2.5])
    r = numc.array([a, np.array([3, 4]), [5, 6]])
    same(r, np.array([[1.5, 2.5], [3, 4], [5, 6]]))
    assert numc.array([np.float32(1), np.float32(2)]).dtype.name == "float32"


# --- creation functions ------------------------------------------------------

@settings(max_examples=50, deadline=None)
@given(st.lists(st.integers(0, 4), max_size=4), st.sampled_from(DTYPES), st.sampled_from("CF"))
def test_zeros_ones_empty_full(shape, dt, order):
    same(numc.zeros(shape, dt, order), np.zeros(shape, dt, order))
    same(numc.ones(shape, dt, order), np.ones(shape, dt, order))
    e = numc.empty(shape, dt, order)
    assert e.shape == tuple(shape) and e.dtype.name == dt
    if e.size:
        assert e.strides == np.empty(shape, dt, order).strides
    same(numc.full(shape, 1, dt, order), np.full(shape, 1, dt, order))


@pytest.mark.parametrize("value", [7, 7.0, True, 1 + 2j, -0.0, math.nan, 2**63])
def test_full_dtype_from_value(value):
    same(numc.full((2, 3), value), np.full((2, 3), value))


def test_full_broadcast_and_overflow():
    same(numc.full((2, 3), [1, 2, 3]), np.full((2, 3), [1, 2, 3]))
    with pytest.raises(OverflowError):
        numc.full(3, 300, dtype="uint8")


@pytest.mark.parametrize("fn", ["zeros_like", "ones_like", "empty_like"])
@pytest.mark.parametrize("order", ["K", "C", "F", "A"])
def test_like(fn, order):
    n = np.arange(24.0).reshape(2, 3, 4).transpose(2, 0, 1)
    src = numc.asarray(n)
    got, ref = getattr(numc, fn)(src, order=order), getattr(np, fn)(n, order=order)
    assert got.shape == ref.shape and got.strides == ref.strides
    if fn != "empty_like":
        same(got, ref)
    r2 = getattr(numc, fn)(src, dtype="int16", shape=(5, 2))
    assert r2.shape == (5, 2) and r2.dtype.name == "int16"


def test_full_like():
    n = np.arange(6, dtype="int32").reshape(2, 3)
    same(numc.full_like(numc.asarray(n), 2.7), np.full_like(n, 2.7))
    same(numc.full_like(numc.asarray(n), 2.7, dtype=float), np.full_like(n, 2.7, dtype=float))


ARANGE = [(3,), (0.5, 3), (0.1, 1.0, 0.1), (5, 1), (1, 10, 3), (-3.5, 8.25, 0.7), (10, 0, -1.5),
          (0, 1, 1e-3), (1e10, 1e10 + 50, 3.3), (2, 7, 1)]


@pytest.mark.parametrize("args", ARANGE)
@pytest.mark.parametrize("dt", [None, "float32", "float64", "int32", "int64", "float16", "complex128",
                                "uint8", "int8"])
def test_arange_bitwise(args, dt):
    try:
        ref = np.arange(*args, dtype=dt)
    except Exception as e:  # noqa: BLE001
        with pytest.raises(type(e)):
            numc.arange(*args, dtype=dt)
        return
    bits(numc.arange(*args, dtype=dt), ref)


@settings(max_examples=50, deadline=None)
@given(st.floats(-1e6, 1e6), st.floats(-1e6, 1e6), st.floats(0.01, 1e5), st.booleans())
def test_arange_float_hypothesis(start, stop, step, neg):
    step = -step if neg else step
    ref = np.arange(start, stop, step)
    if ref.size > 100000:
        return
    bits(numc.arange(start, stop, step), ref)


@settings(max_examples=50, deadline=None)
@given(st.integers(-1000, 1000), st.integers(-1000, 1000), st.integers(-50, 50).filter(bool))
def test_arange_int_hypothesis(start, stop, step):
    bits(numc.arange(start, stop, step), np.arange(start, stop, step))


def test_arange_errors():
    for args, exc, msg in [((0, 1, 0), ZeroDivisionError, "division by zero"),
                           ((0, 1e300, 1e-300), ValueError, "Maximum allowed size exceeded"),
                           ((0, math.nan), ValueError, "arange: cannot compute length"),
                           ((0, math.inf), ValueError, "Maximum allowed size exceeded")]:
        with pytest.raises(exc, match=msg):
            numc.arange(*args)
    with pytest.raises(TypeError, match="booleans"):
        numc.arange(3, dtype=bool)
    same(numc.arange(2, dtype=bool), np.arange(2, dtype=bool))
    with pytest.raises(TypeError):
        numc.arange()
    same(numc.arange(stop=3), np.arange(stop=3))
    same(numc.arange(1j, 5), np.arange(1j, 5))


@settings(max_examples=50, deadline=None)
@given(st.floats(-1e9, 1e9), st.floats(-1e9, 1e9), st.integers(0, 60), st.booleans(),
       st.sampled_from([None, "float32", "int64", "float64", "int16", "complex128"]))
def test_linspace_bitwise(start, stop, num, endpoint, dt):
    ref, rstep = np.linspace(start, stop, num, endpoint=endpoint, retstep=True, dtype=dt)
    if dt == "int16" and np.any(np.abs(np.linspace(start, stop, num, endpoint=endpoint)) > 30000):
        return
    got, gstep = numc.linspace(start, stop, num, endpoint=endpoint, retstep=True, dtype=dt)
    bits(got, ref)
    assert (math.isnan(gstep) and math.isnan(rstep)) or gstep == rstep


def test_linspace_misc():
    bits(numc.linspace(1 + 2j, 3 - 1j, 7), np.linspace(1 + 2j, 3 - 1j, 7))
    bits(numc.linspace(2.0, 2.0, 5), np.linspace(2.0, 2.0, 5))
    bits(numc.linspace(0, 1e-320, 5), np.linspace(0, 1e-320, 5))
    with pytest.raises(ValueError, match="Number of samples, -1, must be non-negative."):
        numc.linspace(0, 1, -1)
    with pytest.raises(TypeError):
        numc.linspace(0, 1, 2.5)


@pytest.mark.parametrize("N,M,k", [(3, None, 0), (3, 4, 1), (4, 3, -2), (3, 3, 5), (3, 3, -5), (0, 2, 0),
                                   (1, 1, 0)])
@pytest.mark.parametrize("dt", ["float64", "int32", "bool", "complex64"])
@pytest.mark.parametrize("order", ["C", "F"])
def test_eye(N, M, k, dt, order):
    got, ref = numc.eye(N, M, k, dtype=dt, order=order), np.eye(N, M, k, dtype=dt, order=order)
    same(got, ref)
    if got.size:
        assert got.strides == ref.strides


def test_identity():
    same(numc.identity(3), np.identity(3))
    same(numc.identity(2, dtype="int8"), np.identity(2, dtype="int8"))


def test_frombuffer():
    raw = bytes(range(16))
    for dt in ["uint8", "int16", "float32", "float64", "complex64"]:
        same(numc.frombuffer(raw, dtype=dt), np.frombuffer(raw, dtype=dt))
    same(numc.frombuffer(raw, dtype="int16", count=3, offset=2),
         np.frombuffer(raw, dtype="int16", count=3, offset=2))
    ba = bytearray(8)
    a = numc.frombuffer(ba, dtype="int32")
    np.asarray(a)[1] = 7
    assert ba[4] == 7 and a.base is ba
    ro = numc.frombuffer(b"\x00" * 8)
    assert not np.asarray(ro).flags.writeable
    same(numc.frombuffer(b"", dtype="int16"), np.frombuffer(b"", dtype="int16"))
    for kw in [dict(dtype="i2", buf=b"abc"), dict(dtype="i2", buf=b"abcd", offset=5),
               dict(dtype="i2", buf=b"abcd", offset=-1), dict(dtype="i2", buf=b"abcd", count=3)]:
        buf = kw.pop("buf")
        with pytest.raises(ValueError) as r:
            np.frombuffer(buf, **kw)
        with pytest.raises(ValueError) as g:
            numc.frombuffer(buf, **kw)
        assert str(g.value) == str(r.value)


# --- bad input -------------------------------------------------------------

@pytest.mark.parametrize("fn", ["zeros", "ones", "empty"])
@pytest.mark.parametrize("shape,exc", [((2, -1), ValueError), (-1, ValueError), ((2**40, 2**40), ValueError),
                                       ((1,) * 65, ValueError), (2.0, TypeError), ((2.0,), TypeError),
                                       ("ab", TypeError), ((2**70,), (ValueError, OverflowError))])
def test_bad_shapes(fn, shape, exc):
    with pytest.raises(exc):
        getattr(numc, fn)(shape)
    with pytest.raises(exc):
        getattr(np, fn)(shape)


def test_bad_shape_messages():
    with pytest.raises(ValueError, match="negative dimensions are not allowed"):
        numc.zeros((2, -1))
    with pytest.raises(ValueError, match="array is too big"):
        numc.zeros((2**40, 2**40))
    with pytest.raises(TypeError, match="'float' object cannot be interpreted as an integer"):
        numc.zeros((2.0,))


@pytest.mark.parametrize("dt", ["foo", "S3", object, 3.5])
def test_bad_dtype(dt):
    with pytest.raises(TypeError):
        numc.zeros(3, dtype=dt)


def test_bad_order():
    with pytest.raises(ValueError):
        numc.zeros(3, order="K")
    with pytest.raises((TypeError, ValueError)):
        numc.zeros(3, order=5)
