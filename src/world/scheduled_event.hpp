#pragma once
// Dated events of the calendar: festivals, shocks, bans, mergers, alliances,
// innovations and scheduled parameter changes (rule or strategy changes).
#include <string>
#include <vector>

#include "core/parameters.hpp"

namespace mercator {

struct ScheduledEvent {
  std::string date;                   // YYYY-MM-DD
  std::string type = "festival";      // see event_types()
  std::vector<std::string> markets;   // empty: every market
  std::string platform;               // for ban, merger, alliance, enter; empty: every platform
  double multiplier = 1.0;            // festival / shock demand multiplier, merger user share
  double duration_days = 1;
  std::string key;                    // for set: the parameter to change
  std::string value;                  // for set: its new value, as in a scenario
  std::string label;                  // free text carried into events.csv
};
void visit_parameters(ParameterVisitor& visitor, ScheduledEvent& event);

// festival: sessions x multiplier for duration_days;
// shock: sessions x multiplier and lanes slowed by 1/multiplier for duration_days;
// logistics_shock: transit times x multiplier for duration_days;
// ban: platform leaves markets; enter: platform enters markets;
// merger: share `multiplier` of the markets' buyers become active on platform;
// alliance: platform gains a local partner in markets (cooperation);
// innovation: a new monetization channel named by label arrives (innovation);
// set: parameter key takes value.
const std::vector<std::string_view>& event_types();

}  // namespace mercator
