#include "cli/cli.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/parameter_assignment.hpp"
#include "io/run_directory.hpp"
#include "mercator/scenario.hpp"
#include "mercator/simulation.hpp"
#include "scenario/describe.hpp"
#include "scenario/parameter_registry.hpp"
#include "world/world.hpp"

#ifndef MERCATOR_VERSION
#define MERCATOR_VERSION "unknown"
#endif
#include "mercator_git_commit.hpp"  // generated at build time: MERCATOR_GIT_COMMIT

namespace mercator {
namespace {

namespace fs = std::filesystem;

constexpr int exit_success = 0;
constexpr int exit_failure = 1;
constexpr int exit_bad_input = 2;

struct RunOptions {
  std::string scenario_path;
  std::optional<int64_t> seed;
  unsigned threads = std::max(1u, std::thread::hardware_concurrency());
  std::string out;
  std::vector<std::string> overrides;
  bool quiet = false;
};

struct ValidateOptions {
  std::string scenario_path;
  std::vector<std::string> overrides;
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

  static std::string clock_text(double seconds) {
    const auto whole = static_cast<long>(seconds + 0.5);
    if (whole >= 3600)
      return fmt::format("{}:{:02}:{:02}", whole / 3600, whole / 60 % 60, whole % 60);
    return fmt::format("{}:{:02}", whole / 60, whole % 60);
  }

  Clock::time_point start_ = Clock::now();
  Clock::time_point last_drawn_{};
};

ParameterWalk walk(SimulationConfig& config) {
  return [&config](ParameterVisitor& visitor) { visit_parameters(visitor, config); };
}

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

int validate_command(const ValidateOptions& options) {
  Scenario scenario = load_scenario(options.scenario_path, options.overrides);
  const size_t parameter_count = all_parameter_keys(walk(scenario.config)).size();
  std::cout << fmt::format("ok: {} ({} parameters, {} platforms, {} events)\n", scenario.path,
                           parameter_count, scenario.config.platforms.size(),
                           scenario.config.events.size());
  return exit_success;
}

int describe_command(bool markdown) {
  if (markdown) {
    std::cout << describe_markdown(scenario_parameters(), mechanism_names());
  } else {
    std::cout << describe_text(scenario_parameters());
  }
  return exit_success;
}

// Every failure becomes one message and an exit code; nothing escapes.
int reporting_errors(const std::function<int()>& command) {
  try {
    return command();
  } catch (const ScenarioError& error) {
    for (const ScenarioProblem& problem : error.problems()) std::cerr << problem.format() << "\n";
    return exit_bad_input;
  } catch (const WorldTableError& error) {
    std::cerr << "mercator: " << error.what() << "\n";
    return exit_bad_input;
  } catch (const RunDirectoryError& error) {
    std::cerr << "mercator: " << error.what() << "\n";
    return exit_bad_input;
  } catch (const std::exception& error) {
    std::cerr << "mercator: error: " << error.what() << "\n";
    return exit_failure;
  }
}

void add_overrides_option(CLI::App& command, std::vector<std::string>& overrides) {
  command
      .add_option("--set", overrides,
                  "Override a parameter after the file is read (TOML value; repeatable), "
                  "e.g. --set platforms.0.commission_rate=0.08")
      ->type_name("KEY=VALUE")
      ->allow_extra_args(false);
}

}  // namespace

int run_cli(int argc, char** argv) {
  CLI::App app{"mercator: agent-based simulation of cross-border platform ecosystems"};
  app.set_version_flag("--version", std::string(MERCATOR_VERSION " (" MERCATOR_GIT_COMMIT ")"));
  app.require_subcommand(1);

  RunOptions run_options;
  CLI::App* run = app.add_subcommand("run", "Run a scenario and write its run directory");
  run->add_option("scenario", run_options.scenario_path, "Scenario file (TOML)")->required();
  run->add_option("--seed", run_options.seed, "Random seed (overrides run.seed)");
  run->add_option("--threads", run_options.threads, "Worker threads (default: all cores)")
      ->check(CLI::Range(1u, 4096u));
  run->add_option("--out", run_options.out,
                  "Run directory (default: runs/<run.name>-seed<seed>); a finished run there is "
                  "replaced");
  add_overrides_option(*run, run_options.overrides);
  run->add_flag("--quiet,-q", run_options.quiet, "No progress line on stderr");

  ValidateOptions validate_options;
  CLI::App* validate = app.add_subcommand("validate", "Check a scenario without running it");
  validate->add_option("scenario", validate_options.scenario_path, "Scenario file (TOML)")
      ->required();
  add_overrides_option(*validate, validate_options.overrides);

  bool markdown = false;
  CLI::App* describe = app.add_subcommand("describe", "List every scenario parameter");
  describe->add_flag("--markdown", markdown, "Markdown, as in docs/scenario-reference.md");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    const int code = app.exit(error);  // prints help, the version or the usage error
    return code == 0 ? exit_success : exit_bad_input;
  }
  if (run->parsed()) return reporting_errors([&] { return run_command(run_options); });
  if (validate->parsed())
    return reporting_errors([&] { return validate_command(validate_options); });
  return reporting_errors([&] { return describe_command(markdown); });
}

}  // namespace mercator
