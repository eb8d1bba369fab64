#pragma once
// The daily values of chosen metrics.csv columns, by market: what a run
// report draws. Reading keeps only the columns asked for, so the 70 MB file
// of a ten-year run becomes a few megabytes in memory.
#include <filesystem>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace mercator::report {

class MetricsFrame {
 public:
  int days() const { return static_cast<int>(dates_.size()); }
  const std::vector<std::string>& dates() const { return dates_; }  // by day
  // In the order of the file's first day ("ALL" among them).
  const std::vector<std::string>& markets() const { return markets_; }
  bool has_market(std::string_view market) const;
  // The columns asked for that the file has, and those it has not.
  const std::vector<std::string>& columns() const { return columns_; }
  const std::vector<std::string>& absent_columns() const { return absent_; }
  bool has_column(std::string_view column) const;
  // One value per day (NaN where the file has none); throws
  // std::out_of_range for a column or market the frame does not hold.
  std::span<const double> series(std::string_view column, std::string_view market) const;

 private:
  friend MetricsFrame read_metrics_frame(const std::filesystem::path&,
                                         const std::vector<std::string>&);
  std::vector<std::string> dates_;
  std::vector<std::string> markets_;
  std::vector<std::string> columns_;
  std::vector<std::string> absent_;
  // values_[column][market][day]
  std::map<std::string, std::vector<std::vector<double>>, std::less<>> values_;
};

// Reads metrics.csv (columns day, date, market, then the series). Rows come
// day by day from day 0, as a run writes them. Throws CsvError (an
// InputError) naming the file and line for a malformed file: a missing
// day/date/market column, a day out of sequence, a value that is not a
// number (empty, nan and inf are read as missing).
MetricsFrame read_metrics_frame(const std::filesystem::path& file,
                                const std::vector<std::string>& wanted_columns);

}  // namespace mercator::report
