// Decoding and tokenizing random bytes: no crash, spans inside the text and in order, and the
// fast path gives exactly ICU's words and sentences.
#include <cstdint>
#include <string>

#include "fuzz_common.h"
#include "themescan/decode.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes = fuzz::as_text(data, size);
  themescan::Result<themescan::DecodedText> decoded = themescan::decode(std::string(bytes), {});
  if (!decoded.ok()) return 0;
  const std::string& text = decoded->text;
  fuzz::require(themescan::find_invalid_utf8(text) == std::string_view::npos, "decoded text is UTF-8");
  const themescan::TokenizedText fast = fuzz::tokenizer(true).tokenize(text);
  const themescan::TokenizedText icu = fuzz::tokenizer(false).tokenize(text);
  fuzz::require(fast.words.size() == icu.words.size(), "fast path word count = ICU's");
  for (std::size_t i = 0; i < fast.words.size(); ++i) {
    const themescan::Token& w = fast.words[i];
    fuzz::require(w.span.begin < w.span.end && w.span.end <= text.size(), "word inside the text");
    fuzz::require(i == 0 || fast.words[i - 1].span.end <= w.span.begin, "words in order");
    fuzz::require(w.span == icu.words[i].span && w.kind == icu.words[i].kind, "fast word = ICU word");
    fuzz::require(w.sentence == icu.words[i].sentence, "fast sentence = ICU sentence");
  }
  fuzz::require(fast.sentences == icu.sentences, "fast sentences = ICU sentences");
  for (const themescan::Span& p : fast.paragraphs) fuzz::require(p.end <= text.size(), "paragraph inside");
  return 0;
}
