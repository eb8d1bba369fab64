#include "analysis/stage_config.hpp"

namespace mercator {

void visit_parameters(ParameterVisitor& visitor, StageConfig& config) {
  visitor.group(
      "stages",
      "Life-cycle stages (exploration, expansion, maturity, renewal, decline), detected after "
      "the run from the metrics table with hindsight (docs/analysis.md)",
      [&] {
        visitor.text({.key = "growth_signal",
                      .unit = "",
                      .meaning = "Series whose growth rate dates exploration, expansion, maturity "
                                 "and renewal: the members or the volume",
                      .source = "MODEL.md 6: stages from the growth of members and volume "
                                "(Moore's life cycle follows the membership)",
                      .choices = {"members", "volume"}},
                     config.growth_signal);
        visitor.text({.key = "members_series",
                      .unit = "",
                      .meaning = "Who counts as a member: active buyers plus active sellers "
                                 "(real people and stores), or one side only",
                      .source = "MODEL.md 5: members of each species; buyers and sellers are "
                                "the two sides every market has",
                      .choices = {"buyers_and_sellers", "buyers", "sellers"}},
                     config.members_series);
        visitor.text({.key = "volume_series",
                      .unit = "",
                      .meaning = "Which series measures volume: orders or GMV",
                      .source = "MODEL.md 6: volume as orders or GMV",
                      .choices = {"orders", "gmv_usd"}},
                     config.volume_series);
        visitor.integer({.key = "growth_days",
                         .unit = "days",
                         .meaning = "Width of the centred window over which the growth rate is the "
                                    "slope of a least-squares line (cut at the ends of the run; "
                                    "rounded up to an odd number of days)",
                         .source = "assumption: two months even out daily sampling noise and move "
                                   "a transition of a logistic curve by at most half the window",
                         .min = 2,
                         .max = 3650},
                        config.growth_days);
        visitor.integer({.key = "smoothing_days",
                         .unit = "days",
                         .meaning = "Width of the centred moving median that gives the level of "
                                    "members and volume that decline is judged on",
                         .source = "assumption: a month; a median ignores festivals and other "
                                   "spikes shorter than half of it",
                         .min = 1,
                         .max = 3650},
                        config.smoothing_days);
        visitor.real({.key = "expansion_fraction",
                      .unit = "share",
                      .meaning = "Expansion runs while growth is at least this share of its peak: "
                                 "it opens when growth first reaches it and closes when growth "
                                 "falls back below it after the peak",
                      .source = "assumption: half the peak; on a logistic curve expansion then "
                                "spans 15% to 85% of saturation (t0 +- 1.76/r)",
                      .min = 0.01,
                      .max = 0.99},
                     config.expansion_fraction);
        visitor.real({.key = "decline_drop",
                      .unit = "share",
                      .meaning = "Decline: the smoothed members or volume stay more than this "
                                 "share below their running maximum (after maturity)",
                      .source = "assumption: a fifth of the ecosystem lost is more than "
                                "festival seasonality or sampling noise",
                      .min = 0.01,
                      .max = 0.99},
                     config.decline_drop);
        visitor.integer(
            {.key = "decline_days",
             .unit = "days",
             .meaning = "How long the fall must last, day after day, to count as decline "
                        "(shorter falls are shocks: see robustness_index)",
             .source = "assumption: a quarter, longer than the shocks of the cases",
             .min = 1,
             .max = 3650},
            config.decline_days);
        visitor.real({.key = "renewal_fraction",
                      .unit = "share",
                      .meaning = "Renewal: after maturity, growth climbs back to at least this "
                                 "share of the first peak growth",
                      .source = "assumption: as strong as the edge of the first expansion",
                      .min = 0.01,
                      .max = 10},
                     config.renewal_fraction);
        visitor.integer(
            {.key = "renewal_days",
             .unit = "days",
             .meaning = "How long growth must stay that high, day after day, to count "
                        "as renewal",
             .source = "assumption: a quarter, longer than a festival or a merger's jump",
             .min = 1,
             .max = 3650},
            config.renewal_days);
      });
}

}  // namespace mercator
