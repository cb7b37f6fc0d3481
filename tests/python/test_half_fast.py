"""float16: hardware conversions (F16C) for float16 <-> float32/float64 casts
and float16 arithmetic run as float32 loops over cast buffers.  Both must give
exactly the bits of the portable paths and of NumPy, for every float16 value,
including NaN payloads, signed zeros, subnormals and overflow flags."""
import warnings

import numpy as np
import pytest

import numc

ALL = np.arange(65536, dtype=np.uint16).view(np.float16)


def bits(x, dtype):
    return np.frombuffer(memoryview(x), dtype=dtype) if isinstance(x, numc.ndarray) else x


@pytest.mark.parametrize("dst", ["float32", "float64"])
def test_widening_every_half(dst):
    want = ALL.astype(dst)
    got = numc.asarray(ALL).astype(dst)
    ui = "uint32" if dst == "float32" else "uint64"
    assert np.array_equal(want.view(ui), bits(got, dst).view(ui))
    # strided source takes the portable kernel: same bits
    got2 = numc.asarray(np.repeat(ALL, 2))[::2].astype(dst)
    assert np.array_equal(want.view(ui), bits(got2.copy(), dst).view(ui))


def test_narrowing_float32_bit_patterns():
    rng = np.random.default_rng(1)
    raw = rng.integers(0, 2**32, 200_000, dtype=np.uint64).astype(np.uint32)
    special = np.array([0x7f800000, 0xff800000, 0x7fc00000, 0x7f800001, 0xffa00000, 0x477ff000,
                        0x477fefff, 0x477ff001, 0x33000000, 0x33000001, 0x80000001, 0],
                       dtype=np.uint32)
    f = np.concatenate([special, raw]).view(np.float32)
    with warnings.catch_warnings(record=True) as wn:
        warnings.simplefilter("always")
        want = f.astype(np.float16)
    with warnings.catch_warnings(record=True) as wc:
        warnings.simplefilter("always")
        got = numc.asarray(f).astype(numc.float16)
    assert np.array_equal(want.view(np.uint16), bits(got, np.float16).view(np.uint16))
    assert sorted({str(w.message) for w in wn}) == sorted({str(w.message) for w in wc})


@pytest.mark.parametrize("op", ["add", "subtract", "multiply", "divide", "less", "equal",
                                "greater_equal", "not_equal"])
def test_binary_against_every_half(op):
    rng = np.random.default_rng(2)
    ys = np.concatenate([ALL[rng.integers(0, 65536, 40)],
                         np.array([0, -0.0, 1, -1, np.inf, -np.inf, np.nan, 65504, 6e-8],
                                  np.float16)])
    ca = numc.asarray(ALL)
    with np.errstate(all="ignore"), numc.errstate(all="ignore"):
        for y in ys:
            want = getattr(np, op)(ALL, y)
            got = bits(getattr(numc, op)(ca, numc.asarray(np.array(y))), want.dtype)
            if want.dtype == np.float16:
                assert np.array_equal(want.view(np.uint16), got.view(np.uint16)), (op, y)
            else:
                assert np.array_equal(want, got), (op, y)


@pytest.mark.parametrize("op", ["sqrt", "square"])
def test_unary_every_half(op):
    with np.errstate(all="ignore"), numc.errstate(all="ignore"):
        want = getattr(np, op)(ALL)
        got = bits(getattr(numc, op)(numc.asarray(ALL)), np.float16)
    assert np.array_equal(want.view(np.uint16), got.view(np.uint16))


def test_half_overflow_warns_like_numpy():
    a = np.array([60000, 1, 2], np.float16)
    ca = numc.asarray(a)
    for fn in ("add", "multiply"):
        with warnings.catch_warnings(record=True) as wn:
            warnings.simplefilter("always")
            getattr(np, fn)(a, a)
        with warnings.catch_warnings(record=True) as wc:
            warnings.simplefilter("always")
            getattr(numc, fn)(ca, ca)
        assert [str(w.message) for w in wn] == [str(w.message) for w in wc]


def test_mixed_and_out_and_where():
    a = (np.arange(3000) / 7).astype(np.float16)
    ca = numc.asarray(a)
    out, cout = np.zeros(3000, np.float16), numc.zeros(3000, dtype="float16")
    np.add(a, a, out=out)
    numc.add(ca, ca, out=cout)
    assert np.array_equal(out.view(np.uint16), bits(cout, np.float16).view(np.uint16))
    w = np.arange(3000) % 3 == 0
    np.multiply(a, 3, out=out, where=w)
    numc.multiply(ca, 3, out=cout, where=numc.asarray(w))
    assert np.array_equal(out.view(np.uint16), bits(cout, np.float16).view(np.uint16))
    assert str((ca + ca).dtype) == "float16"
    assert str((ca + numc.float32(1)).dtype) == "float32"
    assert str((ca < ca).dtype) == "bool"


@pytest.mark.parametrize("n", [0, 1, 7, 8, 127, 128, 129, 1000, 100_001])
def test_half_sums_bit_identical(n):
    rng = np.random.default_rng(n)
    a = (rng.standard_normal(n) * 30).astype(np.float16)
    if n > 10:
        a[3] = -0.0
    ca = numc.asarray(a)
    with np.errstate(all="ignore"), numc.errstate(all="ignore"):
        for x, cx in ((a, ca), (a[::3], ca[::3]), (a[::-1], ca[::-1])):
            want = np.sum(x)
            got = numc.sum(cx)
            assert np.float16(want).tobytes() == np.float16(float(got)).tobytes()
        if n:
            m = a[: n - n % 4].reshape(-1, 4) if n >= 4 else a.reshape(1, -1)
            cm = numc.asarray(m)
            for ax in (0, 1):
                w = np.sum(m, axis=ax)
                g = numc.sum(cm, axis=ax)
                assert np.array_equal(w.view(np.uint16), bits(g, np.float16).view(np.uint16))
