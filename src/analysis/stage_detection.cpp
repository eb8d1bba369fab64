#include "analysis/stage_detection.hpp"

#include <algorithm>
#include <stdexcept>

#include "analysis/stage_smoothing.hpp"

namespace mercator {
namespace {

using Labels = std::vector<EcosystemStage>;

// The growth phases: where growth first reaches the threshold, and where it
// first falls below it after the peak (days.size() when it never does).
struct GrowthPhases {
  size_t expansion_start = 0;
  size_t maturity_start = 0;
  double peak_growth = 0;
};

GrowthPhases growth_phases(const std::vector<double>& growth, double fraction) {
  GrowthPhases phases;
  const auto peak = std::max_element(growth.begin(), growth.end());
  phases.peak_growth = *peak;
  const double threshold = fraction * phases.peak_growth;
  phases.expansion_start = static_cast<size_t>(
      std::find_if(growth.begin(), growth.end(), [&](double g) { return g >= threshold; }) -
      growth.begin());
  phases.maturity_start = static_cast<size_t>(
      std::find_if(peak, growth.end(), [&](double g) { return g < threshold; }) - growth.begin());
  return phases;
}

// Relabels the maturity days from `from` on that lie in a run of at least
// min_length consecutive days on which `flag` holds (a day already renewal
// stays renewal: it is labelled first and wins over decline).
template <class Flag>
void label_sustained(Labels& labels, size_t from, int64_t min_length, EcosystemStage stage,
                     Flag flag) {
  size_t day = from;
  while (day < labels.size()) {
    if (!flag(day)) {
      ++day;
      continue;
    }
    size_t end = day;
    while (end < labels.size() && flag(end)) ++end;
    if (static_cast<int64_t>(end - day) >= min_length) {
      for (size_t d = day; d < end; ++d) {
        if (labels[d] == EcosystemStage::Maturity) labels[d] = stage;
      }
    }
    day = end;
  }
}

// Below (1 - drop) of the running maximum of the smoothed level.
std::vector<uint8_t> deep_below_maximum(const std::vector<double>& series, int64_t half_width,
                                        double drop) {
  const std::vector<double> level = centred_moving_median(series, half_width);
  const std::vector<double> best = running_maximum(level);
  std::vector<uint8_t> below(series.size());
  for (size_t day = 0; day < series.size(); ++day)
    below[day] = level[day] < (1.0 - drop) * best[day];
  return below;
}

std::vector<StageSpan> to_spans(const Labels& labels) {
  std::vector<StageSpan> spans;
  for (size_t day = 0; day < labels.size(); ++day) {
    if (spans.empty() || spans.back().stage != labels[day]) {
      spans.push_back({labels[day], static_cast<int32_t>(day), static_cast<int32_t>(day)});
    } else {
      spans.back().end_day = static_cast<int32_t>(day);
    }
  }
  return spans;
}

}  // namespace

std::string_view stage_name(EcosystemStage stage) {
  switch (stage) {
    case EcosystemStage::Exploration:
      return "exploration";
    case EcosystemStage::Expansion:
      return "expansion";
    case EcosystemStage::Maturity:
      return "maturity";
    case EcosystemStage::Renewal:
      return "renewal";
    case EcosystemStage::Decline:
      return "decline";
  }
  return "unknown";
}

std::vector<StageSpan> detect_stages(const std::vector<double>& members,
                                     const std::vector<double>& volume, const StageConfig& config) {
  if (members.size() != volume.size()) {
    throw std::invalid_argument("stage detection: members and volume series differ in length");
  }
  const size_t days = members.size();
  if (days == 0) return {};
  const int64_t smoothing_half = config.smoothing_days / 2;
  const std::vector<double>& signal = config.growth_signal == "volume" ? volume : members;
  const std::vector<double> growth = least_squares_growth(signal, config.growth_days / 2);
  Labels labels(days, EcosystemStage::Exploration);
  const GrowthPhases phases = growth_phases(growth, config.expansion_fraction);
  // A series that never grows never leaves exploration.
  if (phases.peak_growth <= 0) return to_spans(labels);
  std::fill(labels.begin() + phases.expansion_start, labels.end(), EcosystemStage::Expansion);
  std::fill(labels.begin() + phases.maturity_start, labels.end(), EcosystemStage::Maturity);
  if (phases.maturity_start >= days) return to_spans(labels);

  const double renewal_growth = config.renewal_fraction * phases.peak_growth;
  label_sustained(labels, phases.maturity_start, config.renewal_days, EcosystemStage::Renewal,
                  [&](size_t day) { return growth[day] >= renewal_growth; });
  const std::vector<uint8_t> members_down =
      deep_below_maximum(members, smoothing_half, config.decline_drop);
  const std::vector<uint8_t> volume_down =
      deep_below_maximum(volume, smoothing_half, config.decline_drop);
  label_sustained(labels, phases.maturity_start, config.decline_days, EcosystemStage::Decline,
                  [&](size_t day) { return members_down[day] || volume_down[day]; });
  return to_spans(labels);
}

}  // namespace mercator
