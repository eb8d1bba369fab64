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
  for (int chain = 0; chain < kChains; ++chain) {
    x0[chain] = _mm_add_epi32(_mm_set1_epi32(static_cast<int>(counter.v[0])),
                              _mm_setr_epi32(4 * chain, 4 * chain + 1, 4 * chain + 2, 4 * chain + 3));
    x1[chain] = _mm_set1_epi32(static_cast<int>(counter.v[1]));
    x2[chain] = _mm_set1_epi32(static_cast<int>(counter.v[2]));
    x3[chain] = _mm_set1_epi32(static_cast<int>(counter.v[3]));
  }
  uint32_t key0 = key.v[0];
  uint32_t key1 = key.v[1];
  for (int round = 0; round < 10; ++round) {
    const __m128i round_key0 = _mm_set1_epi32(static_cast<int>(key0));
    const __m128i round_key1 = _mm_set1_epi32(static_cast<int>(key1));
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

// Eight blocks per register; kChains registers' worth side by side.
template <int kChains>
__attribute__((target("avx2"))) void avx2_group(const Counter& counter, const Key& key,
                                                uint32_t* out) {
  const __m256i multiplier0 = _mm256_set1_epi32(static_cast<int>(PHILOX_M4x32_0));
  const __m256i multiplier1 = _mm256_set1_epi32(static_cast<int>(PHILOX_M4x32_1));
  __m256i x0[kChains], x1[kChains], x2[kChains], x3[kChains];
  for (int chain = 0; chain < kChains; ++chain) {
    x0[chain] = _mm256_add_epi32(_mm256_set1_epi32(static_cast<int>(counter.v[0] + 8 * chain)),
                                 _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
    x1[chain] = _mm256_set1_epi32(static_cast<int>(counter.v[1]));
    x2[chain] = _mm256_set1_epi32(static_cast<int>(counter.v[2]));
    x3[chain] = _mm256_set1_epi32(static_cast<int>(counter.v[3]));
  }
  uint32_t key0 = key.v[0];
  uint32_t key1 = key.v[1];
  for (int round = 0; round < 10; ++round) {
    const __m256i round_key0 = _mm256_set1_epi32(static_cast<int>(key0));
    const __m256i round_key1 = _mm256_set1_epi32(static_cast<int>(key1));
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
#endif

using BlocksKernel = void (*)(Counter, const Key&, uint32_t*, size_t);

// Chosen once, on first use (safe from static constructors too). Every
// kernel gives the same numbers, so results do not depend on the CPU.
BlocksKernel blocks_kernel() {
  static const BlocksKernel kernel = [] {
#if MERCATOR_X86_SIMD
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx2")) return &avx2_blocks;
    return &sse2_blocks;
#else
    return &scalar_blocks;
#endif
  }();
  return kernel;
}

void philox_blocks(const Counter& counter, const Key& key, uint32_t* out, size_t blocks) {
  blocks_kernel()(counter, key, out, blocks);
}

}  // namespace

void RandomStream::refill() {
  const size_t blocks = counter_.v[0] == 0 ? 1 : kBlocksPerRefill;
  philox_blocks(counter_, key_, words_, blocks);
  counter_.v[0] += static_cast<uint32_t>(blocks);
  next_ = 0;
  end_ = static_cast<unsigned>(4 * blocks);
}

void RandomStream::fill_u32(uint32_t* out, size_t count) {
  const size_t buffered = std::min<size_t>(count, end_ - next_);
  std::memcpy(out, words_ + next_, buffered * sizeof(uint32_t));
  next_ += static_cast<unsigned>(buffered);
  out += buffered;
  count -= buffered;
  const size_t whole_blocks = count / 4;
  philox_blocks(counter_, key_, out, whole_blocks);
  counter_.v[0] += static_cast<uint32_t>(whole_blocks);
  out += 4 * whole_blocks;
  count -= 4 * whole_blocks;
  for (; count > 0; --count) *out++ = next_u32();
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

}  // namespace mercator
