/* manip_py.c: array-manipulation routines (joining, splitting, rearranging)
 * over the core's copy and view functions. */
#include "binding.h"

int ncpy_init_manip(PyObject *m)
{
    (void)m;
    return 0;
}
