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
  // "Helena Marsh-Oduya, briefing the Council, said that ...": past appositions and clauses.
  if (NounPhrase np = clause_subject(c, v, sentence_begin); np.ok()) return np;
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

// Words that show a finite verb in English: "the agreement would be signed", "he’d asked".
bool finite_marker(const Context& c, std::size_t k) {
  const std::string& key = c.keys[k];
  if (in_list(key, {"would", "will", "was", "were", "is", "are", "had", "has", "have", "could",
                    "should", "may", "might", "must", "did", "does", "can", "wants", "wanted",
                    "plans", "planned", "expects", "expected", "needs", "needed", "hoped"})) {
    return true;
  }
  return key.ends_with("'d") || key.ends_with("'s") || key.ends_with("'ll") || key.ends_with("n't");
}

// Reported speech without "that", as news writes it: "Maria Lopez said the agreement would be
// signed in May", "Lukman said the group would meet in June", "told Reuters the company was
// ...". After the verb (and an indirect object of "told", or a time: "said on Tuesday"), a
// subject opens a clause with a finite verb within six words. The clause's first word, or `end`
// when the words after the verb are no clause (said nothing, said so, said in a statement).
std::size_t bare_clause(const Context& c, std::size_t k, std::size_t end) {
  if (k >= end || c.words[k].quoted) return end;
  // A question is no statement: "asked the panel how ...".
  if (k > 0 && in_list(c.keys[k - 1], {"asked", "asks", "ask", "wondered", "inquired", "enquired",
                                        "questioned", "queried"})) {
    return end;
  }
  k = skip_time(c, k, end);
  // told reporters / told Reuters / told the newspaper: the listener, then the clause.
  if (k > 0 && in_list(c.keys[k - 1], {"told", "tells", "tell"})) {
    if (k < end && c.is_article(k)) ++k;
    while (k < end && k + 1 < end && (c.words[k].upper || c.is(WordClass::kGroups, k) ||
                                      c.is(WordClass::kPublications, k)) &&
           !c.words[k].quoted && !has_any(c.gap(k + 1), ",.;:")) {
      ++k;
      if (c.words[k - 1].upper && !c.words[k].upper) break;
    }
    k = skip_time(c, k, end);
  }
  if (k >= end || c.words[k].quoted || has_any(c.gap(k), ",;:.")) return end;
  const std::string& first = c.keys[k];
  // A clause opens with a subject: an article or determiner, a pronoun, a name, a number.
  const bool subject = c.is_article(k) || c.words[k].upper ||
                       c.tokens.words[k].kind == WordKind::kNumber ||
                       in_list(first, {"he", "she", "they", "it", "we", "i", "there", "this",
                                       "these", "those", "his", "her", "their", "its", "our",
                                       "some", "many", "most", "no", "none", "all", "both", "any",
                                       "every", "each", "other", "such"});
  if (in_list(first, {"so", "nothing", "something", "goodbye", "yes", "no", "hello"})) return end;
  // A bare plural or mass noun may open it too: "said prices could fall".
  const bool bare = !subject && !c.is_function_word(k) && !c.is(WordClass::kVerbs, k) &&
                    !(first.size() > 4 && first.ends_with("ly")) && k + 1 < end && finite_marker(c, k + 1);
  if (!subject && !bare) return end;
  for (std::size_t j = k + 1; j < end && j <= k + 6; ++j) {
    if (c.words[j].quoted || has_any(c.gap(j), ";:")) return end;
    if (in_list(c.keys[j], {"how", "whether", "if", "what", "why", "when", "where", "who"})) return end;
    if (finite_marker(c, j) || (j == k + 1 && finite_marker(c, k))) return k;
    // "said his delegation supported the renewal": a past tense after a determiner's noun.
    if (j == k + 2 && c.is_article(k) && c.keys[j].size() > 4 && c.keys[j].ends_with("ed") &&
        !c.words[j].upper) {
      return k;
    }
  }
  // "said he’d": the subject's own contraction.
  return finite_marker(c, k) && k + 1 < end ? k : end;
}

// The first word of a source and verb of speech that end the sentence [begin, end) after a
// comma ("..., industry sources said.", "..., the ministry said on Tuesday."), or `end`.
std::size_t tail_attribution(const Context& c, std::size_t begin, std::size_t end) {
  // A question is no statement ("Asked whether ..., she laughed").
  if (in_list(c.keys[begin], {"asked", "when", "if", "whether"})) return end;
  const auto saying = [&](std::size_t v) {  // verbs that report a statement, not a manner
    const std::string& key = c.keys[v];
    return in_list(key, {"said", "says", "added", "adds", "noted", "notes", "stated", "explained",
                         "argued", "warned", "insisted", "reported", "confirmed", "announced",
                         "estimated", "predicted", "claimed", "acknowledged", "dijo", "afirmó",
                         "señaló", "añadió", "agregó", "explicó", "indicó", "aseguró", "declaró",
                         "informó", "dit", "déclaré", "ajouté", "indiqué", "précisé"}) ||
           key.starts_with("заявил") || key.starts_with("сообщил") || key.starts_with("отметил") ||
           key.starts_with("добавил") || key.starts_with("сказал") || key.starts_with("пояснил");
  };
  for (std::size_t k = end; k-- > begin + 3 && end - k <= 8;) {
    if (c.words[k].quoted) return end;
    if (!has_any(c.gap(k), ",")) continue;
    // The words after the comma: a source of at most five words, a verb, then at most a time.
    for (std::size_t v = k + 1; v < end && v <= k + 5; ++v) {
      const std::size_t m = c.match(WordClass::kVerbs, v);
      if (m == 0 || !c.value(WordClass::kVerbs, v).empty() || !saying(v)) continue;
      const std::size_t rest = skip_time(c, v + m, end);
      return rest == end ? k : end;
    }
    return end;
  }
  return end;
}

}  // namespace

void find_reported_speech(Context& c, std::vector<Quote>& quotes) {
  std::vector<Quote> added;
  std::size_t begin = 0;
  while (begin < c.size()) {
    std::size_t end = begin + 1;
    while (end < c.size() && c.words[end].sentence == c.words[begin].sentence) ++end;
    // "Kuwait pumped about 1.3 mln barrels a day last month, industry sources said.": a
    // sentence that ends in a comma, its source and a verb of speech.
    if (const std::size_t tail = tail_attribution(c, begin, end); tail < end) {
      std::size_t v = end;
      while (v > tail && c.match(WordClass::kVerbs, v - 1) == 0) --v;
      if (v > tail) {
        --v;
        const NounPhrase np = speaker_before(c, v, tail);
        if (np.ok() && np.begin == tail) {
          add_reported(c, added, np, {begin, tail, c.words[begin].span.begin},
                       {c.words[v].span.begin, c.words[v].span.end});
          begin = end;
          continue;
        }
      }
    }
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
      // "said in December that ...", "told reporters on Tuesday that ...": times do not count.
      const std::size_t after = reach == 1 ? v + m : skip_time(c, v + m, end);
      for (std::size_t k = after; k < end && k < after + reach; ++k) {
        if (c.is(WordClass::kComplementizers, k)) {
          clause = c.keys[k].find('\'') != std::string::npos ? k : k + 1;
          break;
        }
        if (c.words[k].upper || c.words[k].quoted || c.is(WordClass::kVerbs, k)) break;
      }
      const bool object = c.value(WordClass::kVerbs, v) == "object" && v + m < end &&
                          c.is_article(v + m) && !c.is_indefinite(v + m);
      if (clause == end && object) clause = v + m;
      if (clause == end && c.value(WordClass::kVerbs, v).empty()) clause = bare_clause(c, v + m, end);
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
