/* format_float.c: shortest round-trip decimal forms of float16/32/64 values.
 *
 * Method: for p = 1, 2, ... significant digits, print the value correctly
 * rounded to p digits with snprintf("%.*e") and read it back at the target
 * precision (strtod, then narrowed to float or half); the first p that reads
 * back to the same value gives the shortest form.  When the correctly
 * rounded p-digit string misses, its two decimal neighbours (last digit +-1)
 * are tried as well, since the rounding interval of a value need not be
 * centred on it.  p never exceeds 17, which suffices for float64.
 * Invariants: the functions keep no state and are thread-safe; they depend
 * on the C library printing/parsing correctly rounded decimals (glibc does). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "numc/dtype.h"
#include "numc/format.h"

/* `x` rounded to `bits`, returned as a double (exact). */
static double narrow(double x, int bits)
{
    if (bits == 16)
        return nc_half_to_double(nc_double_to_half(x));
    if (bits == 32)
        return (double)(float)x;
    return x;
}

/* Reads a decimal string at the target precision.  Narrowing a double that
 * came from at most 9 significant digits cannot double-round wrongly for
 * float32/float16 targets (the decimal is far from any midpoint). */
static double read_back(const char *s, int bits)
{
    if (bits == 32)
        return (double)strtof(s, NULL);
    return narrow(strtod(s, NULL), bits);
}

/* Splits "d.ddde+XX" (from %.*e of a positive finite value) into digits
 * and exponent; returns the digit count. */
static int split_sci(const char *s, char *digits, int *exp10)
{
    int n = 0;
    for (; *s && *s != 'e'; s++)
        if (*s >= '0' && *s <= '9')
            digits[n++] = *s;
    digits[n] = '\0';
    *exp10 = *s == 'e' ? atoi(s + 1) : 0;
    return n;
}

/* Adds `delta` (+1 or -1) to the last digit of digits[0..n) with carry;
 * returns 0 when the result would change the digit count. */
static int bump(char *digits, int n, int *exp10, int delta)
{
    int i = n - 1;
    if (delta > 0) {
        while (i >= 0 && digits[i] == '9')
            digits[i--] = '0';
        if (i < 0) {
            /* 99..9 + 1 = 100..0: one more decade, same digit count. */
            digits[0] = '1';
            (*exp10)++;
            return 1;
        }
        digits[i]++;
        return 1;
    }
    while (i >= 0 && digits[i] == '0')
        digits[i--] = '9';
    if (i < 0 || (i == 0 && digits[0] == '1' && n == 1))
        return 0;
    digits[i]--;
    if (digits[0] == '0') {
        /* 10..0 - 1 = 09..9: drop a decade and keep n digits. */
        memmove(digits, digits + 1, (size_t)n - 1);
        digits[n - 1] = '9';
        (*exp10)--;
    }
    return 1;
}

static int roundtrips(const char *digits, int n, int exp10, double target, int bits)
{
    char s[48];
    snprintf(s, sizeof s, "%c.%.*se%d", digits[0], n - 1, digits + 1, exp10);
    return read_back(s, bits) == target;
}

int nc_shortest_digits(double value, int bits, char *digits, int *exp10)
{
    double v = fabs(narrow(value, bits));
    if (isnan(v) || isinf(v))
        return 0;
    if (v == 0) {
        strcpy(digits, "0");
        *exp10 = 0;
        return 1;
    }
    int n = 0;
    for (int p = 1; p <= 17; p++) {
        char s[48];
        snprintf(s, sizeof s, "%.*e", p - 1, v);
        n = split_sci(s, digits, exp10);
        if (read_back(s, bits) == v)
            break;
        if (p == 17)
            break;
        /* Neighbours of the correctly rounded string; keep the closer one
         * that reads back (the candidates straddle v, so at most one is in
         * the rounding interval unless both are, then prefer the nearer). */
        char lo[24], hi[24];
        int elo = *exp10, ehi = *exp10;
        memcpy(lo, digits, (size_t)n + 1);
        memcpy(hi, digits, (size_t)n + 1);
        int oklo = bump(lo, n, &elo, -1) && roundtrips(lo, n, elo, v, bits);
        int okhi = bump(hi, n, &ehi, +1) && roundtrips(hi, n, ehi, v, bits);
        if (oklo || okhi) {
            if (oklo && okhi) {
                char a[48], b[48];
                snprintf(a, sizeof a, "%c.%.*se%d", lo[0], n - 1, lo + 1, elo);
                snprintf(b, sizeof b, "%c.%.*se%d", hi[0], n - 1, hi + 1, ehi);
                oklo = fabs(strtod(a, NULL) - v) <= fabs(strtod(b, NULL) - v);
            }
            memcpy(digits, oklo ? lo : hi, (size_t)n + 1);
            *exp10 = oklo ? elo : ehi;
            break;
        }
    }
    while (n > 1 && digits[n - 1] == '0')
        digits[--n] = '\0';
    return n;
}

/* Appends to buf with snprintf semantics, tracking the needed length. */
typedef struct {
    char *buf;
    size_t cap;
    size_t len;
} sink;

static void put(sink *s, const char *text, size_t n)
{
    for (size_t i = 0; i < n; i++, s->len++)
        if (s->len + 1 < s->cap)
            s->buf[s->len] = text[i];
}

static void putc_(sink *s, char c) { put(s, &c, 1); }

int nc_format_shortest(double value, int bits, char *buf, size_t cap)
{
    sink s = {buf, cap, 0};
    double v = narrow(value, bits);
    if (isnan(v)) {
        put(&s, "nan", 3);
    } else if (isinf(v)) {
        put(&s, v < 0 ? "-inf" : "inf", v < 0 ? 4 : 3);
    } else {
        char d[24];
        int e;
        int n = nc_shortest_digits(v, bits, d, &e);
        double cutoff = bits == 16 ? 1e3 : bits == 32 ? 1e6 : 1e16;
        double a = fabs(v);
        if (signbit(v))
            putc_(&s, '-');
        if (a == 0 || (a >= 1e-4 && a < cutoff)) {
            if (e < 0) {
                put(&s, "0.", 2);
                for (int i = 0; i < -e - 1; i++)
                    putc_(&s, '0');
                put(&s, d, (size_t)n);
            } else {
                for (int i = 0; i <= e; i++)
                    putc_(&s, i < n ? d[i] : '0');
                putc_(&s, '.');
                if (n > e + 1)
                    put(&s, d + e + 1, (size_t)(n - e - 1));
                else
                    putc_(&s, '0');
            }
        } else {
            char ex[16];
            putc_(&s, d[0]);
            if (n > 1) {
                putc_(&s, '.');
                put(&s, d + 1, (size_t)n - 1);
            }
            int m = snprintf(ex, sizeof ex, "e%c%02d", e < 0 ? '-' : '+', e < 0 ? -e : e);
            put(&s, ex, (size_t)m);
        }
    }
    if (cap)
        buf[s.len < cap ? s.len : cap - 1] = '\0';
    return (int)s.len;
}
