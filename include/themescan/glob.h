// glob: shell-style wildcard patterns for paths (--include / --exclude).
//
// glob_match(pattern, text) tells whether the whole of `text` matches `pattern`:
//   *       any run of characters, empty included, except '/'
//   **      any run of characters, '/' included ("***" and longer runs of stars mean the same)
//   **/     zero or more whole folders: "docs/**/*.md" matches "docs/a.md" and "docs/x/y/a.md"
//   ?       exactly one character other than '/' (a whole UTF-8 character, not one byte)
//   [abc]   one character from the set; ranges [a-z]; [!a-z] or [^a-z] negate; a ']' right after
//           '[' or '[!' is a member; classes hold UTF-8 characters and never match '/'
//   other   itself, byte for byte (matching is case-sensitive; there is no escape character;
//           a '[' without a closing ']' is an ordinary character)
// The match is anchored at both ends. Which string a pattern is matched against (a file name or a
// relative path) is the caller's choice; see inputs.h.
//
// Cost: linear in the text for patterns with at most one star, at worst O(pattern * text) thanks
// to backtracking only to the last star (no recursion, no regex). Stateless and thread-safe.
//
//   glob_match("*.md", "notes.md");                 // true
//   glob_match("*.md", "drafts/notes.md");          // false: '*' stops at '/'
//   glob_match("**/draft-*", "2025/q2/draft-1.txt"); // true
//   glob_match("report-[0-9]?.txt", "report-3a.txt"); // true
#pragma once

#include <string_view>

namespace themescan {

bool glob_match(std::string_view pattern, std::string_view text);

}  // namespace themescan
