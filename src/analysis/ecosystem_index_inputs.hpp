#pragma once
// What the daily ecosystem indices are computed from: additive sums over a
// market's agents (agent units), gathered by the metrics collector from the
// state it already reads. A global row adds the markets' inputs, so an
// index of ALL is computed exactly like a market's (ratios of sums, not
// means of ratios). The formulas are in advantage_index.hpp and
// health_index.hpp; docs/analysis.md documents them.
#include <array>

namespace mercator {

// Sellers' business models for heterogeneity: goods quality (genuine, poor,
// counterfeit) x form (individual, registered business, branded business).
constexpr int kSellerKinds = 9;
// Ties that embed a seller: carrier contract, overseas warehouse, training,
// outsourcing to a service provider, a loan outstanding.
constexpr int kSellerTieKinds = 5;
// Monetization channels a platform can offer (festival, live commerce,
// mobile payment, pre-sale: mechanisms/innovation.cpp).
constexpr int kMonetizationChannels = 4;
// Complementor kinds and partners for aggregation: listed sellers, creators,
// service providers, an overseas warehouse, the lender, contracted carriers,
// a local partner.
constexpr int kConnectedKinds = 7;

struct EcosystemIndexInputs {
  // technology: expected share of consideration-set slots that match the
  // buyer's need, summed over platforms weighted by their active buyers
  // (and unweighted, for a market nobody is active in yet).
  double need_match_weighted = 0, need_match_weight = 0;
  double need_match_plain = 0, need_match_platforms = 0;
  // relationship
  double active_buyers = 0, potential_buyers = 0;
  // innovation: channels arrived x sellers' uptake, weighted by active buyers
  double channels_in_use_weighted = 0, channel_weight = 0;
  // connectivity and reciprocity (today's tally)
  double sessions = 0, matched_sessions = 0;
  double delivered_orders = 0, happy_orders = 0, settled_orders = 0;
  // interconnectivity: today's adoption hazard and its cross-side part,
  // summed over the buyers that could still adopt
  double cross_side_hazard = 0, adoption_hazard = 0;
  // aggregation: kinds connected (0..kConnectedKinds); not additive, the
  // collector sets it for each row, ALL included
  double connected_kinds = 0;
  // productivity
  double gmv = 0;
  // niche creation: 30-day orders of sellers under a year old, and of all
  double young_seller_sales = 0, seller_sales = 0;
  // heterogeneity
  std::array<double, kSellerKinds> seller_kinds{};
  // embeddedness and reciprocity
  double sellers_active = 0, seller_ties = 0, profitable_sellers = 0;

  // Adds every additive input of other (all but connected_kinds).
  void add(const EcosystemIndexInputs& other);
};

}  // namespace mercator
