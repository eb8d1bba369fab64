#pragma once
#include <cstdint>

#include "core/parameters.hpp"

namespace mercator {

// Buyers: adoption (Bass on a social graph), shopping and choice (logit).
struct BuyerConfig {
  double ad_reach_per_day = 0.00015;      // Bass p at the reference ad budget and full localization
  double reference_ad_budget_usd_per_day = 40;  // the platform ad budget at which reach is p
  double word_of_mouth_per_day = 0.0015;  // Bass q: hazard per unit share of active ties
  int64_t ties_per_buyer = 8;
  double market_potential_share = 0.4;    // Bass m: share of online consumers who could ever adopt
  double reactivation_factor = 0.3;       // churned buyers' hazard relative to unaware ones
  double churn_per_day = 0.0008;          // baseline hazard of an active buyer leaving
  double bad_experience_churn = 0.15;     // chance an unhappy order makes the buyer leave
  double sessions_per_day = 0.02;         // shopping sessions of an active buyer
  int64_t consideration_set_size = 8;
  double price_weight = 0.18;             // alpha, utility per US$ of landed price at top income
  double rating_weight = 3.0;             // beta, utility per unit displayed rating (0..1)
  double speed_weight = 0.06;             // gamma, utility per day of expected delivery saved
  double culture_weight = 1.5;            // delta, utility per unit cultural distance unlocalized
  double mismatch_penalty = 2.5;          // utility lost by an item outside the buyer's need
  double outside_option = -1.0;           // V0: utility of buying elsewhere or not at all
  double distrust_weight = 2.0;           // added to V0 per unit of missing trust
  double price_sensitivity_spread = 0.3;  // lognormal sigma of buyers' price weights
  double dispute_propensity = 0.6;        // chance an unhappy buyer opens a dispute
};
void visit_parameters(ParameterVisitor& visitor, BuyerConfig& config);

}  // namespace mercator
