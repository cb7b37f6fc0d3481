"""exp2, expm1, log2, log10, log1p, sinh, cosh, arcsinh, arccosh, arctanh and
cbrt over the vmath kernels: within 1 ulp of a long double reference
(float64) or of double libm (float32), close to NumPy's, exact on special
values, the same warnings as NumPy, and the same results on every kernel
path (AVX-512, AVX2, portable)."""
import os
import subprocess
import sys
import tempfile
import warnings

import numpy as np
import pytest

import numc
from helpers import same_values, to_numc

FUNCS = ["exp2", "expm1", "log2", "log10", "log1p", "sinh", "cosh", "arcsinh", "arccosh",
         "arctanh", "cbrt"]
SPECIAL = [0.0, -0.0, 1.0, -1.0, 2.0, -2.0, 0.5, -0.5, np.inf, -np.inf, np.nan, 5e-324,
           -5e-324, 1e-310, 2.0**-1022, 1e-20, -1e-20, 1e-300, 1e300, -1e300, 1.7e308,
           -1.7e308, 1023.9, 1024.0, 1020.5, -1022.5, -1060.0, -1075.0, 708.0, 709.0, 709.7,
           709.8, 710.4, 710.5, -710.5, 88.0, 88.7, 88.8, 89.0, 89.4, 89.5, 126.5, 127.9,
           128.0, -150.0, -0.9999999, 0.9999999, 1.0000001, 2.0**28, 2.0**-28, 8.0, 27.0,
           1000.0, 0.001]


def inputs(name, dtype, rng, n=20000):
    u = rng.uniform
    x = {"exp2": lambda: u(-1100, 1100, n), "expm1": lambda: u(-720, 720, n),
         "sinh": lambda: u(-720, 720, n), "cosh": lambda: u(-720, 720, n),
         "log1p": lambda: np.concatenate([u(-1, 1, n // 2), np.exp(u(-40, 40, n // 2))]),
         "arccosh": lambda: 1 + np.exp(u(-40, 40, n)),
         "arctanh": lambda: np.concatenate([u(-1, 1, n // 2), 1 - np.exp(u(-36, 0, n // 2))]),
         }.get(name, lambda: np.exp(u(-700, 700, n)) * rng.choice([-1, 1], n))()
    x = np.concatenate([x, u(-3, 3, n // 4), np.exp(u(-60, 0, n // 4))])
    if name in ("log2", "log10"):
        x = np.abs(x)
    with np.errstate(all="ignore"):
        return x.astype(dtype)


def ulp_err(res, ref, dtype):
    p = 52 if dtype == "float64" else 23
    emin = -1074 if dtype == "float64" else -149
    ref = np.asarray(ref, dtype=np.longdouble)
    res = np.asarray(res).astype(np.longdouble)
    ok = np.isfinite(ref) & np.isfinite(res)
    _, e = np.frexp(ref[ok])
    ulp = np.ldexp(np.longdouble(1), np.maximum(e.astype(np.int64) - 1 - p, emin))
    return np.abs(res[ok] - ref[ok]) / ulp


@pytest.mark.parametrize("name", FUNCS)
@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_within_one_ulp(name, dtype):
    x = inputs(name, dtype, np.random.default_rng(5))
    wide = np.longdouble if dtype == "float64" else np.float64
    with np.errstate(all="ignore"), numc.errstate(all="ignore"):
        ref = getattr(np, name)(x.astype(wide))
        ours = np.asarray(getattr(numc, name)(to_numc(x)).tolist(), dtype=dtype)
    fin = np.isfinite(ref.astype(dtype))
    assert ulp_err(ours[fin], ref[fin], dtype).max() <= 1
    # where the reference overflows or is nan, the same
    same = ~fin
    np.testing.assert_array_equal(ours[same], ref[same].astype(dtype))


@pytest.mark.parametrize("name", FUNCS)
@pytest.mark.parametrize("dtype", ["float16", "float32", "float64"])
def test_values_match_numpy(name, dtype):
    x = inputs(name, dtype, np.random.default_rng(6), n=4000)
    with np.errstate(all="ignore"), numc.errstate(all="ignore"):
        # NumPy's float64 kernels err up to ~0.85 ulp and numc's ~0.7, its
        # float32 ones up to ~3 ulp
        same_values(getattr(np, name)(x), getattr(numc, name)(to_numc(x)),
                    ulp=2 if dtype == "float64" else 4)


@pytest.mark.parametrize("name", FUNCS)
@pytest.mark.parametrize("dtype", ["float16", "float32", "float64"])
def test_special_values(name, dtype):
    with np.errstate(all="ignore"):
        x = np.array(SPECIAL).astype(dtype)
        n_res = getattr(np, name)(x)
    with numc.errstate(all="ignore"):
        c_res = getattr(numc, name)(to_numc(x))
    same_values(n_res, c_res, ulp=2 if dtype == "float64" else 4)
    c = np.asarray(c_res.tolist(), dtype=dtype)
    # (not +-1: NumPy's float32 cbrt(0.9999999) is 1, one ulp off)
    exact = ~np.isfinite(n_res) | (n_res == 0)
    np.testing.assert_array_equal(c[exact], n_res[exact])
    signed = exact & ~np.isnan(n_res)  # NaN signs differ between libm and SVML
    assert (np.signbit(c[signed]) == np.signbit(n_res[signed])).all()


def _warned(mod, fn, arr):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        with mod.errstate(all="warn", under="ignore"):
            fn(arr)
    return sorted({str(x.message) for x in w})


@pytest.mark.parametrize("name", FUNCS)
@pytest.mark.parametrize("dtype", ["float16", "float32", "float64"])
def test_warnings_per_value(name, dtype):
    for v in SPECIAL:
        with np.errstate(all="ignore"):
            x = np.array([v] * 19, dtype=dtype)  # a full vector and a tail
        want = _warned(np, getattr(np, name), x)
        got = _warned(numc, getattr(numc, name), to_numc(x))
        assert got == want, (name, dtype, v)


def test_exp2_underflow_like_numpy():
    x = np.array([-1e300, -1075.0, -1022.5, -1060.0, 3.0])
    for v in x:
        a = np.array([v])
        with warnings.catch_warnings(record=True) as w1:
            warnings.simplefilter("always")
            with np.errstate(all="warn"):
                np.exp2(a)
        with warnings.catch_warnings(record=True) as w2:
            warnings.simplefilter("always")
            with numc.errstate(all="warn"):
                numc.exp2(to_numc(a))
        assert [str(i.message) for i in w1] == [str(i.message) for i in w2], v


@pytest.mark.parametrize("name", FUNCS)
@pytest.mark.parametrize("n", [0, 1, 7, 8, 9, 15, 16, 17, 33, 257])
def test_lengths_strides_in_place(name, n):
    x = np.linspace(1.01, 3, 2 * n) if name == "arccosh" else np.linspace(-0.9, 0.95, 2 * n)
    same_values(getattr(np, name)(x), getattr(numc, name)(to_numc(x)), ulp=2)
    same_values(getattr(np, name)(x[::2]), getattr(numc, name)(to_numc(x)[::2]), ulp=2)
    a = to_numc(x)
    getattr(numc, name)(a, out=a)
    same_values(getattr(np, name)(x), a, ulp=2)


@pytest.mark.parametrize("dtype", ["float64", "float32"])
def test_paths_agree_explog(dtype):
    # AVX-512 (where present), AVX2 (NUMC_NO_AVX512=1) and portable
    # (NUMC_NO_SIMD=1): within 1 ulp, identical on special results
    code = ("import numpy as np, numc, sys; rng = np.random.default_rng(4); dt = sys.argv[2];"
            "inf, nan = np.inf, np.nan;"
            "x = np.concatenate([rng.uniform(-3, 3, 4000), rng.uniform(-800, 800, 4000),"
            " np.exp(rng.uniform(-700, 700, 4000)), -np.exp(rng.uniform(-60, 0, 2000)),"
            " %r]).astype(dt);"
            "r = [np.asarray(getattr(numc, n)(numc.asarray(x)).tolist(), dtype=dt) for n in %r];"
            "np.save(sys.argv[1], np.stack(r))" % (SPECIAL, FUNCS))
    with tempfile.TemporaryDirectory() as d:
        outs = []
        for i, env_set in enumerate(({}, {"NUMC_NO_AVX512": "1"}, {"NUMC_NO_SIMD": "1"})):
            path = os.path.join(d, "r%d.npy" % i)
            env = dict(os.environ, NUMC_NO_SIMD="0", NUMC_NO_AVX512="0")
            env.update(env_set)
            subprocess.run([sys.executable, "-W", "ignore", "-c", code, path, dtype],
                           check=True, env=env)
            outs.append(np.load(path))
    scalar = outs[2]
    for other in outs[:2]:
        assert (np.isnan(other) == np.isnan(scalar)).all()
        ok = ~np.isnan(scalar)
        np.testing.assert_array_max_ulp(other[ok], scalar[ok], maxulp=1)
        special = ~np.isfinite(scalar) | (scalar == 0)
        np.testing.assert_array_equal(other[special], scalar[special])
