/* threads_py.c: numc.get_num_threads / numc.set_num_threads over the
 * core's thread pool settings (numc/threads.h). */
#include "binding.h"
#include "numc/threads.h"

static PyObject *get_num_threads(PyObject *self, PyObject *noargs)
{
    (void)self;
    (void)noargs;
    return PyLong_FromLong(nc_get_num_threads());
}

static PyObject *set_num_threads(PyObject *self, PyObject *arg)
{
    (void)self;
    if (!PyLong_Check(arg) || PyBool_Check(arg)) {
        PyErr_Format(PyExc_TypeError, "number of threads must be an integer, not %.100s",
                     Py_TYPE(arg)->tp_name);
        return NULL;
    }
    int overflow = 0;
    long n = PyLong_AsLongAndOverflow(arg, &overflow);
    if (n == -1 && PyErr_Occurred())
        return NULL;
    if (overflow || n < 1 || n > NC_MAX_THREADS) {
        PyErr_Format(PyExc_ValueError, "number of threads must be between 1 and %d",
                     NC_MAX_THREADS);
        return NULL;
    }
    nc_status st = nc_set_num_threads((int)n);
    if (st)
        return ncpy_raise(st);
    Py_RETURN_NONE;
}

static PyMethodDef thread_functions[] = {
    {"get_num_threads", get_num_threads, METH_NOARGS,
     "get_num_threads()\n--\n\nThe number of threads numc's large loops and reductions may use."},
    {"set_num_threads", set_num_threads, METH_O,
     "set_num_threads(n)\n--\n\nSets how many threads (the caller included) numc's large loops\n"
     "and reductions may use; 1 runs everything on the calling thread.  Results do not\n"
     "depend on it.  The default is the number of CPUs available, or NUMC_NUM_THREADS."},
    {NULL, NULL, 0, NULL},
};

int ncpy_init_threads(PyObject *m)
{
    return PyModule_AddFunctions(m, thread_functions);
}
