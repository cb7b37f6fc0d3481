/* module.c: the numc._core extension module: runs each part's initialiser. */
#include "binding.h"

static struct PyModuleDef moduledef = {
    PyModuleDef_HEAD_INIT, "numc._core",
    "C core of numc: ndarray, dtypes, scalars and ufuncs over libnumc.", -1, NULL,
    NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__core(void)
{
    PyObject *m = PyModule_Create(&moduledef);
    if (!m)
        return NULL;
    /* Order matters: operators look up ufuncs, ufuncs and arrays need dtypes. */
    if (ncpy_init_errors(m) < 0 || ncpy_init_dtype(m) < 0 || ncpy_init_scalar(m) < 0 ||
        ncpy_init_ufunc(m) < 0 || ncpy_init_gufunc(m) < 0 || ncpy_init_array(m) < 0 ||
        ncpy_init_creation(m) < 0 || ncpy_init_manip(m) < 0 || ncpy_init_manip2(m) < 0 || ncpy_init_select(m) < 0 ||
        ncpy_init_reduce(m) < 0 || ncpy_init_threads(m) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
