#include "scenario/scenario_document.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "core/parameter_assignment.hpp"

namespace mercator {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view include_key = "include";

SourcePosition position(const toml::source_region& region, const std::string& file) {
  return SourcePosition{file, static_cast<int>(region.begin.line),
                        static_cast<int>(region.begin.column)};
}

bool is_table_array(const toml::node& node) {
  const toml::array* array = node.as_array();
  return array && !array->empty() && array->is_array_of_tables();
}

bool is_under(const std::string& key, const std::string& name) {
  return key == name || (key.size() > name.size() && key.compare(0, name.size(), name) == 0 &&
                         key[name.size()] == '.');
}

template <class Map>
void erase_keys_under(Map& map, const std::string& name) {
  std::erase_if(map, [&](const auto& item) { return is_under(item.first, name); });
}

// Where a file is included from: the include line of the file above, or
// nowhere for the scenario itself.
struct Inclusion {
  SourcePosition position;
  std::string value;  // the include value as written
  bool included() const { return position.line > 0; }
};

std::string cycle_text(const std::vector<fs::path>& chain, const fs::path& again) {
  std::string text;
  for (const fs::path& file : chain) text += file.filename().string() + " -> ";
  return text + again.filename().string();
}

}  // namespace

ScenarioProblem problem_at(const SourcePosition& where, std::string key, std::string value,
                           std::string message, std::string expected) {
  return ScenarioProblem{where.file,       where.line,         where.column,       std::move(key),
                         std::move(value), std::move(message), std::move(expected)};
}

class ScenarioDocumentReader {
 public:
  explicit ScenarioDocumentReader(std::vector<ScenarioProblem>& problems) : problems_(problems) {}

  ScenarioDocument read(const std::string& path, const Inclusion& inclusion) {
    ScenarioDocument document;
    auto parsed = parse(path, inclusion);
    if (!parsed) return document;
    const LeaveOnExit leave_chain{chain_};  // parse entered it
    auto table = std::make_unique<toml::table>(std::move(*parsed));
    document.flatten(*table, "", path);
    const toml::node* include = table->get(include_key);
    document.owned_.push_back(std::move(table));
    if (!include) return document;
    return with_base(std::move(document), *include, path);
  }

 private:
  std::optional<toml::table> parse(const std::string& path, const Inclusion& inclusion) {
    const std::string key = inclusion.included() ? std::string(include_key) : "";
    std::error_code error;
    if (!fs::exists(path, error)) {
      problems_.push_back(
          problem_at(where_included(path, inclusion), key, inclusion.value, "file not found"));
      return std::nullopt;
    }
    if (!fs::is_regular_file(path, error)) {
      problems_.push_back(
          problem_at(where_included(path, inclusion), key, inclusion.value, "not a regular file"));
      return std::nullopt;
    }
    const fs::path canonical = fs::weakly_canonical(path, error);
    if (std::find(chain_.begin(), chain_.end(), canonical) != chain_.end()) {
      problems_.push_back(problem_at(inclusion.position, key, inclusion.value,
                                     "include cycle: " + cycle_text(chain_, canonical)));
      return std::nullopt;
    }
    try {
      toml::table table = toml::parse_file(path);
      chain_.push_back(canonical);
      return table;
    } catch (const toml::parse_error& syntax_error) {
      problems_.push_back(
          problem_at(position(syntax_error.source(), path), "", "",
                     fmt::format("TOML syntax error: {}", syntax_error.description())));
      return std::nullopt;
    }
  }

  // The included file is the base; the including one overrides it.
  ScenarioDocument with_base(ScenarioDocument document, const toml::node& include,
                             const std::string& path) {
    const SourcePosition include_position = position(include.source(), path);
    if (!include.is_string()) {
      problems_.push_back(problem_at(include_position, std::string(include_key), toml_text(include),
                                     "wrong type", "path of a scenario file, as a string"));
      return document;
    }
    const fs::path base_path =
        (fs::path(path).parent_path() / include.as_string()->get()).lexically_normal();
    ScenarioDocument base =
        read(base_path.string(), Inclusion{include_position, toml_text(include)});
    base.overlay(std::move(document));
    return base;
  }

  struct LeaveOnExit {
    std::vector<fs::path>& chain;
    ~LeaveOnExit() { chain.pop_back(); }
  };

  static SourcePosition where_included(const std::string& path, const Inclusion& inclusion) {
    return inclusion.included() ? inclusion.position : SourcePosition{path, 0, 0};
  }

  std::vector<ScenarioProblem>& problems_;
  std::vector<fs::path> chain_;  // the files being read, outermost first
};

ScenarioDocument ScenarioDocument::read(const std::string& path,
                                        std::vector<ScenarioProblem>& problems) {
  ScenarioDocumentReader reader(problems);
  ScenarioDocument document = reader.read(path, Inclusion{});
  document.main_file_ = path;
  return document;
}

void ScenarioDocument::flatten(const toml::table& table, const std::string& prefix,
                               const std::string& file) {
  for (const auto& [key, node] : table) {
    if (prefix.empty() && key.str() == include_key) continue;
    const std::string full =
        prefix.empty() ? std::string(key.str()) : prefix + "." + std::string(key.str());
    const SourcePosition key_position = position(key.source(), file);
    const SourcePosition value_position = position(node.source(), file);
    if (const toml::table* members = node.as_table()) {
      tables[full] = value_position;
      // An empty table is kept as an entry so that a misspelt one is reported.
      if (members->empty()) entries[full] = ScenarioEntry{&node, key_position, value_position};
      flatten(*members, full, file);
    } else if (is_table_array(node)) {
      const toml::array& elements = *node.as_array();
      table_arrays[full] = ScenarioTableArray{elements.size(), value_position};
      for (size_t index = 0; index < elements.size(); ++index) {
        const std::string element = full + "." + std::to_string(index);
        tables[element] = position(elements[index].source(), file);
        flatten(*elements[index].as_table(), element, file);
      }
    } else {
      entries[full] = ScenarioEntry{&node, key_position, value_position};
    }
  }
}

void ScenarioDocument::erase_under(const std::string& name) {
  erase_keys_under(entries, name);
  erase_keys_under(table_arrays, name);
  erase_keys_under(tables, name);
}

void ScenarioDocument::overlay(ScenarioDocument&& top) {
  // An array of tables replaces the base's array as a whole; a value replaces
  // whatever the base had under its key.
  for (const auto& [name, array] : top.table_arrays) erase_under(name);
  for (const auto& [key, entry] : top.entries) erase_under(key);
  for (auto& [key, entry] : top.entries) entries.insert_or_assign(key, entry);
  for (auto& [name, array] : top.table_arrays) table_arrays.insert_or_assign(name, array);
  for (auto& [name, where] : top.tables) tables.insert_or_assign(name, where);
  for (auto& value : top.owned_) owned_.push_back(std::move(value));
}

void ScenarioDocument::replace_value(const std::string& key, std::unique_ptr<toml::node> value) {
  owned_.push_back(std::move(value));
  entries[key].value = owned_.back().get();
}

SourcePosition ScenarioDocument::position_of(const std::string& key) const {
  if (const auto entry = entries.find(key); entry != entries.end())
    return entry->second.value_position;
  std::string name = key;
  while (!name.empty()) {
    if (const auto table = tables.find(name); table != tables.end()) return table->second;
    if (const auto array = table_arrays.find(name); array != table_arrays.end()) {
      return array->second.position;
    }
    const size_t dot = name.rfind('.');
    if (dot == std::string::npos) break;
    name.resize(dot);
  }
  return SourcePosition{main_file_, 0, 0};
}

}  // namespace mercator
