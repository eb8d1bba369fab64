#pragma once
// Writes a file whole or not at all: into a temporary file beside it, then
// renamed over it, so a reader never sees half a report and a failure
// leaves the previous file (or none) in place.
#include <filesystem>
#include <string_view>

namespace mercator::report {

// Throws InputError when the file's directory does not exist or cannot be
// written; the temporary file is removed on any failure.
void write_file_atomically(const std::filesystem::path& file, std::string_view content);

}  // namespace mercator::report
