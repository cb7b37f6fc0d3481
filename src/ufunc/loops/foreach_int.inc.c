/* foreach_int.inc.c: includes the template named by NC_TEMPLATE once per
 * integer dtype, in NumPy's type order, with
 *   T       the element type            SFX    the kernel suffix
 *   UW      an unsigned type at least as wide as T and as int: arithmetic
 *           in UW wraps modulo 2^BITS without signed overflow (UB) and
 *           without the promotion of narrow unsigned operands to int
 *   SIGNED  1 for signed types          BITS   the width in bits
 *   TMIN    the minimum value (0 for unsigned types)
 * and undefines them after each inclusion. */

#define T int8_t
#define UW unsigned int
#define SFX i8
#define SIGNED 1
#define BITS 8
#define TMIN INT8_MIN
#include NC_TEMPLATE
#undef T
#undef UW
#undef SFX
#undef SIGNED
#undef BITS
#undef TMIN

#define T uint8_t
#define UW unsigned int
#define SFX u8
#define SIGNED 0
#define BITS 8
#define TMIN 0
#include NC_TEMPLATE
#undef T
#undef UW
#undef SFX
#undef SIGNED
#undef BITS
#undef TMIN

#define T int16_t
#define UW unsigned int
#define SFX i16
#define SIGNED 1
#define BITS 16
#define TMIN INT16_MIN
#include NC_TEMPLATE
#undef T
#undef UW
#undef SFX
#undef SIGNED
#undef BITS
#undef TMIN

#define T uint16_t
#define UW unsigned int
#define SFX u16
#define SIGNED 0
#define BITS 16
#define TMIN 0
#include NC_TEMPLATE
#undef T
#undef UW
#undef SFX
#undef SIGNED
#undef BITS
#undef TMIN

#define T int32_t
#define UW uint32_t
#define SFX i32
#define SIGNED 1
#define BITS 32
#define TMIN INT32_MIN
#include NC_TEMPLATE
#undef T
#undef UW
#undef SFX
#undef SIGNED
#undef BITS
#undef TMIN

#define T uint32_t
#define UW uint32_t
#define SFX u32
#define SIGNED 0
#define BITS 32
#define TMIN 0
#include NC_TEMPLATE
#undef T
#undef UW
#undef SFX
#undef SIGNED
#undef BITS
#undef TMIN

#define T int64_t
#define UW uint64_t
#define SFX i64
#define SIGNED 1
#define BITS 64
#define TMIN INT64_MIN
#include NC_TEMPLATE
#undef T
#undef UW
#undef SFX
#undef SIGNED
#undef BITS
#undef TMIN

#define T uint64_t
#define UW uint64_t
#define SFX u64
#define SIGNED 0
#define BITS 64
#define TMIN 0
#include NC_TEMPLATE
#undef T
#undef UW
#undef SFX
#undef SIGNED
#undef BITS
#undef TMIN

#undef NC_TEMPLATE
