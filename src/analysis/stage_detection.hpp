#pragma once
// Life-cycle stages of a business ecosystem (Moore 1993: birth, expansion,
// leadership, self-renewal or death; MODEL.md sections 5 and 6), read from
// one market's daily members and volume after the run.
//
// Exploration lasts until the smoothed growth of the growth signal first
// reaches expansion_fraction of its peak; expansion until it falls back
// below that after the peak; maturity follows. After maturity, a sustained
// return of growth is renewal and a sustained fall of members or volume
// below their running maximum is decline. The peak is known only once the
// whole series is, and the windows are centred: the stage of a day uses
// later days (hindsight). docs/analysis.md gives the closed form for a
// logistic curve.
#include <cstdint>
#include <string_view>
#include <vector>

#include "analysis/stage_config.hpp"

namespace mercator {

enum class EcosystemStage : uint8_t { Exploration, Expansion, Maturity, Renewal, Decline };
constexpr int kEcosystemStages = 5;

std::string_view stage_name(EcosystemStage stage);

// Consecutive days in one stage; end_day is the last day of the period.
struct StageSpan {
  EcosystemStage stage = EcosystemStage::Exploration;
  int32_t start_day = 0;
  int32_t end_day = 0;
};

// members and volume hold one value per day from day 0 (the same length).
// Returns the periods in order, covering every day; empty for no days.
// Throws std::invalid_argument when the lengths differ.
std::vector<StageSpan> detect_stages(const std::vector<double>& members,
                                     const std::vector<double>& volume, const StageConfig& config);

}  // namespace mercator
