#include "themescan/match.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <string>
#include <unordered_map>

#include <fmt/format.h>

#include "re2_util.h"

namespace themescan {
namespace {

// The lexicon's match keys as a byte trie: one walk over a token's key finds its word symbol and
// the symbols of every stem that is a prefix of it, with no hashing, no allocation and a cost
// that does not grow with the lexicon. Built once, then frozen into flat arrays: the root's
// children in a 256-entry table, every other node's children as a sorted run of edges.
class KeyTrie {
 public:
  static constexpr std::uint32_t kNone = 0xFFFFFFFFu;

  KeyTrie() { building_.emplace_back(); }

  // The symbol of `key` as a word (stem = false) or a stem; `next_symbol` is used (and
  // *inserted set) when the key is new.
  std::uint32_t insert(std::string_view key, bool stem, std::uint32_t next_symbol, bool* inserted) {
    std::uint32_t node = 0;
    for (const char c : key) {
      auto& children = building_[node].children;
      const auto byte = static_cast<unsigned char>(c);
      auto it = std::lower_bound(children.begin(), children.end(), byte,
                                 [](const auto& edge, unsigned char b) { return edge.first < b; });
      if (it == children.end() || it->first != byte) {
        const auto child = static_cast<std::uint32_t>(building_.size());
        it = children.insert(it, {byte, child});
        building_.emplace_back();  // invalidates `children`, not `it`'s values
      }
      node = it->second;
    }
    std::uint32_t& symbol = stem ? building_[node].stem : building_[node].word;
    *inserted = symbol == kNone;
    if (*inserted) symbol = next_symbol;
    return symbol;
  }

  void freeze() {
    nodes_.resize(building_.size());
    root_.fill(kNone);
    for (std::size_t n = 0; n < building_.size(); ++n) {
      Node& node = nodes_[n];
      node.word = building_[n].word;
      node.stem = building_[n].stem;
      node.first_edge = static_cast<std::uint32_t>(edge_bytes_.size());
      node.edge_count = static_cast<std::uint32_t>(building_[n].children.size());
      for (const auto& [byte, child] : building_[n].children) {
        edge_bytes_.push_back(byte);
        edge_targets_.push_back(child);
        if (n == 0) root_[byte] = child;
      }
    }
    building_.clear();
    building_.shrink_to_fit();
  }

  // Calls emit(symbol) for each stem that is a prefix of `key` (shortest first), then for the
  // word symbol of `key` itself.
  template <typename Emit>
  void lookup(std::string_view key, Emit&& emit) const {
    if (key.empty()) return;
    std::uint32_t node = root_[static_cast<unsigned char>(key[0])];
    for (std::size_t i = 1; node != kNone; ++i) {
      const Node& current = nodes_[node];
      if (current.stem != kNone) emit(current.stem);
      if (i == key.size()) {
        if (current.word != kNone) emit(current.word);
        break;
      }
      node = child(current, static_cast<unsigned char>(key[i]));
    }
  }

 private:
  struct Node {
    std::uint32_t first_edge = 0;
    std::uint32_t edge_count = 0;
    std::uint32_t word = kNone;
    std::uint32_t stem = kNone;
  };
  struct BuildNode {
    std::vector<std::pair<unsigned char, std::uint32_t>> children;  // sorted by byte
    std::uint32_t word = kNone;
    std::uint32_t stem = kNone;
  };

  std::uint32_t child(const Node& node, unsigned char byte) const {
    const unsigned char* begin = edge_bytes_.data() + node.first_edge;
    const unsigned char* end = begin + node.edge_count;
    for (const unsigned char* it = begin; it != end; ++it) {  // fan-out is small below the root
      if (*it == byte) return edge_targets_[static_cast<std::size_t>(it - edge_bytes_.data())];
      if (*it > byte) break;
    }
    return kNone;
  }

  std::vector<BuildNode> building_;
  std::vector<Node> nodes_;
  std::array<std::uint32_t, 256> root_{};
  std::vector<unsigned char> edge_bytes_;
  std::vector<std::uint32_t> edge_targets_;
};

struct EntryRef {
  std::uint32_t theme;
  std::uint32_t entry;
};

// A match key found in a token: the whole token, or a part of it without a possessive or
// elided article (see lexicons/README.md, "Match keys").
struct Symbol {
  std::uint32_t id;
  std::uint32_t begin;
  std::uint32_t end;
  std::uint32_t tokens = 1;  // 2 for a word broken by a line-end hyphen (Token::continues_word)
};

struct Candidate {
  std::uint32_t entry;
  Span span;
};

struct CompiledPattern {
  EntryRef ref;
  std::unique_ptr<RE2> re;
};

constexpr std::uint32_t kNoNode = 0xFFFFFFFFu;

// Whether [begin, end) overlaps page furniture (text.h): a pattern match there is no hit.
bool overlaps_furniture(const std::vector<Span>& furniture, std::size_t begin, std::size_t end) {
  const auto it = std::upper_bound(furniture.begin(), furniture.end(), begin,
                                   [](std::size_t b, Span s) { return b < s.end; });
  return it != furniture.end() && it->begin < end;
}

bool is_elision_prefix(std::string_view key) {
  static constexpr std::string_view kPrefixes[] = {"l", "d", "j", "m", "n", "s", "t", "c", "qu"};
  return std::find(std::begin(kPrefixes), std::end(kPrefixes), key) != std::end(kPrefixes);
}

}  // namespace

struct Matcher::Impl {
  const Lexicon* lexicon = nullptr;
  Normalizer normalizer;
  KeyTrie keys;                           // word and stem keys -> symbols
  std::uint32_t symbol_count = 0;

  // Trie over symbol sequences. Node 0 is the root.
  std::unordered_map<std::uint64_t, std::uint32_t> edges;  // (node << 32 | symbol) -> child
  std::vector<std::vector<EntryRef>> terminals;            // per node
  std::vector<bool> has_children;

  std::vector<CompiledPattern> patterns;
  std::unique_ptr<RE2::Set> pattern_set;  // null when there are no patterns

  // Context rules of the entries that have them, by (theme << 32 | entry), with their terms'
  // keys (a trailing '*' for a stem).
  struct CompiledRule {
    RuleKind kind;
    std::uint32_t window;
    std::vector<std::string> terms;
  };
  std::unordered_map<std::uint64_t, std::vector<CompiledRule>> rules;

  // Whether every rule of the entry holds around candidate `span`.
  bool rules_hold(const std::vector<CompiledRule>& entry_rules, Span span, std::string_view text,
                  const TokenizedText& tokens) const {
    const std::vector<Token>& words = tokens.words;
    const auto first = static_cast<std::size_t>(
        std::lower_bound(words.begin(), words.end(), span.begin,
                         [](const Token& t, std::uint32_t b) { return t.span.begin < b; }) - words.begin());
    const auto after = static_cast<std::size_t>(
        std::lower_bound(words.begin(), words.end(), span.end,
                         [](const Token& t, std::uint32_t e) { return t.span.begin < e; }) - words.begin());
    std::string key;
    const auto any_term = [&](const CompiledRule& rule, std::size_t from, std::size_t to) {
      for (std::size_t k = from; k < to; ++k) {
        if (k >= first && k < after) continue;  // the hit's own words
        normalizer.key(words[k].span.slice(text), key);
        for (const std::string& term : rule.terms) {
          if (term.ends_with('*') ? std::string_view(key).starts_with(std::string_view(term).substr(0, term.size() - 1))
                                  : key == term) {
            return true;
          }
        }
      }
      return false;
    };
    for (const CompiledRule& rule : entry_rules) {
      const std::size_t before = first >= rule.window ? first - rule.window : 0;
      const std::size_t behind = std::min(words.size(), after + rule.window);
      bool found = false;
      switch (rule.kind) {
        case RuleKind::kNear:
        case RuleKind::kNotNear:
          found = any_term(rule, before, first) || any_term(rule, after, behind);
          break;
        case RuleKind::kNotBefore:
          found = any_term(rule, before, first);
          break;
        case RuleKind::kSentence:
        case RuleKind::kNotSentence: {
          if (first >= words.size()) break;
          const std::uint32_t sentence = words[first].sentence;
          std::size_t from = first, to = after;
          while (from > 0 && words[from - 1].sentence == sentence) --from;
          while (to < words.size() && words[to].sentence == sentence) ++to;
          found = any_term(rule, from, to);
          break;
        }
      }
      const bool wanted = rule.kind == RuleKind::kNear || rule.kind == RuleKind::kSentence;
      if (found != wanted) return false;
    }
    return true;
  }

  std::uint32_t symbol_for(std::string_view key, bool stem) {
    bool inserted = false;
    const std::uint32_t symbol = keys.insert(key, stem, symbol_count, &inserted);
    if (inserted) ++symbol_count;
    return symbol;
  }

  std::uint32_t child(std::uint32_t node, std::uint32_t symbol) const {
    const auto it = edges.find((std::uint64_t{node} << 32) | symbol);
    return it == edges.end() ? kNoNode : it->second;
  }

  std::uint32_t add_child(std::uint32_t node, std::uint32_t symbol) {
    const auto [it, inserted] = edges.emplace((std::uint64_t{node} << 32) | symbol,
                                              static_cast<std::uint32_t>(terminals.size()));
    if (inserted) {
      terminals.emplace_back();
      has_children.push_back(false);
      has_children[node] = true;
    }
    return it->second;
  }

  void add_symbols_for_key(std::string_view key, std::uint32_t begin, std::uint32_t end,
                           std::vector<Symbol>& out, std::uint32_t tokens = 1) const {
    keys.lookup(key, [&](std::uint32_t symbol) { out.push_back({symbol, begin, end, tokens}); });
  }

  // A word broken at a line end ("infra-" + "structure"): the two keys joined, as one symbol
  // over both tokens, so "infrastructure" matches; the tokens keep their own symbols too
  // ("self-" + "reliance" is still the phrase self-reliance).
  void joined_symbols(std::string_view text, Span first, Span second, std::string& key,
                      std::vector<Symbol>& out) const {
    std::string joined;
    normalizer.key(first.slice(text), joined);
    normalizer.key(second.slice(text), key);
    joined += key;
    add_symbols_for_key(joined, first.begin, second.end, out, 2);
  }

  // The symbols of one token: its key, plus the key without an English possessive ('s, ') or
  // without a French/Italian elided article (l', d', qu', ...).
  void token_symbols(std::string_view text, Span span, std::string& key,
                     std::vector<Symbol>& out) const {
    const std::string_view word = span.slice(text);
    normalizer.key(word, key);
    add_symbols_for_key(key, span.begin, span.end, out);
    if (key.find('\'') == std::string::npos) return;
    std::string part;
    // Apostrophes in the original: ASCII ' or U+2019.
    auto apostrophe_at = [&](std::size_t i, std::size_t* length) {
      if (word[i] == '\'') return *length = 1, true;
      if (word.compare(i, 3, "\xE2\x80\x99") == 0) return *length = 3, true;
      return false;
    };
    std::size_t first = std::string_view::npos, first_len = 0, last = 0, last_len = 0;
    for (std::size_t i = 0, len = 0; i < word.size(); ++i) {
      if (apostrophe_at(i, &len)) {
        if (first == std::string_view::npos) first = i, first_len = len;
        last = i, last_len = len;
      }
    }
    const std::string_view after_last = word.substr(last + last_len);
    if (last > 0 && (after_last.empty() || after_last == "s" || after_last == "S")) {
      normalizer.key(word.substr(0, last), part);
      add_symbols_for_key(part, span.begin, span.begin + static_cast<std::uint32_t>(last), out);
    }
    if (first > 0 && first + first_len < word.size()) {
      normalizer.key(word.substr(0, first), part);
      if (is_elision_prefix(part)) {
        normalizer.key(word.substr(first + first_len), part);
        add_symbols_for_key(part, span.begin + static_cast<std::uint32_t>(first + first_len),
                            span.end, out);
      }
    }
  }
};

Matcher::Matcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Matcher::~Matcher() = default;
Matcher::Matcher(Matcher&&) noexcept = default;
Matcher& Matcher::operator=(Matcher&&) noexcept = default;

const Lexicon& Matcher::lexicon() const { return *impl_->lexicon; }

Result<Matcher> Matcher::compile(const Lexicon& lexicon, const Normalizer& normalizer) {
  auto impl = std::make_unique<Impl>();
  impl->lexicon = &lexicon;
  impl->normalizer = normalizer;
  impl->terminals.emplace_back();
  impl->has_children.push_back(false);
  std::vector<std::string> pattern_sources;
  for (std::uint32_t t = 0; t < lexicon.themes().size(); ++t) {
    const Theme& theme = lexicon.themes()[t];
    for (std::uint32_t e = 0; e < theme.entries.size(); ++e) {
      const Entry& entry = theme.entries[e];
      for (const ContextRule& rule : entry.rules) {
        Impl::CompiledRule compiled{rule.kind, rule.window, {}};
        for (const EntryWord& term : rule.terms) {
          compiled.terms.push_back(normalizer.key(term.text) + (term.stem ? "*" : ""));
        }
        impl->rules[(std::uint64_t{t} << 32) | e].push_back(std::move(compiled));
      }
      if (entry.kind == EntryKind::kPattern) {
        auto re = std::make_unique<RE2>(entry.pattern, detail::pattern_options());
        if (!re->ok()) {
          return Status(StatusCode::kLexiconError, fmt::format("{}:{}: bad RE2 pattern: {}",
                                                               theme.source, entry.line, re->error()));
        }
        impl->patterns.push_back({{t, e}, std::move(re)});
        pattern_sources.push_back(entry.pattern);
        continue;
      }
      std::uint32_t node = 0;
      for (const EntryWord& word : entry.words) {
        node = impl->add_child(node, impl->symbol_for(normalizer.key(word.text), word.stem));
      }
      impl->terminals[node].push_back({t, e});
    }
  }
  impl->keys.freeze();
  if (!pattern_sources.empty()) {
    impl->pattern_set = std::make_unique<RE2::Set>(detail::pattern_options(), RE2::UNANCHORED);
    for (const std::string& source : pattern_sources) {
      std::string error;
      if (impl->pattern_set->Add(source, &error) < 0) {
        return Status(StatusCode::kLexiconError, "cannot add pattern to RE2 set: " + error);
      }
    }
    if (!impl->pattern_set->Compile()) {
      return Status(StatusCode::kLexiconError, "the lexicons' patterns are too large for RE2");
    }
  }
  return Matcher(std::move(impl));
}

std::vector<Hit> Matcher::match(std::string_view text, const TokenizedText& tokens) const {
  const Impl& m = *impl_;
  const std::vector<Theme>& themes = m.lexicon->themes();
  const std::vector<Token>& words = tokens.words;

  // 1. The symbols of every token, in one flat array.
  std::vector<Symbol> symbols;
  std::vector<std::uint32_t> first_symbol(words.size() + 1, 0);
  std::string key;
  for (std::size_t i = 0; i < words.size(); ++i) {
    first_symbol[i] = static_cast<std::uint32_t>(symbols.size());
    m.token_symbols(text, words[i].span, key, symbols);
    if (i + 1 < words.size() && words[i + 1].continues_word) {
      m.joined_symbols(text, words[i].span, words[i + 1].span, key, symbols);
    }
  }
  first_symbol[words.size()] = static_cast<std::uint32_t>(symbols.size());

  // 2. Candidates from the trie, grouped by theme.
  std::vector<std::vector<Candidate>> candidates(themes.size());
  struct State {
    std::uint32_t node;
    std::uint32_t token;
    std::uint32_t begin;
  };
  std::vector<State> stack;
  for (std::uint32_t start = 0; start < words.size(); ++start) {
    stack.push_back({0, start, 0});
    while (!stack.empty()) {
      const State state = stack.back();
      stack.pop_back();
      for (std::uint32_t s = first_symbol[state.token]; s < first_symbol[state.token + 1]; ++s) {
        const Symbol& symbol = symbols[s];
        const std::uint32_t node = m.child(state.node, symbol.id);
        if (node == kNoNode) continue;
        const std::uint32_t begin = state.token == start ? symbol.begin : state.begin;
        for (const EntryRef& ref : m.terminals[node]) {
          candidates[ref.theme].push_back({ref.entry, Span{begin, symbol.end}});
        }
        const std::uint32_t next = state.token + symbol.tokens;
        if (m.has_children[node] && next < words.size() && words[next].joins_prev) {
          stack.push_back({node, next, begin});
        }
      }
    }
  }

  // 3. Pattern candidates, paragraph by paragraph (a match never spans two): an RE2::Set pass
  // over the paragraph picks the patterns worth scanning there, so a long document costs about
  // one pass, not one per pattern it contains. The whole text stays the context of \b.
  if (m.pattern_set) {
    std::vector<int> present;
    const re2::StringPiece input(text.data(), text.size());
    for (const Span& paragraph : tokens.paragraphs) {
      present.clear();
      const re2::StringPiece piece(text.data() + paragraph.begin, paragraph.size());
      if (!m.pattern_set->Match(piece, &present)) continue;
      std::sort(present.begin(), present.end());
      for (const int index : present) {
        const CompiledPattern& pattern = m.patterns[static_cast<std::size_t>(index)];
        re2::StringPiece found;
        std::size_t pos = paragraph.begin;
        while (pos <= paragraph.end &&
               pattern.re->Match(input, pos, paragraph.end, RE2::UNANCHORED, &found, 1)) {
          const auto begin = static_cast<std::size_t>(found.data() - text.data());
          const std::size_t end = begin + found.size();
          if (end > begin && overlaps_furniture(tokens.furniture, begin, end)) {
            pos = end;
          } else if (end > begin) {
            candidates[pattern.ref.theme].push_back(
                {pattern.ref.entry,
                 Span{static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)}});
            pos = end;
          } else {
            // An empty match: step over one code point.
            pos = begin + 1;
            while (pos < paragraph.end && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) {
              ++pos;
            }
          }
        }
      }
    }
  }

  // 4. Per theme: drop candidates inside exclusions, then keep the leftmost-longest.
  std::vector<Hit> hits;
  for (std::uint32_t t = 0; t < themes.size(); ++t) {
    std::vector<Candidate>& list = candidates[t];
    if (list.empty()) continue;
    const std::vector<Entry>& entries = themes[t].entries;
    std::sort(list.begin(), list.end(), [](const Candidate& a, const Candidate& b) {
      if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
      if (a.span.end != b.span.end) return a.span.end > b.span.end;
      return a.entry < b.entry;
    });
    // Exclusions arrive in the same order; the furthest end among exclusions that start at or
    // before a candidate tells whether one of them contains it.
    std::uint32_t excluded_until = 0;
    bool any_exclusion = false;
    std::uint32_t accepted_until = 0;
    bool any_accepted = false;
    std::size_t x = 0;
    std::vector<const Candidate*> exclusions;
    for (const Candidate& c : list) {
      if (entries[c.entry].exclusion) exclusions.push_back(&c);
    }
    for (const Candidate& c : list) {
      if (entries[c.entry].exclusion) continue;
      while (x < exclusions.size() && exclusions[x]->span.begin <= c.span.begin) {
        excluded_until = any_exclusion ? std::max(excluded_until, exclusions[x]->span.end)
                                       : exclusions[x]->span.end;
        any_exclusion = true;
        ++x;
      }
      if (any_exclusion && excluded_until >= c.span.end) continue;
      if (any_accepted && c.span.begin < accepted_until) continue;
      if (!entries[c.entry].rules.empty() &&
          !m.rules_hold(m.rules.at((std::uint64_t{t} << 32) | c.entry), c.span, text, tokens)) {
        continue;
      }
      hits.push_back({t, c.entry, c.span, 0});
      accepted_until = c.span.end;
      any_accepted = true;
    }
  }

  std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
    if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
    if (a.theme != b.theme) return a.theme < b.theme;
    return a.span.end < b.span.end;
  });
  const std::vector<Span>& sentences = tokens.sentences;
  for (Hit& hit : hits) {
    const auto it = std::upper_bound(sentences.begin(), sentences.end(), hit.span.begin,
                                     [](std::uint32_t pos, const Span& s) { return pos < s.begin; });
    hit.sentence = it == sentences.begin() ? 0 : static_cast<std::uint32_t>(it - sentences.begin() - 1);
  }
  return hits;
}

}  // namespace themescan
