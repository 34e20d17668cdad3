// `themescan [options] INPUT...`: the theme breakdown of one or more reports.
#include <iostream>
#include <sstream>

#include <boost/program_options.hpp>
#include <fmt/format.h>

#include "commands.h"
#include "output_file.h"
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
    "       themescan lexicons [--lexicons PATH]...\n"
    "\n"
    "Reads event reports (UTF-8 text) and prints which themes they cover, how strongly, and\n"
    "the evidence. INPUT is a file, a folder (searched recursively for .txt and .md files) or\n"
    "- for standard input.\n";

constexpr const char* kEpilog =
    "\n"
    "Exit status:\n"
    "  0  every input was analysed\n"
    "  1  some inputs could not be analysed (missing, unreadable, binary, not UTF-8, a folder\n"
    "     without reports); the others were, and their results are in the output\n"
    "  2  usage error, lexicon error, or the output could not be written\n"
    "\n"
    "Examples:\n"
    "  themescan corpus/01_digital-partners-forum.txt\n"
    "  themescan --format json -o result.json corpus/\n"
    "  themescan --lexicons my-themes/ --themes talent,research report.txt\n";

struct Settings {
  std::vector<std::string> inputs;
  std::vector<std::string> lexicons;
  std::string reporting_verbs;
  std::string format = "table";
  std::string output;
  std::string color = "auto";
  std::string themes;
  std::size_t top = 0;
  std::size_t min_hits = 1;
  bool evidence = false;
  bool fold_accents = false;
  bool no_quotes = false;
  bool quiet = false;
};

// The options shown by --help; the positional inputs are added separately (hidden).
po::options_description make_options(Settings& s) {
  po::options_description output("Output");
  output.add_options()
      ("format,f", po::value(&s.format)->value_name("FORMAT")->default_value("table"),
       "table (for people) or json (docs/schema/document.schema.json)")
      ("output,o", po::value(&s.output)->value_name("FILE"),
       "write to FILE instead of standard output; a regular file is replaced atomically, so it "
       "is never left half-written")
      ("top", po::value(&s.top)->value_name("N")->default_value(0),
       "show at most N themes (0: all)")
      ("min-hits", po::value(&s.min_hits)->value_name("N")->default_value(1),
       "show only themes with at least N hits (0 also shows themes without hits)")
      ("themes", po::value(&s.themes)->value_name("IDS"),
       "show only these themes (comma-separated ids, see 'themescan lexicons')")
      ("evidence,e", po::bool_switch(&s.evidence),
       "table: list every hit in its context (JSON always has the evidence)")
      ("color", po::value(&s.color)->value_name("WHEN")->default_value("auto"),
       "auto, always or never; auto colours a terminal unless NO_COLOR is set")
      ("no-quotes", po::bool_switch(&s.no_quotes),
       "do not look for quotes, speakers or reported speech")
      ("quiet,q", po::bool_switch(&s.quiet), "do not print warnings");
  po::options_description lexicon("Lexicons");
  lexicon.add_options()
      ("lexicons,l", po::value(&s.lexicons)->value_name("PATH")->composing(),
       "load lexicons from PATH (a .lex file or a folder of them; repeatable) instead of the "
       "built-in ones; the format is in lexicons/README.md")
      ("reporting-verbs", po::value(&s.reporting_verbs)->value_name("FILE"),
       "attribute quotes with the reporting verbs, pronouns and role words of FILE instead of "
       "the built-in lexicons/reporting.verbs (format in lexicons/README.md)")
      ("fold-accents", po::bool_switch(&s.fold_accents),
       "ignore accents and other combining marks when matching (localización = localizacion)");
  po::options_description general("General");
  general.add_options()
      ("help,h", "show this help")
      ("version,V", "show the versions of themescan, ICU, RE2, fmt and nlohmann_json");
  po::options_description visible;
  visible.add(output).add(lexicon).add(general);
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

}  // namespace

int run_analyze(const std::vector<std::string>& args) {
  Settings s;
  const po::options_description visible = make_options(s);
  po::options_description options;
  options.add(visible).add_options()("input", po::value(&s.inputs)->composing(), "input");
  po::positional_options_description positional;
  positional.add("input", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(options).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    print_error(std::string(e.what()) + " (see 'themescan --help')");
    return kExitUsage;
  }
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
  if (s.format != "table" && s.format != "json") {
    print_error(fmt::format("--format must be table or json, not '{}'", s.format));
    return kExitUsage;
  }
  if (s.inputs.empty()) {
    print_error("no input: give a report file, a folder or - for standard input "
                "(see 'themescan --help')");
    return kExitUsage;
  }

  Result<Tokenizer> tokenizer = Tokenizer::create();
  if (!tokenizer.ok()) {
    print_error(tokenizer.status().message());
    return kExitUsage;
  }
  Result<Lexicon> lexicon = load_lexicons(s.lexicons, *tokenizer);
  if (!lexicon.ok()) {
    print_error(lexicon.status().message());
    return kExitUsage;
  }
  RenderOptions render;
  render.top = s.top;
  render.min_hits = s.min_hits;
  render.themes = split_ids(s.themes);
  render.evidence = s.evidence;
  for (const std::string& id : render.themes) {
    if (lexicon->find(id) < 0) {
      print_error(fmt::format("unknown theme '{}' in --themes (see 'themescan lexicons')", id));
      return kExitUsage;
    }
  }
  const bool to_file = !s.output.empty() && s.output != "-";
  render.color = s.format == "table" && use_color(color_mode, to_file);
  render.width = to_file ? 100 : terminal_width(100);

  Result<AttributionLexicon> words = s.reporting_verbs.empty()
                                         ? AttributionLexicon::builtin(*tokenizer)
                                         : AttributionLexicon::load(s.reporting_verbs, *tokenizer);
  if (!words.ok()) {
    print_error(words.status().message());
    return kExitUsage;
  }
  Result<Analyzer> analyzer =
      Analyzer::create(std::move(*lexicon), std::move(*tokenizer),
                       {.fold_accents = s.fold_accents, .quotes = !s.no_quotes}, std::move(*words));
  if (!analyzer.ok()) {
    print_error(analyzer.status().message());
    return kExitUsage;
  }

  std::vector<DocumentResult> results;
  std::vector<FailedInput> failures;
  for (const InputItem& item : expand_inputs(s.inputs)) {
    if (!item.error.ok()) {
      print_error(item.error.message());
      failures.push_back({item.path, item.error.message()});
      continue;
    }
    Result<std::string> bytes = read_input(item.path);
    if (!bytes.ok()) {
      print_error(bytes.status().message());
      failures.push_back({item.path, bytes.status().message()});
      continue;
    }
    Result<DocumentResult> result = analyzer->analyze(item.path, *bytes);
    if (!result.ok()) {
      const std::string message =
          fmt::format("{}: {}", display_path(item.path), result.status().message());
      print_error(message);
      failures.push_back({item.path, message});
      continue;
    }
    if (!s.quiet) {
      for (const std::string& warning : result->warnings) {
        print_error(fmt::format("{}: warning: {}", display_path(item.path), warning));
      }
    }
    results.push_back(std::move(*result));
  }

  const bool single = s.inputs.size() == 1 && results.size() + failures.size() == 1;
  std::string out;
  if (s.format == "json") {
    if (single && results.size() == 1) {
      out = render_json(results.front(), analyzer->lexicon(), render);
    } else if (!single) {
      out = render_json_corpus(results, failures, analyzer->lexicon(), render);
    }
  } else {
    for (std::size_t i = 0; i < results.size(); ++i) {
      if (i > 0) out += "\n";
      out += render_table(results[i], analyzer->lexicon(), render);
    }
  }
  if (!out.empty() || (!single && !results.empty())) {
    if (Status status = write_output(s.output, out); !status.ok()) {
      print_error(status.message());
      return kExitUsage;
    }
  }
  return failures.empty() ? kExitOk : kExitDocumentsFailed;
}

}  // namespace themescan::cli
