"""Joining, splitting and shape routines against NumPy: values, dtypes,
view-vs-copy, errors (numc/_manip.py, src/manip/)."""
import numpy as np
import pytest
from hypothesis import given, strategies as st

import numc
from helpers import DTYPES, check_same, same_values, to_numc


def conv(x):
    if isinstance(x, np.ndarray):
        return to_numc(x)
    if isinstance(x, list):
        return [conv(v) for v in x]
    if isinstance(x, tuple):
        return tuple(conv(v) for v in x)
    return x


def seqs(r):
    return tuple(r) if isinstance(r, (list, tuple)) else r


def both(name, *args, **kw):
    """Calls numpy.name and numc.name on the same data and compares."""
    check_same(lambda: seqs(getattr(np, name)(*args, **kw)),
               lambda: seqs(getattr(numc, name)(*conv(args), **{k: conv(v) for k, v in kw.items()})))


def same_shapes(np_fn, nc_fn):
    try:
        expected = np_fn()
    except ValueError:
        with pytest.raises(ValueError):
            nc_fn()
        return
    assert nc_fn() == expected


def arr(shape, dtype="float64", start=0):
    n = int(np.prod(shape))
    return (np.arange(start, start + n) % 100).astype(dtype).reshape(shape)


# --- concatenate -------------------------------------------------------------

@pytest.mark.parametrize("axis", [0, 1, 2, -1, -3, None])
def test_concatenate_axes(axis):
    a, b = arr((2, 3, 4)), arr((2, 3, 4), start=50)
    both("concatenate", [a, b], axis=axis)


def test_concatenate_sizes_and_mixed_dtypes():
    both("concatenate", [arr((2, 3), "int8"), arr((1, 3), "float32"), arr((0, 3), "uint16")])
    both("concatenate", [arr((2, 3), "int64"), arr((2, 1), "bool")], axis=1)
    both("concatenate", [[1, 2], np.array([1.5], np.float32)])
    both("concatenate", [arr((2, 2), "int32"), arr((2, 2), "int32")], dtype="float32")
    both("concatenate", ([[1, 2]], [[3, 4]]), axis=None)


def test_concatenate_noncontiguous_inputs():
    a = arr((4, 6))
    both("concatenate", [a.T, a[::2].T, a[:, ::-1].T], axis=1)
    both("concatenate", [a[:, 1:3], a[:, ::3]], axis=1)
    both("concatenate", [a.T, a.T], axis=0)


def test_concatenate_out_and_casting():
    a, b = arr((2, 3)), arr((2, 3))
    o = np.zeros((4, 3))
    co = numc.zeros((4, 3))
    r = numc.concatenate([to_numc(a), to_numc(b)], out=co)
    assert r is co
    same_values(np.concatenate([a, b], out=o), co)
    # F-ordered out goes through the strided path
    cf = numc.zeros((4, 3), order="F")
    numc.concatenate([to_numc(a), to_numc(b)], out=cf)
    same_values(np.concatenate([a, b]), cf)
    both("concatenate", [arr((2,), "float64"), arr((2,), "float64")], dtype="int32")
    both("concatenate", [arr((2,), "float64"), arr((2,), "float64")], dtype="int32",
         casting="unsafe")
    with pytest.raises(TypeError):
        numc.concatenate([to_numc(a)], out=co, dtype="float64")
    with pytest.raises(TypeError):
        numc.concatenate([to_numc(a)], out=numc.zeros((2, 3), "int32"))
    with pytest.raises(ValueError):
        numc.concatenate([to_numc(a)], out=numc.zeros((3, 3)))


def test_concatenate_out_overlapping_input():
    # NumPy's result depends on copy order here; numc reads inputs first.
    c = numc.arange(6.0)
    numc.concatenate([c[3:], c[:3]], out=c)
    assert c.tolist() == [3.0, 4.0, 5.0, 0.0, 1.0, 2.0]


def test_concatenate_errors():
    both("concatenate", [arr((2, 3)), arr((2,))])
    both("concatenate", [arr((2, 3)), arr((3, 3))], axis=1)
    both("concatenate", [arr(()), arr(())])
    both("concatenate", [])
    both("concatenate", [arr((2, 3))], axis=2)
    with pytest.raises(numc.exceptions.AxisError, match="axis 2 is out of bounds for array of dimension 2"):
        numc.concatenate([numc.zeros((2, 3))], axis=2)
    with pytest.raises(ValueError, match="along dimension 1, the array at index 0 has size 3"):
        numc.concatenate([numc.zeros((2, 3)), numc.zeros((2, 4))])


def test_concatenate_is_copy():
    a = numc.arange(4)
    r = numc.concatenate([a])
    assert not numc.shares_memory(a, r)
    r[0] = 9
    assert a[0] == 0
    assert numc.concat is numc.concatenate


@given(st.lists(st.integers(0, 3), min_size=1, max_size=3), st.integers(0, 2),
       st.integers(1, 4), st.sampled_from(DTYPES), st.sampled_from(DTYPES), st.data())
def test_concatenate_hypothesis(shape, axis, n, dt1, dt2, data):
    axis = axis % len(shape)
    arrays = []
    for i in range(n):
        s = list(shape)
        s[axis] = data.draw(st.integers(0, 3))
        a = arr(tuple(s), dt1 if i % 2 == 0 else dt2, start=i * 7)
        if data.draw(st.booleans()) and a.ndim >= 2:
            a = np.ascontiguousarray(a.T).T  # F-ordered
        arrays.append(a)
    both("concatenate", arrays, axis=axis)
    both("concatenate", arrays, axis=None)


# --- stack family ------------------------------------------------------------

@pytest.mark.parametrize("axis", [0, 1, 2, -1, -3])
def test_stack(axis):
    both("stack", [arr((2, 3)), arr((2, 3), start=5), arr((2, 3), "int8")], axis=axis)


def test_stack_errors_and_out():
    both("stack", [arr((2, 3)), arr((3, 2))])
    both("stack", [])
    both("stack", [arr((2, 3))], axis=3)
    both("stack", [arr((2,), "int32"), arr((2,), "int32")], dtype="float64")
    o = numc.zeros((2, 2))
    assert numc.stack([numc.ones(2), numc.zeros(2)], out=o) is o
    same_values(np.stack([np.ones(2), np.zeros(2)]), o)


def test_vstack_hstack_dstack_column_stack():
    for name in ("vstack", "hstack", "dstack", "column_stack"):
        both(name, [arr((3,)), arr((3,), "int32")])
        both(name, [arr((2, 3)), arr((2, 3), start=3)])
        both(name, [np.float64(1.0), np.float64(2.0)] if name != "column_stack" else [arr((2,)), arr((2, 2))])
    both("vstack", [arr((2, 3)), arr((3,))])
    both("hstack", [arr((2, 3)), arr((2, 1))])
    both("vstack", [arr((2,), "int8"), arr((2,), "int8")], dtype="float32")
    both("hstack", [arr((2,)), arr((2,))], dtype="int8", casting="unsafe")
    both("dstack", [arr((2, 2, 1)), arr((2, 2))])
    both("vstack", [arr((2, 3)), arr((2,))])


def test_block():
    a, b, c, d = arr((2, 2)), arr((2, 1), "int32"), arr((1, 3)), arr((3,))
    both("block", [[a, b], [c]])
    both("block", [a, b])
    both("block", [d, d])
    both("block", [[d], [d]])
    both("block", [[[a, a]], [[a, a]]])
    both("block", 1.5)
    both("block", [1, 2, 3])
    both("block", [[1, 2], [3, 4]])
    both("block", [[a, b], c])        # depth mismatch
    both("block", [])                 # empty
    both("block", [[a], []])
    with pytest.raises(TypeError):
        numc.block((to_numc(a), to_numc(a)))
    r = numc.block(to_numc(a))
    assert not numc.shares_memory(r, to_numc(a))


# --- splitting ---------------------------------------------------------------

def test_split_family():
    x = arr((6, 4, 2))
    both("split", x, 3)
    both("split", x, 2, axis=1)
    both("split", x, [1, 4])
    both("split", x, [1, 10, -1], axis=0)
    both("split", x, 4)
    both("array_split", x, 4)
    both("array_split", x, 4, axis=-1)
    both("array_split", arr((7,)), 3)
    both("array_split", arr((7,)), 0)
    both("array_split", arr((7,)), [2, 2, 5])
    both("hsplit", x, 2)
    both("hsplit", arr((6,)), 3)
    both("hsplit", np.float64(1.0), 1)
    both("vsplit", x, 3)
    both("vsplit", arr((6,)), 3)
    both("dsplit", x, 2)
    both("dsplit", arr((6, 2)), 2)


def test_split_returns_views():
    x = numc.arange(6)
    parts = numc.split(x, 3)
    assert all(numc.shares_memory(p, x) for p in parts)
    parts[1][0] = 99
    assert x[2] == 99


@given(st.lists(st.integers(0, 5), min_size=1, max_size=3), st.integers(-3, 2),
       st.integers(1, 6))
def test_array_split_hypothesis(shape, axis, n):
    both("array_split", arr(tuple(shape)), n, axis=axis)
    both("split", arr(tuple(shape)), n, axis=axis)


def test_unstack():
    x = arr((2, 3, 4))
    both("unstack", x)
    both("unstack", x, axis=1)
    both("unstack", x, axis=-1)
    both("unstack", x, axis=3)
    both("unstack", np.float64(2.0))


# --- axes --------------------------------------------------------------------

def test_axis_routines():
    x = arr((2, 3, 1, 4))
    both("squeeze", x)
    both("squeeze", x, axis=2)
    both("squeeze", x, axis=0)
    both("squeeze", x, axis=7)
    for ax in [0, 2, -1, (0, 1), (0, -1), (1, 1), 5, (0, 6)]:
        both("expand_dims", x, ax)
    for s, d in [(0, 1), (0, -1), (-1, 0), ((0, 1), (2, 3)), ((0, 1), (1, 0)), (0, 4),
                 ((0, 1), 2), ((0, 0), (1, 2))]:
        both("moveaxis", x, s, d)
    for ax, start in [(3, 0), (0, 4), (2, 1), (1, 1), (-1, -2), (4, 0), (0, 5), (0, -6)]:
        both("rollaxis", x, ax, start)
    both("swapaxes", x, 0, 3)
    both("swapaxes", x, 0, 4)
    both("transpose", x)
    both("transpose", x, (3, 1, 0, 2))
    both("transpose", x, (3, 1, 0))
    both("permute_dims", x, (1, 0, 3, 2))
    both("matrix_transpose", x)
    both("matrix_transpose", arr((3,)))


def test_axis_routines_are_views():
    x = numc.zeros((2, 3, 1))
    for v in (numc.squeeze(x), numc.expand_dims(x, 0), numc.moveaxis(x, 0, -1),
              numc.rollaxis(x, 2), numc.swapaxes(x, 0, 1), numc.transpose(x),
              numc.matrix_transpose(x), numc.permute_dims(x, (2, 0, 1)),
              numc.atleast_3d(x), numc.reshape(x, (6,)), numc.ravel(x)):
        assert numc.shares_memory(v, x)
        assert v is x or v.base is x


def test_axis_error_type_and_message():
    with pytest.raises(numc.exceptions.AxisError, match="axis 3 is out of bounds for array of dimension 2"):
        numc.expand_dims(numc.zeros(2), 3)
    with pytest.raises(numc.exceptions.AxisError, match="source: axis 3"):
        numc.moveaxis(numc.zeros((2, 2)), 3, 0)
    with pytest.raises(ValueError):
        numc.moveaxis(numc.zeros((2, 2)), (0, 0), (0, 1))


@given(st.lists(st.integers(1, 3), min_size=1, max_size=4), st.data())
def test_moveaxis_hypothesis(shape, data):
    n = len(shape)
    src = data.draw(st.integers(-n, n - 1))
    dst = data.draw(st.integers(-n, n - 1))
    both("moveaxis", arr(tuple(shape)), src, dst)
    both("rollaxis", arr(tuple(shape)), src, data.draw(st.integers(-n, n)))
    both("expand_dims", arr(tuple(shape)), data.draw(st.integers(-n - 1, n)))


# --- broadcasting ------------------------------------------------------------

def test_broadcast_to():
    both("broadcast_to", arr((3,)), (2, 3))
    both("broadcast_to", arr((3, 1)), (2, 3, 4))
    both("broadcast_to", np.float64(5), 4)
    both("broadcast_to", arr((3,)), (2, 4))
    both("broadcast_to", arr((3,)), ())
    both("broadcast_to", arr((3,)), (-1, 3))
    both("broadcast_to", arr((3,)), (0, 3))
    x = numc.arange(3)
    v = numc.broadcast_to(x, (2, 3))
    assert not v.flags.writeable
    assert numc.shares_memory(v, x)
    assert v.strides == (0, 8)
    with pytest.raises(ValueError):
        v[0, 0] = 1


def test_broadcast_shapes_and_arrays():
    for shapes in [((2, 1), (3,)), ((1,), (4, 1, 1)), (), ((2,), (3,)), (5, (5,)),
                   ((0, 1), (3,)), ((2, 3), (4, 2, 1), (1, 1))]:
        same_shapes(lambda: np.broadcast_shapes(*shapes), lambda: numc.broadcast_shapes(*shapes))
    with pytest.raises(ValueError, match="Mismatch is between arg 0 with shape"):
        numc.broadcast_shapes((2,), (3,))
    both("broadcast_arrays", arr((3,)), arr((2, 3), "int8"), np.float32(1))
    both("broadcast_arrays", arr((2,)), arr((3,)))
    a, b = numc.zeros((2, 3)), numc.arange(3)
    ra, rb = numc.broadcast_arrays(a, b)
    assert ra is a and numc.shares_memory(rb, b) and rb.shape == (2, 3)


@given(st.lists(st.integers(0, 3), max_size=3), st.lists(st.integers(0, 3), max_size=3))
def test_broadcast_hypothesis(s1, s2):
    same_shapes(lambda: np.broadcast_shapes(tuple(s1), tuple(s2)),
               lambda: numc.broadcast_shapes(tuple(s1), tuple(s2)))
    both("broadcast_to", arr(tuple(s1)), tuple(s2))


def test_atleast():
    for name in ("atleast_1d", "atleast_2d", "atleast_3d"):
        for x in (np.float64(1.0), arr((3,)), arr((2, 3)), arr((2, 3, 4)), arr((1, 2, 3, 4))):
            both(name, x)
        both(name, arr((3,)), np.int8(3))
        both(name, [1, 2])


# --- shape and layout --------------------------------------------------------

def test_reshape_ravel():
    x = arr((2, 3, 4))
    for order in "CFA":
        both("reshape", x, (4, 6), order=order)
        both("reshape", x.T, (4, 6), order=order)
        both("ravel", x.T, order=order)
    both("reshape", x, (-1, 4))
    both("reshape", x, (5, -1))
    both("reshape", x, 24, copy=True)
    both("reshape", x.T, 24, copy=False)
    both("ravel", x, order="K")
    c = numc.arange(6)
    assert not numc.shares_memory(numc.reshape(c, (2, 3), copy=True), c)
    assert numc.shares_memory(numc.reshape(c, (2, 3)), c)


def test_copyto():
    for where in (True, [True, False, True], np.array([[True], [False]])):
        a, b = arr((2, 3)), arr((3,), "int32", start=10)
        c = to_numc(a)
        np.copyto(a, b, where=where)
        numc.copyto(c, to_numc(b), where=conv(where))
        same_values(a, c)
    a = np.zeros(3, np.int32)
    c = numc.zeros(3, numc.int32)
    check_same(lambda: (np.copyto(a, np.ones(3)), a)[1], lambda: (numc.copyto(c, numc.ones(3)), c)[1])
    check_same(lambda: (np.copyto(a, 5), a)[1], lambda: (numc.copyto(c, 5), c)[1])
    check_same(lambda: (np.copyto(a, 2**40), a)[1], lambda: (numc.copyto(c, 2**40), c)[1])
    check_same(lambda: (np.copyto(a, np.ones(3), casting="unsafe"), a)[1],
               lambda: (numc.copyto(c, numc.ones(3), casting="unsafe"), c)[1])
    check_same(lambda: (np.copyto(a, np.ones(4)), a)[1], lambda: (numc.copyto(c, numc.ones(4)), c)[1])
    check_same(lambda: np.copyto([1], np.ones(4)), lambda: numc.copyto([1], numc.ones(4)))
    # overlapping source and destination
    a, c = np.arange(5.0), numc.arange(5.0)
    np.copyto(a[1:], a[:-1], where=[True, False, True, True])
    numc.copyto(c[1:], c[:-1], where=[True, False, True, True])
    same_values(a, c)


def test_asfortranarray_require():
    x = arr((2, 3))
    both("asfortranarray", x)
    both("asfortranarray", np.float64(1.0))
    both("asfortranarray", x, dtype="int8")
    f = numc.asfortranarray(to_numc(x))
    assert f.flags.f_contiguous and not f.flags.c_contiguous
    assert numc.asfortranarray(f) is f
    for req in (None, "C", "F", ["A", "W"], ["O"], ["F", "W"], ["E"], ["C", "F"]):
        both("require", x.T, None, req)
        if req and req != ["C", "F"]:
            r = numc.require(to_numc(x).T, None, req)
            for flag in ([req] if isinstance(req, str) else req):
                name = {"C": "c_contiguous", "F": "f_contiguous", "A": "aligned",
                        "W": "writeable", "O": "owndata", "E": "aligned"}[flag]
                assert getattr(r.flags, name)
    both("require", x, "float32", "C")


# --- shares_memory -----------------------------------------------------------

def test_shares_memory():
    x = np.zeros((6, 8))
    c = to_numc(x)
    cases = [lambda a: (a, a), lambda a: (a[::2], a[1::2]), lambda a: (a[:, ::2], a[:, 1::2]),
             lambda a: (a[:3], a[3:]), lambda a: (a[:4], a[3:]), lambda a: (a.T, a),
             lambda a: (a[:, 0], a[:, 1]), lambda a: (a[:, 0], a[0]),
             lambda a: (a[::2, ::3], a[1::2, 1::3]), lambda a: (a[::2, ::2], a[::3, ::3]),
             lambda a: (a[0, ::2], a[0, 1::2]), lambda a: (a[:0], a)]
    for case in cases:
        na, nb = case(x)
        ca, cb = case(c)
        assert numc.shares_memory(ca, cb) == np.shares_memory(na, nb)
        assert numc.may_share_memory(ca, cb) == np.may_share_memory(na, nb)
    assert not numc.shares_memory(numc.zeros(3), numc.zeros(3))
    v = numc.arange(6, dtype=numc.int32)
    w = v.view(numc.int16)
    nv = np.arange(6, dtype=np.int32)
    nw = nv.view(np.int16)
    for i in range(4):
        assert numc.shares_memory(v[::2], w[i::4]) == np.shares_memory(nv[::2], nw[i::4])
    # max_work bounds the exact search
    with pytest.raises(numc.exceptions.TooHardError):
        numc.shares_memory(c[::2, ::2], c[1::2, 1::2], max_work=2)
    assert numc.shares_memory(c[::2], c[1::2], max_work=1000) is False
    assert numc.may_share_memory(c[::2], c[1::2]) is True


@given(st.integers(1, 3), st.integers(0, 3), st.integers(1, 3), st.integers(0, 3),
       st.booleans())
def test_shares_memory_hypothesis(s1, o1, s2, o2, transpose):
    x = np.zeros((6, 7))
    c = to_numc(x)

    def views(a):
        u = a[o1::s1, ::s2]
        v = a[o2::s2, 1::s1]
        return (u.T if transpose else u), v

    assert numc.shares_memory(*views(c)) == np.shares_memory(*views(x))


@given(st.lists(st.integers(0, 3), max_size=3), st.integers(1, 3), st.sampled_from(DTYPES),
       st.data())
def test_stack_hypothesis(shape, n, dt, data):
    axis = data.draw(st.integers(-len(shape) - 2, len(shape) + 1))
    arrays = [arr(tuple(shape), dt, start=i) for i in range(n)]
    both("stack", arrays, axis=axis)
    both("vstack", arrays)
    both("hstack", arrays)
    both("column_stack", arrays)
