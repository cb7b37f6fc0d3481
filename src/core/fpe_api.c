/* fpe_api.c: the public access to this thread's floating-point flags, for
 * callers that run core operations which may raise them outside the ufunc
 * driver (casting copies) and must report them as NumPy does. */
#include "numc/ufunc.h"
#include "core/fpstatus.h"

void nc_fpe_clear(void)
{
    nc__fp_clear();
}

int nc_fpe_read(void)
{
    return nc__fp_read();
}
