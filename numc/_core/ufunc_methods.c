/* ufunc_methods.c: the methods of ufunc objects (reduce, accumulate,
 * reduceat, outer, at), over the core's reduction machinery. */
#include "binding.h"

PyMethodDef ncpy_ufunc_methods[] = {
    {NULL, NULL, 0, NULL},
};
