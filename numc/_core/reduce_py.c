/* reduce_py.c: reductions and statistics (sum, mean, std, argmax, ...) as
 * ndarray methods, and the module-level helpers numc/_reductions.py builds
 * on (_argreduce, _count_nonzero), over the core's argreduce.c.
 *
 * The methods forward to the functions of numc._reductions with the array
 * as first argument: their positional orders match NumPy's (a.sum(axis,
 * dtype, out, keepdims) is np.sum(a, axis, dtype, out, keepdims)), so one
 * implementation serves both.  No loops over array data here. */
#include "binding.h"
#include "numc/argreduce.h"
#include "numc/nanfill.h"

static PyObject *reductions_module; /* numc._reductions, imported on first use */

/* `*cache` holds the Python function after the first call (a strong
 * reference kept for the life of the process, like the module's). */
static PyObject *forward(const char *name, PyObject **cache, PyObject *self,
                         PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    if (!*cache) {
        if (!reductions_module) {
            reductions_module = PyImport_ImportModule("numc._reductions");
            if (!reductions_module)
                return NULL;
        }
        *cache = PyObject_GetAttrString(reductions_module, name);
        if (!*cache)
            return NULL;
    }
    PyObject *fn = *cache;
    Py_INCREF(fn);
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    PyObject *small[8];
    PyObject **buf = small;
    if (nargs + nkw + 1 > 8) {
        buf = PyMem_Malloc((size_t)(nargs + nkw + 1) * sizeof(PyObject *));
        if (!buf) {
            Py_DECREF(fn);
            return PyErr_NoMemory();
        }
    }
    buf[0] = self;
    for (Py_ssize_t i = 0; i < nargs + nkw; i++)
        buf[i + 1] = args[i];
    PyObject *r = PyObject_Vectorcall(fn, buf, (size_t)(nargs + 1), kwnames);
    if (buf != small)
        PyMem_Free(buf);
    Py_DECREF(fn);
    return r;
}

#define FORWARD(NAME)                                                                      \
    static PyObject *m_##NAME(PyObject *self, PyObject *const *args, Py_ssize_t nargs,     \
                              PyObject *kwnames)                                           \
    {                                                                                      \
        static PyObject *fn;                                                               \
        return forward(#NAME, &fn, self, args, nargs, kwnames);                            \
    }
FORWARD(sum)
FORWARD(prod)
FORWARD(min)
FORWARD(max)
FORWARD(mean)
FORWARD(std)
FORWARD(var)
FORWARD(any)
FORWARD(all)
FORWARD(cumsum)
FORWARD(cumprod)

static PyObject *py_argreduce(PyObject *mod, PyObject *const *args, Py_ssize_t nargs);

/* a.argmax() / a.argmin() with no arguments go straight to the kernel (the
 * common call, where a trip through Python would cost more than the scan
 * of a small array); anything else takes the Python function. */
static PyObject *arg_method(const char *name, PyObject **cache, int is_max, PyObject *self,
                            PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    if (nargs == 0 && !kwnames) {
        PyObject *a[4] = {self, Py_None, is_max ? Py_True : Py_False, Py_None};
        return py_argreduce(NULL, a, 4);
    }
    return forward(name, cache, self, args, nargs, kwnames);
}

static PyObject *m_argmax(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                          PyObject *kwnames)
{
    static PyObject *fn;
    return arg_method("argmax", &fn, 1, self, args, nargs, kwnames);
}

static PyObject *m_argmin(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                          PyObject *kwnames)
{
    static PyObject *fn;
    return arg_method("argmin", &fn, 0, self, args, nargs, kwnames);
}

#define METHOD(NAME, DOC)                                                                  \
    {#NAME, (PyCFunction)(void (*)(void))m_##NAME, METH_FASTCALL | METH_KEYWORDS, DOC}

PyMethodDef ncpy_methods_reduce[] = {
    METHOD(sum, "a.sum(axis=None, dtype=None, out=None, keepdims=False, initial=0, where=True)"),
    METHOD(prod, "a.prod(axis=None, dtype=None, out=None, keepdims=False, initial=1, where=True)"),
    METHOD(min, "a.min(axis=None, out=None, keepdims=False, initial=<no value>, where=True)"),
    METHOD(max, "a.max(axis=None, out=None, keepdims=False, initial=<no value>, where=True)"),
    METHOD(mean, "a.mean(axis=None, dtype=None, out=None, keepdims=False, *, where=True)"),
    METHOD(std, "a.std(axis=None, dtype=None, out=None, ddof=0, keepdims=False, *, where=True, "
                "mean=<no value>, correction=<no value>)"),
    METHOD(var, "a.var(axis=None, dtype=None, out=None, ddof=0, keepdims=False, *, where=True, "
                "mean=<no value>, correction=<no value>)"),
    METHOD(argmin, "a.argmin(axis=None, out=None, *, keepdims=False)"),
    METHOD(argmax, "a.argmax(axis=None, out=None, *, keepdims=False)"),
    METHOD(any, "a.any(axis=None, out=None, keepdims=False, *, where=True)"),
    METHOD(all, "a.all(axis=None, out=None, keepdims=False, *, where=True)"),
    METHOD(cumsum, "a.cumsum(axis=None, dtype=None, out=None)"),
    METHOD(cumprod, "a.cumprod(axis=None, dtype=None, out=None)"),
    {NULL, NULL, 0, NULL},
};

/* _argreduce(a, axis, is_max, out): argmax/argmin of ndarray `a` along
 * `axis` (None: flattened) into `out` (an int64 ndarray of the reduced shape
 * without kept dims, or None to allocate).  Returns the result array. */
static PyObject *py_argreduce(PyObject *mod, PyObject *const *args, Py_ssize_t nargs)
{
    (void)mod;
    if (nargs != 4 || !ncpy_array_check(args[0])) {
        PyErr_SetString(PyExc_TypeError, "_argreduce(a: ndarray, axis, is_max, out)");
        return NULL;
    }
    nc_array *a = &((ncpy_array *)args[0])->arr;
    int axis = -1;
    if (args[1] != Py_None) {
        long v = PyLong_AsLong(args[1]);
        if (v == -1 && PyErr_Occurred())
            return NULL;
        if (v < -(long)a->ndim || v >= (long)a->ndim) {
            PyErr_Format(ncpy_AxisError, "axis %ld is out of bounds for array of dimension %d", v,
                         a->ndim);
            return NULL;
        }
        axis = (int)(v < 0 ? v + a->ndim : v);
    }
    int is_max = PyObject_IsTrue(args[2]);
    if (is_max < 0)
        return NULL;
    PyObject *out = args[3];
    if (out == Py_None) {
        ptrdiff_t shape[NC_MAXDIMS];
        int nd = 0;
        if (axis >= 0)
            for (int i = 0; i < a->ndim; i++)
                if (i != axis)
                    shape[nd++] = a->shape[i];
        out = ncpy_array_new(NC_INT64, nd, shape, NC_ORDER_C, 0);
        if (!out)
            return NULL;
    } else {
        if (!ncpy_array_check(out)) {
            PyErr_SetString(PyExc_TypeError, "output must be an array");
            return NULL;
        }
        if (((ncpy_array *)out)->arr.dtype != NC_INT64) {
            PyErr_SetString(PyExc_TypeError, "Cannot cast array data from dtype('int64') to the "
                                             "output's dtype according to the rule 'safe'");
            return NULL;
        }
        if (!(((ncpy_array *)out)->arr.flags & NC_WRITEABLE)) {
            PyErr_SetString(PyExc_ValueError, "output array is read-only");
            return NULL;
        }
        Py_INCREF(out);
    }
    nc_status st;
    Py_BEGIN_ALLOW_THREADS
    st = nc_argreduce(a, axis, is_max, &((ncpy_array *)out)->arr);
    Py_END_ALLOW_THREADS
    if (st) {
        Py_DECREF(out);
        return ncpy_raise(st);
    }
    /* a fresh 0-d result becomes an int64 scalar, as NumPy returns */
    return args[3] == Py_None ? ncpy_array_return(out) : out;
}

/* _count_nonzero(a): number of non-zero elements of ndarray `a` (int). */
static PyObject *py_count_nonzero(PyObject *mod, PyObject *a)
{
    (void)mod;
    if (!ncpy_array_check(a)) {
        PyErr_SetString(PyExc_TypeError, "_count_nonzero(a: ndarray)");
        return NULL;
    }
    int64_t c;
    nc_status st;
    Py_BEGIN_ALLOW_THREADS
    st = nc_count_nonzero(&((ncpy_array *)a)->arr, &c);
    Py_END_ALLOW_THREADS
    if (st)
        return ncpy_raise(st);
    return PyLong_FromLongLong((long long)c);
}

/* _nan_replace(a, value, mask) -> number of NaNs: in place on ndarray `a`,
 * with the bool ndarray `mask` of a's shape receiving isnan(a). */
static PyObject *py_nan_replace(PyObject *mod, PyObject *const *args, Py_ssize_t nargs)
{
    (void)mod;
    if (nargs != 3 || !ncpy_array_check(args[0]) || !ncpy_array_check(args[2])) {
        PyErr_SetString(PyExc_TypeError, "_nan_replace(a, value, mask)");
        return NULL;
    }
    double v = PyFloat_AsDouble(args[1]);
    if (v == -1.0 && PyErr_Occurred())
        return NULL;
    nc_array *a = &((ncpy_array *)args[0])->arr, *m = &((ncpy_array *)args[2])->arr;
    if (m->ndim != a->ndim || m->dtype != NC_BOOL || !(a->flags & NC_WRITEABLE)) {
        PyErr_SetString(PyExc_ValueError, "_nan_replace: bad operands");
        return NULL;
    }
    for (int i = 0; i < a->ndim; i++)
        if (m->shape[i] != a->shape[i]) {
            PyErr_SetString(PyExc_ValueError, "_nan_replace: shapes differ");
            return NULL;
        }
    int64_t n;
    nc_status st = nc_nan_replace(a, v, m, &n);
    if (st)
        return ncpy_raise(st);
    return PyLong_FromLongLong((long long)n);
}

/* _masked_fill(a, mask, value): a[mask] = value in place (mask broadcasts). */
static PyObject *py_masked_fill(PyObject *mod, PyObject *const *args, Py_ssize_t nargs)
{
    (void)mod;
    if (nargs != 3 || !ncpy_array_check(args[0]) || !ncpy_array_check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "_masked_fill(a, mask, value)");
        return NULL;
    }
    double v = PyFloat_AsDouble(args[2]);
    if (v == -1.0 && PyErr_Occurred())
        return NULL;
    nc_array *a = &((ncpy_array *)args[0])->arr, *m = &((ncpy_array *)args[1])->arr;
    if (m->dtype != NC_BOOL || !(a->flags & NC_WRITEABLE)) {
        PyErr_SetString(PyExc_ValueError, "_masked_fill: bad operands");
        return NULL;
    }
    nc_status st = nc_masked_fill(a, m, v);
    if (st)
        return ncpy_raise(st);
    Py_RETURN_NONE;
}

/* _sum_sqdev(a, mean) -> float: sum of (a - mean)**2 for a float64 ndarray. */
static PyObject *py_sum_sqdev(PyObject *mod, PyObject *const *args, Py_ssize_t nargs)
{
    (void)mod;
    if (nargs != 2 || !ncpy_array_check(args[0])) {
        PyErr_SetString(PyExc_TypeError, "_sum_sqdev(a, mean)");
        return NULL;
    }
    double m = PyFloat_AsDouble(args[1]), r;
    if (m == -1.0 && PyErr_Occurred())
        return NULL;
    nc_status st;
    Py_BEGIN_ALLOW_THREADS
    st = nc_sum_sqdev_f64(&((ncpy_array *)args[0])->arr, m, &r);
    Py_END_ALLOW_THREADS
    if (st)
        return ncpy_raise(st);
    return PyFloat_FromDouble(r);
}

static PyMethodDef module_functions[] = {
    {"_sum_sqdev", (PyCFunction)(void (*)(void))py_sum_sqdev, METH_FASTCALL,
     "_sum_sqdev(a, mean): sum of squared deviations of a float64 array."},
    {"_nan_replace", (PyCFunction)(void (*)(void))py_nan_replace, METH_FASTCALL,
     "_nan_replace(a, value, mask): NaNs of a -> value, mask = isnan(a); returns the count."},
    {"_masked_fill", (PyCFunction)(void (*)(void))py_masked_fill, METH_FASTCALL,
     "_masked_fill(a, mask, value): a[mask] = value."},
    {"_argreduce", (PyCFunction)(void (*)(void))py_argreduce, METH_FASTCALL,
     "_argreduce(a, axis, is_max, out): argmax/argmin kernel."},
    {"_count_nonzero", py_count_nonzero, METH_O, "_count_nonzero(a): count of non-zeros."},
    {NULL, NULL, 0, NULL},
};

int ncpy_init_reduce(PyObject *m)
{
    return PyModule_AddFunctions(m, module_functions);
}
