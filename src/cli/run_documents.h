// Analysing a list of inputs (files, folders' files, JSONL feeds) on worker threads and writing
// the results in one output format, in input order, with a progress bar on a terminal.
#pragma once

#include <string>
#include <vector>

#include "themescan/analyzer.h"
#include "themescan/csv_input.h"
#include "themescan/extract.h"
#include "themescan/inputs.h"
#include "themescan/render.h"

namespace themescan::cli {

enum class OutputFormat { kTable, kJson, kJsonl, kCsv, kHtml, kSqlite };

// "table", "json", "jsonl", "csv", "html" or "sqlite".
bool parse_output_format(const std::string& name, OutputFormat* format);

struct RunSettings {
  OutputFormat format = OutputFormat::kTable;
  CsvTable csv_table = CsvTable::kThemes;
  RenderOptions render;
  InputFormat input_format = InputFormat::kAuto;  // kAuto: by each file's name and content
  CsvColumns csv_columns;     // CSV input: the columns to read
  bool single = false;        // one report file: its breakdown, no corpus summary
  bool per_document = false;  // table: each document's breakdown before the overview
  bool quiet = false;         // no warnings, no progress bar
  unsigned threads = 1;
  std::uint64_t max_bytes = std::uint64_t{1} << 30;  // larger inputs are skipped with an error
};

// Analyses the documents of `inputs` (expanded as inputs.h says, or JSONL feeds) and writes the
// output to `output` ("" or "-": standard output; sqlite needs a file). Returns the
// exit code: 0, 1 when an input failed (its error is in the output and on standard error), 2
// when the output cannot be written, 130 when interrupted by SIGINT or SIGTERM (then a file
// given as `output` is left as it was).
int run_documents(const Analyzer& analyzer, const std::vector<std::string>& inputs,
                  const InputOptions& input_options, const RunSettings& settings,
                  const std::string& output);

}  // namespace themescan::cli
