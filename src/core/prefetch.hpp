#pragma once
// Asks the CPU to bring the cache line holding `address` into its caches,
// so a load issued later does not stall on memory.
//
// Not __builtin_prefetch: GCC 12 at -O2 deletes it when it sits in a small
// helper (interprocedural analysis finds the helper free of side effects and
// drops the call), which left the engine's buyer prefetching compiled away.
// An asm statement with volatile is never deleted.
namespace mercator {

inline void prefetch_line(const void* address) {
#if defined(__x86_64__) || defined(__i386__)
  asm volatile("prefetcht0 %0" : : "m"(*static_cast<const char*>(address)));
#else
  __builtin_prefetch(address);
#endif
}

}  // namespace mercator
