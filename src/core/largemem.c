/* largemem.c: allocation of large array buffers.
 *
 * Big fresh outputs spend a third of an element-wise operation in page faults.
 * So blocks of NC_LARGE_BYTES or more are mapped directly (from 2 MiB on,
 * 2 MiB aligned with transparent huge pages advised), and freed blocks are kept mapped in a small
 * cache for reuse (bounded in count and bytes) instead of being unmapped.
 * When a custom allocator is installed (tests inject failures that way), it is
 * used as is and nothing is cached.
 *
 * Invariants: cached blocks are mapped, of `cap` bytes (a multiple of
 * 64 KiB below 2 MiB, else a 2 MiB aligned multiple of 2 MiB); the cache is guarded by a spin lock that a forked child
 * resets, since only the forking thread survives there. */
#include <stdatomic.h>
#include <string.h>
#include <pthread.h>
#include <sys/mman.h>
#include "core/largemem.h"
#include "numc/alloc.h"

#define HUGE_PAGE ((size_t)2 << 20)
#define CACHE_SLOTS 8
#define CACHE_MAX_BYTES ((size_t)1 << 30)

typedef struct { void *ptr; size_t cap; unsigned long stamp; } slot;

static slot cache[CACHE_SLOTS];
static size_t cached_bytes;
static unsigned long clock_now; /* orders slots by when they were freed */
static atomic_flag lock = ATOMIC_FLAG_INIT;
static pthread_once_t atfork_once = PTHREAD_ONCE_INIT;

static void unlock_in_child(void) { atomic_flag_clear(&lock); }
static void install_atfork(void) { pthread_atfork(NULL, NULL, unlock_in_child); }

static void acquire(void)
{
    while (atomic_flag_test_and_set_explicit(&lock, memory_order_acquire))
        ;
}

static void release(void) { atomic_flag_clear_explicit(&lock, memory_order_release); }

#define SMALL_STEP ((size_t)64 << 10)

/* Blocks below a huge page are rounded to 64 KiB and mapped as they are:
 * a huge page would cost its whole 2 MiB in zeroing on first touch. */
static size_t round_cap(size_t size)
{
    if (size < HUGE_PAGE)
        return (size + SMALL_STEP - 1) & ~(SMALL_STEP - 1);
    return (size + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
}

void *nc__large_alloc(size_t size, int zeroed, size_t *cap_out)
{
    if (!nc__allocator_is_default()) {
        *cap_out = 0;
        return zeroed ? nc_calloc(1, size) : nc_malloc(size);
    }
    pthread_once(&atfork_once, install_atfork);
    size_t cap = round_cap(size);
    if (cap < size)
        return NULL;
    /* Best fit among cached blocks no more than a quarter larger.  Not for
     * zeroed blocks: fresh mappings are zero already and cost nothing until
     * touched (np.zeros is lazy the same way), while clearing a cached
     * block would write every byte up front. */
    void *p = NULL;
    acquire();
    int best = -1;
    for (int i = 0; i < CACHE_SLOTS && !zeroed; i++)
        if (cache[i].ptr && cache[i].cap >= cap && cache[i].cap - cap <= cap / 4 &&
            (best < 0 || cache[i].cap < cache[best].cap))
            best = i;
    if (best >= 0) {
        p = cache[best].ptr;
        cap = cache[best].cap;
        cached_bytes -= cap;
        cache[best].ptr = NULL;
    }
    release();
    if (p) {
        *cap_out = cap;
        return p;
    }
    if (cap < HUGE_PAGE) {
        void *q = mmap(NULL, cap, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (q == MAP_FAILED)
            return NULL;
        *cap_out = cap;
        return q;
    }
    /* Map with slack, then trim to a 2 MiB aligned block (fresh pages are zero). */
    size_t span = cap + HUGE_PAGE;
    if (span < cap)
        return NULL;
    char *raw = mmap(NULL, span, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED)
        return NULL;
    char *aligned = (char *)(((uintptr_t)raw + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1));
    if (aligned > raw)
        munmap(raw, (size_t)(aligned - raw));
    size_t tail = (size_t)(raw + span - (aligned + cap));
    if (tail)
        munmap(aligned + cap, tail);
#ifdef MADV_HUGEPAGE
    madvise(aligned, cap, MADV_HUGEPAGE);
#endif
    *cap_out = cap;
    return aligned;
}

void nc__large_free(void *p, size_t cap)
{
    if (!p)
        return;
    if (cap == 0) {
        nc_free(p);
        return;
    }
    if (cap > CACHE_MAX_BYTES) {
        munmap(p, cap);
        return;
    }
    /* Keep the most recently freed blocks: evict the oldest ones until the
     * new block fits (a program cycling through more sizes than there are
     * slots then still reuses its latest ones). */
    slot evicted[CACHE_SLOTS];
    int nev = 0;
    acquire();
    for (;;) {
        int empty = -1, oldest = -1;
        for (int i = 0; i < CACHE_SLOTS; i++) {
            if (!cache[i].ptr)
                empty = empty < 0 ? i : empty;
            else if (oldest < 0 || cache[i].stamp < cache[oldest].stamp)
                oldest = i;
        }
        if (empty >= 0 && cached_bytes + cap <= CACHE_MAX_BYTES) {
            cache[empty] = (slot){p, cap, ++clock_now};
            cached_bytes += cap;
            break;
        }
        evicted[nev++] = cache[oldest];
        cached_bytes -= cache[oldest].cap;
        cache[oldest].ptr = NULL;
    }
    release();
    for (int i = 0; i < nev; i++)
        munmap(evicted[i].ptr, evicted[i].cap);
}

void nc_release_cached_memory(void)
{
    slot taken[CACHE_SLOTS];
    acquire();
    memcpy(taken, cache, sizeof cache);
    memset(cache, 0, sizeof cache);
    cached_bytes = 0;
    release();
    for (int i = 0; i < CACHE_SLOTS; i++)
        if (taken[i].ptr)
            munmap(taken[i].ptr, taken[i].cap);
}
