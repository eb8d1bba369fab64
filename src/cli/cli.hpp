#pragma once
// The `mercator` command: run, validate and describe scenarios.
//
// Exit codes: 0 success; 2 bad input (scenario problems, a bad world table,
// an output path that is not a run directory, bad command-line usage);
// 1 anything else (an internal failure or an I/O error while writing).

namespace mercator {

int run_cli(int argc, char** argv);

}  // namespace mercator
