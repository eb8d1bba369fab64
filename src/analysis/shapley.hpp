#pragma once
// Shapley values of a cooperative game: the fair share of v(N) - v(empty)
// that each player brings, averaged over every order in which the players
// could join. Model-free: the players are whatever the caller switches on
// and off (in mercator, mechanisms), the value is whatever it measures.
//
// Exact (every coalition, 2^k values):
//   phi_i = sum over S in N \ {i} of |S|! (k - |S| - 1)! / k! * (v(S + i) - v(S))
// Sampled (M random orders, Castro, Gomez & Tejada 2009):
//   phi_i = 1/M * sum over orders p of (v(P_i(p) + i) - v(P_i(p))),
//   P_i(p) the players before i in p; unbiased, standard error ~ 1/sqrt(M).
// Both are efficient: the phi_i sum to v(N) - v(empty) (exactly for each
// sampled order, so for their mean too).
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

namespace mercator {

// Bit i set: player i is in the coalition.
using Coalition = uint64_t;

// The value of a coalition (for one replicate of a stochastic game).
using CoalitionGame = std::function<double(Coalition)>;

// An order in which the players join: a permutation of 0..k-1.
using JoiningOrder = std::vector<int>;

// Exact values take 2^k coalition values: a hard ceiling far above what a
// simulation can afford (the CLI's default limit is 10 mechanisms).
constexpr int max_exact_players = 20;
// Sampled values need a coalition to fit in 64 bits.
constexpr int max_sampled_players = 63;

inline Coalition grand_coalition(int players) {
  return players >= 64 ? ~Coalition{0} : (Coalition{1} << players) - 1;
}

// |S|! (k - |S| - 1)! / k!: the share of joining orders in which player i
// finds exactly the members of S (|S| = size) before it.
double shapley_weight(int players, int size);

// Evaluates the game once on every coalition (2^players calls).
// Throws std::invalid_argument outside 1..max_exact_players.
std::vector<double> exact_shapley(int players, const CoalitionGame& game);

// `count` uniformly random joining orders, reproducible: order j of a
// replicate comes from its own stream (seed, Purpose::ExperimentDesign,
// replicate, j), so asking for more orders keeps the first ones.
std::vector<JoiningOrder> random_joining_orders(int players, int count, uint64_t seed,
                                                uint64_t replicate);

// The sampled estimator over the given orders; the game is called on each
// prefix of each order (callers memoize it: see joining_order_coalitions).
std::vector<double> sampled_shapley(int players, std::span<const JoiningOrder> orders,
                                    const CoalitionGame& game);

// Every distinct coalition sampled_shapley reads for these orders (each
// prefix of each order, the empty and the grand coalition included), sorted:
// the runs to make, each once.
std::vector<Coalition> joining_order_coalitions(int players, std::span<const JoiningOrder> orders);

}  // namespace mercator
