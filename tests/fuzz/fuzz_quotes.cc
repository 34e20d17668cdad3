// Quote extraction and attribution on random UTF-8: quotes in order and inside the text, every
// speaker index valid.
#include <cstdint>
#include <string>

#include "fuzz_common.h"
#include "themescan/attribution.h"
#include "themescan/decode.h"
#include "themescan/quotes.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  themescan::Result<themescan::DecodedText> decoded = themescan::decode_utf8(fuzz::as_text(data, size));
  if (!decoded.ok()) return 0;
  const std::string& text = decoded->text;
  static const themescan::AttributionLexicon words =
      *themescan::AttributionLexicon::builtin(fuzz::tokenizer());
  const themescan::TokenizedText tokens = fuzz::tokenizer().tokenize(text);
  std::vector<themescan::Quote> quotes = themescan::find_quotes(text, tokens);
  const std::vector<themescan::Speaker> speakers =
      themescan::attribute_quotes(text, tokens, words, quotes);
  for (std::size_t i = 0; i < quotes.size(); ++i) {
    const themescan::Quote& q = quotes[i];
    fuzz::require(q.span.begin <= q.span.end && q.span.end <= text.size(), "quote inside the text");
    fuzz::require(i == 0 || quotes[i - 1].span.begin <= q.span.begin, "quotes in order");
    fuzz::require(q.attribution.speaker < static_cast<std::int32_t>(speakers.size()), "speaker index");
  }
  for (const themescan::Speaker& s : speakers) {
    for (const themescan::Span& m : s.mentions) fuzz::require(m.end <= text.size(), "mention inside");
  }
  return 0;
}
