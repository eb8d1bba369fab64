#include "report/report_document.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <string>

namespace mercator::report {
namespace {

nlohmann::json block_json(const Block& block) {
  if (const Note* note = std::get_if<Note>(&block)) {
    return {{"type", "note"},
            {"text", note->text},
            {"preformatted", note->preformatted},
            {"summary", note->summary}};
  }
  if (const Chart* chart = std::get_if<Chart>(&block)) {
    return {{"type", "chart"},
            {"title", chart->title},
            {"description", chart->description},
            {"spec", chart->spec}};
  }
  const Table& table = std::get<Table>(block);
  return {{"type", "table"},
          {"title", table.title},
          {"columns", table.columns},
          {"rows", table.rows},
          {"note", table.note}};
}

}  // namespace

nlohmann::json chart_value(double value) {
  if (!std::isfinite(value)) return nullptr;
  const std::string text = fmt::format("{:.6g}", value);
  double rounded = value;
  std::from_chars(text.data(), text.data() + text.size(), rounded);
  return rounded;
}

std::string ReportDocument::add_dataset(const std::string& stem, nlohmann::json rows) {
  std::string name = stem;
  for (int suffix = 2; datasets_.contains(name); ++suffix)
    name = fmt::format("{}_{}", stem, suffix);
  datasets_[name] = std::move(rows);
  return name;
}

size_t ReportDocument::chart_count() const {
  size_t count = 0;
  for (const Section& section : sections) {
    for (const Block& block : section.blocks) count += std::holds_alternative<Chart>(block) ? 1 : 0;
  }
  return count;
}

nlohmann::json ReportDocument::to_json() const {
  nlohmann::json facts_json = nlohmann::json::array();
  for (const Fact& fact : facts)
    facts_json.push_back({{"label", fact.label}, {"value", fact.value}});
  nlohmann::json sections_json = nlohmann::json::array();
  for (const Section& section : sections) {
    nlohmann::json blocks = nlohmann::json::array();
    for (const Block& block : section.blocks) blocks.push_back(block_json(block));
    sections_json.push_back({{"title", section.title}, {"blocks", std::move(blocks)}});
  }
  return {{"title", title},
          {"subtitle", subtitle},
          {"facts", std::move(facts_json)},
          {"sections", std::move(sections_json)},
          {"datasets", datasets_},
          {"chart_count", chart_count()}};
}

}  // namespace mercator::report
