/* fpstatus.h: cheap access to the floating-point exception flags.
 *
 * feclearexcept/fetestexcept also save and restore the x87 environment, which
 * costs more than a whole small ufunc call.  numc's loops do all arithmetic
 * in SSE registers on x86-64 (no long double), so there only the MXCSR flags
 * matter; elsewhere the <fenv.h> functions are used. */
#ifndef NC_FPSTATUS_H
#define NC_FPSTATUS_H

#include <fenv.h>
#include "numc/ufunc.h"

#if defined(__x86_64__) && defined(__SSE2__)
#include <xmmintrin.h>

/* Raises FE_* flags (on x86-64 they equal the MXCSR flag bits).  glibc's
 * feraiseexcept(FE_OVERFLOW) sets the x87 status word, which is not read. */
static inline void nc__fp_raise(int fe) { _mm_setcsr(_mm_getcsr() | ((unsigned int)fe & 0x3fu)); }

static inline void nc__fp_clear(void)
{
    unsigned int csr = _mm_getcsr();
    if (csr & 0x3f)
        _mm_setcsr(csr & ~0x3fu);
}

/* The raw flags now, for nc__fp_drop_since. */
static inline unsigned int nc__fp_save(void) { return _mm_getcsr() & 0x3fu; }

/* Clears the flags raised since nc__fp_save() returned `saved`, keeping
 * those raised before (loops that must raise nothing, as NumPy's). */
static inline void nc__fp_drop_since(unsigned int saved)
{
    unsigned int csr = _mm_getcsr();
    if (csr & 0x3fu & ~saved)
        _mm_setcsr(csr & ~(0x3fu & ~saved));
}

/* MXCSR flag bits: IE=1 DE=2 ZE=4 OE=8 UE=16 PE=32. */
static inline int nc__fp_to_fpe(unsigned int csr)
{
    int f = 0;
    if (csr & 0x04)
        f |= NC_FPE_DIVIDEBYZERO;
    if (csr & 0x08)
        f |= NC_FPE_OVERFLOW;
    if (csr & 0x10)
        f |= NC_FPE_UNDERFLOW;
    if (csr & 0x01)
        f |= NC_FPE_INVALID;
    return f;
}

/* The flags raised so far, as NC_FPE_* bits. */
static inline int nc__fp_read(void) { return nc__fp_to_fpe(_mm_getcsr()); }
#else
static inline void nc__fp_raise(int fe) { feraiseexcept(fe); }
static inline unsigned int nc__fp_save(void) { return (unsigned int)fetestexcept(FE_ALL_EXCEPT); }

static inline void nc__fp_drop_since(unsigned int saved)
{
    const int raised = fetestexcept(FE_ALL_EXCEPT) & ~(int)saved;
    if (raised)
        feclearexcept(raised);
}
static inline void nc__fp_clear(void) { feclearexcept(FE_ALL_EXCEPT); }

static inline int nc__fp_to_fpe(unsigned int raised)
{
    int f = 0;
    if (raised & FE_DIVBYZERO)
        f |= NC_FPE_DIVIDEBYZERO;
    if (raised & FE_OVERFLOW)
        f |= NC_FPE_OVERFLOW;
    if (raised & FE_UNDERFLOW)
        f |= NC_FPE_UNDERFLOW;
    if (raised & FE_INVALID)
        f |= NC_FPE_INVALID;
    return f;
}

static inline int nc__fp_read(void) { return nc__fp_to_fpe((unsigned int)fetestexcept(FE_ALL_EXCEPT)); }
#endif
#endif
