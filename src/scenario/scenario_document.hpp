#pragma once
// A scenario as written: its TOML file and the chain of files it includes,
// merged and flattened to full dotted keys ("platforms.0.commission_rate"),
// each value remembering where it was written.
#include <toml++/toml.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "mercator/scenario.hpp"

namespace mercator {

struct SourcePosition {
  std::string file;
  int line = 0;  // 0: not in any file
  int column = 0;
};

// A problem at a place in a scenario.
ScenarioProblem problem_at(const SourcePosition& where, std::string key, std::string value,
                           std::string message, std::string expected = "");

struct ScenarioEntry {
  const toml::node* value = nullptr;  // a leaf value, or an empty table
  SourcePosition key_position;
  SourcePosition value_position;
};

// An array of tables ([[platforms]]): how many elements the file gives.
struct ScenarioTableArray {
  size_t count = 0;
  SourcePosition position;
};

class ScenarioDocument {
 public:
  // Reads the file at path and everything it includes (`include = "base.toml"`,
  // relative to the including file, which overrides the base). Syntax errors,
  // missing files and include cycles are appended to problems.
  static ScenarioDocument read(const std::string& path, std::vector<ScenarioProblem>& problems);

  std::map<std::string, ScenarioEntry> entries;            // by full dotted key
  std::map<std::string, ScenarioTableArray> table_arrays;  // by full dotted name
  std::map<std::string, SourcePosition> tables;            // "run", "platforms.1": their headers

  // Replaces a value with one the document owns from now on.
  void replace_value(const std::string& key, std::unique_ptr<toml::node> value);

  // Where a key is written, else where its nearest enclosing table is,
  // else the scenario file with line 0.
  SourcePosition position_of(const std::string& key) const;

 private:
  friend class ScenarioDocumentReader;
  void flatten(const toml::table& table, const std::string& prefix, const std::string& file);
  void overlay(ScenarioDocument&& top);
  void erase_under(const std::string& name);

  std::string main_file_;
  std::vector<std::unique_ptr<toml::node>> owned_;  // keeps every parsed value alive
};

}  // namespace mercator
