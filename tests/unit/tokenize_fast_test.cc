// The word fast path (tokenize.h) against pure ICU: the token streams (spans and kinds), the
// sentences and the paragraphs must be identical, on every document we have and on random text
// mixing the characters the fast path handles with many it must leave to ICU.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "themescan/tokenize.h"

namespace fs = std::filesystem;
using themescan::Tokenizer;
using themescan::TokenizedText;

namespace {

const Tokenizer& tokenizer(bool fast) {
  static const Tokenizer with_fast =
      *Tokenizer::create({.fast_path = true, .skip_non_ascii_text = false});
  static const Tokenizer icu_only = *Tokenizer::create({.fast_path = false});
  return fast ? with_fast : icu_only;
}

// One line per token, sentence and paragraph, so a difference shows as the first differing line.
std::vector<std::string> describe(const TokenizedText& t, const std::string& text) {
  std::vector<std::string> out;
  for (const auto& w : t.words) {
    out.push_back("word " + std::to_string(w.span.begin) + "-" + std::to_string(w.span.end) +
                  " kind " + std::to_string(static_cast<int>(w.kind)) + " sentence " +
                  std::to_string(w.sentence) + " paragraph " + std::to_string(w.paragraph) +
                  (w.joins_prev ? " joins" : "") + (w.continues_word ? " continues" : "") + " [" +
                  std::string(w.span.slice(text)) + "]");
  }
  for (const auto& s : t.sentences) {
    out.push_back("sentence " + std::to_string(s.begin) + "-" + std::to_string(s.end));
  }
  for (const auto& p : t.paragraphs) {
    out.push_back("paragraph " + std::to_string(p.begin) + "-" + std::to_string(p.end));
  }
  for (const auto& f : t.furniture) {
    out.push_back("furniture " + std::to_string(f.begin) + "-" + std::to_string(f.end));
  }
  return out;
}

// Checks one text; returns false (after reporting the first difference) when the paths differ.
bool same(const std::string& text, const std::string& name) {
  const std::vector<std::string> fast = describe(tokenizer(true).tokenize(text), text);
  const std::vector<std::string> icu = describe(tokenizer(false).tokenize(text), text);
  if (fast == icu) return true;
  std::size_t i = 0;
  while (i < fast.size() && i < icu.size() && fast[i] == icu[i]) ++i;
  const std::string got = i < fast.size() ? fast[i] : "(end)";
  const std::string want = i < icu.size() ? icu[i] : "(end)";
  INFO(name);
  INFO("text (first 300 bytes): " << text.substr(0, 300));
  CHECK(got == want);
  return false;
}

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void check_folder(const fs::path& folder, std::size_t* files) {
  if (!fs::is_directory(folder)) return;
  for (const auto& entry : fs::recursive_directory_iterator(folder)) {
    if (!entry.is_regular_file()) continue;
    const std::string ext = entry.path().extension().string();
    if (ext != ".txt" && ext != ".md" && ext != ".jsonl") continue;
    same(read(entry.path()), entry.path().string());
    ++*files;
  }
}

}  // namespace

TEST_CASE("tokenizer fast path: identical to ICU on every corpus and test document") {
  const fs::path root = fs::path(THEMESCAN_SOURCE_DIR);
  std::size_t files = 0;
  check_folder(root / "corpus", &files);
  check_folder(root / "tests" / "data", &files);
  check_folder(root / "lexicons", &files);
  CHECK(files >= 12);
  // The project's shared evaluation data, when it is there (a fresh clone has none).
  const fs::path shared = root.parent_path() / "shared";
  if (fs::is_directory(shared)) {
    std::size_t shared_files = 0;
    check_folder(shared / "seeds", &shared_files);
    check_folder(shared / "eval", &shared_files);
    MESSAGE("also compared " << shared_files << " files of ../shared");
  } else {
    MESSAGE("../shared is absent: only the repository's documents were compared");
  }
}

TEST_CASE("tokenizer fast path: UAX #29 details") {
  for (const char* text :
       {"don't U.S. 1.50 1,000,000 a_b __ _ _1 1_ a:b a.b. e.g. 3.5.6 x'y 'quoted' R&D",
        "rock’n’roll Kuwait’s ’90s ‘quote’ “Hi,” she said — fine… no\u00A0break",
        "CR\r\nLF\n\nVT\vFF\f tab\there  two  spaces\r\rend", "a1b2 12ab ab12 1a.2 a.1 1.a 1,a",
        "café über naïve", "Россия 2025 года", "中文字符 and English", "e\u0301 a\u0301b",
        "smile 😀 flags 🇫🇷🇩🇪 zwj 👩\u200D💻 x",
        "Mr. Smith went. Dr. Who is here. U.S. Army. The U.S.A. is big. Ph.D. students came.",
        "See e.g. this. E.g. This one. I.e. That. Mrs. Brown. MR. X. HUMr. Smith at 9 a.m. Then",
        "Lt.Cdr. X and Hon.B.A. Y. U. Smith. Jan. 5 and No. 5. pp. 12 vs. Them. Prof. Y. End.",
        "Mr.  Two spaces. Mr.\nNew line. \"Quoted.\" Next. (Bracket.) Next! Really? yes. 3.5 is. a.b", "nnbsp 10\u202F000 soft\u00ADhyphen", "",
        " ", "'", "_", ".", "a", "1", "\u2019s", "‘", "x\u2028y\u0085z", "שלום עולם", "カタカナ"}) {
    same(text, "case");
  }
}

TEST_CASE("tokenizer fast path: every paragraph layout") {
  // The sentence iterator reads a copy of the text in which line breaks inside paragraphs and page
  // furniture are spaces: both paths must read the same copy.
  const std::string indented =
      "TALKS RESUME\n"
      "    GENEVA, May 4 - Talks on the data accord resumed on Monday\n"
      "after a week's pause, U.S. officials said. \"We are close,\" one of\n"
      "them said.\n"
      "    Mr. Smith, who leads the delegation, declined to comment on the\n"
      "co-\n"
      "operation clause.\n";
  const std::string pdf =
      "The plan covers the national infra-\n"
      "structure and the registries, which since May have been run by the\n"
      "\n"
      "Page 1 of 2\n"
      "\f"
      "Annual Report 2023\n"
      "\n"
      "agency itself. Dr. Mensah chairs its board.\n"
      "\n"
      "Page 2 of 2\n"
      "\f";
  const std::string blank =
      "A first paragraph that goes on\nover two lines.\n\nA second one,\nalso.\n";
  const std::string crlf = "  Mr.\r\nJones said so.\r\n  The end\r\nof it.\r\n";
  for (const std::string& text : {indented, pdf, blank, crlf}) same(text, "layout");
  CHECK(tokenizer(true).tokenize(indented).layout == themescan::Layout::kIndented);
  CHECK(tokenizer(true).tokenize(pdf).layout == themescan::Layout::kPdf);
}

TEST_CASE("tokenizer fast path: random mixed-script text") {
  static const std::vector<std::string> handled = {
      "a", "Z", "word", "The", "U", "S", "e", "g", "0", "7", "42", "1.5", "_", ".", ",", ";", ":",
      "'", "\"", "!", "?", "-", "(", ")", "[", "&", "/", "#", "@", "%", " ", " ", "  ", "\n",
      "\r\n", "\r", "\t", "\v", "\f", "\u2019", "\u2018", "\u201C", "\u201D", "\u2013", "\u2014",
      "\u2026", "\u00A0", "Mr.", "Mrs.", "U.S.", "U.S.A.", "Ph.D.", "e.g.", "E.g.", "a.m.",
      "Lt.Cdr.", "No.", "Inc.", "St.", "Dr.", "Jan.", "Smith", "The", "the", " ", ". ", "! ",
      "? ", ".\" ", ".) "};
  static const std::vector<std::string> unhandled = {
      "é", "ß", "Ä", "ñ", "д", "Мир", "α", "中", "文字", "ไทย", "\u0301", "\u200D", "\u200B",
      "😀", "🇫", "🇷", "\u202F", "\u00AD", "\u0085", "\u2028", "א", "カ", "ｶ", "１", "\u00B7",
      "\uFF0E", "\u2024", "\u05F4", "\u3000", "\u2060", "\uFEFF", "\u0661", "\u00BD"};
  // THEMESCAN_RANDOM_CASES and THEMESCAN_RANDOM_SEED allow longer runs (bench/speed.py does one).
  const char* cases_env = std::getenv("THEMESCAN_RANDOM_CASES");
  const char* seed_env = std::getenv("THEMESCAN_RANDOM_SEED");
  const int cases = cases_env ? std::atoi(cases_env) : 20000;
  std::mt19937 rng(seed_env ? static_cast<unsigned>(std::atol(seed_env)) : 20251128u);
  std::uniform_int_distribution<std::size_t> length(1, 40);
  std::vector<std::string> pieces = handled;
  pieces.insert(pieces.end(), unhandled.begin(), unhandled.end());
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<int> ascii_only(0, 3);
  std::size_t failures = 0;
  for (int n = 0; n < cases && failures < 5; ++n) {
    std::string text;
    const bool plain = ascii_only(rng) == 0;  // a quarter of the cases stay in the fast path
    const std::size_t count = length(rng);
    for (std::size_t i = 0; i < count; ++i) {
      std::size_t p = pick(rng);
      while (plain && p >= handled.size()) p = pick(rng);
      text += pieces[p];
    }
    if (!same(text, "random #" + std::to_string(n))) ++failures;
  }
  CHECK(failures == 0);
}
