#include "themescan/summary.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "render_common.h"
#include "themescan/document.h"

namespace themescan {
namespace {

using nlohmann::ordered_json;

const double kGamma = (1.0 + QuantileSketch::kRelativeAccuracy) /
                      (1.0 - QuantileSketch::kRelativeAccuracy);
const double kLogGamma = std::log(kGamma);

// Stands for the speakers array while the rest of the summary is dumped (control characters
// cannot occur in a dumped string unescaped, so the dumped placeholder is unique).
constexpr const char* kSpeakersPlaceholder = "\x01speakers\x01";

template <typename Map>
void add_counts(Map& into, const Map& from) {
  for (const auto& [key, count] : from) into[key] += count;
}

ordered_json counts_json(const std::map<std::string, std::uint64_t>& counts,
                         const char* key_name) {
  std::vector<std::pair<std::string, std::uint64_t>> sorted(counts.begin(), counts.end());
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  ordered_json out = ordered_json::array();
  for (const auto& [key, count] : sorted) out.push_back({{key_name, key}, {"count", count}});
  return out;
}

// Reading back: every accessor throws a message naming the member; from_json turns it into
// "WHERE: summary: MESSAGE".
struct Reader {
  static const ordered_json& member(const ordered_json& object, const char* name) {
    if (!object.is_object()) throw std::runtime_error("expected an object");
    auto it = object.find(name);
    if (it == object.end()) throw std::runtime_error(fmt::format("missing '{}'", name));
    return *it;
  }
  static std::uint64_t count(const ordered_json& object, const char* name) {
    const ordered_json& v = member(object, name);
    if (!v.is_number_unsigned() && !(v.is_number_integer() && v.get<std::int64_t>() >= 0)) {
      throw std::runtime_error(fmt::format("'{}' must be a non-negative integer", name));
    }
    return v.get<std::uint64_t>();
  }
  static std::int64_t integer(const ordered_json& object, const char* name) {
    const ordered_json& v = member(object, name);
    if (!v.is_number_integer()) throw std::runtime_error(fmt::format("'{}' must be an integer", name));
    return v.get<std::int64_t>();
  }
  static double number(const ordered_json& object, const char* name) {
    const ordered_json& v = member(object, name);
    if (!v.is_number()) throw std::runtime_error(fmt::format("'{}' must be a number", name));
    return v.get<double>();
  }
  static std::string text(const ordered_json& object, const char* name) {
    const ordered_json& v = member(object, name);
    if (!v.is_string()) throw std::runtime_error(fmt::format("'{}' must be a string", name));
    return v.get<std::string>();
  }
  static const ordered_json& array(const ordered_json& object, const char* name) {
    const ordered_json& v = member(object, name);
    if (!v.is_array()) throw std::runtime_error(fmt::format("'{}' must be an array", name));
    return v;
  }
  static std::map<std::string, std::uint64_t> counts(const ordered_json& object, const char* name,
                                                     const char* key_name) {
    std::map<std::string, std::uint64_t> out;
    for (const ordered_json& item : array(object, name)) {
      out[text(item, key_name)] += count(item, "count");
    }
    return out;
  }
};

}  // namespace

void QuantileSketch::add(double value) {
  if (!(value > 0)) value = 0;
  const bool first = count() == 0;
  min = first ? value : std::min(min, value);
  max = first ? value : std::max(max, value);
  if (value == 0) {
    ++zeros;
    return;
  }
  ++bins[static_cast<std::int32_t>(std::ceil(std::log(value) / kLogGamma))];
}

void QuantileSketch::merge(const QuantileSketch& other) {
  if (other.count() == 0) return;
  const bool first = count() == 0;
  min = first ? other.min : std::min(min, other.min);
  max = first ? other.max : std::max(max, other.max);
  zeros += other.zeros;
  add_counts(bins, other.bins);
}

std::uint64_t QuantileSketch::count() const {
  std::uint64_t n = zeros;
  for (const auto& [index, c] : bins) n += c;
  return n;
}

double QuantileSketch::quantile(double q) const {
  const std::uint64_t n = count();
  if (n == 0) return 0;
  const auto rank = static_cast<std::uint64_t>(std::floor(std::clamp(q, 0.0, 1.0) * double(n - 1)));
  if (rank == 0) return min;  // the extremes are kept exactly
  if (rank == n - 1) return max;
  if (rank < zeros) return 0;
  std::uint64_t seen = zeros;
  for (const auto& [index, c] : bins) {
    seen += c;
    if (rank < seen) return std::clamp(2.0 * std::pow(kGamma, index) / (kGamma + 1.0), min, max);
  }
  return max;  // unreachable: rank < n
}

double SummaryTheme::mean_per_1k() const {
  return documents == 0 ? 0 : double(per_1k_e6) / 1e6 / double(documents);
}

double SummaryTheme::median_per_1k() const { return density.quantile(0.5); }

std::string SummarySpeaker::most_frequent(const std::map<std::string, std::uint64_t>& counts) {
  const std::pair<const std::string, std::uint64_t>* best = nullptr;
  for (const auto& entry : counts) {
    if (best == nullptr || entry.second > best->second) best = &entry;  // map order: ties keep the smaller
  }
  return best ? best->first : std::string();
}

CorpusSummary::CorpusSummary(const Lexicon& lexicon, bool names_counted)
    : count_names(names_counted), lexicon_(&lexicon) {
  for (const Theme& theme : lexicon.themes()) {
    SummaryTheme t;
    t.id = theme.id;
    t.label = theme.label;
    themes.push_back(std::move(t));
    hashes.push_back(theme.hash);
  }
  cooccurrence.assign(themes.size() * themes.size(), 0);
}

void CorpusSummary::add(const DocumentResult& result) {
  if (lexicon_ == nullptr) throw std::logic_error("CorpusSummary::add on a summary read from JSON");
  if (result.names_counted != count_names) {
    throw std::logic_error("CorpusSummary::add: the document counts hits inside names differently");
  }
  ++documents;
  bytes += result.bytes;
  words += result.counts.words;
  for (const Quote& quote : result.quotes) {
    quotes += quote.type == QuoteType::kDirect;
    statements += quote.type == QuoteType::kIndirect;
  }
  std::vector<std::size_t> touched;
  std::vector<std::uint64_t> hits_by_theme(themes.size(), 0);
  for (const ThemeScore& score : result.themes) {
    if (score.hits == 0 || score.theme >= themes.size()) continue;
    SummaryTheme& theme = themes[score.theme];
    touched.push_back(score.theme);
    hits_by_theme[score.theme] = score.hits;
    ++theme.documents;
    theme.hits += score.hits;
    theme.score_e4 += std::llround(score.score * 1e4);
    theme.per_1k_e6 += std::llround(score.per_1k * 1e6);
    theme.density.add(score.per_1k);
    for (const TermCount& term : score.terms) theme.terms[entry_of(*lexicon_, term).display()] += term.count;
  }
  for (const std::size_t a : touched) {
    for (const std::size_t b : touched) ++cooccurrence[a * themes.size() + b];
  }
  if (result.meta.date) {
    ++dated;
    if (result.meta.date->size() >= 7) {
      SummaryMonth& month = months[result.meta.date->substr(0, 7)];
      month.theme_documents.resize(themes.size(), 0);
      month.theme_hits.resize(themes.size(), 0);
      ++month.documents;
      for (const std::size_t t : touched) {
        ++month.theme_documents[t];
        month.theme_hits[t] += hits_by_theme[t];
      }
    }
  }
  std::map<std::string, bool> seen;
  for (const Speaker& s : result.speakers) {
    if (!s.named || s.group) continue;
    const std::string name = collapse_spaces(s.name);
    if (name.empty()) continue;
    SummarySpeaker& speaker = speakers[name];
    speaker.name = name;
    if (!seen[name]) {
      seen[name] = true;
      ++speaker.documents;
    }
    speaker.quotes += s.quotes;
    speaker.statements += s.statements;
    if (!s.role.empty()) ++speaker.roles[collapse_spaces(s.role)];
    if (!s.affiliation.empty()) ++speaker.affiliations[collapse_spaces(s.affiliation)];
    if (!s.country.empty()) ++speaker.countries[collapse_spaces(s.country)];
    for (const ThemeCount& count : s.themes) {
      if (count.theme < themes.size()) speaker.themes[themes[count.theme].id] += count.hits;
    }
  }
}

void CorpusSummary::add_error(std::string path, std::string message) {
  errors.push_back({std::move(path), std::move(message)});
}

Status CorpusSummary::merge(const CorpusSummary& other, std::string_view other_name) {
  bool same = other.themes.size() == themes.size() && other.hashes == hashes;
  for (std::size_t i = 0; same && i < themes.size(); ++i) same = themes[i].id == other.themes[i].id;
  if (!same) {
    return Status(StatusCode::kBadInput,
                  fmt::format("{}: made with other lexicons than the first summary (theme ids or "
                              "hashes differ); summaries can only be merged with the same lexicons",
                              other_name));
  }
  if (other.count_names != count_names) {
    return Status(StatusCode::kBadInput,
                  fmt::format("{}: made {} --count-names and the first summary {}; summaries can "
                              "only be merged when they count hits inside names alike",
                              other_name, other.count_names ? "with" : "without",
                              count_names ? "with it" : "without it"));
  }
  documents += other.documents;
  bytes += other.bytes;
  words += other.words;
  quotes += other.quotes;
  statements += other.statements;
  dated += other.dated;
  for (std::size_t i = 0; i < themes.size(); ++i) {
    SummaryTheme& t = themes[i];
    const SummaryTheme& o = other.themes[i];
    t.documents += o.documents;
    t.hits += o.hits;
    t.score_e4 += o.score_e4;
    t.per_1k_e6 += o.per_1k_e6;
    t.density.merge(o.density);
    add_counts(t.terms, o.terms);
  }
  for (std::size_t i = 0; i < cooccurrence.size(); ++i) cooccurrence[i] += other.cooccurrence[i];
  for (const auto& [name, o] : other.speakers) {
    SummarySpeaker& s = speakers[name];
    s.name = name;
    s.documents += o.documents;
    s.quotes += o.quotes;
    s.statements += o.statements;
    add_counts(s.roles, o.roles);
    add_counts(s.affiliations, o.affiliations);
    add_counts(s.countries, o.countries);
    add_counts(s.themes, o.themes);
  }
  for (const auto& [key, o] : other.months) {
    SummaryMonth& m = months[key];
    m.theme_documents.resize(themes.size(), 0);
    m.theme_hits.resize(themes.size(), 0);
    m.documents += o.documents;
    for (std::size_t i = 0; i < themes.size(); ++i) {
      m.theme_documents[i] += o.theme_documents[i];
      m.theme_hits[i] += o.theme_hits[i];
    }
  }
  errors.insert(errors.end(), other.errors.begin(), other.errors.end());
  return Status::Ok();
}

std::vector<std::size_t> CorpusSummary::theme_order() const {
  std::vector<std::size_t> order(themes.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (themes[a].documents != themes[b].documents) return themes[a].documents > themes[b].documents;
    return themes[a].hits > themes[b].hits;
  });
  return order;
}

std::vector<const SummarySpeaker*> CorpusSummary::speaker_order() const {
  std::vector<const SummarySpeaker*> order;
  for (const auto& [name, s] : speakers) order.push_back(&s);
  std::stable_sort(order.begin(), order.end(), [](const SummarySpeaker* a, const SummarySpeaker* b) {
    if (a->quotes + a->statements != b->quotes + b->statements) {
      return a->quotes + a->statements > b->quotes + b->statements;
    }
    return a->documents > b->documents;
  });
  return order;
}

std::string CorpusSummary::to_json(int indent, bool record) const {
  ordered_json out;
  if (record) out["record"] = "summary";
  out["schema"] = kSummarySchema;
  out["documents"] = documents;
  out["failed"] = errors.size();
  out["bytes"] = bytes;
  out["words"] = words;
  out["quotes"] = quotes;
  out["statements"] = statements;
  out["dated"] = dated;
  out["count_names"] = count_names;
  ordered_json theme_list = ordered_json::array();
  for (const std::size_t i : theme_order()) {
    const SummaryTheme& t = themes[i];
    ordered_json bins = ordered_json::array();
    for (const auto& [index, c] : t.density.bins) bins.push_back({index, c});
    theme_list.push_back(
        {{"id", t.id},
         {"label", t.label},
         {"documents", t.documents},
         {"hits", t.hits},
         {"score", detail::round4(double(t.score_e4) / 1e4)},
         {"mean_per_1k", detail::round4(t.mean_per_1k())},
         {"median_per_1k", detail::round4(t.median_per_1k())},
         {"corpus_per_1k", detail::round4(words == 0 ? 0 : 1000.0 * double(t.hits) / double(words))},
         {"terms", counts_json(t.terms, "entry")},
         {"state", {{"score_e4", t.score_e4},
                    {"per_1k_e6", t.per_1k_e6},
                    {"sketch", {{"accuracy", QuantileSketch::kRelativeAccuracy},
                                {"zeros", t.density.zeros},
                                {"min", t.density.min},
                                {"max", t.density.max},
                                {"bins", std::move(bins)}}}}}});
  }
  out["themes"] = std::move(theme_list);
  ordered_json ids = ordered_json::array();
  ordered_json matrix = ordered_json::array();
  for (std::size_t a = 0; a < themes.size(); ++a) {
    ids.push_back(themes[a].id);
    ordered_json row = ordered_json::array();
    for (std::size_t b = 0; b < themes.size(); ++b) row.push_back(both(a, b));
    matrix.push_back(std::move(row));
  }
  out["cooccurrence"] = {{"themes", std::move(ids)}, {"documents", std::move(matrix)}};
  // Speakers can be many (one per distinct name in the corpus): they are serialised one at a
  // time into the text, not built as one JSON tree, which would cost several times their size.
  out["speakers"] = kSpeakersPlaceholder;
  ordered_json month_list = ordered_json::array();
  for (const auto& [key, m] : months) {
    ordered_json counts = ordered_json::array();
    for (std::size_t i = 0; i < themes.size(); ++i) {
      if (m.theme_documents[i] == 0) continue;
      counts.push_back({{"id", themes[i].id},
                        {"documents", m.theme_documents[i]},
                        {"hits", m.theme_hits[i]}});
    }
    month_list.push_back({{"month", key}, {"documents", m.documents}, {"themes", std::move(counts)}});
  }
  out["months"] = std::move(month_list);
  ordered_json error_list = ordered_json::array();
  for (const SummaryError& e : errors) {
    error_list.push_back({{"path", e.path}, {"message", e.message}});
  }
  out["errors"] = std::move(error_list);
  ordered_json lexicons = ordered_json::array();
  for (std::size_t i = 0; i < themes.size(); ++i) {
    lexicons.push_back({{"id", themes[i].id}, {"hash", hashes[i]}});
  }
  out["lexicons"] = std::move(lexicons);
  std::string text = out.dump(indent, ' ', false, ordered_json::error_handler_t::replace);
  const std::string placeholder =
      ordered_json(kSpeakersPlaceholder).dump(-1, ' ', false, ordered_json::error_handler_t::replace);
  const std::size_t at = text.find(placeholder);
  text.replace(at, placeholder.size(), speakers_json(indent));
  text += "\n";
  return text;
}

std::string CorpusSummary::speakers_json(int indent) const {
  const std::vector<const SummarySpeaker*> order = speaker_order();
  if (order.empty()) return "[]";
  // Inside the summary object the array's items sit at depth 2.
  const std::string open =
      indent < 0 ? "" : "\n" + std::string(2 * static_cast<std::size_t>(indent), ' ');
  std::string out = "[";
  for (std::size_t i = 0; i < order.size(); ++i) {
    const SummarySpeaker* s = order[i];
    const ordered_json item = {
        {"name", s->name},
        {"documents", s->documents},
        {"quotes", s->quotes},
        {"statements", s->statements},
        {"role", detail::text_or_null(SummarySpeaker::most_frequent(s->roles))},
        {"affiliation", detail::text_or_null(SummarySpeaker::most_frequent(s->affiliations))},
        {"country", detail::text_or_null(SummarySpeaker::most_frequent(s->countries))},
        {"roles", counts_json(s->roles, "text")},
        {"affiliations", counts_json(s->affiliations, "text")},
        {"countries", counts_json(s->countries, "text")},
        {"themes", counts_json(s->themes, "id")}};
    std::string dumped = item.dump(indent, ' ', false, ordered_json::error_handler_t::replace);
    if (indent >= 0) dumped = detail::indent_lines(dumped, static_cast<std::size_t>(2 * indent));
    out += (i == 0 ? "" : ",") + open + dumped;
  }
  out += indent < 0 ? "]" : "\n" + std::string(static_cast<std::size_t>(indent), ' ') + "]";
  return out;
}

Result<CorpusSummary> CorpusSummary::from_json(std::string_view json, std::string_view where) {
  try {
    const ordered_json in = ordered_json::parse(json);
    using R = Reader;
    if (R::text(in, "schema") != kSummarySchema) {
      throw std::runtime_error(fmt::format("schema is not {}", kSummarySchema));
    }
    CorpusSummary s;
    s.documents = R::count(in, "documents");
    s.bytes = R::count(in, "bytes");
    s.words = R::count(in, "words");
    s.quotes = R::count(in, "quotes");
    s.statements = R::count(in, "statements");
    s.dated = R::count(in, "dated");
    // Absent in summaries written before names were told apart, which counted every hit.
    if (const auto it = in.find("count_names"); it != in.end()) {
      if (!it->is_boolean()) throw std::runtime_error("'count_names' must be true or false");
      s.count_names = it->get<bool>();
    } else {
      s.count_names = true;
    }
    std::map<std::string, std::size_t> index;
    for (const ordered_json& lex : R::array(in, "lexicons")) {
      SummaryTheme t;
      t.id = R::text(lex, "id");
      index[t.id] = s.themes.size();
      s.themes.push_back(std::move(t));
      s.hashes.push_back(R::text(lex, "hash"));
    }
    const std::size_t n = s.themes.size();
    auto theme_index = [&](const std::string& id) {
      auto it = index.find(id);
      if (it == index.end()) throw std::runtime_error(fmt::format("unknown theme '{}'", id));
      return it->second;
    };
    for (const ordered_json& item : R::array(in, "themes")) {
      SummaryTheme& t = s.themes[theme_index(R::text(item, "id"))];
      t.label = R::text(item, "label");
      t.documents = R::count(item, "documents");
      t.hits = R::count(item, "hits");
      t.terms = R::counts(item, "terms", "entry");
      const ordered_json& state = R::member(item, "state");
      t.score_e4 = R::integer(state, "score_e4");
      t.per_1k_e6 = R::integer(state, "per_1k_e6");
      const ordered_json& sketch = R::member(state, "sketch");
      t.density.zeros = R::count(sketch, "zeros");
      t.density.min = R::number(sketch, "min");
      t.density.max = R::number(sketch, "max");
      for (const ordered_json& bin : R::array(sketch, "bins")) {
        if (!bin.is_array() || bin.size() != 2 || !bin[0].is_number_integer() ||
            !bin[1].is_number_unsigned()) {
          throw std::runtime_error("a sketch bin must be [index, count]");
        }
        t.density.bins[bin[0].get<std::int32_t>()] += bin[1].get<std::uint64_t>();
      }
    }
    const ordered_json& co = R::member(in, "cooccurrence");
    const ordered_json& matrix = R::array(co, "documents");
    const ordered_json& ids = R::array(co, "themes");
    if (ids.size() != n || matrix.size() != n) throw std::runtime_error("cooccurrence size");
    s.cooccurrence.assign(n * n, 0);
    for (std::size_t a = 0; a < n; ++a) {
      const std::size_t ia = theme_index(ids[a].get<std::string>());
      if (!matrix[a].is_array() || matrix[a].size() != n) throw std::runtime_error("cooccurrence row");
      for (std::size_t b = 0; b < n; ++b) {
        const std::size_t ib = theme_index(ids[b].get<std::string>());
        s.cooccurrence[ia * n + ib] = matrix[a][b].get<std::uint64_t>();
      }
    }
    for (const ordered_json& item : R::array(in, "speakers")) {
      SummarySpeaker sp;
      sp.name = R::text(item, "name");
      sp.documents = R::count(item, "documents");
      sp.quotes = R::count(item, "quotes");
      sp.statements = R::count(item, "statements");
      sp.roles = R::counts(item, "roles", "text");
      sp.affiliations = R::counts(item, "affiliations", "text");
      sp.countries = R::counts(item, "countries", "text");
      sp.themes = R::counts(item, "themes", "id");
      for (const auto& [id, c] : sp.themes) theme_index(id);
      s.speakers[sp.name] = std::move(sp);
    }
    for (const ordered_json& item : R::array(in, "months")) {
      SummaryMonth& m = s.months[R::text(item, "month")];
      m.documents = R::count(item, "documents");
      m.theme_documents.assign(n, 0);
      m.theme_hits.assign(n, 0);
      for (const ordered_json& t : R::array(item, "themes")) {
        const std::size_t i = theme_index(R::text(t, "id"));
        m.theme_documents[i] = R::count(t, "documents");
        m.theme_hits[i] = R::count(t, "hits");
      }
    }
    for (const ordered_json& item : R::array(in, "errors")) {
      s.errors.push_back({R::text(item, "path"), R::text(item, "message")});
    }
    if (R::count(in, "failed") != s.errors.size()) {
      throw std::runtime_error("'failed' does not match the errors listed");
    }
    return s;
  } catch (const std::exception& e) {
    return Status(StatusCode::kBadInput, fmt::format("{}: not a valid summary: {}", where, e.what()));
  }
}

}  // namespace themescan
