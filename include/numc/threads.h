/* threads.h: the core's thread pool settings.
 *
 * Large element-wise loops and reductions are split over a pool of worker
 * threads owned by the core.  Results never depend on the thread count:
 * element-wise work writes disjoint ranges, and reductions are only split
 * where the order of operations is fixed by the data (see
 * docs/design/threads.md).  The default count is the number of CPUs this
 * process may run on, or NUMC_NUM_THREADS from the environment. */
#ifndef NUMC_THREADS_H
#define NUMC_THREADS_H

#include "numc/export.h"
#include "numc/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The number of threads (the caller included) parallel work may use; 1
 * means everything runs on the calling thread. */
NC_API int nc_get_num_threads(void);

/* Sets it (1 <= n <= NC_MAX_THREADS); later parallel calls use the new
 * count.  NC_ERR_VALUE outside that range. */
#define NC_MAX_THREADS 256
NC_API nc_status nc_set_num_threads(int n);

#ifdef __cplusplus
}
#endif

#endif
