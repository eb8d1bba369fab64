#include "agents/population_config.hpp"

namespace mercator {

void visit_parameters(ParameterVisitor& visitor, PopulationConfig& config) {
  visitor.group(
      "population", "How many agents of each species a run has and what they stand for", [&] {
        visitor.integer(
            {.key = "buyer_agents",
             .unit = "agents",
             .meaning =
                 "Buyer agents, apportioned to markets by internet users (each gets at least "
                 "min_buyers_per_market)",
             .source = "assumption: about 8,000 a market over the 24 default markets, "
                       "enough for stable daily shares, small enough for a laptop",
             .min = 1,
             .max = 1e9},
            config.buyer_agents);
        visitor.integer(
            {.key = "seller_agents",
             .unit = "agents",
             .meaning = "Seller pool: active sellers plus potential entrants",
             .source = "assumption: one seller agent per ten buyer agents; at 50 stores "
                       "an agent it stands for 1 million stores (FACTS.md C: 6-8 million "
                       "Taobao vendors in 2012)",
             .min = 1,
             .max = 1e8},
            config.seller_agents);
        visitor.real({.key = "initial_active_seller_share",
                      .unit = "share",
                      .meaning = "Share of the seller pool already selling on day one",
                      .source = "assumption: a young platform with most potential sellers still "
                                "outside (FACTS.md C: 90% of vendors under three years old)",
                      .min = 0,
                      .max = 1},
                     config.initial_active_seller_share);
        visitor.integer(
            {.key = "min_buyers_per_market",
             .unit = "agents",
             .meaning = "Fewest buyer agents any market gets, however small its population",
             .source = "assumption: below about 500 agents a 10% daily share has a "
                       "sampling error above 1.3 points",
             .min = 1,
             .max = 1e7},
            config.min_buyers_per_market);
        visitor.text({.key = "seller_hub_market",
                      .unit = "ISO 3166-1 alpha-2 code",
                      .meaning = "The export hub most sellers are based in (one of world.markets)",
                      .source = "FACTS.md A: AliExpress is cross-border B2C from China"},
                     config.seller_hub_market);
        visitor.real(
            {.key = "seller_hub_share",
             .unit = "share",
             .meaning = "Share of seller agents based in the hub; the rest by market size",
             .source = "assumption: Chinese exporters dominate the seller side of the cases; "
                       "the sources give no share",
             .min = 0,
             .max = 1},
            config.seller_hub_share);
        visitor.real(
            {.key = "sellers_per_agent",
             .unit = "stores/agent",
             .meaning = "Real stores one seller agent stands for (reported figures scale by it)",
             .source = "assumption: sets the pool to about 1 million stores, the order of "
                       "the cases' vendor counts (FACTS.md C: about 7 million in 2013)",
             .min = 1,
             .max = 1e6},
            config.sellers_per_agent);
        visitor.integer({.key = "creator_agents",
                         .unit = "agents",
                         .meaning = "Content creators (content platforms and live commerce)",
                         .source = "assumption: a quarter of the seller pool; no creator counts in "
                                   "the sources",
                         .min = 0,
                         .max = 1e8},
                        config.creator_agents);
        visitor.integer(
            {.key = "service_provider_agents",
             .unit = "agents",
             .meaning = "Pool of potential third-party service providers (marketing, data, "
                        "training, operations)",
             .source = "assumption: one per ten seller agents (FACTS.md C: 490,000 "
                       "providers for 6-8 million vendors in 2012, about 1 per 14)",
             .min = 0,
             .max = 1e8},
            config.service_provider_agents);
        visitor.integer({.key = "advertiser_agents",
                         .unit = "agents",
                         .meaning = "Advertisers and brands buying attention on content platforms",
                         .source = "assumption: no advertiser counts in the sources",
                         .min = 0,
                         .max = 1e8},
                        config.advertiser_agents);
        visitor.real({.key = "jobs_per_store",
                      .unit = "jobs/store",
                      .meaning = "People employed per active store, for the jobs metric",
                      .source = "FACTS.md C: 1.2 self-employed people per store",
                      .min = 0,
                      .max = 1000},
                     config.jobs_per_store);
      });
}

}  // namespace mercator
