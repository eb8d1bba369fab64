#include "analysis/ecosystem_index_inputs.hpp"

namespace mercator {

void EcosystemIndexInputs::add(const EcosystemIndexInputs& other) {
  need_match_weighted += other.need_match_weighted;
  need_match_weight += other.need_match_weight;
  need_match_plain += other.need_match_plain;
  need_match_platforms += other.need_match_platforms;
  active_buyers += other.active_buyers;
  potential_buyers += other.potential_buyers;
  channels_in_use_weighted += other.channels_in_use_weighted;
  channel_weight += other.channel_weight;
  sessions += other.sessions;
  matched_sessions += other.matched_sessions;
  delivered_orders += other.delivered_orders;
  happy_orders += other.happy_orders;
  settled_orders += other.settled_orders;
  cross_side_hazard += other.cross_side_hazard;
  adoption_hazard += other.adoption_hazard;
  gmv += other.gmv;
  young_seller_sales += other.young_seller_sales;
  seller_sales += other.seller_sales;
  for (int kind = 0; kind < kSellerKinds; ++kind) seller_kinds[kind] += other.seller_kinds[kind];
  sellers_active += other.sellers_active;
  seller_ties += other.seller_ties;
  profitable_sellers += other.profitable_sellers;
}

}  // namespace mercator
