/* reduce_py.c: reductions and statistics (sum, mean, std, argmax, ...) as
 * module functions and ndarray methods, over the core's reduction code. */
#include "binding.h"

PyMethodDef ncpy_methods_reduce[] = {
    {NULL, NULL, 0, NULL},
};

int ncpy_init_reduce(PyObject *m)
{
    (void)m;
    return 0;
}
