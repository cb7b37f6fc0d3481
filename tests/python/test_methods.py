"""ndarray methods and attributes (astype, copy, reshape, ravel, transpose,
squeeze, view, item, fill, iteration, membership, T/mT, real/imag, flags)
compared with NumPy."""
import copy as pycopy

import numpy as np
import pytest
from hypothesis import assume, given, settings, strategies as st

import numc


def pair(shape, dtype="float64"):
    n = int(np.prod(shape)) if shape else 1
    a = np.arange(n).astype(dtype).reshape(shape)
    b = numc.asarray(a.ravel().tolist(), dtype).reshape(shape)
    return a, b


def same(x, y, strides=True):
    if isinstance(x, np.ndarray):
        assert isinstance(y, numc.ndarray), type(y)
        assert y.shape == x.shape
        assert y.dtype.name == x.dtype.name
        if strides and x.size > 0:
            assert y.strides == x.strides
        assert y.tolist() == x.tolist()
    else:
        assert not isinstance(y, numc.ndarray)
        assert type(y).__name__ == type(x).__name__
        assert complex(y) == complex(x)


def raises_same(fn_np, fn_nc):
    with pytest.raises(Exception) as e_np:
        fn_np()
    with pytest.raises(Exception) as e_nc:
        fn_nc()
    assert type(e_nc.value).__name__ == type(e_np.value).__name__
    assert str(e_nc.value) == str(e_np.value)


def shares(x, base):
    """Writes through x and reports whether base saw it (restores nothing)."""
    if x.size == 0:
        return None
    idx = (0,) * x.ndim
    before = base.tolist()
    x[idx] = -99
    return base.tolist() != before


# a few layouts: contiguous, transposed, reversed/strided
LAYOUTS = [
    lambda a: a,
    lambda a: a.T,
    lambda a: a[::-1],
    lambda a: a[..., ::2],
    lambda a: a.T[::2],
]

shapes = st.lists(st.integers(0, 4), min_size=0, max_size=4).map(tuple)


@settings(max_examples=60, deadline=None)
@given(shapes, st.sampled_from(range(len(LAYOUTS))), st.data())
def test_reshape_matches_numpy(shape, layout, data):
    assume(shape or layout < 2)
    a0, b0 = pair(shape)
    a, b = LAYOUTS[layout](a0), LAYOUTS[layout](b0)
    same(a, b)
    # a random target shape of the same size, maybe with -1
    n = a.size
    dims = []
    rest = n
    for _ in range(data.draw(st.integers(0, 3))):
        divs = [d for d in range(1, rest + 1) if rest % d == 0] if rest else [0, 1, 2]
        d = data.draw(st.sampled_from(divs))
        dims.append(d)
        rest = rest // d if d else rest
    dims.append(rest if n else 0)
    if n and data.draw(st.booleans()):
        dims[data.draw(st.integers(0, len(dims) - 1))] = -1
    order = data.draw(st.sampled_from("CFA"))
    ra, rb = a.reshape(dims, order=order), b.reshape(dims, order=order)
    same(ra, rb, strides=False)
    assert shares(rb, b0) == shares(ra, a0)


@settings(max_examples=60, deadline=None)
@given(shapes, st.sampled_from(range(len(LAYOUTS))), st.sampled_from("CFAK"))
def test_ravel_flatten_copy(shape, layout, order):
    assume(shape or layout < 2)
    a0, b0 = pair(shape)
    a, b = LAYOUTS[layout](a0), LAYOUTS[layout](b0)
    same(a.ravel(order), b.ravel(order), strides=False)
    same(a.flatten(order), b.flatten(order))
    same(a.copy(order), b.copy(order))
    assert b.copy(order).flags.owndata
    c = b.flatten(order)
    assert shares(c, b0) in (None, False)


@settings(max_examples=60, deadline=None)
@given(shapes, st.sampled_from(range(len(LAYOUTS))), st.sampled_from(
    ["float64", "float32", "int8", "uint16", "int64", "bool", "complex64"]), st.sampled_from("CFAK"))
def test_astype_values_and_layout(shape, layout, dtype, order):
    assume(shape or layout < 2)
    a0, b0 = pair(shape, "int32")
    a, b = LAYOUTS[layout](a0), LAYOUTS[layout](b0)
    same(a.astype(dtype, order=order), b.astype(dtype, order=order))


def test_astype_copy_false_and_casting():
    a, b = pair((2, 3))
    assert b.astype("float64", copy=False) is b
    assert b.astype("float64") is not b
    assert b.T.astype("float64", order="C", copy=False) is not b.T
    raises_same(lambda: a.astype("int32", casting="safe"), lambda: b.astype("int32", casting="safe"))
    raises_same(lambda: a.astype("int32", casting="bogus"), lambda: b.astype("int32", casting="bogus"))
    raises_same(lambda: a.astype("int32", order="X"), lambda: b.astype("int32", order="X"))
    same(a.astype("float32", casting="same_kind"), b.astype("float32", casting="same_kind"))


@pytest.mark.parametrize("shape,axes", [
    ((2, 3, 4), None), ((2, 3, 4), (1, 0, 2)), ((2, 3, 4), (-1, 0, 1)), ((5,), None), ((), None),
    ((2, 3), (1, 0)),
])
def test_transpose(shape, axes):
    a, b = pair(shape)
    same(a.transpose(), b.transpose())
    same(a.T, b.T)
    if axes is not None:
        same(a.transpose(axes), b.transpose(axes))
        same(a.transpose(*axes), b.transpose(*axes))
        same(a.transpose(list(axes)), b.transpose(list(axes)))


@pytest.mark.parametrize("axes", [(0,), (0, 0), (0, 5), (0, 1, 2), (1, -3)])
def test_transpose_errors(axes):
    a, b = pair((2, 3))
    raises_same(lambda: a.transpose(axes), lambda: b.transpose(axes))


def test_swapaxes_mT():
    a, b = pair((2, 3, 4))
    same(a.swapaxes(0, 2), b.swapaxes(0, 2))
    same(a.swapaxes(-1, 1), b.swapaxes(-1, 1))
    same(a.mT, b.mT)
    raises_same(lambda: a.swapaxes(0, 3), lambda: b.swapaxes(0, 3))
    raises_same(lambda: a.swapaxes(-4, 0), lambda: b.swapaxes(-4, 0))
    c, d = pair((3,))
    raises_same(lambda: c.mT, lambda: d.mT)


@pytest.mark.parametrize("shape,axis", [
    ((1, 3, 1), None), ((1, 3, 1), 0), ((1, 3, 1), (0, 2)), ((1, 3, 1), -1), ((1,), None), ((), None),
    ((1, 3, 1), 1), ((1, 3, 1), 3), ((1, 3, 1), (0, 0)),
])
def test_squeeze(shape, axis):
    a, b = pair(shape)
    try:
        r = a.squeeze(axis)
    except Exception:
        raises_same(lambda: a.squeeze(axis), lambda: b.squeeze(axis))
        return
    same(r, b.squeeze(axis))
    same(a.squeeze(axis=axis), b.squeeze(axis=axis))


@pytest.mark.parametrize("shape,layout,dtype", [
    ((2, 4), 0, "int32"), ((2, 4), 0, "uint8"), ((2, 4), 0, "complex128"), ((3, 4), 0, "complex128"),
    ((2, 4), 1, "int32"), ((2, 4), 3, "int32"), ((2, 4), 0, "int64"), ((), 0, "int32"), ((), 0, "int64"),
    ((4, 1), 0, "int32"), ((0, 4), 0, "int32"), ((3,), 0, "complex128"),
])
def test_view_dtype(shape, layout, dtype):
    a0, b0 = pair(shape)
    a, b = LAYOUTS[layout](a0), LAYOUTS[layout](b0)
    try:
        r = a.view(dtype)
    except Exception:
        raises_same(lambda: a.view(dtype), lambda: b.view(dtype))
        return
    v = b.view(dtype)
    assert v.shape == r.shape and v.dtype.name == r.dtype.name
    if r.size:
        assert v.strides == r.strides
    if r.dtype.kind != "f":  # float bits read as float are fine; ints compare exactly
        assert v.tolist() == r.tolist()
    assert b.view().tolist() == b.tolist() and b.view().base is not None


def test_item():
    a, b = pair((2, 3))
    for args in [(4,), (-1,), ((1, 2),), (1, 2), ((5,),)]:
        assert b.item(*args) == a.item(*args)
        assert type(b.item(*args)) is type(a.item(*args))
    for args in [(), (6,), (-7,), (1, 2, 3), (1, 5), ((2, 0),)]:
        raises_same(lambda: a.item(*args), lambda: b.item(*args))
    c, d = pair((1, 1), "int32")
    assert d.item() == c.item() and type(d.item()) is int
    e, f = pair((4,))
    raises_same(lambda: e.item(4), lambda: f.item(4))


@pytest.mark.parametrize("dtype", ["float64", "int16", "bool", "complex64", "uint8"])
def test_fill(dtype):
    a, b = pair((2, 3), dtype)
    a.fill(1)
    b.fill(1)
    assert b.tolist() == a.tolist()
    a.T[::2].fill(0)
    b.T[::2].fill(0)
    assert b.tolist() == a.tolist()
    b.flags.writeable = False
    with pytest.raises(ValueError, match="read-only"):
        b.fill(3)


def test_fill_overflow():
    a, b = pair((2,), "uint8")
    raises_same(lambda: a.fill(300), lambda: b.fill(300))


def test_iteration():
    a, b = pair((3, 2))
    rows = list(b)
    assert len(rows) == 3
    for ra, rb in zip(a, rows):
        same(ra, rb)
    assert rows[1].base is not None
    c, d = pair((4,))
    assert [float(x) for x in d] == [float(x) for x in c]
    e, f = pair(())
    raises_same(lambda: iter(e), lambda: iter(f))
    g, h = pair((0, 3))
    assert list(h) == []


@pytest.mark.parametrize("value", [3, 3.0, 2.5, -1, 7, True, 300, 1 + 0j, 1 + 1j])
@pytest.mark.parametrize("dtype", ["float64", "int32", "uint8", "complex128", "float16"])
def test_contains(value, dtype):
    a, b = pair((2, 3), dtype)
    assert b.__contains__(value) == (value in a)
    assert (value in b) == (value in a)


def test_contains_array_value():
    a, b = pair((2, 3))
    assert b.__contains__(numc.asarray(4.0, "float64")) == (np.float64(4.0) in a)
    assert b.__contains__(numc.asarray([0.0, 1.0, 2.0], "float64")) == (np.array([0.0, 1.0, 2.0]) in a)


def test_copy_deepcopy():
    a, b = pair((2, 3))
    for c in (pycopy.copy(b.T), pycopy.deepcopy(b.T)):
        assert c.tolist() == a.T.tolist()
        assert c.flags.owndata
        c[0, 0] = 42
        assert b[0, 0] == 0


def test_real_imag():
    z = np.array([[1 + 2j, 3 - 4j], [5 + 0j, -1j]])
    for dt in ("complex128", "complex64"):
        za = z.astype(dt)
        zb = numc.asarray(z.tolist(), dt)
        same(za.real, zb.real)
        same(za.imag, zb.imag)
        same(za.T.imag, zb.T.imag)
        zb.imag[0, 0] = 9
        za.imag[0, 0] = 9
        assert zb.tolist() == za.tolist()
        zb.real = 0
        za.real = 0
        assert zb.tolist() == za.tolist()
        zb.imag = numc.asarray([1.0, 2.0], "float64")
        za.imag = np.array([1.0, 2.0])
        assert zb.tolist() == za.tolist()
    a, b = pair((2, 2), "int32")
    assert b.real is b
    same(a.imag, b.imag)
    assert not b.imag.flags.writeable
    raises_same(lambda: setattr(a, "imag", 1), lambda: setattr(b, "imag", 1))
    b.real = 5
    assert b.tolist() == [[5, 5], [5, 5]]


FLAG_ATTRS = ["c_contiguous", "f_contiguous", "owndata", "writeable", "aligned",
              "writebackifcopy", "fnc", "forc", "behaved", "carray", "farray", "contiguous"]
FLAG_KEYS = ["C_CONTIGUOUS", "C", "F_CONTIGUOUS", "F", "W", "WRITEABLE", "O", "OWNDATA", "A",
             "ALIGNED", "X", "WRITEBACKIFCOPY", "FNC", "FORC", "B", "CA", "FA", "BEHAVED", "CARRAY",
             "FARRAY", "CONTIGUOUS", "FORTRAN"]


@pytest.mark.parametrize("layout", range(len(LAYOUTS)))
@pytest.mark.parametrize("shape", [(2, 3), (3,), (), (1, 4), (0, 2)])
def test_flags(shape, layout):
    a0, b0 = pair(shape)
    if not shape and layout:
        return
    a, b = LAYOUTS[layout](a0), LAYOUTS[layout](b0)
    fa, fb = a.flags, b.flags
    for k in FLAG_ATTRS:
        if k == "owndata" and b is b0:
            continue  # b0 is a reshape view of numc.asarray's result
        assert getattr(fb, k) == getattr(fa, k), k
    for k in FLAG_KEYS:
        if k in ("O", "OWNDATA") and b is b0:
            continue
        assert fb[k] == fa[k], k
    if b is not b0:
        assert repr(fb) == repr(fa)
    with pytest.raises(KeyError):
        fb["NOPE"]


def test_flags_repr_owner():
    a = np.array([1.0, 2.0])
    b = numc.asarray([1.0, 2.0], "float64")
    assert repr(b.flags) == repr(a.flags)
    assert str(b.flags) == str(a.flags)


def test_writeable_flag():
    a, b = pair((4,))
    v = b[1:]
    v.flags.writeable = False
    assert not v.flags.writeable and not v.flags["W"]
    with pytest.raises(ValueError, match="read-only"):
        v[0] = 1
    v.flags["WRITEABLE"] = True
    v[0] = 7
    assert b[1] == 7
    # a view of a read-only owner cannot be made writeable
    o = numc.asarray([1.0, 2.0, 3.0], "float64")
    o.flags.writeable = False
    w = o[::2]
    assert not w.flags.writeable
    with pytest.raises(ValueError, match="cannot set WRITEABLE flag to True of this array"):
        w.flags.writeable = True
    o.flags.writeable = True
    w.flags.writeable = True
    w[0] = 5
    assert o[0] == 5


@pytest.mark.parametrize("size,shape", [(6, (4,)), (6, (4, -1)), (6, (-1, -1)), (0, (2, -1, 0)),
                                         (6, (2, -1, 2)), (6, (7,))])
def test_reshape_errors(size, shape):
    a, b = pair((size,))
    raises_same(lambda: a.reshape(shape), lambda: b.reshape(shape))


def test_reshape_forms():
    a, b = pair((2, 3))
    same(a.reshape(3, 2), b.reshape(3, 2))
    same(a.reshape((3, 2)), b.reshape((3, 2)))
    same(a.reshape([6]), b.reshape([6]))
    same(a.reshape(-1), b.reshape(-1))
    same(a.reshape(()).shape if a.size == 1 else a.reshape(6), b.reshape(6))
    same(a.T.reshape(6, copy=True), b.T.reshape(6, copy=True))
    raises_same(lambda: a.T.reshape(6, copy=False), lambda: b.T.reshape(6, copy=False))
    raises_same(lambda: a.reshape(6, order="K"), lambda: b.reshape(6, order="K"))
    r = b.reshape(6, copy=True)
    r[0] = 5
    assert b[0, 0] == 0
    c, d = pair((1,))
    same(c.reshape(()), d.reshape(()))
    same(c.reshape(1, 1, 1), d.reshape(1, 1, 1))


@pytest.mark.parametrize("shape,perm,dtype,to", [
    ((70, 90), (1, 0), "int32", None), ((70, 90), (1, 0), "float64", "float32"),
    ((3, 50, 40), (2, 0, 1), "int16", None), ((64, 3, 65), (2, 1, 0), "complex128", None),
    ((100, 100), (1, 0), "uint8", "float64"), ((5, 40, 41), (0, 2, 1), "float32", None),
])
def test_blocked_transpose_copies(shape, perm, dtype, to):
    """Arrays big enough (>= 4096 elements) for the cache-blocked copy path."""
    a, b = pair(shape, dtype)
    a, b = a.transpose(perm)[::-1], b.transpose(perm)[::-1]
    same(a.copy(), b.copy())
    same(a.copy("F"), b.copy("F"))
    same(a.ravel(), b.ravel())
    if to:
        same(a.astype(to), b.astype(to))
        same(a.astype(to, order="C"), b.astype(to, order="C"))
