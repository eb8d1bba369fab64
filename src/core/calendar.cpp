#include "core/calendar.hpp"

#include <charconv>
#include <cstdio>

namespace mercator {
namespace {
std::chrono::year_month_day civil(Date date) {
  return std::chrono::year_month_day{std::chrono::sys_days{std::chrono::days{date.days_since_epoch}}};
}

bool parse_number(std::string_view text, int& value) {
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc{} && end == text.data() + text.size();
}
}  // namespace

std::optional<Date> Date::parse(std::string_view iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  int year = 0, month = 0, day = 0;
  if (!parse_number(iso.substr(0, 4), year) || !parse_number(iso.substr(5, 2), month) ||
      !parse_number(iso.substr(8, 2), day)) {
    return std::nullopt;
  }
  const std::chrono::year_month_day ymd{std::chrono::year{year},
                                        std::chrono::month{static_cast<unsigned>(month)},
                                        std::chrono::day{static_cast<unsigned>(day)}};
  if (!ymd.ok()) return std::nullopt;
  return Date{static_cast<int32_t>(std::chrono::sys_days{ymd}.time_since_epoch().count())};
}

Date Date::from_ymd(int year, unsigned month, unsigned day) {
  const std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{month},
                                        std::chrono::day{day}};
  return Date{static_cast<int32_t>(std::chrono::sys_days{ymd}.time_since_epoch().count())};
}

std::string Date::iso() const {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", year(), month(), day());
  return text;
}

int Date::year() const { return static_cast<int>(civil(*this).year()); }
unsigned Date::month() const { return static_cast<unsigned>(civil(*this).month()); }
unsigned Date::day() const { return static_cast<unsigned>(civil(*this).day()); }

double Date::year_fraction() const {
  const Date new_year = from_ymd(year(), 1, 1);
  const Date next_year = from_ymd(year() + 1, 1, 1);
  return year() + double(days_since_epoch - new_year.days_since_epoch) /
                      double(next_year.days_since_epoch - new_year.days_since_epoch);
}

}  // namespace mercator
