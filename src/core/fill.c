/* fill.c: loops that fill arrays with computed values.
 *
 *  - nc_array_fill: one value (cast once) replicated over any strided array.
 *  - nc_arange_length / nc_arange_fill: NumPy's arange.  The length is
 *    ceil((stop - start) / step) computed in double; the values follow
 *    NumPy's per-dtype fill rule: a[i] = a[0] + i * (a[1] - a[0]) evaluated in
 *    the array's own type (integers wrap modulo 2^bits, float16 goes through
 *    float), so float results are bit-identical to NumPy's.
 *  - nc_linspace_fill: NumPy's linspace formula in the computation dtype.
 *  - nc_eye_fill: ones on a diagonal of a zeroed 2-d array.
 *
 * Invariants: callers pass arrays built by the core (shape/strides valid);
 * functions check the dtype/ndim preconditions they state in fill.h and
 * return NC_ERR_* otherwise. Nothing here allocates. */
#include <math.h>
#include <stdint.h>
#include <string.h>
#include "numc/fill.h"
#include "numc/iter.h"

/* --- constant fill ------------------------------------------------------ */

/* Replicates the `size`-byte element `v` n times at stride `s`. */
static void replicate(char *p, ptrdiff_t s, ptrdiff_t n, const char *v, int size)
{
    switch (size) {
    case 1: { uint8_t x; memcpy(&x, v, 1); for (ptrdiff_t i = 0; i < n; i++) *(uint8_t *)(p + i * s) = x; return; }
    case 2: { uint16_t x; memcpy(&x, v, 2); for (ptrdiff_t i = 0; i < n; i++) memcpy(p + i * s, &x, 2); return; }
    case 4: { uint32_t x; memcpy(&x, v, 4); for (ptrdiff_t i = 0; i < n; i++) memcpy(p + i * s, &x, 4); return; }
    case 8: { uint64_t x; memcpy(&x, v, 8); for (ptrdiff_t i = 0; i < n; i++) memcpy(p + i * s, &x, 8); return; }
    default: for (ptrdiff_t i = 0; i < n; i++) memcpy(p + i * s, v, (size_t)size); return;
    }
}

nc_status nc_array_fill(nc_array *a, const void *value, nc_dtype_id vdtype)
{
    if ((unsigned)vdtype >= NC_NTYPES)
        return nc_error_set(NC_ERR_TYPE, "invalid dtype for fill value");
    if (!(a->flags & NC_WRITEABLE))
        return nc_error_set(NC_ERR_VALUE, "assignment destination is read-only");
    if (a->size == 0)
        return NC_OK;
    char elem[16];
    int size = nc_dtype_info(a->dtype)->itemsize;
    if (vdtype == a->dtype)
        memcpy(elem, value, (size_t)size);
    else
        nc_cast_get(vdtype, a->dtype)(value, 0, elem, 0, 1);
    const nc_array *ops[1] = {a};
    nc_iter it;
    nc_status st = nc_iter_init(&it, 1, ops, a->ndim, a->shape);
    if (st)
        return st;
    do
        replicate(it.ptrs[0], it.inner_strides[0], it.inner_size, elem, size);
    while (nc_iter_next(&it));
    return NC_OK;
}

/* --- arange --------------------------------------------------------------- */

nc_status nc_arange_length(double start, double stop, double step, ptrdiff_t *len)
{
    if (step == 0)
        return nc_error_set(NC_ERR_ZERODIV, "division by zero");
    double n = ceil((stop - start) / step);
    if (isnan(n))
        return nc_error_set(NC_ERR_VALUE, "arange: cannot compute length");
    if (n <= 0) {
        *len = 0;
        return NC_OK;
    }
    /* 2^63 is exactly representable; anything at or above it cannot be a length. */
    if (!(n < 9223372036854775808.0))
        return nc_error_set(NC_ERR_VALUE, "Maximum allowed size exceeded");
    *len = (ptrdiff_t)n;
    return NC_OK;
}

/* Integer progressions in modular arithmetic: the low bits of
 * a0 + i * d are the same for every width, so uint64 serves all of them. */
static uint64_t load_u(const char *p, int size)
{
    switch (size) {
    case 1: { uint8_t v; memcpy(&v, p, 1); return v; }
    case 2: { uint16_t v; memcpy(&v, p, 2); return v; }
    case 4: { uint32_t v; memcpy(&v, p, 4); return v; }
    default: { uint64_t v; memcpy(&v, p, 8); return v; }
    }
}

static void store_u(char *p, int size, uint64_t v)
{
    switch (size) {
    case 1: { uint8_t x = (uint8_t)v; memcpy(p, &x, 1); return; }
    case 2: { uint16_t x = (uint16_t)v; memcpy(p, &x, 2); return; }
    case 4: { uint32_t x = (uint32_t)v; memcpy(p, &x, 4); return; }
    default: memcpy(p, &v, 8); return;
    }
}

nc_status nc_arange_fill(nc_array *a)
{
    if (a->ndim != 1)
        return nc_error_set(NC_ERR_VALUE, "arange fill needs a 1-d array");
    ptrdiff_t n = a->shape[0], s = a->strides[0];
    char *p = a->data;
    if (n <= 2)
        return NC_OK;
    switch (nc_dtype_info(a->dtype)->kind) {
    case 'b':
        return nc_error_set(NC_ERR_TYPE,
                            "arange() is only supported for booleans when the result has at most length 2.");
    case 'i':
    case 'u': {
        int size = nc_dtype_info(a->dtype)->itemsize;
        uint64_t a0 = load_u(p, size), d = load_u(p + s, size) - a0;
        for (ptrdiff_t i = 2; i < n; i++)
            store_u(p + i * s, size, a0 + (uint64_t)i * d);
        return NC_OK;
    }
    default:
        break;
    }
    switch (a->dtype) {
    case NC_FLOAT16: {
        nc_half h0, h1;
        memcpy(&h0, p, 2);
        memcpy(&h1, p + s, 2);
        float a0 = nc_half_to_float(h0), d = nc_half_to_float(h1) - a0;
        for (ptrdiff_t i = 2; i < n; i++) {
            nc_half h = nc_float_to_half(a0 + (float)i * d);
            memcpy(p + i * s, &h, 2);
        }
        return NC_OK;
    }
    case NC_FLOAT32:
    case NC_COMPLEX64: {
        int parts = a->dtype == NC_COMPLEX64 ? 2 : 1;
        for (int c = 0; c < parts; c++) {
            float a0, a1;
            memcpy(&a0, p + c * 4, 4);
            memcpy(&a1, p + s + c * 4, 4);
            float d = a1 - a0;
            for (ptrdiff_t i = 2; i < n; i++) {
                float v = a0 + (float)i * d;
                memcpy(p + i * s + c * 4, &v, 4);
            }
        }
        return NC_OK;
    }
    case NC_FLOAT64:
    case NC_COMPLEX128: {
        int parts = a->dtype == NC_COMPLEX128 ? 2 : 1;
        for (int c = 0; c < parts; c++) {
            double a0, a1;
            memcpy(&a0, p + c * 8, 8);
            memcpy(&a1, p + s + c * 8, 8);
            double d = a1 - a0;
            for (ptrdiff_t i = 2; i < n; i++) {
                double v = a0 + (double)i * d;
                memcpy(p + i * s + c * 8, &v, 8);
            }
        }
        return NC_OK;
    }
    default:
        return nc_error_set(NC_ERR_TYPE, "no fill-function for data-type.");
    }
}

/* --- linspace ------------------------------------------------------------- */

/* Real linspace in double. */
static void linspace_d(char *p, ptrdiff_t s, ptrdiff_t num, double start, double stop, int endpoint,
                       double *step_out)
{
    ptrdiff_t div = endpoint ? num - 1 : num;
    double delta = stop - start, step = NAN;
    if (div > 0) {
        step = delta / (double)div;
        if (step == 0) {
            for (ptrdiff_t i = 0; i < num; i++) {
                double v = ((double)i / (double)div) * delta + start;
                memcpy(p + i * s, &v, 8);
            }
        } else {
            for (ptrdiff_t i = 0; i < num; i++) {
                double v = (double)i * step + start;
                memcpy(p + i * s, &v, 8);
            }
        }
    } else {
        for (ptrdiff_t i = 0; i < num; i++) {
            double v = (double)i * delta + start;
            memcpy(p + i * s, &v, 8);
        }
    }
    if (endpoint && num > 1)
        memcpy(p + (num - 1) * s, &stop, 8);
    *step_out = step;
}

/* Real linspace in float (NumPy's float32 computation). */
static void linspace_f(char *p, ptrdiff_t s, ptrdiff_t num, float start, float stop, int endpoint,
                       double *step_out)
{
    ptrdiff_t div = endpoint ? num - 1 : num;
    float delta = stop - start, step = NAN;
    if (div > 0) {
        step = delta / (float)div;
        for (ptrdiff_t i = 0; i < num; i++) {
            float v = step == 0 ? ((float)i / (float)div) * delta + start : (float)i * step + start;
            memcpy(p + i * s, &v, 4);
        }
    } else {
        for (ptrdiff_t i = 0; i < num; i++) {
            float v = (float)i * delta + start;
            memcpy(p + i * s, &v, 4);
        }
    }
    if (endpoint && num > 1)
        memcpy(p + (num - 1) * s, &stop, 4);
    *step_out = step;
}

/* Complex linspace in double: y (real-valued complex i + 0j) times step,
 * with NumPy's complex multiply; the step == 0 case divides by div with
 * NumPy's complex division (multiplication by the reciprocal). */
static void linspace_cd(char *p, ptrdiff_t s, ptrdiff_t num, const double *start,
                        const double *stop, int endpoint, double *step_out)
{
    ptrdiff_t div = endpoint ? num - 1 : num;
    double dr = stop[0] - start[0], di = stop[1] - start[1];
    double sr = NAN, si = 0;
    int zero = 0;
    if (div > 0) {
        sr = dr / (double)div;
        si = di / (double)div;
        zero = sr == 0 && si == 0;
    } else {
        sr = dr; /* multiply by delta; reported step is nan */
        si = di;
    }
    for (ptrdiff_t i = 0; i < num; i++) {
        double yr = (double)i, yi = 0, vr, vi;
        if (zero) {
            double scl = 1.0 / (double)div;
            yr = (yr + yi * 0.0) * scl;
            yi = (yi - (double)i * 0.0) * scl;
            vr = yr * dr - yi * di;
            vi = yr * di + yi * dr;
        } else {
            vr = yr * sr - yi * si;
            vi = yr * si + yi * sr;
        }
        double v[2] = {vr + start[0], vi + start[1]};
        memcpy(p + i * s, v, 16);
    }
    if (endpoint && num > 1)
        memcpy(p + (num - 1) * s, stop, 16);
    step_out[0] = div > 0 ? sr : NAN;
    step_out[1] = div > 0 ? si : 0;
}

nc_status nc_linspace_fill(nc_array *a, const double start[2], const double stop[2], int endpoint,
                           double step_out[2])
{
    double step[2] = {NAN, 0};
    if (a->ndim != 1)
        return nc_error_set(NC_ERR_VALUE, "linspace fill needs a 1-d array");
    if (!(a->flags & NC_WRITEABLE))
        return nc_error_set(NC_ERR_VALUE, "assignment destination is read-only");
    ptrdiff_t n = a->shape[0], s = a->strides[0];
    switch (a->dtype) {
    case NC_FLOAT64:
        linspace_d(a->data, s, n, start[0], stop[0], endpoint, &step[0]);
        break;
    case NC_FLOAT32:
        linspace_f(a->data, s, n, (float)start[0], (float)stop[0], endpoint, &step[0]);
        break;
    case NC_COMPLEX128:
        linspace_cd(a->data, s, n, start, stop, endpoint, step);
        break;
    default:
        return nc_error_set(NC_ERR_TYPE, "linspace computes in float32, float64 or complex128, not %s",
                            nc_dtype_info(a->dtype)->name);
    }
    if (step_out) {
        step_out[0] = step[0];
        step_out[1] = step[1];
    }
    return NC_OK;
}

nc_status nc_array_floor(nc_array *a)
{
    if (a->dtype != NC_FLOAT64 && a->dtype != NC_FLOAT32)
        return nc_error_set(NC_ERR_TYPE, "floor needs a float32 or float64 array");
    if (a->size == 0)
        return NC_OK;
    const nc_array *ops[1] = {a};
    nc_iter it;
    nc_status st = nc_iter_init(&it, 1, ops, a->ndim, a->shape);
    if (st)
        return st;
    do {
        char *p = it.ptrs[0];
        ptrdiff_t s = it.inner_strides[0];
        for (ptrdiff_t i = 0; i < it.inner_size; i++) {
            if (a->dtype == NC_FLOAT64) {
                double v;
                memcpy(&v, p + i * s, 8);
                v = floor(v);
                memcpy(p + i * s, &v, 8);
            } else {
                float v;
                memcpy(&v, p + i * s, 4);
                v = floorf(v);
                memcpy(p + i * s, &v, 4);
            }
        }
    } while (nc_iter_next(&it));
    return NC_OK;
}

/* --- eye ------------------------------------------------------------------ */

nc_status nc_eye_fill(nc_array *a, ptrdiff_t k)
{
    if (a->ndim != 2)
        return nc_error_set(NC_ERR_VALUE, "eye fill needs a 2-d array");
    ptrdiff_t rows = a->shape[0], cols = a->shape[1];
    char one[16];
    nc_bool t = 1;
    nc_cast_get(NC_BOOL, a->dtype)((const char *)&t, 0, one, 0, 1);
    int size = nc_dtype_info(a->dtype)->itemsize;
    /* Row i holds the one at column i + k: rows max(0, -k) .. min(rows, cols - k). */
    ptrdiff_t first = k < 0 ? -k : 0;
    ptrdiff_t last = k >= cols ? 0 : (cols - k < rows ? cols - k : rows);
    for (ptrdiff_t i = first; i < last; i++)
        memcpy(a->data + i * a->strides[0] + (i + k) * a->strides[1], one, (size_t)size);
    return NC_OK;
}
