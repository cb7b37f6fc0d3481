/* select_py.c: the binding of selection routines (take, put, nonzero,
 * where, as_strided) and of NEP 21's oindex/vindex attributes.
 *
 * Every function converts its arguments, builds views whose geometry the
 * core expects (indexed axis first) and calls one core function; the
 * composite routines (compress, choose, select, ...) are Python in
 * numc/_select.py on top of these.  Index arrays reach the core as int64. */
#include "select_py.h"

static int parse_mode(PyObject *o, nc_clipmode *mode)
{
    if (!o || o == Py_None) {
        *mode = NC_CLIP_RAISE;
        return 0;
    }
    const char *s = PyUnicode_Check(o) ? PyUnicode_AsUTF8(o) : NULL;
    if (s && (!strcmp(s, "raise") || !strcmp(s, "r")))
        *mode = NC_CLIP_RAISE;
    else if (s && (!strcmp(s, "wrap") || !strcmp(s, "w")))
        *mode = NC_CLIP_WRAP;
    else if (s && (!strcmp(s, "clip") || !strcmp(s, "c")))
        *mode = NC_CLIP_CLIP;
    else {
        PyErr_Format(PyExc_ValueError, "clipmode must be one of 'clip', 'raise', or 'wrap' (got %R)", o);
        return -1;
    }
    return 0;
}

PyObject *ncpy_take_axis(nc_array *a, const nc_array *ix, int axis, nc_clipmode mode)
{
    int ndim = a->ndim - 1 + ix->ndim;
    if (ndim > NC_MAXDIMS) {
        PyErr_SetString(PyExc_ValueError, "too many dimensions");
        return NULL;
    }
    ptrdiff_t shape[NC_MAXDIMS], sshape[NC_MAXDIMS], sstr[NC_MAXDIMS], bshape[NC_MAXDIMS],
        bstr[NC_MAXDIMS];
    int o = 0;
    for (int d = 0; d < axis; d++)
        shape[o++] = a->shape[d];
    for (int d = 0; d < ix->ndim; d++)
        shape[o++] = ix->shape[d];
    for (int d = axis + 1; d < a->ndim; d++)
        shape[o++] = a->shape[d];
    PyObject *res = ncpy_array_new(a->dtype, ndim, shape, NC_ORDER_C, 0);
    if (!res)
        return NULL;
    nc_array *r = &((ncpy_array *)res)->arr;
    nc_status st;
    if (axis == 0) {
        /* already in the core's (indexed, rest) order: no views to build,
         * which is most of the cost of a small x[idx] */
        st = nc_index_gather(a, 1, ix, &axis, mode, r);
        if (st) {
            Py_DECREF(res);
            return ncpy_raise(st);
        }
        return res;
    }
    /* source: axis first; block: index dims, then the other axes */
    sshape[0] = a->shape[axis];
    sstr[0] = a->strides[axis];
    for (int d = 0, k = 1; d < a->ndim; d++)
        if (d != axis) {
            sshape[k] = a->shape[d];
            sstr[k++] = a->strides[d];
        }
    for (int d = 0; d < ix->ndim; d++) {
        bshape[d] = ix->shape[d];
        bstr[d] = r->strides[axis + d];
    }
    for (int d = 0, k = ix->ndim; d < a->ndim; d++)
        if (d != axis) {
            int rd = d < axis ? d : d - 1 + ix->ndim;
            bshape[k] = r->shape[rd];
            bstr[k++] = r->strides[rd];
        }
    nc_array src = {0}, blk = {0};
    st = nc_array_init_view(&src, a->buffer, a->data, a->dtype, a->ndim, sshape, sstr, 0);
    if (!st)
        st = nc_array_init_view(&blk, r->buffer, r->data, r->dtype, ndim, bshape, bstr, 1);
    if (!st)
        st = nc_index_gather(&src, 1, ix, &axis, mode, &blk);
    nc_array_clear(&src);
    nc_array_clear(&blk);
    if (st) {
        Py_DECREF(res);
        return ncpy_raise(st);
    }
    return res;
}

/* _take(a, indices, axis, mode) */
static PyObject *py_take(PyObject *mod, PyObject *args)
{
    (void)mod;
    PyObject *ao, *io, *mo = NULL;
    int axis;
    if (!PyArg_ParseTuple(args, "O!Oi|O", &ncpy_array_type, &ao, &io, &axis, &mo))
        return NULL;
    nc_clipmode mode;
    if (parse_mode(mo, &mode) < 0)
        return NULL;
    nc_array *a = &((ncpy_array *)ao)->arr;
    if (nc_normalize_axis(axis, a->ndim, &axis))
        return ncpy_raise(NC_ERR_AXIS);
    PyObject *io64 = ncpy_intp_array(io);
    if (!io64)
        return NULL;
    PyObject *res = ncpy_take_axis(a, &((ncpy_array *)io64)->arr, axis, mode);
    Py_DECREF(io64);
    return res;
}

/* _put(a, indices, values, mode): a writeable 1-d ndarray; values are
 * broadcast to the shape of indices (the caller repeats them). */
static PyObject *py_put(PyObject *mod, PyObject *args)
{
    (void)mod;
    PyObject *ao, *io, *vo, *mo = NULL;
    if (!PyArg_ParseTuple(args, "O!OO|O", &ncpy_array_type, &ao, &io, &vo, &mo))
        return NULL;
    nc_clipmode mode;
    if (parse_mode(mo, &mode) < 0)
        return NULL;
    nc_array *a = &((ncpy_array *)ao)->arr;
    if (a->ndim != 1) {
        PyErr_SetString(PyExc_ValueError, "_put needs a 1-d array");
        return NULL;
    }
    if (!(a->flags & NC_WRITEABLE)) {
        PyErr_SetString(PyExc_ValueError, "assignment destination is read-only");
        return NULL;
    }
    PyObject *io64 = ncpy_intp_array(io), *val = NULL;
    if (!io64)
        return NULL;
    nc_array *ix = &((ncpy_array *)io64)->arr;
    nc_array bv = {0};
    nc_status st = NC_OK;
    int axis = 0, ok = 0;
    if ((val = ncpy_cast_value(vo, a->dtype)) &&
        ncpy_broadcast_value(&((ncpy_array *)val)->arr, ix->ndim, ix->shape, &bv) == 0) {
        if (mode != NC_CLIP_RAISE && a->shape[0] == 0 && ix->size > 0) {
            PyErr_SetString(PyExc_IndexError, "cannot replace elements of an empty array");
        } else if ((st = nc_index_scatter(a, 1, ix, &axis, mode, &bv))) {
            if (st == NC_ERR_INDEX)
                PyErr_SetString(PyExc_IndexError, nc_error_message());
            else
                ncpy_raise(st);
        } else {
            ok = 1;
        }
    }
    nc_array_clear(&bv);
    Py_XDECREF(val);
    Py_DECREF(io64);
    if (!ok)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *nonzero_of(ncpy_array *a)
{
    if (a->arr.ndim == 0) {
        PyErr_SetString(PyExc_ValueError,
                        "Calling nonzero on 0d arrays is not allowed. Use "
                        "np.atleast_1d(scalar).nonzero() instead. If the context of this error "
                        "is of the form `arr[nonzero(cond)]`, just use `arr[cond]`.");
        return NULL;
    }
    ncpy_array *nz = ncpy_array_alloc(&ncpy_array_type);
    if (!nz)
        return NULL;
    nc_status st = nc_nonzero(&a->arr, &nz->arr);
    if (st) {
        Py_DECREF(nz);
        return ncpy_raise(st);
    }
    int nd = a->arr.ndim;
    PyObject *t = PyTuple_New(nd);
    ptrdiff_t cnt = nz->arr.shape[1], s = 8;
    for (int k = 0; t && k < nd; k++) {
        PyObject *row = ncpy_array_view(nz, nz->arr.data + k * cnt * 8, NC_INT64, 1, &cnt, &s);
        if (!row) {
            Py_CLEAR(t);
            break;
        }
        PyTuple_SET_ITEM(t, k, row);
    }
    Py_DECREF(nz);
    return t;
}

static PyObject *py_nonzero(PyObject *mod, PyObject *o)
{
    (void)mod;
    PyObject *a = ncpy_asarray(o, -1, 0);
    if (!a)
        return NULL;
    PyObject *r = nonzero_of((ncpy_array *)a);
    Py_DECREF(a);
    return r;
}

/* Strong dtype of an operand of where, or its weak kind. */
static PyObject *where_operand(PyObject *o, nc_dtype_id *dt, nc_weak_kind *wk)
{
    /* weak Python scalars enter the result dtype by an unsafe cast, as in
     * NumPy (np.where(c, int8, 1000) wraps) */
    *wk = ncpy_weak_kind(o);
    PyObject *a = ncpy_asarray(o, -1, 0);
    if (a)
        *dt = ((ncpy_array *)a)->arr.dtype;
    return a;
}

/* _where(cond, x, y) */
static PyObject *py_where(PyObject *mod, PyObject *args)
{
    (void)mod;
    PyObject *co, *xo, *yo;
    if (!PyArg_ParseTuple(args, "OOO", &co, &xo, &yo))
        return NULL;
    PyObject *c = NULL, *x = NULL, *y = NULL, *res = NULL, *xc = NULL, *yc = NULL;
    nc_dtype_id dts[2] = {NC_BOOL, NC_BOOL}, strong[2];
    nc_weak_kind wks[2], weak[2];
    int ns = 0, nw = 0;
    if (!(c = ncpy_asarray(co, -1, 0)) || !(x = where_operand(xo, &dts[0], &wks[0])) ||
        !(y = where_operand(yo, &dts[1], &wks[1])))
        goto done;
    for (int i = 0; i < 2; i++) {
        if (wks[i] == NC_WEAK_NONE)
            strong[ns++] = dts[i];
        else
            weak[nw++] = wks[i];
    }
    nc_dtype_id rt = nc_result_type(ns, strong, nw, weak);
    if (((ncpy_array *)c)->arr.dtype != NC_BOOL) {
        nc_array *ca = &((ncpy_array *)c)->arr;
        PyObject *cb = ncpy_array_new(NC_BOOL, ca->ndim, ca->shape, NC_ORDER_C, 0);
        nc_status st = cb ? nc_array_copy(&((ncpy_array *)cb)->arr, ca, NC_CAST_UNSAFE) : NC_OK;
        Py_SETREF(c, cb);
        if (!cb || st) {
            if (st)
                ncpy_raise(st);
            goto done;
        }
    }
    if (!(xc = ncpy_cast_value(x, rt)) || !(yc = ncpy_cast_value(y, rt)))
        goto done;
    nc_array *ops[3] = {&((ncpy_array *)c)->arr, &((ncpy_array *)xc)->arr,
                        &((ncpy_array *)yc)->arr};
    int nds[3];
    const ptrdiff_t *shp[3];
    for (int i = 0; i < 3; i++) {
        nds[i] = ops[i]->ndim;
        shp[i] = ops[i]->shape;
    }
    int ndim;
    ptrdiff_t shape[NC_MAXDIMS];
    nc_status st = nc_broadcast_shapes(3, nds, shp, &ndim, shape);
    if (st) {
        ncpy_raise(st);
        goto done;
    }
    if (!(res = ncpy_array_new(rt, ndim, shape, NC_ORDER_C, 0)))
        goto done;
    if ((st = nc_where(ops[0], ops[1], ops[2], &((ncpy_array *)res)->arr))) {
        Py_CLEAR(res);
        ncpy_raise(st);
    }
done:
    Py_XDECREF(c);
    Py_XDECREF(x);
    Py_XDECREF(y);
    Py_XDECREF(xc);
    Py_XDECREF(yc);
    return res;
}

/* _as_strided(x, shape, strides, writeable, check_bounds) */
static PyObject *py_as_strided(PyObject *mod, PyObject *args)
{
    (void)mod;
    PyObject *xo, *so, *to;
    int writeable, check;
    if (!PyArg_ParseTuple(args, "O!OOpp", &ncpy_array_type, &xo, &so, &to, &writeable, &check))
        return NULL;
    ncpy_array *x = (ncpy_array *)xo;
    int nd, nd2;
    ptrdiff_t shape[NC_MAXDIMS], strides[NC_MAXDIMS];
    if (ncpy_parse_shape(so, &nd, shape) < 0)
        return NULL;
    if (PyLong_Check(to)) {
        PyErr_SetString(PyExc_TypeError, "strides must be a sequence");
        return NULL;
    }
    PyObject *seq = PySequence_Fast(to, "strides must be a sequence");
    if (!seq)
        return NULL;
    nd2 = (int)PySequence_Fast_GET_SIZE(seq);
    if (nd2 != nd) {
        Py_DECREF(seq);
        PyErr_SetString(PyExc_ValueError, "mismatch in length of strides and shape");
        return NULL;
    }
    for (int i = 0; i < nd; i++) {
        strides[i] = PyLong_AsSsize_t(PySequence_Fast_GET_ITEM(seq, i));
        if (strides[i] == -1 && PyErr_Occurred()) {
            Py_DECREF(seq);
            return NULL;
        }
    }
    Py_DECREF(seq);
    for (int i = 0; i < nd; i++)
        if (shape[i] < 0) {
            PyErr_SetString(PyExc_ValueError, "negative dimensions are not allowed");
            return NULL;
        }
    ptrdiff_t size;
    nc_status st = nc_shape_size(nd, shape, nc_dtype_info(x->arr.dtype)->itemsize, &size);
    if (st)
        return ncpy_raise(st);
    if (check && (st = nc_view_check_extent(x->arr.buffer, x->arr.data, nd, shape, strides,
                                            nc_dtype_info(x->arr.dtype)->itemsize)))
        return ncpy_raise(st);
    PyObject *r = ncpy_array_view(x, x->arr.data, x->arr.dtype, nd, shape, strides);
    if (r && (!writeable || !(x->arr.flags & NC_WRITEABLE)))
        ((ncpy_array *)r)->arr.flags &= ~NC_WRITEABLE;
    return r;
}

static PyMethodDef module_functions[] = {
    {"_take", py_take, METH_VARARGS, NULL},
    {"_put", py_put, METH_VARARGS, NULL},
    {"_nonzero", py_nonzero, METH_O, NULL},
    {"_where", py_where, METH_VARARGS, NULL},
    {"_as_strided", py_as_strided, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

/* --- ndarray methods: forwarded to numc._select ------------------------- */

#define FORWARD(METHOD, FUNC)                                                              \
    static PyObject *m_##METHOD(PyObject *self, PyObject *const *args, Py_ssize_t nargs,   \
                                PyObject *kwnames)                                         \
    {                                                                                      \
        static PyObject *fn;                                                               \
        return ncpy_forward("numc._select", FUNC, &fn, self, args, nargs, kwnames);        \
    }
FORWARD(put, "put")
FORWARD(compress, "_method_compress")
FORWARD(choose, "choose")
#undef FORWARD

/* a.take(indices[, axis]) with an int64 index array of at least one
 * dimension runs here; everything else (out=, mode=, other index types,
 * the scalar result of 0-d indices) goes to numc._select, whose errors are
 * the reference. */
static PyObject *m_take(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                        PyObject *kwnames)
{
    static PyObject *fn;
    nc_array *a = &((ncpy_array *)self)->arr;
    if (!kwnames && (nargs == 1 || nargs == 2) && ncpy_array_check(args[0]) &&
        ((ncpy_array *)args[0])->arr.dtype == NC_INT64 && ((ncpy_array *)args[0])->arr.ndim > 0) {
        int axis = 0, ok = 0;
        if (nargs == 1 || args[1] == Py_None) {
            ok = a->ndim == 1; /* the ravel of a 1-d array is the array */
        } else if (PyLong_CheckExact(args[1]) && a->ndim > 0) {
            long v = PyLong_AsLong(args[1]);
            if (v == -1 && PyErr_Occurred())
                PyErr_Clear();
            else if (v >= -a->ndim && v < a->ndim)
                axis = (int)(v < 0 ? v + a->ndim : v), ok = 1;
        }
        if (ok)
            return ncpy_take_axis(a, &((ncpy_array *)args[0])->arr, axis, NC_CLIP_RAISE);
    }
    return ncpy_forward("numc._select", "_method_take", &fn, self, args, nargs, kwnames);
}

static PyObject *m_nonzero(PyObject *s, PyObject *unused)
{
    (void)unused;
    return nonzero_of((ncpy_array *)s);
}

PyMethodDef ncpy_methods_select[] = {
    {"take", (PyCFunction)(void (*)(void))m_take, METH_FASTCALL | METH_KEYWORDS, NULL},
    {"put", (PyCFunction)(void (*)(void))m_put, METH_FASTCALL | METH_KEYWORDS, NULL},
    {"compress", (PyCFunction)(void (*)(void))m_compress, METH_FASTCALL | METH_KEYWORDS, NULL},
    {"choose", (PyCFunction)(void (*)(void))m_choose, METH_FASTCALL | METH_KEYWORDS, NULL},
    {"nonzero", m_nonzero, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

/* --- oindex / vindex (NEP 21) ----------------------------------------------- */

typedef struct {
    PyObject_HEAD
    ncpy_array *arr;
    int mode;
} ncpy_indexer;

static void indexer_dealloc(PyObject *o)
{
    Py_XDECREF(((ncpy_indexer *)o)->arr);
    Py_TYPE(o)->tp_free(o);
}

static PyObject *indexer_get(PyObject *o, PyObject *key)
{
    ncpy_indexer *ix = (ncpy_indexer *)o;
    return ncpy_index_get(ix->arr, key, ix->mode);
}

static int indexer_set(PyObject *o, PyObject *key, PyObject *value)
{
    ncpy_indexer *ix = (ncpy_indexer *)o;
    return ncpy_index_set(ix->arr, key, value, ix->mode);
}

static PyObject *indexer_repr(PyObject *o)
{
    ncpy_indexer *ix = (ncpy_indexer *)o;
    return PyUnicode_FromFormat("<%s indexer of an ndarray>",
                                ix->mode == NCPY_IDX_OINDEX ? "oindex" : "vindex");
}

static PyMappingMethods indexer_mapping = {
    .mp_subscript = indexer_get,
    .mp_ass_subscript = indexer_set,
};

static PyTypeObject ncpy_indexer_type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "numc.ndarray_indexer",
    .tp_basicsize = sizeof(ncpy_indexer),
    .tp_dealloc = indexer_dealloc,
    .tp_as_mapping = &indexer_mapping,
    .tp_repr = indexer_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "x.oindex[...] / x.vindex[...]: NEP 21 indexing modes (see docs/user/indexing_modes.md)",
};

static PyObject *make_indexer(PyObject *self, int mode)
{
    ncpy_indexer *ix = PyObject_New(ncpy_indexer, &ncpy_indexer_type);
    if (!ix)
        return NULL;
    Py_INCREF(self);
    ix->arr = (ncpy_array *)self;
    ix->mode = mode;
    return (PyObject *)ix;
}

static PyObject *get_oindex(PyObject *self, void *c)
{
    (void)c;
    return make_indexer(self, NCPY_IDX_OINDEX);
}

static PyObject *get_vindex(PyObject *self, void *c)
{
    (void)c;
    return make_indexer(self, NCPY_IDX_VINDEX);
}

PyGetSetDef ncpy_getset_select[] = {
    {"oindex", get_oindex, NULL, "outer (orthogonal) indexing, NEP 21", NULL},
    {"vindex", get_vindex, NULL, "vectorised indexing (broadcast dimensions first), NEP 21", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

int ncpy_init_select(PyObject *m)
{
    if (PyType_Ready(&ncpy_indexer_type) < 0)
        return -1;
    return PyModule_AddFunctions(m, module_functions);
}
