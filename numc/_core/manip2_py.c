/* manip2_py.c: bindings of the rearranging, padding and constructing
 * routines (include/numc/manip_shape.h) as private numc._core functions
 * (_flip, _diagonal, _broadcast_to, _roll, _tile, _repeat, _axis_copy,
 * _fill_cyclic, _pad, _pad_lanes, _tri_zero, _nonzero_bounds) that
 * numc/_manip2.py wraps with NumPy's signatures.
 *
 * Each function parses its arguments, calls one core function and maps the
 * status; index lists arrive as Python ints or integer arrays and are read
 * through a contiguous int64 copy, never element by element in Python. */
#include "binding.h"
#include "manip.h"
#include "numc/manip_shape.h"
#include <string.h>

static ncpy_array *as_array(PyObject *o)
{
    if (ncpy_array_check(o)) {
        Py_INCREF(o);
        return (ncpy_array *)o;
    }
    return (ncpy_array *)ncpy_asarray(o, -1, 0);
}

/* Integer sequence/array -> contiguous int64 nc_array in *tmp (caller
 * clears it).  Non-integer data: TypeError like NumPy's safe cast. */
static int as_index_list(PyObject *o, nc_array *tmp, const ptrdiff_t **data, ptrdiff_t *n)
{
    memset(tmp, 0, sizeof *tmp);
    ncpy_array *a = (ncpy_array *)ncpy_asarray(o, -1, 0);
    if (!a)
        return -1;
    char kind = nc_dtype_info(a->arr.dtype)->kind;
    if (a->arr.size > 0 && kind != 'i' && kind != 'u' && kind != 'b') {
        PyErr_Format(PyExc_TypeError,
                     "Cannot cast array data from dtype('%s') to dtype('int64') according to the rule 'safe'",
                     nc_dtype_info(a->arr.dtype)->name);
        Py_DECREF(a);
        return -1;
    }
    ptrdiff_t size = a->arr.size;
    nc_status st = nc_array_init_empty(tmp, NC_INT64, 1, &size, NC_ORDER_C, 0);
    if (!st) {
        nc_array flat;
        memset(&flat, 0, sizeof flat);
        /* reading in C order: a contiguous source reshapes as a view */
        st = nc_array_init_empty(&flat, NC_INT64, a->arr.ndim, a->arr.shape, NC_ORDER_C, 0);
        if (!st)
            st = nc_array_assign(&flat, &a->arr, NC_CAST_UNSAFE);
        if (!st)
            memcpy(tmp->data, flat.data, (size_t)size * sizeof(int64_t));
        nc_array_clear(&flat);
    }
    Py_DECREF(a);
    if (st) {
        ncpy_raise(st);
        return -1;
    }
    *data = (const ptrdiff_t *)tmp->data;
    *n = size;
    return 0;
}

static PyObject *wrap_new(nc_array *arr)
{
    ncpy_array *r = ncpy_array_alloc(&ncpy_array_type);
    if (!r) {
        nc_array_clear(arr);
        return NULL;
    }
    r->arr = *arr;
    if (r->arr.shape == arr->inline_dims) {
        r->arr.shape = r->arr.inline_dims;
        r->arr.strides = r->arr.inline_dims + NC_INLINE_DIMS;
    }
    return (PyObject *)r;
}

static int int_list(PyObject *o, int *out, int max)
{
    nc_array tmp;
    const ptrdiff_t *d;
    ptrdiff_t n;
    if (as_index_list(o, &tmp, &d, &n) < 0)
        return -1;
    if (n > max) {
        nc_array_clear(&tmp);
        PyErr_SetString(PyExc_ValueError, "too many axes");
        return -1;
    }
    for (ptrdiff_t i = 0; i < n; i++)
        out[i] = d[i] > INT32_MAX ? INT32_MAX : d[i] < INT32_MIN ? INT32_MIN : (int)d[i];
    nc_array_clear(&tmp);
    return (int)n;
}

static PyObject *py_flip(PyObject *self, PyObject *args)
{
    (void)self;
    PyObject *ao, *axo;
    if (!PyArg_ParseTuple(args, "OO", &ao, &axo))
        return NULL;
    ncpy_array *a = as_array(ao);
    if (!a)
        return NULL;
    int axes[NC_MAXDIMS], n = -1;
    if (axo != Py_None && (n = int_list(axo, axes, NC_MAXDIMS)) < 0) {
        Py_DECREF(a);
        return NULL;
    }
    nc_geom g;
    nc_status st = nc_view_flip(&a->arr, n, axes, &g);
    PyObject *r = st ? ncpy_raise(st) : ncpy_geom_view(a, &g);
    Py_DECREF(a);
    return r;
}

static PyObject *py_diagonal(PyObject *self, PyObject *args)
{
    (void)self;
    PyObject *ao;
    Py_ssize_t offset;
    int a1, a2, readonly;
    if (!PyArg_ParseTuple(args, "Onii|p", &ao, &offset, &a1, &a2, &readonly))
        return NULL;
    ncpy_array *a = as_array(ao);
    if (!a)
        return NULL;
    nc_geom g;
    nc_status st = nc_view_diagonal(&a->arr, offset, a1, a2, &g);
    PyObject *r = st ? ncpy_raise(st) : ncpy_geom_view(a, &g);
    if (r && readonly)
        ((ncpy_array *)r)->arr.flags &= ~NC_WRITEABLE;
    Py_DECREF(a);
    return r;
}

static PyObject *py_broadcast_to(PyObject *self, PyObject *args)
{
    (void)self;
    PyObject *ao, *so;
    int readonly = 1;
    if (!PyArg_ParseTuple(args, "OO|p", &ao, &so, &readonly))
        return NULL;
    int ndim;
    ptrdiff_t shape[NC_MAXDIMS];
    if (ncpy_parse_shape(so, &ndim, shape) < 0)
        return NULL;
    ncpy_array *a = as_array(ao);
    if (!a)
        return NULL;
    nc_geom g;
    nc_status st = nc_view_broadcast_to(&a->arr, ndim, shape, &g);
    PyObject *r = st ? ncpy_raise(st) : ncpy_geom_view(a, &g);
    if (r && readonly)
        ((ncpy_array *)r)->arr.flags &= ~NC_WRITEABLE;
    Py_DECREF(a);
    return r;
}

static PyObject *py_roll(PyObject *self, PyObject *args)
{
    (void)self;
    PyObject *ao, *so, *axo;
    if (!PyArg_ParseTuple(args, "OOO", &ao, &so, &axo))
        return NULL;
    ncpy_array *a = as_array(ao);
    if (!a)
        return NULL;
    nc_array tmp;
    const ptrdiff_t *shifts;
    ptrdiff_t ns;
    int axes[NC_MAXDIMS];
    int na = int_list(axo, axes, NC_MAXDIMS);
    if (na < 0 || as_index_list(so, &tmp, &shifts, &ns) < 0) {
        Py_DECREF(a);
        return NULL;
    }
    PyObject *r = NULL;
    if (ns != na) {
        PyErr_SetString(PyExc_ValueError, "shift and axis must have the same length");
    } else {
        r = ncpy_array_new(a->arr.dtype, a->arr.ndim, a->arr.shape, NC_ORDER_C, 0);
        if (r) {
            nc_status st = nc_roll(&((ncpy_array *)r)->arr, &a->arr, na, axes, shifts);
            if (st) {
                Py_CLEAR(r);
                ncpy_raise(st);
            }
        }
    }
    nc_array_clear(&tmp);
    Py_DECREF(a);
    return r;
}

static PyObject *py_tile(PyObject *self, PyObject *args)
{
    (void)self;
    PyObject *ao, *ro;
    if (!PyArg_ParseTuple(args, "OO", &ao, &ro))
        return NULL;
    ncpy_array *a = as_array(ao);
    if (!a)
        return NULL;
    nc_array tmp, out;
    const ptrdiff_t *reps;
    ptrdiff_t n;
    memset(&out, 0, sizeof out);
    if (as_index_list(ro, &tmp, &reps, &n) < 0) {
        Py_DECREF(a);
        return NULL;
    }
    nc_status st = n > NC_MAXDIMS ? nc_error_set(NC_ERR_VALUE, "tile: too many dimensions")
                                  : nc_tile(&a->arr, (int)n, reps, &out);
    nc_array_clear(&tmp);
    Py_DECREF(a);
    if (st)
        return ncpy_raise(st);
    return wrap_new(&out);
}

static PyObject *py_repeat(PyObject *self, PyObject *args)
{
    (void)self;
    PyObject *ao, *ro;
    int axis;
    if (!PyArg_ParseTuple(args, "OOi", &ao, &ro, &axis))
        return NULL;
    ncpy_array *a = as_array(ao);
    if (!a)
        return NULL;
    nc_array tmp, out;
    const ptrdiff_t *reps;
    ptrdiff_t n;
    memset(&out, 0, sizeof out);
    if (as_index_list(ro, &tmp, &reps, &n) < 0) {
        Py_DECREF(a);
        return NULL;
    }
    nc_status st = nc_repeat(&a->arr, axis, n, reps, &out);
    nc_array_clear(&tmp);
    Py_DECREF(a);
    if (st)
        return ncpy_raise(st);
    return wrap_new(&out);
}

static PyObject *py_axis_copy(PyObject *self, PyObject *args)
{
    (void)self;
    PyObject *d, *dio, *s, *sio;
    int axis;
    Py_ssize_t n;
    if (!PyArg_ParseTuple(args, "O!OO!Oin", &ncpy_array_type, &d, &dio, &ncpy_array_type, &s, &sio,
                          &axis, &n))
        return NULL;
    nc_array dt, stt;
    const ptrdiff_t *di = NULL, *si = NULL;
    ptrdiff_t dn = n, sn = n;
    memset(&dt, 0, sizeof dt);
    memset(&stt, 0, sizeof stt);
    if ((dio != Py_None && as_index_list(dio, &dt, &di, &dn) < 0) ||
        (sio != Py_None && as_index_list(sio, &stt, &si, &sn) < 0)) {
        nc_array_clear(&dt);
        return NULL;
    }
    nc_status st = (dn < n || sn < n) ? nc_error_set(NC_ERR_VALUE, "index lists too short")
                                      : nc_axis_copy_idx(&((ncpy_array *)d)->arr, di,
                                                         &((ncpy_array *)s)->arr, si, axis, n);
    nc_array_clear(&dt);
    nc_array_clear(&stt);
    if (st)
        return ncpy_raise(st);
    Py_RETURN_NONE;
}

static PyObject *py_fill_cyclic(PyObject *self, PyObject *args)
{
    (void)self;
    PyObject *d, *s;
    if (!PyArg_ParseTuple(args, "O!O!", &ncpy_array_type, &d, &ncpy_array_type, &s))
        return NULL;
    nc_status st = nc_fill_cyclic(&((ncpy_array *)d)->arr, &((ncpy_array *)s)->arr);
    if (st)
        return ncpy_raise(st);
    Py_RETURN_NONE;
}

static PyObject *py_pad(PyObject *self, PyObject *args)
{
    (void)self;
    PyObject *ao, *wo, *co;
    int mode;
    if (!PyArg_ParseTuple(args, "OOiO", &ao, &wo, &mode, &co))
        return NULL;
    if (mode < NC_PAD_CONSTANT || mode > NC_PAD_EMPTY) {
        PyErr_SetString(PyExc_ValueError, "bad pad mode");
        return NULL;
    }
    ncpy_array *a = as_array(ao);
    if (!a)
        return NULL;
    nc_array tmp, out;
    const ptrdiff_t *w;
    ptrdiff_t n;
    memset(&out, 0, sizeof out);
    if (as_index_list(wo, &tmp, &w, &n) < 0) {
        Py_DECREF(a);
        return NULL;
    }
    const char *cv = NULL;
    nc_status st = NC_OK;
    if (n != 2 * a->arr.ndim)
        st = nc_error_set(NC_ERR_VALUE, "pad widths do not match the array");
    if (!st && mode == NC_PAD_CONSTANT) {
        ncpy_array *c = ncpy_array_check(co) ? (ncpy_array *)co : NULL;
        if (!c || c->arr.dtype != a->arr.dtype || !(c->arr.flags & NC_C_CONTIGUOUS) ||
            c->arr.size != n)
            st = nc_error_set(NC_ERR_VALUE, "constant values must be a contiguous array of the input dtype");
        else
            cv = c->arr.data;
    }
    if (!st)
        st = nc_pad(&a->arr, w, (nc_pad_mode)mode, cv, &out);
    nc_array_clear(&tmp);
    Py_DECREF(a);
    if (st)
        return ncpy_raise(st);
    return wrap_new(&out);
}

/* _pad_first(a, widths, stat, lengths): (padded array with the pads of
 * axis 0 filled by a statistic, rows_done) -- see nc_pad_first_lanes;
 * lengths holds two stat lengths per axis (-1: the whole center). */
static PyObject *py_pad_first(PyObject *self, PyObject *args)
{
    (void)self;
    PyObject *ao, *wo, *lo;
    int stat;
    if (!PyArg_ParseTuple(args, "OOiO", &ao, &wo, &stat, &lo))
        return NULL;
    if (stat < NC_PADSTAT_MAX || stat >= NC_PADSTAT_RAMP) {
        PyErr_SetString(PyExc_ValueError, "bad pad statistic");
        return NULL;
    }
    ncpy_array *a = as_array(ao);
    if (!a)
        return NULL;
    nc_array tmp, ltmp, out;
    const ptrdiff_t *w, *lens;
    ptrdiff_t n, nl;
    int rows_done = 0;
    memset(&out, 0, sizeof out);
    if (as_index_list(wo, &tmp, &w, &n) < 0) {
        Py_DECREF(a);
        return NULL;
    }
    if (as_index_list(lo, &ltmp, &lens, &nl) < 0) {
        nc_array_clear(&tmp);
        Py_DECREF(a);
        return NULL;
    }
    nc_status st = n != 2 * a->arr.ndim || nl != n
                       ? nc_error_set(NC_ERR_VALUE, "pad widths do not match the array")
                       : nc_pad_first_lanes(&a->arr, w, (nc_pad_stat)stat, lens, &out,
                                            &rows_done);
    nc_array_clear(&tmp);
    nc_array_clear(&ltmp);
    Py_DECREF(a);
    if (st)
        return ncpy_raise(st);
    PyObject *r = wrap_new(&out);
    return r ? Py_BuildValue("Ni", r, rows_done) : NULL;
}

static PyObject *py_pad_lanes(PyObject *self, PyObject *args)
{
    (void)self;
    PyObject *d, *wo, *co;
    int axis, stat;
    Py_ssize_t l0, l1;
    double ends[4];
    if (!PyArg_ParseTuple(args, "O!iOOi(nn)(dddd)", &ncpy_array_type, &d, &axis, &wo, &co, &stat,
                          &l0, &l1, &ends[0], &ends[1], &ends[2], &ends[3]))
        return NULL;
    if (stat < NC_PADSTAT_MAX || stat > NC_PADSTAT_RAMP) {
        PyErr_SetString(PyExc_ValueError, "bad pad statistic");
        return NULL;
    }
    nc_array wt, ct;
    const ptrdiff_t *w, *c;
    ptrdiff_t nw, ncn, lengths[2] = {l0, l1};
    nc_array *out = &((ncpy_array *)d)->arr;
    if (as_index_list(wo, &wt, &w, &nw) < 0)
        return NULL;
    if (as_index_list(co, &ct, &c, &ncn) < 0) {
        nc_array_clear(&wt);
        return NULL;
    }
    nc_status st = (nw != 2 * out->ndim || ncn != out->ndim)
                       ? nc_error_set(NC_ERR_VALUE, "pad widths do not match the array")
                       : nc_pad_lanes(out, axis, w, c, (nc_pad_stat)stat, lengths, ends);
    nc_array_clear(&wt);
    nc_array_clear(&ct);
    if (st)
        return ncpy_raise(st);
    Py_RETURN_NONE;
}

static PyObject *py_tri_zero(PyObject *self, PyObject *args)
{
    (void)self;
    PyObject *d;
    Py_ssize_t k;
    int upper;
    if (!PyArg_ParseTuple(args, "O!np", &ncpy_array_type, &d, &k, &upper))
        return NULL;
    nc_status st = nc_tri_zero(&((ncpy_array *)d)->arr, k, upper);
    if (st)
        return ncpy_raise(st);
    Py_RETURN_NONE;
}

static PyObject *py_nonzero_bounds(PyObject *self, PyObject *arg)
{
    (void)self;
    ncpy_array *a = as_array(arg);
    if (!a)
        return NULL;
    ptrdiff_t lo[NC_MAXDIMS], hi[NC_MAXDIMS];
    nc_status st = nc_nonzero_bounds(&a->arr, lo, hi);
    int nd = a->arr.ndim;
    Py_DECREF(a);
    if (st)
        return ncpy_raise(st);
    PyObject *l = PyTuple_New(nd), *h = PyTuple_New(nd);
    if (!l || !h) {
        Py_XDECREF(l);
        Py_XDECREF(h);
        return NULL;
    }
    for (int i = 0; i < nd; i++) {
        PyTuple_SET_ITEM(l, i, PyLong_FromSsize_t(lo[i]));
        PyTuple_SET_ITEM(h, i, PyLong_FromSsize_t(hi[i]));
    }
    return Py_BuildValue("NN", l, h);
}

static PyMethodDef manip2_functions[] = {
    {"_flip", py_flip, METH_VARARGS, NULL},
    {"_diagonal", py_diagonal, METH_VARARGS, NULL},
    {"_broadcast_to", py_broadcast_to, METH_VARARGS, NULL},
    {"_roll", py_roll, METH_VARARGS, NULL},
    {"_tile", py_tile, METH_VARARGS, NULL},
    {"_repeat", py_repeat, METH_VARARGS, NULL},
    {"_axis_copy", py_axis_copy, METH_VARARGS, NULL},
    {"_fill_cyclic", py_fill_cyclic, METH_VARARGS, NULL},
    {"_pad", py_pad, METH_VARARGS, NULL},
    {"_pad_lanes", py_pad_lanes, METH_VARARGS, NULL},
    {"_pad_first", py_pad_first, METH_VARARGS, NULL},
    {"_tri_zero", py_tri_zero, METH_VARARGS, NULL},
    {"_nonzero_bounds", py_nonzero_bounds, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

int ncpy_init_manip2(PyObject *m)
{
    return PyModule_AddFunctions(m, manip2_functions);
}
