#pragma once
// Counter-based random streams (Random123 Philox4x32-10).
//
// A stream is named by (seed, purpose, day, id): the same name always gives the
// same numbers, whichever thread draws them and in whatever order the streams
// are used. That is what makes runs bit-identical across thread counts.
//
// Word order: Philox block c (counter word 0 = c, from 0) gives words
// v0..v3; the stream hands them out as v3, v2, v1, v0, then block c + 1.
// next_u32() takes one word, next_u64() two (the first one high), fill_u32()
// many. Blocks are computed several at a time with SIMD (SSE2, or AVX2 /
// AVX-512 where the CPU has them, chosen at run time): the same numbers as
// r123::Philox4x32, faster. A stream's first refill computes two blocks with
// the scalar kernel, so short streams (a seller's restock takes six words,
// an exit draw two) stay cheap; later refills compute sixteen, the width at
// which the SIMD kernels pay off. Passes that start many short streams at
// once can compute their first blocks side by side instead
// (stream_starts). The sizes change the speed only, never the numbers.
#include <Random123/philox.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <span>
#include <vector>

namespace mercator {

// Every consumer of randomness has its own purpose, so two mechanisms never
// share (and so never correlate through) the same numbers.
enum class Purpose : uint32_t {
  WorldSetup = 1,
  AgentSetup,
  SocialGraph,
  Calendar,
  PlatformDecision,
  BuyerAdoption,
  SellerEntry,
  CreatorEntry,
  Shopping,
  Ranking,
  Choice,
  Logistics,
  Evaluation,
  Dispute,
  SellerLearning,
  SellerExit,
  Finance,
  Governance,
  Providers,
  Innovation,
  Benchmark,
  Test,
  ExperimentDesign,  // Latin hypercubes, sampled permutations: which runs to make
  Resampling,        // bootstrap intervals of analysis estimates
};

class RandomStream {
 public:
  using result_type = uint64_t;

  using Key = r123::Philox4x32::key_type;

  RandomStream(uint64_t seed, Purpose purpose, uint64_t day, uint64_t id)
      : RandomStream(key_of(seed, purpose), day, id) {}
  // The same stream from its purpose's key (key_of), for loops that name a
  // stream per agent: the key is hashed once, not once per agent.
  RandomStream(const Key& key, uint64_t day, uint64_t id) : key_(key) {
    counter_ = {{0, static_cast<uint32_t>(day), static_cast<uint32_t>(id),
                 static_cast<uint32_t>(id >> 32)}};
  }
  // Streams started many at a time. A pass that starts a stream per agent
  // (restocking sellers) pays mostly for each stream's first refill, two
  // Philox blocks whose rounds are a chain of dependent multiplications.
  // stream_starts computes those words for a list of streams (key, day,
  // ids[i]) side by side, SIMD across the streams where the CPU has AVX2 or
  // AVX-512: kStartWords words per stream, stream after stream, into out.
  // The constructor below then starts stream ids[i] from them: the same
  // numbers as RandomStream(key, day, ids[i]), for a few nanoseconds.
  static constexpr unsigned kStartWords = 8;  // = 4 * kFirstRefillBlocks
  static void stream_starts(const Key& key, uint64_t day, std::span<const uint32_t> ids,
                            uint32_t* out);
  RandomStream(const Key& key, uint64_t day, uint64_t id, const uint32_t* start_words)
      : RandomStream(key, day, id) {
    std::memcpy(words_, start_words, sizeof(uint32_t) * kStartWords);
    counter_.v[0] = kFirstRefillBlocks;
    end_ = kStartWords;
  }

  static Key key_of(uint64_t seed, Purpose purpose) {
    const uint64_t key = mix(seed ^ mix(static_cast<uint64_t>(purpose) * 0x9E3779B97F4A7C15ULL));
    return {{static_cast<uint32_t>(key), static_cast<uint32_t>(key >> 32)}};
  }

  static constexpr result_type min() { return 0; }
  static constexpr result_type max() { return std::numeric_limits<result_type>::max(); }
  result_type operator()() { return next_u64(); }

  uint64_t next_u64() {
    if (end_ - next_ < 2) {
      const uint64_t high = next_u32();
      return (high << 32) | next_u32();
    }
    const uint64_t value = (static_cast<uint64_t>(words_[next_]) << 32) | words_[next_ + 1];
    next_ += 2;
    return value;
  }

  // 32 random bits: half the generator work of next_u64() where 32 suffice.
  uint32_t next_u32() {
    if (next_ == end_) refill();
    return words_[next_++];
  }

  // The next count words, exactly as count calls to next_u32() would give
  // them, generated straight into out. For hot loops: draw a batch into a
  // local array and index it, instead of one call per number.
  void fill_u32(uint32_t* out, size_t count);

  // count uniform integers in [0, n), exactly as count calls to below32(n)
  // would give them: a batch of indices drawn at SIMD speed.
  void fill_below32(uint32_t n, uint32_t* out, size_t count);

  // Uniform in [0, 1), 53 bits.
  double uniform() { return static_cast<double>(next_u64() >> 11) * 0x1.0p-53; }

  // Uniform integer in [0, n), n > 0 (Lemire's multiply-shift; bias < 2^-32
  // for any n used here, which is far below replication noise).
  uint32_t below(uint32_t n) {
    return static_cast<uint32_t>(((next_u64() >> 32) * static_cast<uint64_t>(n)) >> 32);
  }

  // Uniform integer in [0, n), n > 0, from 32 bits (next_u32): the same
  // multiply-shift as below() at half the generator work. Bias < n / 2^32.
  uint32_t below32(uint32_t n) {
    return static_cast<uint32_t>((static_cast<uint64_t>(next_u32()) * n) >> 32);
  }

  bool bernoulli(double p) { return uniform() < p; }

  double exponential() { return -std::log1p(-uniform()); }

  double normal() {
    // Box-Muller without caching: a stream stays a pure function of its name.
    const double u1 = 1.0 - uniform();
    const double u2 = uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
  }

  double lognormal(double mu, double sigma) { return std::exp(mu + sigma * normal()); }

  uint64_t poisson(double mean);

 private:
  static uint64_t mix(uint64_t x) {  // splitmix64 finaliser
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
  }

  static constexpr unsigned kFirstRefillBlocks = kStartWords / 4;
  static constexpr unsigned kBlocksPerRefill = 16;

  // Puts the next blocks in words_ (kFirstRefillBlocks on a stream's first
  // refill, then kBlocksPerRefill).
  void refill();

  Key key_;
  r123::Philox4x32::ctr_type counter_;
  uint32_t words_[4 * kBlocksPerRefill];
  unsigned next_ = 0;
  unsigned end_ = 0;
};

// For tests: fills `blocks` consecutive Philox4x32-10 blocks starting at
// `counter` with every block kernel this CPU can run (scalar, SSE2, AVX2,
// AVX-512), one output vector per kernel, so a test can check that all of
// them equal Random123's reference whatever kernel the dispatcher picks.
std::vector<std::vector<uint32_t>> philox_blocks_by_every_kernel(
    const r123::Philox4x32::ctr_type& counter, const r123::Philox4x32::key_type& key,
    size_t blocks);

// For tests: RandomStream::stream_starts of the streams (key, day, ids[i])
// by every kernel this CPU can run (scalar, AVX2, AVX-512).
std::vector<std::vector<uint32_t>> stream_starts_by_every_kernel(const RandomStream::Key& key,
                                                                 uint64_t day,
                                                                 std::span<const uint32_t> ids);

}  // namespace mercator
