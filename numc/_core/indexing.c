/* indexing.c: basic indexing of ndarrays (integers, slices, Ellipsis,
 * newaxis and tuples of these) for __getitem__ and __setitem__.
 *
 * The binding only converts the Python key into nc_index elements; the core
 * (nc_view_index) checks bounds and computes the view geometry.  A key that
 * selects one element returns a scalar; every other key returns a view that
 * shares memory with the array.  Integer-array and boolean keys (advanced
 * indexing) are refused with IndexError for now. */
#include "manip.h"

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

PyObject *ncpy_array_getitem(PyObject *self, PyObject *key)
{
    ncpy_array *a = (ncpy_array *)self;
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

static int warn_complex(void)
{
    PyObject *mod = PyImport_ImportModule("numc.exceptions");
    if (!mod)
        return -1;
    PyObject *cw = PyObject_GetAttrString(mod, "ComplexWarning");
    Py_DECREF(mod);
    if (!cw)
        return -1;
    int r = PyErr_WarnEx(cw, "Casting complex values to real discards the imaginary part", 1);
    Py_DECREF(cw);
    return r;
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
    if (nc_dtype_info(s)->kind == 'c' && nc_dtype_info(dtype)->kind != 'c' && warn_complex() < 0) {
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
    if (!st)
        st = nc_array_copy(&dst, drop ? &sv : sa, NC_CAST_UNSAFE);
    nc_array_clear(&sv);
    nc_array_clear(&dst);
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
