// lexicon_import: other tools' dictionaries -> themescan lexicon files (lexicons/README.md).
//
// Formats, chosen by the file name's extension:
//   .dic          LIWC 2007/2015: a `%` header of "ID<tab>name" category lines, then
//                 "term<tab>ID<tab>ID..." entries (trailing `*` = stem, multi-word terms)
//   .dicx, .csv   LIWC-22: a CSV whose first column holds the terms (header `DicTerm`, or any
//                 name) and whose other columns are categories, marked `X` or with a weight;
//                 `a|b` in a term cell gives two entries
//   .yml, .yaml   quanteda dictionaries: nested keys, each list of glob patterns a category
// Each category becomes one theme, written in themescan's own format, so the usual parser checks
// it and `themescan lexicons convert` can save it. A category's id is its name in lower case
// (other characters become `-`); nested YAML keys give ids joined by `/` (africa/east/ke).
// Real dictionaries are messy: duplicate terms, LIWC's conditional entries (`like (02 134)...`,
// `<of>`), undeclared category ids and the like are skipped, each with a warning naming
// FILE:LINE; a file that cannot be read as its format at all is an error naming FILE:LINE.
//
//   Result<ImportedLexicon> imported = import_lexicon("mfd.dic", bytes);
//   for (const ImportedTheme& t : imported->themes) parse_lexicon(t.name, t.content, tokenizer);
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "themescan/status.h"

namespace themescan {

enum class LexiconFormat { kThemescan, kLiwcDic, kLiwcDicx, kYaml };

// The format of a lexicon file, from its name (.lex and anything unknown: kThemescan).
LexiconFormat lexicon_format(std::string_view path);

struct ImportedTheme {
  std::string id;
  std::string content;                // a .lex file
  std::vector<std::uint32_t> origin;  // per line of `content` (0-based): its line in the
                                      // original file (1-based), 0 for generated lines
};

struct ImportedLexicon {
  std::vector<ImportedTheme> themes;  // in the order of the original's categories
  std::vector<std::string> warnings;  // "FILE:LINE: ... skipped"
};

// Converts `content`, the bytes of the file `path` in the format lexicon_format(path) says.
Result<ImportedLexicon> import_lexicon(const std::string& path, std::string_view content);

}  // namespace themescan
