// The HTML, PDF and DOCX extractors on any bytes (the first byte picks the format; the seeds are
// real files of each), then the analyzer on what they extract. An extractor returns an error or
// UTF-8 text whose page starts are in order and inside the text; nothing crashes or hangs.
#include <cstdint>
#include <string>

#include "fuzz_common.h"
#include "themescan/analyzer.h"
#include "themescan/extract.h"

namespace {

const themescan::Analyzer& analyzer() {
  static const themescan::Analyzer a = *themescan::Analyzer::create(
      *themescan::Lexicon::builtin(fuzz::tokenizer()), fuzz::tokenizer(), {});
  return a;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static constexpr themescan::InputFormat kFormats[] = {
      themescan::InputFormat::kHtml, themescan::InputFormat::kPdf, themescan::InputFormat::kDocx};
  const themescan::InputFormat format = kFormats[data[0] % 3];
  const std::string bytes(fuzz::as_text(data + 1, size - 1));
  themescan::Result<themescan::ExtractedText> text = themescan::extract_document(format, bytes);
  if (!text.ok()) {
    fuzz::require(!text.status().message().empty(), "error message");
    return 0;
  }
  std::uint64_t previous = 0;
  for (const std::uint64_t start : text->pages) {
    fuzz::require(start >= previous && start <= text->text.size(), "page starts in order");
    previous = start;
  }
  const themescan::Result<themescan::DocumentResult> result =
      analyzer().analyze_document("fuzz", bytes, format);
  if (result.ok()) {
    fuzz::require(result->text == text->text, "analysed text is the extracted text");
    for (const themescan::Quote& q : result->quotes) fuzz::require(q.span.end <= result->text.size(), "quote");
  }
  return 0;
}
