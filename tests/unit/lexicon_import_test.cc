// Importing LIWC .dic, LIWC-22 .dicx and quanteda YAML dictionaries (lexicon_import.h), and
// loading the real ones in ../shared/eval/dictionaries when they are there.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include <doctest/doctest.h>

#include "test_util.h"
#include "themescan/analyzer.h"
#include "themescan/lexicon_import.h"

using namespace themescan;
namespace fs = std::filesystem;

namespace {

ImportedLexicon imported(const std::string& path, std::string_view content) {
  Result<ImportedLexicon> out = import_lexicon(path, content);
  REQUIRE_MESSAGE(out.ok(), out.status().message());
  return std::move(*out);
}

std::string import_error(const std::string& path, std::string_view content) {
  Result<ImportedLexicon> out = import_lexicon(path, content);
  REQUIRE_FALSE(out.ok());
  CHECK(out.status().code() == StatusCode::kLexiconError);
  return out.status().message();
}

// "id: entry, entry, ..." per theme, the entries as the .lex lines written.
std::vector<std::string> summary(const ImportedLexicon& lexicon) {
  std::vector<std::string> out;
  for (const ImportedTheme& theme : lexicon.themes) {
    std::string line = theme.id + ":";
    std::size_t at = 0;
    for (int header = 0; header < 3; ++header) at = theme.content.find('\n', at) + 1;
    for (std::size_t end; (end = theme.content.find('\n', at)) != std::string::npos; at = end + 1) {
      line += " " + theme.content.substr(at, end - at) + ",";
    }
    out.push_back(line);
  }
  return out;
}

// A dictionary written to a temporary file and loaded as --lexicons would.
Lexicon load_file(const std::string& name, const std::string& content) {
  const fs::path path = fs::temp_directory_path() / ("themescan-import-" + name);
  { std::ofstream(path, std::ios::binary) << content; }
  Result<Lexicon> lexicon = Lexicon::load({path.string()}, testutil::tokenizer());
  fs::remove(path);
  REQUIRE_MESSAGE(lexicon.ok(), lexicon.status().message());
  return std::move(*lexicon);
}

}  // namespace

TEST_CASE("import: LIWC .dic with the real-world variants") {
  const std::string dic =
      "%\r\n01\tPosemo\t\t\r\n02\tNegemo\r\n3 Social words\r\n9\tUnused\r\n%\r\n\r\n"
      "good\t\t01\r\n"            // double TAB
      "happ*\t01\t03\r\n"         // two categories
      "kind of\t01\r\n"           // multi-word
      "bad 2\r\n"                 // no TAB: the ids are the trailing numbers
      "like\t02 134/125/464/253(02 134)126\r\n"  // conditional: skipped
      "<of>\t03\r\n"              // conditional: skipped
      "good\t01\r\n"              // duplicate: skipped
      "friend*\t3\t77\t\t\r\n"    // "3" is "03"; 77 undeclared; stray TABs
      ":)\t01\r\n"                // no letters: a pattern
      "alone\r\n";                // no category
  const ImportedLexicon lexicon = imported("mini.dic", dic);
  CHECK(summary(lexicon) == std::vector<std::string>{
                                "posemo: good, happ*, kind of, re:\\:\\),",
                                "negemo: bad,",
                                "social-words: happ*, friend*,",
                            });
  CHECK(lexicon.warnings == std::vector<std::string>{
      "mini.dic:12: conditional entry 'like 02 134/125/464/253(02 134)126' (LIWC 2007 '<...>' or "
      "'(...)' syntax) is not supported; skipped",
      "mini.dic:13: conditional entry '<of> 03' (LIWC 2007 '<...>' or '(...)' syntax) is not "
      "supported; skipped",
      "mini.dic:14: duplicate term 'good' in category 'Posemo' (same as line 8); skipped",
      "mini.dic:15: category '77' of term 'friend*' is not declared in the header; ignored",
      "mini.dic:17: term 'alone' has no category; skipped",
      "mini.dic:5: category 'Unused' has no entries; skipped",
  });
  CHECK(lexicon.themes[0].origin == std::vector<std::uint32_t>{0, 2, 2, 8, 9, 10, 16});
  // The same with CR-only line endings (as some .dic files have).
  std::string cr = dic;
  for (std::size_t at; (at = cr.find("\r\n")) != std::string::npos;) cr.replace(at, 2, "\r");
  CHECK(summary(imported("cr.dic", cr)) == summary(lexicon));
}

TEST_CASE("import: .dic errors name the file and line") {
  CHECK(import_error("a.dic", "\n\nword\t1\n") ==
        "a.dic:3: a LIWC .dic file starts with a '%' line, then its categories, then '%'");
  CHECK(import_error("a.dic", "%\n1\tPos\nword\t1\n") == "a.dic:1: the category header has no closing '%' line");
  CHECK(import_error("a.dic", "%\n1\tPos\n01\tNeg\n%\n") == "a.dic:3: category id '01' is declared twice");
  CHECK(import_error("a.dic", "%\n1\n%\n") == "a.dic:2: category line '1' has no name");
}

TEST_CASE("import: LIWC-22 .dicx, weights and a near-miss CSV") {
  const ImportedLexicon dicx = imported(
      "w.dicx",
      "DicTerm,Data Protection,Threat\n"
      "privacy,X,\n"
      "\"breach, data\",x,2.5\n"   // a quoted comma: a phrase of its own
      "attack*,,X\n"
      "safe,0,-1\n"                // 0: not a member; negative: skipped
      "risk,maybe,X\n"             // neither X nor a number
      "leak|leaks,X,X,X\n");       // alternatives; an extra cell
  CHECK(summary(dicx) == std::vector<std::string>{
                             "data-protection: privacy, re:\\bbreach\\,\\s+data\\b, leak, leaks,",
                             "threat: re:\\bbreach\\,\\s+data\\b | 2.5, attack*, risk, leak, leaks,",
                         });
  CHECK(dicx.warnings == std::vector<std::string>{
      "w.dicx:5: negative weight -1 for 'safe' in 'Threat' is not supported; skipped",
      "w.dicx:6: cell 'maybe' in column 'Data Protection' is neither X nor a weight; ignored",
      "w.dicx:7: 4 cells, but the header has 3; the extra cells are ignored",
  });
  // A quoted cell may hold a line break (found by fuzzing): the term and the warning stay on one
  // line, and the converted file has one origin per line.
  const ImportedLexicon broken = imported("n.dicx", "DicTerm,A\n\"data\nprotection\",X\n\"da\nta\",X\n");
  CHECK(summary(broken) == std::vector<std::string>{"a: data protection, da ta,"});
  CHECK(broken.themes[0].origin.size() == 5);
  CHECK(import_error("e.dicx", "") == "e.dicx:1: no header row (DicTerm, then one column per category)");
  CHECK(import_error("bad.dicx", "DicTerm,A\nfoo,X\nba\xd8,X\n") == "bad.dicx:3: not valid UTF-8");
  CHECK(import_error("bad.yml", "a: [x]\nb: [\xff]\n") == "bad.yml:2: not valid UTF-8");
  CHECK(import_error("e.dicx", "DicTerm\nword\n") ==
        "e.dicx:1: the header needs a term column and at least one category column");
  CHECK(import_error("e.csv", "Concepts,A\n\"open,X\n") == "e.csv:2: a quoted cell is not closed");
}

TEST_CASE("import: quanteda YAML, nested keys and globs") {
  const ImportedLexicon yaml = imported(
      "geo.yml",
      "# comment\n"
      "AFRICA:\n"
      "  EAST:\n"
      "    'KE': [Kenya, Kenyan*, Nairobi, Kenya]\n"
      "    'NO': [N'Djamena, Côte d'Ivoire]\n"
      "EUROPE:\n"
      "  'CF': [Zentralafrikanische* Republik*, '*land', セントヘレナ**, 'a?c']\n");
  CHECK(summary(yaml) == std::vector<std::string>{
                             "africa/east/ke: Kenya, Kenyan*, Nairobi,",
                             "africa/east/no: N'Djamena, Côte d'Ivoire,",
                             "europe/cf: Zentralafrikanische* Republik*, re:[\\pL\\pN]*land\\b, "
                             "セントヘレナ*, re:\\ba[\\pL\\pN]c\\b,",
                         });
  CHECK(yaml.warnings == std::vector<std::string>{
                             "geo.yml:4: duplicate term 'Kenya' in category 'AFRICA/EAST/KE' (same "
                             "as line 4); skipped"});
  CHECK(import_error("bad.yml", "a: [x, y\nb: z\n").starts_with("bad.yml:"));
  CHECK(import_error("list.yml", "- a\n- b\n") ==
        "list.yml:1: a YAML dictionary is a map of categories (name: [terms])");
}

TEST_CASE("import: loading checks every entry and skips what cannot match") {
  // "Saint Barthelemy" and "Saint-Barthelemy" are one entry for themescan (a hyphen joins words
  // like a space): the second is dropped with a warning on its original line.
  const Lexicon lexicon = load_file("dup.yml", "'BL': [Saint Barthelemy, Gustavia,\n  Saint-Barthelemy]\n");
  REQUIRE(lexicon.themes().size() == 1);
  CHECK(lexicon.themes()[0].entries.size() == 2);
  CHECK(lexicon.themes()[0].entries[1].line == 1);
  REQUIRE(lexicon.warnings().size() == 1);
  CHECK(lexicon.warnings()[0].ends_with(
      "themescan-import-dup.yml:2: duplicate entry 'Saint-Barthelemy' (same as line 1); skipped"));
  // to_lex() writes a theme that parses back the same.
  const std::string lex = to_lex(lexicon.themes()[0], "test");
  CHECK(lex == "# test\n@theme bl\n@label BL\nSaint Barthelemy\nGustavia\n");
}

TEST_CASE("import: the real dictionaries in ../shared/eval/dictionaries") {
  const fs::path dir = fs::path(THEMESCAN_SOURCE_DIR).parent_path() / "shared/eval/dictionaries";
  if (!fs::is_directory(dir)) {
    MESSAGE("skipped: " << dir.string() << " is absent (evaluation data beside the repository)");
    return;
  }
  const auto load = [&](const char* name) {
    Result<Lexicon> lexicon = Lexicon::load({(dir / name).string()}, testutil::tokenizer());
    REQUIRE_MESSAGE(lexicon.ok(), lexicon.status().message());
    return std::move(*lexicon);
  };
  const auto entries = [](const Lexicon& l) {
    std::size_t n = 0;
    for (const Theme& t : l.themes()) n += t.entries.size();
    return n;
  };
  const auto hits = [](const Lexicon& l, const std::string& text) {
    Result<Analyzer> a = Analyzer::create(Lexicon::from_themes(l.themes()), *Tokenizer::create(), {});
    REQUIRE(a.ok());
    Result<DocumentResult> r = a->analyze("doc.txt", text);
    REQUIRE(r.ok());
    std::vector<std::pair<std::string, std::uint32_t>> out;
    for (const ThemeScore& s : r->themes) {
      if (s.hits > 0) out.emplace_back(l.themes()[s.theme].id, s.hits);
    }
    return out;
  };
  // J-MFD 2018r1 (LIWC .dic, Japanese): 11 categories, 758 term-category assignments.
  const Lexicon jmfd = load("j-mfd/J-MFD_2018r1.dic");
  CHECK(jmfd.themes().size() == 11);
  CHECK(entries(jmfd) == 758);
  CHECK(jmfd.warnings().empty());
  // 平和* 安全* 守る 保護* are HarmVirtue (01); 政府, 強化 are in no category.
  using Hits = std::vector<std::pair<std::string, std::uint32_t>>;
  CHECK(hits(jmfd, "平和と安全を守るために、政府は保護を強化した。\n") == Hits{{"harmvirtue", 4}});
  // J-MFD 2017: 877 assignments, one an exact duplicate (lines 601 and 610).
  const Lexicon jmfd2017 = load("j-mfd/J-MFD_2017.dic");
  CHECK(entries(jmfd2017) == 876);
  CHECK(jmfd2017.warnings().size() == 1);
  CHECK(jmfd2017.warnings()[0].ends_with(
      "J-MFD_2017.dic:610: duplicate term '無傷*' in category 'PurityVirtue' (same as line 601); skipped"));
  // Newsmap english.yml: 241 countries in 3 levels; 819 values, 2 the same as another for
  // themescan (Saint Barthelemy / Saint-Barthelemy, Port au Prince / Port-au-Prince).
  const Lexicon news = load("newsmap/english.yml");
  // 241 countries, and their 5 continents and 22 regions added as parents without entries.
  CHECK(news.themes().size() == 268);
  CHECK(std::count_if(news.themes().begin(), news.themes().end(),
                      [](const Theme& t) { return t.entries.empty(); }) == 27);
  CHECK(entries(news) == 817);
  CHECK(news.warnings().size() == 2);
  CHECK(hits(news, "Officials from Kenya met Kenyan delegates in Nairobi, then flew to Tokyo to "
                   "meet Japanese ministers. The US and UK sent observers.\n") ==
        Hits{{"africa", 3}, {"africa/east", 3}, {"africa/east/ke", 3}, {"asia", 2}, {"asia/east", 2},
             {"asia/east/jp", 2}, {"america", 1}, {"america/north", 1}, {"america/north/us", 1},
             {"europe", 1}, {"europe/north", 1}, {"europe/north/gb", 1}});
  // Vocabulate's CSV (header "Concepts", not "DicTerm"): 6 categories.
  const Lexicon aev = load("vocabulate/AEV_Dict.csv");
  CHECK(aev.themes().size() == 6);
}
