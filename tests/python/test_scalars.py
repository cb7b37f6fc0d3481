"""numc scalar types against NumPy's: hierarchy, construction, NEP 51 repr,
str, conversions, hashing and arithmetic (dtypes and values, NEP 50)."""
import math
import operator
import pickle
import warnings

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

import numc as nc

NAMES = ["bool", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64",
         "uint64", "float16", "float32", "float64", "complex64", "complex128"]
INTS = ["int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64"]
FLOATS = ["float16", "float32", "float64"]
COMPLEX = ["complex64", "complex128"]


def np_repr(x):
    return repr(x).replace("np.", "numc.")


# --- hierarchy -----------------------------------------------------------------

ABSTRACT = ["generic", "number", "integer", "signedinteger", "unsignedinteger", "inexact",
            "floating", "complexfloating"]


@pytest.mark.parametrize("name", NAMES)
def test_hierarchy_matches_numpy(name):
    t, nt = getattr(nc, name), getattr(np, name)
    for a in ABSTRACT:
        assert issubclass(t, getattr(nc, a)) == issubclass(nt, getattr(np, a)), a
        assert isinstance(t(1), getattr(nc, a)) == isinstance(nt(1), getattr(np, a)), a
    for py in (int, float, complex, bool):
        assert issubclass(t, py) == issubclass(nt, py), py
    assert t.__name__ == nt.__name__
    assert t.__module__ == "numc"


def test_builtin_bases():
    assert issubclass(nc.float64, float)
    assert issubclass(nc.complex128, complex)
    assert not issubclass(nc.bool, bool)
    assert isinstance(nc.float64(1.5), float) and nc.float64(1.5) == 1.5
    assert isinstance(nc.int8(1), nc.integer)


ALIASES = ["bool_", "byte", "ubyte", "short", "ushort", "intc", "uintc", "int_", "uint", "long",
           "ulong", "longlong", "ulonglong", "intp", "uintp", "half", "single", "double",
           "csingle", "cdouble"]


@pytest.mark.parametrize("alias", ALIASES)
def test_aliases(alias):
    assert nc.dtype(getattr(nc, alias)).name == np.dtype(getattr(np, alias)).name


@pytest.mark.parametrize("name", ABSTRACT)
def test_abstract_not_instantiable(name):
    with pytest.raises(TypeError):
        getattr(nc, name)()


# --- construction ---------------------------------------------------------------

@pytest.mark.parametrize("name", NAMES)
def test_default_and_dtype(name):
    s, ns = getattr(nc, name)(), getattr(np, name)()
    assert s.item() == ns.item()
    assert s.dtype is nc.dtype(name)
    assert (s.itemsize, s.ndim, s.shape, s.size) == (ns.itemsize, ns.ndim, ns.shape, ns.size)
    assert type(s)._numc_dtype is nc.dtype(name)


@pytest.mark.parametrize("name", INTS)
@pytest.mark.parametrize("value", [0, 1, -1, 127, 128, 255, 256, -129, 2**31, 2**63 - 1,
                                   2**63, 2**64 - 1, 2**64, -2**63, 3.7, -2.5, True])
def test_int_construction(name, value):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            expected = getattr(np, name)(value)
    except OverflowError as e:
        with pytest.raises(OverflowError, match="out of bounds" if "out of bounds" in str(e) else None):
            getattr(nc, name)(value)
        return
    got = getattr(nc, name)(value)
    assert got.item() == expected.item()
    assert type(got) is getattr(nc, name)


def test_int8_overflow_message():
    with pytest.raises(OverflowError, match="Python integer 300 out of bounds for int8"):
        nc.int8(300)


@pytest.mark.parametrize("name,text", [("float64", "1.5"), ("float32", "0.1"), ("float16", "-2e3"),
                                       ("int32", "12"), ("int8", "-7"), ("complex128", "1+2j"),
                                       ("complex64", "3j"), ("float64", "inf"), ("uint16", "65535")])
def test_from_string(name, text):
    assert getattr(nc, name)(text).item() == getattr(np, name)(text).item()


@pytest.mark.parametrize("name,text", [("float32", "abc"), ("int8", "1.5"), ("int64", "x")])
def test_from_bad_string(name, text):
    with pytest.raises(ValueError):
        getattr(np, name)(text)
    with pytest.raises(ValueError):
        getattr(nc, name)(text)


def test_misc_construction():
    assert nc.complex64(1, 2).item() == 1 + 2j
    assert math.isnan(nc.float64(None))
    assert nc.bool(5) is nc.True_ and nc.bool(0) is nc.False_ and nc.bool() is nc.False_
    assert nc.bool("False") is nc.True_
    assert nc.int16(nc.float64(3.9)).item() == 3
    assert nc.float32(nc.int8(-3)).item() == -3.0
    with pytest.raises(TypeError):
        nc.int8(None)
    a = nc.float64([1, 2])
    assert isinstance(a, nc.ndarray) and a.dtype == nc.float64


# --- repr / str -------------------------------------------------------------------

def _check_text(name, value):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        n = getattr(np, name)(value)
    s = getattr(nc, name)(n.item())
    assert repr(s) == np_repr(n)
    assert str(s) == str(n)


@settings(max_examples=200, deadline=None)
@given(st.floats(width=16))
def test_text_float16(v):
    _check_text("float16", v)


@settings(max_examples=200, deadline=None)
@given(st.floats(width=32))
def test_text_float32(v):
    _check_text("float32", v)


@settings(max_examples=200, deadline=None)
@given(st.floats(width=64))
def test_text_float64(v):
    _check_text("float64", v)


@settings(max_examples=100, deadline=None)
@given(st.complex_numbers(width=64), st.complex_numbers(width=128))
def test_text_complex(c64, c128):
    _check_text("complex64", c64)
    _check_text("complex128", c128)


SPECIAL = [0.0, -0.0, 0.1, 1.0, 1e16, 1e15, 1e-4, 9e-5, 1e-5, 65500.0, 1000.0, 999.5, 123456789.0,
           1e6, 999999.0, float("nan"), float("inf"), float("-inf"), 5e-324, 1.7976931348623157e308,
           2.0**-24, 65504.0, 100.5, -2.5, 3.0e4]


@pytest.mark.parametrize("name", FLOATS)
@pytest.mark.parametrize("value", SPECIAL)
def test_text_special_floats(name, value):
    _check_text(name, value)


@pytest.mark.parametrize("name", COMPLEX)
@pytest.mark.parametrize("value", [0j, 2j, -2j, 1 + 2j, complex(-0.0, 1), complex(1e20, 1),
                                   complex(float("nan"), -1), complex(1, float("inf")),
                                   complex(0.1, 0.2), complex(1e7, 1), complex(-0.0, -0.0)])
def test_text_special_complex(name, value):
    _check_text(name, value)


@settings(max_examples=100, deadline=None)
@given(st.data())
def test_text_ints(data):
    for name in INTS:
        info = np.iinfo(name)
        _check_text(name, data.draw(st.integers(int(info.min), int(info.max))))


def test_text_bool():
    assert repr(nc.True_) == "numc.True_" and repr(nc.False_) == "numc.False_"
    assert str(nc.True_) == "True" and str(nc.bool(0)) == "False"


def test_nep51_examples():
    assert repr(nc.float64(1.5)) == "numc.float64(1.5)" and str(nc.float64(1.5)) == "1.5"
    assert repr(nc.int32(3)) == "numc.int32(3)"
    assert repr(nc.complex128(1 + 2j)) == "numc.complex128(1+2j)"
    assert repr(nc.float32(0.1)) == "numc.float32(0.1)"
    assert str(nc.float16(65500)) == "6.55e+04"
    assert str(nc.float64(1e16)) == "1e+16"


# --- conversions and methods -------------------------------------------------------

@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("value", [0, 1, 3, 100])
def test_item_and_conversions(name, value):
    s, n = getattr(nc, name)(value), getattr(np, name)(value)
    assert s.item() == n.item() and type(s.item()) is type(n.item())
    assert s.tolist() == n.tolist()
    assert bool(s) == bool(n)
    assert hash(s) == hash(n) == hash(n.item())
    assert complex(s) == complex(n)
    if name not in COMPLEX:
        assert int(s) == int(n)
        assert float(s) == float(n)
    if name in INTS:
        assert operator.index(s) == operator.index(n)
        assert [10, 20, 30, 40, 50][s % 5 if False else int(s) % 5] is not None


def test_index_only_for_integers():
    assert [1, 2, 3][nc.int8(1)] == 2
    for s in (nc.float64(1), nc.float32(1), nc.True_):
        with pytest.raises(TypeError):
            operator.index(s)


@pytest.mark.parametrize("name", FLOATS)
@pytest.mark.parametrize("value", [1.5, 2.0, -0.25, 100.0, 0.1])
def test_float_methods(name, value):
    s, n = getattr(nc, name)(value), getattr(np, name)(value)
    assert s.is_integer() == n.is_integer()
    assert s.as_integer_ratio() == n.as_integer_ratio()
    assert format(s, ".3f") == format(n, ".3f")
    assert format(s) == format(n)
    assert round(s) == round(n) and type(round(s)) is int
    assert repr(round(s, 1)) == np_repr(round(n, 1))


@pytest.mark.parametrize("name", NAMES)
def test_real_imag(name):
    s, n = getattr(nc, name)(3), getattr(np, name)(3)
    assert repr(s.real) == np_repr(n.real)
    assert repr(s.imag) == np_repr(n.imag)


def test_complex_parts_and_conj():
    s = nc.complex64(1 + 2j)
    assert repr(s.real) == "numc.float32(1.0)" and repr(s.imag) == "numc.float32(2.0)"
    assert s.conjugate().item() == 1 - 2j


@pytest.mark.parametrize("src", NAMES)
@pytest.mark.parametrize("dst", ["int8", "uint16", "float32", "complex128", "bool"])
def test_astype(src, dst):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        expected = getattr(np, src)(7).astype(dst)
    got = getattr(nc, src)(7).astype(dst)
    assert repr(got) == np_repr(expected)


@pytest.mark.parametrize("name", NAMES)
def test_pickle(name):
    s = getattr(nc, name)(5)
    t = pickle.loads(pickle.dumps(s))
    assert type(t) is type(s) and repr(t) == repr(s)


def test_unpack_roundtrip_through_arrays():
    for name in NAMES:
        s = getattr(nc, name)(1)
        a = nc.asarray([s, s])
        assert a.dtype == nc.dtype(name)
        assert type(a[0]) is getattr(nc, name)
        assert repr(a[1]) == repr(s)


# --- arithmetic ---------------------------------------------------------------------

BINOPS = [operator.add, operator.sub, operator.mul, operator.truediv, operator.floordiv,
          operator.mod, operator.pow]
CMPS = [operator.lt, operator.le, operator.eq, operator.ne, operator.gt, operator.ge]
NUMERIC = [n for n in NAMES if n != "bool"]


def _same(got, expected):
    assert type(got).__name__ == type(expected).__name__, (got, expected)
    g = got.item() if hasattr(got, "item") else got
    e = expected.item() if hasattr(expected, "item") else expected
    if isinstance(e, float) and math.isnan(e):
        assert math.isnan(g)
    elif isinstance(e, complex) and (math.isnan(e.real) or math.isnan(e.imag)):
        assert (math.isnan(g.real), math.isnan(g.imag)) == (math.isnan(e.real), math.isnan(e.imag))
        assert math.isnan(e.real) or g.real == e.real
        assert math.isnan(e.imag) or g.imag == e.imag
    else:
        assert g == e or (isinstance(e, complex) and np.isclose(g, e)), (got, expected)


def _both(op, a, b):
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            expected = op(a[1], b[1])
        except Exception as e:  # noqa: BLE001
            with pytest.raises(type(e)):
                with nc.errstate(all="ignore"):
                    op(a[0], b[0])
            return
        with nc.errstate(all="ignore"):
            got = op(a[0], b[0])
    _same(got, expected)


def _pair(name, v):
    if name is None:
        return (v, v)
    return (getattr(nc, name)(v), getattr(np, name)(v))


@pytest.mark.parametrize("a", NUMERIC)
@pytest.mark.parametrize("b", NUMERIC)
def test_binary_scalar_scalar(a, b):
    for op in [operator.add, operator.sub, operator.mul, operator.truediv]:
        _both(op, _pair(a, 7), _pair(b, 3))


@pytest.mark.parametrize("name", NUMERIC)
@pytest.mark.parametrize("py", [3, 2.5, 2j])
def test_binary_with_python_scalars(name, py):
    """NEP 50: Python scalars are weak."""
    for op in [operator.add, operator.sub, operator.mul]:
        _both(op, _pair(name, 7), _pair(None, py))
        _both(op, _pair(None, py), _pair(name, 7))


@pytest.mark.parametrize("name", ["int8", "int32", "uint8", "float32", "float64", "float16"])
def test_more_ops(name):
    for op in BINOPS:
        _both(op, _pair(name, 7), _pair(name, 3))
    for op in CMPS:
        _both(op, _pair(name, 7), _pair(name, 3))
        _both(op, _pair(name, 3), _pair(None, 3.5))
    for op in [operator.neg, operator.pos, abs]:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            _same(op(getattr(nc, name)(5)), op(getattr(np, name)(5)))


def test_nep50_examples():
    assert type(nc.float32(1) + 1.0) is nc.float32
    with pytest.warns(RuntimeWarning, match="overflow"):
        r = nc.int8(100) + nc.int8(100)
    assert type(r) is nc.int8 and r.item() == -56
    assert type(nc.float64(2) * 3) is nc.float64
    assert type(1 + nc.float32(2)) is nc.float32
    assert type(nc.int8(1) + nc.float16(1)) is nc.float16


def test_scalar_with_array_and_list():
    a = nc.asarray([1.0, 2.0], dtype="f4")
    r = nc.float64(1) + a
    assert isinstance(r, nc.ndarray) and r.dtype == nc.float64
    r = nc.int8(1) + [1, 2]
    assert isinstance(r, nc.ndarray)


def test_unsupported_operand_gives_type_error():
    with pytest.raises(TypeError):
        nc.int8(1) + "a"
    with pytest.raises(TypeError):
        nc.float32(1) < object()
    assert (nc.float32(1) == "a") is False


def test_bool_equality_with_python_values():
    assert nc.float64(1.5) == 1.5
    assert nc.int32(3) == 3
    assert {nc.int64(3): "x"}[3] == "x"


@pytest.mark.parametrize("expr", ["int8(100) + int8(100)", "uint8(0) - uint8(1)", "-int8(-128)",
                                  "int16(300) * int16(300)", "abs(int32(-2**31))",
                                  "uint64(2**64 - 1) + 1"])
def test_integer_overflow_warns(expr):
    env_np = {k: getattr(np, k) for k in INTS}
    env_nc = {k: getattr(nc, k) for k in INTS}
    with pytest.warns(RuntimeWarning, match="overflow encountered in scalar") as rec:
        expected = eval(expr, {"abs": abs}, env_np)
    msg = str(rec[0].message)
    with pytest.warns(RuntimeWarning, match=msg):
        got = eval(expr, {"abs": abs}, env_nc)
    _same(got, expected)
    with nc.errstate(over="raise"):
        with pytest.raises(FloatingPointError):
            eval(expr, {"abs": abs}, env_nc)


def test_no_warning_without_overflow():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert (nc.int8(100) + nc.int8(27)).item() == 127
        assert (nc.uint8(3) - 1).item() == 2


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(NUMERIC), st.sampled_from(NUMERIC), st.integers(-100, 100),
       st.integers(-100, 100), st.sampled_from([operator.add, operator.sub, operator.mul,
                                                operator.truediv, operator.lt, operator.eq]))
def test_arithmetic_random(a, b, x, y, op):
    if a.startswith("u"):
        x = abs(x)
    if b.startswith("u"):
        y = abs(y)
    _both(op, _pair(a, x), _pair(b, y))


def test_scalar_arithmetic_warnings_say_scalar():
    """NumPy names the operation "scalar multiply" (etc.) for scalar
    arithmetic, and the plain ufunc name for arrays."""
    import warnings

    def msgs(f):
        with warnings.catch_warnings(record=True) as ws:
            warnings.simplefilter("always")
            f()
        return sorted(str(x.message) for x in ws)

    def cases(mod):
        x, z = mod.float64(1e308), mod.float64(0.0)
        return [lambda: x * x, lambda: x / z, lambda: z / z, lambda: mod.int8(100) * mod.int8(100),
                lambda: mod.int64(1) // mod.int64(0), lambda: x ** 2, lambda: -mod.int8(-128),
                lambda: mod.float32(1e30) * mod.float32(1e30), lambda: x * 2.0, lambda: 2.0 * x,
                lambda: x % z, lambda: divmod(x, z), lambda: mod.float64(-1.0) ** 0.5,
                lambda: mod.array([x]) * x]
    for f_np, f_nc in zip(cases(np), cases(nc)):
        assert msgs(f_np) == msgs(f_nc)
