/* loops_logic.c: logical_and, logical_or, logical_xor and logical_not for
 * every dtype.
 *
 * Invariants: outputs are bool 0/1; inputs are only compared with zero, so
 * no floating-point flag is raised. */
#include "loops.h"

#define T nc_bool
#define SFX b1
#include "logic.inc.c"
#undef T
#undef SFX

#define NC_TEMPLATE "logic.inc.c"
#include "foreach_int.inc.c"

#define NC_TEMPLATE "logic.inc.c"
#include "foreach_float.inc.c"

#define IS_COMPLEX 1
#define NC_TEMPLATE "logic.inc.c"
#include "foreach_complex.inc.c"
#undef IS_COMPLEX
