"""tan, arctan, arcsin, arccos, arctan2 over the vmath kernels: values close
to NumPy's and within 1 ulp of a long double reference (float64) or a
double one (float32), special values bit for bit (signed zeros, every
arctan2 quadrant/zero/inf case), layouts and broadcasting, the warnings
NumPy raises, and the same results on every kernel path."""
import os
import subprocess
import sys
import tempfile
import warnings

import numpy as np
import pytest
from hypothesis import given, strategies as st

import numc
from helpers import check_single_warning, check_same, same_values, to_numc

FUNCS = ["tan", "arctan", "arcsin", "arccos"]
SPECIAL = [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 0.4375, 0.6875, 2.0, -2.0, np.inf, -np.inf,
           np.nan, 1e-310, -5e-324, 2.0**-1022, np.pi / 2, -np.pi / 4, 2.0**20, 2.0**20 + 1,
           1e22, 1e300, -1e300, 1.7e308, 0.9999999999999999, 1.0000000000000002]
A2_SPECIAL = [0.0, -0.0, 1.0, -1.0, 2.5, -0.75, np.inf, -np.inf, np.nan, 5e-324, -1e-310,
              1e300, -1e300, 1e-300]


def ulps_vs_numpy(dtype):
    # NumPy's (SVML) float32/float16 trig is up to ~3.7 ulp off the correctly
    # rounded result, its float64 within ~0.85 (tools/measure_ulp.py)
    return 2 if dtype == "float64" else 4


def values(name, dtype, rng, n=4000):
    if name in ("arcsin", "arccos"):
        x = np.concatenate([rng.uniform(-1, 1, n), rng.uniform(0.49, 0.51, n // 4),
                            -rng.uniform(0.99, 1, n // 4), rng.uniform(-1e-5, 1e-5, n // 4)])
    else:
        x = np.concatenate([rng.uniform(-20, 20, n), rng.uniform(-1, 1, n // 4),
                            np.exp(rng.uniform(-700, 700, n // 4)), rng.uniform(-1e6, 1e6, n // 4)])
    with np.errstate(all="ignore"):
        return x.astype(dtype)


def as_np(c, dtype):
    return np.asarray(c.tolist(), dtype=dtype)


@pytest.mark.parametrize("name", FUNCS)
@pytest.mark.parametrize("dtype", ["float16", "float32", "float64"])
def test_values_match_numpy(name, dtype):
    x = values(name, dtype, np.random.default_rng(1))
    with np.errstate(all="ignore"), numc.errstate(all="ignore"):
        same_values(getattr(np, name)(x), getattr(numc, name)(to_numc(x)),
                    ulp=ulps_vs_numpy(dtype))


def ulp_err(res, ref, dtype):
    p, emin = (52, -1074) if dtype == "float64" else (23, -149)
    ref = np.asarray(ref, dtype=np.longdouble)
    _, e = np.frexp(ref)
    ulp = np.ldexp(np.longdouble(1), np.maximum(e.astype(np.int64) - 1 - p, emin))
    err = np.abs(res.astype(np.longdouble) - ref) / ulp
    err[res.astype(np.longdouble) == ref] = 0
    return err


@pytest.mark.parametrize("name", FUNCS + ["arctan2"])
@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_within_one_ulp(name, dtype):
    rng = np.random.default_rng(7)
    wide = np.longdouble if dtype == "float64" else np.float64
    if name == "arctan2":
        y = np.concatenate([rng.standard_normal(20000) * np.exp(rng.uniform(-30, 30, 20000)),
                            rng.uniform(-1, 1, 5000)]).astype(dtype)
        x = np.concatenate([rng.standard_normal(20000) * np.exp(rng.uniform(-30, 30, 20000)),
                            y[20000:] * rng.choice([7 / 16, 11 / 16, 1, -1, 16 / 7], 5000)
                            ]).astype(dtype)
        ref = np.arctan2(y.astype(wide), x.astype(wide))
        res = as_np(numc.arctan2(to_numc(y), to_numc(x)), dtype)
    else:
        x = values(name, dtype, rng, 20000)
        if name == "tan":
            k = rng.integers(1, 1 << 20, 4000)
            x = np.concatenate([x, (k * (np.pi / 2)).astype(dtype)])
        with np.errstate(all="ignore"):
            ref = getattr(np, name)(x.astype(wide))
        res = as_np(getattr(numc, name)(to_numc(x)), dtype)
    fin = np.isfinite(ref)
    assert ulp_err(res[fin], ref[fin], dtype).max() <= 1.0


@pytest.mark.parametrize("name", FUNCS)
@pytest.mark.parametrize("dtype", ["float16", "float32", "float64"])
def test_special_values(name, dtype):
    with np.errstate(all="ignore"):
        x = np.array(SPECIAL).astype(dtype)
    with np.errstate(all="ignore"), numc.errstate(all="ignore"):
        n_res = getattr(np, name)(x)
        c = as_np(getattr(numc, name)(to_numc(x)), dtype)
    np.testing.assert_array_max_ulp(c, n_res, maxulp=ulps_vs_numpy(dtype))
    exact = ~np.isfinite(n_res) | (n_res == 0)
    np.testing.assert_array_equal(c[exact], n_res[exact])
    ok = exact & ~np.isnan(n_res)
    assert (np.signbit(c[ok]) == np.signbit(n_res[ok])).all()


@pytest.mark.parametrize("dtype", ["float16", "float32", "float64"])
def test_arctan2_special_pairs(dtype):
    # every C99 case (zeros of either sign, infinities, nan, tiny and huge
    # magnitudes, all four quadrants), bit for bit where the result is one
    # of 0, +-pi/4, +-pi/2, +-3pi/4, +-pi rounded, without any warning
    with np.errstate(all="ignore"):
        v = np.array(A2_SPECIAL).astype(dtype)
    y, x = np.meshgrid(v, v, indexing="ij")
    y, x = y.ravel(), x.ravel()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        n_res = np.arctan2(y, x)
        c = as_np(numc.arctan2(to_numc(y), to_numc(x)), dtype)
    np.testing.assert_array_max_ulp(c, n_res, maxulp=ulps_vs_numpy(dtype))
    exact = ~np.isfinite(y) | ~np.isfinite(x) | (y == 0) | (x == 0)
    np.testing.assert_array_equal(c[exact], n_res[exact])
    ok = ~np.isnan(n_res)
    assert (np.signbit(c[ok]) == np.signbit(n_res[ok])).all()


@pytest.mark.parametrize("dtype", ["float16", "float32", "float64"])
def test_arctan2_values_and_layouts(dtype):
    rng = np.random.default_rng(3)
    y = rng.uniform(-5, 5, (37, 29)).astype(dtype)
    x = rng.uniform(-5, 5, (37, 29)).astype(dtype)
    u = ulps_vs_numpy(dtype)
    same_values(np.arctan2(y, x), numc.arctan2(to_numc(y), to_numc(x)), ulp=u)
    # strided, transposed, reversed, broadcast scalar and row
    same_values(np.arctan2(y[::2, ::3], x[::-2, ::3]),
                numc.arctan2(to_numc(y)[::2, ::3], to_numc(x)[::-2, ::3]), ulp=u)
    same_values(np.arctan2(y.T, x.T[::-1]), numc.arctan2(to_numc(y).T, to_numc(x).T[::-1]), ulp=u)
    same_values(np.arctan2(y, x.dtype.type(1.5)), numc.arctan2(to_numc(y), 1.5), ulp=u)
    same_values(np.arctan2(-2.0, x), numc.arctan2(-2.0, to_numc(x)), ulp=u)
    same_values(np.arctan2(y, x[:1]), numc.arctan2(to_numc(y), to_numc(x[:1])), ulp=u)
    # out= strided, and in place on either input
    o_np = np.zeros((37, 58), dtype)
    o_nc = to_numc(o_np)
    np.arctan2(y, x, out=o_np[:, ::2])
    numc.arctan2(to_numc(y), to_numc(x), out=o_nc[:, ::2])
    same_values(o_np, o_nc, ulp=u)
    for which in (0, 1):
        a_np, b_np = y.copy(), x.copy()
        a_nc, b_nc = to_numc(y), to_numc(x)
        np.arctan2(a_np, b_np, out=(a_np, b_np)[which])
        numc.arctan2(a_nc, b_nc, out=(a_nc, b_nc)[which])
        same_values((a_np, b_np)[which], (a_nc, b_nc)[which], ulp=u)


@pytest.mark.parametrize("name", FUNCS + ["arctan2"])
@pytest.mark.parametrize("n", [0, 1, 3, 7, 8, 9, 15, 16, 17, 33, 255, 256, 257, 1000])
def test_lengths_and_tails(name, n):
    x = np.linspace(-0.99, 0.97, n)
    if name == "arctan2":
        y = np.linspace(3, -2, n)
        same_values(np.arctan2(y, x), numc.arctan2(to_numc(y), to_numc(x)), ulp=2)
        return
    f_np, f_nc = getattr(np, name), getattr(numc, name)
    same_values(f_np(x), f_nc(to_numc(x)), ulp=2)
    xs = np.linspace(-0.99, 0.97, 2 * n)
    same_values(f_np(xs[::2]), f_nc(to_numc(xs)[::2]), ulp=2)


WARN_CASES = [
    ("tan", [np.inf, 1.0], "float64", "invalid value encountered in tan"),
    ("tan", [-np.inf], "float32", "invalid value encountered in tan"),
    ("tan", [np.inf], "float16", "invalid value encountered in tan"),
    ("arcsin", [2.0, 0.5], "float64", "invalid value encountered in arcsin"),
    ("arcsin", [-1.0000001], "float32", "invalid value encountered in arcsin"),
    ("arcsin", [np.inf], "float16", "invalid value encountered in arcsin"),
    ("arccos", [-np.inf], "float64", "invalid value encountered in arccos"),
    ("arccos", [1.5, 0.0], "float32", "invalid value encountered in arccos"),
]


@pytest.mark.parametrize("name,vals,dtype,msg", WARN_CASES)
def test_errstate_warnings(name, vals, dtype, msg):
    check_single_warning(name, vals, dtype, msg)


@pytest.mark.parametrize("name", FUNCS)
@pytest.mark.parametrize("dtype", ["float16", "float32", "float64"])
def test_no_spurious_warnings(name, dtype):
    x = [np.nan, 1e-310, -5e-324, 0.0, -0.0, 0.5, -1.0, 1.0]
    if name in ("tan", "arctan"):
        x += [700.0, 1e300, -1e300, 2.0**20 + 0.5, 1.5707963267948966]
    if name == "arctan":
        x += [np.inf, -np.inf]
    with np.errstate(all="ignore"):
        x = np.array(x).astype(dtype)
    check_same(lambda: getattr(np, name)(x), lambda: getattr(numc, name)(to_numc(x)),
               ulp=ulps_vs_numpy(dtype))


@given(st.lists(st.floats(allow_nan=True, allow_infinity=True), min_size=1, max_size=40))
def test_hypothesis_float64(xs):
    x = np.array(xs)
    for name in FUNCS:
        with np.errstate(all="ignore"), numc.errstate(all="ignore"):
            same_values(getattr(np, name)(x), getattr(numc, name)(to_numc(x)), ulp=2)
    y = x[::-1].copy()
    same_values(np.arctan2(y, x), numc.arctan2(to_numc(y), to_numc(x)), ulp=2)


@given(st.lists(st.floats(width=32), min_size=1, max_size=40))
def test_hypothesis_float32(xs):
    x = np.array(xs, dtype=np.float32)
    for name in FUNCS:
        with np.errstate(all="ignore"), numc.errstate(all="ignore"):
            same_values(getattr(np, name)(x), getattr(numc, name)(to_numc(x)), ulp=4)
    y = x[::-1].copy()
    same_values(np.arctan2(y, x), numc.arctan2(to_numc(y), to_numc(x)), ulp=4)


@pytest.mark.parametrize("dtype", ["float64", "float32"])
def test_trig_paths_agree(dtype):
    # the default path (AVX-512 where the CPU has it), the AVX2 one
    # (NUMC_NO_AVX512=1) and the portable libm one (NUMC_NO_SIMD=1) give the
    # same results within 1 ulp, and identical ones on special values
    code = ("import numpy as np, numc, sys; rng = np.random.default_rng(3); dt = sys.argv[2];"
            "sp = [0.0, -0.0, np.inf, -np.inf, np.nan, 1.0, -1.0, 0.5, 2.0, 1e30, 1e-40, 2.0**20];"
            "x = np.concatenate([rng.uniform(-30, 30, 5000), rng.uniform(-1, 1, 5000), sp]).astype(dt);"
            "y = np.concatenate([rng.uniform(-30, 30, 5000), rng.uniform(-1, 1, 5000), sp[::-1]]).astype(dt);"
            "a, b = np.meshgrid(np.array(sp, dt), np.array(sp, dt));"
            "f = lambda r: np.asarray(r.tolist(), dtype=dt);"
            "r = [f(getattr(numc, n)(numc.asarray(x))) for n in ['tan', 'arctan', 'arcsin', 'arccos']];"
            "r.append(f(numc.arctan2(numc.asarray(y), numc.asarray(x))));"
            "r.append(np.pad(f(numc.arctan2(numc.asarray(a.ravel()), numc.asarray(b.ravel()))),"
            " (0, len(x) - a.size)));"
            "np.save(sys.argv[1], np.stack(r))")
    with tempfile.TemporaryDirectory() as d:
        outs = []
        for i, env_set in enumerate(({}, {"NUMC_NO_AVX512": "1"}, {"NUMC_NO_SIMD": "1"})):
            path = os.path.join(d, "r%d.npy" % i)
            env = dict(os.environ, NUMC_NO_SIMD="0", NUMC_NO_AVX512="0")
            env.update(env_set)
            subprocess.run([sys.executable, "-c", code, path, dtype], check=True, env=env)
            outs.append(np.load(path))
    scalar = outs[2]
    for other in outs[:2]:
        assert (np.isnan(other) == np.isnan(scalar)).all()
        ok = ~np.isnan(scalar)
        np.testing.assert_array_max_ulp(other[ok], scalar[ok], maxulp=1)
        special = ~np.isfinite(scalar) | (scalar == 0)
        np.testing.assert_array_equal(other[special], scalar[special])
        assert (np.signbit(other[special & ok]) == np.signbit(scalar[special & ok])).all()
