#include "agents/seller_config.hpp"

namespace mercator {
namespace {

void visit_goods(ParameterVisitor& visitor, SellerConfig& config) {
  visitor.integer({.key = "categories",
                   .unit = "categories",
                   .meaning = "Product categories sellers specialise in and buyers shop for",
                   .source = "assumption: enough for niches and a long tail, few enough for "
                             "every category to have sellers in every market",
                   .min = 1,
                   .max = 10000},
                  config.categories);
  visitor.real({.key = "unit_cost_median_usd",
                .unit = "USD",
                .meaning = "Median unit cost of genuine goods across sellers",
                .source = "assumption: cheap small-parcel consumer goods typical of cross-border "
                          "B2C from China",
                .min = 0.01,
                .max = 1e6},
               config.unit_cost_median_usd);
  visitor.real({.key = "unit_cost_spread",
                .unit = "log-units",
                .meaning = "Lognormal sigma of unit costs across sellers",
                .source = "assumption: the 90th percentile seller's goods cost about twice the "
                          "median's",
                .min = 0,
                .max = 3},
               config.unit_cost_spread);
  visitor.real({.key = "markup_min",
                .unit = "share of unit cost",
                .meaning = "Lowest initial price markup over unit cost",
                .source = "assumption: thin margins of commodity exporters",
                .min = 0,
                .max = 10},
               config.markup_min);
  visitor.real({.key = "markup_max",
                .unit = "share of unit cost",
                .meaning = "Highest initial price markup over unit cost",
                .source = "assumption: branded or niche goods",
                .min = 0,
                .max = 10},
               config.markup_max);
  visitor.real({.key = "genuine_share",
                .unit = "share",
                .meaning = "Share of sellers starting honest with genuine goods (the rest: poor "
                           "quality or counterfeit)",
                .source = "assumption: FACTS.md A says fakes spread under open entry but gives "
                          "no share",
                .min = 0,
                .max = 1},
               config.genuine_share);
  visitor.real({.key = "counterfeit_share",
                .unit = "share",
                .meaning = "Share of sellers starting with counterfeit goods (poor quality: 1 - "
                           "genuine - counterfeit)",
                .source = "assumption: FACTS.md A/C report counterfeits as widespread before the "
                          "2013-2016 crackdowns but give no share",
                .min = 0,
                .max = 1},
               config.counterfeit_share);
  visitor.real({.key = "poor_cost_factor",
                .unit = "ratio",
                .meaning = "Unit cost of poor-quality goods relative to genuine ones",
                .source = "assumption: cutting quality saves about a third of the cost",
                .min = 0,
                .max = 1},
               config.poor_cost_factor);
  visitor.real({.key = "counterfeit_cost_factor",
                .unit = "ratio",
                .meaning = "Unit cost of counterfeit goods relative to genuine ones",
                .source = "assumption: fakes cost about half as much to make as the real brand",
                .min = 0,
                .max = 1},
               config.counterfeit_cost_factor);
  visitor.real({.key = "individual_share",
                .unit = "share",
                .meaning = "Share of sellers who are grassroots individuals rather than registered "
                           "businesses",
                .source = "assumption: individuals dominated open-entry platforms (FACTS.md C: "
                          "grassroots vendors; FACTS.md A: businesses only from 2013), no share "
                          "given",
                .min = 0,
                .max = 1},
               config.individual_share);
}

void visit_finances(ParameterVisitor& visitor, SellerConfig& config) {
  visitor.real({.key = "initial_cash_usd",
                .unit = "USD",
                .meaning = "Cash a seller agent starts or enters with",
                .source = "assumption: a small store's working capital; no figure in the sources",
                .min = 0,
                .max = 1e9},
               config.initial_cash_usd);
  visitor.real({.key = "daily_overhead_usd",
                .unit = "USD/day",
                .meaning = "Fixed cost of running a store a day, paid whether it sells or not",
                .source = "assumption: small enough for a store selling a few items a day to "
                          "cover it",
                .min = 0,
                .max = 1e6},
               config.daily_overhead_usd);
  visitor.real({.key = "daily_capacity",
                .unit = "orders/day",
                .meaning = "Orders a seller agent can handle a day: caps the stock it buys per day of "
                           "its restock period",
                .source = "assumption: rarely binding outside festivals",
                .min = 1,
                .max = 1e7},
               config.daily_capacity);
  visitor.real({.key = "restock_interval_days",
                .unit = "days",
                .meaning = "Sellers buy stock for this many days of forecast demand at a time, "
                           "paying suppliers upfront",
                .source = "assumption: weekly replenishment, common for small online stores",
                .min = 1,
                .max = 365},
               config.restock_interval_days);
  visitor.real({.key = "safety_stock_units",
                .unit = "units",
                .meaning = "Units a seller keeps above its forecast of the period's demand",
                .source = "assumption: one unit, enough to absorb a single unexpected order",
                .min = 0,
                .max = 1e6},
               config.safety_stock_units);
  visitor.real({.key = "safety_stock_share",
                .unit = "share",
                .meaning = "Safety stock as a share of the period's expected demand, on top of "
                           "safety_stock_units",
                .source = "assumption: about one standard deviation of weekly Poisson demand for "
                          "a seller selling a few units a week",
                .min = 0,
                .max = 10},
               config.safety_stock_share);
  visitor.real({.key = "holding_cost_per_day",
                .unit = "share per day",
                .meaning = "Cost of holding stock (capital, storage, obsolescence) as a share of "
                           "its unit cost a day",
                .source = "operations-management rule of thumb: inventory carrying cost of 20-40% "
                          "a year; 0.001 a day is about 37% a year",
                .min = 0,
                .max = 1},
               config.holding_cost_per_day);
  visitor.real({.key = "new_seller_daily_forecast",
                .unit = "orders/day",
                .meaning = "Demand a seller without sales history expects a day when it first stocks",
                .source = "assumption: near the median seller agent's sales in the default scenario",
                .min = 0,
                .max = 1e6},
               config.new_seller_daily_forecast);
  visitor.real({.key = "cash_floor_usd",
                .unit = "USD",
                .meaning = "Cash below which a seller is broke and exits",
                .source = "assumption: a little short-term credit from suppliers before collapse",
                .min = -1e9,
                .max = 0},
               config.cash_floor_usd);
}

void visit_dynamics(ParameterVisitor& visitor, SellerConfig& config) {
  visitor.real({.key = "entry_rate_per_day",
                .unit = "per day",
                .meaning = "Hazard of a potential entrant trying a platform at reference "
                           "attractiveness",
                .source = "assumption: about 1.5 tries a year, so the pool enters over a few "
                          "years (FACTS.md C: S-curve of county vendors over 2003-2010s)",
                .min = 0,
                .max = 1},
               config.entry_rate_per_day);
  visitor.real({.key = "imitation_interval_days",
                .unit = "days",
                .meaning = "How often a seller compares its profit with a random peer's",
                .source = "assumption: sellers review their strategy monthly",
                .min = 1,
                .max = 3650},
               config.imitation_interval_days);
  visitor.real({.key = "imitation_noise_usd",
                .unit = "USD",
                .meaning = "K of the Fermi imitation rule, in US$ of 30-day profit (larger: more "
                           "random copying)",
                .source = "Fermi rule (Szabo & Toke 1998; Traulsen, Nowak & Pacheco 2006); "
                          "assumption, uncalibrated: the profit gap sellers notice",
                .min = 0.001,
                .max = 1e9},
               config.imitation_noise_usd);
  visitor.real({.key = "mutation_rate",
                .unit = "probability",
                .meaning = "Chance per comparison that a seller tries a random strategy instead",
                .source = "assumption: the small exploration rate usual in evolutionary game "
                          "models",
                .min = 0,
                .max = 1},
               config.mutation_rate);
  visitor.real({.key = "loss_exit_days",
                .unit = "days",
                .meaning = "Losses sustained this long make a business seller leave",
                .source = "assumption: about half a year of losses",
                .min = 1,
                .max = 3650},
               config.loss_exit_days);
  visitor.real({.key = "individual_loss_tolerance",
                .unit = "share",
                .meaning = "Individuals give up after this share of loss_exit_days",
                .source = "assumption: individuals have less capital and quit sooner (FACTS.md "
                          "C: 90% of vendors under three years old)",
                .min = 0,
                .max = 1},
               config.individual_loss_tolerance);
}

}  // namespace

void visit_parameters(ParameterVisitor& visitor, SellerConfig& config) {
  visitor.group("sellers",
                "Sellers: goods and costs, initial strategies (price, honesty), cash, "
                "imitation of successful peers (Fermi rule), entry and exit",
                [&] {
                  visit_goods(visitor, config);
                  visit_finances(visitor, config);
                  visit_dynamics(visitor, config);
                });
}

}  // namespace mercator
