"""round, clip, real, imag, conj, angle, isclose, allclose, array_equal,
array_equiv against NumPy."""
import numpy as np
import pytest

import numc
from helpers import to_numc, same_values



@pytest.mark.parametrize("dtype", ["float16", "float32", "float64", "complex128"])
@pytest.mark.parametrize("decimals", [0, 1, 2, 3, -1, -2])
def test_round_float(dtype, decimals):
    rng = np.random.default_rng(decimals + 7)
    a = (rng.standard_normal(50) * 1000).astype(dtype)
    a[:4] = [2.675, 0.5, -1.5, 1250] if dtype != "complex128" else [2.675 + 0.5j, 0.5, -1.5j, 1250]
    same_values(np.round(a, decimals), numc.round(to_numc(a), decimals))
    same_values(np.around(a, decimals), numc.around(to_numc(a), decimals))


@pytest.mark.parametrize("dtype", ["int8", "int16", "uint32", "int64"])
@pytest.mark.parametrize("decimals", [0, 2, -1, -2])
def test_round_int(dtype, decimals):
    a = np.array([0, 5, 15, 25, 120, 125, 127, 100], dtype=dtype)
    same_values(np.round(a, decimals), numc.round(to_numc(a), decimals))


def test_round_scalar_and_out():
    same_values(np.round(2.5), numc.round(2.5))
    a = np.array([1.234, 5.678])
    out = numc.zeros(2)
    r = numc.round(to_numc(a), 1, out=out)
    assert r is out
    same_values(np.round(a, 1), out)


@pytest.mark.parametrize("lo,hi", [(1, 3), (1.5, 3), (None, 2), (2, None), (-1000, 1000), (3, 1)])
@pytest.mark.parametrize("dtype", ["int8", "uint8", "int64", "float32", "float64"])
def test_clip(lo, hi, dtype):
    a = np.array([0, 1, 2, 3, 4, 5], dtype=dtype)
    try:
        r_np = np.clip(a, lo, hi)
    except Exception as e:  # noqa: BLE001
        with pytest.raises(Exception):
            numc.clip(to_numc(a), lo, hi)
        return
    same_values(r_np, numc.clip(to_numc(a), lo, hi))


def test_clip_arrays_nan_out_errors():
    a = np.array([1.0, np.nan, -3.0, 7.0])
    lo, hi = np.array([0.0, 0.0, 0.0, 8.0]), np.array([0.5, 1.0, 2.0, 9.0])
    same_values(np.clip(a, lo, hi), numc.clip(to_numc(a), to_numc(lo), to_numc(hi)))
    same_values(np.clip(a, min=0, max=2), numc.clip(to_numc(a), min=0, max=2))
    out = numc.zeros(4)
    assert numc.clip(to_numc(a), 0, 1, out=out) is out
    same_values(np.clip(a, 0, 1), out)
    with pytest.raises(ValueError):
        numc.clip(to_numc(a), None, None)


def test_real_imag_conj_angle():
    z = np.array([1 + 2j, -3 - 0.5j, 0j, -1 + 0j])
    for f in ("real", "imag", "conj", "angle"):
        same_values(getattr(np, f)(z), getattr(numc, f)(to_numc(z)))
    same_values(np.angle(z, deg=True), numc.angle(to_numc(z), deg=True), ulp=1)
    x = np.array([1.0, -2.0, 0.0])
    same_values(np.angle(x), numc.angle(to_numc(x)))
    same_values(np.real(x), numc.real(to_numc(x)))
    assert numc.real(1 + 2j) == np.real(1 + 2j)
    assert numc.imag(1 + 2j) == np.imag(1 + 2j)


@pytest.mark.parametrize("equal_nan", [False, True])
def test_isclose(equal_nan):
    a = np.array([1.0, 1e10, 1e-8, np.nan, np.inf, -np.inf, 0.0, 1.0])
    b = np.array([1.00001, 1.00001e10, 1e-9, np.nan, np.inf, np.inf, 1e-9, 2.0])
    same_values(np.isclose(a, b, equal_nan=equal_nan), numc.isclose(to_numc(a), to_numc(b), equal_nan=equal_nan))
    same_values(np.isclose(a, b, rtol=0.1, atol=0.5), numc.isclose(to_numc(a), to_numc(b), rtol=0.1, atol=0.5))
    i = np.array([1, 2, 3], dtype="int8")
    same_values(np.isclose(i, 2), numc.isclose(to_numc(i), 2))
    assert numc.isclose(1.0, 1.0 + 1e-9) == np.isclose(1.0, 1.0 + 1e-9)


def test_allclose_array_equal_equiv():
    a = np.array([1.0, np.nan, 3.0])
    b = np.array([1.0, np.nan, 3.0000001])
    for kw in ({}, {"equal_nan": True}):
        assert numc.allclose(to_numc(a), to_numc(b), **kw) == np.allclose(a, b, **kw)
        assert numc.array_equal(to_numc(a), to_numc(a), **kw) == np.array_equal(a, a, **kw)
    assert numc.array_equal(to_numc(a[:2]), to_numc(a)) is False
    x = np.array([[1, 2], [1, 2]])
    assert numc.array_equiv(to_numc(x), to_numc(x[0])) == np.array_equiv(x, x[0])
    assert numc.array_equiv(to_numc(x), to_numc(np.arange(3))) is False


@pytest.mark.parametrize("values,dtype", [
    ([np.nan, np.inf, -np.inf, 1.5, -0.0], "float64"),
    ([np.nan, np.inf, -np.inf], "float32"),
    ([np.nan, np.inf], "float16"),
    ([complex(np.nan, np.inf), complex(-np.inf, np.nan), 1 + 1j], "complex128"),
    ([1, 2, 3], "int32"),
    ([True, False], "bool"),
])
@pytest.mark.parametrize("kw", [{}, dict(nan=-1.0, posinf=9.0, neginf=-9.0)])
def test_nan_to_num(values, dtype, kw):
    n = np.array(values, dtype=dtype)
    c = numc.array(n)
    same_values(np.nan_to_num(n, **kw), numc.nan_to_num(c, **kw))
    assert c.tolist() == n.tolist() or np.isnan(n).any()  # copy=True leaves the input alone
    numc.nan_to_num(c, copy=False, **kw)
    same_values(np.nan_to_num(n, **kw), c)


def test_nan_to_num_scalar():
    r = numc.nan_to_num(numc.float64(float("nan")))
    assert not isinstance(r, numc.ndarray) and float(r) == 0.0
