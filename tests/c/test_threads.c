/* test_threads.c: the core's thread pool (core/parallel.h, numc/threads.h):
 * every chunk runs exactly once for any count, chunk size and thread count;
 * nested and concurrent calls fall back to serial without deadlock; the
 * pool works again in a forked child; bad thread counts are refused. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>
#include "numc/numc.h"
#include "../../src/core/parallel.h"
#include "nctest.h"

typedef struct {
    atomic_int *hits; /* per element */
    ptrdiff_t n;
    atomic_int bad;
} cover_ctx;

static void cover(void *p, ptrdiff_t b, ptrdiff_t e)
{
    cover_ctx *c = p;
    if (b < 0 || e > c->n || b >= e)
        atomic_fetch_add(&c->bad, 1);
    for (ptrdiff_t i = b; i < e && i < c->n; i++)
        atomic_fetch_add(&c->hits[i], 1);
}

static int covered_once(ptrdiff_t n, ptrdiff_t chunk)
{
    cover_ctx c = {calloc((size_t)(n ? n : 1), sizeof(atomic_int)), n, 0};
    nc__parallel_for(n, chunk, cover, &c);
    int ok = atomic_load(&c.bad) == 0;
    for (ptrdiff_t i = 0; i < n; i++)
        ok &= atomic_load(&c.hits[i]) == 1;
    free(c.hits);
    return ok;
}

static void test_every_chunk_once(void)
{
    const ptrdiff_t ns[] = {0, 1, 2, 7, 64, 1000, 4097, 100000};
    const ptrdiff_t chunks[] = {-1, 0, 1, 3, 64, 1000, 5000, 1 << 20};
    for (int t = 1; t <= 4; t++) {
        NC_CHECK(nc_set_num_threads(t) == NC_OK);
        NC_CHECK(nc_get_num_threads() == t);
        for (size_t i = 0; i < sizeof ns / sizeof *ns; i++)
            for (size_t k = 0; k < sizeof chunks / sizeof *chunks; k++)
                NC_CHECK_MSG(covered_once(ns[i], chunks[k]), "t=%d n=%td chunk=%td", t, ns[i],
                             chunks[k]);
    }
}

/* Many quick calls in a row: the post / take-back handshake under churn. */
static void test_many_calls(void)
{
    nc_set_num_threads(2);
    int ok = 1;
    for (int r = 0; r < 20000 && ok; r++)
        ok = covered_once(64 + r % 7, 8);
    NC_CHECK(ok);
}

static void nested(void *p, ptrdiff_t b, ptrdiff_t e)
{
    (void)b;
    (void)e;
    /* runs serially: the pool is busy with the outer call (no NC_CHECK
     * here: the harness's counters are not thread-safe) */
    atomic_fetch_add((atomic_int *)p, covered_once(100, 10) ? 1 : 1000);
}

static void test_nested_runs_serially(void)
{
    nc_set_num_threads(3);
    atomic_int calls = 0;
    nc__parallel_for(8, 1, nested, &calls);
    NC_CHECK(atomic_load(&calls) == 8);
}

static void *caller_thread(void *arg)
{
    int *ok = arg;
    for (int r = 0; r < 300 && *ok; r++)
        *ok = covered_once(10000, 100);
    return NULL;
}

static void test_concurrent_callers(void)
{
    nc_set_num_threads(2);
    pthread_t th[3];
    int ok[3] = {1, 1, 1};
    for (int i = 0; i < 3; i++)
        NC_CHECK(pthread_create(&th[i], NULL, caller_thread, &ok[i]) == 0);
    for (int i = 0; i < 3; i++)
        pthread_join(th[i], NULL);
    NC_CHECK(ok[0] && ok[1] && ok[2]);
}

static void test_fork_child(void)
{
    nc_set_num_threads(2);
    NC_CHECK(covered_once(100000, 1000)); /* workers exist before fork */
    pid_t pid = fork();
    if (pid == 0)
        _exit(covered_once(100000, 1000) && covered_once(5000, 7) ? 0 : 1);
    int status = 0;
    NC_CHECK(pid > 0 && waitpid(pid, &status, 0) == pid);
    NC_CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

static void test_bad_counts(void)
{
    int before = nc_get_num_threads();
    NC_CHECK(nc_set_num_threads(0) == NC_ERR_VALUE);
    NC_CHECK(nc_set_num_threads(-3) == NC_ERR_VALUE);
    NC_CHECK(nc_set_num_threads(NC_MAX_THREADS + 1) == NC_ERR_VALUE);
    NC_CHECK(nc_get_num_threads() == before);
}

static void test_chunk_sizes(void)
{
    nc_set_num_threads(1);
    NC_CHECK(nc__par_chunk(1000000, 1000, 8) == 1000000);
    nc_set_num_threads(2);
    NC_CHECK(nc__par_chunk(1000, 1000, 8) == 1000);
    ptrdiff_t c = nc__par_chunk(1000000, 1000, 64);
    NC_CHECK(c >= 1000 && c < 1000000 && c % 64 == 0);
    NC_CHECK(nc__par_chunk(3000, 1000, 64) >= 1000);
}

int main(void)
{
    NC_RUN(test_every_chunk_once);
    NC_RUN(test_many_calls);
    NC_RUN(test_nested_runs_serially);
    NC_RUN(test_concurrent_callers);
    NC_RUN(test_fork_child);
    NC_RUN(test_bad_counts);
    NC_RUN(test_chunk_sizes);
    return nctest_finish();
}
