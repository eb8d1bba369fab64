// Reads the world table (data/world.csv or a scenario's own): a strict CSV
// with a fixed header, no quoting, one country a row. Any bad cell stops the
// read with file:line, the column, what is wrong and what was expected.
#include <array>
#include <charconv>
#include <cmath>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "world/world.hpp"

namespace mercator {
namespace {

// clang-format off
constexpr std::array<std::string_view, 20> kHeader = {
    "code", "name", "region", "language", "population", "internet_share",
    "gdp_per_capita_usd", "logistics_index", "account_ownership", "rule_of_law", "duty_rate",
    "de_minimis_usd", "latitude", "longitude", "pdi", "idv", "mas", "uai", "lto", "ivr"};
// clang-format on
constexpr size_t kFirstNumberColumn = 4;

struct NumberColumn {
  double min;
  double max;
  std::string_view expected;
  double& (*field)(CountryRecord&);
};

template <size_t Dimension>
double& culture_score(CountryRecord& country) {
  return country.culture[Dimension];
}

constexpr std::string_view kShare = "a share from 0 to 1";
constexpr std::string_view kHofstede = "a Hofstede score from 0 to 100";

// In header order from "population" on; ranges are what the sources can produce.
const std::array<NumberColumn, 16> kNumberColumns = {{
    {1, 1e10, "a count of people, 1 to 1e10",
     [](CountryRecord& c) -> double& { return c.population; }},
    {0, 1, kShare, [](CountryRecord& c) -> double& { return c.internet_share; }},
    {1, 1e6, "US$ per person, 1 to 1e6",
     [](CountryRecord& c) -> double& { return c.gdp_per_capita_usd; }},
    {1, 5, "an LPI score from 1 to 5",
     [](CountryRecord& c) -> double& { return c.logistics_index; }},
    {0, 1, kShare, [](CountryRecord& c) -> double& { return c.account_ownership; }},
    {-2.5, 2.5, "a WGI estimate from -2.5 to 2.5",
     [](CountryRecord& c) -> double& { return c.rule_of_law; }},
    {0, 1, "a share from 0 to 1 (0.05 for 5%)",
     [](CountryRecord& c) -> double& { return c.duty_rate; }},
    {0, 1e6, "US$ from 0 to 1e6", [](CountryRecord& c) -> double& { return c.de_minimis_usd; }},
    {-90, 90, "degrees from -90 to 90", [](CountryRecord& c) -> double& { return c.latitude; }},
    {-180, 180, "degrees from -180 to 180",
     [](CountryRecord& c) -> double& { return c.longitude; }},
    {0, 100, kHofstede, culture_score<0>},
    {0, 100, kHofstede, culture_score<1>},
    {0, 100, kHofstede, culture_score<2>},
    {0, 100, kHofstede, culture_score<3>},
    {0, 100, kHofstede, culture_score<4>},
    {0, 100, kHofstede, culture_score<5>},
}};

std::string header_text() {
  std::string text;
  for (std::string_view column : kHeader) {
    if (!text.empty()) text += ',';
    text += column;
  }
  return text;
}

// Where in the file a problem is, so every message has the same shape.
struct Location {
  const std::string& path;
  size_t line;

  [[noreturn]] void fail(std::string_view column, const std::string& problem,
                         std::string_view expected) const {
    throw WorldTableError(path + ":" + std::to_string(line) + ": column '" + std::string(column) +
                          "': " + problem + ", expected " + std::string(expected));
  }
};

std::vector<std::string_view> split_fields(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t start = 0;
  while (true) {
    const size_t comma = line.find(',', start);
    fields.push_back(line.substr(start, comma - start));
    if (comma == std::string_view::npos) return fields;
    start = comma + 1;
  }
}

std::string quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

void check_header(const std::vector<std::string_view>& fields, const Location& at) {
  for (size_t index = 0; index < kHeader.size(); ++index) {
    if (index >= fields.size()) at.fail(kHeader[index], "missing from the header", header_text());
    if (fields[index] != kHeader[index]) {
      at.fail(kHeader[index], "header has " + quoted(fields[index]), header_text());
    }
  }
  if (fields.size() > kHeader.size()) {
    at.fail(fields[kHeader.size()], "unknown extra column in the header", header_text());
  }
}

void check_field_count(const std::vector<std::string_view>& fields, const Location& at) {
  const std::string expected = std::to_string(kHeader.size()) + " comma-separated fields";
  if (fields.size() < kHeader.size()) {
    at.fail(kHeader[fields.size()],
            "missing (row has " + std::to_string(fields.size()) + " fields)", expected);
  }
  if (fields.size() > kHeader.size()) {
    at.fail(kHeader.back(),
            "followed by " + std::to_string(fields.size() - kHeader.size()) + " extra field(s)",
            expected + " (values may not contain commas)");
  }
}

bool is_country_code(std::string_view text) {
  return text.size() == 2 && text[0] >= 'A' && text[0] <= 'Z' && text[1] >= 'A' && text[1] <= 'Z';
}

std::string read_text(std::string_view text, std::string_view column, const Location& at) {
  if (text.empty()) at.fail(column, "empty", "a non-empty text");
  if (text.front() == ' ' || text.back() == ' ') {
    at.fail(column, quoted(text) + " has surrounding spaces", "no spaces around values");
  }
  return std::string(text);
}

std::optional<double> parse_number(std::string_view text) {
  double value = 0;
  const char* end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, value);
  if (text.empty() || error != std::errc() || stop != end || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

double read_number(std::string_view text, std::string_view column, const NumberColumn& spec,
                   const Location& at) {
  const std::optional<double> value = parse_number(text);
  if (!value) at.fail(column, quoted(text) + " is not a plain decimal number", spec.expected);
  if (*value < spec.min || *value > spec.max) {
    at.fail(column, "value " + quoted(text) + " is out of range", spec.expected);
  }
  return *value;
}

CountryRecord read_row(const std::vector<std::string_view>& fields, const Location& at) {
  CountryRecord country;
  if (!is_country_code(fields[0])) {
    at.fail(kHeader[0], quoted(fields[0]) + " is not a country code",
            "an ISO 3166-1 alpha-2 code such as 'CN'");
  }
  country.code = std::string(fields[0]);
  country.name = read_text(fields[1], kHeader[1], at);
  country.region = read_text(fields[2], kHeader[2], at);
  country.language = read_text(fields[3], kHeader[3], at);
  for (size_t index = 0; index < kNumberColumns.size(); ++index) {
    const size_t column = kFirstNumberColumn + index;
    const NumberColumn& spec = kNumberColumns[index];
    spec.field(country) = read_number(fields[column], kHeader[column], spec, at);
  }
  return country;
}

// Tolerate what spreadsheets add: a UTF-8 byte-order mark and CRLF line ends.
std::string_view clean_line(std::string_view line, size_t line_number) {
  if (line_number == 1 && line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);
  if (line.ends_with('\r')) line.remove_suffix(1);
  return line;
}

}  // namespace

std::vector<CountryRecord> read_world_table(const std::string& path) {
  std::ifstream file(path);
  if (!file) {
    throw WorldTableError(path +
                          ": cannot open the world table, expected a readable CSV file "
                          "(paths are relative to the project root or the scenario)");
  }
  std::vector<CountryRecord> countries;
  std::unordered_map<std::string, size_t> line_of_code;
  bool header_seen = false;
  std::string raw_line;
  size_t line_number = 0;
  while (std::getline(file, raw_line)) {
    ++line_number;
    const std::string_view line = clean_line(raw_line, line_number);
    if (line.empty()) continue;
    const Location at{path, line_number};
    const std::vector<std::string_view> fields = split_fields(line);
    if (!header_seen) {
      check_header(fields, at);
      header_seen = true;
      continue;
    }
    check_field_count(fields, at);
    CountryRecord country = read_row(fields, at);
    const auto [previous, inserted] = line_of_code.emplace(country.code, line_number);
    if (!inserted) {
      at.fail(kHeader[0],
              "duplicate code " + quoted(country.code) + " (first on line " +
                  std::to_string(previous->second) + ")",
              "each country once");
    }
    countries.push_back(std::move(country));
  }
  const Location end{path, line_number + 1};
  if (!header_seen) end.fail(kHeader[0], "no header row", header_text());
  if (countries.empty()) end.fail(kHeader[0], "no country rows", "at least one country");
  return countries;
}

}  // namespace mercator
