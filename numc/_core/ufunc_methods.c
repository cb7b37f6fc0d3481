/* ufunc_methods.c: the methods of ufunc objects (reduce, accumulate,
 * reduceat, outer, at), over the core's reduction machinery (reduce.h).
 *
 * Each method parses NumPy's signature, converts operands to arrays, picks
 * the loop with nc_reduce_resolve (or the ordinary resolver for at),
 * calls one core function and applies errstate to the reported flags.
 * outer is pure geometry: it reshapes the operands so that broadcasting
 * forms the outer product and calls the ufunc itself. */
#include "binding.h"
#include "numc/reduce.h"
#include <string.h>

/* Borrowed/new helper: obj -> new reference to an ndarray. */
static PyObject *as_array(PyObject *obj)
{
    if (ncpy_array_check(obj)) {
        Py_INCREF(obj);
        return obj;
    }
    return ncpy_asarray(obj, -1, 0);
}

/* out= may be None, an array or a 1-tuple holding either. */
static int parse_out(PyObject *o, PyObject **out)
{
    *out = NULL;
    if (!o || o == Py_None)
        return 0;
    if (PyTuple_Check(o)) {
        if (PyTuple_GET_SIZE(o) != 1) {
            PyErr_SetString(PyExc_ValueError, "The 'out' tuple must have exactly one entry per ufunc output");
            return -1;
        }
        o = PyTuple_GET_ITEM(o, 0);
        if (o == Py_None)
            return 0;
    }
    if (!ncpy_array_check(o)) {
        PyErr_SetString(PyExc_TypeError, "return arrays must be of ArrayType");
        return -1;
    }
    *out = o;
    return 0;
}

static int parse_dtype(PyObject *o, int *dt)
{
    *dt = -1;
    if (!o || o == Py_None)
        return 0;
    return ncpy_dtype_converter(o, dt) ? 0 : -1;
}

static int parse_axis_int(PyObject *o, int *ax)
{
    if (!PyIndex_Check(o)) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                     Py_TYPE(o)->tp_name);
        return -1;
    }
    Py_ssize_t v = PyNumber_AsSsize_t(o, PyExc_OverflowError);
    if (v == -1 && PyErr_Occurred())
        return -1;
    if (v < -NC_MAXDIMS - 1 || v > NC_MAXDIMS + 1)
        v = v < 0 ? -NC_MAXDIMS - 1 : NC_MAXDIMS + 1; /* still out of bounds for any array */
    *ax = (int)v;
    return 0;
}

/* axis: None (all: *naxes = -1), an int or a tuple of ints. */
static int parse_axes(PyObject *o, int *naxes, int *axes)
{
    if (o == Py_None) {
        *naxes = -1;
        return 0;
    }
    if (PyTuple_Check(o)) {
        Py_ssize_t n = PyTuple_GET_SIZE(o);
        if (n > NC_MAXDIMS) {
            PyErr_SetString(PyExc_ValueError, "too many values in 'axis'");
            return -1;
        }
        for (Py_ssize_t i = 0; i < n; i++)
            if (parse_axis_int(PyTuple_GET_ITEM(o, i), &axes[i]) < 0)
                return -1;
        *naxes = (int)n;
        return 0;
    }
    *naxes = 1;
    return parse_axis_int(o, &axes[0]);
}

/* Wraps a finished core call: errstate, then the result object.  Warnings
 * name the method ("overflow encountered in reduce"), as NumPy's do. */
static PyObject *finish(const char *method, nc_status st, int fpe, PyObject *res, int out_given)
{
    if (st) {
        Py_DECREF(res);
        return ncpy_raise(st);
    }
    if (ncpy_check_fpe(method, fpe) < 0) {
        Py_DECREF(res);
        return NULL;
    }
    return out_given ? res : ncpy_array_return(res);
}

/* The result object: the given out (new reference) or an empty ndarray for
 * the core to fill. */
static PyObject *result_object(PyObject *out)
{
    if (out) {
        Py_INCREF(out);
        return out;
    }
    return (PyObject *)ncpy_array_alloc(&ncpy_array_type);
}

static int check_binary(ncpy_ufunc *self, const char *what)
{
    if (self->signature) {
        PyErr_SetString(PyExc_RuntimeError, "Reduction not defined on ufunc with signature");
        return -1;
    }
    if (self->uf->nin != 2 || self->uf->nout != 1) {
        PyErr_Format(PyExc_ValueError, "%s only supported for binary functions", what);
        return -1;
    }
    return 0;
}

static PyObject *ufunc_reduce(ncpy_ufunc *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"array", "axis", "dtype", "out", "keepdims", "initial", "where", NULL};
    PyObject *arr_o, *axis_o = NULL, *dtype_o = Py_None, *out_o = Py_None, *initial_o = NULL,
             *where_o = Py_True;
    int keepdims = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O|OOOpOO:reduce", kwlist, &arr_o, &axis_o,
                                     &dtype_o, &out_o, &keepdims, &initial_o, &where_o))
        return NULL;
    if (check_binary(self, "reduce") < 0)
        return NULL;
    int naxes = 1, axes[NC_MAXDIMS] = {0}, dt;
    PyObject *out;
    if ((axis_o && parse_axes(axis_o, &naxes, axes) < 0) || parse_dtype(dtype_o, &dt) < 0 ||
        parse_out(out_o, &out) < 0)
        return NULL;
    PyObject *arr = as_array(arr_o), *where = NULL, *res = NULL;
    if (!arr)
        return NULL;
    nc_array *a = &((ncpy_array *)arr)->arr;
    /* NumPy lets axis 0 / -1 name the "axis" of a 0-d array: nothing to reduce. */
    if (a->ndim == 0 && naxes == 1 && (axes[0] == 0 || axes[0] == -1))
        naxes = 0;
    int loop;
    nc_status st = nc_reduce_resolve(self->uf, a->dtype, dt,
                                     out ? (int)((ncpy_array *)out)->arr.dtype : -1, &loop);
    if (st) {
        Py_DECREF(arr);
        return ncpy_raise(st);
    }
    nc_dtype_id T = (nc_dtype_id)self->uf->loops[loop].types[0];
    char init[16];
    int has_init = initial_o && initial_o != Py_None;
    if (has_init && ncpy_store_item(initial_o, T, init) < 0)
        goto done;
    if (where_o != Py_True && !(where = ncpy_asarray(where_o, NC_BOOL, 0)))
        goto done;
    if (!(res = result_object(out)))
        goto done;
    int fpe = 0;
    Py_BEGIN_ALLOW_THREADS
    st = nc_ufunc_reduce(self->uf, loop, a, naxes, axes, keepdims, has_init ? init : NULL,
                         where ? &((ncpy_array *)where)->arr : NULL, &((ncpy_array *)res)->arr, &fpe);
    Py_END_ALLOW_THREADS
    res = finish("reduce", st, fpe, res, out != NULL);
done:
    Py_DECREF(arr);
    Py_XDECREF(where);
    return res;
}

static PyObject *ufunc_accumulate(ncpy_ufunc *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"array", "axis", "dtype", "out", NULL};
    PyObject *arr_o, *axis_o = NULL, *dtype_o = Py_None, *out_o = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O|OOO:accumulate", kwlist, &arr_o, &axis_o,
                                     &dtype_o, &out_o))
        return NULL;
    if (check_binary(self, "accumulate") < 0)
        return NULL;
    int axis = 0, dt;
    PyObject *out;
    if ((axis_o && axis_o != Py_None && parse_axis_int(axis_o, &axis) < 0) ||
        parse_dtype(dtype_o, &dt) < 0 || parse_out(out_o, &out) < 0)
        return NULL;
    PyObject *arr = as_array(arr_o), *res;
    if (!arr)
        return NULL;
    nc_array *a = &((ncpy_array *)arr)->arr;
    if (axis_o == Py_None && a->ndim > 1) {
        Py_DECREF(arr);
        PyErr_SetString(PyExc_ValueError, "accumulate does not allow multiple axes");
        return NULL;
    }
    int loop, fpe = 0;
    nc_status st = nc_reduce_resolve(self->uf, a->dtype, dt, -1, &loop);
    if (st) {
        Py_DECREF(arr);
        return ncpy_raise(st);
    }
    if ((res = result_object(out))) {
        Py_BEGIN_ALLOW_THREADS
        st = nc_ufunc_accumulate(self->uf, loop, a, axis, &((ncpy_array *)res)->arr, &fpe);
        Py_END_ALLOW_THREADS
        res = finish("accumulate", st, fpe, res, 1);
    }
    Py_DECREF(arr);
    return res;
}

static PyObject *ufunc_reduceat(ncpy_ufunc *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"array", "indices", "axis", "dtype", "out", NULL};
    PyObject *arr_o, *idx_o, *axis_o = NULL, *dtype_o = Py_None, *out_o = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "OO|OOO:reduceat", kwlist, &arr_o, &idx_o, &axis_o,
                                     &dtype_o, &out_o))
        return NULL;
    if (check_binary(self, "reduceat") < 0)
        return NULL;
    int axis = 0, dt;
    PyObject *out;
    if ((axis_o && parse_axis_int(axis_o, &axis) < 0) || parse_dtype(dtype_o, &dt) < 0 ||
        parse_out(out_o, &out) < 0)
        return NULL;
    PyObject *arr = as_array(arr_o), *idx = NULL, *res = NULL;
    if (!arr)
        return NULL;
    /* A contiguous int64 copy of the indices (copy=1 keeps it simple). */
    idx = ncpy_asarray(idx_o, NC_INT64, 1);
    if (!idx)
        goto done;
    nc_array *ia = &((ncpy_array *)idx)->arr;
    if (ia->ndim != 1) {
        PyErr_SetString(PyExc_ValueError, "index array must be 1-dimensional");
        goto done;
    }
    nc_array *a = &((ncpy_array *)arr)->arr;
    int loop, fpe = 0;
    nc_status st = nc_reduce_resolve(self->uf, a->dtype, dt,
                                     out ? (int)((ncpy_array *)out)->arr.dtype : -1, &loop);
    if (st) {
        ncpy_raise(st);
        goto done;
    }
    if ((res = result_object(out))) {
        Py_BEGIN_ALLOW_THREADS
        st = nc_ufunc_reduceat(self->uf, loop, a, (const int64_t *)ia->data, ia->size, axis,
                               &((ncpy_array *)res)->arr, &fpe);
        Py_END_ALLOW_THREADS
        res = finish("reduceat", st, fpe, res, 1);
    }
done:
    Py_DECREF(arr);
    Py_XDECREF(idx);
    return res;
}

static PyObject *ufunc_outer(ncpy_ufunc *self, PyObject *args, PyObject *kw)
{
    if (self->signature) {
        PyErr_SetString(PyExc_TypeError, "method outer is not allowed in ufunc with non-trivial signature");
        return NULL;
    }
    if (self->uf->nin != 2) {
        PyErr_SetString(PyExc_ValueError, "outer product only supported for binary functions");
        return NULL;
    }
    if (PyTuple_GET_SIZE(args) != 2) {
        PyErr_SetString(PyExc_TypeError, "outer() takes exactly 2 positional arguments");
        return NULL;
    }
    PyObject *A = as_array(PyTuple_GET_ITEM(args, 0)), *B = NULL, *Av = NULL, *call = NULL,
             *res = NULL;
    if (!A || !(B = as_array(PyTuple_GET_ITEM(args, 1))))
        goto done;
    nc_array *a = &((ncpy_array *)A)->arr, *b = &((ncpy_array *)B)->arr;
    if (a->ndim + b->ndim > NC_MAXDIMS) {
        PyErr_Format(PyExc_ValueError, "maximum supported dimension for an ndarray is %d",
                     NC_MAXDIMS);
        goto done;
    }
    /* A viewed with b->ndim trailing length-1 axes broadcasts against B. */
    ptrdiff_t shape[NC_MAXDIMS], strides[NC_MAXDIMS];
    for (int d = 0; d < a->ndim; d++) {
        shape[d] = a->shape[d];
        strides[d] = a->strides[d];
    }
    for (int d = 0; d < b->ndim; d++) {
        shape[a->ndim + d] = 1;
        strides[a->ndim + d] = 0;
    }
    Av = ncpy_array_view((ncpy_array *)A, a->data, a->dtype, a->ndim + b->ndim, shape, strides);
    if (!Av || !(call = PyTuple_Pack(2, Av, B)))
        goto done;
    res = PyObject_Call((PyObject *)self, call, kw);
done:
    Py_XDECREF(A);
    Py_XDECREF(B);
    Py_XDECREF(Av);
    Py_XDECREF(call);
    return res;
}

/* One entry of at()'s index; arrays are kept alive in `keep`. */
static int parse_at_item(PyObject *o, nc_at_index *ix, PyObject **keep)
{
    if (PySlice_Check(o)) {
        Py_ssize_t start, stop, step;
        if (PySlice_Unpack(o, &start, &stop, &step) < 0)
            return -1;
        ix->kind = 1;
        ix->start = start;
        ix->stop = stop;
        ix->step = step;
        return 0;
    }
    if (PyIndex_Check(o) && !ncpy_array_check(o) && !PyBool_Check(o)) {
        Py_ssize_t v = PyNumber_AsSsize_t(o, PyExc_IndexError);
        if (v == -1 && PyErr_Occurred())
            return -1;
        ix->kind = 0;
        ix->start = v;
        return 0;
    }
    PyObject *arr = as_array(o);
    if (!arr)
        return -1;
    nc_dtype_id dt = ((ncpy_array *)arr)->arr.dtype;
    char k = nc_dtype_info(dt)->kind;
    if ((k != 'i' && k != 'u') && !(((ncpy_array *)arr)->arr.size == 0 && k == 'f')) {
        Py_DECREF(arr);
        PyErr_SetString(PyExc_IndexError,
                        "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices");
        return -1;
    }
    *keep = ncpy_asarray(arr, NC_INT64, 0);
    Py_DECREF(arr);
    if (!*keep)
        return -1;
    ix->kind = 2;
    ix->arr = &((ncpy_array *)*keep)->arr;
    return 0;
}

static PyObject *ufunc_at(ncpy_ufunc *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"a", "indices", "b", NULL};
    PyObject *a_o, *idx_o, *b_o = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "OO|O:at", kwlist, &a_o, &idx_o, &b_o))
        return NULL;
    if (b_o == Py_None)
        b_o = NULL;
    if (!ncpy_array_check(a_o)) {
        PyErr_SetString(PyExc_TypeError, "first operand must be an array");
        return NULL;
    }
    if (self->signature) {
        PyErr_SetString(PyExc_TypeError, "ufunc.at is not supported for generalized ufuncs");
        return NULL;
    }
    const nc_ufunc *uf = self->uf;
    nc_array *a = &((ncpy_array *)a_o)->arr;
    PyObject *keep[NC_MAXDIMS] = {0}, *b = NULL, *res = NULL;
    nc_at_index ix[NC_MAXDIMS];
    int n = 0;
    if (PyTuple_Check(idx_o)) {
        Py_ssize_t m = PyTuple_GET_SIZE(idx_o);
        if (m > a->ndim) {
            PyErr_Format(PyExc_IndexError, "too many indices for array: array is %d-dimensional, but %zd were indexed",
                         a->ndim, m);
            return NULL;
        }
        for (; n < m; n++)
            if (parse_at_item(PyTuple_GET_ITEM(idx_o, n), &ix[n], &keep[n]) < 0)
                goto done;
    } else {
        if (a->ndim == 0) {
            PyErr_SetString(PyExc_IndexError, "too many indices for array: array is 0-dimensional, but 1 were indexed");
            return NULL;
        }
        if (parse_at_item(idx_o, &ix[0], &keep[0]) < 0)
            goto done;
        n = 1;
    }
    int loop;
    nc_dtype_id dts[2] = {a->dtype, a->dtype};
    nc_weak_kind weak[2] = {NC_WEAK_NONE, NC_WEAK_NONE};
    if (uf->nin == 2 && b_o) {
        if ((weak[1] = ncpy_weak_kind(b_o)) == NC_WEAK_NONE) {
            if (!(b = as_array(b_o)))
                goto done;
            dts[1] = ((ncpy_array *)b)->arr.dtype;
        }
    }
    nc_status st = nc_ufunc_resolve(uf, dts, weak, NULL, NC_CAST_SAME_KIND, &loop);
    if (st) {
        ncpy_raise(st);
        goto done;
    }
    if (!nc_can_cast((nc_dtype_id)uf->loops[loop].types[uf->nin], a->dtype, NC_CAST_SAME_KIND)) {
        /* As NumPy: a Python scalar may follow a's dtype (bool += 1). */
        int sig[3] = {-1, -1, -1}, l2;
        sig[uf->nin] = (int)a->dtype;
        if (nc_ufunc_resolve(uf, dts, weak, sig, NC_CAST_SAME_KIND, &l2) == NC_OK) {
            loop = l2;
        } else {
            nc_error_clear();
            char k = nc_dtype_info(a->dtype)->kind;
            int fits = (weak[1] == NC_WEAK_INT && (k == 'b' || k == 'i' || k == 'u')) ||
                       (weak[1] == NC_WEAK_FLOAT && (k == 'f' || k == 'c')) ||
                       (weak[1] == NC_WEAK_COMPLEX && k == 'c');
            for (int l = 0; fits && l < uf->nloops; l++) {
                const uint8_t *t = uf->loops[l].types;
                if (t[0] == a->dtype && t[1] == a->dtype && t[2] == a->dtype) {
                    loop = l;
                    break;
                }
            }
        }
    }
    if (weak[1] != NC_WEAK_NONE &&
        !(b = ncpy_scalar_to_array(b_o, (nc_dtype_id)uf->loops[loop].types[1])))
        goto done;
    int fpe = 0;
    Py_BEGIN_ALLOW_THREADS
    st = nc_ufunc_apply_at(uf, loop, a, n, ix, b ? &((ncpy_array *)b)->arr : NULL, &fpe);
    Py_END_ALLOW_THREADS
    if (st) {
        ncpy_raise(st);
        goto done;
    }
    if (ncpy_check_fpe(uf->name, fpe) < 0)
        goto done;
    res = Py_None;
    Py_INCREF(res);
done:
    for (int i = 0; i < NC_MAXDIMS; i++)
        Py_XDECREF(keep[i]);
    Py_XDECREF(b);
    return res;
}

PyMethodDef ncpy_ufunc_methods[] = {
    {"at", (PyCFunction)(void (*)(void))ufunc_at, METH_VARARGS | METH_KEYWORDS,
     "at(a, indices, b=None, /): unbuffered in-place operation a[indices] = op(a[indices], b)"},
    {"reduce", (PyCFunction)(void (*)(void))ufunc_reduce, METH_VARARGS | METH_KEYWORDS,
     "reduce(array, axis=0, dtype=None, out=None, keepdims=False, initial=<no value>, where=True)"},
    {"accumulate", (PyCFunction)(void (*)(void))ufunc_accumulate, METH_VARARGS | METH_KEYWORDS,
     "accumulate(array, axis=0, dtype=None, out=None)"},
    {"reduceat", (PyCFunction)(void (*)(void))ufunc_reduceat, METH_VARARGS | METH_KEYWORDS,
     "reduceat(array, indices, axis=0, dtype=None, out=None)"},
    {"outer", (PyCFunction)(void (*)(void))ufunc_outer, METH_VARARGS | METH_KEYWORDS,
     "outer(A, B, /, **kwargs)"},
    {NULL, NULL, 0, NULL},
};
