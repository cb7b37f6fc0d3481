/* manip_py.c: array-manipulation routines (joining, broadcast views, masked
 * copies, memory-overlap queries) over the core's functions in
 * include/numc/manip.h.
 *
 * Each function parses its arguments, converts operands with ncpy_asarray,
 * calls one core function and maps its status; the Python wrappers in
 * numc/_manip.py give them NumPy's signatures.  Arrays given as `out` or
 * `dst` must be ndarrays and are written in place. */
#include "binding.h"
#include "manip.h"
#include "numc/manip.h"

static int parse_casting(PyObject *o, nc_casting *out)
{
    static const char *names[] = {"no", "equiv", "safe", "same_kind", "unsafe"};
    if (o && o != Py_None && PyUnicode_Check(o)) {
        const char *s = PyUnicode_AsUTF8(o);
        if (!s)
            return -1;
        for (int i = 0; i < 5; i++)
            if (strcmp(s, names[i]) == 0) {
                *out = (nc_casting)i;
                return 0;
            }
    }
    PyErr_Format(PyExc_ValueError,
                 "casting must be one of 'no', 'equiv', 'safe', 'same_kind', or 'unsafe' (got %R)",
                 o);
    return -1;
}

/* _concatenate(arrays, axis, out, dtype, casting): axis is an int (the
 * Python side flattens for axis=None). */
static PyObject *py_concatenate(PyObject *mod, PyObject *args)
{
    (void)mod;
    PyObject *seq_o, *out_o, *casting_o;
    int axis, dtype;
    if (!PyArg_ParseTuple(args, "OiOO&O", &seq_o, &axis, &out_o, ncpy_dtype_converter, &dtype,
                          &casting_o))
        return NULL;
    nc_casting casting;
    if (parse_casting(casting_o, &casting) < 0)
        return NULL;
    if (out_o != Py_None && dtype >= 0) {
        PyErr_SetString(PyExc_TypeError, "concatenate() only takes `out` or `dtype` as an "
                                         "argument, but both were provided.");
        return NULL;
    }
    if (out_o != Py_None && !ncpy_array_check(out_o)) {
        PyErr_SetString(PyExc_TypeError, "out must be an array");
        return NULL;
    }
    PyObject *seq = PySequence_Fast(seq_o, "The first input argument needs to be a sequence");
    if (!seq)
        return NULL;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    if (n > INT_MAX / 2) {
        Py_DECREF(seq);
        return PyErr_NoMemory();
    }
    PyObject **objs = PyMem_Calloc((size_t)n + 1, sizeof(PyObject *));
    const nc_array **arrs = PyMem_Calloc((size_t)n + 1, sizeof(nc_array *));
    nc_dtype_id *types = PyMem_Calloc((size_t)n + 1, sizeof(nc_dtype_id));
    PyObject *result = NULL;
    if (!objs || !arrs || !types) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        objs[i] = ncpy_asarray(PySequence_Fast_GET_ITEM(seq, i), -1, 0);
        if (!objs[i])
            goto done;
        arrs[i] = &((ncpy_array *)objs[i])->arr;
        types[i] = arrs[i]->dtype;
    }
    int nd, ax = axis;
    ptrdiff_t shape[NC_MAXDIMS];
    nc_status st = nc_concat_shape((int)n, arrs, &ax, &nd, shape);
    if (st) {
        ncpy_raise(st);
        goto done;
    }
    if (out_o != Py_None) {
        Py_INCREF(out_o);
        result = out_o;
    } else {
        nc_dtype_id rt = dtype >= 0 ? (nc_dtype_id)dtype : nc_result_type((int)n, types, 0, NULL);
        result = ncpy_array_new(rt, nd, shape, NC_ORDER_C, 0);
        if (!result)
            goto done;
    }
    ncpy_array *out = (ncpy_array *)result;
    if (!(out->arr.flags & NC_WRITEABLE)) {
        PyErr_SetString(PyExc_ValueError, "output array is read-only");
        Py_CLEAR(result);
        goto done;
    }
    Py_BEGIN_ALLOW_THREADS
    st = nc_concatenate(&out->arr, (int)n, arrs, ax, casting);
    Py_END_ALLOW_THREADS
    if (st) {
        Py_CLEAR(result);
        ncpy_raise(st);
    }
done:
    if (objs)
        for (Py_ssize_t i = 0; i < n; i++)
            Py_XDECREF(objs[i]);
    PyMem_Free(objs);
    PyMem_Free(arrs);
    PyMem_Free(types);
    Py_DECREF(seq);
    return result;
}

/* _broadcast_to(array, shape, readonly) -> view */
static PyObject *py_broadcast_to(PyObject *mod, PyObject *args)
{
    (void)mod;
    PyObject *a_o, *shape_o;
    int readonly;
    if (!PyArg_ParseTuple(args, "OOp", &a_o, &shape_o, &readonly))
        return NULL;
    int ndim;
    ptrdiff_t shape[NC_MAXDIMS];
    if (ncpy_parse_shape(shape_o, &ndim, shape) < 0)
        return NULL;
    for (int i = 0; i < ndim; i++)
        if (shape[i] < 0) {
            PyErr_SetString(PyExc_ValueError, "all elements of broadcast shape must be non-negative");
            return NULL;
        }
    PyObject *a = ncpy_asarray(a_o, -1, 0);
    if (!a)
        return NULL;
    nc_geom g;
    nc_status st = nc_view_broadcast_to(&((ncpy_array *)a)->arr, ndim, shape, &g);
    PyObject *r = st ? ncpy_raise(st) : ncpy_geom_view((ncpy_array *)a, &g);
    Py_DECREF(a);
    if (r && readonly)
        ((ncpy_array *)r)->arr.flags &= ~NC_WRITEABLE;
    return r;
}

/* _copyto(dst, src, where, casting) */
static PyObject *py_copyto(PyObject *mod, PyObject *args)
{
    (void)mod;
    PyObject *dst_o, *src_o, *where_o, *casting_o;
    if (!PyArg_ParseTuple(args, "OOOO", &dst_o, &src_o, &where_o, &casting_o))
        return NULL;
    if (!ncpy_array_check(dst_o)) {
        PyErr_Format(PyExc_TypeError, "copyto() argument 1 must be numpy.ndarray, not %s",
                     Py_TYPE(dst_o)->tp_name);
        return NULL;
    }
    nc_casting casting;
    if (parse_casting(casting_o, &casting) < 0)
        return NULL;
    nc_array *dst = &((ncpy_array *)dst_o)->arr;
    if (!(dst->flags & NC_WRITEABLE)) {
        PyErr_SetString(PyExc_ValueError, "assignment destination is read-only");
        return NULL;
    }
    PyObject *src, *where = NULL;
    /* Python scalars take dst's dtype when they fit (NEP 50 weak scalars). */
    if (ncpy_weak_kind(src_o) != NC_WEAK_NONE) {
        nc_dtype_id t = nc_weak_resolve(ncpy_weak_kind(src_o), dst->dtype);
        src = ncpy_scalar_to_array(src_o, t);
    } else {
        src = ncpy_asarray(src_o, -1, 0);
    }
    if (!src)
        return NULL;
    if (where_o != Py_True) {
        where = ncpy_asarray(where_o, -1, 0);
        if (where && ((ncpy_array *)where)->arr.dtype != NC_BOOL) {
            PyObject *w = ncpy_asarray(where, NC_BOOL, 0);
            Py_SETREF(where, w);
        }
        if (!where) {
            Py_DECREF(src);
            return NULL;
        }
    }
    const nc_dtype_id from = ((ncpy_array *)src)->arr.dtype;
    nc_fpe_clear();
    nc_status st = nc_array_copyto(dst, &((ncpy_array *)src)->arr,
                                   where ? &((ncpy_array *)where)->arr : NULL, casting);
    const int fpe = from != dst->dtype ? nc_fpe_read() : 0;
    Py_DECREF(src);
    Py_XDECREF(where);
    if (st)
        return ncpy_raise(st);
    if (ncpy_check_cast(from, dst->dtype, fpe, 1) < 0)
        return NULL;
    Py_RETURN_NONE;
}

/* _shares_memory(a, b, max_work): max_work < 0 exact, 0 bounds only;
 * returns True/False, or None when max_work was exceeded. */
static PyObject *py_shares_memory(PyObject *mod, PyObject *args)
{
    (void)mod;
    PyObject *a_o, *b_o;
    Py_ssize_t max_work;
    if (!PyArg_ParseTuple(args, "OOn", &a_o, &b_o, &max_work))
        return NULL;
    PyObject *a = ncpy_asarray(a_o, -1, 0);
    if (!a)
        return NULL;
    PyObject *b = ncpy_asarray(b_o, -1, 0);
    if (!b) {
        Py_DECREF(a);
        return NULL;
    }
    int res = 0;
    nc_status st;
    Py_BEGIN_ALLOW_THREADS
    st = nc_shares_memory(&((ncpy_array *)a)->arr, &((ncpy_array *)b)->arr, max_work, &res);
    Py_END_ALLOW_THREADS
    Py_DECREF(a);
    Py_DECREF(b);
    if (st)
        return ncpy_raise(st);
    if (res < 0)
        Py_RETURN_NONE;
    return PyBool_FromLong(res);
}

static PyMethodDef manip_functions[] = {
    {"_concatenate", py_concatenate, METH_VARARGS, "concatenate(arrays, axis, out, dtype, casting)"},
    {"_broadcast_to", py_broadcast_to, METH_VARARGS, "broadcast view of an array"},
    {"_copyto", py_copyto, METH_VARARGS, "copyto(dst, src, where, casting)"},
    {"_shares_memory", py_shares_memory, METH_VARARGS, "shares_memory(a, b, max_work)"},
    {NULL, NULL, 0, NULL},
};

int ncpy_init_manip(PyObject *m)
{
    return PyModule_AddFunctions(m, manip_functions);
}
