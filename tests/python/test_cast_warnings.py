"""Casting copies report NumPy's warnings: "invalid value encountered in
cast" (NaN, inf or out-of-range floats to integers), "overflow encountered
in cast" (floats too large for a narrower float), ComplexWarning when complex
becomes real; errstate turns them into FloatingPointError.  Checked for
astype, asarray(dtype=), setitem (basic and advanced) and copyto."""
import warnings

import numpy as np
import pytest

import numc
from helpers import DTYPES, check_same

SPECIAL = [0.0, 1.5, -1.5, np.nan, np.inf, -np.inf, 300.0, -300.0, 70000.0, 3e9, -3e9, 1e20,
           3.5e38, 1e300, -1e300, 1e-300]
SOURCES = ["float16", "float32", "float64", "complex64", "complex128"]


def source(dtype):
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return np.array(SPECIAL).astype(dtype)


def caught(fn):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        try:
            r = fn()
        except Exception as e:  # noqa: BLE001 - compared by type
            return type(e).__name__, sorted({(x.category.__name__, str(x.message)) for x in w})
    vals = np.asarray(r.tolist() if hasattr(r, "tolist") else r)
    return vals, sorted({(x.category.__name__, str(x.message)) for x in w})


def same(a, b):
    (va, wa), (vb, wb) = a, b
    assert wa == wb
    if isinstance(va, str):
        assert va == vb
        return
    if vb.dtype.kind in "iu":
        # NaN, inf and out-of-range values have no defined integer result
        # (NumPy's own SIMD and scalar paths disagree); compare the rest
        ok = np.isfinite(np.real(SPECIAL)) & (np.abs(SPECIAL) < 127)
        va, vb = va[ok], vb[ok]
    np.testing.assert_array_equal(np.asarray(va, dtype=vb.dtype), vb)


@pytest.mark.parametrize("src", SOURCES)
@pytest.mark.parametrize("dst", DTYPES)
def test_astype_warnings(src, dst):
    a = source(src)
    ca = numc.asarray(a)
    same(caught(lambda: a.astype(dst)), caught(lambda: ca.astype(dst)))
    same(caught(lambda: np.asarray(a, dtype=dst)), caught(lambda: numc.asarray(ca, dtype=dst)))


@pytest.mark.parametrize("src", SOURCES)
@pytest.mark.parametrize("dst", ["int8", "int32", "uint64", "float16", "float32", "bool"])
def test_setitem_and_copyto_warnings(src, dst):
    a = source(src)
    ca = numc.asarray(a)

    def basic(mod, x):
        out = mod.zeros(len(SPECIAL), dtype=dst)
        out[...] = x
        return out

    def advanced(mod, x):
        out = mod.zeros(len(SPECIAL), dtype=dst)
        out[list(range(len(SPECIAL)))] = x
        return out

    def copyto(mod, x):
        out = mod.zeros(len(SPECIAL), dtype=dst)
        mod.copyto(out, x, casting="unsafe")
        return out

    for fn in (basic, advanced, copyto):
        same(caught(lambda: fn(np, a)), caught(lambda: fn(numc, ca)))


def test_errstate_raises_on_cast():
    a = np.array([1.0, np.nan])
    ca = numc.asarray(a)
    with np.errstate(invalid="raise"), numc.errstate(invalid="raise"):
        check_same(lambda: a.astype(np.int32), lambda: ca.astype(numc.int32))
    with np.errstate(over="raise"), numc.errstate(over="raise"):
        b = np.array([1e300])
        check_same(lambda: b.astype(np.float32), lambda: numc.asarray(b).astype(numc.float32))
    with np.errstate(all="ignore"), numc.errstate(all="ignore"):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            numc.asarray(a).astype(numc.int32)


def test_flags_before_a_cast_are_kept():
    # a cast must not swallow or invent flags of the operation around it
    ca = numc.asarray(np.array([1.0, 2.0]))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ca.astype(numc.int32)
        numc.divide(ca, 2.0)


def _messages(fn):
    with warnings.catch_warnings(record=True) as ws:
        warnings.simplefilter("always")
        try:
            fn()
        except Exception as e:  # noqa: BLE001 - compared by type
            return type(e).__name__
    return sorted(str(x.message) for x in ws)


@pytest.mark.parametrize("n", [1, 2, 8192, 8193, 20000])
def test_ufunc_cast_warnings_name_as_numpy(n):
    # NumPy casts inputs of at most 8192 elements up front ("in cast"); larger
    # inputs and outputs are cast in buffers, and count as the ufunc's
    def cases(mod):
        a = mod.full(n, mod.nan)
        i = mod.ones(n, dtype=mod.int32)
        o = mod.zeros(n, dtype=mod.int32)
        o32 = mod.zeros(n, dtype=mod.float32)
        big = mod.full(n, 1e300)
        s = mod.full(1, mod.nan)
        h = mod.full(n, 60000, dtype=mod.float16)
        return [
            lambda: mod.add(a, i, dtype=mod.int32, casting="unsafe"),
            lambda: mod.add(s, i, dtype=mod.int32, casting="unsafe"),
            lambda: mod.add(a[::2], i[::2], dtype=mod.int32, casting="unsafe"),
            lambda: mod.add(a, 1.0, out=o, casting="unsafe"),
            lambda: mod.multiply(big, 1.0, out=o32, casting="unsafe"),
            lambda: mod.add(big, mod.float32(1), dtype=mod.float32),
            lambda: mod.negative(a, out=o, casting="unsafe"),
            lambda: mod.add(h, h),
        ]
    for f_np, f_nc in zip(cases(np), cases(numc)):
        assert _messages(f_np) == _messages(f_nc)
