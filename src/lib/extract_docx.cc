// DOCX -> text (extract.h): word/document.xml, footnotes and endnotes, core.xml metadata.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <fmt/format.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <zip.h>

#include "extract_internal.h"
#include "themescan/extract.h"

namespace themescan {
namespace {

using detail::attribute;
using detail::ParagraphBuilder;

struct ZipClose {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};
struct DocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};

Result<ExtractedText> bad(std::string message) {
  return Result<ExtractedText>(StatusCode::kBadInput, std::move(message));
}

// One member of the archive; nullopt when it is not there; an error when it cannot be read.
Result<std::optional<std::string>> read_member(zip_t* archive, const char* name) {
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat(archive, name, 0, &stat) != 0) return std::optional<std::string>();
  if ((stat.valid & ZIP_STAT_SIZE) == 0 || stat.size > kMaxExtractedBytes) {
    return Result<std::optional<std::string>>(
        StatusCode::kBadInput, fmt::format("{} is too large when unpacked (over {} MB)", name,
                                           kMaxExtractedBytes >> 20));
  }
  zip_file_t* file = zip_fopen(archive, name, 0);
  if (file == nullptr) {
    return Result<std::optional<std::string>>(StatusCode::kBadInput,
                                              fmt::format("damaged DOCX: cannot open {}", name));
  }
  std::string data(static_cast<std::size_t>(stat.size), '\0');
  const zip_int64_t read = zip_fread(file, data.data(), data.size());
  zip_fclose(file);
  if (read < 0 || static_cast<zip_uint64_t>(read) != stat.size) {
    return Result<std::optional<std::string>>(
        StatusCode::kBadInput, fmt::format("damaged DOCX: {} is truncated or corrupt", name));
  }
  return std::optional<std::string>(std::move(data));
}

std::unique_ptr<xmlDoc, DocFree> parse_xml(const std::string& data) {
  if (data.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) return nullptr;
  return std::unique_ptr<xmlDoc, DocFree>(
      xmlReadMemory(data.data(), static_cast<int>(data.size()), nullptr, nullptr,
                    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
}

std::string_view local_name(const xmlNode* node) {
  if (node == nullptr || node->type != XML_ELEMENT_NODE) return {};
  return reinterpret_cast<const char*>(node->name);
}

const xmlNode* child_named(const xmlNode* node, std::string_view name) {
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (local_name(child) == name) return child;
  }
  return nullptr;
}

// styleId -> whether the style is a title or heading (its name "Title", "heading 2", ...).
std::map<std::string, bool, std::less<>> heading_styles(const xmlDoc* styles) {
  std::map<std::string, bool, std::less<>> out;
  if (styles == nullptr) return out;
  const xmlNode* root = xmlDocGetRootElement(styles);
  for (const xmlNode* style = root ? root->children : nullptr; style; style = style->next) {
    if (local_name(style) != "style") continue;
    const xmlNode* name = child_named(style, "name");
    std::string value = name ? attribute(name, "val") : "";
    for (char& c : value) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    out[attribute(style, "styleId")] = value == "title" || value.starts_with("heading");
  }
  return out;
}

class DocxWalker {
 public:
  explicit DocxWalker(const std::map<std::string, bool, std::less<>>& headings)
      : headings_(headings) {}

  // Paragraphs and tables under `node`, in order.
  void blocks(const xmlNode* node) {
    for (const xmlNode* child = node; child != nullptr; child = child->next) {
      const std::string_view name = local_name(child);
      if (name.empty()) continue;
      if (name == "p") {
        paragraph(child);
      } else if (name == "Fallback" || name == "sectPr" || name == "instrText" ||
                 name == "delText") {
        continue;  // a duplicate of mc:Choice, section settings, field codes, deleted text
      } else {
        blocks(child->children);  // tbl, tr, tc, sdt, sdtContent, customXml, ...
      }
    }
  }

  ParagraphBuilder& builder() { return b_; }
  const std::optional<std::string>& first_heading() const { return first_heading_; }

 private:
  void paragraph(const xmlNode* p) {
    bool heading = false;
    if (const xmlNode* properties = child_named(p, "pPr")) {
      if (const xmlNode* style = child_named(properties, "pStyle")) {
        const auto found = headings_.find(attribute(style, "val"));
        heading = found != headings_.end() && found->second;
      }
    }
    const std::size_t before = b_.size();
    b_.end_paragraph();
    const std::size_t start = b_.size();
    runs(p->children);
    if (heading && !first_heading_ && b_.size() > start) {
      ParagraphBuilder title;
      title.text(current_text_);
      std::string text = title.finish();
      while (!text.empty() && text.back() == '\n') text.pop_back();
      if (!text.empty()) first_heading_ = text;
    }
    current_text_.clear();
    (void)before;
    b_.end_paragraph();
  }

  void runs(const xmlNode* node) {
    for (const xmlNode* child = node; child != nullptr; child = child->next) {
      const std::string_view name = local_name(child);
      if (name.empty() || name == "pPr" || name == "rPr" || name == "instrText" ||
          name == "delText" || name == "Fallback") {
        continue;
      }
      if (name == "t") {
        xmlChar* content = xmlNodeGetContent(child);
        if (content != nullptr) {
          // w:t keeps its spaces (xml:space="preserve"): they are real spaces of the text.
          const std::string text(reinterpret_cast<const char*>(content));
          xmlFree(content);
          b_.raw(text);
          current_text_ += text;
        }
      } else if (name == "tab") {
        b_.raw(" ");
        current_text_ += ' ';
      } else if (name == "br" || name == "cr") {
        b_.line_break();
        current_text_ += ' ';
      } else if (name == "noBreakHyphen") {
        b_.raw("-");
        current_text_ += '-';
      } else if (name == "p") {
        paragraph(child);  // a text box's paragraphs
      } else {
        runs(child->children);  // r, hyperlink, ins, smartTag, fldSimple, drawing, ...
      }
    }
  }

  const std::map<std::string, bool, std::less<>>& headings_;
  ParagraphBuilder b_;
  std::string current_text_;
  std::optional<std::string> first_heading_;
};

}  // namespace

Result<ExtractedText> extract_docx(std::string_view bytes) {
  detail::init_libxml();
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) return bad("not a DOCX file (not a ZIP archive)");
  std::unique_ptr<zip_t, ZipClose> archive(zip_open_from_source(source, ZIP_RDONLY, &error));
  if (archive == nullptr) {
    zip_source_free(source);
    zip_error_fini(&error);
    return bad("not a DOCX file (not a ZIP archive, or a damaged one)");
  }
  zip_error_fini(&error);

  Result<std::optional<std::string>> document = read_member(archive.get(), "word/document.xml");
  if (!document.ok()) return document.status();
  if (!*document) return bad("not a DOCX file (no word/document.xml: another kind of ZIP archive?)");
  const auto body = parse_xml(**document);
  if (body == nullptr || xmlDocGetRootElement(body.get()) == nullptr) {
    return bad("damaged DOCX: word/document.xml is not well-formed XML");
  }

  std::unique_ptr<xmlDoc, DocFree> styles;
  if (Result<std::optional<std::string>> data = read_member(archive.get(), "word/styles.xml");
      data.ok() && *data) {
    styles = parse_xml(**data);
  }
  const auto headings = heading_styles(styles.get());

  DocxWalker walker(headings);
  walker.blocks(xmlDocGetRootElement(body.get())->children);
  // Footnotes and endnotes follow the text (their separators are not text).
  for (const char* part : {"word/footnotes.xml", "word/endnotes.xml"}) {
    Result<std::optional<std::string>> data = read_member(archive.get(), part);
    if (!data.ok()) return data.status();
    if (!*data) continue;
    const auto notes = parse_xml(**data);
    if (notes == nullptr || xmlDocGetRootElement(notes.get()) == nullptr) {
      return bad(fmt::format("damaged DOCX: {} is not well-formed XML", part));
    }
    for (const xmlNode* note = xmlDocGetRootElement(notes.get())->children; note;
         note = note->next) {
      if (local_name(note) != "footnote" && local_name(note) != "endnote") continue;
      const std::string type = attribute(note, "type");
      if (type == "separator" || type == "continuationSeparator" ||
          type == "continuationNotice") {
        continue;
      }
      walker.blocks(note->children);
    }
  }

  ExtractedText out;
  out.text = walker.builder().finish();
  out.title = walker.first_heading();
  if (Result<std::optional<std::string>> data = read_member(archive.get(), "docProps/core.xml");
      data.ok() && *data) {
    if (const auto core = parse_xml(**data); core && xmlDocGetRootElement(core.get())) {
      for (const xmlNode* node = xmlDocGetRootElement(core.get())->children; node;
           node = node->next) {
        const std::string text = detail::node_text(node);
        if (text.empty()) continue;
        if (local_name(node) == "title" && !out.title) out.title = text;  // a heading goes first
        if (local_name(node) == "created") out.date = text;
      }
    }
  }
  return out;
}

}  // namespace themescan
