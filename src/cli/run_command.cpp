// `mercator run`: one scenario, one run directory.
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "cli/command.hpp"
#include "experiment/batch_progress.hpp"
#include "io/run_directory.hpp"
#include "mercator/scenario.hpp"
#include "mercator/simulation.hpp"

namespace mercator {
namespace {

namespace fs = std::filesystem;

struct RunOptions {
  std::string scenario_path;
  std::optional<int64_t> seed;
  unsigned threads = all_cores();
  std::string out;
  std::vector<std::string> overrides;
  bool quiet = false;
};

// One line on stderr, redrawn at most a few times a second: only for people
// watching a terminal, never in logs or CI.
class ProgressLine {
 public:
  void update(int32_t day, int32_t total_days) {
    const auto now = Clock::now();
    const bool last = day >= total_days;
    if (!last && now - last_drawn_ < std::chrono::milliseconds(200)) return;
    last_drawn_ = now;
    const double elapsed = std::chrono::duration<double>(now - start_).count();
    const double done = total_days > 0 ? double(day) / total_days : 1.0;
    const double remaining = day > 0 ? elapsed * (total_days - day) / day : 0.0;
    std::fprintf(stderr, "\rday %d/%d  %5.1f%%  elapsed %s  eta %s   ", day, total_days, 100 * done,
                 clock_text(elapsed).c_str(), clock_text(remaining).c_str());
    if (last) std::fputc('\n', stderr);
    std::fflush(stderr);
  }

 private:
  using Clock = std::chrono::steady_clock;

  Clock::time_point start_ = Clock::now();
  Clock::time_point last_drawn_{};
};

// A run name made safe as one path component.
std::string path_component(std::string_view name) {
  std::string component;
  for (const char c : name) {
    const bool safe =
        std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
    component += safe ? c : '_';
  }
  return component.empty() || component == "." || component == ".." ? "run" : component;
}

fs::path default_run_directory(const RunConfig& run) {
  return fs::path("runs") / fmt::format("{}-seed{}", path_component(run.name), run.seed);
}

std::string json_scalar_text(const nlohmann::ordered_json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_array() && std::none_of(value.begin(), value.end(), [](const auto& element) {
        return element.is_structured();
      })) {
    std::string text;
    for (const auto& element : value)
      text += (text.empty() ? "" : ", ") + json_scalar_text(element);
    return text;
  }
  return value.dump();
}

// The summary's final block, whatever it holds, as indented "key: value" lines.
void print_block(const nlohmann::ordered_json& block, int indent) {
  for (const auto& [key, value] : block.items()) {
    if (value.is_object()) {
      std::cout << std::string(indent, ' ') << key << ":\n";
      print_block(value, indent + 2);
    } else {
      std::cout << std::string(indent, ' ') << key << ": " << json_scalar_text(value) << "\n";
    }
  }
}

void print_final_summary(const std::string& summary_json) {
  if (summary_json.empty()) return;
  const auto summary = nlohmann::ordered_json::parse(summary_json);
  if (summary.contains("final") && summary["final"].is_object()) print_block(summary["final"], 0);
}

int run_command(const RunOptions& options) {
  std::vector<std::string> overrides = options.overrides;
  if (options.seed) overrides.push_back(fmt::format("run.seed={}", *options.seed));
  const Scenario scenario = load_scenario(options.scenario_path, overrides);
  const fs::path out =
      options.out.empty() ? default_run_directory(scenario.config.run) : fs::path(options.out);
  check_run_directory_target(out);  // before the run, not after hours of it

  Simulation simulation(scenario.config, options.threads);
  const bool show_progress = !options.quiet && ::isatty(STDERR_FILENO);
  ProgressLine progress;
  if (show_progress) {
    simulation.run([&](int32_t day, int32_t total_days) { progress.update(day, total_days); });
  } else {
    simulation.run();
  }
  const RunResults& results = simulation.results();
  write_run_directory(
      out,
      RunManifest{scenario.path, scenario.resolved_json, scenario.config.run.seed, options.threads},
      results);
  print_final_summary(results.summary_json);
  std::cout << "run directory: " << out.string() << "\n";
  return exit_success;
}

}  // namespace

Subcommand add_run_command(CLI::App& app) {
  auto options = std::make_shared<RunOptions>();
  CLI::App* run = app.add_subcommand("run", "Run a scenario and write its run directory");
  run->add_option("scenario", options->scenario_path, "Scenario file (TOML)")->required();
  run->add_option("--seed", options->seed, "Random seed (overrides run.seed)");
  run->add_option("--threads", options->threads, "Worker threads (default: all cores)")
      ->check(CLI::Range(1u, 4096u));
  run->add_option("--out", options->out,
                  "Run directory (default: runs/<run.name>-seed<seed>); a finished run there is "
                  "replaced");
  add_overrides_option(*run, options->overrides);
  run->add_flag("--quiet,-q", options->quiet, "No progress line on stderr");
  return {run, [options] { return run_command(*options); }};
}

}  // namespace mercator
