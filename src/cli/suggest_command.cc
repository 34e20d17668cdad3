// `themescan suggest --theme ID INPUT... [--reference INPUT...]`: words and phrases to add to a
// theme, found by keyness in the text where the theme is strong (suggest.h).
#include <iostream>

#include <boost/program_options.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "themescan/csv.h"
#include "themescan/inputs.h"
#include "themescan/suggest.h"

namespace themescan::cli {
namespace po = boost::program_options;

namespace {

constexpr const char* kUsage =
    "Usage: themescan suggest --theme ID [OPTIONS] INPUT... [--reference INPUT...]\n"
    "\n"
    "Proposes new entries for a theme: the words and 2-3 word phrases over-represented in the\n"
    "sentences where the theme has hits, against the other sentences of INPUT, or against the\n"
    "--reference documents. Ranked by log-likelihood keyness (G2), with the log2 ratio of the\n"
    "relative frequencies as effect size, a RAKE phrase score, the counts and an example in\n"
    "context. Candidates that one of the theme's entries already matches are left out unless\n"
    "--all is given (then the entry is shown).\n";

}  // namespace

int run_suggest(const std::vector<std::string>& args) {
  std::string theme_id, format = "table";
  std::vector<std::string> lexicons, reference;
  SuggestOptions o;
  bool quiet = false;
  po::options_description options("Options");
  options.add_options()
      ("theme,t", po::value(&theme_id)->value_name("ID"), "the theme to grow (required)")
      ("reference,r", po::value(&reference)->value_name("INPUT")->multitoken()->composing(),
       "compare with these documents instead of the sentences of INPUT without the theme")
      ("lexicons,l", po::value(&lexicons)->value_name("PATH")->composing(),
       "the lexicons that hold the theme (default: the built-in ones)")
      ("top,n", po::value(&o.top)->value_name("N")->default_value(30), "at most N candidates")
      ("min-count", po::value(&o.min_count)->value_name("N")->default_value(3),
       "only candidates seen at least N times in the theme's sentences")
      ("max-words", po::value(&o.max_words)->value_name("N")->default_value(3),
       "longest phrase, in words (1 to 3)")
      ("all", po::bool_switch(&o.include_covered), "also list candidates an entry already matches")
      ("format,f", po::value(&format)->value_name("FORMAT")->default_value("table"),
       "table, json or csv")
      ("quiet,q", po::bool_switch(&quiet), "do not print warnings")
      ("help,h", "show this help");
  po::variables_map vm;
  std::vector<std::string> inputs;
  if (!parse_command_line(args, options, &inputs, "themescan suggest", &vm)) return kExitUsage;
  if (vm.count("help")) {
    std::cout << kUsage << "\n" << options;
    return kExitOk;
  }
  if (theme_id.empty() || inputs.empty()) {
    print_error("suggest needs --theme ID and at least one input (see 'themescan suggest --help')");
    return kExitUsage;
  }
  if (format != "table" && format != "json" && format != "csv") {
    print_error(fmt::format("--format must be table, json or csv, not '{}'", format));
    return kExitUsage;
  }
  if (o.max_words < 1 || o.max_words > 3) {
    print_error(fmt::format("--max-words must be 1, 2 or 3, not {}", o.max_words));
    return kExitUsage;
  }
  Result<Tokenizer> tokenizer = Tokenizer::create();
  if (!tokenizer.ok()) {
    print_error(tokenizer.status().message());
    return kExitUsage;
  }
  Result<Lexicon> lexicon = load_lexicons(lexicons, *tokenizer, quiet);
  if (!lexicon.ok()) {
    print_error(lexicon.status().message());
    return kExitUsage;
  }
  const int theme = lexicon->find(theme_id);
  if (theme < 0) {
    print_error(fmt::format("unknown theme '{}' (see 'themescan lexicons')", theme_id));
    return kExitUsage;
  }
  Result<Analyzer> analyzer =
      Analyzer::create(std::move(*lexicon), std::move(*tokenizer), {.quotes = false, .decode = {}});
  if (!analyzer.ok()) {
    print_error(analyzer.status().message());
    return kExitUsage;
  }
  KeynessCounter counter(*analyzer, static_cast<std::uint32_t>(theme));
  const bool separate = !reference.empty();
  bool ok = for_each_document(*analyzer, inputs,
                              [&](const DocumentResult& r) { counter.add(r, false, separate); });
  if (separate) {
    ok = for_each_document(*analyzer, reference, [&](const DocumentResult& r) { counter.add(r, true, true); }) && ok;
  }
  const std::vector<Suggestion> found = counter.suggestions(o);
  if (format == "json") {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const Suggestion& s : found) {
      out.push_back({{"candidate", s.text}, {"words", s.words}, {"g2", std::round(s.g2 * 100) / 100},
                     {"log_ratio", std::round(s.log_ratio * 100) / 100},
                     {"rake", std::round(s.rake * 100) / 100}, {"theme_count", s.theme_count},
                     {"reference_count", s.reference_count}, {"example", s.example},
                     {"covered_by", s.covered_by.empty() ? nlohmann::ordered_json(nullptr)
                                                         : nlohmann::ordered_json(s.covered_by)}});
    }
    std::cout << out.dump(2) << "\n";
  } else if (format == "csv") {
    std::string csv;
    append_csv_row(csv, {"candidate", "words", "g2", "log_ratio", "rake", "theme_count",
                         "reference_count", "covered_by", "example"});
    for (const Suggestion& s : found) {
      append_csv_row(csv, {s.text, std::to_string(s.words), fmt::format("{:.2f}", s.g2),
                           fmt::format("{:.2f}", s.log_ratio), fmt::format("{:.2f}", s.rake),
                           std::to_string(s.theme_count), std::to_string(s.reference_count),
                           s.covered_by, s.example});
    }
    std::cout << csv;
  } else {
    std::cout << fmt::format("theme {}: {} sentences with hits, {} reference sentences\n\n",
                             theme_id, counter.theme_sentences(), counter.reference_sentences());
    std::cout << fmt::format("{:<28} {:>7} {:>6} {:>5} {:>6} {:>6}  {}\n", "candidate", "G2",
                             "log2r", "RAKE", "theme", "ref", "example");
    for (const Suggestion& s : found) {
      std::cout << fmt::format("{:<28} {:>7.2f} {:>6.2f} {:>5.1f} {:>6} {:>6}  {}{}\n", s.text, s.g2,
                               s.log_ratio, s.rake, s.theme_count, s.reference_count, s.example,
                               s.covered_by.empty() ? "" : "  (covered by " + s.covered_by + ")");
    }
    if (found.empty()) std::cout << "no candidates (try a lower --min-count)\n";
  }
  return ok ? kExitOk : kExitDocumentsFailed;
}

}  // namespace themescan::cli
