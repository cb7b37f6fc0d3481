/* methods.c: ndarray methods and attributes that reshape, copy, convert and
 * describe arrays (astype, copy, reshape, ravel, transpose, view, item,
 * fill, T, mT, real, imag, flags, iteration, membership).
 *
 * Each method parses its arguments, asks the core for a geometry (view.h)
 * or a copy (nc_array_assign / nc_array_copy_ordered) and wraps the result.
 * Views always share the source's buffer and keep its owner as base; copies
 * own fresh memory.  No loop over array data lives here. */
#include "manip.h"
#include <string.h>

/* --- argument helpers ------------------------------------------------- */

/* order string (None -> dflt) -> 'C' 'F' 'A' 'K'; 0 with ValueError. */
static int parse_order(PyObject *o, char dflt)
{
    if (!o || o == Py_None)
        return dflt;
    const char *s = PyUnicode_Check(o) ? PyUnicode_AsUTF8(o) : NULL;
    if (s && strlen(s) == 1 && strchr("CFAKcfak", s[0]))
        return s[0] & ~0x20;
    if (s || PyUnicode_Check(o))
        PyErr_Format(PyExc_ValueError, "order must be one of 'C', 'F', 'A', or 'K' (got %R)", o);
    else if (!PyErr_Occurred())
        PyErr_Format(PyExc_TypeError, "order must be a str, not %.100s", Py_TYPE(o)->tp_name);
    return 0;
}

static int parse_casting(PyObject *o, nc_casting *out)
{
    static const char *names[] = {"no", "equiv", "safe", "same_kind", "unsafe"};
    const char *s = o && PyUnicode_Check(o) ? PyUnicode_AsUTF8(o) : NULL;
    if (!o) {
        *out = NC_CAST_UNSAFE;
        return 0;
    }
    for (int i = 0; s && i < 5; i++)
        if (strcmp(s, names[i]) == 0) {
            *out = (nc_casting)i;
            return 0;
        }
    PyErr_Format(PyExc_ValueError,
                 "casting must be one of 'no', 'equiv', 'safe', 'same_kind', 'unsafe', 'same_value' (got %R)", o);
    return -1;
}

/* 'A' means F when the array is F- but not C-contiguous. */
static int resolve_a(const nc_array *a, int order)
{
    if (order == 'A')
        return (a->flags & NC_F_CONTIGUOUS) && !(a->flags & NC_C_CONTIGUOUS) ? 'F' : 'C';
    return order;
}

/* New array with the elements of `self` converted to `dtype`, laid out in
 * `order` ('C', 'F', 'A' or 'K'). */
static PyObject *copy_as(ncpy_array *self, nc_dtype_id dtype, int order, nc_casting casting)
{
    ncpy_array *out = ncpy_array_alloc(&ncpy_array_type);
    if (!out)
        return NULL;
    order = resolve_a(&self->arr, order);
    nc_status st = order == 'K'
                       ? nc_array_init_like(&out->arr, &self->arr, dtype, self->arr.ndim, self->arr.shape)
                       : nc_array_init_empty(&out->arr, dtype, self->arr.ndim, self->arr.shape,
                                             order == 'F' ? NC_ORDER_F : NC_ORDER_C, 0);
    if (ncpy_discards_imag(self->arr.dtype, dtype) && nc_can_cast(self->arr.dtype, dtype, casting) &&
        ncpy_warn_complex() < 0) {
        Py_DECREF(out);
        return NULL;
    }
    int fpe = 0;
    if (!st)
        st = nc_array_assign_fpe(&out->arr, &self->arr, casting, &fpe);
    if (st) {
        Py_DECREF(out);
        return ncpy_raise(st);
    }
    if (ncpy_check_cast(self->arr.dtype, dtype, fpe, 0) < 0) {
        Py_DECREF(out);
        return NULL;
    }
    return (PyObject *)out;
}

static PyObject *view_of(ncpy_array *self, const nc_geom *g, nc_status st)
{
    if (st)
        return ncpy_raise(st);
    return ncpy_geom_view(self, g);
}

/* Sequence of ints or a single int -> axes; returns count or -1. */
static int parse_int_list(PyObject *o, int *out, int max, const char *what)
{
    if (PyIndex_Check(o) && !PyTuple_Check(o) && !PyList_Check(o)) {
        Py_ssize_t v = PyNumber_AsSsize_t(o, PyExc_OverflowError);
        if (v == -1 && PyErr_Occurred())
            return -1;
        out[0] = v > INT32_MAX ? INT32_MAX : v < INT32_MIN ? INT32_MIN : (int)v;
        return 1;
    }
    PyObject *seq = PySequence_Fast(o, what);
    if (!seq)
        return -1;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    if (n > max) {
        Py_DECREF(seq);
        PyErr_SetString(PyExc_ValueError, "axes don't match array");
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_ssize_t v = PyNumber_AsSsize_t(PySequence_Fast_GET_ITEM(seq, i), PyExc_OverflowError);
        if (v == -1 && PyErr_Occurred()) {
            Py_DECREF(seq);
            return -1;
        }
        out[i] = v > INT32_MAX ? INT32_MAX : v < INT32_MIN ? INT32_MIN : (int)v;
    }
    Py_DECREF(seq);
    return (int)n;
}

/* --- tolist ----------------------------------------------------------- */

static PyObject *array_tolist_rec(ncpy_array *self, int dim, char *p)
{
    if (dim == self->arr.ndim)
        return ncpy_item_from_data(self->arr.dtype, p);
    PyObject *list = PyList_New(self->arr.shape[dim]);
    if (!list)
        return NULL;
    for (ptrdiff_t i = 0; i < self->arr.shape[dim]; i++) {
        PyObject *x = array_tolist_rec(self, dim + 1, p + i * self->arr.strides[dim]);
        if (!x) {
            Py_DECREF(list);
            return NULL;
        }
        PyList_SET_ITEM(list, i, x);
    }
    return list;
}

static PyObject *array_tolist(PyObject *self, PyObject *args)
{
    (void)args;
    return array_tolist_rec((ncpy_array *)self, 0, ((ncpy_array *)self)->arr.data);
}

/* --- copies and conversions ------------------------------------------ */

static PyObject *array_astype(PyObject *self_, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"dtype", "order", "casting", "subok", "copy", NULL};
    ncpy_array *self = (ncpy_array *)self_;
    int dtype = -1, subok = 1, copy = 1;
    PyObject *order_o = NULL, *casting_o = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O&|OOpp:astype", kwlist, ncpy_dtype_converter, &dtype,
                                     &order_o, &casting_o, &subok, &copy))
        return NULL;
    int order = parse_order(order_o, 'K');
    nc_casting casting;
    if (!order || parse_casting(casting_o, &casting) < 0)
        return NULL;
    if (dtype < 0)
        dtype = NC_FLOAT64;
    if (!nc_can_cast(self->arr.dtype, (nc_dtype_id)dtype, casting)) {
        nc_array tmp = self->arr;
        tmp.dtype = (nc_dtype_id)dtype;
        return ncpy_raise(nc_array_assign(&tmp, &self->arr, casting));
    }
    if (!copy && dtype == (int)self->arr.dtype) {
        int f = self->arr.flags;
        int fits = order == 'K' || (order == 'C' && (f & NC_C_CONTIGUOUS)) ||
                   (order == 'F' && (f & NC_F_CONTIGUOUS)) ||
                   (order == 'A' && (f & (NC_C_CONTIGUOUS | NC_F_CONTIGUOUS)));
        if (fits) {
            Py_INCREF(self);
            return self_;
        }
    }
    return copy_as(self, (nc_dtype_id)dtype, order, casting);
}

static PyObject *array_copy(PyObject *self_, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"order", NULL};
    PyObject *order_o = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "|O:copy", kwlist, &order_o))
        return NULL;
    int order = parse_order(order_o, 'C');
    if (!order)
        return NULL;
    ncpy_array *self = (ncpy_array *)self_;
    return copy_as(self, self->arr.dtype, order, NC_CAST_NO);
}

static PyObject *array_dunder_copy(PyObject *self, PyObject *args)
{
    (void)args;
    return copy_as((ncpy_array *)self, ((ncpy_array *)self)->arr.dtype, 'K', NC_CAST_NO);
}

static PyObject *array_deepcopy(PyObject *self, PyObject *memo)
{
    (void)memo;
    return copy_as((ncpy_array *)self, ((ncpy_array *)self)->arr.dtype, 'K', NC_CAST_NO);
}

static PyObject *array_item(PyObject *self_, PyObject *args)
{
    ncpy_array *self = (ncpy_array *)self_;
    PyObject *idx = args;
    if (PyTuple_GET_SIZE(args) == 1 && PyTuple_Check(PyTuple_GET_ITEM(args, 0)))
        idx = PyTuple_GET_ITEM(args, 0);
    Py_ssize_t n = PyTuple_GET_SIZE(idx);
    ptrdiff_t index[NC_MAXDIMS];
    if (n > NC_MAXDIMS) {
        PyErr_SetString(PyExc_ValueError, "incorrect number of indices for array");
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        index[i] = PyNumber_AsSsize_t(PyTuple_GET_ITEM(idx, i), PyExc_IndexError);
        if (index[i] == -1 && PyErr_Occurred())
            return NULL;
    }
    char *p;
    nc_status st = nc_array_item_ptr(&self->arr, (int)n, index, &p);
    if (st)
        return ncpy_raise(st);
    return ncpy_item_from_data(self->arr.dtype, p);
}

static PyObject *array_fill(PyObject *self_, PyObject *value)
{
    ncpy_array *self = (ncpy_array *)self_;
    if (!(self->arr.flags & NC_WRITEABLE)) {
        PyErr_SetString(PyExc_ValueError, "assignment destination is read-only");
        return NULL;
    }
    PyObject *src = ncpy_assign_source(value, self->arr.dtype);
    if (!src)
        return NULL;
    if (((ncpy_array *)src)->arr.size != 1) {
        Py_DECREF(src);
        PyErr_SetString(PyExc_ValueError, "could not broadcast input array into the destination shape");
        return NULL;
    }
    /* A size-1 source of any ndim: view it as 0-d so it broadcasts. */
    nc_array one = {0};
    ncpy_array *s = (ncpy_array *)src;
    nc_status st = nc_array_init_view(&one, s->arr.buffer, s->arr.data, s->arr.dtype, 0, NULL, NULL, 0);
    if (!st)
        st = nc_array_assign(&self->arr, &one, NC_CAST_UNSAFE);
    nc_array_clear(&one);
    Py_DECREF(src);
    if (st)
        return ncpy_raise(st);
    Py_RETURN_NONE;
}

/* --- shape manipulation ---------------------------------------------- */

/* Parses shape arguments: reshape(2, 3), reshape((2, 3)), reshape([2, 3]). */
static int parse_shape(PyObject *args, ptrdiff_t *shape)
{
    PyObject *o = args;
    if (PyTuple_GET_SIZE(args) == 1 && !PyIndex_Check(PyTuple_GET_ITEM(args, 0)))
        o = PyTuple_GET_ITEM(args, 0);
    int ndim;
    return ncpy_parse_shape(o, &ndim, shape) < 0 ? -1 : ndim;
}

/* reshape core: copy_mode -1 never copy, 0 if needed, 1 always. */
static PyObject *do_reshape(ncpy_array *self, int ndim, ptrdiff_t *shape, int order, int copy_mode)
{
    nc_status st = nc_shape_infer(self->arr.size, ndim, shape, nc_dtype_info(self->arr.dtype)->itemsize);
    if (st)
        return ncpy_raise(st);
    order = resolve_a(&self->arr, order);
    int fortran = order == 'F';
    nc_geom g;
    if (copy_mode <= 0 && nc_reshape_strides(&self->arr, ndim, shape, fortran, g.strides)) {
        g.data = self->arr.data;
        g.dtype = self->arr.dtype;
        g.ndim = ndim;
        memcpy(g.shape, shape, (size_t)ndim * sizeof *shape);
        return ncpy_geom_view(self, &g);
    }
    if (copy_mode < 0) {
        PyErr_SetString(PyExc_ValueError, "Unable to avoid creating a copy while reshaping.");
        return NULL;
    }
    ncpy_array *out = ncpy_array_alloc(&ncpy_array_type);
    if (!out)
        return NULL;
    st = nc_array_init_empty(&out->arr, self->arr.dtype, ndim, shape, fortran ? NC_ORDER_F : NC_ORDER_C, 0);
    if (!st)
        st = nc_array_copy_ordered(&out->arr, &self->arr, fortran, NC_CAST_NO);
    if (st) {
        Py_DECREF(out);
        return ncpy_raise(st);
    }
    return (PyObject *)out;
}

static int parse_copy(PyObject *o, int *mode)
{
    if (!o || o == Py_None) {
        *mode = 0;
        return 0;
    }
    int t = PyObject_IsTrue(o);
    if (t < 0)
        return -1;
    *mode = t ? 1 : -1;
    return 0;
}

static PyObject *array_reshape(PyObject *self_, PyObject *args, PyObject *kw)
{
    ncpy_array *self = (ncpy_array *)self_;
    PyObject *order_o = NULL, *copy_o = NULL, *shape_kw = NULL;
    if (kw) {
        PyObject *key, *val;
        Py_ssize_t pos = 0;
        while (PyDict_Next(kw, &pos, &key, &val)) {
            const char *k = PyUnicode_AsUTF8(key);
            if (!k)
                return NULL;
            if (!strcmp(k, "order"))
                order_o = val;
            else if (!strcmp(k, "copy"))
                copy_o = val;
            else if (!strcmp(k, "shape"))
                shape_kw = val;
            else {
                PyErr_Format(PyExc_TypeError, "reshape() got an unexpected keyword argument '%s'", k);
                return NULL;
            }
        }
    }
    ptrdiff_t shape[NC_MAXDIMS];
    int ndim;
    if (shape_kw) {
        if (PyTuple_GET_SIZE(args)) {
            PyErr_SetString(PyExc_TypeError, "You cannot specify 'newshape' and 'shape' arguments at the same time.");
            return NULL;
        }
        PyObject *t = PyTuple_Pack(1, shape_kw);
        if (!t)
            return NULL;
        ndim = parse_shape(t, shape);
        Py_DECREF(t);
    } else if (PyTuple_GET_SIZE(args) == 0) {
        PyErr_SetString(PyExc_TypeError, "reshape() missing required argument 'shape' (pos 0)");
        return NULL;
    } else {
        ndim = parse_shape(args, shape);
    }
    int copy_mode;
    int order = parse_order(order_o, 'C');
    if (ndim < 0 || !order || parse_copy(copy_o, &copy_mode) < 0)
        return NULL;
    if (order == 'K') {
        PyErr_SetString(PyExc_ValueError, "order 'K' is not permitted for reshaping");
        return NULL;
    }
    return do_reshape(self, ndim, shape, order, copy_mode);
}

static PyObject *ravel_impl(ncpy_array *self, PyObject *args, PyObject *kw, int copy_mode,
                            const char *fname)
{
    static char *kwlist[] = {"order", NULL};
    PyObject *order_o = NULL;
    char fmt[32];
    snprintf(fmt, sizeof fmt, "|O:%s", fname);
    if (!PyArg_ParseTupleAndKeywords(args, kw, fmt, kwlist, &order_o))
        return NULL;
    int order = parse_order(order_o, 'C');
    if (!order)
        return NULL;
    ptrdiff_t n = self->arr.size;
    if (order == 'K') {
        int f = self->arr.flags;
        if ((f & NC_F_CONTIGUOUS) && !(f & NC_C_CONTIGUOUS)) {
            order = 'F';
        } else if (!(f & NC_C_CONTIGUOUS)) {
            /* Memory order: a dense copy laid out like self, read flat. */
            PyObject *c = copy_as(self, self->arr.dtype, 'K', NC_CAST_NO);
            if (!c)
                return NULL;
            ncpy_array *ca = (ncpy_array *)c;
            ptrdiff_t s = nc_dtype_info(ca->arr.dtype)->itemsize;
            char *lo, *hi;
            nc_array_extent(&ca->arr, &lo, &hi);
            PyObject *r = ncpy_array_view(ca, lo, ca->arr.dtype, 1, &n, &s);
            Py_DECREF(c);
            return r;
        } else {
            order = 'C';
        }
    }
    return do_reshape(self, 1, &n, order, copy_mode);
}

static PyObject *array_ravel(PyObject *self, PyObject *args, PyObject *kw)
{
    return ravel_impl((ncpy_array *)self, args, kw, 0, "ravel");
}

static PyObject *array_flatten(PyObject *self, PyObject *args, PyObject *kw)
{
    return ravel_impl((ncpy_array *)self, args, kw, 1, "flatten");
}

static PyObject *array_transpose(PyObject *self_, PyObject *args)
{
    ncpy_array *self = (ncpy_array *)self_;
    int axes[NC_MAXDIMS];
    int n = -1;
    Py_ssize_t na = PyTuple_GET_SIZE(args);
    if (na == 1 && PyTuple_GET_ITEM(args, 0) == Py_None)
        na = 0;
    if (na == 1)
        n = parse_int_list(PyTuple_GET_ITEM(args, 0), axes, NC_MAXDIMS, "axes");
    else if (na > 1)
        n = parse_int_list(args, axes, NC_MAXDIMS, "axes");
    if (na >= 1 && n < 0)
        return NULL;
    nc_geom g;
    return view_of(self, &g, nc_view_transpose(&self->arr, n, na ? axes : NULL, &g));
}

static PyObject *array_swapaxes(PyObject *self_, PyObject *args)
{
    ncpy_array *self = (ncpy_array *)self_;
    Py_ssize_t a1, a2;
    if (!PyArg_ParseTuple(args, "nn:swapaxes", &a1, &a2))
        return NULL;
    /* Clamping keeps huge axes out of range (AxisError), never wrapped. */
    int x1 = a1 > INT32_MAX ? INT32_MAX : a1 < INT32_MIN ? INT32_MIN : (int)a1;
    int x2 = a2 > INT32_MAX ? INT32_MAX : a2 < INT32_MIN ? INT32_MIN : (int)a2;
    nc_geom g;
    return view_of(self, &g, nc_view_swapaxes(&self->arr, x1, x2, &g));
}

static PyObject *array_squeeze(PyObject *self_, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"axis", NULL};
    ncpy_array *self = (ncpy_array *)self_;
    PyObject *axis = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "|O:squeeze", kwlist, &axis))
        return NULL;
    int axes[NC_MAXDIMS];
    int n = -1;
    if (axis != Py_None) {
        if (PyTuple_Check(axis) && PyTuple_GET_SIZE(axis) > NC_MAXDIMS) {
            PyErr_SetString(PyExc_ValueError, "duplicate value in 'axis'");
            return NULL;
        }
        n = parse_int_list(axis, axes, NC_MAXDIMS, "axis");
        if (n < 0)
            return NULL;
    }
    nc_geom g;
    return view_of(self, &g, nc_view_squeeze(&self->arr, n, axes, &g));
}

static PyObject *array_view(PyObject *self_, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"dtype", "type", NULL};
    ncpy_array *self = (ncpy_array *)self_;
    PyObject *dt = Py_None, *type = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "|OO:view", kwlist, &dt, &type))
        return NULL;
    if (dt != Py_None && PyType_Check(dt) && PyType_IsSubtype((PyTypeObject *)dt, &ncpy_array_type)) {
        type = dt;
        dt = Py_None;
    }
    if (type != Py_None && type != (PyObject *)&ncpy_array_type) {
        PyErr_SetString(PyExc_NotImplementedError, "view(type=...) with ndarray subclasses is not supported yet");
        return NULL;
    }
    int dtype = -1;
    if (dt != Py_None && !ncpy_dtype_converter(dt, &dtype))
        return NULL;
    nc_geom g;
    return view_of(self, &g, nc_view_dtype(&self->arr, dtype < 0 ? self->arr.dtype : (nc_dtype_id)dtype, &g));
}

/* --- membership and iteration ---------------------------------------- */

int ncpy_array_contains(PyObject *self_, PyObject *value)
{
    ncpy_array *self = (ncpy_array *)self_;
    PyObject *v;
    if (ncpy_array_check(value)) {
        Py_INCREF(value);
        v = value;
    } else {
        nc_weak_kind wk = ncpy_weak_kind(value);
        nc_dtype_id dt = wk != NC_WEAK_NONE ? nc_weak_resolve(wk, self->arr.dtype) : self->arr.dtype;
        v = wk != NC_WEAK_NONE ? ncpy_scalar_to_array(value, dt) : ncpy_asarray(value, -1, 0);
        if (!v && wk == NC_WEAK_INT && PyErr_ExceptionMatches(PyExc_OverflowError)) {
            /* Out of range for the dtype: equal to no element. */
            PyErr_Clear();
            return 0;
        }
        if (!v)
            return -1;
    }
    ncpy_array *va = (ncpy_array *)v;
    if (va->arr.size != 1) {
        /* Not a single value: fall back to (a == value).any(). */
        PyObject *eq = PyObject_RichCompare(self_, v, Py_EQ);
        Py_DECREF(v);
        if (!eq)
            return -1;
        PyObject *any = PyObject_CallMethod(eq, "any", NULL);
        Py_DECREF(eq);
        if (!any)
            return -1;
        int r = PyObject_IsTrue(any);
        Py_DECREF(any);
        return r;
    }
    int found = 0;
    nc_status st = nc_array_contains(&self->arr, va->arr.dtype, va->arr.data, &found);
    Py_DECREF(v);
    if (st) {
        ncpy_raise(st);
        return -1;
    }
    return found;
}

static PyObject *array_contains_method(PyObject *self, PyObject *value)
{
    int r = ncpy_array_contains(self, value);
    if (r < 0)
        return NULL;
    return PyBool_FromLong(r);
}

typedef struct {
    PyObject_HEAD
    ncpy_array *arr;
    Py_ssize_t i;
} array_iterobj;

static void iter_dealloc(array_iterobj *it)
{
    Py_XDECREF(it->arr);
    PyObject_Free(it);
}

static PyObject *iter_next(array_iterobj *it)
{
    if (!it->arr || it->i >= it->arr->arr.shape[0]) {
        Py_CLEAR(it->arr);
        return NULL;
    }
    return ncpy_array_item_at(it->arr, it->i++);
}

static PyObject *iter_length_hint(array_iterobj *it, PyObject *unused)
{
    (void)unused;
    return PyLong_FromSsize_t(it->arr ? it->arr->arr.shape[0] - it->i : 0);
}

static PyMethodDef iter_methods[] = {
    {"__length_hint__", (PyCFunction)iter_length_hint, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject array_iter_type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "numc.ndarray_iterator",
    .tp_basicsize = sizeof(array_iterobj),
    .tp_dealloc = (destructor)iter_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)iter_next,
    .tp_methods = iter_methods,
};

PyObject *ncpy_array_iter(PyObject *self)
{
    ncpy_array *a = (ncpy_array *)self;
    if (a->arr.ndim == 0) {
        PyErr_SetString(PyExc_TypeError, "iteration over a 0-d array");
        return NULL;
    }
    if (!(array_iter_type.tp_flags & Py_TPFLAGS_READY) && PyType_Ready(&array_iter_type) < 0)
        return NULL;
    array_iterobj *it = PyObject_New(array_iterobj, &array_iter_type);
    if (!it)
        return NULL;
    Py_INCREF(self);
    it->arr = a;
    it->i = 0;
    return (PyObject *)it;
}

/* --- flags ------------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    ncpy_array *arr; /* flags are read live from the array */
} flagsobj;

enum { F_C, F_F, F_O, F_W, F_A, F_X, F_FNC, F_FORC, F_B, F_CA, F_FA, F_NFLAGS };

static int flag_value(ncpy_array *a, int which)
{
    int f = a->arr.flags;
    int c = (f & NC_C_CONTIGUOUS) != 0, fo = (f & NC_F_CONTIGUOUS) != 0;
    int w = (f & NC_WRITEABLE) != 0, al = (f & NC_ALIGNED) != 0;
    switch (which) {
    case F_C: return c;
    case F_F: return fo;
    case F_O: return (f & NC_OWNDATA) != 0;
    case F_W: return w;
    case F_A: return al;
    case F_X: return 0;
    case F_FNC: return fo && !c;
    case F_FORC: return fo || c;
    case F_B: return al && w;
    case F_CA: return c && al && w;
    case F_FA: return (fo || al || w) && !c; /* NumPy's own (loose) definition */
    default: return 0;
    }
}

static int set_writeable(ncpy_array *a, PyObject *v)
{
    if (!v) {
        PyErr_SetString(PyExc_AttributeError, "Cannot delete flags writeable attribute");
        return -1;
    }
    int t = PyObject_IsTrue(v);
    if (t < 0)
        return -1;
    if (!t) {
        a->arr.flags &= ~NC_WRITEABLE;
        return 0;
    }
    PyObject *b = a->base;
    if (b && ncpy_array_check(b) && !(((ncpy_array *)b)->arr.flags & NC_WRITEABLE)) {
        PyErr_SetString(PyExc_ValueError, "cannot set WRITEABLE flag to True of this array");
        return -1;
    }
    if (b && !ncpy_array_check(b)) {
        /* Memory from another exporter: writeable only if it lends it so. */
        Py_buffer view;
        if (PyObject_GetBuffer(b, &view, PyBUF_WRITABLE) < 0) {
            PyErr_Clear();
            PyErr_SetString(PyExc_ValueError, "cannot set WRITEABLE flag to True of this array");
            return -1;
        }
        PyBuffer_Release(&view);
    }
    a->arr.flags |= NC_WRITEABLE;
    return 0;
}

static PyObject *flags_get(flagsobj *self, void *which)
{
    return PyBool_FromLong(flag_value(self->arr, (int)(intptr_t)which));
}

static int flags_set(flagsobj *self, PyObject *v, void *which)
{
    int w = (int)(intptr_t)which;
    if (w == F_W)
        return set_writeable(self->arr, v);
    if (w == F_X || w == F_A) {
        int t = v ? PyObject_IsTrue(v) : 0;
        if (t < 0)
            return -1;
        if (!t || w == F_A)
            return 0; /* numc arrays are always aligned; never write-back copies */
        PyErr_SetString(PyExc_ValueError, "cannot set WRITEBACKIFCOPY flag to True");
        return -1;
    }
    PyErr_SetString(PyExc_AttributeError, "attribute is not writable");
    return -1;
}

#define FLAG(name, w) {name, (getter)flags_get, (setter)flags_set, NULL, (void *)(intptr_t)(w)}
static PyGetSetDef flags_getset[] = {
    FLAG("c_contiguous", F_C), FLAG("contiguous", F_C), FLAG("f_contiguous", F_F),
    FLAG("fortran", F_F), FLAG("owndata", F_O), FLAG("writeable", F_W),
    FLAG("aligned", F_A), FLAG("writebackifcopy", F_X), FLAG("fnc", F_FNC),
    FLAG("forc", F_FORC), FLAG("behaved", F_B), FLAG("carray", F_CA), FLAG("farray", F_FA),
    {NULL, NULL, NULL, NULL, NULL},
};
#undef FLAG

static const struct { const char *key; int which; } flag_keys[] = {
    {"C", F_C}, {"C_CONTIGUOUS", F_C}, {"CONTIGUOUS", F_C}, {"F", F_F}, {"F_CONTIGUOUS", F_F},
    {"FORTRAN", F_F}, {"O", F_O}, {"OWNDATA", F_O}, {"W", F_W}, {"WRITEABLE", F_W},
    {"A", F_A}, {"ALIGNED", F_A}, {"X", F_X}, {"WRITEBACKIFCOPY", F_X}, {"FNC", F_FNC},
    {"FORC", F_FORC}, {"B", F_B}, {"BEHAVED", F_B}, {"CA", F_CA}, {"CARRAY", F_CA},
    {"FA", F_FA}, {"FARRAY", F_FA},
};

static int flag_key(PyObject *key)
{
    const char *k = PyUnicode_Check(key) ? PyUnicode_AsUTF8(key) : NULL;
    for (size_t i = 0; k && i < sizeof flag_keys / sizeof flag_keys[0]; i++)
        if (!strcmp(k, flag_keys[i].key))
            return flag_keys[i].which;
    if (!PyErr_Occurred())
        PyErr_SetString(PyExc_KeyError, "Unknown flag");
    return -1;
}

static PyObject *flags_getitem(flagsobj *self, PyObject *key)
{
    int w = flag_key(key);
    return w < 0 ? NULL : PyBool_FromLong(flag_value(self->arr, w));
}

static int flags_setitem(flagsobj *self, PyObject *key, PyObject *v)
{
    int w = flag_key(key);
    return w < 0 ? -1 : flags_set(self, v, (void *)(intptr_t)w);
}

static PyMappingMethods flags_mapping = {
    .mp_subscript = (binaryfunc)flags_getitem,
    .mp_ass_subscript = (objobjargproc)flags_setitem,
};

static PyObject *flags_repr(flagsobj *self)
{
    static const struct { const char *name; int which; } shown[] = {
        {"C_CONTIGUOUS", F_C}, {"F_CONTIGUOUS", F_F}, {"OWNDATA", F_O},
        {"WRITEABLE", F_W},    {"ALIGNED", F_A},      {"WRITEBACKIFCOPY", F_X},
    };
    char buf[256];
    size_t k = 0;
    for (size_t i = 0; i < 6; i++)
        k += (size_t)snprintf(buf + k, sizeof buf - k, "  %s : %s\n", shown[i].name,
                              flag_value(self->arr, shown[i].which) ? "True" : "False");
    return PyUnicode_FromString(buf);
}

static PyObject *flags_richcompare(PyObject *a, PyObject *b, int op)
{
    if ((op != Py_EQ && op != Py_NE) || Py_TYPE(a) != Py_TYPE(b))
        Py_RETURN_NOTIMPLEMENTED;
    int eq = 1;
    for (int w = 0; w < F_NFLAGS; w++)
        eq &= flag_value(((flagsobj *)a)->arr, w) == flag_value(((flagsobj *)b)->arr, w);
    return PyBool_FromLong(op == Py_EQ ? eq : !eq);
}

static void flags_dealloc(flagsobj *self)
{
    Py_XDECREF(self->arr);
    PyObject_Free(self);
}

static PyTypeObject flags_type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "numc.flagsobj",
    .tp_basicsize = sizeof(flagsobj),
    .tp_dealloc = (destructor)flags_dealloc,
    .tp_repr = (reprfunc)flags_repr,
    .tp_as_mapping = &flags_mapping,
    .tp_richcompare = flags_richcompare,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_getset = flags_getset,
    .tp_doc = "Information about the memory layout of an array.",
};

static PyObject *get_flags(ncpy_array *self, void *c)
{
    (void)c;
    if (!(flags_type.tp_flags & Py_TPFLAGS_READY) && PyType_Ready(&flags_type) < 0)
        return NULL;
    flagsobj *f = PyObject_New(flagsobj, &flags_type);
    if (!f)
        return NULL;
    Py_INCREF(self);
    f->arr = self;
    return (PyObject *)f;
}

/* --- T, mT, real, imag ------------------------------------------------ */

static PyObject *get_T(ncpy_array *self, void *c)
{
    (void)c;
    nc_geom g;
    return view_of(self, &g, nc_view_transpose(&self->arr, -1, NULL, &g));
}

static PyObject *get_mT(ncpy_array *self, void *c)
{
    (void)c;
    if (self->arr.ndim < 2) {
        PyErr_SetString(PyExc_ValueError, "matrix transpose with ndim < 2 is undefined");
        return NULL;
    }
    nc_geom g;
    return view_of(self, &g, nc_view_swapaxes(&self->arr, -2, -1, &g));
}

static nc_dtype_id part_dtype(nc_dtype_id t)
{
    return t == NC_COMPLEX64 ? NC_FLOAT32 : NC_FLOAT64;
}

/* View of the real (imag = 0) or imaginary (imag = 1) parts of a complex
 * array: same shape and byte strides, the float dtype of half the size. */
static PyObject *complex_part(ncpy_array *self, int imag)
{
    nc_dtype_id pt = part_dtype(self->arr.dtype);
    nc_geom g;
    g.data = self->arr.data + (imag ? nc_dtype_info(pt)->itemsize : 0);
    g.dtype = pt;
    g.ndim = self->arr.ndim;
    memcpy(g.shape, self->arr.shape, (size_t)g.ndim * sizeof(ptrdiff_t));
    memcpy(g.strides, self->arr.strides, (size_t)g.ndim * sizeof(ptrdiff_t));
    return ncpy_geom_view(self, &g);
}

static int is_complex(ncpy_array *a)
{
    return nc_dtype_info(a->arr.dtype)->kind == 'c';
}

static PyObject *get_real(ncpy_array *self, void *c)
{
    (void)c;
    if (is_complex(self))
        return complex_part(self, 0);
    Py_INCREF(self);
    return (PyObject *)self;
}

static PyObject *get_imag(ncpy_array *self, void *c)
{
    (void)c;
    if (is_complex(self))
        return complex_part(self, 1);
    PyObject *z = ncpy_array_new(self->arr.dtype, self->arr.ndim, self->arr.shape, NC_ORDER_C, 1);
    if (z)
        ((ncpy_array *)z)->arr.flags &= ~NC_WRITEABLE;
    return z;
}

static int set_part(ncpy_array *self, PyObject *v, int imag)
{
    if (!v) {
        PyErr_SetString(PyExc_AttributeError, "cannot delete array attribute");
        return -1;
    }
    PyObject *target;
    if (is_complex(self)) {
        target = complex_part(self, imag);
    } else if (imag) {
        PyErr_SetString(PyExc_TypeError, "array does not have imaginary part to set");
        return -1;
    } else {
        Py_INCREF(self);
        target = (PyObject *)self;
    }
    if (!target)
        return -1;
    int r = ncpy_array_setitem(target, Py_Ellipsis, v);
    Py_DECREF(target);
    return r;
}

static int set_real(ncpy_array *self, PyObject *v, void *c)
{
    (void)c;
    return set_part(self, v, 0);
}

static int set_imag(ncpy_array *self, PyObject *v, void *c)
{
    (void)c;
    return set_part(self, v, 1);
}

PyMethodDef ncpy_methods_manip[] = {
    {"tolist", array_tolist, METH_NOARGS, "Return the array as a nested list of Python scalars."},
    {"astype", (PyCFunction)(void (*)(void))array_astype, METH_VARARGS | METH_KEYWORDS,
     "astype(dtype, order='K', casting='unsafe', subok=True, copy=True)\n\nCopy of the array, cast to a specified type."},
    {"copy", (PyCFunction)(void (*)(void))array_copy, METH_VARARGS | METH_KEYWORDS,
     "copy(order='C')\n\nReturn a copy of the array."},
    {"__copy__", array_dunder_copy, METH_NOARGS, "Shallow copy (a new array with its own data)."},
    {"__deepcopy__", array_deepcopy, METH_O, "Deep copy of the array."},
    {"item", array_item, METH_VARARGS, "item(*args)\n\nCopy an element of an array to a standard Python scalar."},
    {"fill", array_fill, METH_O, "fill(value)\n\nFill the array with a scalar value."},
    {"reshape", (PyCFunction)(void (*)(void))array_reshape, METH_VARARGS | METH_KEYWORDS,
     "reshape(*shape, order='C', copy=None)\n\nGives a new shape to an array without changing its data."},
    {"ravel", (PyCFunction)(void (*)(void))array_ravel, METH_VARARGS | METH_KEYWORDS,
     "ravel(order='C')\n\nReturn a flattened array (a view when possible)."},
    {"flatten", (PyCFunction)(void (*)(void))array_flatten, METH_VARARGS | METH_KEYWORDS,
     "flatten(order='C')\n\nReturn a copy of the array collapsed into one dimension."},
    {"transpose", array_transpose, METH_VARARGS, "transpose(*axes)\n\nView with axes permuted."},
    {"swapaxes", array_swapaxes, METH_VARARGS, "swapaxes(axis1, axis2)\n\nView with two axes interchanged."},
    {"squeeze", (PyCFunction)(void (*)(void))array_squeeze, METH_VARARGS | METH_KEYWORDS,
     "squeeze(axis=None)\n\nRemove axes of length one."},
    {"view", (PyCFunction)(void (*)(void))array_view, METH_VARARGS | METH_KEYWORDS,
     "view(dtype=None)\n\nNew view of the array's data, optionally with another dtype."},
    {"__contains__", array_contains_method, METH_O, "Return key in self."},
    {NULL, NULL, 0, NULL},
};

PyGetSetDef ncpy_getset_manip[] = {
    {"T", (getter)get_T, NULL, "View of the transposed array.", NULL},
    {"mT", (getter)get_mT, NULL, "View of the matrix-transposed array (last two axes swapped).", NULL},
    {"real", (getter)get_real, (setter)set_real, "The real part of the array.", NULL},
    {"imag", (getter)get_imag, (setter)set_imag, "The imaginary part of the array.", NULL},
    {"flags", (getter)get_flags, NULL, "Information about the memory layout of the array.", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};
