#include "agents/buyer_config.hpp"

namespace mercator {
namespace {

void visit_adoption(ParameterVisitor& visitor, BuyerConfig& config) {
  visitor.real(
      {.key = "ad_reach_per_day",
       .unit = "per day",
       .meaning = "Bass innovation hazard p of an unaware buyer at the reference ad budget "
                  "and full localization",
       .source = "Bass (1969); Sultan, Farley & Lehmann (1990) meta-analysis mean p ~ "
                 "0.03 a year = 0.00008 a day; assumption: 0.00015 a day (0.055 a year), "
                 "about 2x the mean, as it applies at full user-acquisition spend",
       .min = 0,
       .max = 1},
      config.ad_reach_per_day);
  visitor.real({.key = "word_of_mouth_per_day",
                .unit = "per day",
                .meaning = "Bass imitation hazard q per unit share of the buyer's ties already "
                           "active",
                .source = "Bass (1969); Sultan, Farley & Lehmann (1990) meta-analysis mean q ~ "
                          "0.38 a year = 0.001 a day; assumption: 0.0015 a day (0.55 a year), "
                          "online services spread faster than the durables of the meta-analysis",
                .min = 0,
                .max = 1},
               config.word_of_mouth_per_day);
  visitor.real({.key = "reference_ad_budget_usd_per_day",
                .unit = "USD per day",
                .meaning = "Platform ad budget (agent units) at which the adoption reach equals "
                           "ad_reach_per_day; reach scales linearly with budget / this",
                .source = "assumption: a normalising constant so that ad_reach_per_day is the "
                          "Bass p of a platform spending at the default budget",
                .min = 1e-6,
                .max = 1e12},
               config.reference_ad_budget_usd_per_day);
  visitor.real({.key = "market_potential_share",
                .unit = "share",
                .meaning = "Bass market potential m: share of each market's online consumers who "
                           "could ever adopt a platform; the others never do",
                .source = "Bass (1969) m; FACTS.md B: the largest platform reached over 1 billion "
                          "daily actives of about 5 billion internet users by 2022 (~20%); "
                          "assumption: the reachable pool is twice that",
                .min = 0,
                .max = 1},
               config.market_potential_share);
  visitor.integer({.key = "ties_per_buyer",
                   .unit = "ties",
                   .meaning = "Social ties per buyer on the word-of-mouth graph (0: fully mixed, "
                              "word of mouth from the market's active share: the Bass limit)",
                   .source = "assumption: between the support clique (~5) and sympathy group "
                             "(~15) of Zhou, Sornette, Hill & Dunbar (2005)",
                   .min = 0,
                   .max = 1000},
                  config.ties_per_buyer);
  visitor.real({.key = "reactivation_factor",
                .unit = "ratio",
                .meaning = "Adoption hazard of a churned buyer relative to an unaware one",
                .source = "assumption: churned buyers return less readily than new ones adopt",
                .min = 0,
                .max = 10},
               config.reactivation_factor);
  visitor.real({.key = "churn_per_day",
                .unit = "per day",
                .meaning = "Baseline hazard of an active buyer leaving the platform",
                .source = "assumption: about 25% of active buyers leave a year (1 - exp(-0.0008 "
                          "x 365)); no churn figure in the sources",
                .min = 0,
                .max = 1},
               config.churn_per_day);
  visitor.real({.key = "bad_experience_churn",
                .unit = "probability",
                .meaning = "Chance that an unhappy order (lost, late, fake, not as described) "
                           "makes the buyer leave",
                .source = "assumption: one bad order in about seven drives a buyer away",
                .min = 0,
                .max = 1},
               config.bad_experience_churn);
}

void visit_shopping(ParameterVisitor& visitor, BuyerConfig& config) {
  visitor.real({.key = "sessions_per_day",
                .unit = "per day",
                .meaning = "Shopping sessions an active buyer opens a day, before festival "
                           "multipliers",
                .source = "assumption: about 7 cross-border shopping visits a year",
                .min = 0,
                .max = 10},
               config.sessions_per_day);
  visitor.integer({.key = "consideration_set_size",
                   .unit = "listings",
                   .meaning = "Listings the platform's ranking shows a buyer in one session",
                   .source = "assumption: a short result list; Hauser & Wernerfelt (1990) find "
                             "consideration sets of a few brands",
                   .min = 1,
                   .max = 1000},
                  config.consideration_set_size);
}

void visit_choice(ParameterVisitor& visitor, BuyerConfig& config) {
  visitor.real({.key = "price_weight",
                .unit = "utility/USD",
                .meaning = "Logit alpha: utility lost per US$ of landed price, for a buyer at top "
                           "income",
                .source = "McFadden (1974) logit; assumption: alpha x landed price ~ 2-3 at the "
                          "default US$12-15 landed price, an own-price elasticity of about -2 to "
                          "-3",
                .min = 0,
                .max = 100},
               config.price_weight);
  visitor.real({.key = "rating_weight",
                .unit = "utility",
                .meaning = "Logit beta: utility per unit of displayed rating (0..1)",
                .source = "McFadden (1974) logit; assumption: a 0.1 better rating is worth about "
                          "US$1.7 at the default price weight",
                .min = 0,
                .max = 100},
               config.rating_weight);
  visitor.real({.key = "speed_weight",
                .unit = "utility/day",
                .meaning = "Logit gamma: utility per day of expected delivery time saved",
                .source = "McFadden (1974) logit; assumption: a day saved is worth about US$0.33 "
                          "at the default price weight",
                .min = 0,
                .max = 100},
               config.speed_weight);
  visitor.real({.key = "culture_weight",
                .unit = "utility",
                .meaning = "Logit delta: utility lost per unit cultural distance not removed by "
                           "localization (liability of foreignness)",
                .source = "assumption: the most distant unlocalized offer loses about US$8 of "
                          "value at the default price weight",
                .min = 0,
                .max = 100},
               config.culture_weight);
  visitor.real({.key = "mismatch_penalty",
                .unit = "utility",
                .meaning = "Utility lost by a listing outside the category the buyer came for",
                .source = "assumption: a mismatched item is rarely bought (worth about US$14 less)",
                .min = 0,
                .max = 100},
               config.mismatch_penalty);
  visitor.real({.key = "outside_option",
                .unit = "utility",
                .meaning = "Logit V0: utility of buying elsewhere or not at all",
                .source = "assumption, uncalibrated: sets how many sessions end without a "
                          "purchase; the sources give no conversion rate",
                .min = -100,
                .max = 100},
               config.outside_option);
  visitor.real({.key = "distrust_weight",
                .unit = "utility",
                .meaning = "Added to V0 per unit of trust the buyer lacks in the platform",
                .source = "assumption: distrust, not price, keeps strangers from trading "
                          "(FACTS.md C: escrow made trade between strangers possible)",
                .min = 0,
                .max = 100},
               config.distrust_weight);
  visitor.real({.key = "price_sensitivity_spread",
                .unit = "log-units",
                .meaning = "Lognormal sigma of price weights across buyers",
                .source = "assumption: moderate heterogeneity, the 90th percentile buyer about "
                          "1.5x as price-sensitive as the median",
                .min = 0,
                .max = 3},
               config.price_sensitivity_spread);
  visitor.real({.key = "dispute_propensity",
                .unit = "probability",
                .meaning = "Chance that an unhappy buyer opens a dispute",
                .source = "assumption: most unhappy buyers complain when a refund is at stake",
                .min = 0,
                .max = 1},
               config.dispute_propensity);
}

}  // namespace

void visit_parameters(ParameterVisitor& visitor, BuyerConfig& config) {
  visitor.group("buyers",
                "Consumers: adoption by ads and word of mouth (Bass on a social graph), "
                "shopping sessions and multinomial-logit choice",
                [&] {
                  visit_adoption(visitor, config);
                  visit_shopping(visitor, config);
                  visit_choice(visitor, config);
                });
}

}  // namespace mercator
