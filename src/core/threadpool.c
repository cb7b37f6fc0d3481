/* threadpool.c: the core's pool of worker threads (see parallel.h).
 *
 * Each worker has a mailbox holding NULL (idle), a job posted by the caller,
 * or TAKEN (the worker is running that job).  The caller posts a job to idle
 * workers, runs chunks itself, then takes back every job no worker picked
 * up, so it never waits on a worker that is still waking; it only waits for
 * workers that took the job to finish the chunks they claimed and give the
 * mailbox back.  Chunks are claimed with one atomic counter in the job.
 *
 * Workers spin a little after each job, because parallel calls come in
 * bursts and waking a sleeping thread takes tens of microseconds; then they
 * sleep on a condition variable.  All mailbox and `sleeping` accesses are
 * sequentially consistent, which rules out a lost wake-up: either the
 * caller sees `sleeping` and signals under the worker's mutex, or the
 * worker sees the posted job before it waits.
 *
 * One parallel call runs at a time (`busy`); a call made while another runs
 * (another thread, or nested inside a chunk) runs serially on its thread.
 * When the caller had to wait long for a worker that took a chunk (the OS
 * had descheduled it: other processes hold the CPUs), splitting is turned
 * off for a short while, since it would only add waiting.
 * After fork() the child has no workers; it starts new ones when needed.
 * Workers block all signals so that signals reach the application's
 * threads, and they never exit (they sleep when there is no work). */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "numc/threads.h"
#include "core/parallel.h"

#define SPIN_NS 2000000 /* how long an idle worker spins before sleeping */
#define CONTENDED_MIN_NS 500000 /* a wait this long for a worker ... */
/* ... turns splitting off for 4 ms, doubled for each contended call in a
 * row up to 128 ms: one hiccup (a timer interrupt, a short-lived process)
 * costs little, while a machine that stays oversubscribed is retried
 * rarely */
#define CONTENDED_BACKOFF_NS 4000000
#define CONTENDED_MAX_DOUBLINGS 5
#define YIELD_AFTER_NS 50000 /* a caller waiting this long gives up its CPU */

typedef struct job {
    nc_par_fn fn;
    void *ctx;
    ptrdiff_t n, chunk, nchunks;
    atomic_ptrdiff_t next; /* the next chunk to claim */
    atomic_int ran;        /* threads that ran at least one chunk */
} job;

#define TAKEN ((job *)(uintptr_t)1)

typedef struct worker {
    _Atomic(job *) mailbox;
    atomic_int sleeping;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    char pad[64];
} worker;

static worker workers[NC_MAX_THREADS - 1];
/* Until this time (CLOCK_MONOTONIC ns) parallel calls run serially: the
 * last one waited long for a worker, which means the CPUs are taken by
 * other work and splitting only adds waiting (see nc__parallel_for). */
static _Atomic int64_t contended_until;
static int contended_streak; /* contended calls in a row; changed under busy */
static int nstarted;             /* workers created; changed only under busy */
static atomic_int nthreads;      /* the configured count; 0 until first read */
static atomic_flag busy = ATOMIC_FLAG_INIT;
static pthread_once_t atfork_once = PTHREAD_ONCE_INIT;

static int default_threads(void)
{
    const char *env = getenv("NUMC_NUM_THREADS");
    if (env && *env) {
        char *end;
        long v = strtol(env, &end, 10);
        if (*end == '\0' && v >= 1)
            return v > NC_MAX_THREADS ? NC_MAX_THREADS : (int)v;
    }
#ifdef CPU_COUNT
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) == 0) {
        int c = CPU_COUNT(&set);
        if (c >= 1)
            return c > NC_MAX_THREADS ? NC_MAX_THREADS : c;
    }
#endif
    long c = sysconf(_SC_NPROCESSORS_ONLN);
    return c < 1 ? 1 : c > NC_MAX_THREADS ? NC_MAX_THREADS : (int)c;
}

int nc_get_num_threads(void)
{
    int t = atomic_load(&nthreads);
    if (t == 0) {
        int d = default_threads(), expected = 0;
        atomic_compare_exchange_strong(&nthreads, &expected, d);
        t = atomic_load(&nthreads);
    }
    return t;
}

nc_status nc_set_num_threads(int n)
{
    if (n < 1 || n > NC_MAX_THREADS)
        return nc_error_set(NC_ERR_VALUE, "number of threads must be between 1 and %d, got %d",
                            NC_MAX_THREADS, n);
    atomic_store(&nthreads, n);
    return NC_OK;
}

int nc__par_threads(void)
{
    return nc_get_num_threads();
}

ptrdiff_t nc__par_chunk(ptrdiff_t n, ptrdiff_t min_chunk, ptrdiff_t align)
{
    const int t = nc__par_threads();
    if (t <= 1 || n < 2 * min_chunk)
        return n;
    ptrdiff_t c = n / ((ptrdiff_t)t * 4);
    if (c < min_chunk)
        c = min_chunk;
    if (align > 1)
        c += (align - c % align) % align;
    return c < n ? c : n;
}

static int64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static inline void cpu_relax(void)
{
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#endif
}

/* Runs chunks of j until none is left. */
static void run_chunks(job *j)
{
    int ran = 0;
    for (;;) {
        ptrdiff_t c = atomic_fetch_add_explicit(&j->next, 1, memory_order_relaxed);
        if (c >= j->nchunks)
            break;
        ptrdiff_t b = c * j->chunk, e = b + j->chunk;
        j->fn(j->ctx, b, e < j->n ? e : j->n);
        ran = 1;
    }
    if (ran)
        atomic_fetch_add_explicit(&j->ran, 1, memory_order_relaxed);
}

static job *wait_for_job(worker *w)
{
    int64_t deadline = now_ns() + SPIN_NS;
    for (unsigned k = 1;; k++) {
        job *p = atomic_load(&w->mailbox);
        if (p)
            return p;
        cpu_relax();
        if ((k & 255) == 0 && now_ns() > deadline)
            break;
    }
    pthread_mutex_lock(&w->mu);
    atomic_store(&w->sleeping, 1);
    job *p;
    while ((p = atomic_load(&w->mailbox)) == NULL)
        pthread_cond_wait(&w->cv, &w->mu);
    atomic_store(&w->sleeping, 0);
    pthread_mutex_unlock(&w->mu);
    return p;
}

static void *worker_main(void *arg)
{
    worker *w = arg;
    for (;;) {
        job *p = wait_for_job(w);
        /* The caller may take the job back first; then there is nothing to
         * do.  After a successful exchange the job stays alive until the
         * mailbox is given back. */
        if (p != TAKEN && atomic_compare_exchange_strong(&w->mailbox, &p, TAKEN)) {
            run_chunks(p);
            atomic_store(&w->mailbox, NULL);
        }
    }
    return NULL;
}

static void reset_after_fork(void)
{
    for (int i = 0; i < nstarted; i++) {
        atomic_store(&workers[i].mailbox, NULL);
        atomic_store(&workers[i].sleeping, 0);
        pthread_mutex_init(&workers[i].mu, NULL);
        pthread_cond_init(&workers[i].cv, NULL);
    }
    nstarted = 0;
    contended_streak = 0;
    atomic_store(&contended_until, 0);
    atomic_flag_clear(&busy);
}

static void install_atfork(void)
{
    pthread_atfork(NULL, NULL, reset_after_fork);
}

/* Starts workers until `want` exist (fewer if the system refuses). */
static void start_workers(int want)
{
    pthread_once(&atfork_once, install_atfork);
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old);
    while (nstarted < want) {
        worker *w = &workers[nstarted];
        atomic_store(&w->mailbox, NULL);
        atomic_store(&w->sleeping, 0);
        pthread_mutex_init(&w->mu, NULL);
        pthread_cond_init(&w->cv, NULL);
        pthread_attr_t attr;
        pthread_attr_init(&attr);
        pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
        pthread_t tid;
        int rc = pthread_create(&tid, &attr, worker_main, w);
        pthread_attr_destroy(&attr);
        if (rc != 0)
            break;
        nstarted++;
    }
    pthread_sigmask(SIG_SETMASK, &old, NULL);
}

static int run_serial(ptrdiff_t n, ptrdiff_t chunk, nc_par_fn fn, void *ctx)
{
    for (ptrdiff_t b = 0; b < n; b += chunk)
        fn(ctx, b, n - b < chunk ? n : b + chunk);
    return n > 0;
}

int nc__parallel_for(ptrdiff_t n, ptrdiff_t chunk, nc_par_fn fn, void *ctx)
{
    if (n <= 0)
        return 0;
    if (chunk < 1 || chunk > n)
        chunk = n;
    const ptrdiff_t nchunks = (n - 1) / chunk + 1;
    const int t = nc__par_threads();
    if (nchunks == 1 || t == 1)
        return run_serial(n, chunk, fn, ctx);
    const int64_t start = now_ns();
    if (start < atomic_load_explicit(&contended_until, memory_order_relaxed) ||
        atomic_flag_test_and_set(&busy))
        return run_serial(n, chunk, fn, ctx);

    int helpers = t - 1;
    if (helpers > nchunks - 1)
        helpers = (int)(nchunks - 1);
    if (nstarted < helpers)
        start_workers(helpers);
    if (helpers > nstarted)
        helpers = nstarted;

    job j = {.fn = fn, .ctx = ctx, .n = n, .chunk = chunk, .nchunks = nchunks};
    atomic_init(&j.next, 0);
    atomic_init(&j.ran, 0);
    unsigned char posted[NC_MAX_THREADS];
    for (int i = 0; i < helpers; i++) {
        worker *w = &workers[i];
        job *idle = NULL;
        posted[i] = (unsigned char)atomic_compare_exchange_strong(&w->mailbox, &idle, &j);
        if (posted[i] && atomic_load(&w->sleeping)) {
            pthread_mutex_lock(&w->mu);
            pthread_cond_signal(&w->cv);
            pthread_mutex_unlock(&w->mu);
        }
    }
    run_chunks(&j);
    const int64_t own_done = now_ns();
    for (int i = 0; i < helpers; i++) {
        if (!posted[i])
            continue;
        worker *w = &workers[i];
        job *mine = &j;
        if (atomic_compare_exchange_strong(&w->mailbox, &mine, NULL))
            continue; /* never picked up */
        /* the worker holds a chunk; if it is slow, it may be waiting for
         * this CPU (more runnable threads than CPUs) */
        for (int spins = 0; atomic_load(&w->mailbox) != NULL; spins++) {
            cpu_relax();
            if ((spins & 255) == 255 && now_ns() - own_done > YIELD_AFTER_NS)
                sched_yield();
        }
    }
    /* A worker that finished long after the caller ran out of chunks was
     * descheduled while holding one: the machine is oversubscribed.  Then
     * run serially for a while rather than wait again. */
    const int64_t end = now_ns(), waited = end - own_done;
    if (waited > CONTENDED_MIN_NS && waited > own_done - start) {
        const int64_t backoff = (int64_t)CONTENDED_BACKOFF_NS << contended_streak;
        if (contended_streak < CONTENDED_MAX_DOUBLINGS)
            contended_streak++;
        atomic_store_explicit(&contended_until, end + backoff, memory_order_relaxed);
    }
    else if (atomic_load(&j.ran) > 1)
        contended_streak = 0;
    atomic_flag_clear(&busy);
    return atomic_load(&j.ran);
}
