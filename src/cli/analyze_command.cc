// `themescan [options] INPUT...`: the theme breakdown of one or more reports.
#include <algorithm>
#include <limits>
#include <filesystem>
#include <iostream>
#include <thread>
#include <sstream>

#include <boost/program_options.hpp>
#include <fmt/format.h>

#include "commands.h"
#include "output_file.h"
#include "run_documents.h"
#include "terminal.h"
#include "themescan/analyzer.h"
#include "themescan/inputs.h"
#include "themescan/render.h"
#include "themescan/version.h"

namespace themescan::cli {
namespace po = boost::program_options;
namespace {

constexpr const char* kUsage =
    "Usage: themescan [OPTIONS] INPUT...\n"
    "       themescan merge [OPTIONS] PART.jsonl...\n"
    "       themescan lexicons [--lexicons PATH]...\n"
    "       themescan lexicons convert INPUT... FOLDER\n"
    "       themescan kwic [OPTIONS] PATTERN|--theme ID INPUT...\n"
    "       themescan suggest --theme ID [OPTIONS] INPUT... [--reference INPUT...]\n"
    "       themescan lint [--corpus INPUT]... [LEXICON...]\n"
    "\n"
    "Reads event reports (plain text, Markdown, HTML, PDF, DOCX) and prints which themes they\n"
    "cover, how strongly, the evidence, and who said what. INPUT is a file, a folder (searched\n"
    "recursively for .txt, .md, .html, .htm, .pdf and .docx files) or - for standard input; a\n"
    ".jsonl or .csv file is a feed of documents (one per line or row). One file gives its\n"
    "breakdown; several inputs or a folder give the\n"
    "documents and a corpus summary. 'themescan merge --help' combines the JSONL outputs of\n"
    "several runs.\n";

constexpr const char* kEpilog =
    "\n"
    "Exit status:\n"
    "  0  every input was analysed\n"
    "  1  some inputs could not be analysed (missing, unreadable, binary, over --max-bytes,\n"
    "     invalid in their encoding, a damaged or scanned PDF, HTML or DOCX file, a folder\n"
    "     without reports, a bad JSONL line or CSV row); the others were, and the output has\n"
    "     their results\n"
    "     and an error record for each failure\n"
    "  2  usage error, lexicon error, or the output could not be written\n"
    "  130  interrupted (Ctrl-C); a file given with -o is left as it was\n"
    "\n"
    "Examples:\n"
    "  themescan corpus/01_digital-partners-forum.txt\n"
    "  themescan --format json -o result.json corpus/\n"
    "  themescan --format jsonl -j 4 corpus/ > corpus.jsonl\n"
    "  themescan --format csv --csv-table quotes corpus/ > quotes.csv\n"
    "  themescan --format html -o report.html corpus/\n"
    "  themescan --format sqlite -o corpus.db corpus/\n"
    "  themescan --input-format jsonl --format jsonl feed.jsonl\n"
    "  themescan report.pdf page.html notes.docx\n"
    "  themescan --text-column body --id-column id --date-column published articles.csv\n"
    "  themescan --lexicons my-themes/ --themes talent,research report.txt\n";

struct Settings {
  std::vector<std::string> inputs;
  std::vector<std::string> lexicons;
  std::vector<std::string> include;
  std::vector<std::string> exclude;
  std::string reporting_verbs;
  std::string gazetteer;
  std::string format = "table";
  std::string csv_table = "themes";
  std::string input_format = "auto";
  CsvColumns csv;
  std::string output;
  std::string color = "auto";
  std::string themes;
  std::string encoding;
  std::string max_bytes = "1G";
  std::size_t top = 0;
  std::size_t min_hits = 1;
  std::size_t max_quotes = 25;
  std::uint32_t level = 0;
  unsigned jobs = 0;
  bool per_document = false;
  bool evidence = false;
  bool fold_accents = false;
  bool count_names = false;
  bool no_quotes = false;
  bool no_fast_path = false;
  bool quiet = false;
  bool include_text = false;
};

// The options shown by --help; the positional inputs are added separately (hidden).
po::options_description make_options(Settings& s) {
  po::options_description input("Input");
  input.add_options()
      ("input-format", po::value(&s.input_format)->value_name("FORMAT")->default_value("auto"),
       "auto (by each file's extension, else its content), text (plain text or Markdown), html "
       "(web pages: the article's text, without navigation, scripts, banners and footers), pdf "
       "(the text layer, page by page; hits and quotes carry their page), docx (Word), jsonl "
       "(each INPUT is a JSON Lines feed: one document per line with \"text\" and optional "
       "\"id\", \"date\", \"title\", \"source\") or csv (each INPUT is a CSV or TSV file: one "
       "document per row, see --text-column). In auto mode .jsonl/.ndjson files are JSONL feeds "
       "and .csv/.tsv files CSV feeds; folders give their .txt, .md, .html, .htm, .pdf and "
       ".docx files (only the given format's files with another --input-format)")
      ("text-column", po::value(&s.csv.text)->value_name("COLUMN")->default_value("text"),
       "csv: the column with each document's text, by header name or 1-based number")
      ("id-column", po::value(&s.csv.id)->value_name("COLUMN"),
       "csv: the column with the document id (default: FILE:LINE)")
      ("date-column", po::value(&s.csv.date)->value_name("COLUMN"),
       "csv: the column with the document date (ISO 8601)")
      ("title-column", po::value(&s.csv.title)->value_name("COLUMN"), "csv: the title column")
      ("source-column", po::value(&s.csv.source)->value_name("COLUMN"), "csv: the source column")
      ("include", po::value(&s.include)->value_name("GLOB")->composing(),
       "in folders, take the files matching GLOB instead of those of the input format "
       "(repeatable)")
      ("exclude", po::value(&s.exclude)->value_name("GLOB")->composing(),
       "leave out files and folders matching GLOB (repeatable); a GLOB with '/' matches the "
       "path below the folder given")
      ("encoding", po::value(&s.encoding)->value_name("NAME"),
       "read the inputs as NAME (windows-1251, koi8-r, iso-8859-1, utf-16le, ... any name ICU "
       "knows) instead of finding out: a byte-order mark (UTF-8, UTF-16, UTF-32), else UTF-8 "
       "when the bytes are valid UTF-8, else ICU's guess among legacy encodings (the output "
       "gives the encoding and its confidence; an unsure guess is a warning)")
      ("max-bytes", po::value(&s.max_bytes)->value_name("SIZE")->default_value("1G"),
       "skip, with an error, an input larger than SIZE bytes (K, M and G suffixes: 1024-based; "
       "at most 2G)")
      ("jobs,j", po::value(&s.jobs)->value_name("N")->default_value(0),
       "analyse with N threads (0: one per core); the output is the same for every N")
      ("no-fast-path", po::bool_switch(&s.no_fast_path),
       "segment words with ICU only, not with themescan's faster path for plain text (the "
       "output is the same; for comparison and checking)");
  po::options_description output("Output");
  output.add_options()
      ("format,f", po::value(&s.format)->value_name("FORMAT")->default_value("table"),
       "table (for people), json (one object; docs/schema/), jsonl (one line per document as it "
       "is done, then a summary line), csv (long format, see --csv-table), html (a "
       "self-contained page to open, print or send: highlighted text, charts, quotes) or sqlite "
       "(a database for dashboards, needs -o FILE; docs/sqlite-schema.md)")
      ("csv-table", po::value(&s.csv_table)->value_name("TABLE")->default_value("themes"),
       "csv: themes (a row per document and theme), quotes or speakers")
      ("output,o", po::value(&s.output)->value_name("FILE"),
       "write to FILE instead of standard output; a regular file is replaced atomically, so it "
       "is never left half-written")
      ("per-document", po::bool_switch(&s.per_document),
       "table: for a corpus, print each document's breakdown before the corpus overview")
      ("top", po::value(&s.top)->value_name("N")->default_value(0),
       "show at most N themes (0: all)")
      ("min-hits", po::value(&s.min_hits)->value_name("N")->default_value(1),
       "show only themes with at least N hits (0 also shows themes without hits); the corpus "
       "summary in JSON always has every theme")
      ("level", po::value(&s.level)->value_name("N")->default_value(0),
       "show only themes nested at most N levels deep (security is level 1, security/privacy "
       "level 2; a theme's hits include those of the themes nested in it); 0: all")
      ("themes", po::value(&s.themes)->value_name("IDS"),
       "show only these themes (comma-separated ids, see 'themescan lexicons')")
      ("evidence,e", po::bool_switch(&s.evidence),
       "table: list every hit in its context (JSON always has the evidence); a hit inside a "
       "name is marked {name} (see --count-names)")
      ("max-quotes", po::value(&s.max_quotes)->value_name("N")->default_value(25),
       "table: list at most N quotes and N speakers per document, then '... and K more' (0: "
       "all; JSON, JSONL and CSV always have every one)")
      ("color", po::value(&s.color)->value_name("WHEN")->default_value("auto"),
       "auto, always or never; auto colours a terminal unless NO_COLOR is set")
      ("include-text", po::bool_switch(&s.include_text),
       "json, jsonl: add each document's text (decoded to UTF-8) as \"text\"; every span in the "
       "output is a [begin, end) byte range of that text")
      ("no-quotes", po::bool_switch(&s.no_quotes),
       "do not look for quotes, speakers or reported speech")
      ("quiet,q", po::bool_switch(&s.quiet),
       "do not print warnings or the progress bar (errors are still printed)");
  po::options_description lexicon("Lexicons");
  lexicon.add_options()
      ("lexicons,l", po::value(&s.lexicons)->value_name("PATH")->composing(),
       "load lexicons from PATH (a .lex file or a folder of them, or a LIWC .dic, LIWC-22 "
       ".dicx or quanteda .yml dictionary; repeatable) instead of the built-in ones; the "
       "formats are in lexicons/README.md")
      ("reporting-verbs", po::value(&s.reporting_verbs)->value_name("FILE"),
       "attribute quotes with the reporting verbs, pronouns and role words of FILE instead of "
       "the built-in lexicons/reporting.verbs (format in lexicons/README.md)")
      ("gazetteer", po::value(&s.gazetteer)->value_name("FILE"),
       "take the names of places (never speakers) from FILE instead of the built-in "
       "lexicons/places.words (same format)")
      ("fold-accents", po::bool_switch(&s.fold_accents),
       "ignore accents and other combining marks when matching (localización = localizacion)")
      ("count-names", po::bool_switch(&s.count_names),
       "count the theme hits inside the names of organisations, places and people (the "
       "'Cooperation' of 'Center for Global IT Cooperation', 'Gulf Cooperation Council') like any "
       "other hit, in every figure and format; by default they are evidence only (\"in_name\": "
       "true in JSON, {name} after the hit with --evidence) and count nowhere");
  po::options_description general("General");
  general.add_options()
      ("help,h", "show this help")
      ("version,V", "show the versions of themescan, ICU, RE2, fmt and nlohmann_json");
  po::options_description visible;
  visible.add(input).add(output).add(lexicon).add(general);
  return visible;
}

std::vector<std::string> split_ids(const std::string& text) {
  std::vector<std::string> ids;
  std::stringstream stream(text);
  for (std::string id; std::getline(stream, id, ',');) {
    if (!id.empty()) ids.push_back(id);
  }
  return ids;
}

// "1048576", "512K", "100M", "1G" (1024-based) -> bytes; false when it is not a size.
bool parse_size(const std::string& text, std::uint64_t* bytes) {
  if (text.empty() || text.front() < '0' || text.front() > '9') return false;
  std::size_t used = 0;
  unsigned long long value = 0;
  try {
    value = std::stoull(text, &used);
  } catch (const std::exception&) {
    return false;
  }
  const std::string suffix = text.substr(used);
  int shift = 0;
  if (suffix == "K" || suffix == "k") shift = 10;
  else if (suffix == "M" || suffix == "m") shift = 20;
  else if (suffix == "G" || suffix == "g") shift = 30;
  else if (!suffix.empty()) return false;
  if (value > (std::numeric_limits<std::uint64_t>::max() >> shift)) return false;
  *bytes = static_cast<std::uint64_t>(value) << shift;
  return true;
}

bool is_folder(const std::string& path) {
  std::error_code ec;
  return path != "-" && std::filesystem::is_directory(path, ec);
}

}  // namespace

int run_analyze(const std::vector<std::string>& args) {
  Settings s;
  const po::options_description visible = make_options(s);
  po::variables_map vm;
  if (!parse_command_line(args, visible, &s.inputs, "themescan", &vm)) return kExitUsage;
  if (vm.count("help")) {
    std::cout << kUsage << visible << kEpilog;
    return kExitOk;
  }
  if (vm.count("version")) {
    std::cout << version_report();
    return kExitOk;
  }
  ColorMode color_mode;
  if (!parse_color_mode(s.color, &color_mode)) {
    print_error(fmt::format("--color must be auto, always or never, not '{}'", s.color));
    return kExitUsage;
  }
  RunSettings run;
  if (!parse_output_format(s.format, &run.format)) {
    print_error(fmt::format("--format must be table, json, jsonl, csv, html or sqlite, not '{}'",
                            s.format));
    return kExitUsage;
  }
  if (run.format == OutputFormat::kSqlite && (s.output.empty() || s.output == "-")) {
    print_error("--format sqlite writes a database file: give it with -o FILE (such as -o corpus.db)");
    return kExitUsage;
  }
  if (!parse_csv_table(s.csv_table, &run.csv_table)) {
    print_error(fmt::format("--csv-table must be themes, quotes or speakers, not '{}'",
                            s.csv_table));
    return kExitUsage;
  }
  const std::optional<InputFormat> input_format = parse_input_format(s.input_format);
  if (!input_format) {
    print_error(fmt::format("--input-format must be auto, text, html, pdf, docx, jsonl or csv, "
                            "not '{}'",
                            s.input_format));
    return kExitUsage;
  }
  if (s.csv.text.empty()) {
    print_error("--text-column must name a column");
    return kExitUsage;
  }
  if (!parse_size(s.max_bytes, &run.max_bytes) || run.max_bytes == 0 ||
      run.max_bytes > kMaxDocumentBytes) {
    print_error(fmt::format("--max-bytes must be a size from 1 byte to 2G (such as 500M), not '{}'",
                            s.max_bytes));
    return kExitUsage;
  }
  if (!s.encoding.empty()) {
    if (Status status = check_encoding_name(s.encoding); !status.ok()) {
      print_error(fmt::format("--encoding: {}", status.message()));
      return kExitUsage;
    }
  }
  if (s.inputs.empty()) {
    print_error("no input: give a report file, a folder or - for standard input "
                "(see 'themescan --help')");
    return kExitUsage;
  }

  Result<Tokenizer> tokenizer = Tokenizer::create({.fast_path = !s.no_fast_path});
  if (!tokenizer.ok()) {
    print_error(tokenizer.status().message());
    return kExitUsage;
  }
  Result<Lexicon> lexicon = load_lexicons(s.lexicons, *tokenizer, s.quiet);
  if (!lexicon.ok()) {
    print_error(lexicon.status().message());
    return kExitUsage;
  }
  RenderOptions& render = run.render;
  render.top = s.top;
  render.min_hits = s.min_hits;
  render.max_level = s.level;
  render.themes = split_ids(s.themes);
  render.evidence = s.evidence;
  render.include_text = s.include_text;
  render.max_quotes = s.max_quotes;
  for (const std::string& id : render.themes) {
    if (lexicon->find(id) < 0) {
      print_error(fmt::format("unknown theme '{}' in --themes (see 'themescan lexicons')", id));
      return kExitUsage;
    }
  }
  const bool to_file = !s.output.empty() && s.output != "-";
  render.color = run.format == OutputFormat::kTable && use_color(color_mode, to_file);
  render.width = to_file ? 100 : terminal_width(100);

  Result<AttributionLexicon> words =
      AttributionLexicon::load(s.reporting_verbs, s.gazetteer, *tokenizer);
  if (!words.ok()) {
    print_error(words.status().message());
    return kExitUsage;
  }
  Result<Analyzer> analyzer =
      Analyzer::create(std::move(*lexicon), std::move(*tokenizer),
                       {.fold_accents = s.fold_accents,
                        .quotes = !s.no_quotes,
                        .count_names = s.count_names,
                        .decode = {.encoding = s.encoding}},
                       std::move(*words));
  if (!analyzer.ok()) {
    print_error(analyzer.status().message());
    return kExitUsage;
  }

  run.input_format = *input_format;
  run.csv_columns = s.csv;
  const InputFormat first_format =
      *input_format != InputFormat::kAuto ? *input_format
                                          : detect_input_format(s.inputs.front(), {});
  run.single = first_format != InputFormat::kJsonl && first_format != InputFormat::kCsv &&
               s.inputs.size() == 1 && !is_folder(s.inputs.front());
  run.per_document = s.per_document;
  run.quiet = s.quiet;
  run.threads = s.jobs != 0 ? s.jobs : std::max(1u, std::thread::hardware_concurrency());
  InputOptions input_options;
  input_options.include = s.include;
  input_options.exclude = s.exclude;
  input_options.extensions = folder_extensions(*input_format);
  return run_documents(*analyzer, s.inputs, input_options, run, s.output);
}

}  // namespace themescan::cli
