// A large text is analysed in blocks (AnalyzerOptions::block_bytes) that end at paragraph
// breaks: the themes, hits and counts must be exactly those of one pass over the whole text.
#include <string>

#include <doctest/doctest.h>

#include "test_util.h"
#include "themescan/analyzer.h"

using namespace themescan;

namespace {

Analyzer make_analyzer(std::size_t block_bytes) {
  Lexicon lexicon = testutil::make_lexicon(std::vector<testutil::LexFile>{
      {"a.lex", "@theme talent\ntalent*\ndigital skills\n"},
      {"b.lex", "@theme sovereignty\nsovereignty\nre:data (?:centre|center)s?\n"}});
  AnalyzerOptions options;
  options.block_bytes = block_bytes;
  Result<Analyzer> analyzer = Analyzer::create(std::move(lexicon), *Tokenizer::create(), options);
  REQUIRE(analyzer.ok());
  return std::move(*analyzer);
}

// Paragraphs of about 150 bytes, each with a quote by one of two people and theme words.
std::string report(bool wrapped) {
  std::string text = "Forum on digital skills\n\n";
  for (int i = 0; i < 40; ++i) {
    const char* who = i % 2 == 0 ? "Vadim Glushchenko" : "Naima Díaz";
    text += "Paragraph " + std::to_string(i) + " on talent and data centres," +
            (wrapped ? "\nwrapped here. " : " one line. ") + "“Sovereignty needs digital skills,” said " +
            who + ".\n" + (wrapped ? "\n" : "");
  }
  return text;
}

void check_same(const DocumentResult& whole, const DocumentResult& blocks) {
  CHECK(blocks.counts.words == whole.counts.words);
  CHECK(blocks.counts.sentences == whole.counts.sentences);
  CHECK(blocks.counts.paragraphs == whole.counts.paragraphs);
  REQUIRE(blocks.hits.size() == whole.hits.size());
  for (std::size_t i = 0; i < whole.hits.size(); ++i) {
    CHECK(blocks.hits[i].span == whole.hits[i].span);
    CHECK(blocks.hits[i].sentence == whole.hits[i].sentence);
    CHECK(blocks.hits[i].theme == whole.hits[i].theme);
  }
  REQUIRE(blocks.themes.size() == whole.themes.size());
  for (std::size_t i = 0; i < whole.themes.size(); ++i) {
    CHECK(blocks.themes[i].theme == whole.themes[i].theme);
    CHECK(blocks.themes[i].hits == whole.themes[i].hits);
    CHECK(blocks.themes[i].score == whole.themes[i].score);
  }
}

}  // namespace

TEST_CASE("analyzer: blocks ending at paragraph breaks give the whole text's results") {
  for (const bool wrapped : {false, true}) {
    CAPTURE(wrapped);
    const std::string text = report(wrapped);
    const Result<DocumentResult> whole = make_analyzer(1 << 20).analyze("r.txt", text);
    const Result<DocumentResult> blocks = make_analyzer(400).analyze("r.txt", text);
    REQUIRE(whole.ok());
    REQUIRE(blocks.ok());
    CHECK(whole->counts.paragraphs == 41);
    CHECK(whole->hits.size() == 40 * 4 + 1);  // talent, data centres, sovereignty, digital skills
    check_same(*whole, *blocks);
    // Quotes are found in every block, with spans into the whole text, and the speakers of all
    // blocks are joined by name.
    REQUIRE(blocks->quotes.size() == 40);
    for (std::size_t i = 0; i < 40; ++i) {
      CHECK(blocks->quotes[i].span == whole->quotes[i].span);
      CHECK(blocks->quotes[i].span.slice(text) == "Sovereignty needs digital skills,");
      CHECK(blocks->quotes[i].paragraph == whole->quotes[i].paragraph);
      CHECK(blocks->speakers[static_cast<std::size_t>(blocks->quotes[i].attribution.speaker)].name ==
            (i % 2 == 0 ? "Vadim Glushchenko" : "Naima Díaz"));
    }
    REQUIRE(blocks->speakers.size() == 2);
    CHECK(blocks->speakers[0].quotes == 20);
    CHECK(blocks->speakers[0].mentions.size() == 20);
    CHECK(blocks->speakers[0].mentions[19].slice(text) == "Vadim Glushchenko");
    REQUIRE(!blocks->speakers[0].themes.empty());
    CHECK(blocks->speakers[0].themes[0].hits == 20);  // sovereignty, once per quote
  }
}

TEST_CASE("analyzer: a text without line breaks is cut at spaces") {
  std::string text;
  for (int i = 0; i < 300; ++i) text += "talent and sovereignty matter ";
  const Result<DocumentResult> whole = make_analyzer(1 << 20).analyze("line.txt", text);
  const Result<DocumentResult> blocks = make_analyzer(256).analyze("line.txt", text);
  REQUIRE(whole.ok());
  REQUIRE(blocks.ok());
  CHECK(whole->counts.words == 1200);
  CHECK(whole->hits.size() == 600);
  CHECK(blocks->counts.words == 1200);
  CHECK(blocks->hits.size() == 600);
  // One paragraph and one sentence, however many blocks.
  CHECK(whole->counts.paragraphs == 1);
  CHECK(blocks->counts.paragraphs == 1);
  CHECK(blocks->counts.sentences == 1);
}

TEST_CASE("analyzer: a long paragraph is cut after a sentence") {
  std::string text;
  for (int i = 0; i < 300; ++i) text += "Talent matters to sovereignty. ";
  const Result<DocumentResult> whole = make_analyzer(1 << 20).analyze("p.txt", text);
  const Result<DocumentResult> blocks = make_analyzer(256).analyze("p.txt", text);
  REQUIRE(whole.ok());
  REQUIRE(blocks.ok());
  CHECK(whole->counts.sentences == 300);
  CHECK(whole->counts.paragraphs == 1);
  check_same(*whole, *blocks);
  CHECK(blocks->hits.back().sentence == 299);
}

TEST_CASE("analyzer: blocks of wire copy (indented paragraphs) give the whole text's results") {
  // A long wire story: each paragraph's first line indented, no blank lines, and a quote that
  // runs over a line break in every paragraph.
  std::string text = "FORUM ON DIGITAL SKILLS OPENS IN NAIROBI\n";
  for (int i = 0; i < 40; ++i) {
    const char* who = i % 2 == 0 ? "Vadim Glushchenko" : "Naima Díaz";
    text += "    Paragraph " + std::to_string(i) + " of the report on talent and data centres\n" +
            "was filed today. \"Sovereignty needs digital skills and\n" +
            "engineers,\" said " + who + ".\n";
  }
  const Result<DocumentResult> whole = make_analyzer(1 << 20).analyze("wire.txt", text);
  const Result<DocumentResult> blocks = make_analyzer(400).analyze("wire.txt", text);
  REQUIRE(whole.ok());
  REQUIRE(blocks.ok());
  CHECK(whole->layout == Layout::kIndented);
  CHECK(blocks->layout == Layout::kIndented);
  CHECK(whole->counts.paragraphs == 41);
  CHECK(whole->counts.sentences == 81);  // the headline, then two sentences a paragraph
  // talent, data centres, sovereignty and digital skills in each paragraph, and the headline's
  // DIGITAL SKILLS
  CHECK(whole->hits.size() == 40 * 4 + 1);
  check_same(*whole, *blocks);
  REQUIRE(blocks->quotes.size() == 40);
  for (std::size_t i = 0; i < 40; ++i) {
    CHECK(blocks->quotes[i].span == whole->quotes[i].span);
    CHECK(blocks->quotes[i].span.slice(text) == "Sovereignty needs digital skills and\nengineers,");
    CHECK_FALSE(blocks->quotes[i].unclosed);
    CHECK(blocks->quotes[i].paragraph == i + 1);
    CHECK(blocks->speakers[static_cast<std::size_t>(blocks->quotes[i].attribution.speaker)].name ==
          (i % 2 == 0 ? "Vadim Glushchenko" : "Naima Díaz"));
  }
  CHECK(whole->warnings.empty());
}
