#pragma once
// What a report shows, before it becomes a page: a title, a few key facts,
// and sections of notes, charts (Vega-Lite specifications) and tables, with
// the data the charts draw held once as named datasets. The page script
// (page/report.js) lays it out; tests read it as JSON.
#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <variant>
#include <vector>

namespace mercator::report {

struct Fact {
  std::string label;
  std::string value;
};

struct Note {
  std::string text;
  bool preformatted = false;  // shown as code (a specification), folded under its summary
  std::string summary{};      // the line shown while a preformatted note is folded
};

// A Vega-Lite specification whose top-level data is {"name": dataset}: the
// page puts the dataset's rows in before rendering, so charts drawing the
// same rows share one copy in the file.
struct Chart {
  std::string title;
  std::string description;
  nlohmann::json spec;
};

struct Table {
  std::string title{};
  std::vector<std::string> columns{};
  nlohmann::json rows = nlohmann::json::array();  // arrays of cells, in column order
  std::string note{};                             // e.g. "the first 1,000 of 5,000 runs"
};

using Block = std::variant<Note, Chart, Table>;

struct Section {
  std::string title{};
  std::vector<Block> blocks{};

  void note(std::string text) { blocks.emplace_back(Note{std::move(text)}); }
  void code(std::string summary, std::string text) {
    blocks.emplace_back(Note{std::move(text), true, std::move(summary)});
  }
  void chart(Chart chart) { blocks.emplace_back(std::move(chart)); }
  void table(Table table) { blocks.emplace_back(std::move(table)); }
};

// A number as a chart gets it: six significant digits (what a chart can
// show, and a smaller file), null when missing or not finite.
nlohmann::json chart_value(double value);

class ReportDocument {
 public:
  std::string title;
  std::string subtitle;
  std::vector<Fact> facts;
  std::vector<Section> sections;

  // Adds rows (an array of objects) under a new name and returns the name.
  std::string add_dataset(const std::string& stem, nlohmann::json rows);
  const nlohmann::json& datasets() const { return datasets_; }
  size_t chart_count() const;
  // {title, subtitle, facts, sections: [{title, blocks: [{type, ...}]}],
  //  datasets, chart_count}
  nlohmann::json to_json() const;

 private:
  nlohmann::json datasets_ = nlohmann::json::object();
};

}  // namespace mercator::report
