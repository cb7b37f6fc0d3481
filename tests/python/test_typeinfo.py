"""promote_types, can_cast, result_type, isdtype, finfo and iinfo against
NumPy over all of numc's dtypes."""
import itertools
import math

import numpy as np
import pytest

import numc as nc

NAMES = ["bool", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64",
         "uint64", "float16", "float32", "float64", "complex64", "complex128"]
PAIRS = list(itertools.product(NAMES, NAMES))
CASTINGS = ["no", "equiv", "safe", "same_kind", "unsafe"]


@pytest.mark.parametrize("a,b", PAIRS)
def test_promote_types(a, b):
    assert nc.promote_types(a, b).name == np.promote_types(a, b).name
    assert nc.promote_types(getattr(nc, a), nc.dtype(b)).name == np.promote_types(a, b).name


@pytest.mark.parametrize("casting", CASTINGS)
def test_can_cast_all_pairs(casting):
    for a, b in PAIRS:
        assert nc.can_cast(a, b, casting) == np.can_cast(a, b, casting), (a, b)
        assert nc.can_cast(getattr(nc, a), nc.dtype(b), casting=casting) == \
            np.can_cast(getattr(np, a), np.dtype(b), casting=casting), (a, b)


def test_can_cast_scalars_and_errors():
    assert nc.can_cast(nc.int8(1), nc.int16) == np.can_cast(np.int8(1), np.int16)
    assert nc.can_cast(nc.float64(1), "f4") == np.can_cast(np.float64(1), "f4")
    for v in (1, 1.0, 1j):
        with pytest.raises(TypeError):
            np.can_cast(v, np.int8)
        with pytest.raises(TypeError, match="NEP 50"):
            nc.can_cast(v, nc.int8)
    with pytest.raises(ValueError):
        nc.can_cast("i4", "i8", "bad")
    with pytest.raises(TypeError):
        nc.can_cast(nc.int32, "x")


@pytest.mark.parametrize("a,b", PAIRS)
def test_result_type_pairs(a, b):
    assert nc.result_type(a, b).name == np.result_type(a, b).name


@pytest.mark.parametrize("a,b,c", [("uint8", "int8", "float16"), ("int8", "uint64", "float16"),
                                   ("bool", "uint16", "complex64"), ("int64", "uint64", "float32"),
                                   ("float16", "int16", "uint8")])
def test_result_type_three(a, b, c):
    assert nc.result_type(a, b, c).name == np.result_type(a, b, c).name


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("weak", [1, 1.0, 1j, True, 300, -1])
def test_result_type_weak(name, weak):
    assert nc.result_type(getattr(nc, name), weak).name == np.result_type(getattr(np, name), weak).name
    assert nc.result_type(weak, nc.dtype(name)).name == np.result_type(weak, np.dtype(name)).name


@pytest.mark.parametrize("args", [(1,), (1.0,), (1j,), (1, 2.0), (1, 1j), (True,), (True, 1),
                                  (None,), (1.0, 2)])
def test_result_type_python_only(args):
    assert nc.result_type(*args).name == np.result_type(*args).name


@pytest.mark.parametrize("name", NAMES)
def test_result_type_scalars_and_arrays(name):
    s = getattr(nc, name)(1)
    assert nc.result_type(s, 1.0).name == np.result_type(getattr(np, name)(1), 1.0).name
    a = nc.asarray([1, 0], dtype=name)
    assert nc.result_type(a, nc.int8).name == np.result_type(np.asarray([1, 0], dtype=name), np.int8).name


def test_result_type_errors():
    with pytest.raises(ValueError):
        nc.result_type()
    with pytest.raises(TypeError):
        nc.result_type("x")


KINDS = ["bool", "signed integer", "unsigned integer", "integral", "real floating",
         "complex floating", "numeric"]


@pytest.mark.parametrize("name", NAMES)
def test_isdtype(name):
    for kind in KINDS:
        assert nc.isdtype(nc.dtype(name), kind) == np.isdtype(np.dtype(name), kind), kind
    for kind in [("bool", "real floating"), ("signed integer", "complex floating"), ()]:
        assert nc.isdtype(nc.dtype(name), kind) == np.isdtype(np.dtype(name), kind)
    for other in NAMES:
        assert nc.isdtype(nc.dtype(name), nc.dtype(other)) == np.isdtype(np.dtype(name), np.dtype(other))
        assert nc.isdtype(nc.dtype(name), getattr(nc, other)) == np.isdtype(np.dtype(name), getattr(np, other))


def test_isdtype_errors():
    assert nc.isdtype(nc.float64, "numeric") == np.isdtype(np.float64, "numeric")
    for args in [("f8", "numeric"), (float, "numeric"), (nc.dtype("f8"), "xyz"),
                 (nc.dtype("f8"), 3), (nc.dtype("f8"), "i4")]:
        with pytest.raises((TypeError, ValueError)) as e_nc:
            nc.isdtype(*args)
        np_args = (np.dtype("f8") if isinstance(args[0], nc.dtype) else args[0], args[1])
        with pytest.raises(e_nc.type):
            np.isdtype(*np_args)


FLOAT_ATTRS = ["eps", "epsneg", "max", "min", "tiny", "smallest_normal", "smallest_subnormal",
               "resolution"]
INT_ATTRS = ["bits", "precision", "iexp", "machep", "negep", "minexp", "maxexp", "nexp", "nmant"]


@pytest.mark.parametrize("name", ["float16", "float32", "float64", "complex64", "complex128"])
def test_finfo(name):
    n, d = nc.finfo(getattr(nc, name)), np.finfo(getattr(np, name))
    for attr in FLOAT_ATTRS:
        nv, dv = getattr(n, attr), getattr(d, attr)
        assert float(nv) == float(dv), attr
        assert type(nv).__name__ == type(dv).__name__, attr
    for attr in INT_ATTRS:
        assert getattr(n, attr) == getattr(d, attr), attr
    assert n.dtype.name == d.dtype.name
    assert repr(n) == repr(d)
    assert str(n) == str(d)
    assert nc.finfo(name).dtype.name == d.dtype.name
    assert nc.finfo(nc.dtype(name)) is n


def test_finfo_instances_and_errors():
    assert nc.finfo(1.0).dtype.name == "float64"
    assert nc.finfo(nc.float32(1)).dtype.name == "float32"
    for bad in (int, "i4", nc.int8, bool):
        with pytest.raises(ValueError, match="not inexact"):
            nc.finfo(bad)


@pytest.mark.parametrize("name", ["int8", "uint8", "int16", "uint16", "int32", "uint32",
                                  "int64", "uint64"])
def test_iinfo(name):
    n, d = nc.iinfo(getattr(nc, name)), np.iinfo(getattr(np, name))
    for attr in ["bits", "min", "max", "kind"]:
        assert getattr(n, attr) == getattr(d, attr)
    assert n.dtype.name == d.dtype.name
    assert repr(n) == repr(d)
    assert str(n) == str(d)
    assert nc.iinfo(name).max == d.max
    assert nc.iinfo(getattr(nc, name)(1)).max == d.max


def test_iinfo_python_int_and_errors():
    assert nc.iinfo(int).max == np.iinfo(int).max
    for bad in (float, "f4", bool, nc.float32, "c8"):
        with pytest.raises(ValueError) as e:
            nc.iinfo(bad)
        with pytest.raises(ValueError) as e_np:
            np.iinfo(bad if not isinstance(bad, type) or not bad.__module__.startswith("numc") else np.float32)
        assert str(e.value) == str(e_np.value)


def test_finfo_values_are_consistent():
    f = nc.finfo(nc.float32)
    assert float(f.max) == float(np.finfo(np.float32).max)
    assert math.isclose(float(f.eps), 2.0 ** -23)
