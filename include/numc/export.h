/* export.h: symbol visibility for the public C API. */
#ifndef NUMC_EXPORT_H
#define NUMC_EXPORT_H
#if defined(__GNUC__)
#define NC_API __attribute__((visibility("default")))
#else
#define NC_API
#endif
#endif
