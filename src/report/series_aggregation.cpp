#include "report/series_aggregation.hpp"

#include <array>
#include <string_view>

namespace mercator::report {
namespace {

// The columns of metrics.csv that count what happened on the day itself
// (docs/outputs.md). Running totals (platform revenue and profit) and
// stocks are levels, not flows.
constexpr std::array<std::string_view, 24> daily_flows = {"adoptions",
                                                          "churns",
                                                          "sellers_entered",
                                                          "sellers_exited",
                                                          "sellers_exited_broke",
                                                          "violations_detected",
                                                          "delistings",
                                                          "loans_issued",
                                                          "loan_amount_usd",
                                                          "loan_defaults",
                                                          "sessions",
                                                          "orders",
                                                          "orders_cross_border",
                                                          "gmv_usd",
                                                          "gmv_domestic_usd",
                                                          "gmv_cross_border_usd",
                                                          "cancelled_orders",
                                                          "settled_orders",
                                                          "refunds_usd",
                                                          "lost_parcels",
                                                          "seized_parcels",
                                                          "shipping_usd",
                                                          "duty_usd",
                                                          "creator_sales"};

}  // namespace

Aggregation aggregation_of(std::string_view series) {
  for (const std::string_view flow : daily_flows) {
    if (flow == series) return Aggregation::sum;
  }
  return Aggregation::mean;
}

}  // namespace mercator::report
