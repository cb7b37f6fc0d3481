/* dtype.h: numc's data types, expanded from dtypes.def.
 *
 * A dtype is identified by nc_dtype_id; nc_dtype_info() gives its fixed
 * descriptor.  Promotion, cast safety and the casting kernels all live here. */
#ifndef NUMC_DTYPE_H
#define NUMC_DTYPE_H

#include <stddef.h>
#include <stdint.h>
#include "numc/export.h"
#include "numc/status.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef uint8_t nc_bool;     /* 0 or 1 */
typedef uint16_t nc_half;    /* IEEE 754 binary16 bits */
typedef struct { float re, im; } nc_cfloat;   /* layout of C float _Complex */
typedef struct { double re, im; } nc_cdouble; /* layout of C double _Complex */

typedef enum nc_dtype_id {
#define NC_DTYPE(ID, SFX, CTYPE, KIND, CHAR, SIZE, NAME) NC_##ID,
#include "numc/dtypes.def"
#undef NC_DTYPE
    NC_NTYPES
} nc_dtype_id;

typedef struct nc_dtype {
    nc_dtype_id id;
    char kind;        /* 'b' 'i' 'u' 'f' 'c' */
    char chr;         /* NumPy type character */
    int itemsize;
    int alignment;
    const char *name; /* "float64" */
} nc_dtype;

/* Descriptor of `id`; `id` must be a valid dtype id. */
NC_API const nc_dtype *nc_dtype_info(nc_dtype_id id);

/* Parses a dtype string as NumPy spells it ("f8", "<i4", "float64", "?",
 * "int", "complex128", "=u2", "|b1" ...). Non-native byte orders are
 * refused with NC_ERR_TYPE (numc stores native order only). */
NC_API nc_status nc_dtype_from_string(const char *s, nc_dtype_id *out);

/* Casting rules, as NumPy's can_cast. */
typedef enum nc_casting {
    NC_CAST_NO = 0,
    NC_CAST_EQUIV = 1,
    NC_CAST_SAFE = 2,
    NC_CAST_SAME_KIND = 3,
    NC_CAST_UNSAFE = 4
} nc_casting;

NC_API int nc_can_cast(nc_dtype_id from, nc_dtype_id to, nc_casting casting);

/* NumPy's promote_types over numc's dtypes (always defined for numeric types). */
NC_API nc_dtype_id nc_promote_types(nc_dtype_id a, nc_dtype_id b);

/* Category of a Python-style scalar in NEP 50 promotion. */
typedef enum nc_weak_kind {
    NC_WEAK_NONE = 0,   /* a real dtype, not weak */
    NC_WEAK_INT = 1,    /* Python int */
    NC_WEAK_FLOAT = 2,  /* Python float */
    NC_WEAK_COMPLEX = 3 /* Python complex */
} nc_weak_kind;

/* NEP 50 result dtype of a set of strong dtypes and weak Python scalars.
 * With no strong dtypes, weak ints give int64, floats float64, complex
 * complex128.  n_strong may be 0. */
NC_API nc_dtype_id nc_result_type(int n_strong, const nc_dtype_id *strong,
                                  int n_weak, const nc_weak_kind *weak);

/* The dtype a weak scalar takes when it meets `strong` (NEP 50). */
NC_API nc_dtype_id nc_weak_resolve(nc_weak_kind weak, nc_dtype_id strong);

/* --- casting kernels ---------------------------------------------------
 * Converts n elements from `src` (dtype `from`, byte stride `sstride`) to
 * `dst` (dtype `to`, byte stride `dstride`), with NumPy's unsafe-cast value
 * semantics (C conversions; float->int of nan/inf/out-of-range gives
 * NumPy's x86 results; complex->real drops the imaginary part). */
typedef void (*nc_cast_fn)(const char *src, ptrdiff_t sstride, char *dst,
                           ptrdiff_t dstride, ptrdiff_t n);
NC_API nc_cast_fn nc_cast_get(nc_dtype_id from, nc_dtype_id to);

/* --- float16 ------------------------------------------------------------ */
NC_API float nc_half_to_float(nc_half h);
NC_API double nc_half_to_double(nc_half h);
NC_API nc_half nc_float_to_half(float f);   /* round to nearest even */
NC_API nc_half nc_double_to_half(double d); /* round to nearest even, directly */

#ifdef __cplusplus
}
#endif
#endif
