/* status.h: error values of the numc core.
 *
 * Every fallible core function returns nc_status (NC_OK == 0, errors < 0) and
 * writes results through out-parameters.  A human-readable detail message is
 * kept per thread and read with nc_error_message(); it is only meaningful right
 * after a call returned an error.  The core never prints, aborts or exits. */
#ifndef NUMC_STATUS_H
#define NUMC_STATUS_H

#include "numc/export.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum nc_status {
    NC_OK = 0,
    NC_ERR_NOMEM = -1,     /* allocation failed (MemoryError) */
    NC_ERR_VALUE = -2,     /* bad value: shape, order, ragged data (ValueError) */
    NC_ERR_TYPE = -3,      /* unsupported dtype / operation (TypeError) */
    NC_ERR_INDEX = -4,     /* index out of range (IndexError) */
    NC_ERR_OVERFLOW = -5,  /* integer does not fit (OverflowError) */
    NC_ERR_AXIS = -6,      /* axis out of range (AxisError) */
    NC_ERR_CAST = -7,      /* casting rule refuses a cast (UFuncTypeError-like TypeError) */
    NC_ERR_NOLOOP = -8,    /* no ufunc loop matches the operand dtypes */
    NC_ERR_FPE = -9,       /* floating-point error with errstate 'raise' */
    NC_ERR_SHAPE = -10,    /* operands could not be broadcast (ValueError) */
    NC_ERR_ZERODIV = -11,  /* division by zero outside ufuncs (ZeroDivisionError) */
    NC_ERR_INTERNAL = -99  /* a broken invariant; a bug in numc */
} nc_status;

/* Message of the last error set on this thread ("" if none). */
NC_API const char *nc_error_message(void);

/* Sets the thread's error message (printf-style) and returns `status`, so that
 * error paths read `return nc_error_set(NC_ERR_VALUE, "...", ...);`. */
NC_API nc_status nc_error_set(nc_status status, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* Clears the thread's error message. */
NC_API void nc_error_clear(void);

#ifdef __cplusplus
}
#endif
#endif
