// summary: what a corpus says as a whole, built one document at a time and mergeable.
//
// CorpusSummary::add(result) folds one analysed document in; add_error() records an input that
// failed. merge(other) folds in the summary of another run (a shard) over other documents, and
// the result is exactly what one run over all the documents would give: every figure is kept as
// integer counts (sums of densities and scores in fixed point, a DDSketch of the densities for
// the median) so addition order never changes a bit. Errors keep their order: merge shards in
// input order to get the single run's error list.
//
// What it holds (the JSON is docs/schema/summary.schema.json):
//   * totals: documents, failed inputs, bytes, words, direct quotes, indirect statements, dated
//     documents;
//   * per theme: documents touched (hits > 0), hits, summed score, per-1k density over the
//     documents touched (mean exact, median from the sketch, within 0.5%), pooled density
//     (1000 * hits / all words), hits per lexicon entry;
//   * co-occurrence: for each pair of themes, the documents in which both have hits;
//   * speakers merged across documents by name: only named people (not groups or unnamed
//     sources); names are compared exactly after white space is collapsed. Each has documents,
//     quotes, indirect statements, the roles, affiliations and countries given with their counts
//     (the most frequent is shown, ties to the smaller string), and hits per theme in what they
//     said;
//   * per month ("YYYY-MM" of the document date): documents, and documents and hits per theme;
//   * the failed inputs (path, message), and the lexicons' theme ids and hashes;
//   * whether hits inside names were counted (AnalyzerOptions::count_names): summaries counted
//     differently do not merge.
// Memory grows with the lexicon, the number of distinct speakers, months and failures, never
// with the number of documents. The display filters (--top, --themes, --min-hits) do not apply.
// Not thread-safe; build one per thread or feed it from one thread.
//
//   CorpusSummary summary(analyzer.lexicon());
//   for (auto& r : results) summary.add(r);
//   std::string line = summary.to_json(-1);                      // one JSONL line
//   Result<CorpusSummary> other = CorpusSummary::from_json(text, "part-2.jsonl:40");
//   if (Status s = summary.merge(*other); !s.ok()) report(s.message());
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "themescan/analyzer.h"
#include "themescan/lexicon.h"
#include "themescan/status.h"

namespace themescan {

inline constexpr const char* kSummarySchema = "themescan.summary/1";

// A mergeable quantile sketch of non-negative values (DDSketch): value v > 0 falls in bin
// ceil(log(v) / log(gamma)), gamma = (1 + a) / (1 - a), a = kRelativeAccuracy; quantiles are
// within a relative error a of the exact ones. Bins are counts, so merging is exact.
class QuantileSketch {
 public:
  static constexpr double kRelativeAccuracy = 0.005;

  void add(double value);
  void merge(const QuantileSketch& other);
  std::uint64_t count() const;
  // The q-quantile (0 <= q <= 1) as the lower of the two middle values for even counts at
  // q = 0.5 (rank floor(q * (count - 1))); 0 when empty. The smallest and largest values are
  // kept exactly, so the median of one or two values is exact, and estimates stay within them.
  double quantile(double q) const;

  std::uint64_t zeros = 0;                      // values <= 0 (counted as 0)
  double min = 0;                               // exact, when count() > 0
  double max = 0;
  std::map<std::int32_t, std::uint64_t> bins;   // bin index -> values
};

struct SummaryTheme {
  std::string id;
  std::string label;
  std::uint64_t documents = 0;
  std::uint64_t hits = 0;
  std::int64_t score_e4 = 0;    // sum of the documents' scores, in units of 1e-4
  std::int64_t per_1k_e6 = 0;   // sum of per-1k densities of the documents touched, in 1e-6
  QuantileSketch density;       // per-1k densities of the documents touched
  std::map<std::string, std::uint64_t> terms;  // entry text -> hits

  double mean_per_1k() const;
  double median_per_1k() const;
};

struct SummarySpeaker {
  std::string name;
  std::uint64_t documents = 0;
  std::uint64_t quotes = 0;
  std::uint64_t statements = 0;
  std::map<std::string, std::uint64_t> roles;
  std::map<std::string, std::uint64_t> affiliations;
  std::map<std::string, std::uint64_t> countries;
  std::map<std::string, std::uint64_t> themes;  // theme id -> hits in their quotes

  // The most frequent value of `counts` (ties: the smaller string); "" when empty.
  static std::string most_frequent(const std::map<std::string, std::uint64_t>& counts);
};

struct SummaryMonth {
  std::uint64_t documents = 0;
  std::vector<std::uint64_t> theme_documents;  // by theme index (CorpusSummary::themes order)
  std::vector<std::uint64_t> theme_hits;
};

struct SummaryError {
  std::string path;
  std::string message;
};

class CorpusSummary {
 public:
  // Themes, labels and hashes come from `lexicon`, in its order. add() reads the lexicon's
  // entries, so it must outlive the summary. `names_counted`: the documents' figures count hits
  // inside names (the analyzer's AnalyzerOptions::count_names).
  explicit CorpusSummary(const Lexicon& lexicon, bool names_counted = false);

  // `result` must come from an analyzer with the constructor's lexicon and count_names (a
  // mismatch throws std::logic_error). Not for summaries made by from_json (they have no
  // lexicon; merge them into one that has).
  void add(const DocumentResult& result);
  void add_error(std::string path, std::string message);

  // Fails (kBadInput, naming `other_name`) when the two were made with different lexicons or
  // count names differently.
  Status merge(const CorpusSummary& other, std::string_view other_name);

  // The summary as JSON (docs/schema/summary.schema.json): indent < 0 gives one line, as in
  // JSONL. `record` adds "record": "summary" first (for JSONL).
  std::string to_json(int indent, bool record) const;

  // Reads a summary written by to_json; `where` names it in errors ("part.jsonl:12").
  static Result<CorpusSummary> from_json(std::string_view json, std::string_view where);

  std::uint64_t documents = 0;
  std::uint64_t bytes = 0;
  std::uint64_t words = 0;
  std::uint64_t quotes = 0;      // direct quotes
  std::uint64_t statements = 0;  // indirect statements
  std::uint64_t dated = 0;
  bool count_names = false;                  // hits inside names were counted
  std::vector<SummaryTheme> themes;          // lexicon order
  std::vector<std::string> hashes;           // lexicon hash of each theme
  std::vector<std::uint64_t> cooccurrence;   // themes.size()^2, row-major
  std::map<std::string, SummarySpeaker> speakers;  // by name
  std::map<std::string, SummaryMonth> months;      // by "YYYY-MM"
  std::vector<SummaryError> errors;

  std::uint64_t both(std::size_t a, std::size_t b) const {
    return cooccurrence[a * themes.size() + b];
  }
  // Theme indices by documents, then hits, then lexicon order (descending prevalence).
  std::vector<std::size_t> theme_order() const;
  // Speakers by quotes + statements, then documents, then name.
  std::vector<const SummarySpeaker*> speaker_order() const;

 private:
  CorpusSummary() = default;
  std::string speakers_json(int indent) const;  // the "speakers" array as text
  const Lexicon* lexicon_ = nullptr;
};

}  // namespace themescan
