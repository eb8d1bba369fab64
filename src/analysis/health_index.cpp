#include "analysis/health_index.hpp"

#include <cmath>

namespace mercator {
namespace {

double ratio(double numerator, double denominator) {
  return denominator > 0 ? numerator / denominator : 0.0;
}

}  // namespace

double productivity_index(const EcosystemIndexInputs& inputs) {
  return ratio(inputs.gmv, inputs.active_buyers);
}

double niche_creation_index(const EcosystemIndexInputs& inputs) {
  return ratio(inputs.young_seller_sales, inputs.seller_sales);
}

double heterogeneity_index(const EcosystemIndexInputs& inputs) {
  double total = 0;
  for (double count : inputs.seller_kinds) total += count;
  if (total <= 0) return 0.0;
  double entropy = 0;
  for (double count : inputs.seller_kinds) {
    if (count > 0) entropy -= count / total * std::log(count / total);
  }
  // Divided by the entropy of an even spread over every kind; the bound
  // keeps a homogeneous population at exactly 0 (not -0).
  return std::fmax(0.0, entropy / std::log(double(kSellerKinds)));
}

double embeddedness_index(const EcosystemIndexInputs& inputs) {
  return ratio(inputs.seller_ties, inputs.sellers_active * kSellerTieKinds);
}

double reciprocity_index(const EcosystemIndexInputs& inputs) {
  return ratio(inputs.happy_orders, inputs.settled_orders) *
         ratio(inputs.profitable_sellers, inputs.sellers_active);
}

}  // namespace mercator
