// Tests for glob.h: '*', '**', '?', classes, anchoring and UTF-8.
#include <chrono>
#include <string>

#include <doctest/doctest.h>

#include "test_util.h"
#include "themescan/glob.h"

using themescan::glob_match;

TEST_CASE("glob: literals match the whole text") {
  CHECK(glob_match("abc", "abc"));
  CHECK_FALSE(glob_match("abc", "abd"));
  CHECK_FALSE(glob_match("abc", "ab"));
  CHECK_FALSE(glob_match("ab", "abc"));
  CHECK(glob_match("", ""));
  CHECK_FALSE(glob_match("", "a"));
  CHECK_FALSE(glob_match("a", ""));
  CHECK_FALSE(glob_match("*.MD", "a.md"));  // case-sensitive
  CHECK(glob_match("a\\b", "a\\b"));        // no escape character
}

TEST_CASE("glob: '*' is any run without '/'") {
  CHECK(glob_match("*.md", "notes.md"));
  CHECK(glob_match("*.md", ".md"));
  CHECK_FALSE(glob_match("*.md", "drafts/notes.md"));
  CHECK(glob_match("*", ""));
  CHECK(glob_match("*", ".hidden"));
  CHECK_FALSE(glob_match("*", "a/b"));
  CHECK(glob_match("a*b*c", "axxbyyc"));
  CHECK(glob_match("a*b*c", "abc"));
  CHECK_FALSE(glob_match("a*b*c", "axxbyy"));
  CHECK(glob_match("*a*", "bab"));
  CHECK(glob_match("*/*.txt", "x/y.txt"));
  CHECK_FALSE(glob_match("*/*.txt", "x/y/z.txt"));
  CHECK(glob_match("a*/b", "abc/b"));
  CHECK_FALSE(glob_match("a*/b", "a/c/b"));
  CHECK_FALSE(glob_match("*x", "a/x"));
}

TEST_CASE("glob: '**' crosses folders; '**/' is zero or more folders") {
  CHECK(glob_match("**", "a/b/c"));
  CHECK(glob_match("**", ""));
  CHECK(glob_match("***", "a/b"));
  CHECK(glob_match("docs/**", "docs/a/b.md"));
  CHECK(glob_match("docs/**", "docs/"));
  CHECK_FALSE(glob_match("docs/**", "docs"));
  CHECK(glob_match("**/*.md", "a.md"));
  CHECK(glob_match("**/*.md", "a/b/c.md"));
  CHECK_FALSE(glob_match("**/*.md", "a/b/c.txt"));
  CHECK(glob_match("docs/**/*.md", "docs/a.md"));
  CHECK(glob_match("docs/**/*.md", "docs/x/y/a.md"));
  CHECK_FALSE(glob_match("docs/**/*.md", "docsx/a.md"));
  CHECK_FALSE(glob_match("docs/**/*.md", "docs/x/a.txt"));
  CHECK(glob_match("**/draft-*", "2025/q2/draft-1.txt"));
  CHECK(glob_match("**/draft-*", "draft-1.txt"));
  CHECK_FALSE(glob_match("**/draft-*", "2025/draft-q2/final.txt"));
  CHECK(glob_match("a**b", "a/x/b"));
  CHECK(glob_match("a**/b", "a/b"));  // not at a folder start: a plain '**', then '/'
  CHECK_FALSE(glob_match("a**/b", "ab"));
  CHECK(glob_match("*/**/z", "a/b/c/z"));
  CHECK(glob_match("*/**/z", "a/z"));
  CHECK_FALSE(glob_match("*/**/z", "z"));
}

TEST_CASE("glob: a '*' that meets '/' falls back to the last '**'") {
  CHECK(glob_match("**/x*y", "a/xb/xcy"));
  CHECK(glob_match("**x*y", "xa/xby"));
  CHECK_FALSE(glob_match("**/x*y", "a/xb/xc"));
  CHECK(glob_match("**/a*/*.md", "p/ab/q/ac/n.md"));
  CHECK_FALSE(glob_match("**/a*/*.md", "p/ab/q/n.md"));
}

TEST_CASE("glob: '?' is one character other than '/'") {
  CHECK(glob_match("?", "a"));
  CHECK_FALSE(glob_match("?", "/"));
  CHECK_FALSE(glob_match("?", ""));
  CHECK_FALSE(glob_match("?", "ab"));
  CHECK(glob_match("??", "ab"));
  CHECK(glob_match("a?c", "abc"));
  CHECK(glob_match("?", "\xC3\xA9"));                    // é is one character
  CHECK_FALSE(glob_match("??", "\xC3\xA9"));
  CHECK(glob_match("x?.txt", "x\xD0\xB6.txt"));           // ж
  CHECK(glob_match("?", "\xFF"));                         // a stray byte is one character
}

TEST_CASE("glob: character classes") {
  CHECK(glob_match("[abc]", "b"));
  CHECK_FALSE(glob_match("[abc]", "d"));
  CHECK(glob_match("[a-z]", "q"));
  CHECK_FALSE(glob_match("[a-z]", "Q"));
  CHECK_FALSE(glob_match("[!a-z]", "q"));
  CHECK(glob_match("[!a-z]", "Q"));
  CHECK(glob_match("[^0-9]x", "ax"));
  CHECK_FALSE(glob_match("[^0-9]x", "5x"));
  CHECK(glob_match("[]]", "]"));
  CHECK_FALSE(glob_match("[!]]", "]"));
  CHECK(glob_match("[!]]", "a"));
  CHECK(glob_match("[a-]", "-"));
  CHECK(glob_match("[a-]", "a"));
  CHECK_FALSE(glob_match("[a-]", "b"));
  CHECK(glob_match("[\xD0\xB0-\xD1\x8F]", "\xD0\xB6"));  // [а-я] matches ж
  CHECK_FALSE(glob_match("[\xD0\xB0-\xD1\x8F]", "z"));
  CHECK_FALSE(glob_match("[!a]", "/"));
  CHECK_FALSE(glob_match("[/]", "/"));
  CHECK(glob_match("[abc", "[abc"));  // not closed: '[' is an ordinary character
  CHECK_FALSE(glob_match("[abc", "a"));
  CHECK(glob_match("report-[0-9]?.txt", "report-3a.txt"));
  CHECK_FALSE(glob_match("report-[0-9]?.txt", "report-x1.txt"));
}

TEST_CASE("glob: many stars over a long text stay fast") {
  const std::string text(20000, 'a');
  const auto start = std::chrono::steady_clock::now();
  CHECK_FALSE(glob_match("*a*a*a*a*a*b", text));
  CHECK_FALSE(glob_match("**a**a**a*a*b", text));
  CHECK(glob_match("*a*a*a*a*a", text));
  std::string folders;
  for (int i = 0; i < 400; ++i) folders += std::string(50, 'a') + "/";
  CHECK_FALSE(glob_match("**a*a*a*b", folders));
  CHECK_FALSE(glob_match("**/a*a*a*b", folders));
  CHECK(glob_match("**a*a*a/", folders));
  const auto elapsed = std::chrono::steady_clock::now() - start;
  CHECK(elapsed < std::chrono::milliseconds(200));
}
