// Names of organisations, places and people (entity_names.h), with the shipped attribution
// lexicon, in sentences written like real reports and press releases.
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "test_util.h"
#include "themescan/analyzer.h"
#include "themescan/attribution_lexicon.h"
#include "themescan/entity_names.h"

using namespace themescan;

namespace {

const AttributionLexicon& shipped_words() {
  static const Result<AttributionLexicon> words = AttributionLexicon::builtin(testutil::tokenizer());
  REQUIRE_MESSAGE(words.ok(), words.status().message());
  return *words;
}

const char* kind_name(NameKind kind) {
  switch (kind) {
    case NameKind::kOrganisation: return "org";
    case NameKind::kPlace: return "place";
    case NameKind::kPerson: return "person";
  }
  return "?";
}

// "org:Center for Global IT Cooperation@62" for each name: kind, text and begin.
std::vector<std::string> names(std::string_view text, const AttributionLexicon& words = shipped_words()) {
  std::vector<std::string> out;
  for (const NameSpan& name : find_names(text, testutil::tokenizer().tokenize(text), words)) {
    out.push_back(std::string(kind_name(name.kind)) + ":" + std::string(name.span.slice(text)) + "@" +
                  std::to_string(name.span.begin));
  }
  return out;
}

using Names = std::vector<std::string>;

}  // namespace

TEST_CASE("names: English organisations in a report") {
  const std::string text =
      "On June 6, the session was held during the Global Digital Forum in Nizhny Novgorod, "
      "supported by the Center for Global IT Cooperation. Vadim Glushchenko, Director of the "
      "Center for Global IT Cooperation, took part. The session was moderated by Dmitry Fofanov, "
      "Digital Attaché of the Russian Trade Mission in the Republic of Cuba.";
  // Digital Attaché is a title before "of the Russian Trade Mission"; Nizhny Novgorod and the
  // Republic of Cuba are places of the gazetteer (lexicons/places.words).
  CHECK(names(text) == Names{"org:Global Digital Forum@43", "place:Nizhny Novgorod@67",
                             "org:Center for Global IT Cooperation@101",
                             "person:Vadim Glushchenko@135", "org:Center for Global IT Cooperation@170",
                             "person:Dmitry Fofanov@244", "org:Russian Trade Mission@284",
                             "place:Republic of Cuba@313"});
}

TEST_CASE("names: an organisation word ends the name or heads it") {
  CHECK(names("Ministers of the Gulf Cooperation Council met in Riyadh on Monday.") ==
        Names{"org:Gulf Cooperation Council@17"});
  CHECK(names("Daniel Yergin of Cambridge Energy Research Associates said prices would rise.") ==
        Names{"person:Daniel Yergin@0", "org:Cambridge Energy Research Associates@17"});
  CHECK(names("Shares of Security Pacific Corp. fell 3 percent.") == Names{"org:Security Pacific Corp@10"});
  // A capitalised word after the organisation word is not part of the name.
  CHECK(names("said Ohio State University Professor Paul Beck.") ==
        Names{"org:Ohio State University@5", "person:Professor Paul Beck@27"});
  // ... but other capitalised words are (a department of the institute; "Li" is no given name
  // the lexicon knows, so Li Wei is no person here).
  CHECK(names("Li Wei heads Urban Systems Research at the Pearl River Institute for Sustainable "
              "Cities.") == Names{"org:Urban Systems Research@13",
                                  "org:Pearl River Institute for Sustainable Cities@43"});
  // A short prefix hyphenated to a capitalised word belongs to the name.
  CHECK(names("Farida Yusupova, Chief Architect of the e-Government Centre in Tashkent, said") ==
        Names{"person:Farida Yusupova@0", "org:e-Government Centre@40"});
  // After a title and of/for without an article comes its portfolio, no organisation.
  CHECK(names("opened by Grace Mwangi, Minister for Digital Economy and Public Services of Kenya, "
              "and Jane Doe, Director of the Rwanda Digital Services Office.") ==
        Names{"person:Grace Mwangi@10", "person:Jane Doe@87", "org:Rwanda Digital Services Office@113"});
  // Of/for after the head take the capitalised words that follow, through lower-case joins.
  CHECK(names("a grant from the Ministry of Digital Development and Communications, it said") ==
        Names{"org:Ministry of Digital Development and Communications@17"});
  CHECK(names("researchers at the Center for Strategic and International Studies found") ==
        Names{"org:Center for Strategic and International Studies@19"});
  // "and the" starts a new phrase: two names.
  CHECK(names("The memorandum was signed by the Center for Global IT Cooperation and the Ministry "
              "of Finance.") ==
        Names{"org:Center for Global IT Cooperation@33", "org:Ministry of Finance@74"});
  // A possessive ends the name before it.
  CHECK(names("Russia’s Center for Global IT Cooperation is planning") ==
        Names{"org:Center for Global IT Cooperation@11"});
  // Lower-case words after the head are no name.
  CHECK(names("a center for global cooperation and the Council").empty());
  CHECK(names("The Council").empty());
}

TEST_CASE("names: Spanish, French and Portuguese organisations") {
  const std::string text =
      "El Ministerio de Transformación Digital y el Centro de Cooperación Internacional firmaron "
      "un acuerdo con el Consejo de Cooperación del Golfo.";
  CHECK(names(text) == Names{"org:Ministerio de Transformación Digital@3",
                             "org:Centro de Cooperación Internacional@46",
                             "org:Consejo de Cooperación del Golfo@110"});
  CHECK(names("selon l’Agence pour la Coopération Internationale du Québec, le projet") ==
        Names{"org:Agence pour la Coopération Internationale du Québec@10"});
  CHECK(names("o Ministério da Ciência, Tecnologia e Inovação anunciou") ==
        Names{"org:Ministério da Ciência@2"});
}

TEST_CASE("names: Russian organisations and their genitive chain") {
  const std::string text =
      "Директор Центра международного ИТ-сотрудничества Вадим Глущенко отметил, что "
      "Ассоциации разработчиков промышленного ПО Татарстана нужна поддержка.";
  const std::string centre = "Центра международного ИТ-сотрудничества";
  const std::string association = "Ассоциации разработчиков промышленного ПО Татарстана";
  // (Вадим Глущенко is a person when the lexicon knows Вадим: only the organisations here.)
  std::vector<std::string> organisations = names(text);
  std::erase_if(organisations, [](const std::string& n) { return !n.starts_with("org:"); });
  CHECK(organisations == Names{"org:" + centre + "@17",
                               "org:" + association + "@" + std::to_string(text.find(association))});
  // The chain ends at a preposition, a verb, punctuation, a quote and a nominative.
  CHECK(names("Министерство цифрового развития в Татарстане") == Names{"org:Министерство цифрового развития@0"});
  CHECK(names("Агентство стратегических инициатив провело форум") ==
        Names{"org:Агентство стратегических инициатив@0"});
  CHECK(names("Фонд развития ИТ-компаний провёл конкурс") == Names{"org:Фонд развития ИТ-компаний@0"});
  // A capitalised genitive (a place) closes the name: нужна is no part of it.
  CHECK(names("Ассоциации разработчиков ПО Татарстана нужна поддержка") ==
        Names{"org:Ассоциации разработчиков ПО Татарстана@0"});
  CHECK(names("Министерства науки и высшего образования России.") ==
        Names{"org:Министерства науки и высшего образования России@0"});
  CHECK(names("Центр и партнёры подписали соглашение").empty());
  CHECK(names("Центр «Сколково» открыт").empty());
  // Lower-case heads are common nouns (научного центра), not names.
  CHECK(names("работу научного центра международного сотрудничества").empty());
}

TEST_CASE("names: title-case headlines keep no organisation names") {
  // A headline of capitalised words: the run would swallow it, so nothing is taken.
  CHECK(names("Russia and Africa Strengthen Digital Cooperation Through New Center\n").empty());
  CHECK(names("Center for Global IT Cooperation Presents New Initiatives at the Forum\n"
              "The Center for Global IT Cooperation presented new initiatives.") ==
        Names{"org:Center for Global IT Cooperation@75"});
  // Three words are not a headline.
  CHECK(names("Gulf Cooperation Council\n") == Names{"org:Gulf Cooperation Council@0"});
}

TEST_CASE("names: multi-word gazetteer places") {
  Result<AttributionLexicon> words = AttributionLexicon::parse(
      "t.verbs",
      "@format 1\n@section verbs\nsaid\n@section organisations\ncouncil\n"
      "@section places\nnizhny novgorod | city\nrepublic of cuba | country\ncuba | country\n",
      testutil::tokenizer());
  REQUIRE(words.ok());
  CHECK(names("held in Nizhny Novgorod and in the Republic of Cuba; Cuba said", *words) ==
        Names{"place:Nizhny Novgorod@8", "place:Republic of Cuba@35"});
  // Places stay in a headline.
  CHECK(names("Digital Cooperation Grows In Nizhny Novgorod\n", *words) ==
        Names{"place:Nizhny Novgorod@29"});
}

TEST_CASE("names: hits inside a longer name") {
  const std::string text =
      "the Center for Global IT Cooperation said cooperation with the Smart Nation office grows";
  Lexicon lexicon = testutil::make_lexicon("@theme cooperation\ncooperat*\nsmart nation\n");
  std::vector<Hit> hits = testutil::match(lexicon, text);
  const TokenizedText tokens = testutil::tokenizer().tokenize(text);
  mark_hits_in_names(find_names(text, tokens, shipped_words()), hits);
  REQUIRE(hits.size() == 3);
  CHECK(hits[0].span.slice(text) == "Cooperation");
  CHECK(hits[0].in_name);
  CHECK(hits[1].span.slice(text) == "cooperation");
  CHECK_FALSE(hits[1].in_name);
  CHECK(hits[2].span.slice(text) == "Smart Nation");
  CHECK_FALSE(hits[2].in_name);  // lower-case "office": no name; and a hit as long as a name counts

  std::vector<Hit> whole = {{.span = {4, 36}}};
  mark_hits_in_names({{.span = {4, 36}}}, whole);
  CHECK_FALSE(whole[0].in_name);  // the whole name is the theme's own term
}

namespace {

Result<DocumentResult> analyze(std::string_view text, bool count_names, std::size_t block_bytes = 1 << 20) {
  Lexicon lexicon = testutil::make_lexicon("@theme cooperation\ncooperat*\n");
  AnalyzerOptions options;
  options.count_names = count_names;
  options.block_bytes = block_bytes;
  Result<Analyzer> analyzer = Analyzer::create(std::move(lexicon), *Tokenizer::create(), options);
  REQUIRE(analyzer.ok());
  return analyzer->analyze("t.txt", text);
}

const char* kReport =
    "Vadim Glushchenko, Director of the Center for Global IT Cooperation, spoke.\n"
    "“Cooperation with the Center for Global IT Cooperation matters,” Glushchenko said.\n"
    "Strategic cooperation grows.\n";

}  // namespace

TEST_CASE("names: the analyzer counts hits inside names only with count_names") {
  Result<DocumentResult> plain = analyze(kReport, false);
  REQUIRE(plain.ok());
  CHECK_FALSE(plain->names_counted);
  REQUIRE(plain->hits.size() == 4);
  CHECK(plain->hits[0].in_name);
  CHECK_FALSE(plain->hits[1].in_name);
  CHECK(plain->hits[2].in_name);
  CHECK_FALSE(plain->hits[3].in_name);
  const ThemeScore& theme = plain->themes.front();
  CHECK(theme.hits == 2);
  CHECK(theme.score == doctest::Approx(2.0));
  CHECK(theme.share == doctest::Approx(1.0));
  CHECK(theme.terms.front().count == 2);
  CHECK(theme.evidence.size() == 4);  // the hits in names stay as evidence
  const Quote& quote = plain->quotes.front();
  REQUIRE(quote.themes.size() == 1);
  CHECK(quote.themes.front().hits == 1);  // "Cooperation with", not the Center's name
  REQUIRE(quote.attribution.speaker >= 0);
  CHECK(plain->speakers[static_cast<std::size_t>(quote.attribution.speaker)].themes.front().hits == 1);

  Result<DocumentResult> counted = analyze(kReport, true);
  REQUIRE(counted.ok());
  CHECK(counted->names_counted);
  CHECK(counted->hits[0].in_name);  // still flagged, but counted
  CHECK(counted->themes.front().hits == 4);
  CHECK(counted->themes.front().terms.front().count == 4);
  CHECK(counted->quotes.front().themes.front().hits == 2);

  // In blocks (one per paragraph here) the names and counts are the same.
  Result<DocumentResult> blocks = analyze(kReport, false, 60);
  REQUIRE(blocks.ok());
  REQUIRE(blocks->hits.size() == plain->hits.size());
  for (std::size_t i = 0; i < blocks->hits.size(); ++i) {
    CHECK(blocks->hits[i].span == plain->hits[i].span);
    CHECK(blocks->hits[i].in_name == plain->hits[i].in_name);
  }
  CHECK(blocks->themes.front().hits == 2);
}
