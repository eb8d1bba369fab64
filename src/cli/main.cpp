#include "cli/cli.hpp"

int main(int argc, char** argv) { return mercator::run_cli(argc, argv); }
