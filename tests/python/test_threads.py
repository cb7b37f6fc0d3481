"""The thread pool: get/set_num_threads, and large element-wise loops and
reductions that are split over threads.  Every result must be bit-identical
for every thread count and equal to NumPy's; warnings and errors raised in a
worker's part must reach the caller."""
import os
import subprocess
import sys
import warnings

import numpy as np
import pytest

import numc
from helpers import same_values, check_same

N = 300_001  # above every split threshold, odd so that parts are uneven


@pytest.fixture
def threads():
    before = numc.get_num_threads()
    yield
    numc.set_num_threads(before)


def each_count(fn):
    """fn() run with 1, 2, 3 and 4 threads; the results."""
    out = []
    for t in (1, 2, 3, 4):
        numc.set_num_threads(t)
        out.append(fn())
    return out


def test_get_set(threads):
    assert numc.get_num_threads() >= 1
    numc.set_num_threads(3)
    assert numc.get_num_threads() == 3
    numc.set_num_threads(1)
    assert numc.get_num_threads() == 1


@pytest.mark.parametrize("bad,exc", [(0, ValueError), (-2, ValueError), (257, ValueError),
                                     (2**70, ValueError), (1.5, TypeError), ("2", TypeError),
                                     (True, TypeError), (None, TypeError)])
def test_set_rejects(threads, bad, exc):
    before = numc.get_num_threads()
    with pytest.raises(exc):
        numc.set_num_threads(bad)
    assert numc.get_num_threads() == before


def test_env_default():
    code = "import numc; print(numc.get_num_threads())"
    for val, want in (("3", "3"), ("1", "1")):
        env = dict(os.environ, NUMC_NUM_THREADS=val)
        out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                             text=True, check=True).stdout.strip()
        assert out == want


ELEMENTWISE = [
    ("add", 2, "float64"), ("multiply", 2, "int32"), ("subtract", 2, "float32"),
    ("exp", 1, "float64"), ("sin", 1, "float32"), ("tanh", 1, "float64"),
    ("arctan2", 2, "float64"), ("power", 2, "float64"), ("greater", 2, "int64"),
    ("sqrt", 1, "float64"), ("log1p", 1, "float32"), ("negative", 1, "complex128"),
]


@pytest.mark.parametrize("name,nin,dtype", ELEMENTWISE)
def test_elementwise_same_for_every_count(threads, name, nin, dtype):
    rng = np.random.default_rng(5)
    args = [(rng.random(N) * 4 - 1).astype(dtype) for _ in range(nin)]
    if name in ("sqrt", "log1p", "power"):
        args = [np.abs(a) for a in args]
    want = getattr(np, name)(*args)
    cargs = [numc.asarray(a) for a in args]
    fn = getattr(numc, name)
    for got in each_count(lambda: fn(*cargs)):
        same_values(want, got, ulp=0 if name in ("add", "multiply", "subtract", "greater",
                                                  "negative", "sqrt") else 2)
    # out= and a broadcast scalar take the other fast path
    out = numc.empty(N, dtype=str(want.dtype))
    for _ in each_count(lambda: fn(*cargs, out=out)):
        same_values(want, out, ulp=0 if name in ("add", "multiply") else 2)


def test_flags_from_the_last_part_warn(threads):
    a = np.ones(N)
    a[-1] = 0.0
    a[-2] = np.inf
    ca = numc.asarray(a)
    for t in (1, 2, 4):
        numc.set_num_threads(t)
        check_same(lambda: np.divide(1.0, a), lambda: numc.divide(1.0, ca))
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            numc.divide(1.0, ca)
        assert [x.category for x in w] == [RuntimeWarning]
        assert "divide by zero" in str(w[0].message)
        with numc.errstate(divide="raise"):
            with pytest.raises(FloatingPointError):
                numc.divide(1.0, ca)
        with numc.errstate(invalid="raise"):
            with pytest.raises(FloatingPointError):
                numc.subtract(ca, ca)  # inf - inf in the last part


def test_loop_error_in_a_worker_part(threads):
    b = np.full(N, 2, dtype=np.int64)
    b[-1] = -1
    a, ca, cb = np.full(N, 3, dtype=np.int64), numc.full(N, 3, dtype=numc.int64), numc.asarray(b)
    for t in (1, 2, 4):
        numc.set_num_threads(t)
        check_same(lambda: np.power(a, b), lambda: numc.power(ca, cb))


REDUCTIONS = [
    ("sum", "float64"), ("sum", "float32"), ("sum", "int64"), ("sum", "int8"),
    ("prod", "int64"), ("max", "float64"), ("min", "float32"), ("max", "int16"),
    ("mean", "float64"), ("any", "bool"), ("all", "bool"),
]


@pytest.mark.parametrize("name,dtype", REDUCTIONS)
@pytest.mark.parametrize("n", [65_536, 131_075, 1_000_003])
def test_reductions_bit_identical(threads, name, dtype, n):
    rng = np.random.default_rng(n)
    if dtype == "bool":
        a = rng.random(n) < 0.9999
    elif dtype.startswith("float"):
        a = (rng.standard_normal(n) * 1e3).astype(dtype)
    else:
        a = rng.integers(-3, 4, n).astype(dtype)
    want = getattr(np, name)(a)
    ca = numc.asarray(a)
    for got in each_count(lambda: getattr(numc, name)(ca)):
        same_values(want, got)


def test_reduction_nan_and_overflow_from_a_part(threads):
    a = np.ones(N)
    a[N - 5] = np.nan
    ca = numc.asarray(a)
    for got in each_count(lambda: numc.max(ca)):
        assert np.isnan(float(got))
    big = np.full(N, 1e308)
    cbig = numc.asarray(big)
    for t in (1, 2, 4):
        numc.set_num_threads(t)
        check_same(lambda: np.sum(big), lambda: numc.sum(cbig))


def test_strided_and_where_reductions(threads):
    rng = np.random.default_rng(9)
    a = rng.standard_normal(2 * N)
    ca = numc.asarray(a)
    for got in each_count(lambda: numc.sum(ca[::2])):
        same_values(np.sum(a[::2]), got)
    w = rng.random(2 * N) < 0.5
    cw = numc.asarray(w)
    for got in each_count(lambda: numc.max(ca, where=cw, initial=-np.inf)):
        same_values(np.max(a, where=w, initial=-np.inf), got)


def test_pool_after_fork(threads):
    if not hasattr(os, "fork"):
        pytest.skip("no fork")
    numc.set_num_threads(2)
    x = numc.arange(N, dtype=numc.float64)
    numc.exp(x * 1e-6)  # workers exist now
    code = (
        "import os, numc, numpy as np\n"
        "numc.set_num_threads(2)\n"
        "x = numc.arange(300001, dtype=numc.float64)\n"
        "numc.exp(x * 1e-6)\n"
        "pid = os.fork()\n"
        "if pid == 0:\n"
        "    ok = float(numc.sum(x)) == float(np.sum(np.arange(300001.0)))\n"
        "    ok = ok and bool(numc.all(numc.exp(x * 1e-6) > 0))\n"
        "    os._exit(0 if ok else 3)\n"
        "_, status = os.waitpid(pid, 0)\n"
        "print(os.waitstatus_to_exitcode(status))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=120)
    assert out.stdout.strip() == "0", out.stderr


def test_python_threads_share_the_pool(threads):
    import threading
    numc.set_num_threads(2)
    a = np.random.default_rng(3).standard_normal(N)
    ca = numc.asarray(a)
    numc.set_num_threads(1)
    want = float(numc.exp(ca).sum())
    numc.set_num_threads(2)
    errors = []

    def run():
        for _ in range(20):
            got = float(numc.exp(ca).sum())
            if got != want:
                errors.append(got)

    ts = [threading.Thread(target=run) for _ in range(4)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    assert not errors


@pytest.mark.parametrize("dtype", ["float64", "float32", "int8", "uint16", "bool", "complex128",
                                   "float16"])
def test_argmax_argmin_first_occurrence(threads, dtype):
    n = 1_000_003
    rng = np.random.default_rng(11)
    a = rng.integers(0, 50, n).astype(dtype)
    a[[10, 400_000, 999_999]] = 60 if dtype != "bool" else True  # ties in different parts
    ca = numc.asarray(a)
    cases = [(a, ca), (a[::-1], ca[::-1]), (a[::3], ca[::3])]
    if dtype.startswith(("float", "complex")):
        b = a.copy()
        b[[700_000, 800_000]] = np.nan  # the first NaN wins
        cases.append((b, numc.asarray(b)))
    for x, cx in cases:
        for fn in ("argmax", "argmin"):
            want = getattr(np, fn)(x)
            for got in each_count(lambda: getattr(numc, fn)(cx)):
                assert int(got) == int(want), (fn, dtype)


def test_argmax_of_a_noncontiguous_2d(threads):
    a = np.random.default_rng(2).standard_normal((1200, 900))
    ca = numc.asarray(a)
    for got in each_count(lambda: numc.argmax(ca.T)):
        assert int(got) == int(np.argmax(a.T))


def test_std_var_same_for_every_count(threads):
    a = np.random.default_rng(4).standard_normal(2_000_001) * 3 + 1e4
    ca = numc.asarray(a)
    for fn in ("std", "var"):
        res = each_count(lambda: float(getattr(numc, fn)(ca)))
        assert len({x.hex() for x in res}) == 1
        np.testing.assert_allclose(res[0], getattr(np, fn)(a), rtol=1e-13)


@pytest.mark.parametrize("src,dst", [("float64", "float64"), ("float64", "int32"),
                                     ("int16", "float32"), ("float32", "float16"),
                                     ("complex128", "complex64")])
def test_parallel_copies_and_casts(threads, src, dst):
    rng = np.random.default_rng(6)
    a = (rng.standard_normal((500, 600)) * 100).astype(src)
    ca = numc.asarray(a)
    want = [a.astype(dst), a[:, ::2].astype(dst), a.T.copy(), np.ascontiguousarray(a.T)]
    for t in (1, 2, 3):
        numc.set_num_threads(t)
        got = [ca.astype(dst), ca[:, ::2].astype(dst), ca.T.copy(), numc.ascontiguousarray(ca.T)]
        for w, g in zip(want, got):
            same_values(w, g)
        # assignment into a strided view (rows split over threads)
        b, cb = np.zeros((500, 1200), dst), numc.zeros((500, 1200), dtype=dst)
        b[:, ::2] = a
        cb[:, ::2] = ca
        same_values(b, cb)


def test_transposed_copy_float32_large(threads):
    a = np.arange(1500 * 1300, dtype=np.float32).reshape(1500, 1300)
    ca = numc.asarray(a)
    for got in each_count(lambda: ca.T.copy()):
        same_values(a.T.copy(), got)


@pytest.mark.parametrize("dtype", ["float64", "float32"])
def test_matmul_bands_bit_identical(threads, dtype):
    rng = np.random.default_rng(8)
    a = rng.standard_normal((400, 300)).astype(dtype)
    b = rng.standard_normal((300, 350)).astype(dtype)
    ca, cb = numc.asarray(a), numc.asarray(b)
    res = [np.asarray(r.tolist()) for r in each_count(lambda: numc.matmul(ca, cb))]
    for r in res[1:]:
        assert np.array_equal(r, res[0])
    np.testing.assert_allclose(res[0], a.astype("float64") @ b.astype("float64"),
                               rtol=1e-4 if dtype == "float32" else 1e-12, atol=1e-3)
    # the output overlapping an input
    x = numc.asarray(rng.standard_normal((300, 300)))
    xn = np.asarray(x.tolist())
    numc.set_num_threads(2)
    numc.matmul(x, x, out=x)
    np.testing.assert_allclose(np.asarray(x.tolist()), xn @ xn, rtol=1e-12, atol=1e-10)


def test_strided_and_broadcast_elementwise(threads):
    rng = np.random.default_rng(12)
    base = rng.standard_normal(2 * N)
    m = rng.standard_normal((700, 600))
    v = rng.standard_normal(700)
    cbase, cm, cv = numc.asarray(base), numc.asarray(m), numc.asarray(v)
    for t in (1, 2, 3):
        numc.set_num_threads(t)
        same_values(base[::2] + 1, cbase[::2] + 1)
        same_values(np.exp(base[::-3]), numc.exp(cbase[::-3]), ulp=2)
        same_values(m + v[:, None], cm + cv[:, None])
        same_values(np.sin(m.T), numc.sin(cm.T), ulp=2)
        out, cout = np.zeros((700, 1200)), numc.zeros((700, 1200))
        np.multiply(m, 2.0, out=out[:, ::2])
        numc.multiply(cm, 2.0, out=cout[:, ::2])
        same_values(out, cout)


def test_strided_flags_and_errors(threads):
    a = np.ones(2 * N)
    a[-2] = 0.0
    ca = numc.asarray(a)
    m = np.ones((700, 600))
    m[-1, -1] = 0.0
    cm = numc.asarray(m)
    for t in (1, 2):
        numc.set_num_threads(t)
        with numc.errstate(divide="raise"):
            with pytest.raises(FloatingPointError):
                numc.divide(1.0, ca[::2])
            with pytest.raises(FloatingPointError):
                numc.divide(1.0, cm.T)
        ib = numc.full((700, 600), 2, dtype=numc.int64)
        ib[-1, 0] = -1
        with pytest.raises(ValueError):
            numc.power(ib.T, ib.T)


def test_buffered_casting_runs(threads):
    rng = np.random.default_rng(13)
    i32 = rng.integers(-1000, 1000, N).astype(np.int32)
    f64 = rng.standard_normal(N)
    ci32, cf64 = numc.asarray(i32), numc.asarray(f64)
    out, cout = np.zeros(N, np.float32), numc.zeros(N, dtype="float32")
    f64[-1] = 0.0
    cf64 = numc.asarray(f64)
    for t in (1, 2, 3):
        numc.set_num_threads(t)
        same_values(i32 + f64, ci32 + cf64)
        np.multiply(i32, f64, out=out, casting="unsafe")
        numc.multiply(ci32, cf64, out=cout, casting="unsafe")
        same_values(out, cout)
        with numc.errstate(divide="raise"):
            with pytest.raises(FloatingPointError):
                numc.divide(ci32, cf64)  # the zero is in the last part
        e8 = np.full(N, 2, np.int8)
        e8[-1] = -1
        check_same(lambda: np.power(np.int64(3), e8), lambda: numc.power(numc.int64(3), numc.asarray(e8)))


def test_parallel_gathers(threads):
    rng = np.random.default_rng(14)
    x = rng.standard_normal(1_000_000)
    m = rng.standard_normal((3000, 40))
    cx, cm = numc.asarray(x), numc.asarray(m)
    idx = rng.integers(-1_000_000, 1_000_000, 70_001)
    rows = rng.integers(-3000, 3000, 40_003)
    cidx, crows = numc.asarray(idx), numc.asarray(rows)
    for t in (1, 2, 3):
        numc.set_num_threads(t)
        same_values(x[idx], cx[cidx])
        same_values(np.take(x, idx * 7, mode="wrap"), numc.take(cx, cidx * 7, mode="wrap"))
        same_values(np.take(x, idx * 7, mode="clip"), numc.take(cx, cidx * 7, mode="clip"))
        same_values(m[rows], cm[crows])
        same_values(np.take(m, rows, axis=0), numc.take(cm, crows, axis=0))


def test_parallel_gather_reports_the_first_bad_index(threads):
    x = np.arange(1000.0)
    idx = np.zeros(300_000, np.int64)
    idx[150_000] = 5000   # first bad one
    idx[290_000] = -7000  # a later one, in another part
    cx, cidx = numc.asarray(x), numc.asarray(idx)
    m = np.zeros((1000, 30))
    cm = numc.asarray(m)
    for t in (1, 2, 4):
        numc.set_num_threads(t)
        check_same(lambda: x[idx], lambda: cx[cidx])
        check_same(lambda: np.take(x, idx), lambda: numc.take(cx, cidx))
        check_same(lambda: m[idx], lambda: cm[cidx])


def test_parallel_where(threads):
    rng = np.random.default_rng(15)
    c = rng.random((600, 700)) < 0.3
    a = rng.standard_normal((600, 700)).astype(np.float32)
    b = rng.standard_normal(700).astype(np.float32)
    cc, ca, cb = numc.asarray(c), numc.asarray(a), numc.asarray(b)
    for t in (1, 2, 3):
        numc.set_num_threads(t)
        same_values(np.where(c, a, b), numc.where(cc, ca, cb))
        same_values(np.where(c.ravel(), a.ravel(), 0), numc.where(cc.ravel(), ca.ravel(), 0))
        same_values(np.where(c.T, a.T, b[:, None]), numc.where(cc.T, ca.T, cb[:, None]))


@pytest.mark.parametrize("mode", ["constant", "edge", "reflect", "wrap", "symmetric", "mean",
                                  "empty"])
def test_parallel_pad(threads, mode):
    a = np.random.default_rng(16).standard_normal((700, 600))
    ca = numc.asarray(a)
    for t in (1, 2, 3):
        numc.set_num_threads(t)
        got = numc.pad(ca, ((3, 5), (7, 2)), mode=mode)
        if mode == "empty":
            same_values(a, got[3:-5, 7:-2])
        else:
            same_values(np.pad(a, ((3, 5), (7, 2)), mode=mode), got)


@pytest.mark.parametrize("expr", ["bool_sum", "int8_sum", "uint16_prod", "int8_max_as_int64",
                                  "bool_any_as_int"])
def test_parallel_cast_reductions(threads, expr):
    rng = np.random.default_rng(17)
    n = 1_000_003
    b = rng.random(n) < 0.3
    i8 = rng.integers(-100, 100, n).astype(np.int8)
    u16 = rng.integers(0, 3, n).astype(np.uint16)
    cb, ci8, cu16 = numc.asarray(b), numc.asarray(i8), numc.asarray(u16)
    cases = {
        "bool_sum": (lambda: b.sum(), lambda: cb.sum()),
        "int8_sum": (lambda: i8.sum(), lambda: ci8.sum()),
        "uint16_prod": (lambda: np.prod(u16[:200_000] % 2 + 1), lambda: numc.prod(cu16[:200_000] % 2 + 1)),
        "int8_max_as_int64": (lambda: np.maximum.reduce(i8, dtype=np.int64),
                              lambda: numc.maximum.reduce(ci8, dtype=numc.int64)),
        "bool_any_as_int": (lambda: np.add.reduce(b, dtype=np.int32),
                            lambda: numc.add.reduce(cb, dtype=numc.int32)),
    }
    f_np, f_nc = cases[expr]
    want = f_np()
    for got in each_count(f_nc):
        same_values(want, got)


@pytest.mark.parametrize("dtype", ["bool", "int8", "float64", "complex64", "float16"])
def test_parallel_count_nonzero(threads, dtype):
    rng = np.random.default_rng(18)
    a = (rng.random((900, 700)) < 0.4).astype(dtype)
    ca = numc.asarray(a)
    for t in (1, 2, 3):
        numc.set_num_threads(t)
        assert int(numc.count_nonzero(ca)) == int(np.count_nonzero(a))
        assert int(numc.count_nonzero(ca.T)) == int(np.count_nonzero(a.T))
        assert int(numc.count_nonzero(ca[:, ::3])) == int(np.count_nonzero(a[:, ::3]))


@pytest.mark.parametrize("dtype", ["float64", "float32", "int32", "complex128"])
def test_parallel_gufunc_batches(threads, dtype):
    rng = np.random.default_rng(19)
    a = (rng.standard_normal((3000, 40)) * 10).astype(dtype)
    b = (rng.standard_normal((3000, 40)) * 10).astype(dtype)
    m = (rng.standard_normal((20000, 3, 3)) * 10).astype(dtype)
    ca, cb, cm = numc.asarray(a), numc.asarray(b), numc.asarray(m)
    res = {}
    for t in (1, 2, 3):
        numc.set_num_threads(t)
        got = (numc.vecdot(ca, cb), numc.matmul(cm, cm), numc.matvec(cm, cm[:, 0]))
        res[t] = [np.asarray(x.tolist()) for x in got]
    for t in (2, 3):
        for x, y in zip(res[1], res[t]):
            assert np.array_equal(x, y)
    tol = dict(rtol=1e-4, atol=1e-2) if dtype in ("float32",) else dict(rtol=1e-10, atol=1e-8)
    np.testing.assert_allclose(res[1][0], np.vecdot(a, b), **tol)
    np.testing.assert_allclose(res[1][1], np.matmul(m, m), **tol)


@pytest.mark.parametrize("dtype", ["bool", "int8", "uint16", "float32", "float64", "complex128",
                                   "float16"])
def test_parallel_nonzero(threads, dtype):
    rng = np.random.default_rng(20)
    a = (rng.random(1_000_003) < 0.3).astype(dtype)
    if dtype.startswith("float"):
        a[5] = -0.0
        a[-1] = np.nan
    ca = numc.asarray(a)
    for t in (1, 2, 3):
        numc.set_num_threads(t)
        for x, cx in ((a, ca), (a[::3], ca[::3]), (a[::-2], ca[::-2])):
            want = np.nonzero(x)[0]
            got = numc.nonzero(cx)[0]
            assert np.array_equal(want, np.asarray(got.tolist()))
        assert np.array_equal(np.flatnonzero(a), np.asarray(numc.flatnonzero(ca).tolist()))
        same_values(a[a != 0] if dtype != "bool" else a[a], ca[ca != 0] if dtype != "bool" else ca[ca])


def test_parallel_concatenate_and_stack(threads):
    rng = np.random.default_rng(21)
    xs = [rng.standard_normal(rng.integers(1000, 60_000)) for _ in range(37)]
    ms = [rng.standard_normal((500, int(k))) for k in rng.integers(1, 300, 9)]
    cxs, cms = [numc.asarray(x) for x in xs], [numc.asarray(m) for m in ms]
    for t in (1, 2, 3):
        numc.set_num_threads(t)
        same_values(np.concatenate(xs), numc.concatenate(cxs))
        same_values(np.concatenate(ms, axis=1), numc.concatenate(cms, axis=1))
        same_values(np.stack(xs[:5] and [x[:1000] for x in xs]), numc.stack([x[:1000] for x in cxs]))
        same_values(np.hstack(ms), numc.hstack(cms))


def test_flags_of_earlier_runs_survive_parallel_runs(threads):
    # several long runs in one reduction, only the first overflows: the
    # later (parallel) runs must not clear its flag
    a = np.ones((2, 4, 300_001))
    a[0, 0, :2] = 1e308
    ca = numc.asarray(a)
    for t in (1, 2, 3):
        numc.set_num_threads(t)
        check_same(lambda: np.add.reduce(a[:, ::3], axis=-1),
                   lambda: numc.add.reduce(ca[:, ::3], axis=-1))
        with numc.errstate(over="raise"):
            with pytest.raises(FloatingPointError):
                numc.add.reduce(ca[:, ::3], axis=-1)


def test_var_std_overflow_warn_as_numpy(threads):
    a = np.ones(300_001) * 1e200
    a[::2] *= -1
    b = np.full(1000, 1e154)
    b[::2] = -1e154
    for t in (1, 2):
        numc.set_num_threads(t)
        for x in (a, b, np.array([np.inf, 1.0])):
            for fn in ("var", "std"):
                check_same(lambda: getattr(np, fn)(x), lambda: getattr(numc, fn)(numc.asarray(x)))
