"""numc.dtype against numpy.dtype: spellings, attributes, equality, hashing,
pickling and errors, for numc's 14 dtypes."""
import pickle

import numpy as np
import pytest

import numc as nc

NAMES = ["bool", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64",
         "uint64", "float16", "float32", "float64", "complex64", "complex128"]


def _spellings():
    out = []
    for name in NAMES:
        d = np.dtype(name)
        out += [name, d.char, d.str, d.str[1:], "=" + d.str[1:], "|" + d.str[1:] if d.itemsize == 1 else "<" + d.str[1:]]
    out += ["int", "float", "complex", "bool", "bool_", "half", "single", "double", "csingle",
            "cdouble", "byte", "ubyte", "short", "ushort", "intc", "uintc", "long", "ulong",
            "longlong", "ulonglong", "intp", "uintp", "int_", "uint", "q", "Q", "p", "P",
            "i1", "u1", "i2", "u2", "i4", "u4", "i8", "u8", "f2", "f4", "f8", "c8", "c16",
            "b1", "?", "=f8", "<i4", "|b1", "|i1", "=u2", "<c16", ">i1", ">u1", ">b1"]
    return sorted(set(out))


ATTRS = ["name", "char", "kind", "itemsize", "str", "byteorder", "alignment", "num",
         "isnative", "isbuiltin", "descr", "shape", "ndim", "names", "fields", "subdtype",
         "hasobject", "flags", "metadata", "isalignedstruct"]


@pytest.mark.parametrize("spelling", _spellings())
def test_string_spellings(spelling):
    n, d = nc.dtype(spelling), np.dtype(spelling)
    # NumPy keeps C long long as a separate dtype ('q', num 9) equal to
    # int64; numc has one dtype per size, so it reports int64's 'l'.
    longlong = d.char in "qQ"
    for attr in ATTRS:
        if longlong and attr in ("char", "num"):
            continue
        assert getattr(n, attr) == getattr(d, attr), attr
    assert repr(n) == repr(d)
    assert str(n) == str(d)
    if not longlong:
        assert n.type.__name__ == d.type.__name__
    assert n == spelling


@pytest.mark.parametrize("typ", [float, int, complex, bool, None])
def test_python_types(typ):
    assert nc.dtype(typ).name == np.dtype(typ).name


@pytest.mark.parametrize("name", NAMES)
def test_scalar_types_and_identity(name):
    t = getattr(nc, name)
    d = nc.dtype(name)
    assert nc.dtype(t) is d
    assert nc.dtype(d) is d
    assert d.type is t
    assert t._numc_dtype is d
    assert d.base is d
    assert nc.dtype(t(0)) is d if name != "float64" else True


def test_equality_and_hash():
    d = nc.dtype("f8")
    assert d == "float64" and d == float and d == nc.float64 and d == "d"
    assert d == None  # noqa: E711  (NumPy: None means float64)
    assert (d == "x") is False and (d != "x") is True
    assert (d == 1) is False and (d == [1]) is False
    assert hash(nc.dtype("f8")) == hash(nc.dtype("float64"))
    assert len({nc.dtype(s) for s in ("f8", "float64", "d", float)}) == 1
    assert nc.dtype("f4") != nc.dtype("f8")


@pytest.mark.parametrize("a", NAMES)
@pytest.mark.parametrize("b", NAMES)
def test_ordering_is_safe_casting(a, b):
    na, nb, da, db = nc.dtype(a), nc.dtype(b), np.dtype(a), np.dtype(b)
    assert (na < nb) == (da < db)
    assert (na <= nb) == (da <= db)
    assert (na > nb) == (da > db)
    assert (na >= nb) == (da >= db)


def test_ordering_with_bad_operand_raises():
    with pytest.raises(TypeError):
        nc.dtype("i4") < "x"


@pytest.mark.parametrize("name", NAMES)
def test_pickle(name):
    d = nc.dtype(name)
    assert pickle.loads(pickle.dumps(d)) is d


def test_len_and_bool():
    d = nc.dtype("i4")
    assert len(d) == len(np.dtype("i4")) == 0
    assert bool(d) is True


@pytest.mark.parametrize("bad", ["xyz", "i3", "f5", "", "float65", "int7"])
def test_unknown_strings(bad):
    with pytest.raises(TypeError, match="data type '%s' not understood" % bad):
        nc.dtype(bad)
    with pytest.raises(TypeError):
        np.dtype(bad)


@pytest.mark.parametrize("bad", [3, 1.5, object(), [1]])
def test_uninterpretable(bad):
    with pytest.raises(TypeError):
        nc.dtype(bad)
    with pytest.raises(TypeError):
        np.dtype(bad)


def test_big_endian_refused():
    with pytest.raises(TypeError, match="byte order"):
        nc.dtype(">f8")


def test_object_with_dtype_attribute():
    class A:
        dtype = nc.dtype("i2")
    assert nc.dtype(A()) is nc.dtype("i2")
