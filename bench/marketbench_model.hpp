#pragma once
// MarketBench (shared/bench/MARKETBENCH.md), built on the engine's own parts:
// struct-of-arrays seller columns, counter-based RandomStream and ThreadPool.
//
// Synchronous steps: every shopper reads the seller table as it was at the
// start of the step; sales, ratings, prices and replacements apply at the end.
//
// Determinism whatever the thread count:
// - buyers are split into fixed chunks; chunk c of step t draws from the
//   stream (seed, Benchmark, t, c), whichever worker runs it;
// - each worker counts sales per seller in its own column; counts are
//   integers, so summing the workers' columns gives the same totals in any
//   assignment of chunks to workers;
// - the end-of-step settlement runs over fixed seller chunks, each with its
//   own stream (seed, Benchmark, t, kSellerStreams + chunk), and its float
//   totals are added in chunk order.
//
// Whether a buyer is satisfied depends only on the seller it bought from
// (genuine: yes; otherwise with probability 0.3), independently for each
// purchase. So the settlement draws it per sale, from the seller chunk's
// stream, instead of the shopper drawing it: the same distribution, and the
// shopping loop touches nothing but the shopper view and a sales counter.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <stdexcept>
#include <vector>

#include "core/random_stream.hpp"
#include "core/thread_pool.hpp"

namespace mercator::marketbench {

// The declaration's constants.
inline constexpr uint32_t kCountries = 10;
inline constexpr int kSampledSellers = 8;
inline constexpr double kShoppingProbability = 0.1;
inline constexpr float kPriceWeight = 0.2f;
inline constexpr float kForeignPriceMarkup = 0.3f;
inline constexpr float kRatingWeight = 2.0f;
inline constexpr float kForeignPenalty = 0.5f;
inline constexpr double kGenuineProbability = 0.8;
inline constexpr double kNonGenuineSatisfaction = 0.3;
inline constexpr float kPriceUp = 1.01f;
inline constexpr float kPriceDown = 0.99f;
inline constexpr float kMinPrice = 1.0f;
inline constexpr float kMaxPrice = 50.0f;
inline constexpr double kInitialPriceLow = 5.0;
inline constexpr double kInitialPriceHigh = 15.0;
inline constexpr uint32_t kReviewsBeforeExit = 20;

// How the work is cut into deterministic pieces (part of the stream names:
// changing them changes the numbers, never their distribution).
inline constexpr uint64_t kBuyersPerChunk = 4096;
inline constexpr uint32_t kSellersPerChunk = 1024;
inline constexpr uint64_t kSellerStreams = uint64_t{1} << 32;  // id offset of seller-chunk streams

struct Config {
  uint64_t buyers = 100'000;
  uint32_t sellers = 10'000;
  uint32_t steps = 100;
  uint64_t seed = 1;
};

// The series the declaration records, for one step.
struct StepRecord {
  uint64_t purchases = 0;
  double gmv = 0.0;
  uint64_t non_genuine_purchases = 0;
  double mean_rating = 0.0;

  double non_genuine_share() const {
    return purchases == 0
               ? 0.0
               : static_cast<double>(non_genuine_purchases) / static_cast<double>(purchases);
  }
};

// Geometric gaps by table lookup: gap(x) for a uniform 32-bit word x is the
// number of k >= 1 with x < t_k, t_k = round(q^k 2^32), so P(gap >= k) =
// q^k to within 2^-33: the number of failures before the first success of
// a Bernoulli(1 - q) sequence. Used to jump straight to the next shopper
// instead of drawing a coin per buyer. A log per draw would do the same; the
// table (9 KB, stays in L1/L2) is three times cheaper. The word's leading
// zeros and next 8 bits name a cell narrower than any gap between two
// thresholds, so one comparison finishes the job.
class GeometricGap {
 public:
  explicit GeometricGap(double stay_probability) {
    // q^k by repeated products, not pow(): IEEE arithmetic gives the same
    // table on every machine.
    for (double power = 1.0;; power *= stay_probability) {
      const double threshold = std::round(power * 0x1.0p32);
      if (threshold < 1.0) break;
      thresholds_.push_back(static_cast<uint64_t>(threshold));
    }
    thresholds_.push_back(0);  // x < 0 never: no gap beyond the last positive threshold
    for (uint32_t cell = 0; cell < kCells; ++cell) {
      const uint32_t leading_zeros = cell / 256;
      const uint32_t mantissa = cell % 256;
      uint64_t largest;  // the largest word in the cell (or of the cell's words, for short ones)
      if (leading_zeros <= 23) {
        largest = ((uint64_t{256 + mantissa + 1}) << (23 - leading_zeros)) - 1;
      } else {
        // Words below 2^8 are their own cells: skip mantissas no word has.
        const uint64_t word = (uint64_t{256 + mantissa}) >> (leading_zeros - 23);
        if (word == 0 || ((word << leading_zeros) >> 23 & 0xFF) != mantissa ||
            static_cast<uint32_t>(__builtin_clz(static_cast<uint32_t>(word))) != leading_zeros) {
          continue;
        }
        largest = word;
      }
      cell_gap_[cell] = static_cast<uint8_t>(exact(largest));
    }
  }

  uint32_t operator()(uint32_t word) const {
    if (word == 0) return static_cast<uint32_t>(thresholds_.size() - 2);
    const uint32_t leading_zeros = static_cast<uint32_t>(__builtin_clz(word));
    const uint32_t cell = leading_zeros * 256 + (((word << leading_zeros) >> 23) & 0xFF);
    const uint32_t gap = cell_gap_[cell];
    return gap + (word < thresholds_[gap + 1]);
  }

  // The definition, by search (thresholds decrease): for building the
  // table, and for tests.
  uint32_t exact(uint64_t word) const {
    const auto first_above = thresholds_.begin() + 1;
    const auto end_of_gap = std::partition_point(
        first_above, thresholds_.end(), [word](uint64_t threshold) { return word < threshold; });
    return static_cast<uint32_t>(end_of_gap - first_above);
  }

 private:
  static constexpr uint32_t kCells = 32 * 256;
  std::vector<uint64_t> thresholds_;  // t_0 = 2^32, ..., then 0
  uint8_t cell_gap_[kCells] = {};
};

class Model {
 public:
  Model(const Config& config, ThreadPool& pool)
      : config_(config),
        pool_(pool),
        price_(config.sellers),
        genuine_(config.sellers),
        positive_(config.sellers, 1),
        negative_(config.sellers, 1),
        shopper_view_(2 * size_t{config.sellers}),
        sales_by_worker_(pool.size(), std::vector<uint32_t>(config.sellers, 0)),
        chunk_totals_(seller_chunk_count()) {
    if (config.sellers == 0) throw std::invalid_argument("marketbench: sellers must be > 0");
    for (auto& sales : sales_by_worker_) worker_sales_.push_back(sales.data());
    for (uint32_t chunk = 0; chunk < seller_chunk_count(); ++chunk) {
      RandomStream stream(config_.seed, Purpose::Benchmark, 0, kSellerStreams + chunk);
      const uint32_t end = seller_chunk_end(chunk);
      for (uint32_t seller = chunk * kSellersPerChunk; seller < end; ++seller) {
        const Fresh fresh = fresh_seller(stream);
        price_[seller] = fresh.price;
        genuine_[seller] = fresh.genuine;
        shopper_view_[2 * size_t{seller}] = domestic_score(fresh.price, 0.5f);
        shopper_view_[2 * size_t{seller} + 1] = foreign_score(fresh.price, 0.5f);
      }
    }
  }

  uint32_t steps_done() const { return step_; }

  // Runs one step and returns its record.
  StepRecord step() {
    ++step_;
    const uint64_t buyer_chunks = (config_.buyers + kBuyersPerChunk - 1) / kBuyersPerChunk;
    pool_.parallel_for(buyer_chunks, [this](size_t chunk, unsigned worker) {
      shop(chunk, worker_sales_[worker]);
    });
    pool_.parallel_for(seller_chunk_count(),
                       [this](size_t chunk, unsigned) { settle(static_cast<uint32_t>(chunk)); });
    StepRecord record;
    double rating_sum = 0.0;
    for (const ChunkTotals& totals : chunk_totals_) {
      record.purchases += totals.purchases;
      record.gmv += totals.gmv;
      record.non_genuine_purchases += totals.non_genuine_purchases;
      rating_sum += totals.rating_sum;
    }
    record.mean_rating = rating_sum / config_.sellers;
    return record;
  }

  // Seller columns, for checks.
  const std::vector<float>& price() const { return price_; }
  const std::vector<uint32_t>& positive() const { return positive_; }
  const std::vector<uint32_t>& negative() const { return negative_; }
  const std::vector<uint8_t>& genuine() const { return genuine_; }

 private:
  struct ChunkTotals {
    uint64_t purchases = 0;
    double gmv = 0.0;
    uint64_t non_genuine_purchases = 0;
    double rating_sum = 0.0;
  };

  uint32_t seller_chunk_count() const {
    return (config_.sellers + kSellersPerChunk - 1) / kSellersPerChunk;
  }
  uint32_t seller_chunk_end(uint32_t chunk) const {
    return static_cast<uint32_t>(
        std::min<uint64_t>(config_.sellers, uint64_t{chunk + 1} * kSellersPerChunk));
  }

  // One shopper's choice among its sampled sellers, given as view indices.
  // A tournament in which the earlier draw wins ties picks the same seller
  // as a scan with "strictly greater", in three rounds of branch-free
  // selects instead of a chain of eight.
  uint32_t best_seller(const uint32_t* view_index) const {
    static_assert(kSampledSellers == 8);
    uint32_t index[kSampledSellers];
    float score[kSampledSellers];
    const float* view = shopper_view_.data();
#pragma GCC unroll 8
    for (int draw = 0; draw < kSampledSellers; ++draw) {
      index[draw] = view_index[draw];
      score[draw] = view[index[draw]];
    }
    auto keep_better = [&](int left, int right) {
      const bool right_wins = score[right] > score[left];
      index[left] = right_wins ? index[right] : index[left];
      score[left] = right_wins ? score[right] : score[left];
    };
    keep_better(0, 1);
    keep_better(2, 3);
    keep_better(4, 5);
    keep_better(6, 7);
    keep_better(0, 2);
    keep_better(4, 6);
    keep_better(0, 4);
    return index[0] / 2;
  }

  // One chunk of buyers: who shops, and from whom each shopper buys.
  // Shoppers are handled in batches of kShoppersPerBatch, each batch drawing
  // from the chunk's stream one word per shopper for the gap since the
  // previous shopper (or the chunk's start), then kSampledSellers seller
  // indices per shopper. The batch's work is done in passes that the
  // compiler vectorises or that overlap well: where the shoppers are, which
  // row of the shopper view each sampled seller is read from, then the
  // choices, with the rows a few shoppers ahead prefetched.
  void shop(uint64_t chunk, uint32_t* sales) const {
    static constexpr int kShoppersPerBatch = 32;
    static constexpr int kPrefetchDistance = 4;
    RandomStream stream(config_.seed, Purpose::Benchmark, step_, chunk);
    const uint64_t end = std::min(config_.buyers, (chunk + 1) * kBuyersPerChunk);
    const float* view = shopper_view_.data();
    uint32_t gaps[kShoppersPerBatch];
    uint32_t sampled[kShoppersPerBatch][kSampledSellers];
    uint32_t shopper_country[kShoppersPerBatch];
    // Rows of the shopper view: 2 * seller + (1 if the seller is foreign to
    // the shopper). Padded so that prefetching past the batch stays inside.
    uint32_t view_index[kShoppersPerBatch + kPrefetchDistance][kSampledSellers] = {};
    uint64_t next_buyer = chunk * kBuyersPerChunk;  // the first buyer the next gap counts from
    while (next_buyer < end) {
      stream.fill_u32(gaps, kShoppersPerBatch);
      stream.fill_below32(config_.sellers, &sampled[0][0], kShoppersPerBatch * kSampledSellers);
      int shoppers = 0;
      for (; shoppers < kShoppersPerBatch; ++shoppers) {
        const uint64_t buyer = next_buyer + buyers_skipped_(gaps[shoppers]);
        if (buyer >= end) break;
        shopper_country[shoppers] = static_cast<uint32_t>(buyer % kCountries);
        next_buyer = buyer + 1;
      }
      if (shoppers < kShoppersPerBatch) next_buyer = end;
      for (int shopper = 0; shopper < shoppers; ++shopper) {
        const uint32_t country = shopper_country[shopper];
        for (int draw = 0; draw < kSampledSellers; ++draw) {
          const uint32_t seller = sampled[shopper][draw];
          view_index[shopper][draw] = 2 * seller + (seller % kCountries != country);
        }
      }
      uint32_t chosen[kShoppersPerBatch];
      for (int shopper = 0; shopper < shoppers; ++shopper) {
        if (prefetch_view_) {
#pragma GCC unroll 8
          for (int draw = 0; draw < kSampledSellers; ++draw) {
            __builtin_prefetch(view + view_index[shopper + kPrefetchDistance][draw]);
          }
        }
        chosen[shopper] = best_seller(view_index[shopper]);
        if (prefetch_view_) __builtin_prefetch(sales + chosen[shopper], 1);
      }
      // Counted after the batch, so that the prefetched counters have arrived.
      for (int shopper = 0; shopper < shoppers; ++shopper) ++sales[chosen[shopper]];
    }
  }

  // End of step for one chunk of sellers: reviews, price, replacement, the
  // view shoppers read next step, and the chunk's part of the step record.
  void settle(uint32_t chunk) {
    RandomStream stream(config_.seed, Purpose::Benchmark, step_, kSellerStreams + chunk);
    float* const price = price_.data();
    uint8_t* const genuine = genuine_.data();
    uint32_t* const positive = positive_.data();
    uint32_t* const negative = negative_.data();
    float* const view = shopper_view_.data();
    uint32_t* const* const worker_sales = worker_sales_.data();
    const size_t workers = worker_sales_.size();
    uint32_t* const first_worker_sales = worker_sales[0];
    uint32_t* const second_worker_sales = workers > 1 ? worker_sales[1] : nullptr;
    ChunkTotals totals;
    const uint32_t end = seller_chunk_end(chunk);
    for (uint32_t seller = chunk * kSellersPerChunk; seller < end; ++seller) {
      uint32_t sold = first_worker_sales[seller];
      first_worker_sales[seller] = 0;
      if (workers == 2) {  // the common case without a loop
        sold += second_worker_sales[seller];
        second_worker_sales[seller] = 0;
      } else {
        for (size_t worker = 1; worker < workers; ++worker) {
          sold += worker_sales[worker][seller];
          worker_sales[worker][seller] = 0;
        }
      }
      // Written to compile to selects: whether a seller sold, and whether it
      // is genuine, are coin flips to the branch predictor.
      const float old_price = price[seller];
      const bool is_genuine = genuine[seller];
      totals.purchases += sold;
      totals.gmv += static_cast<double>(old_price) * sold;
      totals.non_genuine_purchases += is_genuine ? 0 : sold;
      const uint32_t risky_sales = is_genuine ? 0 : sold;
      uint32_t satisfied = sold - risky_sales;
      for (uint32_t sale = 0; sale < risky_sales; ++sale) {
        satisfied += stream.bernoulli(kNonGenuineSatisfaction);
      }
      uint32_t good = positive[seller] + satisfied;
      uint32_t bad = negative[seller] + (sold - satisfied);
      static constexpr float kPriceFactor[2] = {kPriceDown, kPriceUp};
      float new_price = old_price * kPriceFactor[sold > 0];
      new_price = new_price < kMinPrice ? kMinPrice : new_price;
      new_price = new_price > kMaxPrice ? kMaxPrice : new_price;
      if (good + bad > kReviewsBeforeExit && 2 * good < good + bad) {
        const Fresh fresh = fresh_seller(stream);
        new_price = fresh.price;
        genuine[seller] = fresh.genuine;
        good = 1;
        bad = 1;
      }
      price[seller] = new_price;
      positive[seller] = good;
      negative[seller] = bad;
      const float rating = static_cast<float>(good) / static_cast<float>(good + bad);
      totals.rating_sum += rating;
      view[2 * size_t{seller}] = domestic_score(new_price, rating);
      view[2 * size_t{seller} + 1] = foreign_score(new_price, rating);
    }
    chunk_totals_[chunk] = totals;
  }

  struct Fresh {
    float price;
    bool genuine;
  };
  static Fresh fresh_seller(RandomStream& stream) {
    Fresh fresh;
    fresh.price = static_cast<float>(kInitialPriceLow +
                                     (kInitialPriceHigh - kInitialPriceLow) * stream.uniform());
    fresh.genuine = stream.bernoulli(kGenuineProbability);
    return fresh;
  }

  // The score u of the declaration, for a shopper in the seller's country
  // and for one elsewhere.
  static float domestic_score(float price, float rating) {
    return -kPriceWeight * price + kRatingWeight * rating;
  }
  static float foreign_score(float price, float rating) {
    return -kPriceWeight * price * (1.0f + kForeignPriceMarkup) + kRatingWeight * rating -
           kForeignPenalty;
  }

  Config config_;
  ThreadPool& pool_;
  uint32_t step_ = 0;
  // Buyers between one shopper and the next: non-shoppers cost nothing.
  const GeometricGap buyers_skipped_{1.0 - kShoppingProbability};

  // Seller table, one column per field.
  std::vector<float> price_;
  std::vector<uint8_t> genuine_;
  std::vector<uint32_t> positive_;
  std::vector<uint32_t> negative_;
  // Per seller, the scores a domestic and a foreign shopper see this step,
  // side by side: one cache line read per sampled seller.
  std::vector<float> shopper_view_;
  // Prefetching the view rows a shopper will read, and the sales counter it
  // will increment, pays once the view outgrows a core's own cache (large,
  // xl); below that it only costs instructions.
  const bool prefetch_view_ = shopper_view_.size() * sizeof(float) > (256u << 10);
  // Per worker, sales per seller this step.
  std::vector<std::vector<uint32_t>> sales_by_worker_;
  std::vector<uint32_t*> worker_sales_;
  std::vector<ChunkTotals> chunk_totals_;
};

// Runs config.steps steps and returns every step's record.
inline std::vector<StepRecord> run(const Config& config, ThreadPool& pool) {
  Model model(config, pool);
  std::vector<StepRecord> records;
  records.reserve(config.steps);
  for (uint32_t step = 0; step < config.steps; ++step) records.push_back(model.step());
  return records;
}

}  // namespace mercator::marketbench
