/* registry.c: the table of the core's ufuncs, expanded from ufuncs.def.
 *
 * Each ufunc's loops form one static array in NumPy's order (the order is
 * what type resolution searches); the registry itself is a static array in
 * the order of ufuncs.def.  Everything here is constant after compilation,
 * so lookups need no locking. */
#include <stdint.h>
#include <string.h>
#include "loops.h"

#define NC_LOOP(op, sfx, ...) {{__VA_ARGS__}, nc_##op##_##sfx},
#define NC_UFUNC(NAME, NIN, NOUT, IDENTITY, RESOLVER, LOOPS, DOC)             \
    static const nc_loop NAME##_loops[] = {LOOPS};
#include "ufuncs.def"
#undef NC_UFUNC

#define NC_UFUNC(NAME, NIN, NOUT, IDENTITY, RESOLVER, LOOPS, DOC)             \
    {#NAME,                                                                   \
     NIN,                                                                     \
     NOUT,                                                                    \
     NC_IDENTITY_##IDENTITY,                                                  \
     NC_RESOLVE_##RESOLVER,                                                   \
     (int)(sizeof NAME##_loops / sizeof NAME##_loops[0]),                     \
     NAME##_loops,                                                            \
     DOC},
static const nc_ufunc ufuncs[] = {
#include "ufuncs.def"
};
#undef NC_UFUNC
#undef NC_LOOP

#define NUFUNCS ((int)(sizeof ufuncs / sizeof ufuncs[0]))

int nc_ufunc_count(void)
{
    return NUFUNCS;
}

const nc_ufunc *nc_ufunc_at(int i)
{
    return i >= 0 && i < NUFUNCS ? &ufuncs[i] : NULL;
}

int nc__ufunc_index(const nc_ufunc *uf)
{
    /* compared as integers: uf may be a ufunc defined elsewhere */
    const uintptr_t first = (uintptr_t)ufuncs, at = (uintptr_t)uf;
    if (at < first || (at - first) % sizeof(nc_ufunc))
        return -1;
    const size_t i = (at - first) / sizeof(nc_ufunc);
    return i < (size_t)NUFUNCS ? (int)i : -1;
}

/* A linear scan: there are few ufuncs, and callers (the binding) look each
 * one up once at import. */
const nc_ufunc *nc_ufunc_find(const char *name)
{
    for (int i = 0; name && i < NUFUNCS; i++)
        if (strcmp(ufuncs[i].name, name) == 0)
            return &ufuncs[i];
    return NULL;
}
