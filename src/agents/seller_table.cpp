#include "agents/seller_table.hpp"

namespace mercator {

void SellerTable::resize(size_t count) {
  for (auto* column : {&category, &quality, &is_business, &has_brand, &logistics_mode, &alive,
                       &platforms, &tier, &training_level, &contracted, &outsourced,
                       &fakes_reviews, &channels, &subsidized}) {
    column->resize(count, 0);
  }
  home.resize(count, 0);
  for (auto* column : {&unit_cost, &markup, &inventory, &rating_good, &rating_medium,
                       &rating_poor, &displayed_rating, &store_described, &store_service,
                       &store_dispatch, &store_delivery, &orders_30d, &disputes_30d, &profit_30d,
                       &penalty_points, &profit_today, &credit_score}) {
    column->resize(count, 0.0f);
  }
  account.resize(count, kNoAccount);
  entry_day.resize(count, 0);
  loss_days.resize(count, 0);
  sales_today.resize(count, 0);
  stockouts_week.resize(count, 0);
  loan_balance.resize(count, 0);
  deposit_held.resize(count, 0);
  loan_due_day.resize(count, 0);
  alive_bits.assign((count + 63) / 64, 0);
  for (size_t seller = 0; seller < count; ++seller) {
    if (alive[seller]) alive_bits[seller / 64] |= uint64_t(1) << (seller % 64);
  }
}

}  // namespace mercator
