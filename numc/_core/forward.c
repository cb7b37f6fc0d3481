/* forward.c: ndarray methods that are the module functions with the array
 * first (a.sum(axis) is numc.sum(a, axis)).  One forwarding routine serves
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
#undef FORWARD

#define ENTRY(METHOD, DOC) \
    {#METHOD, (PyCFunction)(void (*)(void))m_##METHOD, METH_FASTCALL | METH_KEYWORDS, DOC}
PyMethodDef ncpy_methods_forward[] = {
    ENTRY(round, "a.round(decimals=0, out=None): see numc.round."),
    ENTRY(clip, "a.clip(min=None, max=None, out=None, **kwargs): see numc.clip."),
    ENTRY(conj, "a.conj(): the complex conjugate, element-wise."),
    ENTRY(conjugate, "a.conjugate(): the complex conjugate, element-wise."),
    {NULL, NULL, 0, NULL},
};
