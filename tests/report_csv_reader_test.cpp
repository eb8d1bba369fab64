// The report's CSV reader: RFC 4180 as the run writer quotes it, and a
// clear error (file, line, column, what was expected) for every malformed
// record.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "io/run_directory.hpp"
#include "report/csv_reader.hpp"
#include "temp_directory.hpp"

namespace mercator {
namespace {

using report::CsvError;
using report::CsvReader;

std::vector<std::vector<std::string>> all_records(CsvReader& reader) {
  std::vector<std::vector<std::string>> records;
  while (reader.next()) records.push_back(reader.fields());
  return records;
}

// The message of the CsvError that reading all of text throws.
std::string error_of(const std::string& text) {
  try {
    CsvReader reader(text, "in.csv");
    all_records(reader);
  } catch (const CsvError& error) {
    return error.what();
  }
  return "no error";
}

TEST(ReportCsvReader, ReadsQuotedCommasQuotesAndLineBreaks) {
  CsvReader reader("a,b,c\n1,\"x,y\",\"he said \"\"hi\"\"\"\r\n2,\"two\nlines\",\n3,,last\n",
                   "in.csv");
  EXPECT_EQ(reader.header(), (std::vector<std::string>{"a", "b", "c"}));
  ASSERT_TRUE(reader.next());
  EXPECT_EQ(reader.fields(), (std::vector<std::string>{"1", "x,y", "he said \"hi\""}));
  EXPECT_EQ(reader.line(), 2u);
  ASSERT_TRUE(reader.next());
  EXPECT_EQ(reader.fields(), (std::vector<std::string>{"2", "two\nlines", ""}));
  EXPECT_EQ(reader.line(), 3u);
  ASSERT_TRUE(reader.next());
  EXPECT_EQ(reader.fields(), (std::vector<std::string>{"3", "", "last"}));
  EXPECT_EQ(reader.line(), 5u);  // the quoted line break counts
  EXPECT_FALSE(reader.next());
}

TEST(ReportCsvReader, ReadsBackWhatTheRunWriterQuotes) {
  const std::vector<std::string> fields = {
      "plain", "a,b", "say \"x\"",    "two\nlines",          "",
      "\"",    ",",   "crlf\r\nhere", "label, with \"both\""};
  std::string header;
  std::string record;
  for (size_t k = 0; k < fields.size(); ++k) {
    header += (k ? "," : "") + std::string("c") + std::to_string(k);
    record += (k ? "," : "") + csv_field(fields[k]);
  }
  CsvReader reader(header + "\n" + record + "\n", "round-trip");
  ASSERT_TRUE(reader.next());
  EXPECT_EQ(reader.fields(), fields);
  EXPECT_FALSE(reader.next());
}

TEST(ReportCsvReader, AcceptsAFileWithoutAFinalLineBreak) {
  CsvReader reader("a,b\n1,2", "in.csv");
  ASSERT_TRUE(reader.next());
  EXPECT_EQ(reader.fields(), (std::vector<std::string>{"1", "2"}));
  EXPECT_FALSE(reader.next());
}

TEST(ReportCsvReader, RejectsARecordWithTheWrongFieldCount) {
  EXPECT_EQ(error_of("a,b,c\n1,2,3\n4,5\n"),
            "in.csv:3: found 2 fields; expected 3, as in the header");
  EXPECT_EQ(error_of("a,b\n1,2\n\n"), "in.csv:3: found 1 fields; expected 2, as in the header");
}

TEST(ReportCsvReader, RejectsAQuoteThatIsNeverClosed) {
  EXPECT_EQ(error_of("a,b\n1,\"open\n2,3\n"),
            "in.csv:2:3: a quoted field is never closed; expected a closing quote");
}

TEST(ReportCsvReader, RejectsAQuoteInsideAnUnquotedField) {
  EXPECT_EQ(error_of("a,b\n1,x\"y\n"),
            "in.csv:2:4: a quote inside an unquoted field; expected the whole field quoted, with "
            "quotes doubled");
}

TEST(ReportCsvReader, RejectsTextAfterAClosingQuote) {
  EXPECT_EQ(error_of("a,b\n\"x\"y,2\n"),
            "in.csv:2:4: text after a closing quote; expected a comma or the end of the line");
}

TEST(ReportCsvReader, RejectsALoneCarriageReturn) {
  EXPECT_EQ(error_of("a,b\n1,2\r3,4\n"),
            "in.csv:2:4: a carriage return not followed by a line feed; expected \\r\\n or \\n");
}

TEST(ReportCsvReader, RejectsAnEmptyFile) {
  EXPECT_EQ(error_of(""),
            "in.csv:1:1: the file is empty; expected a header line naming the columns");
}

TEST(ReportCsvReader, NamesTheHeaderWhenAColumnIsMissing) {
  CsvReader reader("day,date\n0,2010-01-01\n", "metrics.csv");
  EXPECT_EQ(reader.require_column("date"), 1u);
  EXPECT_EQ(reader.find_column("market"), -1);
  try {
    reader.require_column("market");
    FAIL() << "no error";
  } catch (const InputError& error) {  // a CsvError is an InputError: exit code 2
    EXPECT_STREQ(error.what(),
                 "metrics.csv:1: no column 'market' in the header (day,date); expected one");
  }
}

TEST(ReportCsvReader, FieldErrorsNameLineColumnAndValue) {
  CsvReader reader("day,value\n0,1.5\n1,abc\n", "m.csv");
  ASSERT_TRUE(reader.next());
  ASSERT_TRUE(reader.next());
  try {
    reader.fail_field(1, "not a number", "a number");
    FAIL() << "no error";
  } catch (const CsvError& error) {
    EXPECT_STREQ(error.what(), "m.csv:3: column 'value' = 'abc': not a number; expected a number");
  }
}

class ReportCsvFileTest : public TempDirectoryTest {
 protected:
  ReportCsvFileTest() : TempDirectoryTest("report-csv") {}
};

TEST_F(ReportCsvFileTest, ReadsAWholeSmallTable) {
  const std::string path = write("events.csv", "day,type\n0,launch\n3,\"a, b\"\n");
  const report::CsvTable table = report::read_csv_table(path);
  EXPECT_EQ(table.header, (std::vector<std::string>{"day", "type"}));
  ASSERT_EQ(table.rows.size(), 2u);
  EXPECT_EQ(table.rows[1], (std::vector<std::string>{"3", "a, b"}));
}

TEST_F(ReportCsvFileTest, AMissingFileIsAnInputError) {
  const std::string path = (directory_ / "absent.csv").string();
  try {
    report::read_csv_table(path);
    FAIL() << "no error";
  } catch (const InputError& error) {
    EXPECT_EQ(std::string(error.what()), path + ": cannot open; expected a readable CSV file");
  }
}

}  // namespace
}  // namespace mercator
