#pragma once
// The `mercator` command. Each subcommand is one file in this folder
// (command.hpp says how they plug in).
//
// Exit codes: 0 success; 2 bad input (scenario problems, a bad world table,
// an output path that is not a run directory, bad command-line usage);
// 1 anything else (an internal failure or an I/O error while writing).

namespace mercator {

int run_cli(int argc, char** argv);

}  // namespace mercator
