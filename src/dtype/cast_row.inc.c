/* cast_row.inc.c: the 14 cast kernels from FROM_SFX, and their row
 * casts_from_<FROM_SFX> of the dispatch table, indexed by destination id.
 * Included by cast.c with FROM_SFX defined; undefines it at the end. */

#define TO_SFX b1
#include "cast.inc.c"
#define TO_SFX i8
#include "cast.inc.c"
#define TO_SFX u8
#include "cast.inc.c"
#define TO_SFX i16
#include "cast.inc.c"
#define TO_SFX u16
#include "cast.inc.c"
#define TO_SFX i32
#include "cast.inc.c"
#define TO_SFX u32
#include "cast.inc.c"
#define TO_SFX i64
#include "cast.inc.c"
#define TO_SFX u64
#include "cast.inc.c"
#define TO_SFX f16
#include "cast.inc.c"
#define TO_SFX f32
#include "cast.inc.c"
#define TO_SFX f64
#include "cast.inc.c"
#define TO_SFX c64
#include "cast.inc.c"
#define TO_SFX c128
#include "cast.inc.c"

#define NC_DTYPE(ID, SFX, CTYPE, KIND, CHAR, SIZE, NAME) \
    [NC_##ID] = NC_CAT4(cast_, FROM_SFX, _, SFX),
static const nc_cast_fn NC_CAT(casts_from_, FROM_SFX)[NC_NTYPES] = {
#include "numc/dtypes.def"
};
#undef NC_DTYPE

#undef FROM_SFX
