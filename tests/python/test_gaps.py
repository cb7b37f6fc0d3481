"""linspace with array bounds / axis, and ndarray(buffer=, strides=), against NumPy."""
import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

import numc as nc

finite = st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False)


def same(q, r):
    assert q.shape == r.shape
    assert str(q.dtype) == r.dtype.name
    assert q.tolist() == r.tolist()


@settings(max_examples=40, deadline=None)
@given(n=st.integers(1, 3), m=st.integers(1, 3), data=st.data(),
       num=st.integers(0, 6), endpoint=st.booleans(), axis=st.sampled_from([0, 1, -1, 2, -2]),
       dtype=st.sampled_from([None, "float32", "int64", "float64"]))
def test_linspace_arrays(n, m, data, num, endpoint, axis, dtype):
    s = data.draw(st.lists(finite, min_size=m, max_size=m))
    e = data.draw(st.lists(st.lists(finite, min_size=m, max_size=m), min_size=n, max_size=n))
    if data.draw(st.booleans()):
        e[0][0] = s[0]  # a zero step somewhere
    try:
        r, rs = np.linspace(s, e, num, endpoint=endpoint, retstep=True, dtype=dtype, axis=axis)
    except Exception as exc:
        with pytest.raises(type(exc)):
            nc.linspace(s, e, num, endpoint=endpoint, retstep=True, dtype=dtype, axis=axis)
        return
    q, qs = nc.linspace(nc.asarray(s), e, num, endpoint=endpoint, retstep=True, dtype=dtype, axis=axis)
    same(q, r)
    assert q.strides == r.strides
    if isinstance(rs, float):
        assert isinstance(qs, float) and np.isnan(rs) and qs != qs
    else:
        same(qs, rs)


@pytest.mark.parametrize("num", [0, 1, 2, 5])
@pytest.mark.parametrize("kw", [{}, {"endpoint": False}, {"axis": -1}, {"dtype": "int32"}, {"retstep": True}])
def test_linspace_cases(num, kw):
    for s, e in [(0, [1.0, 2.0]), ([1, 2], [1, 2]), ([[0.5], [2]], [3, -4, 5]), (np.float32(1.5), [2, 3])]:
        r = np.linspace(s, e, num, **kw)
        qs = nc.asarray(s.item(), dtype="float32") if isinstance(s, np.generic) else s
        q = nc.linspace(qs, e, num, **kw)
        if kw.get("retstep"):
            (q, qstep), (r, rstep) = q, r
            assert qstep.tolist() == rstep.tolist() if num > 1 else np.isnan(rstep) and qstep != qstep
        same(q, r)


def test_linspace_scalar_path_unchanged():
    same(nc.linspace(0, 1, 7), np.linspace(0, 1, 7))
    same(nc.linspace(2, 3, 4, axis=-1), np.linspace(2, 3, 4, axis=-1))
    with pytest.raises(np.exceptions.AxisError):
        np.linspace(0, 1, 3, axis=1)
    with pytest.raises(nc.exceptions.AxisError):
        nc.linspace(0, 1, 3, axis=1)
    with pytest.raises(nc.exceptions.AxisError):
        nc.linspace([0, 1], 1, 3, axis=2)
    with pytest.raises(ValueError):
        nc.linspace([0, 1], 1, -1)


# ----------------------------------------------------------------- ndarray()

def geometry(q, r):
    assert q.shape == r.shape and q.strides == r.strides and str(q.dtype) == r.dtype.name


@pytest.mark.parametrize("kw", [
    dict(shape=(4,), dtype="int64"),
    dict(shape=(2, 2), dtype="int64", order="F"),
    dict(shape=(3,), dtype="int64", offset=8),
    dict(shape=(2,), dtype="int64", offset=8, strides=(16,)),
    dict(shape=(4,), dtype="int64", offset=24, strides=(-8,)),
    dict(shape=(4,), dtype="int64", strides=(0,)),
    dict(shape=(2, 3), dtype="int32", strides=(4, 8)),
    dict(shape=(-1,), dtype="int16", offset=2),
    dict(shape=(0,), dtype="int64", offset=32),
    dict(shape=(), dtype="float64", offset=16),
])
def test_ndarray_buffer_views(kw):
    bn, bc = bytearray(range(32)), bytearray(range(32))
    r = np.ndarray(buffer=bn, **kw)
    q = nc.ndarray(buffer=bc, **kw)
    geometry(q, r)
    assert q.tolist() == r.tolist()
    assert q.base is bc and q.flags.writeable
    if q.size:
        idx = (0,) * q.ndim
        r[idx] = 77
        q[idx] = 77
        assert bc == bn  # wrote through to the same bytes


def test_ndarray_buffer_readonly_and_numc_base():
    b = bytes(range(16))
    q = nc.ndarray((2,), dtype="int64", buffer=b)
    assert not q.flags.writeable and q.base is b
    assert q.tolist() == np.ndarray((2,), dtype="int64", buffer=b).tolist()
    with pytest.raises(ValueError):
        q[0] = 1
    x = nc.arange(6.0)
    y = nc.ndarray((3,), buffer=x, offset=8, strides=(16,))
    assert y.base is x and y.tolist() == [1.0, 3.0, 5.0]
    y[1] = -1.0
    assert x.tolist() == [0.0, 1.0, 2.0, -1.0, 4.0, 5.0]
    x[5] = 9.0
    assert y.tolist() == [1.0, -1.0, 9.0]
    m = nc.ndarray((2, 2), buffer=memoryview(bytearray(32)), order="F")
    assert m.strides == (8, 16)


@pytest.mark.parametrize("kw", [
    dict(shape=(5,)),
    dict(shape=(2,), offset=40),
    dict(shape=(0,), offset=40),
    dict(shape=(4,), offset=8, strides=(16,)),
    dict(shape=(4,), strides=(-8,)),
    dict(shape=(2, 2), strides=(8,)),
    dict(shape=(2,), strides=(8, 8)),
])
def test_ndarray_buffer_errors(kw):
    with pytest.raises(Exception) as en:
        np.ndarray(buffer=bytearray(32), **kw)
    with pytest.raises(en.type) as ec:
        nc.ndarray(buffer=bytearray(32), **kw)
    assert str(ec.value) == str(en.value)


def test_ndarray_strides_without_buffer():
    for shape, strides in [((2, 2), (8, 16)), ((3,), (0,)), ((2, 3), (8, 16)), ((0, 3), (100, 8))]:
        r = np.ndarray(shape, strides=strides)
        q = nc.ndarray(shape, strides=strides)
        geometry(q, r)
        assert q.base is None and q.flags.writeable
    for shape, strides in [((4,), (16,)), ((2, 2), (-8, 8)), ((2,), (8, 8))]:
        with pytest.raises(ValueError) as en:
            np.ndarray(shape, strides=strides)
        with pytest.raises(ValueError) as ec:
            nc.ndarray(shape, strides=strides)
        assert str(ec.value) == str(en.value)
    geometry(nc.ndarray((2, 3), order="F"), np.ndarray((2, 3), order="F"))
