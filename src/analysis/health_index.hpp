#pragma once
// Health of a business ecosystem (Iansiti and Levien 2004: productivity,
// robustness, niche creation; MODEL.md section 5: heterogeneity,
// embeddedness, reciprocity). Each maps one day's inputs of a market (or
// ALL) to a number; 0 where the inputs are empty. robustness_index needs a
// window of days and lives in robustness_index.hpp. docs/analysis.md gives
// each formula and its source concept.
#include "analysis/ecosystem_index_inputs.hpp"

namespace mercator {

// GMV per active buyer per day (US$; buyer-side money over buyer counts, so
// the scale factor cancels).
double productivity_index(const EcosystemIndexInputs& inputs);
// Share of the sellers' 30-day orders made by sellers under a year old [0, 1].
double niche_creation_index(const EcosystemIndexInputs& inputs);
// Normalized Shannon entropy of sellers' business models (quality x form) [0, 1].
double heterogeneity_index(const EcosystemIndexInputs& inputs);
// Mean share of the five ecosystem ties each active seller holds [0, 1].
double embeddedness_index(const EcosystemIndexInputs& inputs);
// Both sides gaining: happy share of settled orders x share of sellers earning [0, 1].
double reciprocity_index(const EcosystemIndexInputs& inputs);

}  // namespace mercator
