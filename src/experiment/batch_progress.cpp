#include "experiment/batch_progress.hpp"

#include <fmt/format.h>

namespace mercator {

std::string clock_text(double seconds) {
  const auto whole = static_cast<long>(seconds + 0.5);
  if (whole >= 3600)
    return fmt::format("{}:{:02}:{:02}", whole / 3600, whole / 60 % 60, whole % 60);
  return fmt::format("{}:{:02}", whole / 60, whole % 60);
}

BatchProgress::BatchProgress(std::ostream& stream, bool terminal, size_t total)
    : stream_(stream), terminal_(terminal), total_(total) {}

void BatchProgress::run_done() {
  ++done_;
  const auto now = Clock::now();
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  const bool last = done_ >= total_;
  if (terminal_) {
    if (!last && now - last_drawn_ < std::chrono::milliseconds(200)) return;
    last_drawn_ = now;
    draw(elapsed);
    return;
  }
  const size_t tenth = total_ > 0 ? done_ * 10 / total_ : 10;
  if (tenth == last_tenth_ && !last) return;
  last_tenth_ = tenth;
  draw(elapsed);
}

void BatchProgress::draw(double elapsed_seconds) {
  const double remaining =
      elapsed_seconds * static_cast<double>(total_ - done_) / static_cast<double>(done_);
  const std::string line = fmt::format("runs {}/{} done  elapsed {}  eta {}", done_, total_,
                                       clock_text(elapsed_seconds), clock_text(remaining));
  if (terminal_) {
    stream_ << '\r' << line << "   ";
    if (done_ >= total_) stream_ << '\n';
  } else {
    stream_ << line << '\n';
  }
  stream_.flush();
}

}  // namespace mercator
