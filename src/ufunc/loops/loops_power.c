/* loops_power.c: power for integer and real floating dtypes (complex power
 * is in loops_complex.c).
 *
 * Invariants: integer powers wrap and never overflow in C; a negative
 * integer exponent is reported as NC_LOOP_ERR_NEGATIVE_POWER, the only
 * loop failure in this directory. */
#include <math.h>
#include "loops.h"

#define NC_TEMPLATE "power_int.inc.c"
#include "foreach_int.inc.c"

#define NC_TEMPLATE "power_float.inc.c"
#include "foreach_float.inc.c"
