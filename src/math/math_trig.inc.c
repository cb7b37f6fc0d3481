/* math_trig.inc.c: the loops of tan, arcsin, arccos, arctan (over the
 * unary vmath kernels, through math_real.inc.c's vm_loop, which must be
 * included before for the same dtype) and arctan2 (over the two-input
 * kernels) for one real floating dtype (see foreach_float.inc.c).
 *
 * arctan2: contiguous float32/float64 operands go to the kernel directly;
 * other strides (broadcast scalars included) and float16 (computed in
 * float32, rounded once, as NumPy does) pass through blocks of BLOCK
 * elements on the stack.  As for the unary loops, the flags the kernel's
 * own arithmetic raised are dropped and the ones it reports raised. */

NC_VM_LOOP(tan, NC_VM_TAN)
NC_VM_LOOP(arctan, NC_VM_ARCTAN)
NC_VM_LOOP(arcsin, NC_VM_ARCSIN)
NC_VM_LOOP(arccos, NC_VM_ARCCOS)

static int NC_HNAME(vm2_loop)(enum nc_vmath_op2 op, char *const *args, const ptrdiff_t *n,
                              const ptrdiff_t *steps)
{
    char *pa = args[0], *pb = args[1], *po = args[2];
    const ptrdiff_t sa = steps[0], sb = steps[1], so = steps[2], len = n[0];
    const unsigned int fpe_on_entry = nc__fp_save();
    int fl = 0;
#if IS_HALF
    const nc_vfn2_f32 fn = nc__vmath()->f32b[op];
    float ba[BLOCK], bb[BLOCK];
    for (ptrdiff_t i = 0; i < len; i += BLOCK) {
        const ptrdiff_t m = len - i < BLOCK ? len - i : BLOCK;
        for (ptrdiff_t k = 0; k < m; k++) {
            ba[k] = nc_half_to_float(*(const nc_half *)(pa + (i + k) * sa));
            bb[k] = nc_half_to_float(*(const nc_half *)(pb + (i + k) * sb));
        }
        fl |= fn(ba, bb, ba, m);
        nc__fp_drop_since(fpe_on_entry);
        for (ptrdiff_t k = 0; k < m; k++)
            *(nc_half *)(po + (i + k) * so) = nc_float_to_half(ba[k]);
    }
#else
    const nc_vmath *vm = nc__vmath();
    int (*const fn)(const T *, const T *, T *, ptrdiff_t) = _Generic(
        (T)0, double: vm->f64b[op], default: vm->f32b[op]);
    const ptrdiff_t sz = (ptrdiff_t)sizeof(T);
    if (sa == sz && sb == sz && so == sz) {
        fl = fn((const T *)pa, (const T *)pb, (T *)po, len);
    }
    else {
        T ba[BLOCK], bb[BLOCK];
        for (ptrdiff_t i = 0; i < len; i += BLOCK) {
            const ptrdiff_t m = len - i < BLOCK ? len - i : BLOCK;
            for (ptrdiff_t k = 0; k < m; k++) {
                ba[k] = *(const T *)(pa + (i + k) * sa);
                bb[k] = *(const T *)(pb + (i + k) * sb);
            }
            fl |= fn(ba, bb, ba, m);
            for (ptrdiff_t k = 0; k < m; k++)
                *(T *)(po + (i + k) * so) = ba[k];
        }
    }
    nc__fp_drop_since(fpe_on_entry);
#endif
    if (fl)
        nc__fp_raise(fl);
    return 0;
}

int NC_KNAME(arctan2)(char *const *args, const ptrdiff_t *n, const ptrdiff_t *steps, void *ctx)
{
    (void)ctx;
    return NC_HNAME(vm2_loop)(NC_VM2_ARCTAN2, args, n, steps);
}
