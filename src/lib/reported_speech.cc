// Indirect (reported) speech: Name said that ..., Speakers agreed that ..., He emphasized the
// need for ..., ... according to a ministry official.
#include <algorithm>

#include "attribution_internal.h"

namespace themescan::detail {
namespace {

struct Clause {
  std::size_t begin = 0;  // first word
  std::size_t end = 0;    // one past the last word
  std::uint32_t offset = 0;  // byte where the clause starts (inside the first word for qu'il)
};

// The subject of the verb at v: the phrase ending right before it (allowing an adverb or the
// French auxiliary "a"), or the phrase opening the sentence (Participants supported the idea
// ... and highlighted ...).
NounPhrase subject_of(Context& c, std::size_t v, std::size_t sentence_begin) {
  NounPhrase np = speaker_before(c, v, sentence_begin);
  if (!np.ok() && v > sentence_begin + 1 && !c.words[v - 1].upper) {
    np = speaker_before(c, v - 1, sentence_begin);
  }
  if (!np.ok()) {
    np = speaker_after(c, sentence_begin, v);
    if (np.ok() && (np.reference == SpeakerReference::kDescription ||
                    has_any(c.text.substr(c.words[np.end - 1].span.end,
                                          c.words[v].span.begin - c.words[np.end - 1].span.end),
                            ",;:"))) {
      return {};
    }
  }
  return np;
}

void add_reported(Context& c, std::vector<Quote>& added, const NounPhrase& np, Clause clause,
                  Span verb) {
  if (!np.ok() || clause.begin >= clause.end) return;
  for (std::size_t k = clause.begin; k < clause.end; ++k) {
    if (c.words[k].quoted) return;  // a direct quote is attributed on its own
  }
  Quote q;
  q.type = QuoteType::kIndirect;
  q.span = {clause.offset, c.words[clause.end - 1].span.end};
  q.outer = q.span;
  q.paragraph = c.words[clause.begin].paragraph;
  q.paragraphs = 1;
  q.attribution = {np.speaker, verb, AttributionMethod::kReported, np.reference,
                   reference_confidence(np.reference) * 0.9};
  added.push_back(q);
}

std::uint32_t clause_offset(const Context& c, std::size_t k) {
  // qu'il / qu’il: the clause starts after the apostrophe.
  const std::string_view word = c.words[k].span.slice(c.text);
  for (std::string_view apostrophe : {"'", "\u2019"}) {
    const std::size_t at = word.find(apostrophe);
    if (at != std::string_view::npos && c.is(WordClass::kComplementizers, k)) {
      return c.words[k].span.begin + static_cast<std::uint32_t>(at + apostrophe.size());
    }
  }
  return c.words[k].span.begin;
}

}  // namespace

void find_reported_speech(Context& c, std::vector<Quote>& quotes) {
  std::vector<Quote> added;
  std::size_t begin = 0;
  while (begin < c.size()) {
    std::size_t end = begin + 1;
    while (end < c.size() && c.words[end].sentence == c.words[begin].sentence) ++end;
    for (std::size_t v = begin; v < end; ++v) {
      if (c.words[v].quoted) continue;
      if (const std::size_t m = c.match(WordClass::kSources, v); m > 0) {
        // "..., according to a ministry official." / "According to Name, ...".
        if (v > begin && has_any(c.gap(v), ",")) {
          const NounPhrase np = speaker_after(c, v + m, end);
          add_reported(c, added, np, {begin, v, c.words[begin].span.begin},
                       {c.words[v].span.begin, c.words[v + m - 1].span.end});
          break;
        }
        if (v == begin) {
          const NounPhrase np = speaker_after(c, v + m, end);
          std::size_t k = np.end;
          while (k < end && !has_any(c.gap(k), ",")) ++k;  // the rest of the source phrase
          if (np.ok() && k < end) {
            add_reported(c, added, np, {k, end, c.words[k].span.begin},
                         {c.words[v].span.begin, c.words[v + m - 1].span.end});
          }
          break;
        }
        continue;
      }
      const std::size_t m = c.match(WordClass::kVerbs, v);
      if (m == 0) continue;
      const Span verb{c.words[v].span.begin, c.words[v + m - 1].span.end};
      std::size_t clause = end;
      // A verb that frames quoted words takes its "that" at once: "claimed that ...", not
      // "described projects that had been abandoned" (a relative clause).
      const std::size_t reach = c.value(WordClass::kVerbs, v) == "frame" ? 1 : 4;
      for (std::size_t k = v + m; k < end && k < v + m + reach; ++k) {
        if (c.is(WordClass::kComplementizers, k)) {
          clause = c.keys[k].find('\'') != std::string::npos ? k : k + 1;
          break;
        }
        if (c.words[k].upper || c.words[k].quoted || c.is(WordClass::kVerbs, k)) break;
      }
      const bool object = c.value(WordClass::kVerbs, v) == "object" && v + m < end &&
                          c.is_article(v + m) && !c.is_indefinite(v + m);
      if (clause == end && object) clause = v + m;
      if (clause >= end) continue;
      std::size_t subject_end = v;
      if (v > begin && c.keys[v - 1] == "a") --subject_end;  // French: a souligné que
      const NounPhrase np = subject_of(c, subject_end, begin);
      add_reported(c, added, np, {clause, end, clause_offset(c, clause)}, verb);
      break;
    }
    begin = end;
  }
  if (added.empty()) return;
  quotes.insert(quotes.end(), added.begin(), added.end());
  std::stable_sort(quotes.begin(), quotes.end(),
                   [](const Quote& a, const Quote& b) { return a.span.begin < b.span.begin; });
}

}  // namespace themescan::detail
