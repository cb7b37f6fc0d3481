"""Helpers shared by the differential tests: build the same data in NumPy and
numc, and compare results (values, dtype, shape) and raised exceptions."""
import warnings

import numpy as np

import numc

DTYPES = ["bool", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64",
          "float16", "float32", "float64", "complex64", "complex128"]


def to_numc(x):
    """numc copy of a NumPy array (a copy, so in-place tests cannot touch x)."""
    return numc.array(np.asarray(x))


def same_values(n_res, c_res, ulp=0):
    """Asserts a numc result equals a NumPy result: dtype, shape, values (nan-aware, -0.0 aware)."""
    if isinstance(n_res, tuple):
        assert isinstance(c_res, tuple) and len(c_res) == len(n_res)
        for a, b in zip(n_res, c_res):
            same_values(a, b, ulp)
        return
    n_arr = np.asarray(n_res)
    c_dtype = str(c_res.dtype)
    assert c_dtype == str(n_arr.dtype), (c_dtype, n_arr.dtype)
    c_shape = tuple(c_res.shape) if hasattr(c_res, "shape") else ()
    assert c_shape == n_arr.shape
    c_list = c_res.tolist() if hasattr(c_res, "tolist") else c_res
    c_arr = np.asarray(c_list, dtype=n_arr.dtype).reshape(n_arr.shape)
    if n_arr.dtype.kind in "fc" and ulp:
        for part in ("real", "imag"):
            n_p, c_p = getattr(n_arr, part), getattr(c_arr, part)
            assert (np.isnan(n_p) == np.isnan(c_p)).all()
            ok = ~np.isnan(n_p)
            np.testing.assert_array_max_ulp(c_p[ok], n_p[ok], maxulp=ulp)
    elif n_arr.dtype.kind in "fc":
        np.testing.assert_array_equal(c_arr, n_arr, strict=True)
        # signed zeros must agree too
        n_re = np.signbit(n_arr.real) if n_arr.dtype.kind == "c" else np.signbit(n_arr)
        c_re = np.signbit(c_arr.real) if n_arr.dtype.kind == "c" else np.signbit(c_arr)
        assert (n_re == c_re).all() or np.isnan(n_arr).any()
    else:
        assert c_arr.tolist() == n_arr.tolist()


def run_both(np_fn, nc_fn):
    """Runs both; returns (np_result, nc_result, np_exc, nc_exc, np_warnings, nc_warnings)."""
    out = []
    for fn in (np_fn, nc_fn):
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            try:
                out.append((fn(), None, [str(x.category.__name__) for x in w]))
            except Exception as e:  # noqa: BLE001 - we compare exception types
                out.append((None, e, [str(x.category.__name__) for x in w]))
    return out[0], out[1]


def check_same(np_fn, nc_fn, warnings_too=True, ulp=0):
    (nr, ne, nw), (cr, ce, cw) = run_both(np_fn, nc_fn)
    if ne is not None or ce is not None:
        assert ne is not None and ce is not None, (ne, ce)
        # same builtin exception family
        for base in (OverflowError, ZeroDivisionError, IndexError, ValueError, TypeError,
                     FloatingPointError, MemoryError):
            if isinstance(ne, base):
                assert isinstance(ce, base), (type(ne), type(ce), ne, ce)
                break
        return
    same_values(nr, cr, ulp)
    if warnings_too:
        assert sorted(set(nw)) == sorted(set(cw)), (nw, cw)


def check_single_warning(name, vals, dtype, msg):
    """numc.<name> on vals warns exactly `msg`, as NumPy does, and raises
    FloatingPointError under errstate(all='raise')."""
    import pytest
    x = np.array(vals, dtype=dtype)
    for mod, arr in ((np, x), (numc, to_numc(x))):
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            getattr(mod, name)(arr)
        assert [str(i.message) for i in w] == [msg], (mod.__name__, [str(i.message) for i in w])
    with numc.errstate(all="raise"):
        with pytest.raises(FloatingPointError):
            getattr(numc, name)(to_numc(x))
