// MarketBench (bench/marketbench_model.hpp): the model agrees with the
// declaration's check values, and its results do not depend on the thread
// count. Also the pieces it leans on: RandomStream's SIMD generation against
// Random123's reference, and the geometric-gap table against its definition.
// Speed is measured by bench/marketbench, never here.
#include <Random123/philox.h>
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <vector>

#include "../bench/marketbench_model.hpp"

namespace mercator {
namespace {

namespace mb = marketbench;

mb::Config reduced_config(uint64_t seed) {
  mb::Config config;
  config.buyers = 100'000;
  config.sellers = 10'000;
  config.steps = 100;
  config.seed = seed;
  return config;
}

TEST(MarketBench, CheckValuesAgreeWithTheDeclaration) {
  ThreadPool pool(1);
  const mb::Config config = reduced_config(1);
  const std::vector<mb::StepRecord> records = mb::run(config, pool);
  ASSERT_EQ(records.size(), config.steps);

  // Shoppers per step are Binomial(B, 0.1): allow five standard deviations.
  const double expected = 0.1 * static_cast<double>(config.buyers);
  const double tolerance = 5.0 * std::sqrt(expected * 0.9);
  for (size_t step = 0; step < records.size(); ++step) {
    EXPECT_NEAR(static_cast<double>(records[step].purchases), expected, tolerance) << step;
    EXPECT_GT(records[step].gmv, 0.0) << step;
  }

  const mb::StepRecord& last = records.back();
  EXPECT_GE(last.non_genuine_share(), 0.018);
  EXPECT_LE(last.non_genuine_share(), 0.034);
  EXPECT_GE(last.mean_rating, 0.900);
  EXPECT_LE(last.mean_rating, 0.935);
  // Prices paid stay within the clamp.
  EXPECT_GE(last.gmv, 1.0 * static_cast<double>(last.purchases));
  EXPECT_LE(last.gmv, 50.0 * static_cast<double>(last.purchases));
}

TEST(MarketBench, SameSeedGivesIdenticalResultsWhateverTheThreads) {
  const mb::Config config = reduced_config(7);
  ThreadPool one(1);
  ThreadPool two(2);
  ThreadPool three(3);
  mb::Model reference(config, one);
  mb::Model with_two(config, two);
  mb::Model with_three(config, three);
  for (uint32_t step = 0; step < config.steps; ++step) {
    const mb::StepRecord expected = reference.step();
    for (mb::Model* model : {&with_two, &with_three}) {
      const mb::StepRecord got = model->step();
      ASSERT_EQ(got.purchases, expected.purchases) << step;
      ASSERT_EQ(got.non_genuine_purchases, expected.non_genuine_purchases) << step;
      ASSERT_EQ(got.gmv, expected.gmv) << step;  // bit for bit
      ASSERT_EQ(got.mean_rating, expected.mean_rating) << step;
    }
  }
  for (mb::Model* model : {&with_two, &with_three}) {
    EXPECT_EQ(model->price(), reference.price());
    EXPECT_EQ(model->positive(), reference.positive());
    EXPECT_EQ(model->negative(), reference.negative());
    EXPECT_EQ(model->genuine(), reference.genuine());
  }
}

TEST(MarketBench, DifferentSeedsGiveDifferentRuns) {
  ThreadPool pool(1);
  mb::Config config = reduced_config(1);
  config.steps = 5;
  const auto first = mb::run(config, pool);
  config.seed = 2;
  const auto second = mb::run(config, pool);
  EXPECT_NE(first.back().gmv, second.back().gmv);
}

TEST(MarketBench, GeometricGapMatchesItsDefinition) {
  const mb::GeometricGap gap(0.9);
  std::vector<uint64_t> words = {0, 1, 2, 255, 256, 0xFFFFFFFFu};
  // Around every threshold q^k 2^32 and every power of two (cell edges).
  for (double power = 1.0; power * 0x1.0p32 >= 1.0; power *= 0.9) {
    const auto threshold = static_cast<int64_t>(std::round(power * 0x1.0p32));
    for (int64_t offset = -2; offset <= 2; ++offset) words.push_back(threshold + offset);
  }
  for (int bit = 0; bit < 32; ++bit) {
    for (int64_t offset = -1; offset <= 1; ++offset) words.push_back((int64_t{1} << bit) + offset);
  }
  RandomStream stream(1, Purpose::Test, 0, 0);
  for (int i = 0; i < 200'000; ++i) words.push_back(stream.next_u32());
  for (uint64_t word : words) {
    if (word > 0xFFFFFFFFu) continue;
    ASSERT_EQ(gap(static_cast<uint32_t>(word)), gap.exact(word)) << word;
  }
  // P(gap >= 1) = 0.9 and P(gap >= 10) = 0.9^10, by construction.
  EXPECT_EQ(gap.exact(static_cast<uint64_t>(std::round(0.9 * 0x1.0p32)) - 1), 1u);
  EXPECT_EQ(gap.exact(static_cast<uint64_t>(std::round(0.9 * 0x1.0p32))), 0u);
}

// The stream (seed, purpose, day, id) is Philox4x32-10 with key
// splitmix64(seed ^ splitmix64(purpose * golden)) and counter
// (block, day, id low, id high), each block's words handed out v3..v0.
uint64_t splitmix64(uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

std::vector<uint32_t> reference_words(uint64_t seed, Purpose purpose, uint64_t day, uint64_t id,
                                      size_t count) {
  const uint64_t key =
      splitmix64(seed ^ splitmix64(static_cast<uint64_t>(purpose) * 0x9E3779B97F4A7C15ULL));
  const r123::Philox4x32::key_type philox_key = {
      {static_cast<uint32_t>(key), static_cast<uint32_t>(key >> 32)}};
  std::vector<uint32_t> words;
  for (uint32_t block = 0; words.size() < count; ++block) {
    const r123::Philox4x32::ctr_type counter = {{block, static_cast<uint32_t>(day),
                                                 static_cast<uint32_t>(id),
                                                 static_cast<uint32_t>(id >> 32)}};
    const auto out = r123::Philox4x32{}(counter, philox_key);
    for (int word = 3; word >= 0; --word) words.push_back(out.v[word]);
  }
  words.resize(count);
  return words;
}

TEST(RandomStreamBatches, AllWaysOfDrawingFollowTheReferenceStream) {
  constexpr size_t kCount = 20'000;
  for (uint64_t trial = 0; trial < 20; ++trial) {
    const uint64_t id = trial * 0x100000001ULL;
    const std::vector<uint32_t> expected =
        reference_words(trial + 3, Purpose::Benchmark, trial % 5, id, kCount);
    RandomStream stream(trial + 3, Purpose::Benchmark, trial % 5, id);
    std::vector<uint32_t> got;
    uint32_t pattern = static_cast<uint32_t>(trial) * 2654435761u;
    while (got.size() + 600 < kCount) {
      pattern = pattern * 1103515245u + 12345u;
      switch ((pattern >> 16) % 3) {
        case 0:
          got.push_back(stream.next_u32());
          break;
        case 1: {
          const uint64_t value = stream.next_u64();
          got.push_back(static_cast<uint32_t>(value >> 32));
          got.push_back(static_cast<uint32_t>(value));
          break;
        }
        default: {
          std::vector<uint32_t> batch((pattern >> 4) % 600);
          stream.fill_u32(batch.data(), batch.size());
          got.insert(got.end(), batch.begin(), batch.end());
        }
      }
    }
    ASSERT_EQ(std::vector<uint32_t>(expected.begin(), expected.begin() + got.size()), got)
        << "trial " << trial;
  }
}

TEST(RandomStreamBatches, FillBelow32GivesWhatBelow32Would) {
  for (uint32_t n : {1u, 7u, 10'000u, 1'000'000u, 0xFFFFFFFFu}) {
    RandomStream one_by_one(11, Purpose::Test, 3, n);
    RandomStream batched(11, Purpose::Test, 3, n);
    for (size_t count : {1, 3, 8, 31, 64, 257, 1000}) {
      std::vector<uint32_t> expected(count);
      for (uint32_t& value : expected) value = one_by_one.below32(n);
      std::vector<uint32_t> got(count);
      batched.fill_below32(n, got.data(), count);
      ASSERT_EQ(got, expected) << "n " << n << ", count " << count;
    }
  }
}

TEST(RandomStreamBatches, Below32StaysInRange) {
  RandomStream stream(5, Purpose::Test, 1, 2);
  std::vector<int> counts(7, 0);
  for (int i = 0; i < 70'000; ++i) {
    const uint32_t value = stream.below32(7);
    ASSERT_LT(value, 7u);
    ++counts[value];
  }
  for (int count : counts) EXPECT_NEAR(count, 10'000, 500);
}

}  // namespace
}  // namespace mercator

namespace mercator {
namespace {

// Every Philox kernel this CPU can run (the dispatcher uses only one) gives
// Random123's reference blocks (words in stream order v3..v0), so results
// never depend on the CPU's SIMD.
TEST(RandomStreamKernels, EveryKernelMatchesRandom123) {
  const r123::Philox4x32::key_type key = {{0x12345678u, 0x9ABCDEF0u}};
  for (const uint32_t start : {0u, 7u, 0xFFFFFFF0u}) {  // the last wraps the block counter
    const r123::Philox4x32::ctr_type counter = {{start, 11u, 0xDEADBEEFu, 3u}};
    constexpr size_t kBlocks = 257;  // not a multiple of any kernel's width
    std::vector<uint32_t> expected;
    for (size_t block = 0; block < kBlocks; ++block) {
      r123::Philox4x32::ctr_type at = counter;
      at.v[0] = start + static_cast<uint32_t>(block);
      const auto out = r123::Philox4x32{}(at, key);
      for (int word = 3; word >= 0; --word) expected.push_back(out.v[word]);  // stream order
    }
    const auto outputs = philox_blocks_by_every_kernel(counter, key, kBlocks);
    ASSERT_GE(outputs.size(), 1u);
    for (size_t kernel = 0; kernel < outputs.size(); ++kernel) {
      EXPECT_EQ(outputs[kernel], expected) << "kernel " << kernel << ", counter start " << start;
    }
  }
}

// Streams started many at a time give the plain streams' numbers: the start
// words by every kernel, and a stream constructed from them followed by
// draws past its first refill.
TEST(RandomStreamKernels, StreamStartsGiveThePlainStreams) {
  const RandomStream::Key key = RandomStream::key_of(17, Purpose::SellerLearning);
  // 37 ids: not a multiple of any kernel's width; ids far apart and adjacent.
  std::vector<uint32_t> ids;
  for (uint32_t i = 0; i < 37; ++i) ids.push_back(i < 20 ? i * 2654435761u : 1000 + i);
  for (const uint64_t day : {0ull, 1ull, 3652ull}) {
    const auto outputs = stream_starts_by_every_kernel(key, day, ids);
    ASSERT_GE(outputs.size(), 1u);
    for (size_t kernel = 0; kernel < outputs.size(); ++kernel) {
      for (size_t i = 0; i < ids.size(); ++i) {
        RandomStream plain(key, day, ids[i]);
        for (unsigned word = 0; word < RandomStream::kStartWords; ++word) {
          ASSERT_EQ(outputs[kernel][i * RandomStream::kStartWords + word], plain.next_u32())
              << "kernel " << kernel << ", day " << day << ", stream " << i << ", word " << word;
        }
      }
    }
    std::vector<uint32_t> words(ids.size() * RandomStream::kStartWords);
    RandomStream::stream_starts(key, day, ids, words.data());
    for (size_t i = 0; i < ids.size(); ++i) {
      RandomStream plain(key, day, ids[i]);
      RandomStream started(key, day, ids[i], &words[i * RandomStream::kStartWords]);
      for (int draw = 0; draw < 40; ++draw) ASSERT_EQ(started.next_u64(), plain.next_u64());
    }
  }
}

}  // namespace
}  // namespace mercator
