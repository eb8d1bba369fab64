#include "report/chart_specs.hpp"

#include <algorithm>

namespace mercator::report {
namespace {

using json = nlohmann::json;

constexpr int chart_width = 680;
constexpr int chart_height = 260;

json date_axis() {
  return {
      {"field", "date"}, {"type", "temporal"}, {"title", nullptr}, {"scale", {{"type", "utc"}}}};
}

json date_tooltip() {
  return {
      {"field", "date"}, {"type", "temporal"}, {"timeUnit", "utcyearmonthdate"}, {"title", "date"}};
}

json with_format(json axis, const std::string& format) {
  if (!format.empty()) axis["axis"] = {{"format", format}};
  return axis;
}

json value_tooltip(const std::string& field, const std::string& title, const std::string& format) {
  json tooltip = {{"field", field}, {"type", "quantitative"}, {"title", title}};
  tooltip["format"] = format.empty() ? ",.4~g" : format == ".0%" ? ".2%" : format;
  return tooltip;
}

json base_spec(const std::string& dataset) { return {{"data", {{"name", dataset}}}}; }

json color_filter(const std::string& field, const TimeSeriesStyle& style) {
  json filters = json::array();
  if (!style.only.empty())
    filters.push_back({{"filter", {{"field", field}, {"oneOf", style.only}}}});
  for (const std::string& value : style.except) {
    filters.push_back({{"filter", {{"not", {{"field", field}, {"equal", value}}}}}});
  }
  return filters;
}

}  // namespace

json time_series_chart(const std::string& dataset, const std::string& y_field,
                       const std::string& color_field, const TimeSeriesStyle& style) {
  json spec = base_spec(dataset);
  spec["width"] = chart_width;
  spec["height"] = chart_height;
  const json filters = color_filter(color_field, style);
  if (!filters.empty()) spec["transform"] = filters;
  // A legend click highlights one series and fades the others.
  spec["params"] =
      json::array({{{"name", "highlight"},
                    {"select", {{"type", "point"}, {"fields", json::array({color_field})}}},
                    {"bind", "legend"}}});
  spec["mark"] = style.stacked_area
                     ? json{{"type", "area"}, {"tooltip", true}}
                     : json{{"type", "line"}, {"tooltip", true}, {"strokeWidth", 1.5}};
  json y = with_format({{"field", y_field}, {"type", "quantitative"}, {"title", style.y_title}},
                       style.y_format);
  if (style.stacked_area) y["stack"] = "zero";
  spec["encoding"] = {
      {"x", date_axis()},
      {"y", y},
      {"color",
       {{"field", color_field},
        {"type", "nominal"},
        {"title", style.color_title},
        {"scale", {{"scheme", style.series_count > 10 ? "tableau20" : "tableau10"}}}}},
      {"opacity", {{"condition", {{"param", "highlight"}, {"value", 1}}}, {"value", 0.15}}},
      {"tooltip",
       json::array({date_tooltip(),
                    {{"field", color_field}, {"type", "nominal"}, {"title", style.color_title}},
                    value_tooltip(y_field, style.y_title, style.y_format)})}};
  return spec;
}

json small_multiples_chart(const std::string& dataset, const std::string& facet_field,
                           const std::vector<std::string>& facet_order, int columns) {
  json spec = base_spec(dataset);
  spec["facet"] = {
      {"field", facet_field}, {"type", "nominal"}, {"title", nullptr}, {"sort", facet_order}};
  spec["columns"] = columns;
  spec["spec"] = {
      {"width", 200},
      {"height", 110},
      {"mark", {{"type", "line"}, {"tooltip", true}}},
      {"encoding",
       {{"x", date_axis()},
        {"y", {{"field", "value"}, {"type", "quantitative"}, {"title", nullptr}}},
        {"tooltip", json::array({date_tooltip(), value_tooltip("value", "value", "")})}}}};
  spec["resolve"] = {{"scale", {{"y", "independent"}}}};
  return spec;
}

json stage_timeline_chart(const std::string& dataset, const std::vector<std::string>& stage_order,
                          const std::vector<std::string>& market_order) {
  // Life-cycle order reads from cool (exploration) to warm (decline).
  const json palette = {"#9ecae1", "#3182bd", "#31a354", "#fd8d3c",
                        "#de2d26", "#756bb1", "#636363", "#e7ba52"};
  json range = json::array();
  for (size_t k = 0; k < stage_order.size(); ++k) range.push_back(palette[k % palette.size()]);
  json spec = base_spec(dataset);
  spec["width"] = chart_width;
  spec["height"] = std::max<size_t>(40, 18 * market_order.size());
  spec["mark"] = {{"type", "bar"}, {"tooltip", true}};
  spec["encoding"] = {
      {"y", {{"field", "market"}, {"type", "nominal"}, {"sort", market_order}, {"title", nullptr}}},
      {"x",
       {{"field", "start"},
        {"type", "temporal"},
        {"title", nullptr},
        {"scale", {{"type", "utc"}}}}},
      {"x2", {{"field", "end"}}},
      {"color",
       {{"field", "stage"},
        {"type", "nominal"},
        {"title", "stage"},
        {"scale", {{"domain", stage_order}, {"range", range}}}}},
      {"tooltip", json::array({{{"field", "market"}, {"type", "nominal"}},
                               {{"field", "stage"}, {"type", "nominal"}},
                               {{"field", "start"},
                                {"type", "temporal"},
                                {"timeUnit", "utcyearmonthdate"},
                                {"title", "first day"}},
                               {{"field", "last_day"},
                                {"type", "temporal"},
                                {"timeUnit", "utcyearmonthdate"},
                                {"title", "last day"}}})}};
  return spec;
}

json outcome_scatter_chart(const std::string& dataset, const std::string& x_title,
                           bool x_quantitative, int columns) {
  json spec = base_spec(dataset);
  spec["facet"] = {{"field", "outcome"}, {"type", "nominal"}, {"title", nullptr}};
  spec["columns"] = columns;
  json x = {
      {"field", "x"}, {"type", x_quantitative ? "quantitative" : "nominal"}, {"title", x_title}};
  if (x_quantitative) x["scale"] = {{"zero", false}};
  spec["spec"] = {
      {"width", 200},
      {"height", 150},
      {"mark", {{"type", "point"}, {"filled", true}, {"opacity", 0.7}, {"tooltip", true}}},
      {"encoding",
       {{"x", x},
        {"y",
         {{"field", "value"},
          {"type", "quantitative"},
          {"title", nullptr},
          {"scale", {{"zero", false}}}}},
        {"tooltip", json::array({{{"field", "run_id"}, {"type", "nominal"}, {"title", "run"}},
                                 {{"field", "point"}, {"type", "nominal"}},
                                 {{"field", "replicate"}, {"type", "nominal"}},
                                 {{"field", "x"}, {"title", x_title}},
                                 value_tooltip("value", "value", "")})}}}};
  spec["resolve"] = {{"scale", {{"y", "independent"}}}};
  return spec;
}

json interval_bar_chart(const std::string& dataset, const std::string& category_title,
                        const std::string& group_title, const std::string& value_title,
                        size_t categories, size_t groups) {
  const json y = {
      {"field", "category"}, {"type", "nominal"}, {"title", category_title}, {"sort", nullptr}};
  const json y_offset = {{"field", "group"}, {"type", "nominal"}};
  const json color = {{"field", "group"}, {"type", "nominal"}, {"title", group_title}};
  json bars = {
      {"mark", {{"type", "bar"}, {"tooltip", true}}},
      {"encoding",
       {{"y", y},
        {"yOffset", y_offset},
        {"x", {{"field", "estimate"}, {"type", "quantitative"}, {"title", value_title}}},
        {"color", color},
        {"tooltip",
         json::array({{{"field", "category"}, {"type", "nominal"}, {"title", category_title}},
                      {{"field", "group"}, {"type", "nominal"}, {"title", group_title}},
                      value_tooltip("estimate", "estimate", ""),
                      value_tooltip("low", "95% CI low", ""),
                      value_tooltip("high", "95% CI high", "")})}}}};
  json error_bars = {
      {"transform", json::array({{{"filter", "isValid(datum.low) && isValid(datum.high)"}}})},
      {"mark", {{"type", "rule"}, {"color", "#222"}}},
      {"encoding",
       {{"y", y},
        {"yOffset", y_offset},
        {"x", {{"field", "low"}, {"type", "quantitative"}}},
        {"x2", {{"field", "high"}}}}}};
  json spec = base_spec(dataset);
  spec["width"] = 560;
  spec["height"] = std::max<size_t>(60, categories * (groups * 14 + 10));
  spec["layer"] = json::array({bars, error_bars});
  return spec;
}

json mean_band_chart(const std::string& dataset, const std::string& y_title,
                     const std::string& group_title) {
  const json color = {{"field", "group"},
                      {"type", "nominal"},
                      {"title", group_title},
                      {"legend", {{"labelLimit", 360}}}};
  json band = {
      {"transform", json::array({{{"filter", "isValid(datum.low) && isValid(datum.high)"}}})},
      {"mark", {{"type", "area"}, {"opacity", 0.25}}},
      {"encoding",
       {{"x", date_axis()},
        {"y", {{"field", "low"}, {"type", "quantitative"}, {"title", y_title}}},
        {"y2", {{"field", "high"}}},
        {"color", color}}}};
  json line = {
      {"mark", {{"type", "line"}, {"tooltip", true}}},
      {"encoding",
       {{"x", date_axis()},
        {"y", {{"field", "mean"}, {"type", "quantitative"}, {"title", y_title}}},
        {"color", color},
        {"tooltip", json::array({date_tooltip(),
                                 {{"field", "group"}, {"type", "nominal"}, {"title", group_title}},
                                 value_tooltip("mean", "mean", ""),
                                 value_tooltip("low", "95% CI low", ""),
                                 value_tooltip("high", "95% CI high", "")})}}}};
  json spec = base_spec(dataset);
  spec["width"] = chart_width;
  spec["height"] = chart_height;
  spec["layer"] = json::array({band, line});
  return spec;
}

}  // namespace mercator::report
