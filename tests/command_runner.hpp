#pragma once
// Runs the mercator binary the way a user does, for the end-to-end tests.
#include <sys/wait.h>

#include <cstdio>
#include <string>

namespace mercator::test_support {

struct CommandResult {
  int exit_code = -1;
  std::string output;
};

// Runs `mercator ARGUMENTS` (from working_directory when given); output is
// stdout, plus stderr when asked.
inline CommandResult run_mercator(const std::string& arguments, bool with_stderr = true,
                           const std::string& working_directory = "") {
  const std::string change_directory =
      working_directory.empty() ? "" : "cd '" + working_directory + "' && ";
  const std::string command = change_directory + std::string(MERCATOR_BINARY) + " " + arguments +
                              (with_stderr ? " 2>&1" : " 2>/dev/null");
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return {};
  CommandResult result;
  char buffer[4096];
  size_t read = 0;
  while ((read = std::fread(buffer, 1, sizeof buffer, pipe)) > 0)
    result.output.append(buffer, read);
  const int status = ::pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

}  // namespace mercator::test_support
