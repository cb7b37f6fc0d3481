"""Basic indexing (__getitem__/__setitem__) compared with NumPy.

Values are compared through tolist(), together with shape, strides and dtype;
views are checked by writing through them and looking at the base."""
import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

import numc

DTYPES = ["float64", "int32", "uint8", "complex128", "bool", "float32", "int64"]


def pair(shape, dtype="float64"):
    """The same array (values 0..size-1) in NumPy and numc."""
    n = int(np.prod(shape)) if shape else 1
    a = np.arange(n).astype(dtype).reshape(shape)
    b = numc.asarray(a.ravel().tolist(), dtype).reshape(shape)
    return a, b


def same(x, y):
    if isinstance(x, np.ndarray):
        assert isinstance(y, numc.ndarray), type(y)
        assert y.shape == x.shape
        assert y.dtype.name == x.dtype.name
        if x.size > 0:  # NumPy's strides of empty arrays vary by constructor
            assert y.strides == x.strides
        assert y.tolist() == x.tolist()
    else:
        assert not isinstance(y, numc.ndarray), type(y)
        assert type(y).__name__ == type(x).__name__
        assert complex(y) == complex(x)


def raises_same(fn_np, fn_nc):
    with pytest.raises(Exception) as e_np:
        fn_np()
    with pytest.raises(Exception) as e_nc:
        fn_nc()
    assert type(e_nc.value).__name__ == type(e_np.value).__name__
    assert str(e_nc.value) == str(e_np.value)


shapes = st.lists(st.integers(0, 5), min_size=0, max_size=4).map(tuple)
bound = st.one_of(st.none(), st.integers(-8, 8))
steps = st.one_of(st.none(), st.integers(-3, 3).filter(lambda s: s != 0))


def one_index(draw, d):
    if d > 0 and draw(st.booleans()):
        return draw(st.integers(-d, d - 1))
    return slice(draw(bound), draw(bound), draw(steps))


@st.composite
def shape_and_index(draw):
    shape = draw(shapes)
    k = draw(st.integers(0, len(shape)))
    m = draw(st.integers(0, len(shape) - k))
    front = [one_index(draw, d) for d in shape[:k]]
    back = [one_index(draw, d) for d in shape[len(shape) - m:]]
    elems = front + ([Ellipsis] if m or draw(st.booleans()) else []) + back
    for _ in range(draw(st.integers(0, 2))):
        elems.insert(draw(st.integers(0, len(elems))), None)
    key = tuple(elems)
    if len(key) == 1 and draw(st.booleans()):
        key = key[0]
    return shape, key


@settings(max_examples=60, deadline=None)
@given(shape_and_index(), st.sampled_from(DTYPES))
def test_getitem_matches_numpy(si, dtype):
    shape, key = si
    a, b = pair(shape, dtype)
    same(a[key], b[key])


@settings(max_examples=60, deadline=None)
@given(shape_and_index())
def test_getitem_of_strided_base(si):
    shape, key = si
    if not shape:
        return
    a0, b0 = pair(tuple(2 * d for d in shape))
    base = tuple(slice(None, None, -2) for _ in shape)
    a, b = a0[base], b0[base]
    same(a, b)
    same(a[key], b[key])


@settings(max_examples=60, deadline=None)
@given(shape_and_index())
def test_view_writes_through(si):
    shape, key = si
    a, b = np.arange(int(np.prod(shape))).reshape(shape), None
    b = numc.asarray(a.tolist(), 'int64') if shape else numc.asarray(0, 'int64')
    if 0 in shape:
        b = b.reshape(shape)
    va, vb = a[key], b[key]
    if not isinstance(va, np.ndarray):
        return
    va[...] = -1
    vb[...] = -1
    assert b.tolist() == a.tolist()


@settings(max_examples=60, deadline=None)
@given(shape_and_index(), st.data())
def test_setitem_broadcast(si, data):
    shape, key = si
    a, b = pair(shape, "int64")
    target = a[key]
    tshape = np.shape(target)
    # a value whose shape broadcasts: a suffix with some dims set to 1
    k = data.draw(st.integers(0, len(tshape)))
    vshape = tuple(1 if data.draw(st.booleans()) else d for d in tshape[len(tshape) - k:])
    v = (np.arange(int(np.prod(vshape))) * 7 - 3).reshape(vshape)
    as_list = data.draw(st.booleans())
    a[key] = v
    b[key] = v.tolist() if as_list else numc.asarray(v.tolist(), "int64")
    assert b.tolist() == a.tolist()


@pytest.mark.parametrize("dtype", DTYPES)
def test_setitem_scalar_each_dtype(dtype):
    a, b = pair((3, 4), dtype)
    a[1] = 1
    b[1] = 1
    a[:, 2] = 0
    b[:, 2] = 0
    a[2, 3] = True
    b[2, 3] = True
    assert b.tolist() == a.tolist()


def test_setitem_casts():
    a, b = pair((4,), "int32")
    a[:2] = 2.7
    b[:2] = 2.7
    a[2:] = [1.5, -2.5]
    b[2:] = [1.5, -2.5]
    assert b.tolist() == a.tolist()
    f = numc.asarray([1.0, 2.0], "float32")
    f[0] = numc.asarray([5], "int64")[0] if False else 5
    assert f.tolist() == [5.0, 2.0]


def test_setitem_overflow_and_complex():
    a, b = pair((3,), "uint8")
    raises_same(lambda: a.__setitem__(0, 300), lambda: b.__setitem__(0, 300))
    raises_same(lambda: a.__setitem__(0, -1), lambda: b.__setitem__(0, -1))
    f, g = pair((3,), "float64")
    with pytest.raises(TypeError):
        g[0] = 1 + 2j
    z = numc.asarray([1 + 2j, 3 + 4j, 5 + 6j], "complex128")
    with pytest.warns(numc.exceptions.ComplexWarning):
        g[:] = z
    assert g.tolist() == [1.0, 3.0, 5.0]


def test_setitem_readonly():
    a, b = pair((3,))
    b.flags.writeable = False
    a.flags.writeable = False
    raises_same(lambda: a.__setitem__(0, 1), lambda: b.__setitem__(0, 1))
    raises_same(lambda: a[1:].__setitem__(0, 1), lambda: b[1:].__setitem__(0, 1))


def test_delete_refused():
    a, b = pair((3,))
    with pytest.raises(ValueError):
        del b[0]


@pytest.mark.parametrize("shape,key", [
    ((3,), 5), ((3,), -4), ((2, 3), (0, 3)), ((2, 3), (1, -4)), ((3,), (0, 0)),
    ((2, 3), (0, 0, 0)), ((), 0), ((2,), (Ellipsis, Ellipsis)), ((2,), 1.0),
    ((2,), "a"), ((2,), (0, 1.5)), ((2,), slice(None, None, 0)),
    ((2, 3), (None, 1, 2, 0)),
])
def test_bad_keys_match_numpy(shape, key):
    a, b = pair(shape)
    raises_same(lambda: a[key], lambda: b[key])


def test_advanced_index_supported():
    # advanced indexing arrived with the selection branch (test_advanced_indexing.py)
    a, b = pair((3,))
    for key in ([0, 1], numc.asarray([0, 1], "int64"), numc.asarray([True, False, True], "bool")):
        assert b[key].tolist() == a[key if isinstance(key, list) else np.asarray(key)].tolist()


def test_zero_d():
    a, b = pair(())
    same(a[()], b[()])
    same(a[...], b[...])
    same(a[None], b[None])
    same(a[None, ...], b[None, ...])
    b[()] = 4
    a[()] = 4
    assert b.tolist() == a.tolist()


def test_index_with_numc_integer_and_big_ints():
    a, b = pair((5,))
    i = numc.asarray(3, "int64")
    same(a[3], b[i])
    raises_same(lambda: a[2**70], lambda: b[2**70])
    same(a[-2**70:2**70], b[-2**70:2**70])
    same(a[::2**70], b[::2**70])
    same(a[::-2**70], b[::-2**70])


def test_base_is_owner():
    a, b = pair((4, 3))
    c = numc.asarray([1.0, 2.0, 3.0], "float64")
    assert c[1:].base is c
    assert c[1:][::2].base is c
    assert c[None].base is c


def test_setitem_leading_ones_and_broadcast_errors():
    a, b = pair((2, 3))
    a[0] = np.array([[1.0, 2.0, 3.0]])
    b[0] = numc.asarray([[1.0, 2.0, 3.0]], "float64")
    assert b.tolist() == a.tolist()
    for v in ([1, 2], np.ones((2, 1, 3)), np.ones((2, 2))):
        w = numc.asarray(v.tolist() if isinstance(v, np.ndarray) else v, "float64")
        for key in (0, Ellipsis, (slice(None), 1)):
            try:
                a[key] = v
            except ValueError:
                raises_same(lambda: a.__setitem__(key, v), lambda: b.__setitem__(key, w))
            else:
                b[key] = w
                assert b.tolist() == a.tolist()


def test_setitem_numc_scalars_like_numpy():
    a, b = pair((2,))
    with pytest.warns(numc.exceptions.ComplexWarning):
        b[0] = numc.asarray([3 + 2j], "complex128")[0]
    with pytest.warns(np.exceptions.ComplexWarning):
        a[0] = np.complex128(3 + 2j)
    assert b.tolist() == a.tolist()
    c, d = pair((2,), "uint8")
    c[0] = np.int64(300)
    d[0] = numc.asarray([300], "int64")[0]
    assert d.tolist() == c.tolist()
