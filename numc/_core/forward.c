/* forward.c: ndarray methods that are the module functions with the array
 * first (a.sum(axis) is numc.sum(a, axis)), and tobytes.  One forwarding routine serves
 * every part: it imports the Python module on first use, caches the
 * function, and vectorcalls it with `self` prepended.  No array loops. */
#include "binding.h"

PyObject *ncpy_forward(const char *module, const char *name, PyObject **cache, PyObject *self,
                       PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    if (!*cache) {
        /* The module imports numc._core, so it cannot be looked up at init;
         * the cached reference lives as long as the process (like sys.modules'). */
        PyObject *mod = PyImport_ImportModule(module);
        if (!mod)
            return NULL;
        *cache = PyObject_GetAttrString(mod, name);
        Py_DECREF(mod);
        if (!*cache)
            return NULL;
    }
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    PyObject *small[8];
    PyObject **buf = small;
    if (nargs + nkw + 1 > 8) {
        buf = PyMem_Malloc((size_t)(nargs + nkw + 1) * sizeof(PyObject *));
        if (!buf)
            return PyErr_NoMemory();
    }
    buf[0] = self;
    for (Py_ssize_t i = 0; i < nargs + nkw; i++)
        buf[i + 1] = args[i];
    PyObject *r = PyObject_Vectorcall(*cache, buf, (size_t)(nargs + 1), kwnames);
    if (buf != small)
        PyMem_Free(buf);
    return r;
}

#define FORWARD(METHOD, MODULE, FUNC)                                                      \
    static PyObject *m_##METHOD(PyObject *self, PyObject *const *args, Py_ssize_t nargs,   \
                                PyObject *kwnames)                                         \
    {                                                                                      \
        static PyObject *fn;                                                               \
        return ncpy_forward(MODULE, FUNC, &fn, self, args, nargs, kwnames);                \
    }
FORWARD(round, "numc._ufunc_funcs", "round")
FORWARD(clip, "numc._ufunc_funcs", "clip")
FORWARD(conj, "numc", "conjugate")
FORWARD(conjugate, "numc", "conjugate")
FORWARD(repeat, "numc._manip2", "repeat")
FORWARD(diagonal, "numc._manip2", "diagonal")
FORWARD(trace, "numc._manip2", "trace")
#undef FORWARD

/* a.tobytes(order='C'): the elements, in C or Fortran order, as bytes. */
static PyObject *m_tobytes(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"order", NULL};
    const char *order = "C";
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|z:tobytes", kwlist, &order))
        return NULL;
    nc_array *a = &((ncpy_array *)self)->arr;
    int fortran;
    switch (order ? order[0] : 'C') {
    case 'C': case 'c': fortran = 0; break;
    case 'F': case 'f': fortran = 1; break;
    case 'A': case 'a': fortran = (a->flags & NC_F_CONTIGUOUS) && !(a->flags & NC_C_CONTIGUOUS); break;
    default:
        PyErr_SetString(PyExc_ValueError, "order must be one of 'C', 'F', 'A', or 'K'");
        return NULL;
    }
    Py_ssize_t nbytes = a->size * nc_dtype_info(a->dtype)->itemsize;
    if ((a->flags & (fortran ? NC_F_CONTIGUOUS : NC_C_CONTIGUOUS)))
        return PyBytes_FromStringAndSize(a->data, nbytes);
    PyObject *copy = ncpy_array_new(a->dtype, a->ndim, a->shape, fortran ? NC_ORDER_F : NC_ORDER_C, 0);
    if (!copy)
        return NULL;
    nc_status st = nc_array_assign(&((ncpy_array *)copy)->arr, a, NC_CAST_NO);
    PyObject *r = st ? ncpy_raise(st)
                     : PyBytes_FromStringAndSize(((ncpy_array *)copy)->arr.data, nbytes);
    Py_DECREF(copy);
    return r;
}

#define ENTRY(METHOD, DOC) \
    {#METHOD, (PyCFunction)(void (*)(void))m_##METHOD, METH_FASTCALL | METH_KEYWORDS, DOC}
PyMethodDef ncpy_methods_forward[] = {
    ENTRY(round, "a.round(decimals=0, out=None): see numc.round."),
    ENTRY(clip, "a.clip(min=None, max=None, out=None, **kwargs): see numc.clip."),
    ENTRY(conj, "a.conj(): the complex conjugate, element-wise."),
    ENTRY(conjugate, "a.conjugate(): the complex conjugate, element-wise."),
    ENTRY(repeat, "a.repeat(repeats, axis=None): see numc.repeat."),
    ENTRY(diagonal, "a.diagonal(offset=0, axis1=0, axis2=1): see numc.diagonal."),
    ENTRY(trace, "a.trace(offset=0, axis1=0, axis2=1, dtype=None, out=None): see numc.trace."),
    {"tobytes", (PyCFunction)(void (*)(void))m_tobytes, METH_VARARGS | METH_KEYWORDS,
     "a.tobytes(order='C'): the raw bytes of the elements in C or Fortran order."},
    {NULL, NULL, 0, NULL},
};
