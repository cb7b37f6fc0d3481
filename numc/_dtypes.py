"""Scalar type aliases and type queries: finfo, iinfo, isdtype and the
thin wrappers around the C type-promotion functions.

The scalar types and the dtype object live in numc._core (scalar.c,
dtype_py.c); promotion and casting rules live in the C core
(src/dtype/promote.c).  This module only names things and formats reports;
it computes no type rules of its own.
"""
from . import _core
from ._core import (
    dtype, generic, number, integer, signedinteger, unsignedinteger, inexact,
    floating, complexfloating, int8, int16, int32, int64, uint8, uint16, uint32,
    uint64, float16, float32, float64, complex64, complex128, True_, False_,
    promote_types, can_cast, result_type,
)

bool = _core.bool
bool_ = bool
byte, ubyte = int8, uint8
short, ushort = int16, uint16
intc, uintc = int32, uint32
int_, uint = int64, uint64
long, ulong = int64, uint64
longlong, ulonglong = int64, uint64
intp, uintp = int64, uint64
half, single, double = float16, float32, float64
csingle, cdouble = complex64, complex128

__all__ = [
    "dtype", "generic", "number", "integer", "signedinteger", "unsignedinteger",
    "inexact", "floating", "complexfloating", "bool", "bool_", "int8", "int16",
    "int32", "int64", "uint8", "uint16", "uint32", "uint64", "float16", "float32",
    "float64", "complex64", "complex128", "byte", "ubyte", "short", "ushort", "intc",
    "uintc", "int_", "uint", "long", "ulong", "longlong", "ulonglong", "intp", "uintp",
    "half", "single", "double", "csingle", "cdouble", "True_", "False_",
    "promote_types", "can_cast", "result_type", "isdtype", "finfo", "iinfo",
]


def _to_dtype(obj):
    """dtype of a dtype-like or of a scalar/array instance; None if neither."""
    try:
        return dtype(obj)
    except TypeError:
        pass
    if not isinstance(obj, type):
        try:
            return dtype(type(obj))
        except TypeError:
            pass
    return None


# --- isdtype (array API) -----------------------------------------------------

_KINDS = {
    "bool": "b",
    "signed integer": "i",
    "unsigned integer": "u",
    "integral": "iu",
    "real floating": "f",
    "complex floating": "c",
    "numeric": "iufc",
}


def isdtype(dtype_, kind):
    """Whether `dtype_` is of `kind`: a dtype, a kind name or a tuple of them."""
    if isinstance(dtype_, type) and issubclass(dtype_, generic):
        dtype_ = dtype(dtype_)
    if not isinstance(dtype_, dtype):
        raise TypeError(f"dtype argument must be a NumPy dtype, but it is a {type(dtype_)}.")
    kinds = kind if isinstance(kind, tuple) else (kind,)
    for k in kinds:
        if isinstance(k, str):
            if k not in _KINDS:
                raise ValueError(f"kind argument is a string, but {k!r} is not a known kind name.")
            if dtype_.kind in _KINDS[k]:
                return True
        else:
            try:
                other = dtype(k)
            except TypeError:
                raise TypeError(
                    "kind argument must be comprised of NumPy dtypes or strings only, "
                    f"but is a {type(k)}.") from None
            if other == dtype_:
                return True
    return False


# --- finfo / iinfo -------------------------------------------------------------

# (bits, nmant, nexp, precision) per float type; the rest is derived.
_FLOAT_PARAMS = {
    "float16": (16, 10, 5, 3),
    "float32": (32, 23, 8, 6),
    "float64": (64, 52, 11, 15),
}


class finfo:
    """Machine limits of a floating-point (or complex) type."""

    _cache = {}

    def __new__(cls, dtype_):
        d = _to_dtype(dtype_)
        if d is not None and d.kind == "c":
            d = dtype("f%d" % (d.itemsize // 2))
        if d is None or d.kind != "f":
            what = d.type if d is not None else type(dtype_) if not isinstance(dtype_, type) else dtype_
            raise ValueError(f"data type {what} not inexact")
        obj = cls._cache.get(d.name)
        if obj is None:
            obj = object.__new__(cls)
            obj._fill(d)
            cls._cache[d.name] = obj
        return obj

    def _fill(self, d):
        bits, nmant, nexp, precision = _FLOAT_PARAMS[d.name]
        t = d.type
        maxexp = 2 ** (nexp - 1)
        minexp = 2 - maxexp
        self.dtype = d
        self.bits = bits
        self.nmant = nmant
        self.nexp = nexp
        self.iexp = nexp
        self.precision = precision
        self.machep = -nmant
        self.negep = -nmant - 1
        self.minexp = minexp
        self.maxexp = maxexp
        self.eps = t(2.0 ** -nmant)
        self.epsneg = t(2.0 ** (-nmant - 1))
        self.max = t((2.0 - 2.0 ** -nmant) * 2.0 ** (maxexp - 1))
        self.min = t(-(2.0 - 2.0 ** -nmant) * 2.0 ** (maxexp - 1))
        self.smallest_normal = t(2.0 ** minexp)
        self.tiny = self.smallest_normal
        self.smallest_subnormal = t(2.0 ** (minexp - nmant))
        self.resolution = t(10.0 ** -precision)

    def __repr__(self):
        # min and max with precision + 1 digits, as NumPy prints them
        fmt = {"float16": "%.5e", "float32": "%.7e", "float64": "%.16e"}[self.dtype.name]
        return (f"finfo(resolution={self.resolution!s}, min={fmt % float(self.min)}, "
                f"max={fmt % float(self.max)}, dtype={self.dtype})")

    def __str__(self):
        line = "-" * 63
        return (
            f"Machine parameters for {self.dtype}\n{line}\n"
            f"precision = {self.precision}   resolution = {self.resolution!s}\n"
            f"machep = {self.machep}   eps =        {self.eps!s}\n"
            f"negep =  {self.negep}   epsneg =     {self.epsneg!s}\n"
            f"minexp = {self.minexp}   tiny =       {self.tiny!s}\n"
            f"maxexp = {self.maxexp}   max =        {self.max!s}\n"
            f"nexp =   {self.nexp}   min =        -max\n"
            f"smallest_normal = {self.smallest_normal!s}   "
            f"smallest_subnormal = {self.smallest_subnormal!s}\n{line}\n"
        )


class iinfo:
    """Machine limits of an integer type."""

    def __init__(self, int_type):
        d = _to_dtype(int_type)
        if d is None:
            raise ValueError("Invalid integer data type %r." % ("U" if isinstance(int_type, str) else "O"))
        if d.kind not in "iu":
            raise ValueError("Invalid integer data type %r." % (d.kind,))
        self.dtype = d
        self.kind = d.kind
        self.bits = d.itemsize * 8
        if d.kind == "u":
            self.min = 0
            self.max = 2 ** self.bits - 1
        else:
            self.min = -(2 ** (self.bits - 1))
            self.max = 2 ** (self.bits - 1) - 1

    def __repr__(self):
        return f"iinfo(min={self.min}, max={self.max!s}, dtype={self.dtype})"

    def __str__(self):
        line = "-" * 63
        return (f"Machine parameters for {self.dtype}\n{line}\n"
                f"min = {self.min}\nmax = {self.max!s}\n{line}\n")
