"""matmul, vecdot, matvec, vecmat (and the @ operator) against NumPy."""
import numpy as np
import pytest

import numc
from helpers import DTYPES, to_numc, same_values

FUNCS = ["matmul", "vecdot", "matvec", "vecmat"]


def data(shape, dtype, seed=0):
    rng = np.random.default_rng(seed)
    x = rng.integers(-3, 4, size=shape)
    if dtype == "bool":
        return (x > 0)
    if np.dtype(dtype).kind == "u":
        x = np.abs(x)
    if np.dtype(dtype).kind == "c":
        x = x + 1j * rng.integers(-3, 4, size=shape)
    return x.astype(dtype)


def both(name, a, b, ulp=2, **kw):
    # ulp > 0 also ignores the sign of zero sums, which BLAS gives differently
    r_np = getattr(np, name)(a, b, **kw)
    r_nc = getattr(numc, name)(to_numc(a), to_numc(b), **kw)
    same_values(r_np, r_nc, ulp)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("sa,sb", [((3, 4), (4, 5)), ((4,), (4, 2)), ((2, 4), (4,)), ((4,), (4,)),
                                  ((2, 1, 3, 4), (5, 4, 2)), ((0, 3), (3, 2)), ((2, 0), (0, 3)),
                                  ((3, 2, 2), (2, 2))])
def test_matmul_dtypes_shapes(dtype, sa, sb):
    both("matmul", data(sa, dtype), data(sb, dtype, 1))


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("name,sa,sb", [("vecdot", (3, 4), (4,)), ("vecdot", (2, 1, 5), (3, 5)),
                                        ("matvec", (2, 3, 4), (4,)), ("matvec", (3, 4), (2, 1, 4)),
                                        ("vecmat", (4,), (4, 3)), ("vecmat", (2, 4), (2, 4, 3)),
                                        ("vecdot", (0,), (0,))])
def test_vec_gufuncs(dtype, name, sa, sb):
    both(name, data(sa, dtype), data(sb, dtype, 1))


@pytest.mark.parametrize("dtype", ["float32", "float64", "complex64", "complex128"])
@pytest.mark.parametrize("n,k,m", [(37, 70, 45), (64, 300, 9), (130, 17, 260)])
def test_matmul_large_float(dtype, n, k, m):
    rng = np.random.default_rng(3)
    a = rng.standard_normal((n, k)).astype(dtype)
    b = rng.standard_normal((k, m)).astype(dtype)
    r_np, r_nc = np.matmul(a, b), numc.matmul(to_numc(a), to_numc(b))
    assert str(r_nc.dtype) == str(r_np.dtype)
    tol = 1e-4 if dtype in ("float32", "complex64") else 1e-12
    np.testing.assert_allclose(np.asarray(r_nc.tolist()), r_np, rtol=tol, atol=tol * np.sqrt(k))
    # strided / transposed operands
    r2 = numc.matmul(to_numc(b.T.copy()).T, to_numc(a.T.copy()).T) if False else None
    at = to_numc(np.ascontiguousarray(a.T)).T
    np.testing.assert_allclose(np.asarray(numc.matmul(at, to_numc(b)).tolist()), r_np, rtol=tol,
                               atol=tol * np.sqrt(k))


def test_int_exact_large():
    a = data((40, 300), "int64")
    b = data((300, 30), "int64", 2)
    both("matmul", a, b)
    both("matmul", a.astype("int8"), b.astype("int8"))  # wraps like NumPy


def test_complex_conj():
    a = data((3, 4), "complex128")
    b = data((3, 4), "complex128", 1)
    both("vecdot", a, b)
    both("vecmat", a[0], b.T)
    both("matvec", a, b[0])


def test_mixed_dtypes_and_dtype_kw():
    both("matmul", data((3, 4), "int32"), data((4, 2), "float32"))
    both("matmul", data((3, 4), "int8"), data((4, 2), "uint8"))
    both("matmul", data((3, 4), "int32"), data((4, 2), "int32"), dtype="float64")
    both("vecdot", data((3, 4), "float32"), data((4,), "float64"))


def test_out_and_operator():
    a, b = data((3, 4), "float64"), data((4, 4), "float64", 1)
    out = numc.zeros((3, 4))
    r = numc.matmul(to_numc(a), to_numc(b), out=out)
    assert r is out
    same_values(a @ b, out)
    x = to_numc(a)
    same_values(a @ b, x @ to_numc(b))
    x @= to_numc(b)
    same_values(a @ b, x)
    # out overlapping an input
    x = to_numc(a)
    numc.matmul(x, to_numc(b), out=x)
    same_values(a @ b, x)
    # out of another dtype
    out32 = numc.zeros((3, 4), dtype="float32")
    numc.matmul(to_numc(a), to_numc(b), out=out32)
    same_values((a @ b).astype("float32"), out32)


def test_axes_axis_keepdims():
    a = data((4, 3, 2), "float64")
    b = data((5, 3, 2), "float64", 1)
    both("matmul", a, b, axes=[(0, 1), (1, 0), (0, 1)])
    both("matmul", a, b, axes=[(-3, -2), (-2, -3), (-1, -2)])
    both("vecdot", a, a, axis=1)
    both("vecdot", a, a, axis=0, keepdims=True)
    both("vecdot", a, a, keepdims=True)
    both("vecdot", a, a, axes=[(0,), (0,)])


@pytest.mark.parametrize("call", [
    lambda m: m.matmul(m.ones((2, 3)), m.ones((2, 3))),
    lambda m: m.matmul(m.ones(3), m.ones(2)),
    lambda m: m.matmul(m.ones(()), m.ones(3)),
    lambda m: m.matmul(m.ones(3), 2.0),
    lambda m: m.vecdot(m.ones((2, 3)), m.ones((3, 3))),
    lambda m: m.matvec(m.ones(3), m.ones(3)),
    lambda m: m.vecmat(m.ones((2, 3)), m.ones(3)),
    lambda m: m.matmul(m.ones((2, 3)), m.ones((3, 2)), out=m.ones((2, 3))),
    lambda m: m.matmul(m.ones((2, 2, 3)), m.ones((3, 3, 2))),
    lambda m: m.matmul(m.ones((2, 3)), m.ones((3, 2)), axis=0),
    lambda m: m.matmul(m.ones((2, 3), dtype="float64"), m.ones((3, 2)), out=m.ones((2, 2), dtype="int64")),
    lambda m: m.matmul(m.ones((2, 3), dtype="float64"), m.ones((3, 2)), dtype="int64"),
])
def test_errors(call):
    with pytest.raises(Exception) as e_np:
        call(np)
    with pytest.raises(Exception) as e_nc:
        call(numc)
    builtin = next(c for c in type(e_np.value).__mro__ if c.__module__ == "builtins")
    assert isinstance(e_nc.value, builtin)
    if "mismatch in its core" in str(e_np.value) or "enough dimensions" in str(e_np.value):
        assert str(e_nc.value) == str(e_np.value)


def test_objects():
    for name in FUNCS:
        f_np, f_nc = getattr(np, name), getattr(numc, name)
        assert isinstance(f_nc, numc.ufunc)
        assert f_nc.signature == f_np.signature
        assert (f_nc.nin, f_nc.nout) == (f_np.nin, f_np.nout)
        assert set(f_nc.types) <= set(f_np.types)
        assert f_nc.__name__ == name
