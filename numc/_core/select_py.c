/* select_py.c: advanced indexing helpers and selection routines (take, put,
 * nonzero, where, ...), and the oindex/vindex attributes (NEP 21). */
#include "binding.h"

PyMethodDef ncpy_methods_select[] = {
    {NULL, NULL, 0, NULL},
};

PyGetSetDef ncpy_getset_select[] = {
    {NULL, NULL, NULL, NULL, NULL},
};

int ncpy_init_select(PyObject *m)
{
    (void)m;
    return 0;
}
