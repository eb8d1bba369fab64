#pragma once
// Calendar: maps simulation steps (one a day) to civil dates.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace mercator {

// A civil date as a day count since 1970-01-01 (std::chrono::sys_days).
struct Date {
  int32_t days_since_epoch = 0;

  static std::optional<Date> parse(std::string_view iso);  // "YYYY-MM-DD", validated
  static Date from_ymd(int year, unsigned month, unsigned day);
  std::string iso() const;
  int year() const;
  unsigned month() const;
  unsigned day() const;
  double year_fraction() const;  // e.g. 2016.5 for early July 2016
  auto operator<=>(const Date&) const = default;
};

class Calendar {
 public:
  explicit Calendar(Date start) : start_(start) {}
  Date start() const { return start_; }
  Date date_of(int32_t step) const { return Date{start_.days_since_epoch + step}; }
  int32_t step_of(Date date) const { return date.days_since_epoch - start_.days_since_epoch; }

 private:
  Date start_;
};

}  // namespace mercator
