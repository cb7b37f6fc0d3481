/* parallel.h: the core's internal interface to its thread pool.
 *
 * nc__parallel_for() splits [0, n) into chunks of `chunk` elements (the last
 * one shorter) and calls fn(ctx, begin, end) once per chunk, on the calling
 * thread and on pool workers.  Chunks are claimed dynamically, so a worker
 * that is asleep or busy elsewhere just takes fewer (or none): the caller
 * never waits for a worker that has not started.  fn must be safe to run
 * concurrently on disjoint chunks and must not call back into Python.
 * Invariants: every chunk runs exactly once; the call returns only after
 * all chunks finished; a call made while the pool is busy (another thread,
 * or from inside a chunk) runs all chunks on the calling thread. */
#ifndef NC_PARALLEL_H
#define NC_PARALLEL_H

#include <stddef.h>

typedef void (*nc_par_fn)(void *ctx, ptrdiff_t begin, ptrdiff_t end);

/* Returns the number of threads that ran at least one chunk. */
int nc__parallel_for(ptrdiff_t n, ptrdiff_t chunk, nc_par_fn fn, void *ctx);

/* Threads available to parallel work (1 when the pool is off). */
int nc__par_threads(void);

/* A chunk size for n elements that gives each thread a few chunks (so late
 * workers still find work) but no chunk below min_chunk elements; returns
 * n (one chunk: run serially) when n is below 2 * min_chunk or there is
 * one thread.  The result is a multiple of `align` when it is less than n. */
ptrdiff_t nc__par_chunk(ptrdiff_t n, ptrdiff_t min_chunk, ptrdiff_t align);

/* A kernel over one run of an nc_iter: ptrs and byte steps per operand. */
typedef void (*nc_par_run_fn)(void *ctx, char *const *ptrs, const ptrdiff_t *steps, ptrdiff_t n);

struct nc_iter;
/* Runs fn over every run of a one- or two-dimensional iterator on the
 * pool and returns 1; returns 0 (having done nothing) when the iterator
 * has more dimensions or is too small to split into parts of at least
 * min_chunk elements.  Runs must be independent of each other (par_iter.c). */
int nc__par_iter(const struct nc_iter *it, ptrdiff_t min_chunk, nc_par_run_fn fn, void *ctx);

#endif
