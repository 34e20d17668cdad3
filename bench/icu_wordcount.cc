// icu_wordcount: the baseline of bench/speed.py. Counts the word tokens of text files the plain
// way: UTF-8 -> UTF-16 (UnicodeString::fromUTF8), ICU's word BreakIterator, a token per segment
// whose rule status is not "none" (what themescan counts as words).
//
//   icu_wordcount FILE|FOLDER...    prints "<words> words <bytes> bytes"
//
// Folders are searched recursively for .txt files. Not part of themescan; built with it so the
// benchmark compares against the same ICU.
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

namespace {

struct Counts {
  std::uint64_t words = 0;
  std::uint64_t bytes = 0;
};

bool count_file(const std::filesystem::path& path, icu::BreakIterator& words, Counts& counts) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "icu_wordcount: cannot read %s\n", path.c_str());
    return false;
  }
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  counts.bytes += bytes.size();
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(bytes);
  words.setText(text);
  for (int32_t end = words.next(); end != icu::BreakIterator::DONE; end = words.next()) {
    if (words.getRuleStatus() >= UBRK_WORD_NONE_LIMIT) ++counts.words;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> words(
      icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status)) {
    std::fprintf(stderr, "icu_wordcount: %s\n", u_errorName(status));
    return 2;
  }
  Counts counts;
  bool ok = argc > 1;
  for (int i = 1; i < argc; ++i) {
    const std::filesystem::path arg = argv[i];
    if (!std::filesystem::is_directory(arg)) {
      ok = count_file(arg, *words, counts) && ok;
      continue;
    }
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(arg)) {
      if (entry.is_regular_file() && entry.path().extension() == ".txt") files.push_back(entry.path());
    }
    for (const auto& file : files) ok = count_file(file, *words, counts) && ok;
  }
  std::printf("%llu words %llu bytes\n", static_cast<unsigned long long>(counts.words),
              static_cast<unsigned long long>(counts.bytes));
  return ok ? 0 : 1;
}
