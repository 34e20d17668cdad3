// Names of organisations, places and people (entity_names.h). The rules are in the header and
// in docs/design.md ("Names"); this file says why they are shaped so.
#include "themescan/entity_names.h"

#include <algorithm>
#include <initializer_list>
#include <string>

#include "text_util.h"
#include "themescan/normalize.h"

namespace themescan {
namespace {

// A capitalised run is cut after this many words (a longer one is a list or a title), which
// bounds the key buffer; and the words a Russian head takes after it.
constexpr std::size_t kMaxRunWords = 32;
constexpr std::size_t kMaxChainWords = 10;
// A paragraph of at least this many words, all capitalised, is a headline (see find_names).
constexpr std::size_t kMinHeadlineWords = 4;

using Words = std::initializer_list<std::string_view>;

bool one_of(std::string_view word, Words list) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

// Lower-case words that join the capitalised words of one name (name particles included).
bool connector(std::string_view w) {
  return w.size() <= 4 &&
         one_of(w, {"of", "for", "and", "the", "de", "del", "la", "las", "los", "el", "du", "des",
                    "da", "do", "das", "dos", "di", "y", "e", "et", "und", "für", "pour", "para",
                    "van", "von", "bin", "al"});
}

// After an organisation word, the prepositions that make it the head of a longer name.
bool head_preposition(std::string_view w) {
  return w.size() <= 4 && one_of(w, {"of", "for", "de", "del", "du", "des", "da", "do", "das",
                                     "dos", "di", "für", "pour", "para"});
}

bool conjunction(std::string_view w) {
  return w.size() <= 3 && one_of(w, {"and", "y", "e", "et", "und"});
}

bool article(std::string_view w) {
  return w.size() <= 3 && one_of(w, {"the", "el", "la", "las", "los", "le", "les", "der", "die",
                                     "das", "o", "os", "a", "an", "as"});
}

// Words a title-case headline leaves in lower case.
bool minor_word(std::string_view w) {
  return connector(w) || article(w) ||
         one_of(w, {"or", "nor", "but", "in", "on", "at", "to", "by", "with", "from", "into", "onto",
                    "over", "per", "via", "vs", "about", "across", "after", "against", "amid",
                    "among", "around", "before", "between", "beyond", "despite", "during", "off",
                    "out", "since", "than", "through", "toward", "towards", "under", "until", "up",
                    "upon", "within", "without", "en", "con", "sur", "au", "aux", "mit", "в", "и",
                    "на", "с", "о", "по", "для", "к"});
}

// Russian words that end a genitive chain although they end like a genitive.
bool russian_stop_word(std::string_view w) {
  return one_of(w, {"для", "при", "среди", "или", "его", "её", "ее", "их", "ей", "она", "они",
                    "который", "которая", "которое", "которые", "которого", "которой", "которых",
                    "этого", "этой", "этих", "того", "той", "тех", "всех", "всего", "также",
                    "между", "через", "перед", "после", "около", "против", "из", "от", "до", "за",
                    "без", "под", "над", "про", "об", "обо", "со", "во", "ко", "у", "а", "но"});
}

bool ends_with_any(std::string_view w, Words endings) {
  for (const std::string_view e : endings) {
    if (w.size() > e.size() && w.ends_with(e)) return true;
  }
  return false;
}

// A Russian word that may stand in a genitive chain (Центра международного ИТ-сотрудничества):
// genitive endings of nouns and adjectives, but not nominative feminine adjectives (-ая), past
// tenses (-ла, -ли) or reflexive verbs (-ся), which end alike.
bool genitive_like(std::string_view w) {
  if (ends_with_any(w, {"ая", "яя", "ла", "ли", "ся"})) return false;
  return ends_with_any(w, {"а", "я", "ы", "и", "ов", "ев", "ёв", "ей", "ий", "ого", "его", "ых",
                           "их", "ой", "ств"});
}

// After "и" in a chain, a word that goes on with the name (Министерства науки и высшего
// образования) rather than a new phrase (Центр и партнёры).
bool genitive_after_and(std::string_view w) {
  return ends_with_any(w, {"ого", "его", "ых", "их", "ии", "ния", "ства", "ций"});
}

bool cyrillic(UChar32 c) { return c >= 0x0400 && c <= 0x04FF; }

bool upper_letter(UChar32 c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return u_isupper(c) || u_istitle(c);
}

// Every letter upper-case, at least two of them: ИТ, ПО, IT, OPEC.
bool all_caps(std::string_view w) {
  std::size_t letters = 0;
  for (std::size_t i = 0, len = 0; i < w.size(); i += len) {
    const UChar32 c = detail::code_point_at(w, i, &len);
    if (u_isalpha(c)) {
      if (!u_isupper(c)) return false;
      ++letters;
    }
  }
  return letters >= 2;
}

// The bytes of a French elision before a capitalised word: 2 for l'Agence, 4 for d’Information.
std::size_t elision(std::string_view w) {
  if (w.size() < 3 || (w[0] != 'l' && w[0] != 'd')) return 0;
  if (w[1] == '\'') return 2;
  return w.size() > 4 && w.substr(1).starts_with("\u2019") ? 4 : 0;
}

bool possessive(std::string_view w) {
  return w.size() > 2 && w.back() == 's' && (w.ends_with("'s") || w.ends_with("\u2019s"));
}

void drop_possessive(std::string& key) {
  if (key.size() > 3 && key.ends_with("'s")) key.resize(key.size() - 2);
}

class NameFinder {
 public:
  NameFinder(std::string_view text, const TokenizedText& tokens, const AttributionLexicon& words)
      : text_(text), words_(tokens.words), lexicon_(words) {}

  std::vector<NameSpan> run() {
    for (std::size_t i = 0; i < words_.size();) {
      if (words_[i].paragraph != paragraph_) end_paragraph(words_[i].paragraph);
      std::size_t next = i + 1;
      if (capital(i)) {
        run_begin_ = i;
        key(i);
        if (cyrillic_at(i) && is(WordClass::kOrganisations, i)) {
          next = russian_chain(i);
          if (next - i >= 2) add(i, next, NameKind::kOrganisation);
        } else {
          next = run_end(i);
          if (next - i >= 2) names_in_run(i, next);
        }
        for (std::size_t k = 0; k < keyed_; ++k) keys_[k].clear();
        keyed_ = 0;
      }
      for (std::size_t k = i; k < next; ++k) note(k);
      i = next;
    }
    end_paragraph(0);
    return std::move(names_);
  }

 private:
  std::string_view word(std::size_t k) const { return words_[k].span.slice(text_); }

  UChar32 first_code_point(std::size_t k) const {
    std::size_t length;
    return detail::code_point_at(word(k), 0, &length);
  }

  bool cyrillic_at(std::size_t k) const { return cyrillic(first_code_point(k)); }

  // A capitalised word (l'Agence and d’Information count: their name starts after the elision).
  bool upper(std::size_t k) const {
    if (words_[k].kind != WordKind::kLetter) return false;
    const std::string_view w = word(k);
    if (upper_letter(first_code_point(k))) return true;
    const std::size_t elided = elision(w);
    std::size_t length;
    return elided > 0 && upper_letter(detail::code_point_at(w, elided, &length));
  }

  // A word that may stand in a name: capitalised, or a short prefix hyphenated to a capitalised
  // word (e-Government Centre).
  bool capital(std::size_t k) const {
    return upper(k) || (k + 1 < words_.size() && word(k).size() <= 2 &&
                        words_[k].kind == WordKind::kLetter && hyphenated(k + 1) && upper(k + 1));
  }

  // Word k goes on with the phrase of word k - 1: same sentence, and only spaces, one line break
  // inside the paragraph, a hyphen without spaces (ИТ-сотрудничества) or " & " between.
  bool joined(std::size_t k) const {
    const Token& prev = words_[k - 1];
    const Token& cur = words_[k];
    if (prev.sentence != cur.sentence) return false;
    const std::string_view gap = text_.substr(prev.span.end, cur.span.begin - prev.span.end);
    if (cur.joins_prev) {
      return gap.size() == 1 || gap.find('-') == std::string_view::npos ||
             gap.find(' ') == std::string_view::npos;
    }
    return gap == " & " || gap == "&";
  }

  // The key of word k into the buffer of the current run (a possessive dropped).
  void key(std::size_t k) {
    std::string& out = keys_[k - run_begin_];
    keyed_ = std::max(keyed_, k - run_begin_ + 1);
    const std::string_view w = word(k);
    normalizer_.key(w.substr(upper(k) ? elision(w) : 0), out);
    drop_possessive(out);
  }

  // Entries of `word_class` match at word k (whose key, and those after it, are in the buffer).
  bool is(WordClass word_class, std::size_t k) const { return match(word_class, k) > 0; }
  std::size_t match(WordClass word_class, std::size_t k) const {
    return lexicon_.list(word_class).match(keys_, k - run_begin_).length;
  }

  // The end of the capitalised run starting at i: capitalised words of one script, and up to two
  // connectors between two of them; a possessive ends it, and in Cyrillic so does an
  // organisation head, which starts a name of its own.
  std::size_t run_end(std::size_t i) {
    const bool in_cyrillic = cyrillic_at(i);
    std::size_t last = i;
    for (std::size_t k = i + 1; k < words_.size() && k - i < kMaxRunWords && joined(k); ++k) {
      if (possessive(word(last))) break;
      if (capital(k)) {
        if (cyrillic_at(k) != in_cyrillic) break;
        key(k);
        if (in_cyrillic && is(WordClass::kOrganisations, k)) break;
        last = k;
      } else if (!in_cyrillic && k - last <= 2 && connector(word(k))) {
        key(k);
      } else {
        break;
      }
    }
    return last + 1;
  }

  // Names in the capitalised run [b, e), segment by segment. A segment ending in a role word
  // and followed by of or for without an article opens the portfolio of a title (Minister for
  // Digital Economy and Public Services of Kenya): no names in it until an article (Director of
  // the Center for Global IT Cooperation).
  void names_in_run(std::size_t b, std::size_t e) {
    bool portfolio = false;
    for (std::size_t s = b; s < e;) {
      if (!capital(s)) {
        for (; s < e && !capital(s); ++s) portfolio = portfolio && !article(word(s));
        continue;
      }
      std::size_t se = s;
      while (se < e && capital(se)) ++se;
      if (!portfolio && se < e && is(WordClass::kRoles, se - 1) && head_preposition(word(se)) &&
          !(se + 1 < e && article(word(se + 1)))) {
        portfolio = true;
      }
      s = portfolio ? se : names_in_segment(s, se, e);
    }
  }

  // Words that end an organisation's name within its segment: the title or name of a person
  // after it (Ohio State University Professor Paul Beck).
  bool person_word(std::size_t k) const {
    return is(WordClass::kRoles, k) || is(WordClass::kHonorifics, k) ||
           is(WordClass::kGivenNames, k);
  }

  // The segment [sb, se) of capitalised words in a run ending at e; returns where the next
  // segment may start: after the segments an organisation head took, or at a person's title
  // that cut the segment.
  std::size_t names_in_segment(std::size_t sb, std::size_t se, std::size_t e) {
    const std::size_t first = sb + 1 < se && article(keys_[sb - run_begin_]) ? sb + 1 : sb;
    std::size_t org = first;
    while (org < se && !is(WordClass::kOrganisations, org)) ++org;
    if (org < se) {
      std::size_t cut = org + 1;
      while (cut < se && !person_word(cut)) ++cut;
      // The head takes what follows its segment: Center for Global IT Cooperation, and in
      // Romance order Instituto Paraguayo de Gobierno Abierto.
      const std::size_t end = cut == se ? head_tail(se, e) : cut;
      if (end - first >= 2) {
        add(first, end, NameKind::kOrganisation);
        return end;
      }
      if (cut < se) return cut;
    }
    // Places of two words or more that end the segment (Visit Nizhny Novgorod; not New York in
    // New York Times).
    for (std::size_t b = first; b < se; ++b) {
      std::size_t k = b;
      while (k < e && capital(k)) {
        const std::size_t m = match(WordClass::kPlaces, k);
        if (m == 0) break;
        k += m;
      }
      if (k - b >= 2 && (k == e || !capital(k))) {
        add(b, k, NameKind::kPlace);
        return k;
      }
    }
    if (se - first >= 2 && se - first <= 4 && org == se &&
        (is(WordClass::kGivenNames, first) || is(WordClass::kHonorifics, first))) {
      add(first, se, NameKind::kPerson);
    }
    return se;
  }

  // A segment with an organisation word ends at `se`: the end of the name it heads (Center for
  // Global IT Cooperation), or `se` when no head preposition and capitalised word follow.
  std::size_t head_tail(std::size_t se, std::size_t e) const {
    if (se >= e || !head_preposition(word(se))) return se;
    std::size_t end = se;
    for (std::size_t k = se; k < e;) {
      const std::size_t c = k;
      while (k < e && !capital(k)) ++k;
      // "and the", "y la" start a new phrase (the Center for X and the Ministry of Y), and so
      // does a person after "and" (the University of Zurich and Gordon Hanson).
      if (c != se && conjunction(word(c)) &&
          ((c + 1 < k && article(word(c + 1))) || (k < e && person_word(k)))) {
        break;
      }
      while (k < e && capital(k)) ++k;
      end = k;
    }
    return end;
  }

  // The genitive chain after the Russian organisation head at h; returns its end. After a
  // capitalised word that is no acronym (Татарстана, Российской) only capitalised words follow:
  // a place in the genitive closes a name. After a plural genitive adjective (-ых, -их) the noun
  // it goes with is taken whatever its ending (стратегических инициатив). A word joined by a
  // hyphen to the next (ИТ-сотрудничества, интернет-инициатив) is taken with it or not at all.
  std::size_t russian_chain(std::size_t h) {
    std::size_t last = h;
    bool proper = false;  // a capitalised word was taken
    for (std::size_t k = h + 1; k < words_.size() && k - h <= kMaxChainWords && joined(k); ++k) {
      std::size_t e = k + 1;  // the words judged together: a hyphenated compound
      while (e < words_.size() && e - h <= kMaxChainWords && hyphenated(e)) ++e;
      bool ok = true;
      for (std::size_t j = k; ok && j < e; ++j) ok = j + 1 < e || chain_word(j, proper);
      if (!ok && e == k + 1 && word(k) == "и" && e < words_.size() && joined(e) && !upper(e) &&
          genitive_after_and(word(e))) {
        continue;  // Министерства науки и высшего образования
      }
      if (!ok) break;
      for (std::size_t j = k; j < e; ++j) proper = proper || (upper(j) && !all_caps(word(j)));
      last = e - 1;
      k = e - 1;
    }
    return last + 1;
  }

  // Word k is joined to word k - 1 by a hyphen alone.
  bool hyphenated(std::size_t k) const {
    const Token& prev = words_[k - 1];
    return prev.span.end + 1 == words_[k].span.begin && text_[prev.span.end] == '-' &&
           words_[k].sentence == prev.sentence;
  }

  // Word k may go on with a Russian genitive chain (`proper`: a capitalised word was taken).
  bool chain_word(std::size_t k, bool proper) {
    if (words_[k].kind != WordKind::kLetter || possessive(word(k))) return false;
    const std::string_view w = word(k);
    if (all_caps(w)) return true;
    if (!cyrillic_at(k)) return false;
    if (upper(k)) {
      if (!genitive_like(w)) return false;
      key(k);
      return !is(WordClass::kGivenNames, k);
    }
    if (proper || russian_stop_word(w) || w == "и") return false;
    if (genitive_like(w)) return true;
    // The noun of a plural genitive adjective: стратегических инициатив (k > 0: a head is before).
    const std::string_view before = word(k - 1);
    return !upper(k - 1) && ends_with_any(before, {"ых", "их"}) &&
           !ends_with_any(w, {"ла", "ли", "ло", "ся", "сь", "ть", "ет", "ит", "ют", "ят", "ут"}) &&
           !russian_stop_word(before);
  }

  void add(std::size_t b, std::size_t e, NameKind kind) {
    const auto begin = static_cast<std::uint32_t>(words_[b].span.begin + elision(word(b)));
    names_.push_back({{begin, words_[e - 1].span.end}, kind});
  }

  // The headline test, one word at a time (nothing left to test once a word is lower-case).
  void note(std::size_t k) {
    if (!paragraph_title_case_ || words_[k].kind != WordKind::kLetter) return;
    ++paragraph_words_;
    if (!upper(k) && !minor_word(word(k))) paragraph_title_case_ = false;
  }

  // In a title-case paragraph capitalisation tells nothing, so only places stay.
  void end_paragraph(std::uint32_t next) {
    if (paragraph_title_case_ && paragraph_words_ >= kMinHeadlineWords) {
      const auto from = names_.begin() + static_cast<std::ptrdiff_t>(paragraph_first_name_);
      names_.erase(std::remove_if(from, names_.end(),
                                  [](const NameSpan& n) { return n.kind != NameKind::kPlace; }),
                   names_.end());
    }
    paragraph_ = next;
    paragraph_words_ = 0;
    paragraph_title_case_ = true;
    paragraph_first_name_ = names_.size();
  }

  std::string_view text_;
  const std::vector<Token>& words_;
  const AttributionLexicon& lexicon_;
  Normalizer normalizer_;
  // Keys of the current run, indexed from run_begin_: always kMaxRunWords + 1 strings, those
  // past the run empty (an empty key matches no entry), so WordList::match never reads a stale
  // key and the strings keep their capacity from run to run.
  std::vector<std::string> keys_ = std::vector<std::string>(kMaxRunWords + 1);
  std::size_t run_begin_ = 0;
  std::size_t keyed_ = 0;  // keys_[0, keyed_) hold keys of the current run
  std::vector<NameSpan> names_;
  std::uint32_t paragraph_ = 0;
  std::size_t paragraph_words_ = 0;
  bool paragraph_title_case_ = true;
  std::size_t paragraph_first_name_ = 0;
};

}  // namespace

std::vector<NameSpan> find_names(std::string_view text, const TokenizedText& tokens,
                                 const AttributionLexicon& words) {
  return NameFinder(text, tokens, words).run();
}

void mark_hits_in_names(const std::vector<NameSpan>& names, std::vector<Hit>& hits) {
  std::size_t n = 0;
  for (Hit& hit : hits) {
    while (n < names.size() && names[n].span.end <= hit.span.begin) ++n;
    hit.in_name = n < names.size() && names[n].span.contains(hit.span) &&
                  names[n].span.size() > hit.span.size();
  }
}

}  // namespace themescan
