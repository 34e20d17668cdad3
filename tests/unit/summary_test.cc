// The corpus summary: figures, speakers and months across documents, the density sketch, and
// that merging shards gives exactly the summary of one pass over all documents.
#include "themescan/summary.h"

#include <cmath>

#include "test_util.h"
#include "themescan/analyzer.h"

using namespace themescan;

namespace {

Analyzer make_analyzer() {
  Lexicon lexicon = testutil::make_lexicon(std::vector<testutil::LexFile>{
      {"a.lex", "@theme alpha\nclimate*\n"}, {"b.lex", "@theme beta\nwater\n"}});
  Result<Analyzer> analyzer =
      Analyzer::create(std::move(lexicon), *Tokenizer::create(), AnalyzerOptions{});
  REQUIRE(analyzer.ok());
  return std::move(*analyzer);
}

// Three small reports: two dated in their first line, one without a date or a hit.
const char* const kDocs[] = {
    "Berlin, 6 June 2025\n\nClimate and water were discussed. Climate again.\n\n"
    "“Water is life,” said Anna Berg, Director of the Water Agency.\n",
    "Paris, 1 July 2025\n\nWater, water everywhere.\n\n“Climate money is late,” Anna Berg said.\n",
    "Nothing to see here at all.\n",
};

DocumentResult analyze(const Analyzer& analyzer, int i) {
  Result<DocumentResult> r = analyzer.analyze("d" + std::to_string(i), kDocs[i]);
  REQUIRE(r.ok());
  return std::move(*r);
}

}  // namespace

TEST_CASE("summary: documents, themes, co-occurrence, months and speakers") {
  const Analyzer analyzer = make_analyzer();
  CorpusSummary s(analyzer.lexicon());
  for (int i = 0; i < 3; ++i) s.add(analyze(analyzer, i));
  s.add_error("bad.txt", "bad.txt: binary file, skipped");
  CHECK(s.documents == 3);
  CHECK(s.dated == 2);
  CHECK(s.quotes == 2);
  CHECK(s.errors.size() == 1);
  REQUIRE(s.themes.size() == 2);
  const SummaryTheme& alpha = s.themes[0];
  const SummaryTheme& beta = s.themes[1];
  CHECK(alpha.id == "alpha");
  // alpha: "Climate" twice in d1, "Climate" once in d2's quote; beta: water 2 in d1, 2 in d2
  // ("Water Agency" is a name: its "Water" is evidence, not counted).
  CHECK(alpha.documents == 2);
  CHECK(alpha.hits == 3);
  CHECK(beta.documents == 2);
  CHECK(beta.hits == 4);
  CHECK(alpha.terms.at("climate*") == 3);
  CHECK(s.both(0, 1) == 2);
  CHECK(s.both(0, 0) == 2);
  REQUIRE(s.months.size() == 2);
  CHECK(s.months.begin()->first == "2025-06");
  CHECK(s.months.at("2025-06").documents == 1);
  CHECK(s.months.at("2025-06").theme_hits == std::vector<std::uint64_t>{2, 2});
  CHECK(s.months.at("2025-07").theme_hits == std::vector<std::uint64_t>{1, 2});
  REQUIRE(s.speakers.count("Anna Berg") == 1);
  const SummarySpeaker& anna = s.speakers.at("Anna Berg");
  CHECK(anna.documents == 2);
  CHECK(anna.quotes == 2);
  CHECK(SummarySpeaker::most_frequent(anna.roles) == "Director");
  CHECK(SummarySpeaker::most_frequent(anna.affiliations) == "Water Agency");
  CHECK(anna.themes.at("alpha") == 1);
  CHECK(anna.themes.at("beta") == 1);
  // Mean density over the documents touched, exact: d1 has 22 words (numbers count), d2 14.
  CHECK(s.words == 22 + 14 + 6);
  CHECK(beta.mean_per_1k() == doctest::Approx((2000.0 / 22 + 2000.0 / 14) / 2).epsilon(1e-9));
  // The lower median of two values is the smaller one, exactly (the extremes are kept).
  CHECK(beta.median_per_1k() == 2000.0 / 22);
}

TEST_CASE("summary: merged shards equal one pass, through JSON") {
  const Analyzer analyzer = make_analyzer();
  CorpusSummary whole(analyzer.lexicon());
  CorpusSummary first(analyzer.lexicon());
  CorpusSummary second(analyzer.lexicon());
  for (int i = 0; i < 3; ++i) {
    whole.add(analyze(analyzer, i));
    (i == 0 ? first : second).add(analyze(analyzer, i));
  }
  whole.add_error("x", "x: no such file or folder");
  second.add_error("x", "x: no such file or folder");
  Result<CorpusSummary> a = CorpusSummary::from_json(first.to_json(-1, true), "a.jsonl:3");
  Result<CorpusSummary> b = CorpusSummary::from_json(second.to_json(-1, true), "b.jsonl:5");
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  REQUIRE(a->merge(*b, "b.jsonl:5").ok());
  CHECK(a->to_json(-1, true) == whole.to_json(-1, true));
  CHECK(a->to_json(2, false) == whole.to_json(2, false));
  // Round trip of a summary on its own.
  Result<CorpusSummary> again = CorpusSummary::from_json(whole.to_json(2, false), "w");
  REQUIRE(again.ok());
  CHECK(again->to_json(2, false) == whole.to_json(2, false));
}

TEST_CASE("summary: merging summaries of other lexicons, and bad summaries, fail clearly") {
  const Analyzer analyzer = make_analyzer();
  CorpusSummary s(analyzer.lexicon());
  const Lexicon other = testutil::make_lexicon("@theme alpha\nclimate\n");
  CorpusSummary t(other);
  const Status status = s.merge(t, "p2.jsonl:4");
  CHECK(status.code() == StatusCode::kBadInput);
  CHECK(status.message() ==
        "p2.jsonl:4: made with other lexicons than the first summary (theme ids or hashes "
        "differ); summaries can only be merged with the same lexicons");
  CHECK(CorpusSummary::from_json("{}", "p.jsonl:3").status().message() ==
        "p.jsonl:3: not a valid summary: missing 'schema'");
  CHECK(CorpusSummary::from_json("{\"schema\": 1}", "p.jsonl:3").status().message() ==
        "p.jsonl:3: not a valid summary: 'schema' must be a string");
  std::string line = s.to_json(-1, false);
  line.replace(line.find("\"documents\":0"), 13, "\"documents\":-1");
  CHECK(CorpusSummary::from_json(line, "p:1").status().message() ==
        "p:1: not a valid summary: 'documents' must be a non-negative integer");
  CHECK(CorpusSummary::from_json("{\"schema\"", "p:1").status().message().rfind(
            "p:1: not a valid summary: [json.exception.parse_error", 0) == 0);
}

TEST_CASE("summary: hits inside names count as the analyzer counted them, and merge only alike") {
  Lexicon lexicon = testutil::make_lexicon(std::vector<testutil::LexFile>{
      {"a.lex", "@theme alpha\nclimate*\n"}, {"b.lex", "@theme beta\nwater\n"}});
  AnalyzerOptions options;
  options.count_names = true;
  Result<Analyzer> counting = Analyzer::create(std::move(lexicon), *Tokenizer::create(), options);
  REQUIRE(counting.ok());
  CorpusSummary with(counting->lexicon(), true);
  for (int i = 0; i < 3; ++i) with.add(analyze(*counting, i));
  CHECK(with.themes[1].hits == 5);  // the "Water" of the Water Agency counts too
  CHECK(with.to_json(-1, false).find("\"count_names\":true") != std::string::npos);

  const Analyzer plain = make_analyzer();
  CorpusSummary without(plain.lexicon());
  without.add(analyze(plain, 0));
  CHECK(without.themes[1].hits == 2);
  CHECK_THROWS_AS(without.add(analyze(*counting, 1)), std::logic_error);
  Result<CorpusSummary> part = CorpusSummary::from_json(with.to_json(-1, true), "p.jsonl:9");
  REQUIRE(part.ok());
  CHECK(part->count_names);
  const Status status = without.merge(*part, "p.jsonl:9");
  CHECK(status.code() == StatusCode::kBadInput);
  CHECK(status.message() ==
        "p.jsonl:9: made with --count-names and the first summary without it; summaries can "
        "only be merged when they count hits inside names alike");
  // A summary from before names were told apart counted every hit.
  std::string old = without.to_json(-1, false);
  old.erase(old.find("\"count_names\":false,"), 20);
  Result<CorpusSummary> legacy = CorpusSummary::from_json(old, "old.jsonl:1");
  REQUIRE(legacy.ok());
  CHECK(legacy->count_names);
}

TEST_CASE("quantile sketch: within its relative accuracy, exact counts, mergeable") {
  QuantileSketch empty;
  CHECK(empty.quantile(0.5) == 0);
  QuantileSketch all, low, high;
  for (int v = 1; v <= 100; ++v) {
    all.add(v);
    (v <= 50 ? low : high).add(v);
  }
  CHECK(all.count() == 100);
  const double median = all.quantile(0.5);  // lower median: the 50th value
  CHECK(std::abs(median - 50.0) / 50.0 <= QuantileSketch::kRelativeAccuracy);
  CHECK(all.quantile(1.0) == 100.0);
  CHECK(all.quantile(0.0) == 1.0);
  CHECK(std::abs(all.quantile(0.25) - 25.0) / 25.0 <= QuantileSketch::kRelativeAccuracy);
  low.merge(high);
  CHECK(low.bins == all.bins);
  QuantileSketch zeros;
  zeros.add(0);
  zeros.add(0);
  zeros.add(7);
  CHECK(zeros.quantile(0.5) == 0);
  CHECK(zeros.quantile(1.0) == 7.0);
  QuantileSketch one;
  one.add(500.0);
  CHECK(one.quantile(0.5) == 500.0);
}
