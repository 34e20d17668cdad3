// Quotes inside a sentence: the subject of a verb of speech, the frame (a verb of speech or
// "according to" with its subject) that makes a quoted fragment someone's words, and the marks
// of a quoted title or name that make it no one's.
#include <algorithm>
#include <utility>

#include "attribution_internal.h"

namespace themescan::detail {
namespace {

// Words that may stand between a subject and its verb: adverbs, auxiliaries and negation
// (also, then, has, would, didn't), and times (on Tuesday, last week, earlier this month).
bool between_subject_and_verb(const Context& c, std::size_t k) {
  if (c.words[k].quoted || (c.words[k].upper && !c.is_calendar(k))) return false;
  const std::string& key = c.keys[k];
  if (c.is_calendar(k)) return true;
  if (in_list(key, {"also", "then", "later", "again", "once", "still", "first", "now", "just",
                    "recently", "previously", "earlier", "often", "never", "repeatedly", "quickly",
                    "only", "even", "already", "immediately", "reportedly", "publicly", "privately",
                    "has", "had", "have", "was", "is", "were", "are", "would", "will", "did",
                    "does", "do", "not", "could", "should", "might", "may", "can", "been",
                    "didn't", "wouldn't", "won't", "doesn't", "hasn't", "haven't", "hadn't",
                    "isn't", "wasn't", "ago", "last", "this", "next", "week", "month", "year",
                    "night", "morning", "afternoon", "evening", "on", "late", "early"})) {
    return true;
  }
  return key.size() > 4 && key.ends_with("ly");
}

}  // namespace

bool participle(const Context& c, std::size_t v) {
  return v > 0 && c.keys[v].size() > 4 && c.keys[v].ends_with("ing") && has_any(c.gap(v), ",");
}

namespace {

// Conjunctions and sentence adverbs that may open a clause before its subject.
bool clause_opener(const Context& c, std::size_t k) {
  return in_list(c.keys[k], {"but", "and", "yet", "so", "still", "however", "meanwhile", "also",
                             "now", "instead", "indeed", "then", "pero", "y", "mais", "et", "но",
                             "и", "а", "однако"});
}

// Prepositions and subordinators that open a phrase standing before the subject, up to a
// comma: "In a statement, ...", "When the F.B.I. director, James B. Comey, said ...".
bool participle_opener(const Context& c, std::size_t k);

bool adverbial_opener(const Context& c, std::size_t k) {
  return c.is_calendar(k) || participle_opener(c, k) ||
         in_list(c.keys[k], {"in", "on", "at", "after", "before", "when", "while", "during",
                             "since", "as", "like", "unlike", "with", "without", "for", "although",
                             "though", "if", "because", "despite", "earlier",
                             "later", "last", "en", "tras", "durante", "dans", "lors", "après",
                             "в", "на", "после", "во"});
}

// A participle opening a sentence before its subject: "Asked about ..., she replied",
// "Responding, Dr. Otieno-Walusimbi agreed".
bool participle_opener(const Context& c, std::size_t k) {
  return in_list(c.keys[k], {"asked", "pressed", "questioned", "speaking", "referring",
                             "responding", "reacting", "talking", "writing", "commenting",
                             "addressing", "told", "recalling", "noting", "explaining",
                             "describing", "citing", "echoing", "defending", "insisting",
                             "acknowledging", "conceding", "warning", "pointing", "looking",
                             "standing", "appearing", "campaigning", "testifying", "announcing",
                             "reflecting", "interviewed"});
}

// The first word of the clause's subject in a sentence starting at word `begin`, for a verb at
// word `verb`.
std::size_t clause_start(const Context& c, std::size_t begin, std::size_t verb) {
  std::size_t s = begin;
  while (s + 1 < verb && clause_opener(c, s)) ++s;
  if (s < verb && adverbial_opener(c, s)) {
    // Past a relative clause in commas that ends the phrase: "Asked about her vote if Clinton
    // faces Trump, who has insulted women, Mexicans and Muslims, she replied".
    for (std::size_t j = s + 1; j < verb; ++j) {
      if (!has_any(c.gap(j), ",")) continue;
      if (!in_list(c.keys[j], {"who", "which", "where", "whose", "whom"})) return j;
      std::size_t next = j + 1;
      while (next < verb && !has_any(c.gap(next), ",")) ++next;
      if (next >= verb) return j;
      // The relative clause may list things in commas: the subject is the last segment.
      std::size_t last = next;
      for (std::size_t m = next + 1; m < verb; ++m) {
        if (has_any(c.gap(m), ",")) last = m;
      }
      return last;
    }
  }
  return s;
}

// The words of a sentence: [first, end) of the sentence holding byte `offset`.
std::pair<std::size_t, std::size_t> sentence_words(const Context& c, std::uint32_t offset) {
  const auto& sentences = c.tokens.sentences;
  const auto it = std::upper_bound(sentences.begin(), sentences.end(), offset,
                                   [](std::uint32_t o, const Span& s) { return o < s.begin; });
  if (it == sentences.begin()) return {0, 0};
  const Span sentence = *(it - 1);
  if (offset >= sentence.end) return {0, 0};
  const std::size_t first = c.word_at_or_after(sentence.begin);
  std::size_t end = first;
  while (end < c.size() && c.words[end].span.end <= sentence.end) ++end;
  return {first, end};
}

// An em or en dash (has_any() looks at single bytes, and the dashes share theirs with “ and ”).
bool has_dash(std::string_view gap) {
  return gap.find("\u2014") != std::string_view::npos || gap.find("\u2013") != std::string_view::npos;
}

Span verb_span(const Context& c, std::size_t v, std::size_t m) {
  return {c.words[v].span.begin, c.words[v + m - 1].span.end};
}

}  // namespace

Frame find_frame(Context& c, const Quote& q);

NounPhrase clause_subject(Context& c, std::size_t v, std::size_t begin) {
  // "Donald Trump’s claim that ...", "Mr. Obama's patronizing suggestion that ...": a noun of
  // speech has its possessor for subject.
  if (c.value(WordClass::kVerbs, v) == "noun") {
    std::size_t p = v;
    while (p > begin && p + 3 > v && !c.is_possessive(p - 1) && !c.words[p - 1].upper &&
           !c.breaks(p, ",;:()")) {
      --p;
    }
    if (p <= begin || !c.is_possessive(p - 1) || c.breaks(p, ",;:()")) return {};
    return speaker_before(c, p, begin);
  }
  // "Fiorina said, adding that ...": a participle after a comma shares the subject of the verb
  // of speech before it.
  if (v > begin && participle(c, v)) {
    for (std::size_t u = v; u-- > begin;) {
      if (c.words[u].quoted) continue;
      if (c.is(WordClass::kVerbs, u)) return clause_subject(c, u, begin);
    }
    // "Black Lives Matter issued a statement saying ...": the name that opens the clause.
    const std::size_t s = clause_start(c, begin, v);
    if (s < v && !c.words[s].quoted && c.words[s].upper && !c.is(WordClass::kPronouns, s)) {
      NounPhrase head = speaker_after(c, s, v);
      if (head.ok() && head.end < v && (head.reference == SpeakerReference::kName ||
                                        head.reference == SpeakerReference::kPartialName)) {
        return head;
      }
    }
  }
  std::size_t k = v;
  while (k > begin && between_subject_and_verb(c, k - 1) && !c.breaks(k, ",;:()")) --k;
  // "Sen. John Cornyn (R-Texas) said": a bracket between the subject and its verb.
  if (k > begin && c.gap(k).find(')') != std::string_view::npos) {
    for (std::size_t j = k - 1; j > begin && k - j <= 8; --j) {
      if (c.gap(j).find('(') != std::string_view::npos) {
        k = j;
        break;
      }
    }
  }
  if (k <= begin) return {};
  // "evangelist Franklin Graham, who has publicly vowed ...": the relative pronoun's antecedent.
  if (k - 1 > begin && in_list(c.keys[k - 1], {"who", "quien", "qui", "который", "которая"}) &&
      has_any(c.gap(k - 1), ",")) {
    return speaker_before(c, k - 1, begin);
  }
  // "Jeb Bush, the former Florida governor, who has resented ..., called his rival", "Oliver K.
  // Hedge, who appraises ... for the firm Cushman & Wakefield, said": when an apposition or a
  // clause in commas ends at the verb, the subject is the name that opens the clause, not the
  // last words of the apposition.
  if (has_any(c.gap(k), ",")) {
    const std::size_t s = clause_start(c, begin, k);
    NounPhrase head = speaker_after(c, s, k);
    // (past a party tag: "Sen. Richard J. Durbin (D-Ill.), noting ..., said")
    std::size_t after = head.end;
    if (head.ok() && after < k && has_any(c.gap(after), "(")) {
      while (after < k && after < head.end + 5 && !has_any(c.gap(after + 1), ")")) ++after;
      ++after;
    }
    if (head.ok() && after < k && has_any(c.gap(after), ",") &&
        head.reference != SpeakerReference::kPronoun) {
      return head;
    }
  }
  return speaker_before(c, k, begin);
}

Frame sentence_frame(Context& c, const Quote& q) {
  // Only people, titles, groups and listed sources: a frame never makes "the pleasure" of
  // "enjoy the pleasure of what we called “seein’ folks”" a character that pronouns could
  // then stand for, nor the narrator a speaker.
  const bool generic = std::exchange(c.generic_descriptions, false);
  Frame frame = find_frame(c, q);
  c.generic_descriptions = generic;
  return frame;
}

Frame find_frame(Context& c, const Quote& q) {
  const auto [first, end] = c.words_within(q.span);
  // Before the opening mark: the nearest verb of speech or source phrase of its sentence.
  const auto [before_begin, before_end] = sentence_words(c, q.outer.begin);
  const std::size_t lead_end = std::min(first, before_end);
  for (std::size_t v = lead_end; v-- > before_begin;) {
    // Not past the start of another clause: "She said nothing ..., and looked out at the
    // garden, “and waited”" quotes nobody's words.
    if (v + 1 < lead_end && (has_any(c.gap(v + 1), ";") || has_dash(c.gap(v + 1)) ||
                             (has_any(c.gap(v + 1), ",") && clause_opener(c, v + 1)))) {
      break;
    }
    if (c.words[v].quoted) continue;
    if (const std::size_t m = c.match(WordClass::kSources, v); m > 0) {
      if (NounPhrase np = speaker_after(c, v + m, lead_end); np.ok()) {
        return {np, verb_span(c, v, m), AttributionMethod::kAccordingTo};
      }
      continue;
    }
    const std::size_t m = c.match(WordClass::kVerbs, v);
    if (m == 0) continue;
    if (NounPhrase np = clause_subject(c, v, before_begin); np.ok()) {
      return {np, verb_span(c, v, m), AttributionMethod::kLeadingVerb};
    }
  }
  // After the closing mark, in the sentence it ends: "Trump’s “excesses” are sickening, Hollande
  // said", "..., said Geert Wilders, founder of ...", "..., according to the poll".
  const auto [after_begin, after_end] = sentence_words(c, q.outer.end - 1);
  for (std::size_t v = std::max(end, after_begin); v < after_end; ++v) {
    if (c.words[v].quoted) continue;
    if (const std::size_t m = c.match(WordClass::kSources, v); m > 0) {
      if (NounPhrase np = speaker_after(c, v + m, after_end); np.ok()) {
        return {np, verb_span(c, v, m), AttributionMethod::kAccordingTo};
      }
      continue;
    }
    const std::size_t m = c.match(WordClass::kVerbs, v);
    if (m == 0) continue;
    // A participle (", adding that ...") shares the subject of the sentence's verb before it,
    // which may stand before the quote; any other verb has its subject after the quote.
    if (participle(c, v)) {
      if (NounPhrase np = clause_subject(c, v, before_begin); np.ok()) {
        return {np, verb_span(c, v, m), AttributionMethod::kTrailingVerb};
      }
      continue;
    }
    NounPhrase np = clause_subject(c, v, std::max(end, after_begin));
    if (!np.ok() && has_any(c.gap(v), ",")) np = speaker_after(c, v + m, after_end);
    if (np.ok()) return {np, verb_span(c, v, m), AttributionMethod::kTrailingVerb};
  }
  return {};
}

bool embedded(const Context& c, const Quote& q) {
  const std::size_t first = c.word_at_or_after(q.outer.begin);
  if (first == 0) return false;
  const std::size_t prev = first - 1;
  if (c.words[prev].paragraph != q.paragraph) return false;
  const std::string_view lead =
      c.text.substr(c.words[prev].span.end, q.outer.begin - c.words[prev].span.end);
  return !has_any(lead, ",:.!?;()") && !has_dash(lead);
}

// Whether every word of four letters or more in the quote is capitalised, and the first is.
bool title_case_words(const Context& c, const Quote& q) {
  const auto [first, end] = c.words_within(q.span);
  bool title = first < end && c.words[first].upper;
  for (std::size_t k = first; k < end && title; ++k) {
    if (c.keys[k].size() >= 4 && !c.words[k].upper) title = false;
  }
  return title;
}

bool title_case(const Context& c, const Quote& q) {
  const auto [first, end] = c.words_within(q.span);
  bool title = end - first >= 2 && q.paragraph > 0;
  for (std::size_t k = first; k < end && title; ++k) {
    if (c.keys[k].size() >= 4 && !c.words[k].upper) title = false;
  }
  return title;
}

bool titled_apposition(const Context& c, const Quote& q) {
  const std::size_t first = c.word_at_or_after(q.outer.begin);
  if (first == 0 || first >= c.size() || c.words[first - 1].paragraph != q.paragraph) return false;
  std::size_t prev = first - 1;
  const std::string_view lead = c.text.substr(c.words[prev].span.end, q.outer.begin - c.words[prev].span.end);
  return has_any(lead, ",") && lead.find_first_not_of(", \u00A0") == std::string_view::npos &&
         title_case_words(c, q) &&
         in_list(c.keys[prev], {"ad", "spot", "show", "program", "programme", "book", "novel", "film",
                                "movie", "blog", "column", "podcast", "documentary", "series", "song",
                                "album", "video", "newsletter", "memoir", "commercial"});
}

bool names_a_title(const Context& c, const Quote& q) {
  const auto [first, end] = c.words_within(q.span);
  if (first >= end) return true;
  if (title_case(c, q)) return true;
  // One capitalised word without punctuation is a name (by the natives ‘Macumazahn’).
  const std::string_view inner = q.span.slice(c.text);
  if (end == first + 1 && c.words[first].upper && !inner.empty() &&
      std::string_view(".,!?;:").find(inner.back()) == std::string_view::npos) {
    return true;
  }
  if (first == 0) return false;
  std::size_t prev = first - 1;
  if (c.words[prev].quoted || c.words[prev].paragraph != q.paragraph) return false;
  // "a blog called the “Feed,”", "his column, “Playbook,”": past an article, or the comma of an
  // apposition after a noun that names works.
  if (in_list(c.keys[prev], {"the", "a", "an"}) && prev > 0 && !c.words[prev - 1].quoted &&
      !in_list(c.keys[prev - 1], {"called", "named"})) {
    --prev;
  }
  // The word before the opening mark: so-called, the phrase, a show, a book, known as, titled.
  const std::string& key = c.keys[prev];
  if (titled_apposition(c, q)) return true;
  if (key == "called" || key == "named") {
    // "so-called", "a movie called “Equity”": naming; "calling Alwaleed “dopey”" is speech.
    return prev > 0 && (c.keys[prev - 1] == "so" ||
                        (!c.words[prev - 1].upper && !c.is(WordClass::kPronouns, prev - 1) &&
                         !c.is(WordClass::kVerbs, prev - 1) && c.keys[prev - 1] != "be" &&
                         c.keys[prev - 1] != "was" && c.keys[prev - 1] != "is"));
  }
  if (key == "as" && prev > 0 && in_list(c.keys[prev - 1], {"known", "billed", "described"})) {
    return c.keys[prev - 1] == "known" || c.keys[prev - 1] == "billed";
  }
  // "the author of “Hacked World Order,”", "a co-editor of “Chick Lit”", "the star of ...".
  if (key == "of" && prev > 0 &&
      in_list(c.keys[prev - 1], {"author", "editor", "co-editor", "creator", "host", "star",
                                 "producer", "writer", "publisher", "director", "heroine", "hero"})) {
    return true;
  }
  // "NBC's “Meet the Press”", "CBS' “60 Minutes”": a broadcaster's or publication's show.
  if (c.is_possessive(prev) && (c.is_publication(prev, prev + 1) || all_caps(c.words[prev].span.slice(c.text)))) {
    return true;
  }
  // Russian, Spanish and French nouns before a name (по программе «Промышленная разработка»,
  // el programa «Kit Digital», le projet « Villes intelligentes »), by their stems.
  for (const std::string_view stem : {"программ", "проект", "фильм", "книг", "передач", "шоу",
                                      "журнал", "газет", "форум", "сесси", "конференци", "компани",
                                      "фонд", "акци", "кампани", "лозунг", "девиз",
                                      "слоган", "lema", "programa", "proyecto", "libro", "película",
                                      "campaña", "eslogan", "projet", "livre", "émission", "slogan",
                                      "campagne"}) {
    if (key.starts_with(stem)) return true;
  }
  return in_list(key, {"titled", "entitled", "nicknamed", "dubbed", "headlined", "phrase",
                       "term", "word", "words", "slogan", "motto", "hashtag", "label", "title",
                       "headline", "show", "program", "programme", "series", "book", "film",
                       "movie", "novel", "song", "album", "play", "documentary", "segment",
                       "column", "op-ed", "editorial", "episode", "podcast", "memoir", "newsletter",
                       "magazine", "newspaper", "brand", "operation", "doctrine", "hashtags",
                       "ad", "spot", "blog", "commercial", "sheet"});
}

namespace {

constexpr std::size_t kSubjectSentences = 6;   // sentences searched back for a subject
constexpr std::uint32_t kSubjectParagraphs = 3;  // ... within this many paragraphs
constexpr int kSubjectDepth = 4;                 // pronoun subjects followed back

bool agrees(const Context& c, std::int32_t speaker, char gender) {
  if (speaker < 0) return false;
  const Speaker& s = c.speakers[static_cast<std::size_t>(speaker)];
  if (gender == 'p') return s.group || s.kind == SpeakerKind::kOrganisation;
  if (gender == 'n') return s.kind == SpeakerKind::kOrganisation;
  if (s.group || s.kind == SpeakerKind::kOrganisation) return false;
  if (speaker == c.addressed || speaker == c.narrator) return false;
  return s.gender == 0 || gender == 0 || s.gender == gender;
}

std::int32_t antecedent(Context& c, std::size_t before, char gender, int depth);

// The person that the sentence (words [begin, end)) is about: its subject, past quoted words,
// conjunctions and a leading adverbial phrase; -1 when it is not a known person.
std::int32_t sentence_subject(Context& c, std::size_t begin, std::size_t end, int depth,
                              SpeakerReference* how = nullptr) {
  SpeakerReference ignored;
  SpeakerReference& reference = how ? *how : ignored;
  std::size_t s = begin;
  while (s < end && c.words[s].quoted) ++s;  // “…,” Tobias said.
  if (s > begin && s < end) {
    // “…,” said Tobias. / « … », a souligné Mamadou Traoré.
    std::size_t v = s;
    if (c.keys[v] == "a" && v + 1 < end) ++v;
    if (const std::size_t m = c.match(WordClass::kVerbs, v); m > 0) s = skip_time(c, v + m, end);
  }
  s = clause_start(c, s, end);
  while (s < end && c.words[s].quoted) ++s;
  if (s >= end) return -1;
  if (c.is(WordClass::kPronouns, s)) {
    const std::string_view g = c.value(WordClass::kPronouns, s);
    if (depth >= kSubjectDepth || g.empty() || g[0] == 'p') return -1;
    reference = SpeakerReference::kPronoun;
    return antecedent(c, s, g[0], depth + 1);
  }
  reference = SpeakerReference::kName;
  if (const TitledName t = titled_name(c, s, end); t.ok()) {
    return c.find_person(t.name_begin, t.end, t.name_begin);
  }
  // "But his wife, Jane, offered a preview": the name in apposition.
  if (const TitledName t = appositive_name(c, s, end); t.ok()) {
    const std::int32_t p = c.person(t.name_begin, t.end);
    c.add_mention(p, t.name_begin, t.end);
    apply_title(c, p, t);
    return p;
  }
  if (c.words[s].upper && !c.is_article(s)) {
    const std::size_t e = std::min(name_end(c, s), end);
    // "Mr. Obama's suggestion": a possessive is not the subject.
    if (e == s || c.is_possessive(e - 1)) return -1;
    const std::size_t b = name_start(c, s, e);
    if (!person_like(c, b, e)) return -1;
    if (const std::int32_t known = c.find_person(b, e, b); known >= 0) return known;
    // A name that the roster did not admit but that is the subject of a verb ("Cruz openly
    // admitted that ...", "Carson defied the question"): a person now.
    std::size_t v = e;
    while (v < end && v < e + 2 && c.keys[v].size() > 4 && c.keys[v].ends_with("ly")) ++v;
    if (v < end && !c.words[v].upper && !c.words[v].quoted && !c.breaks(v, ",.;:!?()") &&
        (c.is(WordClass::kVerbs, v) || (c.keys[v].size() > 4 && c.keys[v].ends_with("ed")))) {
      const std::int32_t p = c.person(b, e);
      c.add_mention(p, b, e);
      return p;
    }
    return -1;
  }
  // "The senator said", "The parson smiled", "The doctor came back": the person with that
  // title or description.
  if (c.keys[s] == "the" && s + 1 < end && !c.is_possessive(s + 1)) {
    reference = SpeakerReference::kDescription;
    if (const std::int32_t d = c.described_at(s + 1); d >= 0) return d;
    if (c.is(WordClass::kRoles, s + 1)) return c.resolve_title(s, s + 1);
  }
  return -1;
}

std::int32_t antecedent(Context& c, std::size_t before, char gender, int depth) {
  if (before == 0 || before > c.size()) return -1;
  const std::uint32_t paragraph = c.words[before - 1].paragraph;
  std::size_t k = before;
  for (std::size_t n = 0; n < kSubjectSentences && k > 0; ++n) {
    const std::uint32_t sentence = c.words[k - 1].sentence;
    std::size_t b = k - 1;
    while (b > 0 && c.words[b - 1].sentence == sentence) --b;
    if (c.words[b].paragraph + kSubjectParagraphs < paragraph) break;
    const std::int32_t subject = sentence_subject(c, b, k, depth);
    if (agrees(c, subject, gender)) return subject;
    // A participle opening the pronoun's own sentence has the pronoun for subject, so the
    // people it names are not its antecedent: "Asked about her vote if Clinton faces Trump, she
    // replied".
    if (n == 0 && before < c.size() && c.words[before].sentence == sentence &&
        participle_opener(c, b)) {
      k = b;
      continue;
    }
    // No person is the subject, but the sentence names one: the first named before a verb of
    // speech ("His digital mastermind, Teddy Goff, helms ..., but Goff said ..."), else the first.
    std::int32_t first = -1;
    for (auto m = std::lower_bound(c.mentions.begin(), c.mentions.end(), b,
                                   [](const Context::Mention& x, std::size_t w) { return x.word < w; });
         m != c.mentions.end() && m->word < k; ++m) {
      if (!agrees(c, m->speaker, gender) || c.words[m->word].quoted) continue;
      if (first < 0) first = m->speaker;
      std::size_t e = m->word + 1;
      while (e < k && c.words[e].upper) ++e;
      if (e < k && c.is(WordClass::kVerbs, e) && c.gap(e).find_first_not_of(" \t\r\n\u00A0") == std::string_view::npos) {
        return m->speaker;
      }
    }
    if (first >= 0) return first;
    k = b;
  }
  return -1;
}

}  // namespace

std::int32_t subject_antecedent(Context& c, std::size_t before, char gender) {
  return antecedent(c, before, gender, 0);
}

NounPhrase narration_subject(Context& c, const Quote& q) {
  const auto [begin, end] = sentence_words(c, q.outer.begin);
  const std::size_t first = c.word_at_or_after(q.outer.begin);
  if (first <= begin || first > end) return {};
  NounPhrase np;
  np.speaker = sentence_subject(c, begin, first, 0, &np.reference);
  np.begin = begin;
  np.end = first;
  return np;
}

}  // namespace themescan::detail
