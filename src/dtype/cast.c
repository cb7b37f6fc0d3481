/* cast.c: the 14x14 strided cast kernels and nc_cast_get.
 *
 * Each kernel is written once, in cast.inc.c, and instantiated by including
 * cast_row.inc.c once per source dtype below; that file includes cast.inc.c
 * once per destination dtype.  Per-dtype facts the template needs are
 * looked up by kernel suffix from the small tables of macros here.
 *
 * Value semantics are NumPy's astype(casting='unsafe') on x86-64 and never
 * rely on C undefined behaviour:
 *  - float -> int goes through the 32- or 64-bit truncating conversion that
 *    NumPy's compiled C cast uses (cvttsd2si), reproduced in portable C: a
 *    NaN or out-of-range value gives the "integer indefinite" INT_MIN of
 *    that width, narrower results keep the low bits, and FE_INVALID is
 *    raised as the instruction would (NumPy: "invalid value encountered in
 *    cast").  int8/int16/uint8/uint16/int32 go through int32, uint32/int64
 *    through int64, uint64 through the usual "subtract 2^63" sequence.
 *  - x -> bool is x != 0 (complex: either part; NaN is true); a bool byte
 *    other than 0 counts as 1.
 *  - complex -> real drops the imaginary part; real -> complex sets im = 0.
 *  - float16 goes through half.c, from double directly where the other side
 *    is double precision, so nothing is rounded twice.
 * Loads and stores use fixed-size memcpy, so unaligned data is fine. */
#include "core/fpstatus.h"
#include <fenv.h>
#include <stdint.h>
#include <string.h>
#include "numc/dtype.h"
#include "dtype/cast_half_simd.h"

#define NC_CAT_(a, b) a##b
#define NC_CAT(a, b) NC_CAT_(a, b)
#define NC_CAT4(a, b, c, d) NC_CAT(NC_CAT(a, b), NC_CAT(c, d))

/* Categories: how a value is read and written. */
#define CAT_BOOL 0
#define CAT_SINT 1
#define CAT_UINT 2
#define CAT_HALF 3
#define CAT_REAL 4 /* float, double */
#define CAT_CPLX 5

/* Per suffix: C type, category, a number to tell dtypes apart in #if,
 * whether it is double precision (WIDE), and for complex the part type. */
#define CTYPE_b1 nc_bool
#define CTYPE_i8 int8_t
#define CTYPE_u8 uint8_t
#define CTYPE_i16 int16_t
#define CTYPE_u16 uint16_t
#define CTYPE_i32 int32_t
#define CTYPE_u32 uint32_t
#define CTYPE_i64 int64_t
#define CTYPE_u64 uint64_t
#define CTYPE_f16 nc_half
#define CTYPE_f32 float
#define CTYPE_f64 double
#define CTYPE_c64 nc_cfloat
#define CTYPE_c128 nc_cdouble

#define CAT_b1 CAT_BOOL
#define CAT_i8 CAT_SINT
#define CAT_u8 CAT_UINT
#define CAT_i16 CAT_SINT
#define CAT_u16 CAT_UINT
#define CAT_i32 CAT_SINT
#define CAT_u32 CAT_UINT
#define CAT_i64 CAT_SINT
#define CAT_u64 CAT_UINT
#define CAT_f16 CAT_HALF
#define CAT_f32 CAT_REAL
#define CAT_f64 CAT_REAL
#define CAT_c64 CAT_CPLX
#define CAT_c128 CAT_CPLX

#define NUM_b1 0
#define NUM_i8 1
#define NUM_u8 2
#define NUM_i16 3
#define NUM_u16 4
#define NUM_i32 5
#define NUM_u32 6
#define NUM_i64 7
#define NUM_u64 8
#define NUM_f16 9
#define NUM_f32 10
#define NUM_f64 11
#define NUM_c64 12
#define NUM_c128 13

#define WIDE_b1 0
#define WIDE_i8 0
#define WIDE_u8 0
#define WIDE_i16 0
#define WIDE_u16 0
#define WIDE_i32 0
#define WIDE_u32 0
#define WIDE_i64 0
#define WIDE_u64 0
#define WIDE_f16 0
#define WIDE_f32 0
#define WIDE_f64 1
#define WIDE_c64 0
#define WIDE_c128 1

#define PART_c64 float
#define PART_c128 double

/* Float -> integer of the destination width, see the top comment. */
#define FCVT_i8 f2i32
#define FCVT_u8 f2i32
#define FCVT_i16 f2i32
#define FCVT_u16 f2i32
#define FCVT_i32 f2i32
#define FCVT_u32 f2i64
#define FCVT_i64 f2i64
#define FCVT_u64 f2u64

/* The conversion is done branch-free (select, then convert an in-range
 * value) so that the contiguous loops still vectorize; `bad` collects
 * invalid conversions and the kernel raises FE_INVALID once. */
static inline int32_t f2i32(double x, int *bad)
{
    int ok = x > -2147483649.0 && x < 2147483648.0; /* false for NaN */
    int32_t v = (int32_t)(ok ? x : 0.0);
    *bad |= !ok;
    return ok ? v : INT32_MIN;
}

static inline int64_t f2i64(double x, int *bad)
{
    int ok = x >= -0x1p63 && x < 0x1p63;
    int64_t v = (int64_t)(ok ? x : 0.0);
    *bad |= !ok;
    return ok ? v : INT64_MIN;
}

/* Values from 2^63 on are shifted into int64 range and get their top bit
 * back; NaN takes the lower branch and gives 2^63 as on x86. */
static inline uint64_t f2u64(double x, int *bad)
{
    int high = x >= 0x1p63;
    uint64_t v = (uint64_t)f2i64(high ? x - 0x1p63 : x, bad);
    return high ? v ^ ((uint64_t)1 << 63) : v;
}

static inline void raise_invalid(int bad)
{
    if (bad)
        nc__fp_raise(FE_INVALID);
}

#define FROM_SFX b1
#include "cast_row.inc.c"
#define FROM_SFX i8
#include "cast_row.inc.c"
#define FROM_SFX u8
#include "cast_row.inc.c"
#define FROM_SFX i16
#include "cast_row.inc.c"
#define FROM_SFX u16
#include "cast_row.inc.c"
#define FROM_SFX i32
#include "cast_row.inc.c"
#define FROM_SFX u32
#include "cast_row.inc.c"
#define FROM_SFX i64
#include "cast_row.inc.c"
#define FROM_SFX u64
#include "cast_row.inc.c"
#define FROM_SFX f16
#include "cast_row.inc.c"
#define FROM_SFX f32
#include "cast_row.inc.c"
#define FROM_SFX f64
#include "cast_row.inc.c"
#define FROM_SFX c64
#include "cast_row.inc.c"
#define FROM_SFX c128
#include "cast_row.inc.c"

#define NC_DTYPE(ID, SFX, CTYPE, KIND, CHAR, SIZE, NAME) [NC_##ID] = NC_CAT(casts_from_, SFX),
static const nc_cast_fn *const cast_table[NC_NTYPES] = {
#include "numc/dtypes.def"
};
#undef NC_DTYPE

nc_cast_fn nc__cast_portable(nc_dtype_id from, nc_dtype_id to)
{
    return cast_table[from][to];
}

nc_cast_fn nc_cast_get(nc_dtype_id from, nc_dtype_id to)
{
    if ((unsigned)from >= NC_NTYPES || (unsigned)to >= NC_NTYPES)
        return NULL;
    if ((from == NC_FLOAT16 && (to == NC_FLOAT32 || to == NC_FLOAT64)) ||
        (from == NC_FLOAT32 && to == NC_FLOAT16))
        return nc__cast_half_simd(from, to, cast_table[from][to]);
    return cast_table[from][to];
}
