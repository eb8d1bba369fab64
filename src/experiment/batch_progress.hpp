#pragma once
// Progress of a batch of runs, for people and for logs: on a terminal one
// line redrawn at most five times a second, with an estimate of the time
// left; elsewhere a line each time another tenth of the batch is done, so a
// log of a long sweep stays short.
#include <chrono>
#include <cstddef>
#include <ostream>
#include <string>

namespace mercator {

// A duration for progress lines: "1:02:03", or "2:03" under an hour.
std::string clock_text(double seconds);

class BatchProgress {
 public:
  BatchProgress(std::ostream& stream, bool terminal, size_t total);

  void run_done();  // one more run finished (and stored)

 private:
  using Clock = std::chrono::steady_clock;
  void draw(double elapsed_seconds);

  std::ostream& stream_;
  bool terminal_;
  size_t total_;
  size_t done_ = 0;
  size_t last_tenth_ = 0;
  Clock::time_point start_ = Clock::now();
  Clock::time_point last_drawn_{};
};

}  // namespace mercator
