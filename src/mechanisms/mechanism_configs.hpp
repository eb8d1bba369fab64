#pragma once
// Parameters of the driving mechanisms (MODEL.md section 4). Each mechanism
// has a struct here and its behaviour in its own file beside this one; the
// structs live together so the simulation config can hold them without
// pulling in every mechanism's behaviour.
#include <string>
#include <vector>

#include "core/parameters.hpp"

namespace mercator {

struct RulesConfig {
  bool enabled = true;
  double detection_at_listing = 0.3;    // chance a counterfeit listing is caught when it appears
  double detection_per_sale = 0.03;     // chance a counterfeit sale is caught after the fact
  double false_positive_rate = 0.0005;  // chance per sale an honest seller is wrongly flagged
  double points_per_violation = 12;
  double points_per_lost_dispute = 2;
  double delisting_points = 48;
  double points_half_life_days = 365;
  double penalty_usd = 20.0;            // fine per violation, paid to the platform
  bool identity_checks = false;         // real-identity checks for new sellers
  double identity_check_deterrence = 0.65;
  double jury_accuracy = 0.9;           // public supervision: disputes judged correctly
  bool adaptation = true;               // tighten when dispute rates cross the threshold
  double adaptation_dispute_threshold = 0.06;
  double adaptation_step = 0.1;
  double adaptation_interval_days = 90;
  double detection_max = 0.96;
};

struct ContractsConfig {
  bool enabled = true;
  double min_monthly_orders = 10;       // volume at which a seller can sign with a carrier
  double signing_rate_per_day = 0.02;
  double cost_discount = 0.2;
  double loss_reduction = 0.3;
  double shock_shield = 0.7;            // share of a logistics shock a contract absorbs
};

struct SelfOrganizationConfig {
  bool enabled = true;
  double demand_drift_per_day = 0.01;   // random walk of category demand shares
  double read_interval_days = 30;       // how often sellers read the information pool
  double retarget_probability = 0.3;    // a struggling seller moves to an under-served category
  double provider_entry_rate = 0.02;    // service providers entering per unit of unmet demand a day
  double sellers_per_provider = 20;     // demand for services a provider can serve
  double service_cost_saving = 0.05;    // unit-cost saving of a seller that outsources
  double service_fee_usd_per_day = 0.3;
};

struct CollaborationConfig {
  bool enabled = true;
  double forecast_error_alone = 0.45;   // sd of a seller's stock error without shared forecasts
  double forecast_error_shared = 0.15;
  double warehouse_min_monthly_orders = 30;
  double warehouse_adoption_per_day = 0.01;
  double warehouse_cost_usd_per_day = 1.0;
};

struct ProfitDistributionConfig {
  bool enabled = true;
  double new_seller_subsidy_usd = 100;  // paid once on joining while subsidies last
  double subsidy_until_sellers = 4000;  // subsidies stop once the platform has this many
  double commission_free_days = 180;    // new sellers pay no commission at first
  double creator_revenue_share = 0.5;   // share of ad revenue paid to creators
  double affiliate_commission = 0.2;    // creators' share of the commission on sales in their market
};

struct CompetitionConfig {
  bool enabled = true;
  bool multi_homing = true;
  double price_step = 0.02;             // markup change when sales fall or rise
  double subsidy_response = 0.5;        // platforms raise subsidies when losing share
};

struct InnovationConfig {
  bool enabled = true;
  double channel_diffusion_per_day = 0.01;  // sellers adopting an arrived channel
  double channel_session_boost = 0.15;      // extra sessions per channel fully taken up by sellers
  double rd_cost_usd_per_day = 10.0;
  bool learning = true;                     // the algorithm learns from data
};

struct CooperationConfig {
  bool enabled = true;
  double partner_localization_boost = 0.3;
  double partner_cost_usd_per_day = 2.0;
  double alliance_sellers = 500;            // merchants an external shop system brings
};

struct ReputationConfig {
  bool enabled = true;
  double prior_good = 4;                    // Beta prior of the displayed score
  double prior_bad = 1;
  double window_half_life_days = 180;
  double fake_review_share = 0.2;           // share of dishonest sellers buying fake reviews
  double fake_reviews_per_day = 0.5;
  double escrow_blocks_fake_reviews = 0.8;  // ratings tied to confirmed receipt
  double tournament_size = 3;               // ranking strength of the displayed score
};

struct EscrowConfig {
  bool enabled = true;
  double confirm_days = 5;                  // buyer confirms this long after delivery
  double auto_release_days = 15;
  double confirming_share = 0.7;            // buyers who confirm; the rest wait for auto release
  double trust_boost = 0.3;                 // added to buyers' trust in a platform with escrow
  double refund_without_escrow_honest = 0.8;
  double refund_without_escrow_dishonest = 0.2;
};

struct MicrofinanceConfig {
  bool enabled = true;
  double score_intercept = -2.0;            // logistic scorecard on platform history
  double score_sales_weight = 0.8;          // per log(1 + 30-day orders)
  double score_rating_weight = 3.0;
  double score_dispute_weight = -8.0;       // per 30-day dispute rate
  double score_tenure_weight = 0.5;         // per year active
  double approval_cutoff = 0.5;
  double max_loan_usd = 2000;
  double loan_to_monthly_sales = 1.0;
  double interest_per_day = 0.0005;
  double term_days = 30;
  double grace_days = 15;
  double min_loan_usd = 50;
};

struct TrainingConfig {
  bool enabled = true;
  double enrolment_per_day = 0.003;
  double cost_saving_per_level = 0.04;
  double dispute_reduction_per_level = 0.1;
  double max_level = 5;
  double cost_usd_per_course = 2.0;         // borne by the platform
};

struct NetworkEffectsConfig {
  bool enabled = true;
  double cross_side_strength = 0.0001;     // adoption hazard per log unit of sellers per 1,000 buyers
  double same_side_strength = 0.006;       // adoption hazard per unit penetration squared
  double retention_strength = 0.8;         // churn reduction at full penetration
  double seller_entry_elasticity = 1.0;    // seller entry growth with the buyer base
};

struct InternationalizationConfig {
  bool enabled = true;
  std::string strategy = "gradual";        // gradual | tiered | all_at_once
  double entry_interval_days = 90;         // gradual: days between market entries
  double max_cultural_distance_stage1 = 0.35;
  std::vector<std::string> tier_s = {};
  std::vector<std::string> tier_a = {};
  std::vector<std::string> tier_b = {};
  double tier_s_spend = 3.0;               // ad spend multipliers by tier
  double tier_a_spend = 2.0;
  double tier_b_spend = 1.0;
  double tier_c_spend = 0.5;
  double radiation_leap_markets = 8;       // markets present at which stage 2 begins
  double depth_leap_penetration = 0.2;     // mean penetration at which stage 3 begins
};

struct MechanismsConfig {
  RulesConfig rules;
  ContractsConfig contracts;
  SelfOrganizationConfig self_organization;
  CollaborationConfig collaboration;
  ProfitDistributionConfig profit_distribution;
  CompetitionConfig competition;
  InnovationConfig innovation;
  CooperationConfig cooperation;
  ReputationConfig reputation;
  EscrowConfig escrow;
  MicrofinanceConfig microfinance;
  TrainingConfig training;
  NetworkEffectsConfig network_effects;
  InternationalizationConfig internationalization;
};
void visit_parameters(ParameterVisitor& visitor, MechanismsConfig& config);

}  // namespace mercator
