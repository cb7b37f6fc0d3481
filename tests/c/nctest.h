/* nctest.h: a tiny test harness for the C tests of libnumc.
 *
 * Each test file defines `static void test_x(void)` functions and a main()
 * that calls NC_RUN(test_x) for each; NC_CHECK records failures without
 * stopping the file, and nctest_finish() turns them into the exit status. */
#ifndef NCTEST_H
#define NCTEST_H
#include <stdio.h>
#include <string.h>

static int nctest_failures;
static int nctest_checks;

#define NC_CHECK(cond)                                                        \
    do {                                                                      \
        nctest_checks++;                                                      \
        if (!(cond)) {                                                        \
            nctest_failures++;                                                \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
        }                                                                     \
    } while (0)

#define NC_CHECK_MSG(cond, ...)                                               \
    do {                                                                      \
        nctest_checks++;                                                      \
        if (!(cond)) {                                                        \
            nctest_failures++;                                                \
            fprintf(stderr, "%s:%d: check failed: %s: ", __FILE__, __LINE__, #cond); \
            fprintf(stderr, __VA_ARGS__);                                     \
            fputc('\n', stderr);                                              \
        }                                                                     \
    } while (0)

#define NC_RUN(fn)                                                            \
    do {                                                                      \
        int before_ = nctest_failures;                                        \
        fn();                                                                 \
        printf("%s %s\n", nctest_failures == before_ ? "ok  " : "FAIL", #fn); \
    } while (0)

static inline int nctest_finish(void)
{
    printf("%d checks, %d failures\n", nctest_checks, nctest_failures);
    return nctest_failures ? 1 : 0;
}
#endif
