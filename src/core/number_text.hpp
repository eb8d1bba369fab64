#pragma once
// A number written as text (a CSV field, a command-line bound), read whole:
// nothing before or after it, in the C locale, whatever the user's locale.
#include <charconv>
#include <optional>
#include <string_view>

namespace mercator {

// The number, or nullopt when the text is empty, not a number, or has
// anything after the number. "nan" and "inf" parse (check isfinite if they
// are not wanted).
inline std::optional<double> parse_double(std::string_view text) {
  double value = 0;
  const char* end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, value);
  if (text.empty() || error != std::errc() || stop != end) return std::nullopt;
  return value;
}

}  // namespace mercator
