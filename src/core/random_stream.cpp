#include "core/random_stream.hpp"

#include <algorithm>
#include <cstring>
#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define MERCATOR_X86_SIMD 1
#endif

namespace mercator {

namespace {

using Counter = r123::Philox4x32::ctr_type;
using Key = r123::Philox4x32::key_type;

// Blocks counter, counter + 1, ... (counter word 0 counts, wrapping like the
// scalar stream), each written as its words v3, v2, v1, v0: stream order.
void scalar_blocks(Counter counter, const Key& key, uint32_t* out, size_t blocks) {
  for (size_t block = 0; block < blocks; ++block, ++counter.v[0], out += 4) {
    const auto words = r123::Philox4x32{}(counter, key);
    out[0] = words.v[3];
    out[1] = words.v[2];
    out[2] = words.v[1];
    out[3] = words.v[0];
  }
}

// The first two blocks of each stream (key, day, ids[i]), stream after
// stream: what a stream's first refill computes (RandomStream::refill).
void scalar_stream_starts(const Key& key, uint32_t day, const uint32_t* ids, size_t streams,
                          uint32_t* out) {
  for (size_t i = 0; i < streams; ++i, out += RandomStream::kStartWords) {
    scalar_blocks(Counter{{0, day, ids[i], 0}}, key, out, RandomStream::kStartWords / 4);
  }
}

#if MERCATOR_X86_SIMD
// The SIMD kernels hold word w of several blocks in one register, one block
// per 32-bit lane, and run Philox4x32-10's rounds on all lanes at once (the
// same arithmetic as r123::Philox4x32: the tests compare them).

// Four blocks per register; kChains registers' worth side by side, so that
// their dependency chains overlap.
template <int kChains>
void sse2_group(const Counter& counter, const Key& key, uint32_t* out) {
  const __m128i multiplier0 = _mm_set1_epi32(static_cast<int>(PHILOX_M4x32_0));
  const __m128i multiplier1 = _mm_set1_epi32(static_cast<int>(PHILOX_M4x32_1));
  const __m128i low_half = _mm_set1_epi64x(0xFFFFFFFFLL);
  auto multiply = [&](__m128i x, __m128i multiplier, __m128i& low, __m128i& high) {
    const __m128i even = _mm_mul_epu32(x, multiplier);
    const __m128i odd = _mm_mul_epu32(_mm_srli_epi64(x, 32), multiplier);
    low = _mm_or_si128(_mm_and_si128(even, low_half), _mm_slli_epi64(odd, 32));
    high = _mm_or_si128(_mm_srli_epi64(even, 32), _mm_andnot_si128(low_half, odd));
  };
  __m128i x0[kChains], x1[kChains], x2[kChains], x3[kChains];
#pragma GCC unroll 4
  for (int chain = 0; chain < kChains; ++chain) {
    x0[chain] =
        _mm_add_epi32(_mm_set1_epi32(static_cast<int>(counter.v[0])),
                      _mm_setr_epi32(4 * chain, 4 * chain + 1, 4 * chain + 2, 4 * chain + 3));
    x1[chain] = _mm_set1_epi32(static_cast<int>(counter.v[1]));
    x2[chain] = _mm_set1_epi32(static_cast<int>(counter.v[2]));
    x3[chain] = _mm_set1_epi32(static_cast<int>(counter.v[3]));
  }
  uint32_t key0 = key.v[0];
  uint32_t key1 = key.v[1];
#pragma GCC unroll 10
  for (int round = 0; round < 10; ++round) {
    const __m128i round_key0 = _mm_set1_epi32(static_cast<int>(key0));
    const __m128i round_key1 = _mm_set1_epi32(static_cast<int>(key1));
#pragma GCC unroll 4
    for (int chain = 0; chain < kChains; ++chain) {
      __m128i low0, high0, low1, high1;
      multiply(x0[chain], multiplier0, low0, high0);
      multiply(x2[chain], multiplier1, low1, high1);
      x0[chain] = _mm_xor_si128(_mm_xor_si128(high1, x1[chain]), round_key0);
      x1[chain] = low1;
      x2[chain] = _mm_xor_si128(_mm_xor_si128(high0, x3[chain]), round_key1);
      x3[chain] = low0;
    }
    key0 += PHILOX_W32_0;
    key1 += PHILOX_W32_1;
  }
#pragma GCC unroll 4
  for (int chain = 0; chain < kChains; ++chain) {
    const __m128i v32_blocks01 = _mm_unpacklo_epi32(x3[chain], x2[chain]);
    const __m128i v32_blocks23 = _mm_unpackhi_epi32(x3[chain], x2[chain]);
    const __m128i v10_blocks01 = _mm_unpacklo_epi32(x1[chain], x0[chain]);
    const __m128i v10_blocks23 = _mm_unpackhi_epi32(x1[chain], x0[chain]);
    auto* words = reinterpret_cast<__m128i*>(out);
    _mm_storeu_si128(words + 0, _mm_unpacklo_epi64(v32_blocks01, v10_blocks01));
    _mm_storeu_si128(words + 1, _mm_unpackhi_epi64(v32_blocks01, v10_blocks01));
    _mm_storeu_si128(words + 2, _mm_unpacklo_epi64(v32_blocks23, v10_blocks23));
    _mm_storeu_si128(words + 3, _mm_unpackhi_epi64(v32_blocks23, v10_blocks23));
    out += 16;
  }
}

void sse2_blocks(Counter counter, const Key& key, uint32_t* out, size_t blocks) {
  for (; blocks >= 8; blocks -= 8, counter.v[0] += 8, out += 32) sse2_group<2>(counter, key, out);
  if (blocks >= 4) {
    sse2_group<1>(counter, key, out);
    blocks -= 4;
    counter.v[0] += 4;
    out += 16;
  }
  scalar_blocks(counter, key, out, blocks);
}

// Philox4x32-10's rounds on eight lanes per register, kChains registers
// side by side: word w of lane b's counter in xw[chain], its output there
// afterwards.
template <int kChains>
__attribute__((target("avx2"))) inline void avx2_rounds(__m256i* x0, __m256i* x1, __m256i* x2,
                                                        __m256i* x3, const Key& key) {
  const __m256i multiplier0 = _mm256_set1_epi32(static_cast<int>(PHILOX_M4x32_0));
  const __m256i multiplier1 = _mm256_set1_epi32(static_cast<int>(PHILOX_M4x32_1));
  uint32_t key0 = key.v[0];
  uint32_t key1 = key.v[1];
#pragma GCC unroll 10
  for (int round = 0; round < 10; ++round) {
    const __m256i round_key0 = _mm256_set1_epi32(static_cast<int>(key0));
    const __m256i round_key1 = _mm256_set1_epi32(static_cast<int>(key1));
#pragma GCC unroll 4
    for (int chain = 0; chain < kChains; ++chain) {
      const __m256i even0 = _mm256_mul_epu32(x0[chain], multiplier0);
      const __m256i odd0 = _mm256_mul_epu32(_mm256_srli_epi64(x0[chain], 32), multiplier0);
      const __m256i even1 = _mm256_mul_epu32(x2[chain], multiplier1);
      const __m256i odd1 = _mm256_mul_epu32(_mm256_srli_epi64(x2[chain], 32), multiplier1);
      const __m256i low0 = _mm256_blend_epi32(even0, _mm256_slli_epi64(odd0, 32), 0xAA);
      const __m256i high0 = _mm256_blend_epi32(_mm256_srli_epi64(even0, 32), odd0, 0xAA);
      const __m256i low1 = _mm256_blend_epi32(even1, _mm256_slli_epi64(odd1, 32), 0xAA);
      const __m256i high1 = _mm256_blend_epi32(_mm256_srli_epi64(even1, 32), odd1, 0xAA);
      x0[chain] = _mm256_xor_si256(_mm256_xor_si256(high1, x1[chain]), round_key0);
      x1[chain] = low1;
      x2[chain] = _mm256_xor_si256(_mm256_xor_si256(high0, x3[chain]), round_key1);
      x3[chain] = low0;
    }
    key0 += PHILOX_W32_0;
    key1 += PHILOX_W32_1;
  }
}

// Lane b's block to out + 4 b, in stream order (v3, v2, v1, v0), chain
// after chain.
template <int kChains>
__attribute__((target("avx2"))) inline void avx2_store(const __m256i* x0, const __m256i* x1,
                                                       const __m256i* x2, const __m256i* x3,
                                                       uint32_t* out) {
#pragma GCC unroll 4
  for (int chain = 0; chain < kChains; ++chain) {
    // Within each 128-bit half: blocks (0, 1, 2, 3) and (4, 5, 6, 7).
    const __m256i v32_low = _mm256_unpacklo_epi32(x3[chain], x2[chain]);
    const __m256i v32_high = _mm256_unpackhi_epi32(x3[chain], x2[chain]);
    const __m256i v10_low = _mm256_unpacklo_epi32(x1[chain], x0[chain]);
    const __m256i v10_high = _mm256_unpackhi_epi32(x1[chain], x0[chain]);
    const __m256i blocks04 = _mm256_unpacklo_epi64(v32_low, v10_low);
    const __m256i blocks15 = _mm256_unpackhi_epi64(v32_low, v10_low);
    const __m256i blocks26 = _mm256_unpacklo_epi64(v32_high, v10_high);
    const __m256i blocks37 = _mm256_unpackhi_epi64(v32_high, v10_high);
    auto* words = reinterpret_cast<__m256i*>(out);
    _mm256_storeu_si256(words + 0, _mm256_permute2x128_si256(blocks04, blocks15, 0x20));
    _mm256_storeu_si256(words + 1, _mm256_permute2x128_si256(blocks26, blocks37, 0x20));
    _mm256_storeu_si256(words + 2, _mm256_permute2x128_si256(blocks04, blocks15, 0x31));
    _mm256_storeu_si256(words + 3, _mm256_permute2x128_si256(blocks26, blocks37, 0x31));
    out += 32;
  }
}

// Eight consecutive blocks per register; kChains registers' worth side by side.
template <int kChains>
__attribute__((target("avx2"))) void avx2_group(const Counter& counter, const Key& key,
                                                uint32_t* out) {
  __m256i x0[kChains], x1[kChains], x2[kChains], x3[kChains];
#pragma GCC unroll 4
  for (int chain = 0; chain < kChains; ++chain) {
    x0[chain] = _mm256_add_epi32(_mm256_set1_epi32(static_cast<int>(counter.v[0] + 8 * chain)),
                                 _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
    x1[chain] = _mm256_set1_epi32(static_cast<int>(counter.v[1]));
    x2[chain] = _mm256_set1_epi32(static_cast<int>(counter.v[2]));
    x3[chain] = _mm256_set1_epi32(static_cast<int>(counter.v[3]));
  }
  avx2_rounds<kChains>(x0, x1, x2, x3, key);
  avx2_store<kChains>(x0, x1, x2, x3, out);
}

// The first two blocks of four streams (key, day, ids[0..3]) per register:
// lane 2 i + b is stream i's block b.
__attribute__((target("avx2"))) void avx2_stream_starts(const Key& key, uint32_t day,
                                                        const uint32_t* ids, size_t streams,
                                                        uint32_t* out) {
  const __m256i block = _mm256_setr_epi32(0, 1, 0, 1, 0, 1, 0, 1);
  const __m256i pairs = _mm256_setr_epi32(0, 0, 1, 1, 2, 2, 3, 3);
  for (; streams >= 4; streams -= 4, ids += 4, out += 32) {
    const __m256i id = _mm256_castsi128_si256(_mm_loadu_si128(reinterpret_cast<const __m128i*>(ids)));
    __m256i x0[1] = {block};
    __m256i x1[1] = {_mm256_set1_epi32(static_cast<int>(day))};
    __m256i x2[1] = {_mm256_permutevar8x32_epi32(id, pairs)};
    __m256i x3[1] = {_mm256_setzero_si256()};
    avx2_rounds<1>(x0, x1, x2, x3, key);
    avx2_store<1>(x0, x1, x2, x3, out);
  }
  scalar_stream_starts(key, day, ids, streams, out);
}

__attribute__((target("avx2"))) void avx2_blocks(Counter counter, const Key& key, uint32_t* out,
                                                 size_t blocks) {
  for (; blocks >= 16; blocks -= 16, counter.v[0] += 16, out += 64) {
    avx2_group<2>(counter, key, out);
  }
  if (blocks >= 8) {
    avx2_group<1>(counter, key, out);
    blocks -= 8;
    counter.v[0] += 8;
    out += 32;
  }
  sse2_blocks(counter, key, out, blocks);
}

// GCC 12's AVX-512 headers trip -Wuninitialized on their own placeholders
// (GCC bug 105593), wherever the intrinsics are inlined.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wuninitialized"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
// Philox4x32-10's rounds on sixteen lanes per register, kChains registers
// side by side (as avx2_rounds). With AVX-512 a masked shuffle sorts a
// product's halves and one ternary-logic op does the three-way XOR, so a
// round takes a third of AVX2's instructions.
template <int kChains>
__attribute__((target("avx512f"))) inline void avx512_rounds(__m512i* x0, __m512i* x1, __m512i* x2,
                                                             __m512i* x3, const Key& key) {
  const __m512i multiplier0 = _mm512_set1_epi32(static_cast<int>(PHILOX_M4x32_0));
  const __m512i multiplier1 = _mm512_set1_epi32(static_cast<int>(PHILOX_M4x32_1));
  constexpr int kXor3 = 0x96;                                 // a ^ b ^ c
  const auto odd_to_even = static_cast<_MM_PERM_ENUM>(0xF5);  // dwords (1, 1, 3, 3)
  const auto even_to_odd = static_cast<_MM_PERM_ENUM>(0xA0);  // dwords (0, 0, 2, 2)
  uint32_t key0 = key.v[0];
  uint32_t key1 = key.v[1];
#pragma GCC unroll 10
  for (int round = 0; round < 10; ++round) {
    const __m512i round_key0 = _mm512_set1_epi32(static_cast<int>(key0));
    const __m512i round_key1 = _mm512_set1_epi32(static_cast<int>(key1));
#pragma GCC unroll 4
    for (int chain = 0; chain < kChains; ++chain) {
      const __m512i even0 = _mm512_mul_epu32(x0[chain], multiplier0);
      const __m512i odd0 = _mm512_mul_epu32(_mm512_srli_epi64(x0[chain], 32), multiplier0);
      const __m512i even1 = _mm512_mul_epu32(x2[chain], multiplier1);
      const __m512i odd1 = _mm512_mul_epu32(_mm512_srli_epi64(x2[chain], 32), multiplier1);
      const __m512i low0 = _mm512_mask_shuffle_epi32(even0, 0xAAAA, odd0, even_to_odd);
      const __m512i high0 = _mm512_mask_shuffle_epi32(odd0, 0x5555, even0, odd_to_even);
      const __m512i low1 = _mm512_mask_shuffle_epi32(even1, 0xAAAA, odd1, even_to_odd);
      const __m512i high1 = _mm512_mask_shuffle_epi32(odd1, 0x5555, even1, odd_to_even);
      x0[chain] = _mm512_ternarylogic_epi32(high1, x1[chain], round_key0, kXor3);
      x1[chain] = low1;
      x2[chain] = _mm512_ternarylogic_epi32(high0, x3[chain], round_key1, kXor3);
      x3[chain] = low0;
    }
    key0 += PHILOX_W32_0;
    key1 += PHILOX_W32_1;
  }
}

// Lane b's block to out + 4 b, in stream order, chain after chain.
template <int kChains>
__attribute__((target("avx512f"))) inline void avx512_store(const __m512i* x0, const __m512i* x1,
                                                            const __m512i* x2, const __m512i* x3,
                                                            uint32_t* out) {
#pragma GCC unroll 4
  for (int chain = 0; chain < kChains; ++chain) {
    // Within each 128-bit quarter q: blocks 4q .. 4q + 3.
    const __m512i v32_low = _mm512_unpacklo_epi32(x3[chain], x2[chain]);
    const __m512i v32_high = _mm512_unpackhi_epi32(x3[chain], x2[chain]);
    const __m512i v10_low = _mm512_unpacklo_epi32(x1[chain], x0[chain]);
    const __m512i v10_high = _mm512_unpackhi_epi32(x1[chain], x0[chain]);
    const __m512i blocks_0_4_8_12 = _mm512_unpacklo_epi64(v32_low, v10_low);
    const __m512i blocks_1_5_9_13 = _mm512_unpackhi_epi64(v32_low, v10_low);
    const __m512i blocks_2_6_10_14 = _mm512_unpacklo_epi64(v32_high, v10_high);
    const __m512i blocks_3_7_11_15 = _mm512_unpackhi_epi64(v32_high, v10_high);
    const __m512i blocks_0_4_1_5 = _mm512_shuffle_i32x4(blocks_0_4_8_12, blocks_1_5_9_13, 0x44);
    const __m512i blocks_2_6_3_7 = _mm512_shuffle_i32x4(blocks_2_6_10_14, blocks_3_7_11_15, 0x44);
    const __m512i blocks_8_12_9_13 = _mm512_shuffle_i32x4(blocks_0_4_8_12, blocks_1_5_9_13, 0xEE);
    const __m512i blocks_10_14_11_15 =
        _mm512_shuffle_i32x4(blocks_2_6_10_14, blocks_3_7_11_15, 0xEE);
    auto* words = reinterpret_cast<__m512i*>(out);
    _mm512_storeu_si512(words + 0, _mm512_shuffle_i32x4(blocks_0_4_1_5, blocks_2_6_3_7, 0x88));
    _mm512_storeu_si512(words + 1, _mm512_shuffle_i32x4(blocks_0_4_1_5, blocks_2_6_3_7, 0xDD));
    _mm512_storeu_si512(words + 2,
                        _mm512_shuffle_i32x4(blocks_8_12_9_13, blocks_10_14_11_15, 0x88));
    _mm512_storeu_si512(words + 3,
                        _mm512_shuffle_i32x4(blocks_8_12_9_13, blocks_10_14_11_15, 0xDD));
    out += 64;
  }
}

// Sixteen consecutive blocks per register; kChains registers' worth side by side.
template <int kChains>
__attribute__((target("avx512f"))) void avx512_group(const Counter& counter, const Key& key,
                                                     uint32_t* out) {
  __m512i x0[kChains], x1[kChains], x2[kChains], x3[kChains];
#pragma GCC unroll 4
  for (int chain = 0; chain < kChains; ++chain) {
    x0[chain] =
        _mm512_add_epi32(_mm512_set1_epi32(static_cast<int>(counter.v[0] + 16 * chain)),
                         _mm512_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15));
    x1[chain] = _mm512_set1_epi32(static_cast<int>(counter.v[1]));
    x2[chain] = _mm512_set1_epi32(static_cast<int>(counter.v[2]));
    x3[chain] = _mm512_set1_epi32(static_cast<int>(counter.v[3]));
  }
  avx512_rounds<kChains>(x0, x1, x2, x3, key);
  avx512_store<kChains>(x0, x1, x2, x3, out);
}

// The first two blocks of eight streams per register (as avx2_stream_starts).
__attribute__((target("avx512f"))) void avx512_stream_starts(const Key& key, uint32_t day,
                                                            const uint32_t* ids, size_t streams,
                                                            uint32_t* out) {
  const __m512i block = _mm512_setr_epi32(0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1);
  const __m512i pairs = _mm512_setr_epi32(0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7);
  for (; streams >= 8; streams -= 8, ids += 8, out += 64) {
    const __m512i id =
        _mm512_castsi256_si512(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(ids)));
    __m512i x0[1] = {block};
    __m512i x1[1] = {_mm512_set1_epi32(static_cast<int>(day))};
    __m512i x2[1] = {_mm512_permutexvar_epi32(pairs, id)};
    __m512i x3[1] = {_mm512_setzero_si512()};
    avx512_rounds<1>(x0, x1, x2, x3, key);
    avx512_store<1>(x0, x1, x2, x3, out);
  }
  avx2_stream_starts(key, day, ids, streams, out);
}

__attribute__((target("avx512f"))) void avx512_blocks(Counter counter, const Key& key,
                                                      uint32_t* out, size_t blocks) {
  for (; blocks >= 32; blocks -= 32, counter.v[0] += 32, out += 128) {
    avx512_group<2>(counter, key, out);
  }
  if (blocks >= 16) {
    avx512_group<1>(counter, key, out);
    blocks -= 16;
    counter.v[0] += 16;
    out += 64;
  }
  avx2_blocks(counter, key, out, blocks);
}
#pragma GCC diagnostic pop
#endif

// Multiply-shift of words into [0, n), in place: word -> (word * n) >> 32.
void scalar_scale(uint32_t* words, size_t count, uint32_t n) {
  for (size_t i = 0; i < count; ++i) {
    words[i] = static_cast<uint32_t>((static_cast<uint64_t>(words[i]) * n) >> 32);
  }
}

#if MERCATOR_X86_SIMD
void sse2_scale(uint32_t* words, size_t count, uint32_t n) {
  const __m128i multiplier = _mm_set1_epi32(static_cast<int>(n));
  const __m128i high_half = _mm_set1_epi64x(static_cast<long long>(0xFFFFFFFF00000000ULL));
  size_t i = 0;
  for (; i + 4 <= count; i += 4) {
    auto* at = reinterpret_cast<__m128i*>(words + i);
    const __m128i x = _mm_loadu_si128(at);
    const __m128i even = _mm_mul_epu32(x, multiplier);
    const __m128i odd = _mm_mul_epu32(_mm_srli_epi64(x, 32), multiplier);
    _mm_storeu_si128(at, _mm_or_si128(_mm_srli_epi64(even, 32), _mm_and_si128(odd, high_half)));
  }
  scalar_scale(words + i, count - i, n);
}

__attribute__((target("avx2"))) void avx2_scale(uint32_t* words, size_t count, uint32_t n) {
  const __m256i multiplier = _mm256_set1_epi32(static_cast<int>(n));
  size_t i = 0;
  for (; i + 8 <= count; i += 8) {
    auto* at = reinterpret_cast<__m256i*>(words + i);
    const __m256i x = _mm256_loadu_si256(at);
    const __m256i even = _mm256_mul_epu32(x, multiplier);
    const __m256i odd = _mm256_mul_epu32(_mm256_srli_epi64(x, 32), multiplier);
    _mm256_storeu_si256(at, _mm256_blend_epi32(_mm256_srli_epi64(even, 32), odd, 0xAA));
  }
  sse2_scale(words + i, count - i, n);
}
#endif

struct Kernels {
  void (*blocks)(Counter, const Key&, uint32_t*, size_t);
  void (*scale)(uint32_t*, size_t, uint32_t);
  void (*stream_starts)(const Key&, uint32_t, const uint32_t*, size_t, uint32_t*);
};

// Chosen once, on first use (safe from static constructors too). Every
// kernel gives the same numbers, so results do not depend on the CPU.
const Kernels& kernels() {
  static const Kernels chosen = [] {
#if MERCATOR_X86_SIMD
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx2")) {
      return Kernels{&avx512_blocks, &avx2_scale, &avx512_stream_starts};
    }
    if (__builtin_cpu_supports("avx2")) {
      return Kernels{&avx2_blocks, &avx2_scale, &avx2_stream_starts};
    }
    return Kernels{&sse2_blocks, &sse2_scale, &scalar_stream_starts};
#else
    return Kernels{&scalar_blocks, &scalar_scale, &scalar_stream_starts};
#endif
  }();
  return chosen;
}

void philox_blocks(const Counter& counter, const Key& key, uint32_t* out, size_t blocks) {
  kernels().blocks(counter, key, out, blocks);
}

}  // namespace

void RandomStream::refill() {
  const size_t blocks = counter_.v[0] == 0 ? kFirstRefillBlocks : kBlocksPerRefill;
  // A stream's first blocks are computed here by Random123's scalar Philox,
  // for the constant count, so the two blocks go side by side: most streams
  // are an agent's few words, and this costs about 26 ns a stream against
  // 54 ns through the SIMD dispatch (a micro-benchmark of stream starts).
  if (blocks == kFirstRefillBlocks) {
    Counter counter = counter_;
    for (unsigned block = 0; block < kFirstRefillBlocks; ++block, ++counter.v[0]) {
      const auto words = r123::Philox4x32{}(counter, key_);
      words_[4 * block + 0] = words.v[3];
      words_[4 * block + 1] = words.v[2];
      words_[4 * block + 2] = words.v[1];
      words_[4 * block + 3] = words.v[0];
    }
  } else {
    philox_blocks(counter_, key_, words_, blocks);
  }
  counter_.v[0] += static_cast<uint32_t>(blocks);
  next_ = 0;
  end_ = static_cast<unsigned>(4 * blocks);
}

void RandomStream::stream_starts(const Key& key, uint64_t day, std::span<const uint32_t> ids,
                                 uint32_t* out) {
  kernels().stream_starts(key, static_cast<uint32_t>(day), ids.data(), ids.size(), out);
}

void RandomStream::fill_u32(uint32_t* out, size_t count) {
  auto take_buffered = [&] {
    const size_t taken = std::min<size_t>(count, end_ - next_);
    if (taken > 0) std::memcpy(out, words_ + next_, taken * sizeof(uint32_t));
    next_ += static_cast<unsigned>(taken);
    out += taken;
    count -= taken;
  };
  take_buffered();
  // Whole groups of kBlocksPerRefill blocks straight into out (the SIMD
  // kernels' sizes), the rest through the buffer.
  const size_t direct_blocks = count / (4 * kBlocksPerRefill) * kBlocksPerRefill;
  philox_blocks(counter_, key_, out, direct_blocks);
  counter_.v[0] += static_cast<uint32_t>(direct_blocks);
  out += 4 * direct_blocks;
  count -= 4 * direct_blocks;
  while (count > 0) {
    refill();
    take_buffered();
  }
}

void RandomStream::fill_below32(uint32_t n, uint32_t* out, size_t count) {
  fill_u32(out, count);
  kernels().scale(out, count, n);
}

// Poisson variates: multiplication for small means, Hormann's PTRS
// transformed rejection (1993) for large ones, as NumPy does.
uint64_t RandomStream::poisson(double mean) {
  if (!(mean > 0.0)) return 0;
  if (mean < 10.0) {
    const double limit = std::exp(-mean);
    uint64_t count = 0;
    double product = uniform();
    while (product > limit) {
      ++count;
      product *= uniform();
    }
    return count;
  }
  const double slam = std::sqrt(mean);
  const double loglam = std::log(mean);
  const double b = 0.931 + 2.53 * slam;
  const double a = -0.059 + 0.02483 * b;
  const double inv_alpha = 1.1239 + 1.1328 / (b - 3.4);
  const double vr = 0.9277 - 3.6224 / (b - 2.0);
  while (true) {
    const double u = uniform() - 0.5;
    const double v = uniform();
    const double us = 0.5 - std::fabs(u);
    const double k = std::floor((2.0 * a / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) return static_cast<uint64_t>(k);
    if (k < 0.0 || (us < 0.013 && v > us)) continue;
    if (std::log(v) + std::log(inv_alpha) - std::log(a / (us * us) + b) <=
        -mean + k * loglam - std::lgamma(k + 1.0)) {
      return static_cast<uint64_t>(k);
    }
  }
}

std::vector<std::vector<uint32_t>> philox_blocks_by_every_kernel(const Counter& counter,
                                                                 const Key& key, size_t blocks) {
  std::vector<void (*)(Counter, const Key&, uint32_t*, size_t)> available = {&scalar_blocks};
#if MERCATOR_X86_SIMD
  __builtin_cpu_init();
  available.push_back(&sse2_blocks);
  if (__builtin_cpu_supports("avx2")) available.push_back(&avx2_blocks);
  if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx2")) {
    available.push_back(&avx512_blocks);
  }
#endif
  std::vector<std::vector<uint32_t>> outputs;
  for (auto kernel : available) {
    std::vector<uint32_t> words(4 * blocks);
    kernel(counter, key, words.data(), blocks);
    outputs.push_back(std::move(words));
  }
  return outputs;
}

std::vector<std::vector<uint32_t>> stream_starts_by_every_kernel(const Key& key, uint64_t day,
                                                                 std::span<const uint32_t> ids) {
  std::vector<void (*)(const Key&, uint32_t, const uint32_t*, size_t, uint32_t*)> available = {
      &scalar_stream_starts};
#if MERCATOR_X86_SIMD
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx2")) available.push_back(&avx2_stream_starts);
  if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx2")) {
    available.push_back(&avx512_stream_starts);
  }
#endif
  std::vector<std::vector<uint32_t>> outputs;
  for (auto kernel : available) {
    std::vector<uint32_t> words(RandomStream::kStartWords * ids.size());
    kernel(key, static_cast<uint32_t>(day), ids.data(), ids.size(), words.data());
    outputs.push_back(std::move(words));
  }
  return outputs;
}

}  // namespace mercator
