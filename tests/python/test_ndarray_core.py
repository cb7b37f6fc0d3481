"""ndarray basics owned by ndarray.c: attributes, conversions, __array__, constants."""
import math
import warnings

import numpy as np
import pytest

import numc
from helpers import check_same, to_numc


def test_attributes_match_numpy():
    for shape in [(), (0,), (3,), (2, 3), (2, 0, 4), (1, 1, 1, 5)]:
        for dt in ["bool", "int16", "float32", "complex128"]:
            n = np.zeros(shape, dtype=dt)
            c = numc.zeros(shape, dtype=dt)
            assert c.shape == n.shape and c.ndim == n.ndim and c.size == n.size
            assert c.itemsize == n.itemsize and c.nbytes == n.nbytes
            assert str(c.dtype) == str(n.dtype)
            if n.size:
                assert c.strides == n.strides


def test_truth_and_number_conversions():
    cases = [np.array(2.5), np.array([3]), np.array([]), np.array([1, 2]), np.array(1 + 2j),
             np.array([True]), np.array(7, dtype=np.uint8)]
    for n in cases:
        c = to_numc(n)
        for fn in (bool, int, float, complex, len, lambda x: x.__index__()):
            check_same(lambda: np.asarray(fn(n)), lambda: numc.asarray(fn(c)), warnings_too=True)


def test_dunder_array_shares_memory():
    c = numc.arange(4.0)
    n = c.__array__()
    assert isinstance(n, np.ndarray)
    n[1] = 10.0
    assert c.tolist() == [0.0, 10.0, 2.0, 3.0]
    assert c.__array__(copy=True).tolist() == [0.0, 10.0, 2.0, 3.0]
    assert c.__array__("float32").dtype == np.float32


def test_constants():
    assert numc.pi == np.pi and numc.e == np.e and numc.euler_gamma == np.euler_gamma
    assert math.isinf(numc.inf) and math.isnan(numc.nan) and numc.newaxis is None


def test_hash_and_errors():
    c = numc.zeros(3)
    with pytest.raises(TypeError):
        hash(c)
    with pytest.raises(TypeError):
        len(numc.asarray(1.0))
    with pytest.raises(ValueError):
        numc.zeros((-1,))
    with pytest.raises(ValueError):
        numc.zeros((2**40, 2**40))
    with pytest.raises(TypeError):
        numc.zeros(3, dtype="not-a-type")


def test_reflected_operators_and_notimplemented():
    c = numc.arange(3)
    assert (2 - c).tolist() == [2, 1, 0]
    assert ([1, 2, 3] + c).tolist() == [1, 3, 5]
    assert (c == "abc") is False or not bool(np.any(c == "abc"))


def test_errstate_is_thread_local_and_restored():
    import threading
    seen = {}

    def worker():
        seen["modes"] = numc.geterr()

    with numc.errstate(all="raise"):
        t = threading.Thread(target=worker)
        t.start()
        t.join()
        assert numc.geterr()["divide"] == "raise"
    assert seen["modes"]["divide"] == "warn"
    assert numc.geterr() == np.geterr()


def test_seterrcall_modes():
    calls = []
    old = numc.seterrcall(lambda kind, flag: calls.append((kind, flag)))
    try:
        with numc.errstate(divide="call"):
            numc.asarray([1.0]) / 0
    finally:
        numc.seterrcall(old)
    assert calls == [("divide by zero", 1)]

    class Log:
        def __init__(self):
            self.lines = []

        def write(self, s):
            self.lines.append(s)

    log = Log()
    old = numc.seterrcall(log)
    try:
        with numc.errstate(invalid="log"), warnings.catch_warnings():
            warnings.simplefilter("error")
            numc.asarray([0.0]) / 0
    finally:
        numc.seterrcall(old)
    assert log.lines == ["Warning: invalid value encountered in divide\n"]


def test_forwarded_methods_match_numpy():
    x = np.arange(12, dtype=np.int16).reshape(3, 4)
    c = numc.array(x)
    assert c.repeat(2, axis=0).tolist() == x.repeat(2, axis=0).tolist()
    assert c.diagonal(1).tolist() == x.diagonal(1).tolist()
    assert int(c.trace()) == int(x.trace())
    f = np.array([1.25, -2.5, 3.75])
    cf = numc.array(f)
    assert cf.round(1).tolist() == f.round(1).tolist()
    assert cf.clip(0, 2).tolist() == f.clip(0, 2).tolist()
    z = f * 1j
    assert numc.array(z).conj().tolist() == z.conj().tolist()
    assert numc.array(z).conjugate().tolist() == z.conjugate().tolist()


@pytest.mark.parametrize("order", ["C", "F", "A"])
def test_tobytes(order):
    x = np.arange(24, dtype=np.float32).reshape(2, 3, 4)
    for view in (x, x.T, x[:, ::2, 1:]):
        c = numc.array(x)
        cv = c if view is x else (c.T if view.shape == x.T.shape and view.strides == x.T.strides else c[:, ::2, 1:])
        assert cv.tobytes(order) == view.tobytes(order)
    with pytest.raises(ValueError):
        numc.array(x).tobytes("Z")
