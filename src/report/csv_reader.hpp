#pragma once
// Reads the CSV files a run writes (metrics.csv, events.csv, stages.csv):
// RFC 4180 as io/run_directory.cpp's csv_field writes it. Fields are
// separated by commas and quoted when they hold a comma, a quote or a line
// break, with quotes doubled inside quotes; lines end in \n or \r\n. The
// first record is the header, and every record must have as many fields as
// it. A malformed file is an InputError naming the file, line and column.
//
// Hand-written rather than taken from Debian: the packaged C++ readers need
// the column count at compile time (libfccp) or are unmaintained callback
// APIs without line numbers (libcsv); this one is small and tested
// (tests/report_csv_reader_test.cpp).
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/input_error.hpp"

namespace mercator::report {

struct CsvError : InputError {
  using InputError::InputError;
};

class CsvReader {
 public:
  // Reads the whole file; throws CsvError when it cannot be read or has no
  // header.
  explicit CsvReader(const std::filesystem::path& file);
  // The same over text in memory; source names it in messages.
  CsvReader(std::string text, std::string source);

  const std::vector<std::string>& header() const { return header_; }
  // The header column's index; throws CsvError listing the header when the
  // file has no such column.
  size_t require_column(std::string_view name) const;
  // The index, or -1 when absent.
  int find_column(std::string_view name) const;

  // Moves to the next record; false at the end. Throws CsvError on a
  // malformed record (unterminated quote, stray quote, wrong field count).
  bool next();
  const std::vector<std::string>& fields() const { return fields_; }
  // The line the current record starts on (1 is the header).
  size_t line() const { return record_line_; }

  // Throws CsvError about a field of the current record:
  // "FILE:LINE: column 'NAME' = 'VALUE': PROBLEM; expected EXPECTED".
  [[noreturn]] void fail_field(size_t column, std::string_view problem,
                               std::string_view expected) const;
  // Throws CsvError about the current record: "FILE:LINE: PROBLEM".
  [[noreturn]] void fail_record(std::string_view problem) const;

 private:
  void read_header();
  // Parses one record at position_ into fields_; false at the end of text.
  bool parse_record();
  void parse_quoted_field(std::string& field);
  void parse_plain_field(std::string& field);
  [[noreturn]] void fail_at(std::string_view problem) const;
  size_t column_number() const;

  std::string text_;
  std::string source_;
  size_t position_ = 0;
  size_t line_ = 1;         // line of position_
  size_t line_start_ = 0;   // offset where that line starts
  size_t record_line_ = 0;  // line the current record starts on
  size_t field_count_ = 0;  // fields parsed into fields_ for the current record
  std::vector<std::string> header_;
  std::vector<std::string> fields_;
};

// A whole small CSV file (events.csv, stages.csv) in memory.
struct CsvTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};
CsvTable read_csv_table(const std::filesystem::path& file);

}  // namespace mercator::report
