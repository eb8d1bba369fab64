// SellerTable::for_each_living visits exactly the rows a plain loop over all
// rows that skips dead ones would visit, even when a visit retires or
// places sellers further on, in the same word or in a later one.
#include <gtest/gtest.h>

#include <functional>
#include <vector>

#include "agents/seller_table.hpp"

namespace mercator {
namespace {

// The reference: every row in order, alive checked at the moment of the visit.
std::vector<SellerId> visits_of_plain_loop(SellerTable table,
                                           const std::function<void(SellerTable&, SellerId)>& act) {
  std::vector<SellerId> visited;
  for (SellerId row = 0; row < table.size(); ++row) {
    if (!table.alive[row]) continue;
    visited.push_back(row);
    act(table, row);
  }
  return visited;
}

std::vector<SellerId> visits_of_for_each_living(SellerTable table,
                                                const std::function<void(SellerTable&, SellerId)>& act) {
  std::vector<SellerId> visited;
  table.for_each_living([&](SellerId row) {
    visited.push_back(row);
    act(table, row);
  });
  return visited;
}

SellerTable table_with_living(size_t rows, const std::vector<SellerId>& living) {
  SellerTable table;
  table.resize(rows);
  for (SellerId row : living) table.set_alive(row, true);
  return table;
}

TEST(SellerTable, ForEachLivingFollowsRetirementsAndEntriesMadeDuringThePass) {
  const SellerTable table =
      table_with_living(200, {0, 1, 5, 9, 62, 63, 64, 65, 70, 127, 128, 150, 199});
  const std::vector<std::function<void(SellerTable&, SellerId)>> passes = {
      // Reads only.
      [](SellerTable&, SellerId) {},
      // Each visit retires the seller it visits.
      [](SellerTable& t, SellerId row) { t.set_alive(row, false); },
      // Row 1 retires row 5 (same word) and row 65 (next word).
      [](SellerTable& t, SellerId row) {
        if (row == 1) {
          t.set_alive(5, false);
          t.set_alive(65, false);
        }
      },
      // Row 9 places sellers at 10 and 63 (same word), 66 and 190 (later words),
      // and at 3 (behind it: not visited).
      [](SellerTable& t, SellerId row) {
        if (row == 9) {
          for (SellerId placed : {10u, 63u, 66u, 190u, 3u}) t.set_alive(placed, true);
        }
      },
      // The last row of a word retires the first of the next and places one after it.
      [](SellerTable& t, SellerId row) {
        if (row == 63) {
          t.set_alive(64, false);
          t.set_alive(100, true);
        }
      },
      // A visit that retires and places the same row ahead: the word is unchanged.
      [](SellerTable& t, SellerId row) {
        if (row == 0) {
          t.set_alive(9, false);
          t.set_alive(9, true);
        }
      },
  };
  for (size_t pass = 0; pass < passes.size(); ++pass) {
    EXPECT_EQ(visits_of_for_each_living(table, passes[pass]), visits_of_plain_loop(table, passes[pass]))
        << "pass " << pass;
  }
}

}  // namespace
}  // namespace mercator
