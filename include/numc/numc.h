/* numc.h: umbrella header of libnumc, numc's C core. */
#ifndef NUMC_NUMC_H
#define NUMC_NUMC_H
#include "numc/export.h"
#include "numc/status.h"
#include "numc/alloc.h"
#include "numc/dtype.h"
#include "numc/array.h"
#include "numc/iter.h"
#include "numc/view.h"
#include "numc/ufunc.h"
#include "numc/fill.h"
#include "numc/select.h"
#include "numc/threads.h"
#endif
