#pragma once
// Sellers: a fixed pool of rows, struct of arrays. Rows of sellers that left
// are reused by entrants (lowest free row first), so memory stays bounded
// and ids stay deterministic.
#include <algorithm>
#include <bit>
#include <cstdint>
#include <vector>

#include "core/ledger.hpp"
#include "world/world.hpp"

namespace mercator {

using SellerId = uint32_t;

enum class GoodsQuality : uint8_t { Genuine = 0, Poor = 1, Counterfeit = 2 };
enum class LogisticsMode : uint8_t { Economy = 0, Express = 1, Dedicated = 2, Warehouse = 3 };
constexpr int kLogisticsModes = 4;

struct SellerTable {
  // Identity and strategy.
  std::vector<MarketId> home;
  std::vector<uint8_t> category;
  std::vector<uint8_t> quality;         // GoodsQuality
  std::vector<uint8_t> is_business;     // registered business vs grassroots individual
  std::vector<uint8_t> has_brand;
  std::vector<uint8_t> logistics_mode;  // LogisticsMode
  std::vector<uint8_t> alive;           // written only through set_alive
  std::vector<uint8_t> platforms;       // bit p: listed on platform p
  std::vector<uint8_t> tier;            // 0 ordinary, 1 silver, 2 gold
  std::vector<uint8_t> training_level;
  std::vector<uint8_t> contracted;      // long-term carrier contract
  std::vector<uint8_t> outsourced;      // buys services from a provider
  std::vector<uint8_t> fakes_reviews;
  std::vector<uint8_t> channels;        // bit c: monetization channel c adopted
  std::vector<uint8_t> subsidized;
  // Economics (US$ in agent units).
  std::vector<float> unit_cost;
  std::vector<float> markup;
  std::vector<float> inventory;         // units on hand, bought upfront from suppliers
  std::vector<uint32_t> stockouts_week; // orders turned away since the last restock
  std::vector<AccountId> account;
  // Reputation (decayed counts) and the 4-item store score (1..5, moving average).
  std::vector<float> rating_good;
  std::vector<float> rating_medium;
  std::vector<float> rating_poor;
  std::vector<float> displayed_rating;  // 0..1, what buyers and ranking see
  std::vector<float> store_described;
  std::vector<float> store_service;
  std::vector<float> store_dispatch;
  std::vector<float> store_delivery;
  // Activity (30-day moving sums) and governance.
  std::vector<float> orders_30d;
  std::vector<float> disputes_30d;
  std::vector<float> profit_30d;
  std::vector<float> penalty_points;
  std::vector<int32_t> entry_day;
  std::vector<int32_t> loss_days;
  std::vector<uint32_t> sales_today;
  std::vector<float> profit_today;
  // Microfinance.
  std::vector<Money> loan_balance;
  std::vector<Money> deposit_held;      // deposits lodged with platforms, returned on leaving
  std::vector<int32_t> loan_due_day;
  std::vector<float> credit_score;

  // alive again as bits (bit s % 64 of word s / 64), so that the daily
  // passes over living sellers skip dead rows 64 at a time instead of
  // testing (and mispredicting) each one.
  std::vector<uint64_t> alive_bits;

  size_t size() const { return home.size(); }
  void resize(size_t count);
  void set_alive(SellerId seller, bool living) {
    alive[seller] = living;
    const uint64_t bit = uint64_t(1) << (seller % 64);
    if (living) {
      alive_bits[seller / 64] |= bit;
    } else {
      alive_bits[seller / 64] &= ~bit;
    }
  }

  // Dead rows: free for entrants.
  size_t free_count() const {
    size_t living = 0;
    for (uint64_t word : alive_bits) living += std::popcount(word);
    return size() - living;
  }
  // The first dead row at or after `from`, or size() when there is none.
  SellerId next_free(SellerId from) const {
    for (size_t word = from / 64; word < alive_bits.size(); ++word) {
      uint64_t dead = ~alive_bits[word];
      if (word == from / 64) dead &= ~uint64_t(0) << (from % 64);
      if (dead != 0) return static_cast<SellerId>(std::min<size_t>(word * 64 + std::countr_zero(dead), size()));
    }
    return static_cast<SellerId>(size());
  }

  // visit(seller) for each living seller in ascending row order: exactly the
  // rows a loop over all rows that skips dead ones visits, even when visit
  // retires or places sellers further on (the bits are read afresh after
  // every visit).
  // The next row comes from clearing the lowest pending bit, a one-cycle
  // step, so the passes are not held up by finding the next seller; the
  // word is read again after each visit and only a changed one (a visit
  // that retired or placed a seller in it) recomputes what is pending.
  template <class Visit>
  void for_each_living(Visit&& visit) const {
    for (size_t word = 0; word < alive_bits.size(); ++word) {
      uint64_t seen = alive_bits[word];
      uint64_t pending = seen;
      while (pending != 0) {
        const int bit = std::countr_zero(pending);
        visit(static_cast<SellerId>(word * 64 + bit));
        pending &= pending - 1;
        const uint64_t now = alive_bits[word];
        if (now != seen) [[unlikely]] {
          pending = now & (~uint64_t(0) << bit << 1);  // the rows after this one
          seen = now;
        }
      }
    }
  }

};

}  // namespace mercator
