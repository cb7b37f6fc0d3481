"""Zero-copy interop both ways (buffer protocol, __array_interface__) and pickling."""
import array as pyarray
import pickle

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

import numc

DTYPES = ["bool", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64",
          "float16", "float32", "float64", "complex64", "complex128"]


def sample(dt, shape=(3, 4)):
    n = int(np.prod(shape))
    return (np.arange(n) % 7 - 2).astype(dt).reshape(shape)


@pytest.mark.parametrize("dt", DTYPES)
def test_numpy_to_numc_zero_copy(dt):
    n = sample(dt)
    a = numc.asarray(n)
    assert a.dtype.name == dt and a.shape == n.shape and a.base is n
    back = np.asarray(a)
    assert np.shares_memory(back, n)
    n.flat[0] = 1
    assert a.tolist()[0][0] == n.tolist()[0][0]


@pytest.mark.parametrize("dt", DTYPES)
def test_numc_to_numpy_zero_copy(dt):
    a = numc.array(sample(dt).tolist(), dtype=dt)
    n = np.asarray(a)
    assert n.dtype.name == dt and n.shape == a.shape
    n[1, 2] = 1
    assert a.tolist()[1][2] == n[1, 2].item()
    mv = memoryview(a)
    assert mv.shape == a.shape and mv.strides == a.strides and not mv.readonly


def test_strided_and_readonly():
    n = np.arange(24.0).reshape(4, 6)[::2, ::-3]
    a = numc.asarray(n)
    assert a.strides == n.strides and a.tolist() == n.tolist()
    back = np.asarray(a)
    assert np.shares_memory(back, n) and back.tolist() == n.tolist()
    ro = np.arange(3)
    ro.flags.writeable = False
    r = numc.asarray(ro)
    assert not np.asarray(r).flags.writeable
    assert memoryview(r).readonly
    with pytest.raises(TypeError):
        memoryview(r).cast("B")[0:1] = b"x"
    with pytest.raises(BufferError):
        np.frombuffer(numc.asarray(n), dtype=np.uint8)


def test_copy_forced():
    n = np.arange(4.0)
    a = numc.array(n)
    n[0] = 9
    assert a.tolist()[0] == 0.0
    assert numc.asarray(n, copy=False).base is n
    with pytest.raises(ValueError, match="Unable to avoid copy"):
        numc.asarray(n, dtype="float32", copy=False)


def test_array_interface():
    a = numc.asarray(np.arange(6, dtype="int16").reshape(2, 3))
    ai = a.__array_interface__
    assert ai["version"] == 3 and ai["typestr"] == "<i2" and ai["shape"] == (2, 3)
    assert ai["strides"] is None and ai["data"][1] is False

    class Iface:
        def __init__(self, arr):
            self.arr = arr
            self.__array_interface__ = arr.__array_interface__
    n = np.arange(12.0).reshape(3, 4).T
    b = numc.asarray(Iface(n))
    assert b.tolist() == n.tolist() and np.shares_memory(np.asarray(b), n)


def test_dunder_array():
    class A:
        def __array__(self, dtype=None, copy=None):
            return np.arange(5, dtype="int32")
    assert numc.asarray(A()).tolist() == [0, 1, 2, 3, 4]
    assert numc.asarray(A()).dtype.name == "int32"


def test_other_exporters():
    assert numc.asarray(pyarray.array("d", [1.5, 2.5])).tolist() == [1.5, 2.5]
    ba = bytearray(b"\x01\x02")
    a = numc.asarray(ba)
    assert a.dtype.name == "uint8"
    np.asarray(a)[0] = 5
    assert ba[0] == 5
    assert numc.asarray(memoryview(b"ab")).tolist() == [97, 98]
    assert numc.asarray(np.float32(1.5)).dtype.name == "float32"
    with pytest.raises(TypeError):
        numc.asarray(np.arange(3, dtype=">i4"))


# --- pickling ---------------------------------------------------------------

def layouts(dt):
    base = sample(dt, (4, 6))
    return {"C": numc.asarray(base), "F": numc.asarray(np.asfortranarray(base)),
            "strided": numc.asarray(base[::2, ::-2]), "0d": numc.array(base[0, 0]),
            "empty": numc.asarray(base[:0])}


@pytest.mark.parametrize("dt", DTYPES)
@pytest.mark.parametrize("proto", [2, 3, 4, 5])
def test_pickle_roundtrip(dt, proto):
    for name, a in layouts(dt).items():
        b = pickle.loads(pickle.dumps(a, protocol=proto))
        assert b.dtype.name == dt and b.shape == a.shape, name
        assert np.array_equal(np.asarray(b), np.asarray(a), equal_nan=True), name
        assert np.asarray(b).flags.writeable


@pytest.mark.parametrize("dt", DTYPES)
def test_pickle_out_of_band(dt):
    for name, a in layouts(dt).items():
        bufs = []
        data = pickle.dumps(a, protocol=5, buffer_callback=bufs.append)
        b = pickle.loads(data, buffers=bufs)
        assert np.array_equal(np.asarray(b), np.asarray(a)), name
        if name in ("C", "F") and a.size:
            assert len(bufs) == 1
            assert np.shares_memory(np.asarray(b), np.asarray(a))  # zero-copy
            assert b.strides == a.strides


@settings(max_examples=50, deadline=None)
@given(st.lists(st.integers(0, 4), max_size=3), st.sampled_from(DTYPES), st.integers(2, 5))
def test_pickle_hypothesis(shape, dt, proto):
    a = numc.zeros(shape, dt)
    b = pickle.loads(pickle.dumps(a, protocol=proto))
    assert b.shape == a.shape and b.dtype.name == dt and b.tolist() == a.tolist()
