// The word view and speaker table shared by the attribution passes.
#include <algorithm>
#include <array>
#include <utility>

#include "attribution_internal.h"
#include "text_util.h"
#include "themescan/document.h"

namespace themescan::detail {
namespace {

bool starts_upper(std::string_view word) {
  std::size_t length;
  const UChar32 c = code_point_at(word, 0, &length);
  return u_isupper(c) || u_istitle(c);
}

// Drops a possessive ending: Kenya's -> kenya, Russia’s -> russia, Jones' -> jones.
void drop_possessive(std::string& key) {
  if (key.size() > 3 && key.ends_with("'s")) {
    key.resize(key.size() - 2);
  } else if (key.size() > 2 && key.back() == '\'') {
    key.pop_back();
  }
}

// Two name words that may be forms of one name: equal, or (for words outside ASCII, such as
// Russian surnames in another case: Лаптева / Лаптевой) equal apart from an ending of at most
// two letters.
bool same_name_word(std::string_view a, std::string_view b) {
  if (a == b) return true;
  const auto non_ascii = [](std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
  };
  if (!non_ascii(a) || !non_ascii(b)) return false;
  std::size_t common = 0;
  while (common < a.size() && common < b.size() && a[common] == b[common]) ++common;
  const std::size_t longer = std::max(a.size(), b.size());
  return common >= 6 && common + 4 >= longer;
}

}  // namespace

// The key under which a name word is indexed: words that same_name_word() may call equal share
// it (a non-ASCII word of 6 bytes or more by its first 6 bytes, any other word whole).
std::string name_index_key(std::string_view word) {
  const bool non_ascii =
      std::any_of(word.begin(), word.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
  return std::string(non_ascii && word.size() >= 6 ? word.substr(0, 6) : word);
}

namespace {

// Russian surnames tell the gender: Лаптева, Бурцева, Ковальская / Стрельников, Хайруллин.
char gender_from_surname(std::string_view key) {
  for (std::string_view f : {"ова", "ева", "ёва", "ина", "ская", "цкая"}) {
    if (key.ends_with(f)) return 'f';
  }
  for (std::string_view m : {"ов", "ев", "ёв", "ин", "ский", "цкий"}) {
    if (key.ends_with(m)) return 'm';
  }
  return 0;
}

}  // namespace

Context::Context(std::string_view text_in, const TokenizedText& tokens_in,
                 const AttributionLexicon& lexicon_in, const std::vector<Quote>& quotes)
    : text(text_in), tokens(tokens_in), lexicon(lexicon_in) {
  words.reserve(tokens.words.size());
  keys.reserve(tokens.words.size());
  match_cache_.assign(tokens.words.size() * kWordClassCount, kUnknownMatch);
  std::size_t q = 0;
  for (const Token& token : tokens.words) {
    Word word;
    word.span = token.span;
    word.sentence = token.sentence;
    word.paragraph = token.paragraph;
    word.upper = token.kind == WordKind::kLetter && starts_upper(token.span.slice(text));
    while (q < quotes.size() && quotes[q].outer.end <= token.span.begin) ++q;
    // Quotes are sorted by begin and nested ones lie inside their outer quote, so the first
    // quote not ending before the word decides.
    for (std::size_t k = q; k < quotes.size() && quotes[k].outer.begin <= token.span.begin; ++k) {
      if (quotes[k].outer.contains(token.span) && quotes[k].type != QuoteType::kIndirect) {
        word.quoted = true;
        break;
      }
    }
    words.push_back(word);
    std::string key = normalizer_.key(token.span.slice(text));
    drop_possessive(key);
    keys.push_back(std::move(key));
  }
  mark_common_capitals();
}

namespace {
constexpr std::array<std::string_view, 9> kAdverbEndings = {
    "ally", "ently", "antly", "ously", "ively", "edly", "fully", "lessly", "ingly"};
}  // namespace

void Context::mark_common_capitals() {
  common_capital_.assign(words.size(), false);
  // A word opens a sentence when the tokenizer says so or a quotation mark comes before it.
  const auto opens = [&](std::size_t i) {
    return i == 0 || words[i].sentence != words[i - 1].sentence ||
           has_any(gap(i), "\"“”‘’«»„—");
  };
  // The keys of capitalised words that open a sentence, and how the rest of the text writes
  // them: in lower case somewhere, capitalised inside a sentence somewhere.
  struct Seen {
    bool lower = false;
    bool capital_inside = false;
  };
  std::unordered_map<std::string_view, Seen> openers;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (words[i].upper && opens(i)) openers.try_emplace(keys[i]);
  }
  if (openers.empty()) return;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (words[i].upper && opens(i)) continue;
    const auto it = openers.find(keys[i]);
    if (it == openers.end()) continue;
    (words[i].upper ? it->second.capital_inside : it->second.lower) = true;
  }
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (!words[i].upper || !opens(i)) continue;
    const Seen& seen = openers.find(keys[i])->second;
    if (seen.capital_inside) continue;
    // "Then Tom", "Finally Tom": a function word, or an adverb before a name (by its ending, long
    // enough that Sally or Emily are not taken for one).
    const std::string& key = keys[i];
    // "Happily, the architect ...": any -ly word that long before a comma.
    const bool before_name = i + 1 < words.size() && words[i + 1].upper && gap(i + 1) == " ";
    const bool before_comma = i + 1 < words.size() && gap(i + 1) == ", ";
    const bool adverb =
        key.size() >= 7 &&
        ((before_name && std::any_of(kAdverbEndings.begin(), kAdverbEndings.end(),
                                     [&](std::string_view e) { return key.ends_with(e); })) ||
         (before_comma && key.ends_with("ly")));
    common_capital_[i] = seen.lower || is_function_word(i) || adverb;
  }
}

std::string_view Context::gap(std::size_t i) const {
  const std::uint32_t begin = i == 0 ? 0 : words[i - 1].span.end;
  const std::uint32_t end = i >= words.size() ? static_cast<std::uint32_t>(text.size())
                                              : words[i].span.begin;
  return text.substr(begin, end - begin);
}

bool Context::breaks(std::size_t i, std::string_view marks) const {
  if (i == 0 || i >= words.size()) return true;
  return words[i].paragraph != words[i - 1].paragraph ||
         gap(i).find_first_of(marks) != std::string_view::npos;
}

std::string_view Context::slice(std::size_t begin, std::size_t end) const {
  if (begin >= end) return {};
  return text.substr(words[begin].span.begin, words[end - 1].span.end - words[begin].span.begin);
}

std::size_t Context::match(WordClass word_class, std::size_t i) const {
  if (i >= words.size()) return 0;
  // Each (word, class) is looked up once: attribution asks the same questions many times.
  std::uint8_t& cached = match_cache_[i * kWordClassCount + static_cast<std::size_t>(word_class)];
  if (cached == kUnknownMatch) {
    const std::size_t length = lexicon.list(word_class).match(keys, i).length;
    cached = static_cast<std::uint8_t>(std::min<std::size_t>(length, kUnknownMatch - 1));
    if (length >= kUnknownMatch - 1) return length;  // phrases that long are not cached
  }
  return cached;
}

std::string_view Context::value(WordClass word_class, std::size_t i) const {
  if (i >= words.size()) return {};
  return lexicon.list(word_class).match(keys, i).value;
}

bool Context::is_possessive(std::size_t i) const {
  if (i >= words.size()) return false;
  const std::string_view word = words[i].span.slice(text);
  return word.ends_with("'s") || word.ends_with("\u2019s");
}

bool Context::is_article(std::size_t i) const {
  return i < words.size() &&
         in_list(keys[i], {"the", "a", "an", "one", "another", "el", "la", "los", "las", "le", "les", "l",
                           "un", "una", "une", "uno", "this", "that", "these", "those", "his",
                           "her", "their", "its", "our"});
}

bool Context::is_indefinite(std::size_t i) const {
  return i < words.size() && in_list(keys[i], {"a", "an", "one", "another", "un", "una", "une", "uno"});
}

bool Context::is_quantifier(std::size_t i) const {
  return i < words.size() &&
         in_list(keys[i], {"several", "many", "some", "most", "all", "both", "other", "two",
                           "three", "four", "various", "numerous", "few", "varios", "varias",
                           "algunos", "muchos", "todos", "несколько", "многие", "все",
                           "plusieurs", "certains", "tous"});
}

bool Context::is_function_word(std::size_t i) const {
  return i < words.size() &&
         in_list(keys[i], {"i", "we", "you", "it", "there", "then", "but", "and", "so", "yes",
                           "no", "oh", "if", "when", "what", "who", "how", "why", "now", "here",
                           "in", "on", "at", "for", "from", "after", "before", "as", "with", "by",
                           "to", "of", "all", "both", "nor", "or", "not", "well", "just",
                           "yet", "still", "however", "meanwhile", "moreover", "instead",
                           "indeed", "also", "thus", "nonetheless", "nevertheless", "besides",
                           "while", "whilst", "amid", "although", "though", "since", "because",
                           "despite", "unlike", "until", "unless", "whether", "once",
                           // interjections that open a quote as a vocative would: “Sorry, I ...”
                           "sorry", "please", "thanks", "okay", "ok", "hey", "wow", "hello",
                           "goodbye", "yeah", "really", "seriously", "honestly", "absolutely",
                           "exactly", "alas",
                           "во", "в", "на", "по", "и", "en", "con", "para", "y", "et", "pour"});
}

bool Context::before_division(std::size_t i) const {
  return i < words.size() && !words[i].upper && i > 0 && gap(i) == " " &&
         in_list(keys[i], {"область", "области", "областью", "край", "края", "краю", "краем",
                           "округ", "округа", "округе", "район", "района", "районе",
                           "республика", "республики", "республике", "oblast", "krai",
                           "province", "provincia", "prefecture", "county"});
}

bool Context::surname_elsewhere(std::size_t k) const {
  if (!surnames_built_) {
    surnames_built_ = true;
    for (std::size_t j = 1; j < words.size(); ++j) {
      if (words[j].upper && words[j - 1].upper && is(WordClass::kGivenNames, j - 1) && gap(j) == " ") {
        surnames_.insert(keys[j]);
      }
    }
  }
  return k < words.size() && surnames_.contains(keys[k]);
}

bool Context::known_organisation(std::size_t begin, std::size_t end) const {
  if (begin >= end || organisation_words_.empty()) return false;
  for (std::size_t k = begin; k < end; ++k) {
    if (!organisation_words_.contains(keys[k])) return false;
  }
  return true;
}

void Context::collect_organisation_words() {
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (!words[i].upper || words[i].quoted) continue;
    std::size_t e = i + 1;
    while (e < words.size() && words[e].upper && !words[e].quoted && gap(e) == " " &&
           words[e].sentence == words[i].sentence) {
      ++e;
    }
    // "ChemLawn Corp", "Verdant Pharmaceuticals Inc", "Cushman & Wakefield" is left alone.
    if (e - i >= 2 && is(WordClass::kOrganisations, e - 1) && keys[e - 1].size() <= 5) {
      for (std::size_t k = i; k + 1 < e; ++k) {
        if (!is(WordClass::kOrganisations, k) && !is(WordClass::kGivenNames, k)) {
          organisation_words_.insert(keys[k]);
        }
      }
    }
    i = e - 1;
  }
}

bool Context::covered(WordClass word_class, std::size_t begin, std::size_t end) const {
  if (begin >= end) return false;
  for (std::size_t k = begin; k < end;) {
    const std::size_t m = match(word_class, k);
    if (m == 0 || k + m > end) return false;
    k += m;
  }
  return true;
}

std::size_t Context::word_at_or_after(std::uint32_t offset) const {
  const auto it = std::lower_bound(words.begin(), words.end(), offset,
                                   [](const Word& w, std::uint32_t o) { return w.span.begin < o; });
  return static_cast<std::size_t>(it - words.begin());
}

std::pair<std::size_t, std::size_t> Context::words_within(Span span) const {
  const std::size_t first = word_at_or_after(span.begin);
  std::size_t end = first;
  while (end < words.size() && words[end].span.end <= span.end) ++end;
  return {first, end};
}

std::int32_t Context::add_speaker(Speaker speaker) {
  speakers.push_back(std::move(speaker));
  name_keys_.emplace_back();
  title_keys_.emplace_back();
  description_keys_.emplace_back();
  mention_words_.emplace_back();
  mention_spans_.emplace_back();
  name_gender_.push_back(0);
  return static_cast<std::int32_t>(speakers.size() - 1);
}

void Context::set_name(std::int32_t speaker, std::size_t begin, std::size_t end) {
  // A courtesy or office title before a full name is not part of it: "Prof. Harriet Namubiru"
  // is Harriet Namubiru (the written form stays an alias; Sen., Gov., Rep. become the role when
  // there is none), but "Mr. Bennet" keeps its title, and so do Sir, Lady and Lord.
  std::size_t first = begin;
  while (first < end && is(WordClass::kHonorifics, first) &&
         !in_list(keys[first], {"sir", "lady", "lord", "dame"})) {
    ++first;
  }
  std::size_t named_words = 0;
  for (std::size_t k = first; k < end; ++k) named_words += !is(WordClass::kParticles, k);
  if (first > begin && named_words >= 2 && !is_possessive(end - 1)) {
    add_alias(speaker, slice(begin, end));
    Speaker& s = speakers[static_cast<std::size_t>(speaker)];
    if (s.role.empty() && in_list(keys[first - 1], {"sen", "senator", "gov", "governor", "rep",
                                                    "president", "minister", "ambassador"})) {
      s.role = std::string(slice(first - 1, first));
    }
    begin = first;
  }
  // Names are shown on one line: "the\nwaggoner" in hard-wrapped text is "the waggoner".
  std::string name = collapse_spaces(slice(begin, end));
  // "at Miss Watkin's house": the person is Miss Watkin.
  if (is_possessive(end - 1)) name.resize(name.size() - (name.ends_with("'s") ? 2 : 4));
  // A longer form replaces a partial one ("Durbeyfield", then "John Durbeyfield"): the earlier
  // form stays an alias.
  std::string previous = std::exchange(speakers[static_cast<std::size_t>(speaker)].name, std::move(name));
  if (!previous.empty()) add_alias(speaker, previous);
  std::vector<std::string>& name_keys = name_keys_[static_cast<std::size_t>(speaker)];
  for (const std::string& key : name_keys) {
    std::vector<std::int32_t>& bucket = name_index_[name_index_key(key)];
    bucket.erase(std::remove(bucket.begin(), bucket.end(), speaker), bucket.end());
  }
  name_keys.clear();
  for (std::size_t k = begin; k < end; ++k) {
    if (!is(WordClass::kHonorifics, k) && !is(WordClass::kParticles, k)) name_keys.push_back(keys[k]);
  }
  for (const std::string& key : name_keys) {
    std::vector<std::int32_t>& bucket = name_index_[name_index_key(key)];
    if (std::find(bucket.begin(), bucket.end(), speaker) == bucket.end()) bucket.push_back(speaker);
  }
}

std::int32_t Context::unnamed_speaker(std::size_t begin, std::size_t end, bool group) {
  return unnamed_speaker(begin, end, group, "");
}

std::int32_t Context::unnamed_speaker(std::size_t begin, std::size_t end, bool group,
                                      const std::string& given_key) {
  std::string name = collapse_spaces(slice(begin, end));
  // "The Florida senator’s answer was": the speaker is "the Florida senator".
  if (end > begin && is_possessive(end - 1)) {
    for (const std::string_view suffix : {"'s", "\u2019s"}) {
      if (name.ends_with(suffix)) name.resize(name.size() - suffix.size());
    }
  }
  // "A spokeswoman said" at the start of a sentence is "a spokeswoman".
  if (is_article(begin) && !name.empty() && name[0] >= 'A' && name[0] <= 'Z') name[0] += 'a' - 'A';
  const std::string key = given_key.empty() ? normalizer_.key(name) : given_key;
  if (const auto it = unnamed_index_.find(key); it != unnamed_index_.end()) return it->second;
  Speaker speaker;
  speaker.name = std::move(name);
  speaker.named = false;
  speaker.group = group;
  speaker.kind = group ? SpeakerKind::kGroup : SpeakerKind::kUnnamed;
  for (std::size_t k = begin; k < end && !group; ++k) {  // "the old woman" is a she
    const std::string_view gender = value(WordClass::kUnnamed, k);
    if (!gender.empty()) speaker.gender = gender[0];
  }
  const std::int32_t id = add_speaker(std::move(speaker));
  unnamed_index_.emplace(key, id);
  if (!group) {
    std::vector<std::string>& description = description_keys_[static_cast<std::size_t>(id)];
    for (std::size_t k = is_article(begin) ? begin + 1 : begin; k < end; ++k) {
      description.push_back(keys[k]);
    }
    if (!description.empty()) description_index_[description.front()].push_back(id);
  }
  return id;
}

namespace {
constexpr std::size_t kDescriptionWindow = 80;  // words searched back for "the doctor"
}  // namespace

std::int32_t Context::resolve_pronoun(std::size_t before, char gender) const {
  const auto avoided = [&](std::int32_t s) { return s == addressed; };
  if (partner >= 0 && partner != narrator && gender != 'p' && !avoided(partner)) {
    const Speaker& s = speakers[static_cast<std::size_t>(partner)];
    if (!s.group && (s.gender == 0 || gender == 0 || s.gender == gender)) return partner;
  }
  const std::uint32_t paragraph = before < words.size() ? words[before].paragraph : 0;
  const auto compatible = [&](const Mention& m) {
    const Speaker& s = speakers[static_cast<std::size_t>(m.speaker)];
    if (gender == 'p') return s.group;
    if (gender == 'n') return s.kind == SpeakerKind::kOrganisation;
    if (s.kind == SpeakerKind::kOrganisation) return false;
    if (avoided(m.speaker) || m.speaker == narrator) return false;
    if (s.group || (!s.named && !generic_descriptions)) return false;
    return s.gender == 0 || gender == 0 || s.gender == gender;
  };
  // The most recent compatible mention before `before`, within 8 paragraphs.
  const auto last = [&](const std::vector<Mention>& list) -> const Mention* {
    auto it = std::lower_bound(list.begin(), list.end(), before,
                               [](const Mention& m, std::size_t b) { return m.word < b; });
    while (it != list.begin()) {
      --it;
      if (words[it->word].paragraph + 8 < paragraph) break;
      if (compatible(*it)) return &*it;
    }
    return nullptr;
  };
  const Mention* named = last(mentions);
  const Mention* spoke = generic_descriptions ? last(turns) : nullptr;
  Mention best{0, -1};
  if (named) best = *named;
  if (spoke && (best.speaker < 0 || spoke->word > best.word)) best = *spoke;
  // A described character mentioned again in the narration ("The doctor came back. ... he
  // announced") is more recent than their last turn.
  std::size_t at = 0;
  if (generic_descriptions && gender != 'p') {
    const std::int32_t described = recent_description(before, gender, kDescriptionWindow, &at);
    if (described >= 0 && !avoided(described) && (best.speaker < 0 || at > best.word)) {
      best = {at, described};
    }
  }
  return best.speaker;
}

std::int32_t Context::recent_description(std::size_t before, char gender, std::size_t window,
                                         std::size_t* at) const {
  if (description_index_.empty() && title_index_.empty()) return -1;
  const std::size_t stop = before > window ? before - window : 0;
  for (std::size_t k = std::min(before, words.size()); k-- > stop;) {
    if (words[k].quoted || k == 0 || !is_article(k - 1)) continue;  // "the doctor"
    // A person named with a title, described by it: "The doctor came back" for Dr. Archie.
    if (keys[k - 1] == "the" && !title_index_.empty()) {
      if (const std::int32_t s = resolve_title_noun(k, keys[k]); s >= 0) {
        const Speaker& person = speakers[static_cast<std::size_t>(s)];
        if (person.gender == 0 || gender == 0 || person.gender == gender) {
          *at = k - 1;
          return s;
        }
      }
    }
    const auto candidates = description_index_.find(keys[k]);
    if (candidates == description_index_.end()) continue;
    for (const std::int32_t s : candidates->second) {  // in order of creation
      const auto index = static_cast<std::size_t>(s);
      const std::vector<std::string>& description = description_keys_[index];
      if (k + description.size() > before) continue;
      const Speaker& speaker = speakers[index];
      if (speaker.gender != 0 && gender != 0 && speaker.gender != gender) continue;
      if (!std::equal(description.begin(), description.end(),
                      keys.begin() + static_cast<std::ptrdiff_t>(k))) {
        continue;
      }
      *at = k - 1;
      return s;
    }
  }
  return -1;
}

std::int32_t Context::described_at(std::size_t k) const {
  if (k >= words.size() || words[k].quoted) return -1;
  if (const std::int32_t s = resolve_title_noun(k, keys[k]); s >= 0) return s;
  const auto candidates = description_index_.find(keys[k]);
  if (candidates == description_index_.end()) return -1;
  for (const std::int32_t s : candidates->second) {
    const std::vector<std::string>& description = description_keys_[static_cast<std::size_t>(s)];
    if (k + description.size() <= words.size() &&
        std::equal(description.begin(), description.end(), keys.begin() + static_cast<std::ptrdiff_t>(k))) {
      return s;
    }
  }
  return -1;
}

void Context::index_roles(bool rebuild) const {
  if (rebuild) {
    role_index_.clear();
    role_indexed_ = 0;
  }
  for (; role_indexed_ < speakers.size(); ++role_indexed_) {
    const Speaker& s = speakers[role_indexed_];
    if (!s.named) continue;
    for (const std::string* field : {&s.role, &s.participation}) {
      const std::string role = normalizer_.key(*field);
      for (std::size_t at = 0; at < role.size();) {
        const std::size_t end = std::min(role.find(' ', at), role.size());
        if (end > at) {
          std::vector<std::int32_t>& list = role_index_[role.substr(at, end - at)];
          if (list.empty() || list.back() != static_cast<std::int32_t>(role_indexed_)) {
            list.push_back(static_cast<std::int32_t>(role_indexed_));
          }
        }
        at = end + 1;
      }
    }
  }
}

std::int32_t Context::resolve_title(std::size_t before, std::size_t role_word) const {
  // Named speakers whose role or participation has a word starting with the key, through an
  // index of role words (built for new speakers as they come, rebuilt once the roster is done):
  // a look-up costs the few titled speakers, not every mention and speaker.
  const std::string& key = keys[role_word];
  index_roles(false);
  std::int32_t latest = -1, first = -1;
  std::size_t latest_at = 0;
  for (auto it = role_index_.lower_bound(key); it != role_index_.end() && it->first.starts_with(key); ++it) {
    for (const std::int32_t speaker : it->second) {
      if (first < 0 || speaker < first) first = speaker;
      // The one mentioned last before `before`.
      const std::vector<std::size_t>& at = mention_words_[static_cast<std::size_t>(speaker)];
      const auto m = std::lower_bound(at.begin(), at.end(), before);
      if (m != at.begin() && (latest < 0 || *(m - 1) > latest_at)) {
        latest = speaker;
        latest_at = *(m - 1);
      }
    }
  }
  return latest >= 0 ? latest : first;
}

bool abbreviates(std::string_view abbreviation, std::string_view noun) {
  if (abbreviation.size() < 2 || abbreviation.size() >= noun.size() || abbreviation[0] != noun[0]) {
    return false;
  }
  std::size_t at = 1;
  for (std::size_t k = 1; k < abbreviation.size(); ++k) {
    at = noun.find(abbreviation[k], at);
    if (at == std::string_view::npos) return false;
    ++at;
  }
  return true;
}

std::int32_t Context::resolve_title_noun(std::size_t before, std::string_view head) const {
  // Candidates: speakers titled with the noun or an abbreviation of it (few distinct titles
  // exist, so all are tried), and speakers with the noun in their name (Captain Eldridge).
  std::vector<std::int32_t> candidates;
  for (const auto& [title, list] : title_index_) {
    if (title == head || abbreviates(title, head)) candidates.insert(candidates.end(), list.begin(), list.end());
  }
  if (const auto bucket = name_index_.find(name_index_key(head)); bucket != name_index_.end()) {
    for (const std::int32_t s : bucket->second) {
      const std::vector<std::string>& name = name_keys_[static_cast<std::size_t>(s)];
      if (std::find(name.begin(), name.end(), head) != name.end()) candidates.push_back(s);
    }
  }
  std::int32_t best = -1;
  std::size_t best_at = 0;
  bool best_before = false;
  const std::uint32_t offset = before < words.size() ? words[before].span.begin
                                                     : static_cast<std::uint32_t>(text.size());
  for (const std::int32_t candidate : candidates) {
    const auto s = static_cast<std::size_t>(candidate);
    const Speaker& speaker = speakers[s];
    if (!speaker.named || speaker.group || speaker.mentions.empty()) continue;
    // The latest mention before the description, else the first one after it (all mentions,
    // also those found while quotes are attributed).
    bool is_before = false, any = false;
    std::size_t where = 0;
    for (const Span& mention : speaker.mentions) {
      if (mention.begin < offset) {
        if (!is_before || mention.begin > where) where = mention.begin;
        is_before = any = true;
      } else if (!is_before && (!any || mention.begin < where)) {
        where = mention.begin;
        any = true;
      }
    }
    if (best < 0 || (is_before && (!best_before || where > best_at)) ||
        (!is_before && !best_before && where < best_at)) {
      best = candidate;
      best_at = where;
      best_before = is_before;
    }
  }
  return best;
}

char Context::name_gender(std::size_t begin, std::size_t end) const {
  char gender = 0;
  for (std::size_t k = begin; k < end; ++k) {
    const std::string_view g = value(WordClass::kHonorifics, k);
    if (!g.empty()) gender = g[0];
  }
  for (std::size_t k = begin; k < end && gender == 0; ++k) {  // William Morel is not Mrs. Morel
    if (is(WordClass::kHonorifics, k)) continue;
    const std::string_view g = value(WordClass::kGivenNames, k);
    if (!g.empty()) gender = g[0];
    break;
  }
  return gender;
}

std::int32_t Context::find_person(std::size_t begin, std::size_t end, std::size_t before) const {
  std::vector<std::string_view> run;
  for (std::size_t k = begin; k < end; ++k) {
    if (!is(WordClass::kHonorifics, k) && !is(WordClass::kParticles, k)) run.push_back(keys[k]);
  }
  const char gender = name_gender(begin, end);  // Mrs. Pontellier is not Mr. Pontellier
  if (run.empty()) return -1;
  const auto contained = [](const std::vector<std::string_view>& part,
                            const std::vector<std::string>& whole) {
    return std::all_of(part.begin(), part.end(), [&](std::string_view p) {
      return std::any_of(whole.begin(), whole.end(),
                         [&](const std::string& w) { return same_name_word(p, w); });
    });
  };
  // Candidates share the run's first word, so they are in that word's bucket.
  const auto bucket = name_index_.find(name_index_key(run.front()));
  if (bucket == name_index_.end()) return -1;
  std::int32_t best = -1;
  std::size_t best_seen = 0;
  for (const std::int32_t s : bucket->second) {
    const auto index = static_cast<std::size_t>(s);
    if (!speakers[index].named || name_keys_[index].empty() || !contained(run, name_keys_[index])) {
      continue;
    }
    const char titled = name_gender_[index];
    if (gender != 0 && titled != 0 && titled != gender) continue;
    // The most recently mentioned of several candidates (Li Wei / Wei Zhang).
    const std::vector<std::size_t>& seen_at = mention_words_[index];
    const auto it = std::lower_bound(seen_at.begin(), seen_at.end(), before);
    const std::size_t seen = it == seen_at.begin() ? 1 : *(it - 1) + 2;
    if (best < 0 || seen > best_seen || (seen == best_seen && s < best)) {
      best = s;
      best_seen = seen;
    }
  }
  return best;
}

std::int32_t Context::person(std::size_t begin, std::size_t end) {
  std::int32_t found = find_person(begin, end, begin);
  const char gender = name_gender(begin, end);
  if (found < 0) {
    // A longer form of a name first seen in part ("Kowalczyk", then "Marta Kowalczyk"): the
    // earliest such speaker, among those sharing a word with the name.
    std::int32_t earliest = -1;
    for (std::size_t k = begin; k < end && end - begin > 1; ++k) {
      const auto bucket = name_index_.find(name_index_key(keys[k]));
      if (bucket == name_index_.end()) continue;
      for (const std::int32_t s : bucket->second) {
        const auto index = static_cast<std::size_t>(s);
        if (!speakers[index].named || speakers[index].group || name_keys_[index].size() != 1) continue;
        if (gender != 0 && name_gender_[index] != 0 && name_gender_[index] != gender) continue;
        if (!same_name_word(keys[k], name_keys_[index][0])) continue;
        if (earliest < 0 || s < earliest) earliest = s;
      }
    }
    if (earliest >= 0) {
      found = earliest;
      set_name(found, begin, end);
    }
  }
  if (found >= 0) return found;
  Speaker speaker;
  speaker.gender = gender;  // Mrs., Annie, Yasmine Benali
  if (speaker.gender == 0) speaker.gender = gender_from_surname(keys[end - 1]);
  const std::int32_t index = add_speaker(std::move(speaker));
  set_name(index, begin, end);
  return index;
}

std::int32_t Context::organisation(std::size_t begin, std::size_t end) {
  const std::int32_t s = person(begin, end);
  Speaker& speaker = speakers[static_cast<std::size_t>(s)];
  speaker.kind = SpeakerKind::kOrganisation;
  speaker.gender = 0;
  return s;
}

bool Context::named_inside(std::int32_t speaker, Span span) const {
  const std::vector<std::string>& name = name_keys_[static_cast<std::size_t>(speaker)];
  const auto [first, end] = words_within(span);
  for (std::size_t k = first; k < end; ++k) {
    if (!words[k].upper) continue;
    // “Dinah’ll miss me”: the name before a contraction.
    std::string_view word = keys[k];
    for (const std::string_view apostrophe : {"'", "\u2019"}) {
      if (const std::size_t at = word.find(apostrophe); at != std::string_view::npos && at > 0) {
        word = word.substr(0, at);
      }
    }
    for (const std::string& key : name) {
      if (same_name_word(keys[k], key) || same_name_word(word, key)) return true;
    }
  }
  return false;
}

void Context::add_alias(std::int32_t speaker, std::string_view written) {
  Speaker& s = speakers[static_cast<std::size_t>(speaker)];
  const std::string alias = collapse_spaces(written);
  if (alias != s.name && std::find(s.aliases.begin(), s.aliases.end(), alias) == s.aliases.end()) {
    s.aliases.emplace_back(alias);
  }
}

std::int32_t Context::only_titled(std::string_view title) const {
  const auto it = title_index_.find(std::string(title));
  if (it == title_index_.end() || it->second.size() != 1) return -1;
  return it->second.front();
}

void Context::add_title(std::int32_t speaker, const std::string& key) {
  std::vector<std::string>& titles = title_keys_[static_cast<std::size_t>(speaker)];
  if (std::find(titles.begin(), titles.end(), key) != titles.end()) return;
  titles.push_back(key);
  title_index_[key].push_back(speaker);
}

void Context::add_mention(std::int32_t speaker, std::size_t begin, std::size_t end) {
  Speaker& s = speakers[static_cast<std::size_t>(speaker)];
  const Span span{words[begin].span.begin, words[end - 1].span.end};
  const std::uint64_t key = (std::uint64_t{span.begin} << 32) | span.end;
  if (!mention_spans_[static_cast<std::size_t>(speaker)].insert(key).second) return;
  s.mentions.push_back(span);
  add_alias(speaker, span.slice(text));
  if (const char gender = name_gender(begin, end); gender != 0 && s.named) {
    name_gender_[static_cast<std::size_t>(speaker)] = gender;
  }
  for (std::size_t k = begin; k < end && s.named; ++k) {  // Dr. Archie: the doctor
    if (is(WordClass::kHonorifics, k) || is(WordClass::kRoles, k)) add_title(speaker, keys[k]);
  }
  if (!roster_done) {
    mentions.push_back({begin, speaker});
    std::vector<std::size_t>& at = mention_words_[static_cast<std::size_t>(speaker)];
    at.insert(std::upper_bound(at.begin(), at.end(), begin), begin);
  }
}

}  // namespace themescan::detail
