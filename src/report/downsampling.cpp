#include "report/downsampling.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace mercator::report {
namespace {

constexpr int every_day_up_to = 731;
constexpr int most_points = 800;
constexpr double missing = std::numeric_limits<double>::quiet_NaN();

double aggregate(std::span<const double> daily, DayRange range, Aggregation aggregation) {
  double total = 0;
  int count = 0;
  for (int day = range.first; day <= range.last; ++day) {
    const double value = daily[static_cast<size_t>(day)];
    if (std::isnan(value)) continue;
    total += value;
    ++count;
  }
  if (count == 0) return missing;
  return aggregation == Aggregation::sum ? total : total / count;
}

double weighted_mean(std::span<const double> daily, std::span<const double> weights,
                     DayRange range) {
  double weighted = 0;
  double weight_total = 0;
  for (int day = range.first; day <= range.last; ++day) {
    const double value = daily[static_cast<size_t>(day)];
    const double weight = weights[static_cast<size_t>(day)];
    if (std::isnan(value) || std::isnan(weight)) continue;
    weighted += value * weight;
    weight_total += weight;
  }
  if (weight_total > 0) return weighted / weight_total;
  return aggregate(daily, range, Aggregation::mean);
}

void require_days(std::span<const double> daily, const TimeBuckets& buckets) {
  if (!buckets.ranges.empty() && daily.size() <= static_cast<size_t>(buckets.ranges.back().last)) {
    throw std::invalid_argument("downsample: the series is shorter than its periods");
  }
}

}  // namespace

int days_per_bucket(int days) {
  if (days <= every_day_up_to) return 1;
  if (days <= 7 * most_points) return 7;
  return (days + most_points - 1) / most_points;
}

TimeBuckets make_time_buckets(int days) {
  TimeBuckets buckets;
  buckets.days_per_bucket = days_per_bucket(days);
  for (int last = days - 1; last >= 0; last -= buckets.days_per_bucket) {
    buckets.ranges.push_back({std::max(0, last - buckets.days_per_bucket + 1), last});
  }
  std::reverse(buckets.ranges.begin(), buckets.ranges.end());
  return buckets;
}

std::vector<double> downsample(std::span<const double> daily, const TimeBuckets& buckets,
                               Aggregation aggregation) {
  require_days(daily, buckets);
  std::vector<double> points;
  points.reserve(buckets.ranges.size());
  for (const DayRange& range : buckets.ranges)
    points.push_back(aggregate(daily, range, aggregation));
  return points;
}

std::vector<double> downsample_weighted(std::span<const double> daily,
                                        std::span<const double> weights,
                                        const TimeBuckets& buckets) {
  require_days(daily, buckets);
  require_days(weights, buckets);
  std::vector<double> points;
  points.reserve(buckets.ranges.size());
  for (const DayRange& range : buckets.ranges)
    points.push_back(weighted_mean(daily, weights, range));
  return points;
}

}  // namespace mercator::report
