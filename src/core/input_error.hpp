#pragma once
// An error in what the user gave us (a file, an option, a name), as opposed
// to a failure of the program. The CLI reports it as one message and exit
// code 2. Its message says where, what, and what was expected.
#include <stdexcept>

namespace mercator {

struct InputError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace mercator
