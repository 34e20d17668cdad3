// layout: how the lines of a document make paragraphs, decided once over the whole text.
//
// DocumentLayout::detect() reads the text line by line once (twice when it has form feeds) and
// picks one layout (text.h, names in layout_name()):
//   lines        every line is a paragraph: web and word-processor exports, lines of any length;
//   blank-lines  hard-wrapped lines (>= 90% of at most 100 code points), blank lines between
//                paragraphs: e-texts, e-mail;
//   indented     hard-wrapped lines and a paragraph starts at an indented line (blank lines, if
//                any, also break): wire copy, old newsletters;
//   pdf          pages separated by form feeds (pdftotext output, paginated text): page numbers
//                and running headers and footers at the top or bottom of a page are page
//                furniture, outside every paragraph; inside the pages paragraphs follow one of
//                the rules above, and a paragraph goes on across a page break when the next page
//                starts in lower case or the page ended with a full line inside a sentence.
// In every layout but `lines`, a line also starts a paragraph when it is a list item (`- `, `* `,
// `+ `, `– `, `1. `, `1) `, `a) `, `(a) ` after a line that ends a clause or another item; `• `
// and other bullet characters always), a Markdown heading (`# Title`), a line of figures (a table
// row), a rule (`* * *`), or a short title-like line followed by a full line; headings, rules and
// table rows are paragraphs of one line. A line that ends in letter + hyphen and a next line of the
// same paragraph that starts in lower case are a word broken at the line end (`word_breaks`).
// docs/design.md ("Tokenize") gives the thresholds and the reasons.
//
// Each rule looks only at a line, the content line before it and the line after it, and nothing
// carries over a paragraph break, so a block of the text that starts at a paragraph start is
// segmented exactly as the whole text (Analyzer: large documents are read in blocks). What needs
// the whole text (the layout, the base indentation, the wrap width, the page furniture) is
// computed by detect() and kept here.
//
// A DocumentLayout belongs to the text it was detected on (the page furniture are byte offsets
// into it). It is immutable and thread-safe.
//
//   const DocumentLayout layout = DocumentLayout::detect(text);
//   std::cout << layout_name(layout.kind()) << '\n';                  // "indented"
//   Segments whole = layout.segment(text, Span{0, size});           // paragraphs, furniture
//   TokenizedText block = tokenizer.tokenize(text, layout, Span{at, end});  // tokenize.h
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "themescan/text.h"

namespace themescan {

// "lines", "blank-lines", "indented" or "pdf": the names in the JSON output (document.layout).
std::string_view layout_name(Layout layout);

// The paragraph structure of one block of text. Offsets are relative to the block's start.
struct Segments {
  std::vector<Span> paragraphs;  // trimmed, never empty, in text order
  std::vector<Span> furniture;   // page numbers, running headers and footers, form feeds
  // Where a word broken by a line-end hyphen goes on: the first byte of the next line's word.
  std::vector<std::uint32_t> word_breaks;
};

class DocumentLayout {
 public:
  // Every line a paragraph, no page furniture: the layout of a one-line text.
  DocumentLayout() = default;

  // The layout of `text` (valid UTF-8, at most 2 GiB - 1 bytes). One linear pass over the lines
  // (a second over the pages when there are form feeds); keeps the per-document parameters and,
  // for `pdf`, the page furniture.
  static DocumentLayout detect(std::string_view text);

  Layout kind() const { return kind_; }

  // The paragraphs, page furniture and word breaks of text[block.begin, block.end), where `text`
  // is the text this layout was detected on and block.begin is 0 or a paragraph start (a value of
  // next_paragraph_start()). Lines after the block may be read to decide its last line.
  Segments segment(std::string_view text, Span block) const;

  // The start of the first line at or after `from` and before `limit` that begins a paragraph,
  // reading forward from `start` (0 or a paragraph start); npos when there is none. Text before
  // the returned offset and text from it on are segmented as the whole text is.
  std::size_t next_paragraph_start(std::string_view text, std::size_t start, std::size_t from,
                                   std::size_t limit) const;

  // The parameters detect() found; docs/design.md explains them.
  struct Params {
    bool form_feeds = false;    // the text has form feeds (lines end at them)
    bool pages = false;         // ... and they are page breaks (pdf), not paragraph breaks
    bool blocks = false;        // line breaks inside paragraphs (hard-wrapped text)
    bool indents = false;       // an indented line starts a paragraph
    std::uint32_t base_indent = 0;  // columns of a line that is not indented
    std::uint32_t wrap_width = 72;  // code points of a full line (90th percentile)
  };
  const Params& params() const { return params_; }

 private:
  Layout kind_ = Layout::kLines;
  Params params_;
  std::vector<Span> furniture_;  // absolute offsets, sorted (pdf only)
};

}  // namespace themescan
