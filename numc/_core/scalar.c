/* scalar.c: numc's scalar types (numc.float64, numc.int32, ...).
 * Work in progress: until the scalar types land, scalars are returned as the
 * matching Python objects. */
#include "binding.h"

PyObject *ncpy_scalar_from_data(nc_dtype_id dtype, const char *data)
{
    return ncpy_item_from_data(dtype, data);
}

int ncpy_scalar_unpack(PyObject *obj, nc_dtype_id *dtype, char *out16)
{
    (void)obj; (void)dtype; (void)out16;
    return 0;
}

int ncpy_init_scalar(PyObject *m)
{
    (void)m;
    return 0;
}
