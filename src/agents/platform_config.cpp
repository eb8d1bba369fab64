#include "agents/platform_config.hpp"

namespace mercator {
namespace {

void visit_identity(ParameterVisitor& visitor, PlatformConfig& config) {
  visitor.text({.key = "name",
                .unit = "",
                .meaning = "Unique name of the platform; events refer to it",
                .source = "assumption: a label"},
               config.name);
  visitor.text({.key = "home_market",
                .unit = "ISO 3166-1 alpha-2 code",
                .meaning = "Market the platform starts in (one of world.markets)",
                .source = "FACTS.md A-C: AliExpress, TikTok and Taobao all started in China"},
               config.home_market);
  visitor.date({.key = "launch_date",
                .unit = "",
                .meaning = "Day the platform opens (YYYY-MM-DD); empty: the run's start",
                .source = "assumption: present from the start of the run"},
               config.launch_date);
  visitor.text_list({.key = "initial_markets",
                     .unit = "ISO 3166-1 alpha-2 codes",
                     .meaning = "Markets entered at launch besides home; the rest follow the "
                                "internationalization strategy",
                     .source = "assumption: start at home only and expand by strategy"},
                    config.initial_markets);
  visitor.text({.key = "kind",
                .unit = "",
                .meaning = "marketplace: sellers list goods; content: creators draw attention "
                           "that ads and live commerce monetize",
                .source = "FACTS.md A and C: marketplaces (AliExpress, Taobao); FACTS.md B: "
                          "content (TikTok)",
                .choices = {"marketplace", "content"}},
               config.kind);
}

void visit_rules_of_entry(ParameterVisitor& visitor, PlatformConfig& config) {
  visitor.real({.key = "commission_rate",
                .unit = "share",
                .meaning = "Commission the platform takes from each sale",
                .source = "assumption: low end of the 5-8% per-category commissions that "
                          "cross-border marketplaces publish; not in FACTS.md",
                .min = 0,
                .max = 1},
               config.commission_rate);
  visitor.real({.key = "annual_fee_usd",
                .unit = "USD/year",
                .meaning = "Annual technical fee per seller store",
                .source = "FACTS.md C: Taobao began with free listing (2003); FACTS.md A: "
                          "AliExpress charged 5,000 then 10,000 RMB a year from 2015",
                .min = 0,
                .max = 1e7},
               config.annual_fee_usd);
  visitor.real({.key = "deposit_usd",
                .unit = "USD",
                .meaning = "Security deposit a seller lodges on joining, returned on leaving "
                           "(fines are paid from cash as they fall due)",
                .source = "FACTS.md A: deposits for some categories only from 2015; none during "
                          "free entry",
                .min = 0,
                .max = 1e7},
               config.deposit_usd);
  visitor.text({.key = "admission",
                .unit = "",
                .meaning = "Who may sell: open (individuals too) or business_only (registered "
                           "businesses)",
                .source = "FACTS.md A: open entry until 2013, then registered businesses only",
                .choices = {"open", "business_only"}},
               config.admission);
  visitor.flag({.key = "brand_required",
                .unit = "",
                .meaning = "Sellers must hold a registered brand to list",
                .source = "FACTS.md A: brand requirements tightened from 2015; off before"},
               config.brand_required);
  visitor.flag({.key = "seller_tiers",
                .unit = "",
                .meaning = "Ranking gives extra traffic to gold and silver tier sellers",
                .source = "FACTS.md A: traffic increasingly favoured gold and silver tiers from "
                          "2015; off before"},
               config.seller_tiers);
}

void visit_operations(ParameterVisitor& visitor, PlatformConfig& config) {
  visitor.real({.key = "ad_budget_usd_per_day",
                .unit = "USD/day",
                .meaning = "User-acquisition (ad) spend a day; reach scales with it, 40 giving "
                           "buyers.ad_reach_per_day",
                .source = "assumption, uncalibrated: FACTS.md B reports TikTok spending up to "
                          "about US$3 million a day (2018-2019) but no reach per dollar",
                .min = 0,
                .max = 1e12},
               config.ad_budget_usd_per_day);
  visitor.real({.key = "ops_cost_usd_per_market_day",
                .unit = "USD/day",
                .meaning = "Operating cost of being present in one market for a day",
                .source = "assumption: small against the ad budget",
                .min = 0,
                .max = 1e12},
               config.ops_cost_usd_per_market_day);
  visitor.real({.key = "algorithm_quality_initial",
                .unit = "share",
                .meaning = "Match quality of the ranking algorithm at launch (0: random, 1: "
                           "perfect)",
                .source = "MODEL.md 6 learning curve; assumption: halfway between random and "
                          "perfect",
                .min = 0,
                .max = 1},
               config.algorithm_quality_initial);
  visitor.real({.key = "algorithm_quality_max",
                .unit = "share",
                .meaning = "Match quality the algorithm approaches with unlimited data (q_max)",
                .source = "MODEL.md 6 learning curve; assumption: never perfect",
                .min = 0,
                .max = 1},
               config.algorithm_quality_max);
  visitor.real({.key = "data_scale_orders",
                .unit = "orders",
                .meaning = "Orders of accumulated data that close 63% of the gap to q_max",
                .source = "MODEL.md 6 learning curve; assumption, uncalibrated: the sources give "
                          "no learning rate",
                .min = 1,
                .max = 1e15},
               config.data_scale_orders);
  visitor.real({.key = "initial_trust",
                .unit = "share",
                .meaning = "Buyers' trust in the platform in a market it enters",
                .source = "assumption: strangers are wary of a new platform (FACTS.md C: "
                          "escrow was needed before strangers would trade)",
                .min = 0,
                .max = 1},
               config.initial_trust);
  visitor.real({.key = "localization_initial",
                .unit = "share",
                .meaning = "Localization in a newly entered market (1: cultural distance fully "
                           "removed)",
                .source = "assumption: a replicated home product, little adapted (TikTok "
                          "paper's selective replication)",
                .min = 0,
                .max = 1},
               config.localization_initial);
  visitor.real({.key = "localization_per_year",
                .unit = "share/year",
                .meaning = "Localization gained each year in a market, up to 1",
                .source = "assumption: full localization takes about a decade (FACTS.md B: "
                          "e.g. 15 Indian languages over years)",
                .min = 0,
                .max = 1},
               config.localization_per_year);
}

}  // namespace

void visit_parameters(ParameterVisitor& visitor, PlatformConfig& config) {
  visit_identity(visitor, config);
  visit_rules_of_entry(visitor, config);
  visit_operations(visitor, config);
}

}  // namespace mercator
