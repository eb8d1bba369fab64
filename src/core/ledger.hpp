#pragma once
// The ledger: every movement of money in a run is a transfer (from, to,
// amount, reason) between accounts. Balances change nowhere else, so the
// books balance by construction and the checks below catch any code that
// tries to create or destroy money.
//
// Parallel phases post into per-worker journals that are applied in a fixed
// order, so balances are identical whatever the thread count.
#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/money.hpp"

namespace mercator {

// Who holds an account. Sources outside the ecosystem (households' wallets,
// suppliers of goods, the outside economy) are accounts too, so money entering
// or leaving the ecosystem is still a transfer.
enum class AccountKind : uint8_t {
  Households,  // one per market: the buyers' wallets
  Seller,
  Platform,
  Escrow,      // one per platform: buyers' payments held until confirmation
  Carrier,     // logistics provider
  Customs,     // one per market
  Lender,      // payment / finance provider's loan book
  Creator,
  ServiceProvider,
  Suppliers,   // the outside economy sellers buy goods and services from
  Count
};

enum class Reason : uint8_t {
  Purchase,          // household -> escrow (or seller when escrow is off)
  SaleRelease,       // escrow -> seller, net of commission
  Commission,        // escrow/seller -> platform
  Shipping,          // escrow/seller -> carrier
  Duty,              // escrow/seller -> customs
  Refund,            // escrow/seller -> household
  GoodsCost,         // seller -> suppliers (cost of goods sold)
  PlatformFee,       // seller -> platform (annual technical fee)
  Penalty,           // seller -> platform / household (violation fines)
  Subsidy,           // platform -> seller (free-entry subsidies)
  AdSpend,           // platform -> suppliers (user acquisition)
  PlatformCost,      // platform -> suppliers (operations, R&D, localization)
  LoanDisbursement,  // lender -> seller
  LoanRepayment,     // seller -> lender (principal and interest)
  CreatorShare,      // platform -> creator (revenue sharing)
  ServiceFee,        // seller -> service provider
  ProviderCost,      // carrier / service provider / creator -> suppliers
  Training,          // platform -> suppliers (platform university)
  Capital,           // suppliers -> an account (initial endowment, investment, withdrawal back)
  Advertising,       // suppliers (advertisers' budgets) -> platform
  Overhead,          // seller -> suppliers (the daily cost of running a store and holding stock)
  Deposit,           // seller -> platform on joining, platform -> seller on leaving
  Count
};

std::string_view account_kind_name(AccountKind kind);
std::string_view reason_name(Reason reason);

using AccountId = uint32_t;
constexpr AccountId kNoAccount = ~AccountId(0);  // a holder that has none yet

struct Transfer {
  AccountId from;
  AccountId to;
  Money amount;
  Reason reason;
};

// A worker's buffer of transfers, applied later in a fixed order.
class Journal {
 public:
  void transfer(AccountId from, AccountId to, Money amount, Reason reason) {
    if (amount != 0) transfers_.push_back({from, to, amount, reason});
  }
  const std::vector<Transfer>& transfers() const { return transfers_; }
  void clear() { transfers_.clear(); }

 private:
  std::vector<Transfer> transfers_;
};

class Ledger {
 public:
  AccountId open(AccountKind kind);
  // Gives an account that nothing refers to any more to a new holder of the
  // same kind, starting from zero. What the old holder left in it is kept as
  // a closed balance, still counted by holdings() and balanced(). A seller
  // row's occupants take turns on one account this way: the balances of
  // living sellers stay as many and as close together as the rows, instead
  // of spread over every account ever opened.
  AccountId reopen(AccountId account);
  size_t account_count() const { return balances_.size(); }

  // Inline: the order flow and the daily seller passes make thousands of
  // transfers a day, each a few additions, so a call each was a visible cost.
  void transfer(AccountId from, AccountId to, Money amount, Reason reason) {
    balances_[from] -= amount;
    balances_[to] += amount;
    flows_[static_cast<size_t>(reason)] += amount;
    flows_by_kind_[flow_index(reason, kinds_[from], kinds_[to])] += amount;
  }
  void post(const Journal& journal);

  Money balance(AccountId account) const { return balances_[account]; }
  AccountKind kind(AccountId account) const { return kinds_[account]; }

  // Cumulative flow by reason since the start of the run.
  Money flow(Reason reason) const { return flows_[static_cast<size_t>(reason)]; }
  // Cumulative flow by reason from accounts of one kind to accounts of
  // another (e.g. Refund from Escrow to Households, as against Refund from
  // Seller to Households), so identities between kinds can be checked.
  Money flow(Reason reason, AccountKind from, AccountKind to) const {
    return flows_by_kind_[flow_index(reason, from, to)];
  }
  // Sum of the balances of all accounts of one kind.
  Money holdings(AccountKind kind) const;
  // Double entry: all balances sum to zero. False means a bug.
  bool balanced() const;

 private:
  static constexpr size_t kKinds = static_cast<size_t>(AccountKind::Count);
  static constexpr size_t flow_index(Reason reason, AccountKind from, AccountKind to) {
    return (static_cast<size_t>(reason) * kKinds + static_cast<size_t>(from)) * kKinds +
           static_cast<size_t>(to);
  }

  std::vector<Money> balances_;
  std::vector<AccountKind> kinds_;
  std::array<Money, kKinds> closed_{};  // balances left in reopened accounts, by kind
  std::array<Money, static_cast<size_t>(Reason::Count)> flows_{};
  std::array<Money, static_cast<size_t>(Reason::Count) * kKinds * kKinds> flows_by_kind_{};
};

}  // namespace mercator
