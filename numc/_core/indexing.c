/* indexing.c: basic indexing of ndarrays (integers, slices, Ellipsis,
 * newaxis and tuples of these) for __getitem__ and __setitem__.
 *
 * The binding only converts the Python key into nc_index elements; the core
 * (nc_view_index) checks bounds and computes the view geometry.  A key that
 * selects one element returns a scalar; every other key returns a view that
 * shares memory with the array.
 *
 * Advanced keys (integer and boolean arrays, lists, 0-d booleans) are
 * resolved into a plan: the key with every advanced item replaced by a
 * full slice gives a view V; the advanced items become int64 index arrays
 * on axes of V, broadcast to one shape B; the result's axes are V's other
 * axes with B's inserted where NumPy (or NEP 21's vindex/oindex) puts them.
 * The core then gathers or scatters (nc_index_gather/scatter) through views
 * whose axes are permuted into (indexed..., rest...) order; a key that is one
 * boolean array goes straight to the core's mask compaction instead.
 * A key that is one integer array or list (x[idx], x[[1, 2]] and their
 * assignments) skips the plan: axis 0 of the array itself is already in
 * the core's order, so gathers and scatters run on it directly; per-call
 * cost matters there because such keys are often tiny. */
#include "manip.h"
#include "select_py.h"
#include <string.h>

#define MAX_KEY 1024

static const char invalid_msg[] =
    "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or "
    "boolean arrays are valid indices";

/* One key element -> nc_index; -1 with an exception set. */
static int parse_one(PyObject *o, nc_index *x)
{
    if (o == Py_None) {
        x->kind = NC_INDEX_NEWAXIS;
        return 0;
    }
    if (o == Py_Ellipsis) {
        x->kind = NC_INDEX_ELLIPSIS;
        return 0;
    }
    if (PySlice_Check(o)) {
        Py_ssize_t b, e, s;
        if (PySlice_Unpack(o, &b, &e, &s) < 0)
            return -1;
        x->kind = NC_INDEX_SLICE;
        x->start = b;
        x->stop = e;
        x->step = s;
        return 0;
    }
    if (PyBool_Check(o) || PyList_Check(o) ||
        (ncpy_array_check(o) && (((ncpy_array *)o)->arr.ndim > 0 ||
                                 nc_dtype_info(((ncpy_array *)o)->arr.dtype)->kind == 'b'))) {
        PyErr_SetString(PyExc_IndexError,
                        "advanced indexing (integer or boolean arrays) is not supported yet");
        return -1;
    }
    if (PyIndex_Check(o)) {
        PyObject *i = PyNumber_Index(o);
        if (!i) {
            if (PyErr_ExceptionMatches(PyExc_TypeError)) {
                PyErr_Clear();
                PyErr_SetString(PyExc_IndexError, invalid_msg);
            }
            return -1;
        }
        Py_ssize_t v = PyLong_AsSsize_t(i);
        Py_DECREF(i);
        if (v == -1 && PyErr_Occurred()) {
            PyErr_Clear();
            PyErr_SetString(PyExc_IndexError, invalid_msg);
            return -1;
        }
        x->kind = NC_INDEX_INT;
        x->start = v;
        return 0;
    }
    PyErr_SetString(PyExc_IndexError, invalid_msg);
    return -1;
}

/* Key -> geometry; returns 1 for a single element, 0 for a view, -1 error. */
static int resolve_key(ncpy_array *a, PyObject *key, nc_geom *g)
{
    nc_index stack[16], *idx = stack;
    Py_ssize_t n = 1;
    if (PyTuple_Check(key)) {
        n = PyTuple_GET_SIZE(key);
        if (n > MAX_KEY) {
            PyErr_Format(PyExc_IndexError, "too many indices for array: array is %d-dimensional, but %zd were indexed",
                         a->arr.ndim, n);
            return -1;
        }
        if (n > 16 && !(idx = PyMem_Malloc((size_t)n * sizeof *idx))) {
            PyErr_NoMemory();
            return -1;
        }
        for (Py_ssize_t i = 0; i < n; i++)
            if (parse_one(PyTuple_GET_ITEM(key, i), &idx[i]) < 0)
                goto fail;
    } else if (parse_one(key, &idx[0]) < 0) {
        goto fail;
    }
    int scalar = 0;
    nc_status st = nc_view_index(&a->arr, (int)n, idx, g, &scalar);
    if (idx != stack)
        PyMem_Free(idx);
    if (st) {
        ncpy_raise(st);
        return -1;
    }
    return scalar;
fail:
    if (idx != stack)
        PyMem_Free(idx);
    return -1;
}

PyObject *ncpy_geom_view(ncpy_array *src, const nc_geom *g)
{
    return ncpy_array_view(src, g->data, g->dtype, g->ndim, g->shape, g->strides);
}

static int key_is_advanced(PyObject *key);

PyObject *ncpy_array_getitem(PyObject *self, PyObject *key)
{
    ncpy_array *a = (ncpy_array *)self;
    if (key_is_advanced(key))
        return ncpy_index_get(a, key, NCPY_IDX_NUMPY);
    nc_geom g;
    int r = resolve_key(a, key, &g);
    if (r < 0)
        return NULL;
    if (r == 1)
        return ncpy_scalar_from_data(g.dtype, g.data);
    return ncpy_geom_view(a, &g);
}

PyObject *ncpy_array_item_at(ncpy_array *a, Py_ssize_t i)
{
    nc_index x = {NC_INDEX_INT, i, 0, 0};
    nc_geom g;
    int scalar = 0;
    nc_status st = nc_view_index(&a->arr, 1, &x, &g, &scalar);
    if (st)
        return ncpy_raise(st);
    if (scalar)
        return ncpy_scalar_from_data(g.dtype, g.data);
    return ncpy_geom_view(a, &g);
}

PyObject *ncpy_assign_source(PyObject *value, nc_dtype_id dtype)
{
    char tmp[16];
    nc_dtype_id sd;
    PyObject *arr = NULL;
    if (ncpy_array_check(value)) {
        Py_INCREF(value);
        arr = value;
    } else if (ncpy_scalar_unpack(value, &sd, tmp)) {
        /* numc scalars behave like 0-d arrays of their own dtype. */
        if (!(arr = ncpy_scalar_to_array(value, sd)))
            return NULL;
    } else if (PyLong_Check(value) || PyFloat_Check(value) || PyComplex_Check(value)) {
        return ncpy_scalar_to_array(value, dtype); /* range/type checked */
    } else {
        return ncpy_asarray(value, dtype, 0);
    }
    nc_dtype_id s = ((ncpy_array *)arr)->arr.dtype;
    if (ncpy_discards_imag(s, dtype) && ncpy_warn_complex() < 0) {
        Py_DECREF(arr);
        return NULL;
    }
    return arr;
}

/* "(2,3)" / "(3,)" / "()" as NumPy prints shapes in broadcast errors. */
static PyObject *shape_str(int ndim, const ptrdiff_t *shape)
{
    PyObject *parts = PyList_New(0);
    if (!parts)
        return NULL;
    for (int i = 0; i < ndim; i++) {
        PyObject *x = PyUnicode_FromFormat("%zd", (Py_ssize_t)shape[i]);
        if (!x || PyList_Append(parts, x) < 0) {
            Py_XDECREF(x);
            Py_DECREF(parts);
            return NULL;
        }
        Py_DECREF(x);
    }
    PyObject *sep = PyUnicode_FromString(",");
    PyObject *body = sep ? PyUnicode_Join(sep, parts) : NULL;
    Py_XDECREF(sep);
    Py_DECREF(parts);
    if (!body)
        return NULL;
    PyObject *r = PyUnicode_FromFormat(ndim == 1 ? "(%U,)" : "(%U)", body);
    Py_DECREF(body);
    return r;
}

int ncpy_array_setitem(PyObject *self, PyObject *key, PyObject *value)
{
    ncpy_array *a = (ncpy_array *)self;
    if (!value) {
        PyErr_SetString(PyExc_ValueError, "cannot delete array elements");
        return -1;
    }
    if (!(a->arr.flags & NC_WRITEABLE)) {
        PyErr_SetString(PyExc_ValueError, "assignment destination is read-only");
        return -1;
    }
    if (key_is_advanced(key))
        return ncpy_index_set(a, key, value, NCPY_IDX_NUMPY);
    nc_geom g;
    int r = resolve_key(a, key, &g);
    if (r < 0)
        return -1;
    PyObject *src = ncpy_assign_source(value, g.dtype);
    if (!src)
        return -1;
    nc_array dst = {0}, sv = {0};
    const nc_array *sa = &((ncpy_array *)src)->arr;
    nc_status st = nc_array_init_view(&dst, a->arr.buffer, g.data, g.dtype, g.ndim, g.shape,
                                      g.strides, 1);
    /* NumPy drops leading length-1 axes of a value with more dims than the
     * destination (a[0] = array([[1, 2, 3]])). */
    int drop = 0;
    while (sa->ndim - drop > g.ndim && sa->shape[drop] == 1)
        drop++;
    if (!st && drop)
        st = nc_array_init_view(&sv, sa->buffer, sa->data, sa->dtype, sa->ndim - drop,
                                sa->shape + drop, sa->strides + drop, 0);
    int fpe = 0;
    if (!st)
        st = nc_array_assign_fpe(&dst, drop ? &sv : sa, NC_CAST_UNSAFE, &fpe);
    nc_array_clear(&sv);
    nc_array_clear(&dst);
    if (!st && ncpy_check_cast(sa->dtype, g.dtype, fpe, 0) < 0) {
        Py_DECREF(src);
        return -1;
    }
    if (st == NC_ERR_SHAPE) {
        PyObject *fs = shape_str(sa->ndim, sa->shape), *ts = shape_str(g.ndim, g.shape);
        if (fs && ts)
            PyErr_Format(PyExc_ValueError, "could not broadcast input array from shape %U into shape %U", fs, ts);
        Py_XDECREF(fs);
        Py_XDECREF(ts);
        Py_DECREF(src);
        return -1;
    }
    Py_DECREF(src);
    if (st) {
        ncpy_raise(st);
        return -1;
    }
    return 0;
}

/* --- advanced indexing ---------------------------------------------------- */

static int is_bool_scalar(PyObject *o)
{
    char tmp[16];
    nc_dtype_id dt;
    if (PyBool_Check(o))
        return 1;
    if (ncpy_array_check(o))
        return ((ncpy_array *)o)->arr.ndim == 0 && ((ncpy_array *)o)->arr.dtype == NC_BOOL;
    return ncpy_scalar_unpack(o, &dt, tmp) && dt == NC_BOOL;
}

/* 1 for an array of another library (e.g. NumPy) with at least one
 * dimension: it indexes like a numc array. */
static int foreign_array(PyObject *o)
{
    if (PyUnicode_Check(o) || PyBytes_Check(o) || PyLong_Check(o) || PyFloat_Check(o))
        return 0;
    PyObject *iface = PyObject_GetAttrString(o, "__array_interface__");
    if (!iface) {
        PyErr_Clear();
        return 0;
    }
    PyObject *shape = PyDict_Check(iface) ? PyDict_GetItemString(iface, "shape") : NULL;
    int r = shape && PyTuple_Check(shape) && PyTuple_GET_SIZE(shape) > 0;
    Py_DECREF(iface);
    return r;
}

static int item_is_advanced(PyObject *o, int nested)
{
    if (is_bool_scalar(o) || PyList_Check(o) || (nested && PyTuple_Check(o)))
        return 1;
    if (ncpy_array_check(o))
        return ((ncpy_array *)o)->arr.ndim > 0;
    return foreign_array(o);
}

static int key_is_advanced(PyObject *key)
{
    if (!PyTuple_Check(key))
        return item_is_advanced(key, 0);
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(key); i++)
        if (item_is_advanced(PyTuple_GET_ITEM(key, i), 1))
            return 1;
    return 0;
}

static const char nonint_msg[] = "arrays used as indices must be of integer (or boolean) type";

/* ncpy_intp_array for an already converted `arr` (reference stolen);
 * from_seq: it came from a sequence, where an empty one means no index. */
static PyObject *intp_of(PyObject *arr, int from_seq)
{
    nc_array *x = &((ncpy_array *)arr)->arr;
    char kind = nc_dtype_info(x->dtype)->kind;
    if (x->dtype == NC_INT64)
        return arr;
    if (!(kind == 'i' || kind == 'u' || (from_seq && x->size == 0))) {
        Py_DECREF(arr);
        PyErr_SetString(PyExc_IndexError, nonint_msg);
        return NULL;
    }
    PyObject *r = ncpy_array_new(NC_INT64, x->ndim, x->shape, NC_ORDER_C, 0);
    if (r) {
        nc_status st = nc_array_copy(&((ncpy_array *)r)->arr, x, NC_CAST_UNSAFE);
        if (st) {
            Py_CLEAR(r);
            ncpy_raise(st);
        }
    }
    Py_DECREF(arr);
    return r;
}

PyObject *ncpy_intp_array(PyObject *o)
{
    int from_seq = !ncpy_array_check(o);
    PyObject *arr = ncpy_asarray(o, -1, 0);
    return arr ? intp_of(arr, from_seq) : NULL;
}

PyObject *ncpy_cast_value(PyObject *value, nc_dtype_id dtype)
{
    PyObject *src = ncpy_assign_source(value, dtype);
    if (!src)
        return NULL;
    nc_array *x = &((ncpy_array *)src)->arr;
    if (x->dtype == dtype)
        return src;
    PyObject *r = ncpy_array_new(dtype, x->ndim, x->shape, NC_ORDER_C, 0);
    if (r) {
        int fpe = 0;
        nc_status st = nc_array_assign_fpe(&((ncpy_array *)r)->arr, x, NC_CAST_UNSAFE, &fpe);
        if (st) {
            Py_CLEAR(r);
            ncpy_raise(st);
        } else if (ncpy_check_cast(x->dtype, dtype, fpe, 0) < 0) {
            Py_CLEAR(r);
        }
    }
    Py_DECREF(src);
    return r;
}

int ncpy_broadcast_value(const nc_array *v, int ndim, const ptrdiff_t *shape, nc_array *out)
{
    ptrdiff_t strides[NC_MAXDIMS];
    int drop = 0;
    while (v->ndim - drop > ndim && v->shape[drop] == 1)
        drop++;
    int vn = v->ndim - drop, ok = vn <= ndim;
    for (int i = 0; ok && i < ndim; i++) {
        int j = i - (ndim - vn);
        if (j < 0) {
            strides[i] = 0;
        } else if (v->shape[drop + j] == shape[i]) {
            strides[i] = shape[i] == 1 ? 0 : v->strides[drop + j];
        } else if (v->shape[drop + j] == 1) {
            strides[i] = 0;
        } else {
            ok = 0;
        }
    }
    if (!ok) {
        PyObject *fs = shape_str(v->ndim, v->shape), *ts = shape_str(ndim, shape);
        if (fs && ts)
            PyErr_Format(PyExc_ValueError,
                         "shape mismatch: value array of shape %U could not be broadcast to "
                         "indexing result of shape %U", fs, ts);
        Py_XDECREF(fs);
        Py_XDECREF(ts);
        return -1;
    }
    nc_status st = nc_array_init_view(out, v->buffer, v->data, v->dtype, ndim, shape, strides, 0);
    if (st) {
        ncpy_raise(st);
        return -1;
    }
    return 0;
}

enum { IT_BASIC, IT_INT, IT_INTARR, IT_BOOLARR, IT_BOOL0 };

typedef struct {
    int kind;
    nc_index basic;  /* IT_BASIC, IT_INT */
    PyObject *arr;   /* IT_INTARR (int64), IT_BOOLARR (bool) */
    int truth;       /* IT_BOOL0 */
} key_item;

/* The resolved advanced index (see the file comment). */
typedef struct {
    nc_geom v;
    int nadv, nb, nrest, out_ndim;
    int keys_adjacent; /* the advanced items stand next to each other in the key */
    int vaxis[NC_MAXDIMS], axis_id[NC_MAXDIMS], group[NC_MAXDIMS];
    PyObject *idx[NC_MAXDIMS];      /* int64 arrays, owned */
    nc_array idxv[NC_MAXDIMS];      /* the same broadcast to B */
    ptrdiff_t bshape[NC_MAXDIMS];
    int raxis[NC_MAXDIMS];          /* V axis of each rest axis */
    int bout[NC_MAXDIMS], rout[NC_MAXDIMS]; /* result axis of each B / rest axis */
    ptrdiff_t out_shape[NC_MAXDIMS];
} adv_plan;

static void plan_clear(adv_plan *p)
{
    for (int k = 0; k < p->nadv; k++) {
        Py_CLEAR(p->idx[k]);
        nc_array_clear(&p->idxv[k]);
    }
    p->nadv = 0;
}

/* A list of plain Python ints as a 1-d int64 array, skipping the general
 * conversion's type discovery; NULL with no exception set when the list
 * is anything else (empty, nested, other item types, values past int64),
 * which then takes the general route and its errors. */
static PyObject *int_list_fast(PyObject *o)
{
    if (!PyList_CheckExact(o))
        return NULL;
    ptrdiff_t n = PyList_GET_SIZE(o);
    if (n == 0 || n > 64)
        return NULL;
    int64_t v[64];
    for (ptrdiff_t i = 0; i < n; i++) {
        PyObject *x = PyList_GET_ITEM(o, i);
        int overflow = 0;
        if (!PyLong_CheckExact(x))
            return NULL;
        long long y = PyLong_AsLongLongAndOverflow(x, &overflow);
        if (overflow || (y == -1 && PyErr_Occurred())) {
            PyErr_Clear();
            return NULL;
        }
        v[i] = (int64_t)y;
    }
    PyObject *r = ncpy_array_new(NC_INT64, 1, &n, NC_ORDER_C, 0);
    if (r)
        memcpy(((ncpy_array *)r)->arr.data, v, sizeof(int64_t) * (size_t)n);
    return r;
}

static int parse_adv_item(PyObject *o, int nested, key_item *it)
{
    it->arr = NULL;
    if ((it->arr = int_list_fast(o))) {
        it->kind = IT_INTARR;
        return 0;
    }
    if (PyErr_Occurred())
        return -1;
    if (is_bool_scalar(o)) {
        it->kind = IT_BOOL0;
        it->truth = PyObject_IsTrue(o);
        return it->truth < 0 ? -1 : 0;
    }
    if (ncpy_array_check(o) && ((ncpy_array *)o)->arr.ndim > 0 &&
        ((ncpy_array *)o)->arr.dtype == NC_BOOL) {
        it->kind = IT_BOOLARR;
        Py_INCREF(o);
        it->arr = o;
        return 0;
    }
    if (item_is_advanced(o, nested)) {
        PyObject *arr = ncpy_asarray(o, -1, 0);
        if (!arr)
            return -1;
        nc_array *x = &((ncpy_array *)arr)->arr;
        if (x->dtype == NC_BOOL && x->ndim > 0) {
            it->kind = IT_BOOLARR;
            it->arr = arr;
            return 0;
        }
        if (x->dtype == NC_BOOL) {
            it->kind = IT_BOOL0;
            it->truth = x->data[0] != 0;
            Py_DECREF(arr);
            return 0;
        }
        /* converted once: a list key is not read a second time */
        if (!(it->arr = intp_of(arr, !ncpy_array_check(o))))
            return -1;
        it->kind = IT_INTARR;
        return 0;
    }
    if (parse_one(o, &it->basic) < 0)
        return -1;
    it->kind = it->basic.kind == NC_INDEX_INT ? IT_INT : IT_BASIC;
    return 0;
}

static int add_adv(adv_plan *p, PyObject *idx, int vaxis, int axis_id, int group)
{
    if (p->nadv >= NC_MAXDIMS) {
        Py_DECREF(idx);
        PyErr_SetString(PyExc_IndexError, "too many advanced indices");
        return -1;
    }
    int k = p->nadv++;
    p->idx[k] = idx;
    p->vaxis[k] = vaxis;
    p->axis_id[k] = axis_id;
    p->group[k] = group;
    memset(&p->idxv[k], 0, sizeof p->idxv[k]);
    return 0;
}

static PyObject *intp_from(Py_ssize_t v, int ndim, ptrdiff_t len)
{
    ptrdiff_t shape[1] = {len};
    PyObject *r = ncpy_array_new(NC_INT64, ndim, shape, NC_ORDER_C, 0);
    if (r && ((ncpy_array *)r)->arr.size)
        *(int64_t *)((ncpy_array *)r)->arr.data = v;
    return r;
}

static PyObject *shapes_str(adv_plan *p)
{
    PyObject *r = PyUnicode_FromString("");
    for (int k = 0; r && k < p->nadv; k++) {
        nc_array *x = &((ncpy_array *)p->idx[k])->arr;
        PyObject *s = shape_str(x->ndim, x->shape);
        PyObject *t = s ? PyUnicode_FromFormat("%U%U ", r, s) : NULL;
        Py_XDECREF(s);
        Py_SETREF(r, t);
    }
    return r;
}

/* Builds the plan for key items; -1 with an exception set. */
static int build_plan(ncpy_array *a, key_item *items, Py_ssize_t n, int mode, adv_plan *p)
{
    int ndim = a->arr.ndim, consumed = 0, nell = 0;
    p->nadv = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        key_item *it = &items[i];
        if (it->kind == IT_BOOLARR)
            consumed += ((ncpy_array *)it->arr)->arr.ndim;
        else if (it->kind == IT_INT || it->kind == IT_INTARR ||
                 (it->kind == IT_BASIC && it->basic.kind == NC_INDEX_SLICE))
            consumed++;
        else if (it->kind == IT_BASIC && it->basic.kind == NC_INDEX_ELLIPSIS)
            nell++;
    }
    /* NumPy decides where the broadcast dimensions go from the positions of
     * the advanced items in the key: anything between them, even an
     * Ellipsis that stands for no axis, separates them. */
    {
        Py_ssize_t first = -1, last = -1, count = 0;
        for (Py_ssize_t i = 0; i < n; i++) {
            int k = items[i].kind;
            if (k == IT_INTARR || k == IT_BOOLARR || k == IT_BOOL0 ||
                (k == IT_INT && mode != NCPY_IDX_OINDEX)) {
                if (first < 0)
                    first = i;
                last = i;
                count++;
            }
        }
        p->keys_adjacent = count == 0 || last - first + 1 == count;
    }
    if (nell > 1) {
        PyErr_SetString(PyExc_IndexError, "an index can only have a single ellipsis ('...')");
        return -1;
    }
    if (consumed > ndim) {
        PyErr_Format(PyExc_IndexError,
                     "too many indices for array: array is %d-dimensional, but %d were indexed",
                     ndim, consumed);
        return -1;
    }
    nc_index *basic = PyMem_Malloc((size_t)(n + ndim + 1) * sizeof *basic);
    if (!basic) {
        PyErr_NoMemory();
        return -1;
    }
    int nbasic = 0, in_axis = 0, v_axis = 0, ngroup = 0;
    const nc_index full = {NC_INDEX_SLICE, 0, PY_SSIZE_T_MAX, 1};
    for (Py_ssize_t i = 0; i < n; i++) {
        key_item *it = &items[i];
        switch (it->kind) {
        case IT_BASIC:
            basic[nbasic++] = it->basic;
            if (it->basic.kind == NC_INDEX_NEWAXIS) {
                v_axis++;
            } else if (it->basic.kind == NC_INDEX_ELLIPSIS) {
                in_axis += ndim - consumed;
                v_axis += ndim - consumed;
            } else {
                in_axis++;
                v_axis++;
            }
            break;
        case IT_INT:
            if (mode == NCPY_IDX_OINDEX) {
                basic[nbasic++] = it->basic;
                in_axis++;
                break;
            }
            {
                /* NumPy checks integers even when the broadcast is empty */
                ptrdiff_t len = a->arr.shape[in_axis], v = it->basic.start;
                if (v < -len || v >= len) {
                    PyErr_Format(PyExc_IndexError,
                                 "index %zd is out of bounds for axis %d with size %zd",
                                 (Py_ssize_t)v, in_axis, (Py_ssize_t)len);
                    goto fail;
                }
                PyObject *x = intp_from(it->basic.start, 0, 1);
                if (!x || add_adv(p, x, v_axis, in_axis, ngroup++) < 0)
                    goto fail;
            }
            basic[nbasic++] = full;
            in_axis++;
            v_axis++;
            break;
        case IT_INTARR:
            Py_INCREF(it->arr);
            if (add_adv(p, it->arr, v_axis, in_axis, ngroup++) < 0)
                goto fail;
            basic[nbasic++] = full;
            in_axis++;
            v_axis++;
            break;
        case IT_BOOL0: {
            PyObject *x = intp_from(0, 1, it->truth ? 1 : 0);
            if (!x || add_adv(p, x, v_axis, in_axis, ngroup++) < 0)
                goto fail;
            nc_index na = {NC_INDEX_NEWAXIS, 0, 0, 0};
            basic[nbasic++] = na;
            v_axis++;
            break;
        }
        case IT_BOOLARR: {
            nc_array *m = &((ncpy_array *)it->arr)->arr;
            for (int j = 0; j < m->ndim; j++) {
                /* NumPy accepts a boolean axis of length 0 against any
                 * axis length: it selects nothing either way. */
                if (m->shape[j] != a->arr.shape[in_axis + j] && m->shape[j] != 0) {
                    PyErr_Format(PyExc_IndexError,
                                 "boolean index did not match indexed array along axis %d; "
                                 "size of axis is %zd but size of corresponding boolean axis "
                                 "is %zd",
                                 in_axis + j, (Py_ssize_t)a->arr.shape[in_axis + j],
                                 (Py_ssize_t)m->shape[j]);
                    goto fail;
                }
            }
            ncpy_array *nz = ncpy_array_alloc(&ncpy_array_type);
            if (!nz)
                goto fail;
            nc_status st = nc_nonzero(m, &nz->arr);
            if (st) {
                Py_DECREF(nz);
                ncpy_raise(st);
                goto fail;
            }
            for (int j = 0; j < m->ndim; j++) {
                ptrdiff_t cnt = nz->arr.shape[1];
                PyObject *row = ncpy_array_view(nz, nz->arr.data + j * cnt * 8, NC_INT64, 1,
                                                &cnt, &nz->arr.strides[1]);
                if (!row || add_adv(p, row, v_axis, in_axis, ngroup) < 0) {
                    Py_DECREF(nz);
                    goto fail;
                }
                basic[nbasic++] = full;
                in_axis++;
                v_axis++;
            }
            Py_DECREF(nz);
            ngroup++;
            break;
        }
        }
    }
    int scalar;
    nc_status st = nc_view_index(&a->arr, nbasic, basic, &p->v, &scalar);
    PyMem_Free(basic);
    basic = NULL;
    if (st) {
        ncpy_raise(st);
        goto fail;
    }
    /* B and the broadcast index views */
    if (mode != NCPY_IDX_OINDEX) {
        int nds[NC_MAXDIMS];
        const ptrdiff_t *shp[NC_MAXDIMS];
        for (int k = 0; k < p->nadv; k++) {
            nds[k] = ((ncpy_array *)p->idx[k])->arr.ndim;
            shp[k] = ((ncpy_array *)p->idx[k])->arr.shape;
        }
        if (nc_broadcast_shapes(p->nadv, nds, shp, &p->nb, p->bshape)) {
            PyObject *s = shapes_str(p);
            if (s)
                PyErr_Format(PyExc_IndexError,
                             "shape mismatch: indexing arrays could not be broadcast together "
                             "with shapes %U", s);
            Py_XDECREF(s);
            goto fail;
        }
        for (int k = 0; k < p->nadv; k++) {
            nc_array *x = &((ncpy_array *)p->idx[k])->arr;
            ptrdiff_t str[NC_MAXDIMS];
            for (int d = 0; d < p->nb; d++) {
                int j = d - (p->nb - x->ndim);
                str[d] = (j < 0 || x->shape[j] == 1) ? 0 : x->strides[j];
            }
            if ((st = nc_array_init_view(&p->idxv[k], x->buffer, x->data, NC_INT64, p->nb,
                                         p->bshape, str, 0))) {
                ncpy_raise(st);
                goto fail;
            }
        }
    } else {
        /* each group gets its own block of B; members of a group (the rows
         * of one boolean array's nonzero) share it */
        int gstart[NC_MAXDIMS];
        p->nb = 0;
        for (int k = 0; k < p->nadv; k++) {
            nc_array *x = &((ncpy_array *)p->idx[k])->arr;
            if (k == 0 || p->group[k] != p->group[k - 1]) {
                gstart[p->group[k]] = p->nb;
                if (p->nb + x->ndim > NC_MAXDIMS) {
                    PyErr_SetString(PyExc_IndexError, "too many dimensions in outer index");
                    goto fail;
                }
                for (int d = 0; d < x->ndim; d++)
                    p->bshape[p->nb++] = x->shape[d];
            }
        }
        for (int k = 0; k < p->nadv; k++) {
            nc_array *x = &((ncpy_array *)p->idx[k])->arr;
            ptrdiff_t str[NC_MAXDIMS] = {0};
            for (int d = 0; d < x->ndim; d++)
                str[gstart[p->group[k]] + d] = x->shape[d] == 1 ? 0 : x->strides[d];
            if ((st = nc_array_init_view(&p->idxv[k], x->buffer, x->data, NC_INT64, p->nb,
                                         p->bshape, str, 0))) {
                ncpy_raise(st);
                goto fail;
            }
        }
    }
    /* rest axes and placement */
    p->nrest = 0;
    for (int d = 0, k = 0; d < p->v.ndim; d++) {
        if (k < p->nadv && p->vaxis[k] == d) {
            while (k < p->nadv && p->vaxis[k] == d)
                k++;
            continue;
        }
        p->raxis[p->nrest++] = d;
    }
    p->out_ndim = p->nb + p->nrest;
    if (p->out_ndim > NC_MAXDIMS) {
        PyErr_Format(PyExc_IndexError, "number of dimensions must be within [0, %d]", NC_MAXDIMS);
        goto fail;
    }
    if (mode == NCPY_IDX_OINDEX) {
        int o = 0, r = 0, b = 0;
        for (int d = 0, k = 0; d < p->v.ndim; d++) {
            if (k < p->nadv && p->vaxis[k] == d) {
                int g = p->group[k];
                if (k == 0 || p->group[k - 1] != g) {
                    int nd = ((ncpy_array *)p->idx[k])->arr.ndim;
                    for (int j = 0; j < nd; j++)
                        p->bout[b++] = o++;
                }
                k++;
                continue;
            }
            p->rout[r++] = o++;
        }
    } else {
        int consecutive = p->keys_adjacent;
        int bpos = 0;
        if (consecutive && mode == NCPY_IDX_NUMPY)
            for (int r = 0; r < p->nrest; r++)
                bpos += p->raxis[r] < p->vaxis[0];
        for (int d = 0; d < p->nb; d++)
            p->bout[d] = bpos + d;
        for (int r = 0; r < p->nrest; r++)
            p->rout[r] = r < bpos ? r : r + p->nb;
    }
    for (int d = 0; d < p->nb; d++)
        p->out_shape[p->bout[d]] = p->bshape[d];
    for (int r = 0; r < p->nrest; r++)
        p->out_shape[p->rout[r]] = p->v.shape[p->raxis[r]];
    return 0;
fail:
    PyMem_Free(basic);
    plan_clear(p);
    return -1;
}

/* V with its indexed axes first (in plan order), then the rest. */
static nc_status plan_source(ncpy_array *a, adv_plan *p, nc_array *out, int writeable)
{
    ptrdiff_t shape[NC_MAXDIMS], str[NC_MAXDIMS];
    for (int k = 0; k < p->nadv; k++) {
        shape[k] = p->v.shape[p->vaxis[k]];
        str[k] = p->v.strides[p->vaxis[k]];
    }
    for (int r = 0; r < p->nrest; r++) {
        shape[p->nadv + r] = p->v.shape[p->raxis[r]];
        str[p->nadv + r] = p->v.strides[p->raxis[r]];
    }
    return nc_array_init_view(out, a->arr.buffer, p->v.data, a->arr.dtype, p->nadv + p->nrest,
                              shape, str, writeable);
}

/* A result-shaped array `res` seen with axes (B..., rest...). */
static nc_status plan_block(adv_plan *p, const nc_array *res, nc_array *out)
{
    ptrdiff_t shape[NC_MAXDIMS], str[NC_MAXDIMS];
    for (int d = 0; d < p->nb; d++) {
        shape[d] = p->bshape[d];
        str[d] = res->strides[p->bout[d]];
    }
    for (int r = 0; r < p->nrest; r++) {
        shape[p->nb + r] = p->out_shape[p->rout[r]];
        str[p->nb + r] = res->strides[p->rout[r]];
    }
    return nc_array_init_view(out, res->buffer, res->data, res->dtype, p->out_ndim, shape, str,
                              1);
}

/* Parses key into items; returns the count or -1. */
static Py_ssize_t parse_items(PyObject *key, key_item **items)
{
    int tup = PyTuple_Check(key);
    Py_ssize_t n = tup ? PyTuple_GET_SIZE(key) : 1;
    if (n > MAX_KEY) {
        PyErr_SetString(PyExc_IndexError, "too many indices for array");
        return -1;
    }
    *items = PyMem_Calloc((size_t)(n ? n : 1), sizeof **items);
    if (!*items) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        if (parse_adv_item(tup ? PyTuple_GET_ITEM(key, i) : key, tup, &(*items)[i]) < 0) {
            for (Py_ssize_t j = 0; j < i; j++)
                Py_XDECREF((*items)[j].arr);
            PyMem_Free(*items);
            return -1;
        }
    }
    return n;
}

static void free_items(key_item *items, Py_ssize_t n)
{
    for (Py_ssize_t j = 0; j < n; j++)
        Py_XDECREF(items[j].arr);
    PyMem_Free(items);
}

/* A key that is one boolean array covering the leading axes. */
static nc_array *single_mask(key_item *items, Py_ssize_t n, int mode)
{
    if (n != 1 || items[0].kind != IT_BOOLARR || mode == NCPY_IDX_OINDEX)
        return NULL;
    nc_array *m = &((ncpy_array *)items[0].arr)->arr;
    /* An empty mask may mismatch the array (see the general path). */
    for (int j = 0; j < m->ndim; j++)
        if (m->shape[j] == 0)
            return NULL;
    return m;
}

static int mask_shape_ok(ncpy_array *a, nc_array *m)
{
    if (m->ndim > a->arr.ndim) {
        PyErr_Format(PyExc_IndexError,
                     "too many indices for array: array is %d-dimensional, but %d were indexed",
                     a->arr.ndim, m->ndim);
        return 0;
    }
    for (int j = 0; j < m->ndim; j++)
        if (m->shape[j] != a->arr.shape[j]) {
            PyErr_Format(PyExc_IndexError,
                         "boolean index did not match indexed array along axis %d; size of axis "
                         "is %zd but size of corresponding boolean axis is %zd",
                         j, (Py_ssize_t)a->arr.shape[j], (Py_ssize_t)m->shape[j]);
            return 0;
        }
    return 1;
}

PyObject *ncpy_index_get(ncpy_array *a, PyObject *key, int mode)
{
    /* the common x[int_array] goes straight to the single-axis gather */
    if (ncpy_array_check(key) && ((ncpy_array *)key)->arr.dtype == NC_INT64 &&
        ((ncpy_array *)key)->arr.ndim > 0 && a->arr.ndim > 0)
        return ncpy_take_axis(&a->arr, &((ncpy_array *)key)->arr, 0, NC_CLIP_RAISE);
    key_item *items;
    Py_ssize_t n = parse_items(key, &items);
    if (n < 0)
        return NULL;
    PyObject *res = NULL;
    if (n == 1 && items[0].kind == IT_INTARR && ((ncpy_array *)items[0].arr)->arr.ndim > 0 &&
        a->arr.ndim > 0) {
        /* x[[1, 2]]: one index array on axis 0, as in the shortcut above */
        res = ncpy_take_axis(&a->arr, &((ncpy_array *)items[0].arr)->arr, 0, NC_CLIP_RAISE);
        goto done;
    }
    nc_array *m = single_mask(items, n, mode);
    if (m) {
        ptrdiff_t cnt, shape[NC_MAXDIMS];
        nc_status st;
        if (!mask_shape_ok(a, m))
            goto done;
        if ((st = nc_mask_count(m, &cnt))) {
            ncpy_raise(st);
            goto done;
        }
        shape[0] = cnt;
        for (int d = m->ndim; d < a->arr.ndim; d++)
            shape[1 + d - m->ndim] = a->arr.shape[d];
        res = ncpy_array_new(a->arr.dtype, 1 + a->arr.ndim - m->ndim, shape, NC_ORDER_C, 0);
        if (res && (st = nc_mask_gather(&a->arr, m, &((ncpy_array *)res)->arr))) {
            Py_CLEAR(res);
            ncpy_raise(st);
        }
        goto done;
    }
    int has_adv = 0;
    for (Py_ssize_t i = 0; i < n; i++)
        has_adv |= items[i].kind == IT_INTARR || items[i].kind == IT_BOOLARR ||
                   items[i].kind == IT_BOOL0;
    if (!has_adv) {
        free_items(items, n);
        nc_geom g;
        int r = resolve_key(a, key, &g);
        if (r < 0)
            return NULL;
        return r ? ncpy_scalar_from_data(g.dtype, g.data) : ncpy_geom_view(a, &g);
    }
    adv_plan *p = PyMem_Malloc(sizeof *p);
    if (!p) {
        PyErr_NoMemory();
        goto done;
    }
    if (build_plan(a, items, n, mode, p) == 0) {
        nc_array src = {0}, blk = {0};
        res = ncpy_array_new(a->arr.dtype, p->out_ndim, p->out_shape, NC_ORDER_C, 0);
        nc_status st = NC_OK;
        if (res && !(st = plan_source(a, p, &src, 0)) &&
            !(st = plan_block(p, &((ncpy_array *)res)->arr, &blk)))
            st = nc_index_gather(&src, p->nadv, p->idxv, p->axis_id, NC_CLIP_RAISE, &blk);
        nc_array_clear(&src);
        nc_array_clear(&blk);
        if (st) {
            Py_CLEAR(res);
            ncpy_raise(st);
        }
        plan_clear(p);
    }
    PyMem_Free(p);
done:
    free_items(items, n);
    return res;
}

/* `value` cast to a's dtype, copied when it shares memory with `a` (the
 * scatter reads the value while it writes the array); NULL on error. */
static PyObject *value_for_scatter(PyObject *value, ncpy_array *a)
{
    PyObject *val = ncpy_cast_value(value, a->arr.dtype);
    if (!val || !nc_array_may_overlap(&((ncpy_array *)val)->arr, &a->arr))
        return val;
    nc_array *x = &((ncpy_array *)val)->arr;
    PyObject *c = ncpy_array_new(x->dtype, x->ndim, x->shape, NC_ORDER_C, 0);
    nc_status st = c ? nc_array_copy(&((ncpy_array *)c)->arr, x, NC_CAST_NO) : NC_OK;
    Py_DECREF(val);
    if (st) {
        Py_CLEAR(c);
        ncpy_raise(st);
    }
    return c;
}

/* a[ix] = value for one int64 index array on axis 0, the setting twin of
 * the x[int_array] shortcut in ncpy_index_get: the array itself is the
 * scatter's destination, so no plan or views are built.  Returns 1 (and
 * does nothing) when the key does not fit the shortcut. */
static int set_axis0(ncpy_array *a, const nc_array *ix, PyObject *value)
{
    int ndim = ix->ndim + a->arr.ndim - 1;
    if (ix->ndim == 0 || a->arr.ndim == 0 || ndim > NC_MAXDIMS)
        return 1;
    ptrdiff_t shape[NC_MAXDIMS];
    memcpy(shape, ix->shape, sizeof(ptrdiff_t) * (size_t)ix->ndim);
    memcpy(shape + ix->ndim, a->arr.shape + 1, sizeof(ptrdiff_t) * (size_t)(a->arr.ndim - 1));
    nc_array bv = {0};
    int rc = -1, axis = 0;
    if (PyFloat_CheckExact(value) || PyLong_CheckExact(value) || PyComplex_CheckExact(value)) {
        /* a Python number is stored once into a stack slot that every
         * position reads (stride 0); the stack buffer's count never drops
         * to zero, so nothing tries to free it */
        _Alignas(16) char slot[16];
        nc_buffer sb = {1, slot, sizeof slot, NULL, NULL};
        ptrdiff_t zeros[NC_MAXDIMS] = {0};
        if (ncpy_store_item(value, a->arr.dtype, slot) < 0)
            return -1;
        nc_status st = nc_array_init_view(&bv, &sb, slot, a->arr.dtype, ndim, shape, zeros, 0);
        if (!st)
            st = nc_index_scatter(&a->arr, 1, ix, &axis, NC_CLIP_RAISE, &bv);
        nc_array_clear(&bv);
        if (st) {
            ncpy_raise(st);
            return -1;
        }
        return 0;
    }
    PyObject *val = value_for_scatter(value, a);
    if (!val)
        return -1;
    if (ncpy_broadcast_value(&((ncpy_array *)val)->arr, ndim, shape, &bv) == 0) {
        nc_status st = nc_index_scatter(&a->arr, 1, ix, &axis, NC_CLIP_RAISE, &bv);
        if (st)
            ncpy_raise(st);
        else
            rc = 0;
    }
    nc_array_clear(&bv);
    Py_DECREF(val);
    return rc;
}

int ncpy_index_set(ncpy_array *a, PyObject *key, PyObject *value, int mode)
{
    if (!value) {
        PyErr_SetString(PyExc_ValueError, "cannot delete array elements");
        return -1;
    }
    if (!(a->arr.flags & NC_WRITEABLE)) {
        PyErr_SetString(PyExc_ValueError, "assignment destination is read-only");
        return -1;
    }
    if (ncpy_array_check(key) && ((ncpy_array *)key)->arr.dtype == NC_INT64) {
        int r = set_axis0(a, &((ncpy_array *)key)->arr, value);
        if (r != 1)
            return r;
    }
    key_item *items;
    Py_ssize_t n = parse_items(key, &items);
    if (n < 0)
        return -1;
    int rc = -1;
    adv_plan *p = NULL;
    if (n == 1 && items[0].kind == IT_INTARR) {
        rc = set_axis0(a, &((ncpy_array *)items[0].arr)->arr, value);
        if (rc != 1) {
            free_items(items, n);
            return rc;
        }
        rc = -1;
    }
    PyObject *val = value_for_scatter(value, a);
    if (!val)
        goto done;
    nc_array *vx = &((ncpy_array *)val)->arr;
    nc_array *m = single_mask(items, n, mode);
    if (m) {
        ptrdiff_t cnt, shape[NC_MAXDIMS];
        nc_status st;
        nc_array bv = {0};
        if (!mask_shape_ok(a, m))
            goto done;
        if (m->ndim == a->arr.ndim && vx->ndim > 1) {
            PyErr_Format(PyExc_TypeError,
                         "NumPy boolean array indexing assignment requires a 0 or 1-dimensional "
                         "input, input has %d dimensions", vx->ndim);
            goto done;
        }
        if ((st = nc_mask_count(m, &cnt))) {
            ncpy_raise(st);
            goto done;
        }
        shape[0] = cnt;
        for (int d = m->ndim; d < a->arr.ndim; d++)
            shape[1 + d - m->ndim] = a->arr.shape[d];
        if (ncpy_broadcast_value(vx, 1 + a->arr.ndim - m->ndim, shape, &bv) < 0)
            goto done;
        st = nc_mask_scatter(&a->arr, m, &bv);
        nc_array_clear(&bv);
        if (st)
            ncpy_raise(st);
        else
            rc = 0;
        goto done;
    }
    int has_adv = 0;
    for (Py_ssize_t i = 0; i < n; i++)
        has_adv |= items[i].kind == IT_INTARR || items[i].kind == IT_BOOLARR ||
                   items[i].kind == IT_BOOL0;
    if (!has_adv) {
        free_items(items, n);
        items = NULL;
        Py_DECREF(val);
        return ncpy_array_setitem((PyObject *)a, key, value);
    }
    if (!(p = PyMem_Malloc(sizeof *p))) {
        PyErr_NoMemory();
        goto done;
    }
    if (build_plan(a, items, n, mode, p) == 0) {
        nc_array dst = {0}, bv = {0}, blk = {0};
        nc_status st = NC_OK;
        if (ncpy_broadcast_value(vx, p->out_ndim, p->out_shape, &bv) == 0) {
            if (!(st = plan_source(a, p, &dst, 1)) && !(st = plan_block(p, &bv, &blk)))
                st = nc_index_scatter(&dst, p->nadv, p->idxv, p->axis_id, NC_CLIP_RAISE, &blk);
            if (st)
                ncpy_raise(st);
            else
                rc = 0;
        }
        nc_array_clear(&dst);
        nc_array_clear(&bv);
        nc_array_clear(&blk);
        plan_clear(p);
    }
done:
    PyMem_Free(p);
    Py_XDECREF(val);
    if (items)
        free_items(items, n);
    return rc;
}
