#include "mechanisms/mechanism_configs.hpp"

namespace mercator {
namespace {

// Every mechanism opens with the same switch, so ablation runs can turn any one off.
template <class VisitMembers>
void visit_mechanism(ParameterVisitor& visitor, std::string_view name, std::string_view meaning,
                     bool& enabled, VisitMembers visit_members) {
  visitor.group(name, meaning, [&] {
    visitor.flag({.key = "enabled",
                  .unit = "",
                  .meaning = "Run this mechanism; off, it registers no hooks (the group's "
                             "description says what that removes)",
                  .source = "MODEL.md 4: every mechanism is on by default and can be switched "
                            "off for ablation"},
                 enabled);
    visit_members();
  });
}

void visit_rules(ParameterVisitor& visitor, RulesConfig& config) {
  visitor.real({.key = "detection_at_listing",
                .unit = "probability",
                .meaning = "Chance a counterfeit listing is caught when it is published",
                .source = "assumption: weak screening before the 2016 crackdown; FACTS.md A: "
                          "the 2016 automated system catches about 96% (see detection_max)",
                .min = 0,
                .max = 1},
               config.detection_at_listing);
  visitor.real({.key = "detection_per_sale",
                .unit = "probability",
                .meaning = "Chance a counterfeit sale is caught after the fact (spot checks, "
                           "complaints)",
                .source = "assumption: FACTS.md A: spot checks and forced takedowns, no rate",
                .min = 0,
                .max = 1},
               config.detection_per_sale);
  visitor.real({.key = "false_positive_rate",
                .unit = "probability",
                .meaning = "Chance per sale that an honest seller is wrongly flagged",
                .source = "assumption: FACTS.md C reports false positives (hot items deleted "
                          "before a festival) but no rate",
                .min = 0,
                .max = 1},
               config.false_positive_rate);
  visitor.real({.key = "points_per_violation",
                .unit = "points",
                .meaning = "Credit-penalty points added per detected violation",
                .source = "assumption modelled on Taobao's serious-violation rules (12-point "
                          "steps); FACTS.md C: a violation counter with a red-flag threshold",
                .min = 0,
                .max = 1000},
               config.points_per_violation);
  visitor.real({.key = "points_per_lost_dispute",
                .unit = "points",
                .meaning = "Credit-penalty points added per dispute the seller loses",
                .source = "assumption: a lost dispute weighs a sixth of a counterfeit violation",
                .min = 0,
                .max = 1000},
               config.points_per_lost_dispute);
  visitor.real({.key = "delisting_points",
                .unit = "points",
                .meaning = "Penalty points at which a seller is delisted",
                .source = "assumption modelled on Taobao's store closure at 48 points; FACTS.md "
                          "C: repeat offenders banned",
                .min = 1,
                .max = 1e6},
               config.delisting_points);
  visitor.real({.key = "points_half_life_days",
                .unit = "days",
                .meaning = "Half-life of penalty points (they decay so reformed sellers recover)",
                .source = "assumption: Taobao-style points lapse after about a year",
                .min = 1,
                .max = 36500},
               config.points_half_life_days);
  visitor.real({.key = "penalty_usd",
                .unit = "USD",
                .meaning = "Fine per violation, paid by the seller to the platform",
                .source = "assumption: FACTS.md C: violation fees paid from the security "
                          "deposit, amount not given",
                .min = 0,
                .max = 1e7},
               config.penalty_usd);
  visitor.flag({.key = "identity_checks",
                .unit = "",
                .meaning = "New sellers must pass real-identity checks",
                .source = "FACTS.md C: introduced on Taobao in 2012; off before"},
               config.identity_checks);
  visitor.real({.key = "identity_check_deterrence",
                .unit = "share",
                .meaning = "Share of would-be cheats among new sellers that identity checks deter",
                .source = "FACTS.md C: 2012 real-identity checks cut vendor cheating 60-70%",
                .min = 0,
                .max = 1},
               config.identity_check_deterrence);
  visitor.real({.key = "jury_accuracy",
                .unit = "probability",
                .meaning = "Public supervision: chance a user jury judges a dispute correctly",
                .source = "assumption: MODEL.md 4 describes user juries, no accuracy figure",
                .min = 0,
                .max = 1},
               config.jury_accuracy);
  visitor.flag({.key = "adaptation",
                .unit = "",
                .meaning = "The platform tightens enforcement when its dispute rate crosses the "
                           "threshold",
                .source = "FACTS.md A: the 2016 credit crisis was answered with stricter rules"},
               config.adaptation);
  visitor.real({.key = "adaptation_dispute_threshold",
                .unit = "share",
                .meaning = "Share of orders disputed above which the rules tighten",
                .source = "assumption: a few percent of orders disputed reads as a credit crisis",
                .min = 0,
                .max = 1},
               config.adaptation_dispute_threshold);
  visitor.real({.key = "adaptation_step",
                .unit = "probability",
                .meaning = "Rise in detection at listing (a third of it after sale) each time "
                           "the rules tighten, up to detection_max",
                .source = "assumption: about seven tightenings take detection from 0.3 to 0.96",
                .min = 0,
                .max = 1},
               config.adaptation_step);
  visitor.real({.key = "adaptation_interval_days",
                .unit = "days",
                .meaning = "How often the platform reviews its dispute rate",
                .source = "assumption: quarterly; FACTS.md C: rule churn itself angered vendors",
                .min = 1,
                .max = 3650},
               config.adaptation_interval_days);
  visitor.real({.key = "detection_max",
                .unit = "probability",
                .meaning = "Highest detection at listing that tightening can reach",
                .source = "FACTS.md A: 96% of infringing listings caught at publication after "
                          "2016",
                .min = 0,
                .max = 1},
               config.detection_max);
}

void visit_contracts(ParameterVisitor& visitor, ContractsConfig& config) {
  visitor.real({.key = "min_monthly_orders",
                .unit = "orders/month",
                .meaning = "Volume at which a seller can sign a long-term contract with a carrier",
                .source = "assumption: carriers sign only sellers with steady volume",
                .min = 0,
                .max = 1e9},
               config.min_monthly_orders);
  visitor.real({.key = "signing_rate_per_day",
                .unit = "per day",
                .meaning = "Hazard of an eligible seller signing a carrier contract",
                .source = "assumption: most eligible sellers sign within a few months",
                .min = 0,
                .max = 1},
               config.signing_rate_per_day);
  visitor.real({.key = "cost_discount",
                .unit = "share",
                .meaning = "Shipping cost saved under contract (lower negotiation cost)",
                .source = "assumption: volume discount; the sources give none",
                .min = 0,
                .max = 1},
               config.cost_discount);
  visitor.real({.key = "loss_reduction",
                .unit = "share",
                .meaning = "Share of parcel losses a contract avoids",
                .source = "assumption: contracted carriers are accountable for losses",
                .min = 0,
                .max = 1},
               config.loss_reduction);
  visitor.real({.key = "shock_shield",
                .unit = "share",
                .meaning = "Share of a logistics shock's delay a contract absorbs",
                .source = "assumption: MODEL.md 4 says contracts hold under shocks, no size",
                .min = 0,
                .max = 1},
               config.shock_shield);
}

void visit_self_organization(ParameterVisitor& visitor, SelfOrganizationConfig& config) {
  visitor.real({.key = "demand_drift_per_day",
                .unit = "share/day",
                .meaning = "Daily step of the random walk of category demand shares",
                .source = "assumption: tastes shift noticeably over months",
                .min = 0,
                .max = 1},
               config.demand_drift_per_day);
  visitor.real({.key = "read_interval_days",
                .unit = "days",
                .meaning = "How often sellers read the information-sharing pool",
                .source = "assumption: monthly, like the strategy review",
                .min = 1,
                .max = 3650},
               config.read_interval_days);
  visitor.real({.key = "retarget_probability",
                .unit = "probability",
                .meaning = "Chance a struggling seller moves to an under-served category on a read",
                .source = "assumption: switching category is costly, so not every reader moves",
                .min = 0,
                .max = 1},
               config.retarget_probability);
  visitor.real({.key = "provider_entry_rate",
                .unit = "per day",
                .meaning = "Service providers entering per day per unit of unmet service demand",
                .source = "assumption: FACTS.md C: open data set off a boom of service "
                          "providers, no rate",
                .min = 0,
                .max = 1},
               config.provider_entry_rate);
  visitor.real({.key = "sellers_per_provider",
                .unit = "sellers",
                .meaning = "Seller agents one service provider can serve",
                .source = "FACTS.md C: 490,000 providers for 6-8 million vendors (2012), about "
                          "14 each; assumption: rounded up to 20",
                .min = 1,
                .max = 1e6},
               config.sellers_per_provider);
  visitor.real({.key = "service_cost_saving",
                .unit = "share",
                .meaning = "Unit-cost saving of a seller that outsources to a provider",
                .source = "assumption: FACTS.md C: merchants outsource when it is cheaper than "
                          "doing it in house, no size",
                .min = 0,
                .max = 1},
               config.service_cost_saving);
  visitor.real({.key = "service_fee_usd_per_day",
                .unit = "USD/day",
                .meaning = "Fee a seller pays its service provider a day",
                .source = "assumption: small against a seller's daily margin",
                .min = 0,
                .max = 1e6},
               config.service_fee_usd_per_day);
}

void visit_collaboration(ParameterVisitor& visitor, CollaborationConfig& config) {
  visitor.real({.key = "forecast_error_alone",
                .unit = "share of demand",
                .meaning = "Standard deviation of a seller's stock error without shared forecasts",
                .source = "assumption: small sellers forecast poorly (bullwhip)",
                .min = 0,
                .max = 10},
               config.forecast_error_alone);
  visitor.real({.key = "forecast_error_shared",
                .unit = "share of demand",
                .meaning = "Standard deviation of the stock error with collaborative forecasting",
                .source = "assumption: shared platform data cuts the error by two thirds",
                .min = 0,
                .max = 10},
               config.forecast_error_shared);
  visitor.real({.key = "warehouse_min_monthly_orders",
                .unit = "orders/month",
                .meaning = "Volume in a market at which a seller can stock an overseas warehouse",
                .source = "assumption: warehousing pays only with steady volume",
                .min = 0,
                .max = 1e9},
               config.warehouse_min_monthly_orders);
  visitor.real({.key = "warehouse_adoption_per_day",
                .unit = "per day",
                .meaning = "Hazard of an eligible seller starting to use an overseas warehouse",
                .source = "assumption: FACTS.md A: AliExpress invested in overseas warehouses "
                          "from 2013, no adoption rate",
                .min = 0,
                .max = 1},
               config.warehouse_adoption_per_day);
  visitor.real({.key = "warehouse_cost_usd_per_day",
                .unit = "USD/day",
                .meaning = "Cost of keeping stock in one overseas warehouse a day",
                .source = "assumption: about the store's own daily overhead",
                .min = 0,
                .max = 1e6},
               config.warehouse_cost_usd_per_day);
}

void visit_profit_distribution(ParameterVisitor& visitor, ProfitDistributionConfig& config) {
  visitor.real({.key = "new_seller_subsidy_usd",
                .unit = "USD",
                .meaning = "One-off subsidy paid to a seller on joining, while subsidies last",
                .source = "assumption: FACTS.md A: sellers recruited with subsidies in "
                          "2013-2016, amount not given",
                .min = 0,
                .max = 1e7},
               config.new_seller_subsidy_usd);
  visitor.real({.key = "subsidy_until_sellers",
                .unit = "sellers",
                .meaning = "Subsidies stop once the platform has this many active seller agents",
                .source = "assumption: recruitment subsidies end as the seller side fills",
                .min = 0,
                .max = 1e9},
               config.subsidy_until_sellers);
  visitor.real({.key = "commission_free_days",
                .unit = "days",
                .meaning = "New sellers pay no commission for this long",
                .source = "assumption: FACTS.md A: free entry in the exploration stage; "
                          "FACTS.md C: Taobao's free listing",
                .min = 0,
                .max = 36500},
               config.commission_free_days);
  visitor.real({.key = "creator_revenue_share",
                .unit = "share",
                .meaning = "Share of a content platform's ad revenue paid to creators",
                .source = "assumption: near the 55% ad-revenue share of large video platforms' "
                          "partner programmes; not in FACTS.md",
                .min = 0,
                .max = 1},
               config.creator_revenue_share);
  visitor.real({.key = "affiliate_commission",
                .unit = "share",
                .meaning = "Share of the platform's commission on sales in a creator's market "
                           "paid to creators (affiliates)",
                .source = "assumption: FACTS.md B: creator programmes and live commerce, no "
                          "revenue split given",
                .min = 0,
                .max = 1},
               config.affiliate_commission);
}

void visit_competition(ParameterVisitor& visitor, CompetitionConfig& config) {
  visitor.flag({.key = "multi_homing",
                .unit = "",
                .meaning = "Buyers and sellers may be active on several platforms at once",
                .source = "MODEL.md 4: buyers and sellers can multi-home"},
               config.multi_homing);
  visitor.real({.key = "price_step",
                .unit = "share of the markup",
                .meaning = "Relative markup change a seller makes in a week when it sells below "
                           "its category's mean (cut) or well above it while running out (raise)",
                .source = "assumption: small, gradual price moves",
                .min = 0,
                .max = 1},
               config.price_step);
  visitor.real({.key = "subsidy_response",
                .unit = "ratio",
                .meaning = "How strongly a platform raises subsidies per unit of market share lost",
                .source = "assumption: FACTS.md A/C: subsidies and free entry as competitive "
                          "weapons, no response size",
                .min = 0,
                .max = 100},
               config.subsidy_response);
}

void visit_innovation(ParameterVisitor& visitor, InnovationConfig& config) {
  visitor.real({.key = "channel_diffusion_per_day",
                .unit = "per day",
                .meaning = "Hazard of a seller adopting a channel that has arrived",
                .source = "assumption: half of sellers adopt a new channel in about 70 days",
                .min = 0,
                .max = 1},
               config.channel_diffusion_per_day);
  visitor.real({.key = "channel_session_boost",
                .unit = "share",
                .meaning = "Extra shopping sessions per monetization channel, at full uptake by the platform's sellers",
                .source = "assumption: FACTS.md A/B: live commerce and festivals added demand, "
                          "no size",
                .min = 0,
                .max = 10},
               config.channel_session_boost);
  visitor.real({.key = "rd_cost_usd_per_day",
                .unit = "USD/day",
                .meaning = "Platform R&D spend a day while innovation is on",
                .source = "assumption: a quarter of the default ad budget",
                .min = 0,
                .max = 1e12},
               config.rd_cost_usd_per_day);
  visitor.flag({.key = "learning",
                .unit = "",
                .meaning = "The algorithm learns from data (MODEL.md 6 curve); false: its quality "
                           "stays at the initial value",
                .source = "MODEL.md 6: algorithm quality learns from data; FACTS.md A: "
                          "personalised recommendation from 2017"},
               config.learning);
}

void visit_cooperation(ParameterVisitor& visitor, CooperationConfig& config) {
  visitor.real({.key = "partner_localization_boost",
                .unit = "share",
                .meaning = "Localization a platform gains in a market from a local partner",
                .source = "assumption: FACTS.md B: local partners (music labels) cut the "
                          "liability of foreignness, no size",
                .min = 0,
                .max = 1},
               config.partner_localization_boost);
  visitor.real({.key = "partner_cost_usd_per_day",
                .unit = "USD/day",
                .meaning = "Cost of keeping one local partner a day",
                .source = "assumption: small against the ad budget",
                .min = 0,
                .max = 1e12},
               config.partner_cost_usd_per_day);
  visitor.real({.key = "alliance_sellers",
                .unit = "sellers",
                .meaning = "Seller agents an external shop system brings when an alliance starts",
                .source = "assumption: FACTS.md B: an external shop system's merchants joined in "
                          "15 countries from 2020, no count",
                .min = 0,
                .max = 1e9},
               config.alliance_sellers);
}

void visit_reputation(ParameterVisitor& visitor, ReputationConfig& config) {
  visitor.real({.key = "prior_good",
                .unit = "ratings",
                .meaning = "Beta prior: pseudo-count of good ratings every seller starts with",
                .source = "MODEL.md 6 Beta smoothing; assumption: prior mean 0.8 ranks a new "
                          "seller below established ones, as ~99% of eBay feedback is positive "
                          "(Resnick & Zeckhauser 2002)",
                .min = 0.01,
                .max = 1e6},
               config.prior_good);
  visitor.real({.key = "prior_bad",
                .unit = "ratings",
                .meaning = "Beta prior: pseudo-count of poor ratings every seller starts with",
                .source = "MODEL.md 6 Beta smoothing; assumption: see prior_good",
                .min = 0.01,
                .max = 1e6},
               config.prior_bad);
  visitor.real({.key = "window_half_life_days",
                .unit = "days",
                .meaning = "Half-life of a rating's weight in the displayed score",
                .source = "FACTS.md C: store ratings averaged over a rolling 6 months",
                .min = 1,
                .max = 36500},
               config.window_half_life_days);
  visitor.real({.key = "fake_review_share",
                .unit = "share",
                .meaning = "Share of dishonest sellers who buy fake reviews",
                .source = "assumption: FACTS.md C: integrity manipulation was a common seller "
                          "strategy, no share",
                .min = 0,
                .max = 1},
               config.fake_review_share);
  visitor.real({.key = "fake_reviews_per_day",
                .unit = "reviews/day",
                .meaning = "Fake good ratings a manipulating seller posts a day",
                .source = "assumption: no figure in the sources",
                .min = 0,
                .max = 1e6},
               config.fake_reviews_per_day);
  visitor.real({.key = "escrow_blocks_fake_reviews",
                .unit = "share",
                .meaning = "Share of fake reviews blocked when ratings require escrow-confirmed "
                           "receipt",
                .source = "assumption: FACTS.md C: tying ratings to confirmed receipt blocks "
                          "many fake reviews, no share",
                .min = 0,
                .max = 1},
               config.escrow_blocks_fake_reviews);
  visitor.real({.key = "tournament_size",
                .unit = "listings",
                .meaning = "Ranking strength of the displayed score: listings compared per "
                           "result slot, the best-rated winning it (1: ratings ignored)",
                .source = "assumption: moderate rating pressure, leaving room for a long tail",
                .min = 1,
                .max = 1000},
               config.tournament_size);
}

void visit_escrow(ParameterVisitor& visitor, EscrowConfig& config) {
  visitor.real({.key = "confirm_days",
                .unit = "days",
                .meaning = "Days after delivery a satisfied buyer confirms receipt, releasing "
                           "the funds",
                .source = "assumption: buyers confirm within a week",
                .min = 0,
                .max = 365},
               config.confirm_days);
  visitor.real({.key = "auto_release_days",
                .unit = "days",
                .meaning = "Days after delivery funds are released if the buyer does nothing",
                .source = "FACTS.md C: Alipay escrow releases on confirmed receipt; 15-day "
                          "rating window",
                .min = 0,
                .max = 365},
               config.auto_release_days);
  visitor.real({.key = "confirming_share",
                .unit = "share",
                .meaning = "Share of buyers who confirm receipt (after confirm_days); the funds "
                           "of the others are released after auto_release_days",
                .source = "assumption: most buyers confirm when prompted; no figure in the sources",
                .min = 0,
                .max = 1},
               config.confirming_share);
  visitor.real({.key = "trust_boost",
                .unit = "share",
                .meaning = "Added to buyers' trust in a platform that holds payments in escrow",
                .source = "assumption: FACTS.md C: escrow is what let strangers trade, no size",
                .min = 0,
                .max = 1},
               config.trust_boost);
  visitor.real({.key = "refund_without_escrow_honest",
                .unit = "probability",
                .meaning = "Without escrow: chance an honest seller refunds a justified dispute",
                .source = "assumption: honest sellers mostly pay back",
                .min = 0,
                .max = 1},
               config.refund_without_escrow_honest);
  visitor.real({.key = "refund_without_escrow_dishonest",
                .unit = "probability",
                .meaning = "Without escrow: chance a dishonest seller refunds a justified dispute",
                .source = "assumption: dishonest sellers mostly keep the money",
                .min = 0,
                .max = 1},
               config.refund_without_escrow_dishonest);
}

void visit_credit_score(ParameterVisitor& visitor, MicrofinanceConfig& config) {
  constexpr std::string_view kScorecardSource =
      "MODEL.md 6 logistic scorecard; FACTS.md C: scored from orders, ratings, disputes and "
      "years active; weight is an assumption";
  visitor.real({.key = "score_intercept",
                .unit = "log-odds",
                .meaning = "Intercept of the logistic credit scorecard",
                .source = kScorecardSource,
                .min = -100,
                .max = 100},
               config.score_intercept);
  visitor.real({.key = "score_sales_weight",
                .unit = "log-odds",
                .meaning = "Scorecard weight per unit of log(1 + orders in the last 30 days)",
                .source = kScorecardSource,
                .min = -100,
                .max = 100},
               config.score_sales_weight);
  visitor.real({.key = "score_rating_weight",
                .unit = "log-odds",
                .meaning = "Scorecard weight per unit of displayed rating above 0.5",
                .source = kScorecardSource,
                .min = -100,
                .max = 100},
               config.score_rating_weight);
  visitor.real({.key = "score_dispute_weight",
                .unit = "log-odds",
                .meaning = "Scorecard weight per unit of 30-day dispute rate",
                .source = kScorecardSource,
                .min = -1000,
                .max = 1000},
               config.score_dispute_weight);
  visitor.real({.key = "score_tenure_weight",
                .unit = "log-odds/year",
                .meaning = "Scorecard weight per year active on the platform",
                .source = kScorecardSource,
                .min = -100,
                .max = 100},
               config.score_tenure_weight);
  visitor.real({.key = "approval_cutoff",
                .unit = "probability",
                .meaning = "Lowest scorecard probability at which a loan is granted",
                .source = "assumption: FACTS.md C: credit pre-granted only to reliable sellers",
                .min = 0,
                .max = 1},
               config.approval_cutoff);
}

void visit_loan_terms(ParameterVisitor& visitor, MicrofinanceConfig& config) {
  visitor.real({.key = "max_loan_usd",
                .unit = "USD",
                .meaning = "Largest loan to one seller agent",
                .source = "FACTS.md C: average loan 13,000 RMB in 2013, about US$2,100; "
                          "assumption: used as the cap",
                .min = 0,
                .max = 1e9},
               config.max_loan_usd);
  visitor.real({.key = "min_loan_usd",
                .unit = "USD",
                .meaning = "Smallest loan worth granting",
                .source = "assumption: below this the loan is not worth its handling",
                .min = 0,
                .max = 1e9},
               config.min_loan_usd);
  visitor.real({.key = "loan_to_monthly_sales",
                .unit = "ratio",
                .meaning = "Loan size relative to the seller's last 30 days of sales",
                .source = "assumption: FACTS.md C: loans sized to the seller's business, order "
                          "loans against confirmed orders",
                .min = 0,
                .max = 100},
               config.loan_to_monthly_sales);
  visitor.real({.key = "interest_per_day",
                .unit = "per day",
                .meaning = "Simple interest charged per day on the outstanding loan",
                .source = "assumption: 0.05% a day, about 18% a year simple; FACTS.md C gives "
                          "no interest rate",
                .min = 0,
                .max = 0.1},
               config.interest_per_day);
  visitor.real({.key = "term_days",
                .unit = "days",
                .meaning = "Loan term; repayment is deducted from escrow releases until then",
                .source = "assumption between FACTS.md C's order loans (about 4 days) and "
                          "longer credit lines",
                .min = 1,
                .max = 3650},
               config.term_days);
  visitor.real({.key = "grace_days",
                .unit = "days",
                .meaning = "Days past the term before an unpaid loan counts as defaulted",
                .source = "assumption: FACTS.md C: a credit restoration path for sellers hit by "
                          "shocks",
                .min = 0,
                .max = 3650},
               config.grace_days);
}

void visit_training(ParameterVisitor& visitor, TrainingConfig& config) {
  visitor.real({.key = "enrolment_per_day",
                .unit = "per day",
                .meaning = "Hazard of an active seller taking the next course",
                .source = "assumption: about one course a year per seller",
                .min = 0,
                .max = 1},
               config.enrolment_per_day);
  visitor.real({.key = "cost_saving_per_level",
                .unit = "share",
                .meaning = "Unit-cost saving per training level reached",
                .source = "assumption: MODEL.md 4: training raises competence, no size",
                .min = 0,
                .max = 1},
               config.cost_saving_per_level);
  visitor.real({.key = "dispute_reduction_per_level",
                .unit = "share",
                .meaning = "Reduction of a seller's dispute rate per training level reached",
                .source = "assumption: MODEL.md 4: training raises survival, no size",
                .min = 0,
                .max = 1},
               config.dispute_reduction_per_level);
  visitor.real({.key = "max_level",
                .unit = "levels",
                .meaning = "Highest training level a seller can reach",
                .source = "assumption: a short curriculum",
                .min = 0,
                .max = 100},
               config.max_level);
  visitor.real({.key = "cost_usd_per_course",
                .unit = "USD",
                .meaning = "Cost of one course, borne by the platform",
                .source = "assumption: cheap online courses",
                .min = 0,
                .max = 1e6},
               config.cost_usd_per_course);
}

void visit_network_effects(ParameterVisitor& visitor, NetworkEffectsConfig& config) {
  visitor.real({.key = "cross_side_strength",
                .unit = "per day",
                .meaning = "Adoption hazard added per log unit of (1 + member sellers per 1,000 "
                           "buyers of the run), scaled up with the share of the market potential "
                           "taken until 10%",
                .source = "MODEL.md 6 concave cross-side term; assumption, uncalibrated",
                .min = 0,
                .max = 1},
               config.cross_side_strength);
  visitor.real({.key = "same_side_strength",
                .unit = "per day",
                .meaning = "Adoption hazard added per unit of the squared share of the market "
                           "potential taken (tipping)",
                .source = "assumption, uncalibrated against FACTS.md B: self-sustaining growth "
                          "past about 20-30% daily-active penetration",
                .min = 0,
                .max = 1},
               config.same_side_strength);
  visitor.real({.key = "retention_strength",
                .unit = "share",
                .meaning = "Churn reduction of active buyers when the whole market potential is "
                           "active",
                .source = "assumption: a platform everyone uses is hard to leave",
                .min = 0,
                .max = 1},
               config.retention_strength);
  visitor.real({.key = "seller_entry_elasticity",
                .unit = "ratio",
                .meaning = "How strongly the platform's share of buyers raises its attraction "
                           "for entering sellers",
                .source = "assumption, uncalibrated: cross-side pull of buyers on sellers "
                          "(MODEL.md 3)",
                .min = 0,
                .max = 10},
               config.seller_entry_elasticity);
}

void visit_internationalization(ParameterVisitor& visitor, InternationalizationConfig& config) {
  visitor.text({.key = "strategy",
                .unit = "",
                .meaning = "gradual: culturally near markets first, one at a time; tiered: by "
                           "spend tier; all_at_once: every market at launch",
                .source = "FACTS.md B: TikTok started in culturally near Japan and Korea",
                .choices = {"gradual", "tiered", "all_at_once"}},
               config.strategy);
  visitor.real({.key = "entry_interval_days",
                .unit = "days",
                .meaning = "gradual: days between market entries",
                .source = "assumption: a quarter per market, about TikTok's pace in stage 1 "
                          "(FACTS.md B)",
                .min = 1,
                .max = 3650},
               config.entry_interval_days);
  visitor.real({.key = "max_cultural_distance_stage1",
                .unit = "distance (0..1)",
                .meaning = "Stage 1: only markets within this cultural distance of home are "
                           "entered",
                .source = "assumption: FACTS.md B: stage 1 in culturally near markets; the "
                          "cut-off is not given",
                .min = 0,
                .max = 1},
               config.max_cultural_distance_stage1);
  visitor.text_list({.key = "tier_s",
                     .unit = "ISO 3166-1 alpha-2 codes",
                     .meaning = "tiered: S-tier markets (highest spend)",
                     .source = "FACTS.md B: TikTok's S tier was US, JP, GB, IN; empty by default "
                               "(assumption: set by a tiered scenario)"},
                    config.tier_s);
  visitor.text_list({.key = "tier_a",
                     .unit = "ISO 3166-1 alpha-2 codes",
                     .meaning = "tiered: A-tier markets",
                     .source = "FACTS.md B: TikTok's A tier was DE, BR; empty by default "
                               "(assumption: set by a tiered scenario)"},
                    config.tier_a);
  visitor.text_list({.key = "tier_b",
                     .unit = "ISO 3166-1 alpha-2 codes",
                     .meaning = "tiered: B-tier markets; every other market is C tier",
                     .source = "FACTS.md B: TikTok's B tier had 15-20 countries (e.g. KR, ID, "
                               "CA); empty by default (assumption: set by a tiered scenario)"},
                    config.tier_b);
  visitor.real({.key = "tier_s_spend",
                .unit = "ratio",
                .meaning = "Ad spend multiplier in S-tier markets",
                .source = "assumption: FACTS.md B ranks tiers by spend without ratios",
                .min = 0,
                .max = 100},
               config.tier_s_spend);
  visitor.real({.key = "tier_a_spend",
                .unit = "ratio",
                .meaning = "Ad spend multiplier in A-tier markets",
                .source = "assumption: FACTS.md B ranks tiers by spend without ratios",
                .min = 0,
                .max = 100},
               config.tier_a_spend);
  visitor.real({.key = "tier_b_spend",
                .unit = "ratio",
                .meaning = "Ad spend multiplier in B-tier markets",
                .source = "assumption: FACTS.md B ranks tiers by spend without ratios",
                .min = 0,
                .max = 100},
               config.tier_b_spend);
  visitor.real({.key = "tier_c_spend",
                .unit = "ratio",
                .meaning = "Ad spend multiplier in C-tier markets (all not listed in S, A, B)",
                .source = "assumption: FACTS.md B ranks tiers by spend without ratios",
                .min = 0,
                .max = 100},
               config.tier_c_spend);
  visitor.real({.key = "radiation_leap_markets",
                .unit = "markets",
                .meaning = "Markets present at which stage 2 (value co-creation) begins",
                .source = "assumption: FACTS.md B: the radiation leap is the move to many more "
                          "markets, no count",
                .min = 1,
                .max = 1000},
               config.radiation_leap_markets);
  visitor.real({.key = "depth_leap_penetration",
                .unit = "share",
                .meaning = "Mean penetration of present markets at which stage 3 (ecosystem "
                           "innovation) begins",
                .source = "FACTS.md B: markets tip at about 20-30% daily-active penetration",
                .min = 0,
                .max = 1},
               config.depth_leap_penetration);
}

}  // namespace

void visit_parameters(ParameterVisitor& visitor, MechanismsConfig& config) {
  visitor.group("mechanisms", "The driving mechanisms of MODEL.md section 4, each switchable", [&] {
    visit_mechanism(
        visitor, "rules",
        "Rules: admission, penalties (credit-penalty points, fines, delisting), counterfeit "
        "detection at listing and after sale, identity checks, user juries, and tightening when "
        "disputes rise; off, no detection, points or delisting, so counterfeiters go unchecked",
        config.rules.enabled, [&] { visit_rules(visitor, config.rules); });
    visit_mechanism(
        visitor, "contracts",
        "Contracts: long-term seller-carrier ties that cut shipping cost and losses and hold "
        "under logistics shocks; off, every parcel ships at spot terms and shocks hit in full",
        config.contracts.enabled, [&] { visit_contracts(visitor, config.contracts); });
    visit_mechanism(
        visitor, "self_organization",
        "Self-organization: an information-sharing pool from which sellers read shifting "
        "category demand and retarget, and service providers enter where demand is unmet; off, "
        "sellers do not adapt to demand and no service species appears",
        config.self_organization.enabled,
        [&] { visit_self_organization(visitor, config.self_organization); });
    visit_mechanism(
        visitor, "collaboration",
        "Collaboration: collaborative demand forecasting (smaller stock errors, less bullwhip) "
        "and overseas warehouses that turn cross-border deliveries domestic; off, sellers "
        "forecast alone and ship every order across the border",
        config.collaboration.enabled, [&] { visit_collaboration(visitor, config.collaboration); });
    visit_mechanism(
        visitor, "profit_distribution",
        "Profit distribution: new-seller subsidies, commission-free starts, creators' share of "
        "ad revenue and affiliate cuts of live-commerce sales; off, the surplus splits only by "
        "prices and the platform's commission",
        config.profit_distribution.enabled,
        [&] { visit_profit_distribution(visitor, config.profit_distribution); });
    visit_mechanism(
        visitor, "competition",
        "Competition: sellers adjust prices to their sales, buyers and sellers multi-home, "
        "platforms answer share losses with subsidies; off, prices change only by imitation, "
        "members single-home and platforms do not react to rivals",
        config.competition.enabled, [&] { visit_competition(visitor, config.competition); });
    visit_mechanism(
        visitor, "innovation",
        "Innovation: new channels (festivals, live commerce, mobile payment, pre-sale) arrive "
        "and diffuse among sellers, R&D is funded and the algorithm learns from data; off, no "
        "channel adds demand and algorithm quality stays where it started",
        config.innovation.enabled, [&] { visit_innovation(visitor, config.innovation); });
    visit_mechanism(
        visitor, "cooperation",
        "Cooperation: alliances with outside ecosystems (local partners raising localization, "
        "external shop systems bringing merchants); off, alliances bring neither",
        config.cooperation.enabled, [&] { visit_cooperation(visitor, config.cooperation); });
    visit_mechanism(
        visitor, "reputation",
        "Reputation: ratings after each order shown as a Beta-smoothed share over a decaying "
        "window, ranking by that score, and fake reviews as a seller strategy; off, buyers see "
        "no ratings and ranking ignores them",
        config.reputation.enabled, [&] { visit_reputation(visitor, config.reputation); });
    visit_mechanism(
        visitor, "escrow",
        "Escrow: the platform holds payment until the buyer confirms receipt (or auto-release), "
        "so disputes are refunded from escrow and buyers trust more; off, buyers pay sellers "
        "directly and a refund depends on the seller",
        config.escrow.enabled, [&] { visit_escrow(visitor, config.escrow); });
    visit_mechanism(
        visitor, "microfinance",
        "Integrity-capital microfinance: a logistic credit score from platform history, small "
        "collateral-free loans sized to sales, repayment deducted from escrow releases, default "
        "after a grace period; off, sellers live on their own cash",
        config.microfinance.enabled, [&] {
          visit_credit_score(visitor, config.microfinance);
          visit_loan_terms(visitor, config.microfinance);
        });
    visit_mechanism(visitor, "training",
                    "Training (platform university): sellers take courses that cut their costs and "
                    "disputes; off, sellers keep the competence they entered with",
                    config.training.enabled, [&] { visit_training(visitor, config.training); });
    visit_mechanism(
        visitor, "network_effects",
        "Network effects: same-side (tipping past a critical penetration) and cross-side "
        "(sellers attract buyers and buyers sellers) effects on adoption, retention and seller "
        "entry; off, adoption is plain Bass diffusion by ads and word of mouth",
        config.network_effects.enabled,
        [&] { visit_network_effects(visitor, config.network_effects); });
    visit_mechanism(
        visitor, "internationalization",
        "Internationalization strategy (TikTok paper): gradual entry into culturally near "
        "markets, spend by country tier, or all at once, with radiation and depth leaps between "
        "stages; off, platforms stay in their home and initial markets",
        config.internationalization.enabled,
        [&] { visit_internationalization(visitor, config.internationalization); });
  });
}

}  // namespace mercator
