#include "report/csv_reader.hpp"

#include <fmt/format.h>

#include <fstream>
#include <sstream>

namespace mercator::report {
namespace {

std::string read_text(const std::filesystem::path& file) {
  std::ifstream stream(file, std::ios::binary);
  if (!stream) {
    throw CsvError(fmt::format("{}: cannot open; expected a readable CSV file", file.string()));
  }
  std::ostringstream content;
  content << stream.rdbuf();
  if (stream.bad()) {
    throw CsvError(fmt::format("{}: cannot read; expected a readable CSV file", file.string()));
  }
  return std::move(content).str();
}

std::string header_list(const std::vector<std::string>& header) {
  std::string list;
  for (const std::string& name : header) list += (list.empty() ? "" : ",") + name;
  return list;
}

}  // namespace

CsvReader::CsvReader(const std::filesystem::path& file)
    : CsvReader(read_text(file), file.string()) {}

CsvReader::CsvReader(std::string text, std::string source)
    : text_(std::move(text)), source_(std::move(source)) {
  read_header();
}

void CsvReader::read_header() {
  if (!parse_record()) fail_at("the file is empty; expected a header line naming the columns");
  header_.assign(fields_.begin(), fields_.begin() + static_cast<std::ptrdiff_t>(field_count_));
  fields_.resize(header_.size());
}

size_t CsvReader::require_column(std::string_view name) const {
  const int column = find_column(name);
  if (column >= 0) return static_cast<size_t>(column);
  throw CsvError(fmt::format("{}:1: no column '{}' in the header ({}); expected one", source_, name,
                             header_list(header_)));
}

int CsvReader::find_column(std::string_view name) const {
  for (size_t column = 0; column < header_.size(); ++column) {
    if (header_[column] == name) return static_cast<int>(column);
  }
  return -1;
}

bool CsvReader::next() {
  if (!parse_record()) return false;
  if (field_count_ != header_.size()) {
    fail_record(fmt::format("found {} fields; expected {}, as in the header", field_count_,
                            header_.size()));
  }
  return true;
}

// One record from position_: fields separated by commas up to a line end
// or the end of the text. Field strings are reused to avoid allocations.
bool CsvReader::parse_record() {
  if (position_ >= text_.size()) return false;
  record_line_ = line_;
  field_count_ = 0;
  while (true) {
    if (field_count_ == fields_.size()) fields_.emplace_back();
    std::string& field = fields_[field_count_++];
    field.clear();
    if (position_ < text_.size() && text_[position_] == '"') {
      parse_quoted_field(field);
    } else {
      parse_plain_field(field);
    }
    if (position_ >= text_.size()) return true;
    const char separator = text_[position_];
    if (separator == ',') {
      ++position_;
      continue;
    }
    if (separator == '\r') {
      if (position_ + 1 >= text_.size() || text_[position_ + 1] != '\n') {
        fail_at("a carriage return not followed by a line feed; expected \\r\\n or \\n");
      }
      ++position_;
    }
    ++position_;  // the '\n'
    ++line_;
    line_start_ = position_;
    return true;
  }
}

void CsvReader::parse_plain_field(std::string& field) {
  const size_t end = text_.find_first_of(",\r\n\"", position_);
  const size_t stop = end == std::string::npos ? text_.size() : end;
  field.assign(text_, position_, stop - position_);
  position_ = stop;
  if (position_ < text_.size() && text_[position_] == '"') {
    fail_at(
        "a quote inside an unquoted field; expected the whole field quoted, with quotes doubled");
  }
}

void CsvReader::parse_quoted_field(std::string& field) {
  const size_t opening_line = line_;
  const size_t opening_column = column_number();
  ++position_;  // the opening quote
  while (true) {
    const size_t quote = text_.find('"', position_);
    if (quote == std::string::npos) {
      throw CsvError(
          fmt::format("{}:{}:{}: a quoted field is never closed; expected a closing quote", source_,
                      opening_line, opening_column));
    }
    for (size_t k = position_; k < quote; ++k) {
      if (text_[k] == '\n') {
        ++line_;
        line_start_ = k + 1;
      }
    }
    field.append(text_, position_, quote - position_);
    position_ = quote + 1;
    if (position_ < text_.size() && text_[position_] == '"') {  // a doubled quote
      field.push_back('"');
      ++position_;
      continue;
    }
    break;
  }
  const bool at_separator = position_ >= text_.size() || text_[position_] == ',' ||
                            text_[position_] == '\r' || text_[position_] == '\n';
  if (!at_separator) {
    fail_at("text after a closing quote; expected a comma or the end of the line");
  }
}

size_t CsvReader::column_number() const { return position_ - line_start_ + 1; }

void CsvReader::fail_at(std::string_view problem) const {
  throw CsvError(fmt::format("{}:{}:{}: {}", source_, line_, column_number(), problem));
}

void CsvReader::fail_record(std::string_view problem) const {
  throw CsvError(fmt::format("{}:{}: {}", source_, record_line_, problem));
}

void CsvReader::fail_field(size_t column, std::string_view problem,
                           std::string_view expected) const {
  const std::string name = column < header_.size() ? header_[column] : "?";
  const std::string value = column < fields_.size() ? fields_[column] : "";
  throw CsvError(fmt::format("{}:{}: column '{}' = '{}': {}; expected {}", source_, record_line_,
                             name, value, problem, expected));
}

CsvTable read_csv_table(const std::filesystem::path& file) {
  CsvReader reader(file);
  CsvTable table{reader.header(), {}};
  while (reader.next()) table.rows.push_back(reader.fields());
  return table;
}

}  // namespace mercator::report
