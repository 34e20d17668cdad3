// `themescan kwic PATTERN|--theme ID PATHS...`: keyword in context, like LIWC's contextualiser
// and quanteda's kwic(): every hit of one entry or theme with the words around it.
#include <iostream>

#include <boost/program_options.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "themescan/analyzer.h"
#include "themescan/csv.h"
#include "themescan/document.h"
#include "themescan/inputs.h"
#include "themescan/kwic.h"

namespace themescan::cli {
namespace po = boost::program_options;

namespace {

constexpr const char* kUsage =
    "Usage: themescan kwic [OPTIONS] PATTERN INPUT...\n"
    "       themescan kwic [OPTIONS] --theme ID INPUT...\n"
    "\n"
    "Lists every hit of PATTERN (one lexicon entry: a word, a stem such as sovereign*, a\n"
    "phrase, or re:REGEX; lexicons/README.md) or of a theme's entries, with the words around\n"
    "it, one line per hit: keyword in context. INPUT is a file, a folder or - as for\n"
    "'themescan'. Hits are found exactly as the analysis finds them (same matching and\n"
    "exclusions), so the lines explain a theme's count.\n"
    "\n"
    "Exit status, as grep's: 0 when there are hits, 1 when there are none (said on standard\n"
    "error) or some input could not be read, 2 for a usage or lexicon error.\n";

}  // namespace

int run_kwic(const std::vector<std::string>& args) {
  std::string theme_id, format = "table";
  std::vector<std::string> lexicons;
  std::size_t window = 5, width = 40;
  bool quiet = false;
  po::options_description options("Options");
  options.add_options()
      ("theme,t", po::value(&theme_id)->value_name("ID"),
       "show the hits of this theme's entries instead of a PATTERN")
      ("lexicons,l", po::value(&lexicons)->value_name("PATH")->composing(),
       "with --theme: the lexicons to take it from (default: the built-in ones)")
      ("window,w", po::value(&window)->value_name("N")->default_value(5),
       "words of context on each side (never across a paragraph)")
      ("width", po::value(&width)->value_name("N")->default_value(40),
       "table: at most N characters of context on each side")
      ("format,f", po::value(&format)->value_name("FORMAT")->default_value("table"),
       "table (aligned columns), json (an array of hits) or csv")
      ("quiet,q", po::bool_switch(&quiet), "do not print warnings")
      ("help,h", "show this help");
  po::variables_map vm;
  std::vector<std::string> operands;
  if (!parse_command_line(args, options, &operands, "themescan kwic", &vm)) return kExitUsage;
  if (vm.count("help")) {
    std::cout << kUsage << "\n" << options;
    return kExitOk;
  }
  if (format != "table" && format != "json" && format != "csv") {
    print_error(fmt::format("--format must be table, json or csv, not '{}'", format));
    return kExitUsage;
  }
  std::string pattern;
  if (theme_id.empty()) {
    if (operands.empty()) {
      print_error("kwic needs a PATTERN or --theme ID, then inputs (see 'themescan kwic --help')");
      return kExitUsage;
    }
    pattern = operands.front();
    operands.erase(operands.begin());
  }
  if (operands.empty()) {
    print_error("kwic needs at least one input (see 'themescan kwic --help')");
    return kExitUsage;
  }
  Result<Tokenizer> tokenizer = Tokenizer::create();
  if (!tokenizer.ok()) {
    print_error(tokenizer.status().message());
    return kExitUsage;
  }
  Result<Lexicon> lexicon = Status::Ok();
  const std::string source = "@theme kwic\n" + std::string(pattern.starts_with("#") || pattern.starts_with("@") ? "\\" : "") + pattern + "\n";
  if (theme_id.empty()) {
    lexicon = Lexicon::from_sources({{"pattern", source}}, *tokenizer);
    if (!lexicon.ok()) {
      const std::string message = lexicon.status().message();
      print_error(fmt::format("bad PATTERN '{}': {}", pattern, message.substr(message.find(": ") + 2)));
      return kExitUsage;
    }
  } else {
    lexicon = load_lexicons(lexicons, *tokenizer, quiet);
    if (!lexicon.ok()) {
      print_error(lexicon.status().message());
      return kExitUsage;
    }
  }
  const int theme = theme_id.empty() ? 0 : lexicon->find(theme_id);
  if (theme < 0) {
    print_error(fmt::format("unknown theme '{}' (see 'themescan lexicons')", theme_id));
    return kExitUsage;
  }
  const std::vector<Theme> themes = lexicon->themes();
  // The theme and every theme nested in it.
  std::vector<std::uint32_t> selected;
  for (std::uint32_t t = 0; t < themes.size(); ++t) {
    for (std::int32_t a = static_cast<std::int32_t>(t); a >= 0; a = themes[static_cast<std::size_t>(a)].parent) {
      if (a == theme) {
        selected.push_back(t);
        break;
      }
    }
  }
  Result<Analyzer> analyzer =
      Analyzer::create(std::move(*lexicon), *Tokenizer::create(), {.quotes = false, .decode = {}});
  if (!analyzer.ok()) {
    print_error(analyzer.status().message());
    return kExitUsage;
  }

  nlohmann::ordered_json json = nlohmann::ordered_json::array();
  std::string csv;
  if (format == "csv") {
    append_csv_row(csv, {"path", "line", "begin", "end", "entry", "left", "match", "right"});
    std::cout << csv;
  }
  std::size_t documents = 0, hits = 0;
  const bool ok = for_each_document(*analyzer, operands, [&](const DocumentResult& result) {
    ++documents;
    const TokenizedText tokens = tokenizer->tokenize(result.text);
    const std::vector<KwicLine> lines = kwic_lines(result.text, tokens, result.hits, selected, window);
    const std::string path = display_path(result.path);
    hits += lines.size();
    for (const KwicLine& k : lines) {
      const std::string match = collapse_spaces(k.match.slice(result.text));
      const std::string& entry = themes[k.theme].entries[k.entry].text;
      if (format == "json") {
        json.push_back({{"path", path}, {"line", k.line}, {"span", {k.match.begin, k.match.end}},
                        {"sentence", k.sentence}, {"entry", entry}, {"left", k.left},
                        {"match", match}, {"right", k.right}});
      } else if (format == "csv") {
        csv.clear();
        append_csv_row(csv, {path, std::to_string(k.line), std::to_string(k.match.begin),
                             std::to_string(k.match.end), entry, k.left, match, k.right});
        std::cout << csv;
      } else {
        std::cout << kwic_table_line(path, k, match, width);
      }
    }
  });
  if (format == "json") std::cout << json.dump(2) << "\n";
  if (hits == 0 && documents > 0) {
    std::cout.flush();
    std::cerr << fmt::format("themescan: no hits of {} in {} document{}\n",
                             theme_id.empty() ? fmt::format("'{}'", pattern)
                                              : fmt::format("theme '{}'", theme_id),
                             documents, documents == 1 ? "" : "s");
    return kExitDocumentsFailed;
  }
  return ok ? kExitOk : kExitDocumentsFailed;
}

}  // namespace themescan::cli
