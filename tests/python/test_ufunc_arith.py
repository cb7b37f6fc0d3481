"""Differential tests of the foundation's ufuncs and operators against NumPy."""
import itertools
import operator
import warnings

import numpy as np
import pytest
from hypothesis import given, strategies as st
from hypothesis.extra import numpy as hnp

import numc
from helpers import DTYPES, check_same, same_values, to_numc

BINARY = ["add", "subtract", "multiply", "divide", "floor_divide", "remainder", "divmod",
          "power", "equal", "not_equal", "less", "less_equal", "greater", "greater_equal",
          "logical_and", "logical_or", "logical_xor", "bitwise_and", "bitwise_or",
          "bitwise_xor", "left_shift", "right_shift", "maximum", "minimum"]
UNARY = ["negative", "positive", "absolute", "logical_not", "invert"]
CHARMAP = {"q": "l", "Q": "L"}


def numpy_types(name):
    """NumPy's loop list restricted to numc's dtypes, long long folded into long."""
    out = []
    for t in getattr(np, name).types:
        if set(t) & set("gGOMmTSUVP"):
            continue
        mapped = "".join(CHARMAP.get(c, c) for c in t)
        if mapped != t and mapped in out:
            continue  # 'qq->q' duplicates 'll->l'
        if mapped not in out:
            out.append(mapped)
    return out


@pytest.mark.parametrize("name", BINARY + UNARY)
def test_ufunc_attributes(name):
    n, c = getattr(np, name), getattr(numc, name)
    assert isinstance(c, numc.ufunc)
    assert (c.nin, c.nout, c.nargs) == (n.nin, n.nout, n.nargs)
    assert c.__name__ == n.__name__
    assert c.identity == n.identity
    assert c.types == numpy_types(name)


def test_aliases():
    assert numc.true_divide is numc.divide
    assert numc.mod is numc.remainder
    assert numc.bitwise_not is numc.invert
    assert numc.bitwise_invert is numc.invert
    assert numc.bitwise_left_shift is numc.left_shift
    assert numc.pow is numc.power
    assert numc.abs is numc.absolute


def sample(dtype):
    """A small array of representative values for `dtype` (extremes, zero, specials)."""
    info = np.dtype(dtype)
    if info.kind == "b":
        vals = [True, False, True, False, True]
    elif info.kind in "iu":
        ii = np.iinfo(info)
        vals = [ii.min, ii.max, 0, 1, 7, ii.max // 3, ii.min + 1 if ii.min else 2]
    elif info.kind == "f":
        vals = [0.0, -0.0, 1.5, -2.25, np.inf, -np.inf, np.nan]
    else:
        vals = [0j, 1 + 2j, -1.5 - 0.5j, complex(np.inf, 0), complex(np.nan, 1), -0.0 + 0j, 3 - 4j]
    return np.array(vals, dtype=dtype)


def rotated(x, k):
    return np.roll(x, k)


@pytest.mark.parametrize("name", BINARY)
def test_binary_all_dtype_pairs(name):
    with np.errstate(all="ignore"), numc.errstate(all="ignore"):
        for d1, d2 in itertools.product(DTYPES, DTYPES):
            a = sample(d1)
            b = rotated(sample(d2), 2)[: len(a)]
            n = min(len(a), len(b))
            a, b = a[:n], b[:n]
            if name == "power" and np.dtype(d2).kind in "iu":
                b = np.abs(b.astype(np.int64)).astype(d2) % 5 if np.dtype(d2).kind == "i" else b % 5
            if name in ("left_shift", "right_shift") and np.dtype(d2).kind in "iu":
                b = (b % 70).astype(d2)
            ca, cb = to_numc(a), to_numc(b)
            check_same(lambda: getattr(np, name)(a, b), lambda: getattr(numc, name)(ca, cb),
                       warnings_too=False, ulp=ULP.get(name, 0))


@pytest.mark.parametrize("name", UNARY)
def test_unary_all_dtypes(name):
    with np.errstate(all="ignore"), numc.errstate(all="ignore"):
        for d in DTYPES:
            a = sample(d)
            ca = to_numc(a)
            check_same(lambda: getattr(np, name)(a), lambda: getattr(numc, name)(ca),
                       warnings_too=False)


# libm's pow and NumPy's SIMD pow (AVX-512 builds) may differ in the last place.
ULP = {"power": 1, "pow": 1}

OPS = [operator.add, operator.sub, operator.mul, operator.truediv, operator.floordiv,
       operator.mod, operator.pow, operator.and_, operator.or_, operator.xor,
       operator.lshift, operator.rshift, operator.eq, operator.ne, operator.lt,
       operator.le, operator.gt, operator.ge, divmod]


@pytest.mark.parametrize("op", OPS, ids=lambda f: f.__name__)
@pytest.mark.parametrize("scalar", [0, 1, 3, -2, 200, 70000, 2**40, 2**63, 2.5, -0.0, 1e300, 1j,
                                    True])
def test_operators_with_python_scalars(op, scalar):
    """NEP 50: Python scalars are weak; out-of-range ints raise OverflowError."""
    with np.errstate(all="ignore"), numc.errstate(all="ignore"):
        for d in DTYPES:
            a = sample(d)
            ca = to_numc(a)
            ulp = ULP.get(op.__name__, 0)
            check_same(lambda: op(a, scalar), lambda: op(ca, scalar), warnings_too=False, ulp=ulp)
            check_same(lambda: op(scalar, a), lambda: op(scalar, ca), warnings_too=False, ulp=ulp)


@pytest.mark.parametrize("op", [operator.neg, operator.pos, abs, operator.invert],
                         ids=lambda f: f.__name__)
def test_unary_operators(op):
    with np.errstate(all="ignore"), numc.errstate(all="ignore"):
        for d in DTYPES:
            a = sample(d)
            check_same(lambda: op(a), lambda: op(to_numc(a)), warnings_too=False)


shapes = hnp.array_shapes(min_dims=0, max_dims=4, min_side=0, max_side=4)


@given(st.data(), hnp.mutually_broadcastable_shapes(num_shapes=2, min_dims=0, max_dims=4,
                                                     min_side=0, max_side=4),
       st.sampled_from(DTYPES), st.sampled_from(DTYPES),
       st.sampled_from(["add", "subtract", "multiply", "divide", "maximum", "less", "power"]))
def test_broadcasting(data, shapes_pair, d1, d2, name):
    s1, s2 = shapes_pair.input_shapes
    a = data.draw(hnp.arrays(d1, s1))
    b = data.draw(hnp.arrays(d2, s2))
    with np.errstate(all="ignore"), numc.errstate(all="ignore"):
        check_same(lambda: getattr(np, name)(a, b),
                   lambda: getattr(numc, name)(to_numc(a), to_numc(b)), warnings_too=False,
                   ulp=ULP.get(name, 0))


def test_broadcast_error():
    a, b = np.zeros((2, 3)), np.zeros(4)
    with pytest.raises(ValueError) as n_exc:
        a + b
    with pytest.raises(ValueError) as c_exc:
        to_numc(a) + to_numc(b)
    assert str(c_exc.value) == str(n_exc.value)


def test_errstate_warnings_and_raise():
    a, z = np.array([1.0, -1.0, 0.0]), np.array([0.0, 0.0, 0.0])
    ca, cz = to_numc(a), to_numc(z)
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        ca / cz
    msgs = sorted(str(x.message) for x in w)
    assert msgs == ["divide by zero encountered in divide", "invalid value encountered in divide"]
    assert all(x.category is RuntimeWarning for x in w)
    with numc.errstate(divide="raise"):
        with pytest.raises(FloatingPointError, match="divide by zero encountered in divide"):
            ca / cz
    with numc.errstate(all="ignore"):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            ca / cz
    assert numc.geterr() == np.geterr()
    old = numc.seterr(over="raise")
    assert old["over"] == "warn" and numc.geterr()["over"] == "raise"
    numc.seterr(**old)


def test_errstate_is_a_context_variable():
    """As in NumPy: threads start from the defaults, asyncio tasks keep their
    own state, errstate restores exactly what was there (callback too)."""
    import asyncio
    import threading

    seen = {}
    with numc.errstate(divide="raise"):
        t = threading.Thread(target=lambda: seen.update(numc.geterr()))
        t.start()
        t.join()
    assert seen == np.geterr()  # the defaults, not the creating thread's state

    async def task(mode, out):
        with numc.errstate(divide=mode):
            await asyncio.sleep(0.01)  # the other task runs here
            out[mode] = numc.geterr()["divide"]

    async def main():
        out = {}
        await asyncio.gather(task("raise", out), task("ignore", out))
        return out

    assert asyncio.run(main()) == {"raise": "raise", "ignore": "ignore"}
    assert numc.geterr()["divide"] == "warn"

    calls = []
    with numc.errstate(divide="call", call=lambda kind, flag: calls.append((kind, flag))):
        numc.divide(numc.asarray([1.0]), 0.0)
        assert numc.geterrcall() is not None
    assert calls == [("divide by zero", 1)]
    assert numc.geterrcall() is None and numc.geterr()["divide"] == "warn"

    @numc.errstate(all="ignore")
    def quiet():
        return numc.geterr()["invalid"]

    assert quiet() == "ignore" and numc.geterr()["invalid"] == "warn"
    with pytest.raises(ValueError):
        with numc.errstate(divide="bogus"):
            pass
    assert numc.geterr() == np.geterr()


def test_integer_division_by_zero():
    for d in ["int8", "uint16", "int32", "int64", "uint64"]:
        a, z = np.array([5, 0, 3], dtype=d), np.zeros(3, dtype=d)
        for name in ["floor_divide", "remainder", "divmod"]:
            check_same(lambda: getattr(np, name)(a, z),
                       lambda: getattr(numc, name)(to_numc(a), to_numc(z)))
    imin = np.array([np.iinfo(np.int64).min, np.iinfo(np.int8).min], dtype=np.int64)
    check_same(lambda: imin // -1, lambda: to_numc(imin) // -1)
    i8 = np.array([-128], dtype=np.int8)
    check_same(lambda: i8 // np.int8(-1), lambda: to_numc(i8) // to_numc(np.array(-1, np.int8)))


def test_negative_integer_power():
    a = np.array([2, 3])
    check_same(lambda: a ** np.array([-1, 2]), lambda: to_numc(a) ** to_numc(np.array([-1, 2])))


def test_bool_subtract_and_negative_raise():
    t = np.array([True, False])
    check_same(lambda: t - t, lambda: to_numc(t) - to_numc(t))
    check_same(lambda: -t, lambda: -to_numc(t))


@pytest.mark.parametrize("d1,d2", [("int64", "float64"), ("int8", "int16"), ("float32", "float64"),
                                   ("uint8", "int8"), ("float64", "complex128"), ("bool", "int8")])
def test_inplace_same_kind(d1, d2):
    def np_fn():
        a = np.ones(3, dtype=d1)
        a += np.full(3, 2, dtype=d2)
        return a

    def nc_fn():
        a = to_numc(np.ones(3, dtype=d1))
        a += to_numc(np.full(3, 2, dtype=d2))
        return a

    check_same(np_fn, nc_fn)


def test_out_keyword_and_aliasing():
    a = np.arange(6.0).reshape(2, 3)
    ca = to_numc(a)
    o = to_numc(np.zeros((2, 3)))
    r = numc.add(ca, 1, out=o)
    assert r is o and o.tolist() == (a + 1).tolist()
    r = numc.multiply(ca, ca, out=(ca,))
    assert r is ca and ca.tolist() == (a * a).tolist()
    q, m = to_numc(np.zeros(3)), to_numc(np.zeros(3))
    r = numc.divmod(to_numc(np.array([7.0, -7.0, 5.5])), 2, out=(q, m))
    assert r[0] is q and r[1] is m
    assert (q.tolist(), m.tolist()) == tuple(x.tolist() for x in np.divmod([7.0, -7.0, 5.5], 2))
    with pytest.raises(ValueError):
        numc.add(ca, ca, out=to_numc(np.zeros(3)))
    with pytest.raises(TypeError):
        numc.add(ca, ca, out=to_numc(np.zeros((2, 3), dtype=np.int64)))
    # out broadcasting the inputs up is allowed
    o2 = to_numc(np.zeros((4, 2, 3)))
    numc.add(ca, 1.0, out=o2)
    assert o2.tolist() == np.broadcast_to(a * a + 1, (4, 2, 3)).tolist()


def test_dtype_and_casting_keywords():
    a = np.array([1, 2, 3], dtype=np.int8)
    ca = to_numc(a)
    check_same(lambda: np.add(a, a, dtype=np.float32), lambda: numc.add(ca, ca, dtype="float32"))
    check_same(lambda: np.add(a, a, dtype="f8"), lambda: numc.add(ca, ca, dtype="f8"))
    f = np.array([1.5, 2.5])
    check_same(lambda: np.add(f, f, dtype=np.int32), lambda: numc.add(to_numc(f), to_numc(f), dtype="int32"))
    check_same(lambda: np.add(f, f, dtype=np.int32, casting="unsafe"),
               lambda: numc.add(to_numc(f), to_numc(f), dtype="int32", casting="unsafe"))
    check_same(lambda: np.add(a, a, signature=("f8", "f8", "f8")),
               lambda: numc.add(ca, ca, signature=("f8", "f8", "f8")))
    with pytest.raises(ValueError):
        numc.add(ca, ca, casting="bogus")
    with pytest.raises(TypeError):
        numc.add(ca)
    with pytest.raises(TypeError):
        numc.add(ca, ca, bogus=1)


def test_no_loop_errors():
    c = np.array([1j])
    check_same(lambda: np.floor_divide(c, c), lambda: numc.floor_divide(to_numc(c), to_numc(c)))
    f = np.array([1.5])
    check_same(lambda: np.left_shift(f, 1), lambda: numc.left_shift(to_numc(f), 1))
    check_same(lambda: np.bitwise_and(f, f), lambda: numc.bitwise_and(to_numc(f), to_numc(f)))
    check_same(lambda: ~f, lambda: ~to_numc(f))


def test_zero_d_results_are_scalars():
    a = np.array(2.5)
    r = numc.add(to_numc(a), 1.0)
    assert not isinstance(r, numc.ndarray)
    assert float(r) == 3.5


def test_result_layout_follows_inputs():
    a = np.asfortranarray(np.arange(6.0).reshape(2, 3))
    ca = numc.asarray(a.tolist())
    r = ca + ca
    assert r.shape == (2, 3)
    same_values(a + a, r)


@given(st.data(), st.sampled_from(DTYPES), st.sampled_from(DTYPES),
       st.sampled_from(["add", "multiply", "floor_divide", "maximum", "greater", "bitwise_or",
                        "logical_xor"]))
def test_strided_and_transposed_operands(data, d1, d2, name):
    """Negative and non-unit strides, transposes, and out= views behave as in NumPy."""
    shape = data.draw(hnp.array_shapes(min_dims=1, max_dims=3, min_side=1, max_side=6))
    a = data.draw(hnp.arrays(d1, shape))
    b = data.draw(hnp.arrays(d2, shape))
    steps = tuple(data.draw(st.sampled_from([1, 2, -1, -2])) for _ in shape)
    key = tuple(slice(None, None, s) for s in steps)
    ca, cb = to_numc(a), to_numc(b)
    transpose = data.draw(st.booleans())
    na, nb = a[key], b[key]
    xa, xb = ca[key], cb[key]
    if transpose:
        na, nb, xa, xb = na.T, nb.T, xa.T, xb.T
    with np.errstate(all="ignore"), numc.errstate(all="ignore"):
        check_same(lambda: getattr(np, name)(na, nb), lambda: getattr(numc, name)(xa, xb),
                   warnings_too=False)


def test_inplace_on_overlapping_views():
    for dt in ["int32", "float64"]:
        n = np.arange(10, dtype=dt)
        c = to_numc(n)
        n[1:] += n[:-1]
        c[1:] += c[:-1]
        assert c.tolist() == n.tolist()
        n[::-1] *= n
        c[::-1] *= c
        assert c.tolist() == n.tolist()


def test_mixed_dtype_buffered_path_large():
    """Casting through buffers: operands longer than one buffer, strided."""
    a = np.arange(20000, dtype=np.int32)[::-3]
    b = np.linspace(0, 1, 20000)[::3]
    check_same(lambda: a + b, lambda: to_numc(np.arange(20000, dtype=np.int32))[::-3] +
               to_numc(np.linspace(0, 1, 20000))[::3])
    o = np.zeros(len(a), dtype=np.float32)
    co = to_numc(o)
    np.add(a, b, out=o)
    numc.add(to_numc(np.arange(20000, dtype=np.int32))[::-3], to_numc(np.linspace(0, 1, 20000))[::3],
             out=co)
    same_values(o, co)
