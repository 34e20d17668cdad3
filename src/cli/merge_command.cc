// `themescan merge PART.jsonl...`: the JSONL outputs of several runs (shards) -> one output, with
// the summary one run over all their documents would have given.
#include <cstring>
#include <fstream>
#include <string_view>
#include <iostream>
#include <optional>

#include <boost/program_options.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "output_file.h"
#include "terminal.h"
#include "themescan/inputs.h"
#include "themescan/render.h"
#include "themescan/summary.h"

namespace themescan::cli {
namespace po = boost::program_options;
namespace {

constexpr const char* kUsage =
    "Usage: themescan merge [OPTIONS] PART.jsonl...\n"
    "\n"
    "Combines the outputs of 'themescan --format jsonl' runs over different documents (shards)\n"
    "into one: the document and error records of every part, in the order the parts are given,\n"
    "then one summary record equal to the one a single run over all the documents would give\n"
    "(give the parts in input order for the same error order). A part may hold several runs\n"
    "(concatenated outputs). PART may be - for standard input.\n";

constexpr const char* kEpilog =
    "\n"
    "Exit status:\n"
    "  0  merged\n"
    "  1  a part could not be read, has a line that is not a themescan record, has no summary\n"
    "     record (an interrupted run), or was made with other lexicons; nothing is written\n"
    "  2  usage error, or the output could not be written\n"
    "\n"
    "Examples:\n"
    "  themescan merge part-*.jsonl > corpus.jsonl\n"
    "  themescan merge --format table part-*.jsonl\n";

struct MergeSettings {
  std::vector<std::string> parts;
  std::string format = "jsonl";
  std::string output;
  bool summary_only = false;
};

// The "record" member of a JSONL line ("" when there is none). Lines written by themescan start
// with it, which is checked first; anything else is parsed.
std::string record_type(const std::string& line) {
  static constexpr std::string_view kPrefix = "{\"record\":\"";
  if (line.compare(0, kPrefix.size(), kPrefix) == 0) {
    const std::size_t end = line.find('"', kPrefix.size());
    if (end != std::string::npos) return line.substr(kPrefix.size(), end - kPrefix.size());
  }
  const nlohmann::json record = nlohmann::json::parse(line, nullptr, false);
  const auto kind = record.is_object() ? record.find("record") : record.end();
  return kind != record.end() && kind->is_string() ? kind->get<std::string>() : std::string();
}

// Reads one part: passes document and error lines on to `records`, merges summaries into
// `summary`. Returns the number of summaries found, or an error naming the part and line.
Result<std::size_t> read_part(const std::string& part, std::optional<CorpusSummary>& summary,
                              std::string* records) {
  std::ifstream file;
  std::istream* in = &std::cin;
  const std::string shown = display_path(part);
  if (part != "-") {
    file.open(part, std::ios::binary);
    if (!file) {
      return Status(StatusCode::kIoError, fmt::format("{}: cannot open: {}", shown,
                                                      std::strerror(errno)));
    }
    in = &file;
  }
  std::size_t summaries = 0;
  std::string line;
  for (std::uint64_t number = 1; std::getline(*in, line); ++number) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const std::string where = fmt::format("{}:{}", shown, number);
    const std::string type = record_type(line);
    if (type.empty()) {
      return Status(StatusCode::kBadInput,
                    fmt::format("{}: not a themescan JSONL record (no \"record\" field; parts are "
                                "outputs of 'themescan --format jsonl')", where));
    }
    if (type == "document" || type == "error") {
      if (records) {
        *records += line;
        *records += '\n';
      }
    } else if (type == "summary") {
      Result<CorpusSummary> part_summary = CorpusSummary::from_json(line, where);
      if (!part_summary.ok()) return part_summary.status();
      if (!summary) {
        summary.emplace(std::move(*part_summary));
      } else if (Status status = summary->merge(*part_summary, where); !status.ok()) {
        return status;
      }
      ++summaries;
    } else {
      return Status(StatusCode::kBadInput, fmt::format("{}: unknown record type '{}'", where, type));
    }
  }
  if (in->bad()) return Status(StatusCode::kIoError, fmt::format("{}: read error", shown));
  if (summaries == 0) {
    return Status(StatusCode::kBadInput,
                  fmt::format("{}: no summary record (the run that wrote it did not finish?)", shown));
  }
  return summaries;
}

}  // namespace

int run_merge(const std::vector<std::string>& args) {
  MergeSettings s;
  po::options_description visible("Options");
  visible.add_options()
      ("format,f", po::value(&s.format)->value_name("FORMAT")->default_value("jsonl"),
       "jsonl (the records and the merged summary), json (the summary as one object, "
       "docs/schema/summary.schema.json) or table (the corpus overview)")
      ("summary-only", po::bool_switch(&s.summary_only),
       "jsonl: write only the merged summary record")
      ("output,o", po::value(&s.output)->value_name("FILE"),
       "write to FILE instead of standard output (replaced atomically)")
      ("help,h", "show this help");
  po::variables_map vm;
  if (!parse_command_line(args, visible, &s.parts, "themescan merge", &vm)) return kExitUsage;
  if (vm.count("help")) {
    std::cout << kUsage << visible << kEpilog;
    return kExitOk;
  }
  if (s.format != "jsonl" && s.format != "json" && s.format != "table") {
    print_error(fmt::format("merge: --format must be jsonl, json or table, not '{}'", s.format));
    return kExitUsage;
  }
  if (s.parts.empty()) {
    print_error("merge: no part given (see 'themescan merge --help')");
    return kExitUsage;
  }
  // First pass: check every part and merge the summaries, so nothing is written unless all
  // parts are good. Standard input cannot be read twice: its records are kept from this pass.
  std::optional<CorpusSummary> summary;
  std::string stdin_records;
  const bool pass_records = s.format == "jsonl" && !s.summary_only;
  for (const std::string& part : s.parts) {
    std::string* keep = pass_records && part == "-" ? &stdin_records : nullptr;
    Result<std::size_t> read = read_part(part, summary, keep);
    if (!read.ok()) {
      print_error(read.status().message());
      return kExitDocumentsFailed;
    }
  }
  OutputSink sink;
  Status status = sink.open(s.output);
  auto put = [&](std::string_view data) {
    if (status.ok()) status = sink.write(data);
  };
  if (s.format == "jsonl") {
    // Second pass: the records, streamed part by part.
    for (const std::string& part : s.parts) {
      if (!pass_records) break;
      if (part == "-") {
        put(stdin_records);
        continue;
      }
      std::ifstream in(part, std::ios::binary);
      std::string line;
      std::string chunk;
      while (status.ok() && std::getline(in, line)) {
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        if (record_type(line) == "summary") continue;
        chunk += line;
        chunk += '\n';
        if (chunk.size() >= (1u << 16)) put(chunk), chunk.clear();
      }
      put(chunk);
    }
    put(summary->to_json(-1, true));
  } else if (s.format == "json") {
    put(summary->to_json(2, false));
  } else {
    RenderOptions render;
    const bool to_file = !s.output.empty() && s.output != "-";
    render.width = to_file ? 100 : terminal_width(100);
    put(render_summary_table(*summary, render));
  }
  if (status.ok()) status = sink.commit();
  if (!status.ok()) {
    print_error(status.message());
    return kExitUsage;
  }
  return kExitOk;
}

}  // namespace themescan::cli
