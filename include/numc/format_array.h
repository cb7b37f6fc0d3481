/* format_array.h: text formatting of array elements as NumPy's printing does.
 *
 * Two levels:
 *  - nc_fmt_positional / nc_fmt_scientific format one binary floating-point
 *    value (float16/32/64 given exactly as a double plus its width in bits)
 *    with NumPy's Dragon4 options: shortest round-trip ("unique") digits or a
 *    fixed precision, minimum digits, trimming, forced sign and padding;
 *  - nc_format_array formats the elements of an array (optionally only the
 *    leading/trailing `edgeitems` of each long axis, as NumPy's summarised
 *    printing shows them) with NumPy's per-dtype formatters (IntegerFormat,
 *    BoolFormat, FloatingFormat, ComplexFloatingFormat): all strings of one
 *    call share a common layout (padding, precision, notation).
 * The core never prints; it fills caller-visible buffers. */
#ifndef NUMC_FORMAT_ARRAY_H
#define NUMC_FORMAT_ARRAY_H

#include <stddef.h>
#include "numc/export.h"
#include "numc/status.h"
#include "numc/array.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Options of one Dragon4-style float formatting call. */
typedef struct nc_fmt_opts {
    int precision;  /* digits after the point; -1: no limit (unique only) */
    int min_digits; /* pad fraction with zeros to this many digits (unique) */
    int unique;     /* 1: shortest round-trip digits; 0: exactly `precision` */
    char trim;      /* 'k' keep, '.' drop zeros keep point, '0' keep one zero,
                       '-' drop zeros and the point */
    int sign;       /* 1: write '+' for non-negative values */
    int pad_left;   /* right-align the integer part (with sign) to this width */
    int pad_right;  /* left-align the fraction part to this width (positional) */
    int exp_digits; /* minimum exponent digits (scientific); <0: 2 */
} nc_fmt_opts;

/* Writes `value` (a float of `bits` = 16, 32 or 64 bits, exactly held in a
 * double) to buf (NUL-terminated, truncated to cap) and returns the length
 * the full text has.  Non-finite values give "nan"/"inf" with sign rules. */
NC_API size_t nc_fmt_positional(double value, int bits, const nc_fmt_opts *o, char *buf,
                                size_t cap);
NC_API size_t nc_fmt_scientific(double value, int bits, const nc_fmt_opts *o, char *buf,
                                size_t cap);

typedef enum nc_floatmode {
    NC_FLOATMODE_FIXED = 0,
    NC_FLOATMODE_UNIQUE = 1,
    NC_FLOATMODE_MAXPREC = 2,
    NC_FLOATMODE_MAXPREC_EQUAL = 3
} nc_floatmode;

/* NumPy's print options that affect element text. */
typedef struct nc_print_opts {
    int precision;
    nc_floatmode floatmode;
    int suppress;
    char sign;           /* '-', '+' or ' ' */
    const char *nanstr;
    const char *infstr;
} nc_print_opts;

/* A list of strings: string i is text[offsets[i] .. offsets[i+1]). */
typedef struct nc_strlist {
    char *text;
    ptrdiff_t *offsets; /* n + 1 entries */
    ptrdiff_t n;
} nc_strlist;

NC_API void nc_strlist_clear(nc_strlist *l);

/* Formats the elements of `a` in C order.  With edgeitems >= 0 every axis
 * longer than 2*edgeitems contributes only its first and last edgeitems
 * indices; out_shape (a->ndim entries) receives the shape of that reduced
 * array.  The formatter's layout is computed from the shown elements only.
 * On success *out holds the strings (free with nc_strlist_clear). */
NC_API nc_status nc_format_array(const nc_array *a, ptrdiff_t edgeitems,
                                 const nc_print_opts *o, nc_strlist *out,
                                 ptrdiff_t *out_shape);

/* str() of one element as NumPy's scalar str: e.g. "1.5", "1e+16", "True",
 * "(1+2j)".  Returns the text length (buf NUL-terminated, truncated to cap). */
NC_API size_t nc_format_scalar_str(const char *data, nc_dtype_id dtype, char *buf, size_t cap);

#ifdef __cplusplus
}
#endif
#endif
