#pragma once
// The Vega-Lite specifications the reports draw, one builder per kind of
// chart. Each takes the name of a dataset of the ReportDocument (its rows
// are objects whose fields the builder names) and returns the spec, with
// "data": {"name": dataset}. Dates are "YYYY-MM-DD" strings read on a UTC
// scale, so that no time zone moves a point to another day.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace mercator::report {

struct TimeSeriesStyle {
  std::string y_title{};
  std::string y_format{};           // d3 format of the axis, e.g. ".0%" for shares; empty: default
  std::string color_title{};        // legend title
  std::vector<std::string> only{};  // draw only these values of the colour field (empty: all)
  std::vector<std::string> except{};  // leave these values out
  bool stacked_area = false;          // areas stacked to the total instead of lines
  size_t series_count = 0;            // lines drawn: more than 10 take a 20-colour scheme
};

// Date on x, y_field on y, one line (or stacked area) per value of
// color_field; clicking a legend entry highlights its line.
nlohmann::json time_series_chart(const std::string& dataset, const std::string& y_field,
                                 const std::string& color_field, const TimeSeriesStyle& style);

// One small chart per value of facet_field (rows: date, facet_field,
// value), in the given order, each with its own y scale.
nlohmann::json small_multiples_chart(const std::string& dataset, const std::string& facet_field,
                                     const std::vector<std::string>& facet_order, int columns);

// Horizontal bars from start to end per market (rows: market, stage, start,
// end, last_day; end is the day after last_day, so that periods meet),
// coloured by stage in life-cycle order; markets in the given order.
nlohmann::json stage_timeline_chart(const std::string& dataset,
                                    const std::vector<std::string>& stage_order,
                                    const std::vector<std::string>& market_order);

// One scatter per outcome (rows: x, outcome, value, run_id, point,
// replicate): the outcome of each run against a parameter's value.
nlohmann::json outcome_scatter_chart(const std::string& dataset, const std::string& x_title,
                                     bool x_quantitative, int columns);

// Bars of an estimate per category, grouped by a second field, with 95%
// interval error bars (rows: category, group, estimate, low, high; low and
// high may be null, then no error bar).
nlohmann::json interval_bar_chart(const std::string& dataset, const std::string& category_title,
                                  const std::string& group_title, const std::string& value_title,
                                  size_t categories, size_t groups);

// A mean line per group with its 95% interval as a band (rows: date, group,
// mean, low, high; low and high null where a band cannot be drawn).
nlohmann::json mean_band_chart(const std::string& dataset, const std::string& y_title,
                               const std::string& group_title);

}  // namespace mercator::report
