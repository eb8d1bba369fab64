#include "core/ledger.hpp"


namespace mercator {

std::string_view account_kind_name(AccountKind kind) {
  static constexpr std::string_view names[] = {
      "households", "seller", "platform", "escrow",    "carrier",
      "customs",    "lender", "creator",  "service_provider", "suppliers"};
  return names[static_cast<size_t>(kind)];
}

std::string_view reason_name(Reason reason) {
  static constexpr std::string_view names[] = {
      "purchase",      "sale_release",      "commission",     "shipping",    "duty",
      "refund",        "goods_cost",        "platform_fee",   "penalty",     "subsidy",
      "ad_spend",      "platform_cost",     "loan_disbursement", "loan_repayment",
      "creator_share", "service_fee",       "provider_cost",  "training",    "capital",
      "advertising", "overhead", "deposit"};
  static_assert(std::size(names) == static_cast<size_t>(Reason::Count));
  return names[static_cast<size_t>(reason)];
}

AccountId Ledger::open(AccountKind kind) {
  balances_.push_back(0);
  kinds_.push_back(kind);
  return static_cast<AccountId>(balances_.size() - 1);
}

AccountId Ledger::reopen(AccountId account) {
  closed_[static_cast<size_t>(kinds_[account])] += balances_[account];
  balances_[account] = 0;
  return account;
}

void Ledger::post(const Journal& journal) {
  for (const Transfer& entry : journal.transfers()) {
    transfer(entry.from, entry.to, entry.amount, entry.reason);
  }
}

Money Ledger::holdings(AccountKind kind) const {
  Money total = closed_[static_cast<size_t>(kind)];
  for (size_t account = 0; account < balances_.size(); ++account) {
    if (kinds_[account] == kind) total += balances_[account];
  }
  return total;
}

// Four running sums instead of one let the additions overlap; integer
// addition does not care about the order, so the total is the same.
bool Ledger::balanced() const {
  Money sums[4] = {0, 0, 0, 0};
  for (Money closed : closed_) sums[0] += closed;
  const size_t count = balances_.size();
  size_t account = 0;
  for (; account + 4 <= count; account += 4) {
    for (size_t lane = 0; lane < 4; ++lane) sums[lane] += balances_[account + lane];
  }
  for (; account < count; ++account) sums[0] += balances_[account];
  return sums[0] + sums[1] + sums[2] + sums[3] == 0;
}

}  // namespace mercator
