/* format_array.c: element text for array printing, as NumPy 2 writes it.
 *
 * Digits: a value is reduced to a decimal `dec` (digits d[0..n) and exponent e
 * meaning d0.d1d2... * 10^e, no trailing zeros except the single digit of 0).
 * Shortest round-trip digits are found by asking the C library for 1, 2, ...
 * significant digits (correctly rounded by glibc's printf) until the text
 * parses back to the same float16/32/64 value; fixed precisions come straight
 * from "%.*f" / "%.*e", which round the exact binary value half-to-even like
 * NumPy's Dragon4.  The text is then assembled from `dec` (so huge values get
 * zeros, not the binary expansion) with NumPy's trim/pad/sign rules.
 *
 * Array level (nc_format_array): the shown elements are gathered first (all of
 * them, or the edge items of each long axis), then a formatter is fitted to
 * them exactly as NumPy's IntegerFormat / BoolFormat / FloatingFormat /
 * ComplexFloatingFormat do (two passes for floats: measure, then pad), and
 * every shown element is written with it.  Invariant: elements of one float
 * formatter share notation, padding and width (non-finite values included). */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "numc/alloc.h"
#include "numc/dtype.h"
#include "numc/format_array.h"

#define DIGMAX 1100 /* digits a dec can hold; precision is clamped below it */
#define PRECMAX 1000

typedef struct dec {
    char d[DIGMAX];
    int n;   /* number of digits, >= 1 */
    int e;   /* decimal exponent of d[0] */
    int neg; /* sign bit of the value */
} dec;

/* --- digits ------------------------------------------------------------- */

/* Parses printf "%e" output ("-1.2300e+05") into `o`, dropping trailing zeros. */
static void parse_e(const char *s, dec *o)
{
    o->neg = (*s == '-');
    if (*s == '-' || *s == '+')
        s++;
    o->n = 0;
    for (; *s && *s != 'e'; s++)
        if (*s >= '0' && *s <= '9' && o->n < DIGMAX)
            o->d[o->n++] = *s;
    o->e = (*s == 'e') ? atoi(s + 1) : 0;
    while (o->n > 1 && o->d[o->n - 1] == '0')
        o->n--;
    if (o->n == 1 && o->d[0] == '0')
        o->e = 0;
}

/* Parses printf "%f" output ("-0.00120") into `o`. */
static void parse_f(const char *s, dec *o)
{
    o->neg = (*s == '-');
    if (*s == '-' || *s == '+')
        s++;
    int intlen = 0, seen_point = 0, lead = 0, started = 0;
    o->n = 0;
    for (; *s; s++) {
        if (*s == '.') {
            seen_point = 1;
            continue;
        }
        if (!seen_point)
            intlen++;
        if (!started && *s == '0') {
            lead++;
            continue;
        }
        started = 1;
        if (o->n < DIGMAX)
            o->d[o->n++] = *s;
    }
    if (o->n == 0) {
        o->d[0] = '0';
        o->n = 1;
        o->e = 0;
        return;
    }
    o->e = intlen - 1 - lead;
    while (o->n > 1 && o->d[o->n - 1] == '0')
        o->n--;
}

static int roundtrips(const char *s, double v, int bits)
{
    if (bits == 64)
        return strtod(s, NULL) == v;
    if (bits == 32)
        return strtof(s, NULL) == (float)v;
    return nc_double_to_half(strtod(s, NULL)) == nc_double_to_half(v);
}

/* Text of digits d[0..n) (n <= 20) and exponent e moved by one unit in the
 * last place (dir = +1 or -1), as "%e"-style text in out. */
static void neighbour(const dec *x, int dir, char *out, size_t cap)
{
    char d[24];
    int n = x->n, e = x->e;
    memcpy(d, x->d, (size_t)n);
    int i = n - 1;
    if (dir > 0) {
        while (i >= 0 && d[i] == '9')
            d[i--] = '0';
        if (i >= 0)
            d[i]++;
        else { /* 9.99 -> 10.0: one more leading digit, same count */
            memmove(d + 1, d, (size_t)n - 1);
            d[0] = '1';
            e++;
        }
    } else {
        while (i >= 0 && d[i] == '0')
            d[i--] = '9';
        if (i >= 0)
            d[i]--;
        if (d[0] == '0' && n > 1) { /* 1.00 -> 0.99 -> 9.9(9) */
            memmove(d, d + 1, (size_t)n - 1);
            d[n - 1] = '9';
            e--;
        }
    }
    size_t k = 0;
    if (x->neg)
        out[k++] = '-';
    out[k++] = d[0];
    out[k++] = '.';
    for (int j = 1; j < n && k < cap - 8; j++)
        out[k++] = d[j];
    snprintf(out + k, cap - k, "e%d", e);
}

/* Shortest digits that read back as the same value of `bits` width; among
 * them the correctly rounded ones, or else a neighbour in the last place
 * (needed at powers of two, e.g. 2**-24 -> 5.960464477539063e-08). */
static void shortest(double v, int bits, dec *o)
{
    char tmp[64], alt[64];
    int maxp = bits == 64 ? 17 : bits == 32 ? 9 : 5;
    for (int p = 0; p < maxp; p++) {
        snprintf(tmp, sizeof tmp, "%.*e", p, v);
        if (roundtrips(tmp, v, bits) || p == maxp - 1) {
            parse_e(tmp, o);
            return;
        }
        dec x; /* all p + 1 digits, trailing zeros kept for the neighbours */
        parse_e(tmp, &x);
        {
            const char *q = tmp + (tmp[0] == '-');
            int k = 0;
            for (; *q && *q != 'e'; q++)
                if (*q >= '0' && *q <= '9')
                    x.d[k++] = *q;
            x.n = k;
        }
        for (int dir = 1; dir >= -1; dir -= 2) {
            neighbour(&x, dir, alt, sizeof alt);
            if (roundtrips(alt, v, bits)) {
                parse_e(alt, o);
                return;
            }
        }
    }
}

static char *scratch_print(const char *fmt, int prec, double v, char *small, size_t cap)
{
    /* "%.*f" of values up to ~1e308 with PRECMAX digits fits 1400 chars. */
    snprintf(small, cap, fmt, prec, v);
    return small;
}

/* Digits for positional (scientific = 0) or scientific output. */
static void make_digits(double v, int bits, const nc_fmt_opts *o, int scientific, dec *out)
{
    char tmp[DIGMAX + 400];
    int prec = o->precision > PRECMAX ? PRECMAX : o->precision;
    if (o->unique) {
        shortest(v, bits, out);
        int nfrac = scientific ? out->n - 1 : out->n - 1 - out->e;
        int mind = o->min_digits > PRECMAX ? PRECMAX : o->min_digits;
        if (mind > nfrac && (prec < 0 || nfrac < prec)) {
            /* Dragon4's min_digits: more digits of the exact value, the last
             * one rounded (not zeros: float16 400.25 -> 4.0025e+02) */
            if (prec >= 0 && mind > prec)
                mind = prec;
            if (scientific)
                parse_e(scratch_print("%.*e", mind, v, tmp, sizeof tmp), out);
            else
                parse_f(scratch_print("%.*f", mind, v, tmp, sizeof tmp), out);
            return;
        }
        if (prec < 0)
            return;
        if (nfrac > prec) {
            if (scientific)
                parse_e(scratch_print("%.*e", prec, v, tmp, sizeof tmp), out);
            else
                parse_f(scratch_print("%.*f", prec, v, tmp, sizeof tmp), out);
        }
        return;
    }
    if (prec < 0)
        prec = 0;
    if (scientific)
        parse_e(scratch_print("%.*e", prec, v, tmp, sizeof tmp), out);
    else
        parse_f(scratch_print("%.*f", prec, v, tmp, sizeof tmp), out);
}

/* --- assembling text ---------------------------------------------------- */

typedef struct sbuf {
    char *p;
    size_t cap, len; /* len may exceed cap: then the text is truncated */
} sbuf;

static void put(sbuf *b, char c)
{
    if (b->len + 1 < b->cap)
        b->p[b->len] = c;
    b->len++;
}

static void puts_(sbuf *b, const char *s)
{
    while (*s)
        put(b, *s++);
}

static size_t finish(sbuf *b)
{
    if (b->cap)
        b->p[b->len < b->cap ? b->len : b->cap - 1] = '\0';
    return b->len;
}

/* Writes the fraction `f` (length nf, already padded) with the trim rule;
 * returns the number of characters written after the integer part. */
static size_t put_fraction(sbuf *b, char *f, int nf, char trim)
{
    size_t start = b->len;
    if (trim != 'k')
        while (nf > 0 && f[nf - 1] == '0')
            nf--;
    if (nf == 0) {
        if (trim == '-')
            return 0;
        put(b, '.');
        if (trim == '0')
            put(b, '0');
        return b->len - start;
    }
    put(b, '.');
    for (int i = 0; i < nf; i++)
        put(b, f[i]);
    return b->len - start;
}

static size_t put_nonfinite(double v, const nc_fmt_opts *o, sbuf *b)
{
    char t[8];
    const char *s = isnan(v) ? "nan" : "inf";
    int k = 0;
    if (!isnan(v) && v < 0)
        t[k++] = '-';
    else if (o->sign)
        t[k++] = '+';
    strcpy(t + k, s);
    for (int i = (int)strlen(t); i < o->pad_left; i++)
        put(b, ' ');
    puts_(b, t);
    return finish(b);
}

size_t nc_fmt_positional(double v, int bits, const nc_fmt_opts *o, char *buf, size_t cap)
{
    sbuf b = {buf, cap, 0};
    if (!isfinite(v))
        return put_nonfinite(v, o, &b);
    dec *d = malloc(sizeof *d);
    char *frac = malloc(DIGMAX + PRECMAX + 16);
    if (!d || !frac) {
        free(d);
        free(frac);
        return finish(&b);
    }
    make_digits(v, bits, o, 0, d);
    /* integer part */
    char head[DIGMAX + 400];
    int h = 0;
    if (d->neg)
        head[h++] = '-';
    else if (o->sign)
        head[h++] = '+';
    if (d->e < 0)
        head[h++] = '0';
    else
        for (int j = 0; j <= d->e && h < (int)sizeof head - 1; j++)
            head[h++] = j < d->n ? d->d[j] : '0';
    head[h] = '\0';
    for (int i = h; i < o->pad_left; i++)
        put(&b, ' ');
    puts_(&b, head);
    /* fraction */
    int nf = d->n - 1 - d->e;
    if (nf < 0)
        nf = 0;
    int want = nf;
    if (!o->unique)
        want = o->precision < 0 ? 0 : (o->precision > PRECMAX ? PRECMAX : o->precision);
    else if (o->min_digits > want)
        want = o->min_digits > PRECMAX ? PRECMAX : o->min_digits;
    if (want < nf)
        want = nf;
    for (int k = 1; k <= want; k++) {
        int j = d->e + k;
        frac[k - 1] = (j >= 0 && j < d->n) ? d->d[j] : '0';
    }
    size_t fl = put_fraction(&b, frac, want, o->trim);
    if (o->pad_right > 0)
        for (size_t i = fl; (long)i < (long)o->pad_right + 1; i++)
            put(&b, ' ');
    free(d);
    free(frac);
    return finish(&b);
}

size_t nc_fmt_scientific(double v, int bits, const nc_fmt_opts *o, char *buf, size_t cap)
{
    sbuf b = {buf, cap, 0};
    if (!isfinite(v))
        return put_nonfinite(v, o, &b);
    dec *d = malloc(sizeof *d);
    if (!d)
        return finish(&b);
    make_digits(v, bits, o, 1, d);
    int h = 1 + (d->neg || o->sign);
    for (int i = h; i < o->pad_left; i++)
        put(&b, ' ');
    if (d->neg)
        put(&b, '-');
    else if (o->sign)
        put(&b, '+');
    put(&b, d->d[0]);
    int nf = d->n - 1;
    int want = nf;
    if (!o->unique)
        want = o->precision < 0 ? 0 : (o->precision > PRECMAX ? PRECMAX : o->precision);
    else if (o->min_digits > want)
        want = o->min_digits > PRECMAX ? PRECMAX : o->min_digits;
    if (want < nf)
        want = nf;
    char *frac = malloc((size_t)want + 1);
    if (!frac) {
        free(d);
        return finish(&b);
    }
    for (int k = 0; k < want; k++)
        frac[k] = k + 1 < d->n ? d->d[k + 1] : '0';
    put_fraction(&b, frac, want, o->trim);
    free(frac);
    int e = d->e;
    char ex[16];
    int ed = o->exp_digits >= 0 ? o->exp_digits : 2, ae = e < 0 ? -e : e, k = 0;
    do {
        ex[k++] = (char)('0' + ae % 10);
        ae /= 10;
    } while (ae > 0 && k < 12);
    put(&b, 'e');
    put(&b, e < 0 ? '-' : '+');
    for (int i = k; i < ed; i++)
        put(&b, '0');
    while (k > 0)
        put(&b, ex[--k]);
    free(d);
    return finish(&b);
}

/* --- string lists ------------------------------------------------------- */

void nc_strlist_clear(nc_strlist *l)
{
    nc_free(l->text);
    nc_free(l->offsets);
    l->text = NULL;
    l->offsets = NULL;
    l->n = 0;
}

typedef struct builder {
    nc_strlist *l;
    size_t len, cap;
    ptrdiff_t count;
    int failed;
} builder;

static void add_str(builder *bd, const char *s, size_t n)
{
    if (bd->failed)
        return;
    if (bd->len + n + 1 > bd->cap) {
        size_t nc = (bd->cap ? bd->cap * 2 : 256);
        while (nc < bd->len + n + 1)
            nc *= 2;
        char *t = nc_malloc(nc);
        if (!t) {
            bd->failed = 1;
            return;
        }
        if (bd->len)
            memcpy(t, bd->l->text, bd->len);
        nc_free(bd->l->text);
        bd->l->text = t;
        bd->cap = nc;
    }
    memcpy(bd->l->text + bd->len, s, n);
    bd->len += n;
    bd->count++;
    bd->l->offsets[bd->count] = (ptrdiff_t)bd->len;
}

/* --- the float formatter (NumPy's FloatingFormat) ----------------------- */

typedef struct ffmt {
    int bits;
    int exp_format;
    nc_fmt_opts o;
    const char *nanstr, *infstr;
} ffmt;

static double round_bits(double x, int bits)
{
    if (bits == 16)
        return nc_half_to_double(nc_double_to_half(x));
    if (bits == 32)
        return (double)(float)x;
    return x;
}

static int imax(int a, int b) { return a > b ? a : b; }

/* Fits the formatter to values v[0..n) (the shown elements). */
static void ffmt_init(ffmt *f, const double *v, ptrdiff_t n, int bits, const nc_print_opts *po,
                      char sign)
{
    char tmp[DIGMAX + 500];
    int precision = po->floatmode == NC_FLOATMODE_UNIQUE ? -1 : po->precision;
    int fixed = po->floatmode == NC_FLOATMODE_FIXED;
    ptrdiff_t nfinite = 0;
    double mx = 0, mn = INFINITY;
    int any_signbit = 0, any_neginf = 0;
    for (ptrdiff_t i = 0; i < n; i++) {
        double x = v[i];
        if (!isfinite(x)) {
            if (isinf(x) && x < 0)
                any_neginf = 1;
            continue;
        }
        nfinite++;
        if (signbit(x))
            any_signbit = 1;
        double ax = fabs(x);
        if (ax != 0) {
            if (ax > mx)
                mx = ax;
            if (ax < mn)
                mn = ax;
        }
    }
    memset(f, 0, sizeof *f);
    f->bits = bits;
    f->nanstr = po->nanstr;
    f->infstr = po->infstr;
    f->o.sign = sign == '+';
    f->o.exp_digits = -1;
    f->o.precision = precision;
    if (mn != INFINITY) {
        double ratio;
        if (bits == 64)
            ratio = mx / mn;
        else
            ratio = round_bits((double)((float)mx / (float)mn), bits);
        /* NumPy: 10**min(8, finfo(dtype).precision) */
        double cutoff = bits == 16 ? 1e3 : bits == 32 ? 1e6 : 1e8;
        if (mx >= cutoff ||
            (!po->suppress && (mn < round_bits(1e-4, bits) || ratio > 1000.)))
            f->exp_format = 1;
    }
    if (nfinite == 0) {
        f->o.pad_left = f->o.pad_right = 0;
        f->o.trim = '.';
        f->o.unique = 1;
        f->o.min_digits = 0;
    } else {
        nc_fmt_opts p1 = {precision, 0, !fixed, fixed ? 'k' : '.', f->o.sign, 0, 0, -1};
        int maxint = 0, maxfrac = 0, maxexp = 0;
        for (ptrdiff_t i = 0; i < n; i++) {
            if (!isfinite(v[i]))
                continue;
            if (f->exp_format) {
                nc_fmt_scientific(v[i], bits, &p1, tmp, sizeof tmp);
                char *pt = strchr(tmp, '.'), *ep = strchr(tmp, 'e');
                if (!pt || !ep)
                    continue;
                maxint = imax(maxint, (int)(pt - tmp));
                maxfrac = imax(maxfrac, (int)(ep - pt - 1));
                maxexp = imax(maxexp, (int)strlen(ep + 1));
            } else {
                size_t len = nc_fmt_positional(v[i], bits, &p1, tmp, sizeof tmp);
                char *pt = strchr(tmp, '.');
                if (!pt)
                    continue;
                maxint = imax(maxint, (int)(pt - tmp));
                maxfrac = imax(maxfrac, (int)(len - (size_t)(pt - tmp) - 1));
            }
        }
        f->o.unique = p1.unique;
        f->o.pad_left = maxint;
        if (f->exp_format) {
            f->o.exp_digits = maxexp - 1;
            f->o.trim = 'k';
            f->o.precision = maxfrac;
            f->o.min_digits = maxfrac;
            f->o.pad_right = f->o.exp_digits + 2 + maxfrac;
        } else {
            f->o.pad_right = maxfrac;
            if (po->floatmode == NC_FLOATMODE_FIXED ||
                po->floatmode == NC_FLOATMODE_MAXPREC_EQUAL) {
                f->o.precision = f->o.min_digits = maxfrac;
                f->o.trim = 'k';
            } else {
                f->o.trim = '.';
                f->o.min_digits = 0;
            }
        }
    }
    if (sign == ' ' && !any_signbit)
        f->o.pad_left += 1;
    if (nfinite != n) {
        int neginf = (sign != '-') || any_neginf;
        int offset = f->o.pad_right + 1;
        f->o.pad_left = imax(f->o.pad_left, (int)strlen(po->nanstr) - offset);
        f->o.pad_left = imax(f->o.pad_left, (int)strlen(po->infstr) + neginf - offset);
    }
}

static size_t ffmt_apply(const ffmt *f, double x, char *buf, size_t cap)
{
    if (!isfinite(x)) {
        sbuf b = {buf, cap, 0};
        const char *s = isnan(x) ? f->nanstr : f->infstr;
        char sg = 0;
        if (isnan(x))
            sg = f->o.sign ? '+' : 0;
        else
            sg = x < 0 ? '-' : (f->o.sign ? '+' : 0);
        int len = (int)strlen(s) + (sg != 0);
        for (int i = len; i < f->o.pad_left + f->o.pad_right + 1; i++)
            put(&b, ' ');
        if (sg)
            put(&b, sg);
        puts_(&b, s);
        return finish(&b);
    }
    if (f->exp_format)
        return nc_fmt_scientific(x, f->bits, &f->o, buf, cap);
    /* NumPy pads the fraction on the right inside dragon4_positional. */
    size_t len = nc_fmt_positional(x, f->bits, &f->o, buf, cap);
    return len;
}

/* --- gathering the shown elements --------------------------------------- */

/* Byte offsets of the shown elements in C order; rshape receives the
 * reduced shape.  Caller frees *offs with nc_free. */
static nc_status gather(const nc_array *a, ptrdiff_t edge, ptrdiff_t *rshape, ptrdiff_t **offs,
                        ptrdiff_t *nout)
{
    int nd = a->ndim;
    ptrdiff_t n = 1;
    for (int i = 0; i < nd; i++) {
        rshape[i] = (edge >= 0 && a->shape[i] > 2 * edge) ? 2 * edge : a->shape[i];
        n *= rshape[i];
    }
    *nout = n;
    *offs = nc_malloc((size_t)(n > 0 ? n : 1) * sizeof(ptrdiff_t));
    if (!*offs)
        return nc_error_set(NC_ERR_NOMEM, "out of memory formatting an array");
    if (n == 0)
        return NC_OK;
    ptrdiff_t idx[NC_MAXDIMS] = {0};
    for (ptrdiff_t k = 0; k < n; k++) {
        ptrdiff_t off = 0;
        for (int i = 0; i < nd; i++) {
            ptrdiff_t j = idx[i];
            if (rshape[i] != a->shape[i] && j >= edge)
                j += a->shape[i] - 2 * edge;
            off += j * a->strides[i];
        }
        (*offs)[k] = off;
        for (int i = nd - 1; i >= 0; i--) {
            if (++idx[i] < rshape[i])
                break;
            idx[i] = 0;
        }
    }
    return NC_OK;
}

static double read_real(const char *p, nc_dtype_id dt, int imag)
{
    switch (dt) {
    case NC_FLOAT16: { nc_half h; memcpy(&h, p, sizeof h); return nc_half_to_double(h); }
    case NC_FLOAT32: { float x; memcpy(&x, p, sizeof x); return x; }
    case NC_FLOAT64: { double x; memcpy(&x, p, sizeof x); return x; }
    case NC_COMPLEX64: { nc_cfloat c; memcpy(&c, p, sizeof c); return imag ? c.im : c.re; }
    case NC_COMPLEX128: { nc_cdouble c; memcpy(&c, p, sizeof c); return imag ? c.im : c.re; }
    default: return 0;
    }
}

static int read_int(const char *p, nc_dtype_id dt, int64_t *s, uint64_t *u)
{
    switch (dt) {
    case NC_INT8: { int8_t x; memcpy(&x, p, 1); *s = x; return 1; }
    case NC_INT16: { int16_t x; memcpy(&x, p, 2); *s = x; return 1; }
    case NC_INT32: { int32_t x; memcpy(&x, p, 4); *s = x; return 1; }
    case NC_INT64: { int64_t x; memcpy(&x, p, 8); *s = x; return 1; }
    case NC_UINT8: { uint8_t x; memcpy(&x, p, 1); *u = x; return 0; }
    case NC_UINT16: { uint16_t x; memcpy(&x, p, 2); *u = x; return 0; }
    case NC_UINT32: { uint32_t x; memcpy(&x, p, 4); *u = x; return 0; }
    default: { uint64_t x; memcpy(&x, p, 8); *u = x; return 0; }
    }
}

static int bits_of(nc_dtype_id dt)
{
    return dt == NC_FLOAT16 ? 16 : (dt == NC_FLOAT32 || dt == NC_COMPLEX64) ? 32 : 64;
}

static void format_ints(const nc_array *a, const ptrdiff_t *offs, ptrdiff_t n,
                        const nc_print_opts *po, builder *bd)
{
    char tmp[48];
    int64_t smin = INT64_MAX, smax = INT64_MIN;
    uint64_t umin = UINT64_MAX, umax = 0;
    int is_signed = 1;
    for (ptrdiff_t k = 0; k < n; k++) {
        int64_t s = 0;
        uint64_t u = 0;
        is_signed = read_int(a->data + offs[k], a->dtype, &s, &u);
        if (is_signed) {
            if (s < smin) smin = s;
            if (s > smax) smax = s;
        } else {
            if (u < umin) umin = u;
            if (u > umax) umax = u;
        }
    }
    char sign = po->sign;
    int width = 0;
    if (n > 0) {
        int lmax, lmin, maxneg = 0;
        if (is_signed) {
            lmax = snprintf(tmp, sizeof tmp, "%lld", (long long)smax);
            lmin = snprintf(tmp, sizeof tmp, "%lld", (long long)smin);
            maxneg = smax < 0;
            if (sign == ' ' && smin < 0)
                sign = '-';
        } else {
            lmax = snprintf(tmp, sizeof tmp, "%llu", (unsigned long long)umax);
            lmin = snprintf(tmp, sizeof tmp, "%llu", (unsigned long long)umin);
        }
        if (!maxneg && (sign == '+' || sign == ' '))
            lmax += 1;
        width = imax(lmax, lmin);
    }
    for (ptrdiff_t k = 0; k < n; k++) {
        int64_t s = 0;
        uint64_t u = 0;
        char body[48];
        int neg = 0;
        if (read_int(a->data + offs[k], a->dtype, &s, &u)) {
            neg = s < 0;
            snprintf(body, sizeof body, "%llu",
                     neg ? (unsigned long long)(-(s + 1)) + 1ull : (unsigned long long)s);
        } else {
            snprintf(body, sizeof body, "%llu", (unsigned long long)u);
        }
        char full[64];
        int h = 0;
        if (neg)
            full[h++] = '-';
        else if (sign == '+' || sign == ' ')
            full[h++] = sign;
        strcpy(full + h, body);
        int len = (int)strlen(full);
        char out[128];
        int m = 0;
        for (int i = len; i < width && m < 60; i++)
            out[m++] = ' ';
        memcpy(out + m, full, (size_t)len);
        add_str(bd, out, (size_t)(m + len));
    }
}

nc_status nc_format_array(const nc_array *a, ptrdiff_t edgeitems, const nc_print_opts *po,
                          nc_strlist *out, ptrdiff_t *out_shape)
{
    ptrdiff_t *offs = NULL, n = 0;
    memset(out, 0, sizeof *out);
    nc_status st = gather(a, edgeitems, out_shape, &offs, &n);
    if (st != NC_OK)
        return st;
    out->offsets = nc_malloc((size_t)(n + 1) * sizeof(ptrdiff_t));
    if (!out->offsets) {
        nc_free(offs);
        return nc_error_set(NC_ERR_NOMEM, "out of memory formatting an array");
    }
    out->offsets[0] = 0;
    builder bd = {out, 0, 0, 0, 0};
    nc_dtype_id dt = a->dtype;
    const nc_dtype *info = nc_dtype_info(dt);
    enum { TMPCAP = DIGMAX + 600 };
    char *tmp = nc_malloc(2 * TMPCAP);
    double *vals = NULL;
    if (!tmp) {
        bd.failed = 1;
        goto done;
    }
    if (info->kind == 'b') {
        for (ptrdiff_t k = 0; k < n; k++) {
            int t = a->data[offs[k]] != 0;
            const char *s = t ? (a->ndim ? " True" : "True") : "False";
            add_str(&bd, s, strlen(s));
        }
    } else if (info->kind == 'i' || info->kind == 'u') {
        format_ints(a, offs, n, po, &bd);
    } else {
        int cplx = info->kind == 'c';
        int bits = bits_of(dt);
        vals = nc_malloc((size_t)(n > 0 ? n : 1) * (cplx ? 2 : 1) * sizeof(double));
        if (!vals) {
            bd.failed = 1;
            goto done;
        }
        for (ptrdiff_t k = 0; k < n; k++) {
            vals[k] = read_real(a->data + offs[k], dt, 0);
            if (cplx)
                vals[n + k] = read_real(a->data + offs[k], dt, 1);
        }
        ffmt fr, fi;
        ffmt_init(&fr, vals, n, bits, po, po->sign);
        if (cplx)
            ffmt_init(&fi, vals + n, n, bits, po, '+');
        for (ptrdiff_t k = 0; k < n && !bd.failed; k++) {
            size_t lr = ffmt_apply(&fr, vals[k], tmp, TMPCAP);
            if (lr >= TMPCAP)
                lr = TMPCAP - 1;
            if (cplx) {
                size_t li = ffmt_apply(&fi, vals[n + k], tmp + lr, TMPCAP);
                if (li >= TMPCAP - 1)
                    li = TMPCAP - 2;
                /* 'j' goes before the imaginary part's trailing padding */
                char *ip = tmp + lr;
                size_t sp = li;
                while (sp > 0 && ip[sp - 1] == ' ')
                    sp--;
                memmove(ip + sp + 1, ip + sp, li - sp);
                ip[sp] = 'j';
                lr += li + 1;
            }
            add_str(&bd, tmp, lr);
        }
    }
done:
    nc_free(vals);
    nc_free(tmp);
    nc_free(offs);
    if (bd.failed) {
        nc_strlist_clear(out);
        return nc_error_set(NC_ERR_NOMEM, "out of memory formatting an array");
    }
    if (!out->text) {
        out->text = nc_malloc(1);
        if (!out->text) {
            nc_strlist_clear(out);
            return nc_error_set(NC_ERR_NOMEM, "out of memory formatting an array");
        }
    }
    out->n = n;
    return NC_OK;
}

/* --- scalar str --------------------------------------------------------- */

/* str() of one real float as NumPy's scalars write it; `trim_pos` is the
 * trim rule of positional output ('0' for floats, '-' inside complex). */
static size_t scalar_float(double v, int bits, char trim_pos, char *buf, size_t cap)
{
    if (isnan(v))
        return (size_t)snprintf(buf, cap, "nan");
    if (isinf(v))
        return (size_t)snprintf(buf, cap, v < 0 ? "-inf" : "inf");
    double hi = bits == 16 ? 1e3 : bits == 32 ? 1e6 : 1e16;
    double ax = fabs(v);
    nc_fmt_opts o = {-1, 0, 1, trim_pos, 0, 0, 0, -1};
    if (v == 0 || (ax < hi && ax >= 1e-4))
        return nc_fmt_positional(v, bits, &o, buf, cap);
    o.trim = '-';
    return nc_fmt_scientific(v, bits, &o, buf, cap);
}

size_t nc_format_scalar_str(const char *data, nc_dtype_id dt, char *buf, size_t cap)
{
    const nc_dtype *info = nc_dtype_info(dt);
    int64_t s = 0;
    uint64_t u = 0;
    switch (info->kind) {
    case 'b':
        return (size_t)snprintf(buf, cap, "%s", data[0] ? "True" : "False");
    case 'i':
    case 'u':
        if (read_int(data, dt, &s, &u))
            return (size_t)snprintf(buf, cap, "%lld", (long long)s);
        return (size_t)snprintf(buf, cap, "%llu", (unsigned long long)u);
    case 'f':
        return scalar_float(read_real(data, dt, 0), bits_of(dt), '0', buf, cap);
    default: {
        char re[96], im[96];
        double r = read_real(data, dt, 0), i = read_real(data, dt, 1);
        scalar_float(i, bits_of(dt), '-', im, sizeof im);
        if (r == 0 && !signbit(r))
            return (size_t)snprintf(buf, cap, "%sj", im);
        scalar_float(r, bits_of(dt), '-', re, sizeof re);
        return (size_t)snprintf(buf, cap, "(%s%s%sj)", re,
                                (isnan(i) || !signbit(i)) ? "+" : "", im);
    }
    }
}
