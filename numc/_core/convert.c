/* convert.c: Python objects <-> array elements and arrays.
 *
 * ncpy_from_object (behind numc.array/asarray and ncpy_asarray) accepts, in
 * NumPy's order: numc arrays; Python scalars; objects with the buffer
 * protocol (memoryview, bytearray, array.array, NumPy arrays and scalars);
 * __array_interface__ (version 3); __array__; nested sequences.  bytes and
 * str are refused (numc has no string dtypes).
 *
 * Protocol imports are zero-copy: the exporter's memory is wrapped in an
 * nc_buffer whose release hook drops the Py_buffer / exporter reference
 * (taking the GIL, since the last array may die anywhere), the new array's
 * base is the exporter, and a readonly exporter gives a non-writeable array.
 * A copy is made only when dtype/order/copy ask for one.
 *
 * Nested sequences are discovered (shape and promoted dtype) in one pass and
 * copied into a fresh C-ordered array in a second.  Python scalars inside
 * sequences take their default dtypes (int64, uint64 above the int64 range,
 * float64, complex128, bool), as in NumPy; as ufunc operands they are "weak"
 * instead (ncpy_weak_kind). */
#include "creation.h"
#include <string.h>

nc_weak_kind ncpy_weak_kind(PyObject *o)
{
    if (PyFloat_CheckExact(o))
        return NC_WEAK_FLOAT;
    if (PyLong_CheckExact(o))
        return NC_WEAK_INT;
    if (PyComplex_CheckExact(o))
        return NC_WEAK_COMPLEX;
    return NC_WEAK_NONE;
}

PyObject *ncpy_item_from_data(nc_dtype_id dtype, const char *p)
{
    switch (dtype) {
#define INT_CASE(ID, T, CONV) case ID: { T v; memcpy(&v, p, sizeof v); return CONV(v); }
    case NC_BOOL: return PyBool_FromLong(*(const uint8_t *)p != 0);
    INT_CASE(NC_INT8, int8_t, PyLong_FromLong)
    INT_CASE(NC_UINT8, uint8_t, PyLong_FromLong)
    INT_CASE(NC_INT16, int16_t, PyLong_FromLong)
    INT_CASE(NC_UINT16, uint16_t, PyLong_FromLong)
    INT_CASE(NC_INT32, int32_t, PyLong_FromLong)
    INT_CASE(NC_UINT32, uint32_t, PyLong_FromUnsignedLong)
    INT_CASE(NC_INT64, int64_t, PyLong_FromLongLong)
    INT_CASE(NC_UINT64, uint64_t, PyLong_FromUnsignedLongLong)
    INT_CASE(NC_FLOAT32, float, PyFloat_FromDouble)
    INT_CASE(NC_FLOAT64, double, PyFloat_FromDouble)
#undef INT_CASE
    case NC_FLOAT16: { nc_half h; memcpy(&h, p, 2); return PyFloat_FromDouble(nc_half_to_double(h)); }
    case NC_COMPLEX64: { nc_cfloat c; memcpy(&c, p, sizeof c); return PyComplex_FromDoubles(c.re, c.im); }
    case NC_COMPLEX128: { nc_cdouble c; memcpy(&c, p, sizeof c); return PyComplex_FromDoubles(c.re, c.im); }
    default: break;
    }
    PyErr_SetString(PyExc_SystemError, "bad dtype");
    return NULL;
}

static int int_out_of_bounds(PyObject *obj, nc_dtype_id dtype)
{
    PyErr_Format(PyExc_OverflowError, "Python integer %R out of bounds for %s", obj,
                 nc_dtype_info(dtype)->name);
    return -1;
}

/* Stores a Python int into an integer dtype, refusing values out of range
 * (NumPy 2 behaviour for Python ints). */
static int store_int(PyObject *obj, nc_dtype_id dtype, char *dst)
{
    int overflow = 0;
    long long v = PyLong_AsLongLongAndOverflow(obj, &overflow);
    if (v == -1 && PyErr_Occurred())
        return -1;
    if (overflow) {
        if (dtype != NC_UINT64 || overflow < 0)
            return int_out_of_bounds(obj, dtype);
        unsigned long long u = PyLong_AsUnsignedLongLong(obj);
        if (u == (unsigned long long)-1 && PyErr_Occurred()) {
            PyErr_Clear();
            return int_out_of_bounds(obj, dtype);
        }
        memcpy(dst, &u, 8);
        return 0;
    }
    switch (dtype) {
#define RANGE(ID, T, LO, HI) case ID: { if (v < (LO) || v > (HI)) return int_out_of_bounds(obj, dtype); T t = (T)v; memcpy(dst, &t, sizeof t); return 0; }
    RANGE(NC_INT8, int8_t, INT8_MIN, INT8_MAX)
    RANGE(NC_UINT8, uint8_t, 0, UINT8_MAX)
    RANGE(NC_INT16, int16_t, INT16_MIN, INT16_MAX)
    RANGE(NC_UINT16, uint16_t, 0, UINT16_MAX)
    RANGE(NC_INT32, int32_t, INT32_MIN, INT32_MAX)
    RANGE(NC_UINT32, uint32_t, 0, UINT32_MAX)
    RANGE(NC_INT64, int64_t, INT64_MIN, INT64_MAX)
    RANGE(NC_UINT64, uint64_t, 0, INT64_MAX)
#undef RANGE
    default: break;
    }
    return -2; /* not an integer dtype */
}

int ncpy_store_item(PyObject *obj, nc_dtype_id dtype, char *dst)
{
    char kind = nc_dtype_info(dtype)->kind;
    /* numc scalars and 0-d arrays: cast their value. */
    nc_dtype_id sd;
    char sbuf[16];
    if (ncpy_scalar_unpack(obj, &sd, sbuf)) {
        nc_cast_get(sd, dtype)(sbuf, 0, dst, 0, 1);
        return 0;
    }
    if (ncpy_array_check(obj)) {
        ncpy_array *a = (ncpy_array *)obj;
        if (a->arr.size != 1) {
            PyErr_SetString(PyExc_ValueError, "setting an array element with a sequence.");
            return -1;
        }
        nc_cast_get(a->arr.dtype, dtype)(a->arr.data, 0, dst, 0, 1);
        return 0;
    }
    if (PyBool_Check(obj)) {
        uint8_t b = obj == Py_True;
        nc_cast_get(NC_BOOL, dtype)((const char *)&b, 0, dst, 0, 1);
        return 0;
    }
    if (PyLong_Check(obj) && kind != 'f' && kind != 'c' && kind != 'b') {
        int r = store_int(obj, dtype, dst);
        if (r != -2)
            return r;
    }
    if (kind == 'c') {
        Py_complex c = PyComplex_AsCComplex(obj);
        if (c.real == -1.0 && PyErr_Occurred())
            return -1;
        nc_cdouble v = {c.real, c.imag};
        nc_cast_get(NC_COMPLEX128, dtype)((const char *)&v, 0, dst, 0, 1);
        return 0;
    }
    if (kind == 'b') {
        int t = PyObject_IsTrue(obj);
        if (t < 0)
            return -1;
        *(uint8_t *)dst = (uint8_t)t;
        return 0;
    }
    if (PyComplex_Check(obj)) {
        PyErr_SetString(PyExc_TypeError, "can't convert complex to float");
        return -1;
    }
    /* Python floats into integer dtypes go through int(), range-checked as in NumPy. */
    if (kind == 'f' || (PyFloat_Check(obj) && kind != 'i' && kind != 'u')) {
        double d = PyFloat_AsDouble(obj);
        if (d == -1.0 && PyErr_Occurred())
            return -1;
        nc_cast_get(NC_FLOAT64, dtype)((const char *)&d, 0, dst, 0, 1);
        return 0;
    }
    /* Integer dtype, object that is not an int: use __index__ or __int__. */
    PyObject *i = PyNumber_Long(obj);
    if (!i)
        return -1;
    int r = store_int(i, dtype, dst);
    Py_DECREF(i);
    return r;
}

PyObject *ncpy_scalar_to_array(PyObject *obj, nc_dtype_id dtype)
{
    PyObject *a = ncpy_array_new(dtype, 0, NULL, NC_ORDER_C, 0);
    if (!a)
        return NULL;
    if (ncpy_store_item(obj, dtype, ((ncpy_array *)a)->arr.data) < 0) {
        Py_DECREF(a);
        return NULL;
    }
    return a;
}

/* --- buffer formats and typestrs ---------------------------------------- */

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "numc's typestrs assume a little-endian machine"
#endif

const char *ncpy_dtype_format(nc_dtype_id id)
{
    static const char *f[NC_NTYPES] = {"?", "b", "B", "h", "H", "i", "I", "l", "L",
                                       "e", "f", "d", "Zf", "Zd"};
    return f[id];
}

const char *ncpy_dtype_typestr(nc_dtype_id id)
{
    static const char *t[NC_NTYPES] = {"|b1", "|i1", "|u1", "<i2", "<u2", "<i4", "<u4",
                                       "<i8", "<u8", "<f2", "<f4", "<f8", "<c8", "<c16"};
    return t[id];
}

/* dtype of kind character k ('b' bool, 'i', 'u', 'f', 'c') and size; -1 if none. */
static int dtype_of_kind(char k, Py_ssize_t size)
{
    for (int i = 0; i < NC_NTYPES; i++) {
        const nc_dtype *d = nc_dtype_info((nc_dtype_id)i);
        if (d->kind == k && d->itemsize == size)
            return i;
    }
    return -1;
}

int ncpy_format_dtype(const char *fmt, Py_ssize_t itemsize)
{
    const char *f = fmt ? fmt : "B";
    if (*f == '>' || *f == '!') {
        if (itemsize != 1) {
            PyErr_Format(PyExc_TypeError, "numc does not support non-native byte order (buffer format '%s')", fmt);
            return -1;
        }
        f++;
    } else if (*f == '@' || *f == '=' || *f == '<' || *f == '|') {
        f++;
    }
    int cplx = *f == 'Z';
    if (cplx)
        f++;
    char c = *f;
    int dt = -1;
    if (c && !f[1]) {
        if (cplx)
            dt = (c == 'e' || c == 'f' || c == 'd') ? dtype_of_kind('c', itemsize) : -1;
        else if (c == '?')
            dt = itemsize == 1 ? NC_BOOL : -1;
        else if (strchr("bhilqn", c))
            dt = dtype_of_kind('i', itemsize);
        else if (strchr("BHILQN", c))
            dt = dtype_of_kind('u', itemsize);
        else if (strchr("efd", c))
            dt = dtype_of_kind('f', itemsize);
    }
    if (dt < 0)
        PyErr_Format(PyExc_TypeError, "numc cannot convert buffer format '%s' (itemsize %zd) to a dtype",
                     fmt, itemsize);
    return dt;
}

int ncpy_order_parse(PyObject *o, nc_order dflt, nc_order *out)
{
    if (o == NULL || o == Py_None) {
        *out = dflt;
        return 1;
    }
    const char *s = PyUnicode_Check(o) ? PyUnicode_AsUTF8(o) : NULL;
    if (!s) {
        if (!PyErr_Occurred())
            PyErr_Format(PyExc_TypeError, "order must be str, not %s", Py_TYPE(o)->tp_name);
        return 0;
    }
    switch (s[0] && !s[1] ? s[0] : 0) {
    case 'C': case 'c': *out = NC_ORDER_C; return 1;
    case 'F': case 'f': *out = NC_ORDER_F; return 1;
    case 'A': case 'a': *out = NC_ORDER_A; return 1;
    case 'K': case 'k': *out = NC_ORDER_K; return 1;
    default: break;
    }
    PyErr_Format(PyExc_ValueError, "order must be one of 'C', 'F', 'A', or 'K' (got %R)", o);
    return 0;
}

/* --- wrapping foreign memory -------------------------------------------- */

/* Release hooks may run from any thread that drops the last array. */
static void release_pybuffer(nc_buffer *b)
{
    PyGILState_STATE g = PyGILState_Ensure();
    Py_buffer *v = b->ctx;
    PyBuffer_Release(v);
    PyMem_RawFree(v);
    PyGILState_Release(g);
}

static void release_pyobject(nc_buffer *b)
{
    PyGILState_STATE g = PyGILState_Ensure();
    Py_DECREF((PyObject *)b->ctx);
    PyGILState_Release(g);
}

/* New ndarray over `buf` (borrowed; the array takes its own reference). */
static PyObject *wrap_view(nc_buffer *buf, char *data, nc_dtype_id dtype, int ndim,
                           const ptrdiff_t *shape, const ptrdiff_t *strides, int writeable,
                           PyObject *base)
{
    ptrdiff_t size;
    nc_status st = nc_shape_size(ndim, shape, nc_dtype_info(dtype)->itemsize, &size);
    if (st)
        return ncpy_raise(st);
    ncpy_array *a = ncpy_array_alloc(&ncpy_array_type);
    if (!a)
        return NULL;
    st = nc_array_init_view(&a->arr, buf, data, dtype, ndim, shape, strides, writeable);
    if (st) {
        Py_DECREF(a);
        return ncpy_raise(st);
    }
    Py_INCREF(base);
    a->base = base;
    return (PyObject *)a;
}

PyObject *ncpy_wrap_pybuffer(Py_buffer *v, PyObject *base, char *data, nc_dtype_id dt, int ndim,
                             const ptrdiff_t *shape, const ptrdiff_t *strides)
{
    nc_buffer *buf;
    nc_status st = nc_buffer_wrap(v->buf, (size_t)v->len, release_pybuffer, v, &buf);
    if (st) {
        PyBuffer_Release(v);
        PyMem_RawFree(v);
        return ncpy_raise(st);
    }
    /* From here the buffer owns v: dropping buf releases it. */
    PyObject *r = wrap_view(buf, data, dt, ndim, shape, strides, !v->readonly, base);
    nc_buffer_decref(buf);
    return r;
}

PyObject *ncpy_from_buffer_protocol(PyObject *obj)
{
    if (!PyObject_CheckBuffer(obj))
        return NULL;
    Py_buffer *v = PyMem_RawMalloc(sizeof *v);
    if (!v)
        return PyErr_NoMemory();
    if (PyObject_GetBuffer(obj, v, PyBUF_RECORDS_RO) < 0) {
        PyMem_RawFree(v);
        return NULL;
    }
    int dt = ncpy_format_dtype(v->format, v->itemsize);
    if (dt < 0 || v->ndim > NC_MAXDIMS) {
        if (dt >= 0)
            PyErr_Format(PyExc_ValueError, "maximum supported dimension for an ndarray is currently %d, found %d",
                         NC_MAXDIMS, v->ndim);
        PyBuffer_Release(v);
        PyMem_RawFree(v);
        return NULL;
    }
    ptrdiff_t one_dim = v->itemsize ? v->len / v->itemsize : 0;
    int ndim = v->shape ? v->ndim : (v->ndim == 0 ? 0 : 1);
    const ptrdiff_t *shape = v->shape ? v->shape : &one_dim;
    return ncpy_wrap_pybuffer(v, obj, v->buf, (nc_dtype_id)dt, ndim, shape, v->strides);
}

/* Reads a tuple of ints of length ndim (or an int when allow_int). */
static int int_tuple(PyObject *t, const char *what, int *ndim, ptrdiff_t *out)
{
    if (!PyTuple_Check(t)) {
        PyErr_Format(PyExc_TypeError, "__array_interface__ %s must be a tuple", what);
        return -1;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(t);
    if (n > NC_MAXDIMS) {
        PyErr_Format(PyExc_ValueError, "maximum supported dimension for an ndarray is currently %d, found %zd",
                     NC_MAXDIMS, n);
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        out[i] = PyNumber_AsSsize_t(PyTuple_GET_ITEM(t, i), PyExc_OverflowError);
        if (out[i] == -1 && PyErr_Occurred())
            return -1;
    }
    *ndim = (int)n;
    return 0;
}

static PyObject *from_array_interface(PyObject *obj, PyObject *iface)
{
    if (!PyDict_Check(iface)) {
        PyErr_SetString(PyExc_ValueError, "Invalid __array_interface__ value, must be a dict");
        return NULL;
    }
    PyObject *shape_o = PyDict_GetItemString(iface, "shape");
    PyObject *typestr = PyDict_GetItemString(iface, "typestr");
    PyObject *data = PyDict_GetItemString(iface, "data");
    PyObject *strides_o = PyDict_GetItemString(iface, "strides");
    PyObject *offset_o = PyDict_GetItemString(iface, "offset");
    if (!shape_o || !typestr || !PyUnicode_Check(typestr)) {
        PyErr_SetString(PyExc_ValueError, "Missing __array_interface__ shape or typestr");
        return NULL;
    }
    ptrdiff_t shape[NC_MAXDIMS], strides[NC_MAXDIMS];
    int ndim, sndim;
    if (int_tuple(shape_o, "shape", &ndim, shape) < 0)
        return NULL;
    const char *ts = PyUnicode_AsUTF8(typestr);
    if (!ts)
        return NULL;
    int dt = -1;
    if ((ts[0] == '<' || ts[0] == '|' || ts[0] == '=' || ts[0] == '>') && ts[1]) {
        char *end;
        long size = strtol(ts + 2, &end, 10);
        if (*end == '\0' && size > 0)
            dt = dtype_of_kind(ts[1], size);
        if (dt >= 0 && ts[0] == '>' && size > 1)
            dt = -1;
    }
    if (dt < 0) {
        PyErr_Format(PyExc_TypeError, "numc does not support the __array_interface__ typestr '%s'", ts);
        return NULL;
    }
    int itemsize = nc_dtype_info((nc_dtype_id)dt)->itemsize;
    ptrdiff_t size;
    nc_status st = nc_shape_size(ndim, shape, itemsize, &size);
    if (st)
        return ncpy_raise(st);
    const ptrdiff_t *sp = NULL;
    if (strides_o && strides_o != Py_None) {
        if (int_tuple(strides_o, "strides", &sndim, strides) < 0)
            return NULL;
        if (sndim != ndim) {
            PyErr_SetString(PyExc_ValueError, "__array_interface__ strides must match shape");
            return NULL;
        }
        sp = strides;
    }
    ptrdiff_t offset = 0;
    if (offset_o) {
        offset = PyNumber_AsSsize_t(offset_o, PyExc_OverflowError);
        if (offset == -1 && PyErr_Occurred())
            return NULL;
    }
    if (data && PyTuple_Check(data) && PyTuple_GET_SIZE(data) == 2) {
        void *ptr = PyLong_AsVoidPtr(PyTuple_GET_ITEM(data, 0));
        if (!ptr && PyErr_Occurred())
            return NULL;
        int ro = PyObject_IsTrue(PyTuple_GET_ITEM(data, 1));
        if (ro < 0)
            return NULL;
        if (!ptr && size) {
            PyErr_SetString(PyExc_ValueError, "__array_interface__ data pointer is NULL");
            return NULL;
        }
        nc_buffer *buf;
        if ((st = nc_buffer_wrap(ptr, (size_t)size * (size_t)itemsize, release_pyobject, obj, &buf)))
            return ncpy_raise(st);
        Py_INCREF(obj); /* owned by buf */
        PyObject *r = wrap_view(buf, (char *)ptr + offset, (nc_dtype_id)dt, ndim, shape, sp, !ro, obj);
        nc_buffer_decref(buf);
        return r;
    }
    /* data is an object with the buffer protocol (or None: obj itself). */
    PyObject *src = (data && data != Py_None) ? data : obj;
    PyObject *flat = ncpy_from_buffer_protocol(src);
    if (!flat) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_TypeError, "__array_interface__ data must be a (pointer, readonly) tuple or a buffer");
        return NULL;
    }
    ncpy_array *f = (ncpy_array *)flat;
    ptrdiff_t avail = (ptrdiff_t)f->arr.buffer->size;
    if (offset < 0 || (sp == NULL && offset + size * itemsize > avail)) {
        Py_DECREF(flat);
        PyErr_SetString(PyExc_ValueError, "__array_interface__ data buffer is too small");
        return NULL;
    }
    PyObject *r = wrap_view(f->arr.buffer, f->arr.data + offset, (nc_dtype_id)dt, ndim, shape, sp,
                            (f->arr.flags & NC_WRITEABLE) != 0, obj);
    Py_DECREF(flat);
    return r;
}

static PyObject *from_dunder_array(PyObject *obj, PyObject *meth, int copy)
{
    PyObject *r;
    if (copy != 0) {
        PyObject *kw = Py_BuildValue("{s:O}", "copy", copy > 0 ? Py_True : Py_False);
        if (!kw)
            return NULL;
        PyObject *noargs = PyTuple_New(0);
        r = noargs ? PyObject_Call(meth, noargs, kw) : NULL;
        Py_XDECREF(noargs);
        Py_DECREF(kw);
        if (!r && PyErr_ExceptionMatches(PyExc_TypeError)) {
            PyErr_Clear();
            r = PyObject_CallNoArgs(meth);
        }
    } else {
        r = PyObject_CallNoArgs(meth);
    }
    (void)obj;
    if (!r)
        return NULL;
    if (ncpy_array_check(r))
        return r;
    PyObject *a = ncpy_from_buffer_protocol(r);
    if (!a && !PyErr_Occurred()) {
        PyObject *iface = PyObject_GetAttrString(r, "__array_interface__");
        if (iface) {
            a = from_array_interface(r, iface);
            Py_DECREF(iface);
        } else {
            PyErr_Clear();
            PyErr_SetString(PyExc_ValueError, "object __array__ method not producing an array");
        }
    }
    Py_DECREF(r);
    return a;
}

/* obj as an ndarray through an array protocol: new reference; NULL with
 * no exception set when obj speaks none of them. */
static PyObject *from_protocols(PyObject *obj, int copy)
{
    if (PyBytes_Check(obj) || PyUnicode_Check(obj))
        return NULL;
    PyObject *a = ncpy_from_buffer_protocol(obj);
    if (a || PyErr_Occurred())
        return a;
    if (PyList_Check(obj) || PyTuple_Check(obj) || PyLong_Check(obj) || PyFloat_Check(obj) ||
        PyComplex_Check(obj))
        return NULL;
    PyObject *iface = PyObject_GetAttrString(obj, "__array_interface__");
    if (iface) {
        a = from_array_interface(obj, iface);
        Py_DECREF(iface);
        return a;
    }
    if (!PyErr_ExceptionMatches(PyExc_AttributeError))
        return NULL;
    PyErr_Clear();
    PyObject *meth = PyObject_GetAttrString(obj, "__array__");
    if (meth) {
        a = from_dunder_array(obj, meth, copy);
        Py_DECREF(meth);
        return a;
    }
    if (!PyErr_ExceptionMatches(PyExc_AttributeError))
        return NULL;
    PyErr_Clear();
    return NULL;
}

/* --- nested sequences -------------------------------------------------- */

typedef struct {
    int ndim;             /* -1 until the first leaf fixes it */
    ptrdiff_t shape[NC_MAXDIMS];
    int dtype;            /* promoted so far; -1 none */
} discovery;

static int scalar_dtype(PyObject *o, int *dt)
{
    nc_dtype_id sd;
    char buf[16];
    if (PyBool_Check(o)) { *dt = NC_BOOL; return 1; }
    if (PyLong_Check(o)) {
        int overflow;
        long long v = PyLong_AsLongLongAndOverflow(o, &overflow);
        (void)v;
        *dt = overflow > 0 ? NC_UINT64 : NC_INT64;
        return 1;
    }
    if (PyFloat_Check(o)) { *dt = NC_FLOAT64; return 1; }
    if (PyComplex_Check(o)) { *dt = NC_COMPLEX128; return 1; }
    if (ncpy_scalar_unpack(o, &sd, buf)) { *dt = sd; return 1; }
    return 0;
}

static int ragged(int depth, const discovery *d)
{
    PyObject *t = PyTuple_New(depth);
    if (!t)
        return -1;
    for (int i = 0; i < depth; i++) {
        PyObject *x = PyLong_FromSsize_t(d->shape[i]);
        if (!x) {
            Py_DECREF(t);
            return -1;
        }
        PyTuple_SET_ITEM(t, i, x);
    }
    PyErr_Format(PyExc_ValueError,
                 "setting an array element with a sequence. The requested array has an "
                 "inhomogeneous shape after %d dimensions. The detected shape was %R + "
                 "inhomogeneous part.", depth, t);
    Py_DECREF(t);
    return -1;
}

static void merge_dtype(discovery *d, int dt)
{
    d->dtype = d->dtype < 0 ? dt : (int)nc_promote_types((nc_dtype_id)d->dtype, (nc_dtype_id)dt);
}

static int too_deep(int nd)
{
    PyErr_Format(PyExc_ValueError, "maximum supported dimension for an ndarray is currently %d, found %d",
                 NC_MAXDIMS, nd);
    return -1;
}

static int leaf_at(discovery *d, int depth, int leaf_ndim, const ptrdiff_t *leaf_shape)
{
    int nd = depth + leaf_ndim;
    if (d->ndim < 0) {
        if (nd > NC_MAXDIMS)
            return too_deep(nd);
        d->ndim = nd;
        for (int i = 0; i < leaf_ndim; i++)
            d->shape[depth + i] = leaf_shape[i];
        return 0;
    }
    if (d->ndim != nd)
        return ragged(depth < d->ndim ? depth : d->ndim, d);
    for (int i = 0; i < leaf_ndim; i++)
        if (d->shape[depth + i] != leaf_shape[i])
            return ragged(depth + i, d);
    return 0;
}

static int is_sequence(PyObject *o)
{
    return PyList_Check(o) || PyTuple_Check(o) ||
           (PySequence_Check(o) && !PyUnicode_Check(o) && !PyBytes_Check(o) &&
            !PyByteArray_Check(o) && !PyMemoryView_Check(o));
}

static int discover(PyObject *o, int depth, discovery *d)
{
    int dt;
    if (ncpy_array_check(o)) {
        ncpy_array *a = (ncpy_array *)o;
        merge_dtype(d, a->arr.dtype);
        return leaf_at(d, depth, a->arr.ndim, a->arr.shape);
    }
    if (scalar_dtype(o, &dt)) {
        merge_dtype(d, dt);
        return leaf_at(d, depth, 0, NULL);
    }
    if (PyUnicode_Check(o) || PyBytes_Check(o)) {
        PyErr_Format(PyExc_TypeError, "numc does not support string data (got %R)", o);
        return -1;
    }
    PyObject *arr = from_protocols(o, 0);
    if (arr) {
        int r = discover(arr, depth, d);
        Py_DECREF(arr);
        return r;
    }
    if (PyErr_Occurred())
        return -1;
    if (is_sequence(o)) {
        if (depth >= NC_MAXDIMS)
            return too_deep(depth + 1);
        PyObject *seq = PySequence_Fast(o, "expected a sequence");
        if (!seq)
            return -1;
        Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
        int r = 0;
        if (d->ndim >= 0) {
            if (d->ndim <= depth)
                r = ragged(d->ndim, d);
            else if (d->shape[depth] != n)
                r = ragged(depth, d);
        } else if (n == 0) {
            d->ndim = depth + 1;
            d->shape[depth] = 0;
        } else {
            d->shape[depth] = n; /* provisional until a leaf fixes ndim */
        }
        for (Py_ssize_t i = 0; r == 0 && i < n; i++)
            r = discover(PySequence_Fast_GET_ITEM(seq, i), depth + 1, d);
        if (r == 0 && d->ndim >= 0 && d->shape[depth] != n)
            r = ragged(depth, d);
        Py_DECREF(seq);
        return r;
    }
    /* Generic numbers (e.g. Fraction, Decimal) via their Python conversions. */
    if (PyNumber_Check(o)) {
        if (PyObject_HasAttrString(o, "__complex__") && !PyObject_HasAttrString(o, "__float__"))
            merge_dtype(d, NC_COMPLEX128);
        else if (PyObject_HasAttrString(o, "__index__"))
            merge_dtype(d, NC_INT64);
        else
            merge_dtype(d, NC_FLOAT64);
        return leaf_at(d, depth, 0, NULL);
    }
    PyErr_Format(PyExc_TypeError, "cannot convert object of type '%s' to a numc array",
                 Py_TYPE(o)->tp_name);
    return -1;
}

static int fill_from_array(ncpy_array *a, int depth, ncpy_array *out, char *p)
{
    nc_array dst;
    nc_status st = nc_array_init_view(&dst, out->arr.buffer, p, out->arr.dtype, a->arr.ndim,
                                      out->arr.shape + depth, out->arr.strides + depth, 1);
    if (st)
        return ncpy_raise(st), -1;
    st = nc_array_assign(&dst, &a->arr, NC_CAST_UNSAFE);
    nc_array_clear(&dst);
    return st ? (ncpy_raise(st), -1) : 0;
}

static int fill(PyObject *o, int depth, ncpy_array *out, char *p)
{
    if (ncpy_array_check(o))
        return fill_from_array((ncpy_array *)o, depth, out, p);
    int dt;
    if (scalar_dtype(o, &dt))
        return ncpy_store_item(o, out->arr.dtype, p);
    PyObject *arr = from_protocols(o, 0);
    if (arr) {
        int r = fill_from_array((ncpy_array *)arr, depth, out, p);
        Py_DECREF(arr);
        return r;
    }
    if (PyErr_Occurred())
        return -1;
    if (is_sequence(o)) {
        PyObject *seq = PySequence_Fast(o, "expected a sequence");
        if (!seq)
            return -1;
        Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
        int r = 0;
        for (Py_ssize_t i = 0; r == 0 && i < n; i++)
            r = fill(PySequence_Fast_GET_ITEM(seq, i), depth + 1, out, p + i * out->arr.strides[depth]);
        Py_DECREF(seq);
        return r;
    }
    return ncpy_store_item(o, out->arr.dtype, p);
}

/* Fresh array from Python scalars / nested sequences (always a copy). */
static PyObject *from_nested(PyObject *obj, int dtype)
{
    discovery d = {.ndim = -1, .dtype = -1};
    if (discover(obj, 0, &d) < 0)
        return NULL;
    if (d.ndim < 0)
        d.ndim = 0;
    int dt = dtype >= 0 ? dtype : d.dtype >= 0 ? d.dtype : NC_FLOAT64;
    PyObject *r = ncpy_array_new((nc_dtype_id)dt, d.ndim, d.shape, NC_ORDER_C, 0);
    if (!r)
        return NULL;
    if (((ncpy_array *)r)->arr.size && fill(obj, 0, (ncpy_array *)r, ((ncpy_array *)r)->arr.data) < 0) {
        Py_DECREF(r);
        return NULL;
    }
    return r;
}

/* --- array() / asarray() ------------------------------------------------ */

static int layout_ok(const nc_array *a, nc_order order)
{
    if (order == NC_ORDER_C)
        return (a->flags & NC_C_CONTIGUOUS) != 0;
    if (order == NC_ORDER_F)
        return (a->flags & NC_F_CONTIGUOUS) != 0;
    return 1;
}

/* Copy of `a` in dtype dt with the layout `order` asks for. */
static PyObject *copy_array(ncpy_array *a, nc_dtype_id dt, nc_order order)
{
    ncpy_array *r = ncpy_array_alloc(&ncpy_array_type);
    if (!r)
        return NULL;
    nc_status st;
    if (order == NC_ORDER_K)
        st = nc_array_init_like(&r->arr, &a->arr, dt, a->arr.ndim, a->arr.shape);
    else {
        int f = order == NC_ORDER_F ||
                (order == NC_ORDER_A && (a->arr.flags & NC_F_CONTIGUOUS) && !(a->arr.flags & NC_C_CONTIGUOUS));
        st = nc_array_init_empty(&r->arr, dt, a->arr.ndim, a->arr.shape, f ? NC_ORDER_F : NC_ORDER_C, 0);
    }
    int fpe = 0;
    if (!st)
        st = nc_array_assign_fpe(&r->arr, &a->arr, NC_CAST_UNSAFE, &fpe);
    if (st) {
        Py_DECREF(r);
        return ncpy_raise(st);
    }
    if (ncpy_check_cast(a->arr.dtype, dt, fpe, 1) < 0) {
        Py_DECREF(r);
        return NULL;
    }
    return (PyObject *)r;
}

static PyObject *no_copy_error(void)
{
    PyErr_SetString(PyExc_ValueError, "Unable to avoid copy while creating an array as requested.");
    return NULL;
}

/* Applies dtype/copy/order/ndmin/subok to the array `a` (new reference
 * returned; a is borrowed).  `fresh`: a is a private copy already. */
static PyObject *finish(PyObject *ao, int dtype, int copy, nc_order order, int ndmin, int subok,
                        int fresh)
{
    ncpy_array *a = (ncpy_array *)ao;
    nc_dtype_id dt = dtype < 0 ? a->arr.dtype : (nc_dtype_id)dtype;
    PyObject *r;
    int need = dt != a->arr.dtype || !layout_ok(&a->arr, order) || (copy > 0 && !fresh);
    if (need) {
        if (copy < 0) {
            return no_copy_error();
        }
        r = copy_array(a, dt, order);
    } else if (!subok && Py_TYPE(ao) != &ncpy_array_type) {
        r = ncpy_array_view(a, a->arr.data, a->arr.dtype, a->arr.ndim, a->arr.shape, a->arr.strides);
    } else {
        Py_INCREF(ao);
        r = ao;
    }
    if (!r)
        return NULL;
    ncpy_array *ra = (ncpy_array *)r;
    if (ndmin > ra->arr.ndim) {
        if (ndmin > NC_MAXDIMS) {
            Py_DECREF(r);
            PyErr_Format(PyExc_ValueError, "ndmin bigger than allowable number of dimensions NPY_MAXDIMS (=%d)",
                         NC_MAXDIMS);
            return NULL;
        }
        ptrdiff_t shape[NC_MAXDIMS], strides[NC_MAXDIMS];
        int pad = ndmin - ra->arr.ndim;
        for (int i = 0; i < pad; i++) {
            shape[i] = 1;
            strides[i] = 0;
        }
        for (int i = 0; i < ra->arr.ndim; i++) {
            shape[pad + i] = ra->arr.shape[i];
            strides[pad + i] = ra->arr.strides[i];
        }
        PyObject *v = ncpy_array_view(ra, ra->arr.data, ra->arr.dtype, ndmin, shape, strides);
        Py_DECREF(r);
        r = v;
    }
    return r;
}

PyObject *ncpy_from_object(PyObject *obj, int dtype, int copy, nc_order order, int ndmin, int subok)
{
    if (ncpy_array_check(obj))
        return finish(obj, dtype, copy, order, ndmin, subok, 0);
    int dt;
    if (PyUnicode_Check(obj) || PyBytes_Check(obj)) {
        PyErr_Format(PyExc_TypeError, "numc does not support string data (got %R)", obj);
        return NULL;
    }
    PyObject *a = NULL;
    if (!scalar_dtype(obj, &dt)) {
        a = from_protocols(obj, copy);
        if (!a && PyErr_Occurred())
            return NULL;
    }
    if (a) {
        PyObject *r = finish(a, dtype, copy, order, ndmin, subok, 0);
        Py_DECREF(a);
        return r;
    }
    if (copy < 0)
        return no_copy_error();
    a = from_nested(obj, dtype);
    if (!a)
        return NULL;
    PyObject *r = finish(a, -1, 0, order, ndmin, 1, 1);
    Py_DECREF(a);
    return r;
}

PyObject *ncpy_asarray(PyObject *obj, int dtype, int copy)
{
    return ncpy_from_object(obj, dtype, copy, NC_ORDER_K, 0, 1);
}

/* int or sequence of ints -> shape.  Floats are TypeErrors, as in NumPy. */
int ncpy_parse_shape(PyObject *o, int *ndim, ptrdiff_t *shape)
{
    if (PyIndex_Check(o)) {
        shape[0] = PyNumber_AsSsize_t(o, PyExc_ValueError);
        if (shape[0] == -1 && PyErr_Occurred())
            return -1;
        *ndim = 1;
        return 0;
    }
    if (!PySequence_Check(o) || PyUnicode_Check(o) || PyBytes_Check(o)) {
        PyErr_Format(PyExc_TypeError, "expected a sequence of integers or a single integer, got '%S'", o);
        return -1;
    }
    PyObject *seq = PySequence_Fast(o, "shape");
    if (!seq)
        return -1;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    if (n > NC_MAXDIMS) {
        Py_DECREF(seq);
        PyErr_Format(PyExc_ValueError, "maximum supported dimension for an ndarray is currently %d, found %zd",
                     NC_MAXDIMS, n);
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *x = PySequence_Fast_GET_ITEM(seq, i);
        if (!PyIndex_Check(x)) {
            PyErr_Format(PyExc_TypeError, "'%s' object cannot be interpreted as an integer", Py_TYPE(x)->tp_name);
            Py_DECREF(seq);
            return -1;
        }
        shape[i] = PyNumber_AsSsize_t(x, PyExc_ValueError);
        if (shape[i] == -1 && PyErr_Occurred()) {
            Py_DECREF(seq);
            return -1;
        }
    }
    Py_DECREF(seq);
    *ndim = (int)n;
    return 0;
}
