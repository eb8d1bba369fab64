// Writes the report tests' experiment database (fixture_database.hpp) to
// the path given: the browser test (check_report.mjs) reports on it.
#include <iostream>

#include "fixture_database.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: " << argv[0] << " OUT.sqlite\n";
    return 2;
  }
  try {
    mercator::report_fixture::write_fixture_database(argv[1]);
  } catch (const std::exception& error) {
    std::cerr << "make_fixture_database: " << error.what() << "\n";
    return 1;
  }
  return 0;
}
