#include "world/scheduled_event.hpp"

namespace mercator {

const std::vector<std::string_view>& event_types() {
  static const std::vector<std::string_view> types = {"festival", "shock",      "logistics_shock",
                                                      "ban",      "enter",      "merger",
                                                      "alliance", "innovation", "set"};
  return types;
}

void visit_parameters(ParameterVisitor& visitor, ScheduledEvent& event) {
  visitor.date({.key = "date",
                .unit = "",
                .meaning = "Day the event happens (YYYY-MM-DD), within the run",
                .source = "required: no default"},
               event.date);
  visitor.text({.key = "type",
                .unit = "",
                .meaning = "festival, shock, logistics_shock, ban, enter, merger, alliance, "
                           "innovation or set (see the scenario reference)",
                .source = "MODEL.md 1 and 3: festivals, shocks, scheduled rule and strategy "
                          "changes",
                .choices = event_types()},
               event.type);
  visitor.text_list({.key = "markets",
                     .unit = "ISO 3166-1 alpha-2 codes",
                     .meaning = "Markets the event applies to (each one of world.markets); "
                                "empty: every market",
                     .source = "assumption: events are global unless scoped"},
                    event.markets);
  visitor.text({.key = "platform",
                .unit = "",
                .meaning = "Platform name for ban, enter, merger and alliance; empty: every "
                           "platform",
                .source = "assumption: events concern every platform unless one is named"},
               event.platform);
  visitor.real({.key = "multiplier",
                .unit = "ratio",
                .meaning = "festival/shock: session multiplier; logistics_shock: transit-time "
                           "multiplier; merger: share of the markets' buyers who move over",
                .source = "assumption: 1 changes nothing; FACTS.md C: 11.11 peak load over 3x "
                          "the year before gives a sense of festival size",
                .min = 0,
                .max = 1000},
               event.multiplier);
  visitor.real({.key = "duration_days",
                .unit = "days",
                .meaning = "How long a festival or shock lasts",
                .source = "assumption: a one-day festival such as 11.11 (FACTS.md C)",
                .min = 0,
                .max = 36500},
               event.duration_days);
  visitor.text({.key = "key",
                .unit = "",
                .meaning = "set: full dotted key of the parameter to change (e.g. "
                           "platforms.0.admission)",
                .source = "assumption: empty unless type is set"},
               event.key);
  visitor.text({.key = "value",
                .unit = "",
                .meaning = "set: the parameter's new value, written as in a scenario",
                .source = "assumption: empty unless type is set"},
               event.value);
  visitor.text({.key = "label",
                .unit = "",
                .meaning = "Free text carried into events.csv; innovation: the channel's name",
                .source = "assumption: a label"},
               event.label);
}

}  // namespace mercator
