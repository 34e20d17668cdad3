// Tests for inputs.h: folder expansion, filters, symbolic links and errors, on a real temporary
// folder tree.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "test_util.h"
#include "themescan/inputs.h"

using testutil::Strings;
using themescan::expand_inputs;
using themescan::InputItem;
using themescan::InputOptions;

namespace fs = std::filesystem;

namespace {

// A fresh folder under the system temporary folder, removed with everything in it at the end.
class TempFolder {
 public:
  TempFolder() {
    std::string pattern = (fs::temp_directory_path() / "themescan-inputs-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    path_ = pattern;
  }
  ~TempFolder() {
    std::error_code ec;
    fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(path_, ec);  // does not follow symbolic links
  }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;

  std::string path(std::string_view relative = "") const {
    return relative.empty() ? path_.string() : (path_ / relative).string();
  }
  void file(std::string_view relative) const {
    fs::create_directories((path_ / relative).parent_path());
    std::ofstream(path_ / relative) << "text\n";
  }
  void folder(std::string_view relative) const { fs::create_directories(path_ / relative); }
  void link(std::string_view relative, std::string_view target) const {
    fs::create_symlink(target, path_ / relative);
  }

 private:
  fs::path path_;
};

// The corpus used by most cases; see the expected lists below.
void make_corpus(const TempFolder& tmp) {
  for (const char* name : {"corpus/a.txt", "corpus/b.md", "corpus/C.TXT", "corpus/notes.rst",
                           "corpus/.hidden.txt", "corpus/.git/x.txt", "corpus/sub/z.txt",
                           "corpus/sub/deep/y.md", "corpus/sub/deep/skip.tmp.md",
                           "corpus/drafts/d.txt"}) {
    tmp.file(name);
  }
  tmp.link("corpus/loop", ".");
  tmp.link("corpus/link-to-sub", "sub");
  tmp.link("corpus/broken.txt", "missing.txt");
  tmp.link("corpus/broken-without-extension", "missing");
  tmp.link("corpus/file-link.md", "a.txt");
}

// Each item as its path relative to the temporary folder, or "! <message>" for an error (the
// message with the temporary folder's path removed).
Strings describe(const TempFolder& tmp, const std::vector<InputItem>& items) {
  const std::string prefix = tmp.path() + "/";
  auto relative = [&](std::string text) {
    for (std::size_t at; (at = text.find(prefix)) != std::string::npos;) text.erase(at, prefix.size());
    return text;
  };
  Strings out;
  for (const InputItem& item : items) {
    out.push_back(item.error.ok() ? relative(item.path) : "! " + relative(item.error.message()));
  }
  return out;
}

}  // namespace

TEST_CASE("inputs: a folder with the default options") {
  TempFolder tmp;
  make_corpus(tmp);
  CHECK(describe(tmp, expand_inputs({tmp.path("corpus")})) ==
        Strings{"corpus/C.TXT",
                "corpus/a.txt",
                "corpus/b.md",
                "! corpus/broken.txt: broken symbolic link",
                "corpus/drafts/d.txt",
                "corpus/file-link.md",
                "corpus/link-to-sub/deep/skip.tmp.md",
                "corpus/link-to-sub/deep/y.md",
                "corpus/link-to-sub/z.txt",
                "! corpus/loop: symbolic link loop, skipped",
                "corpus/sub/deep/skip.tmp.md",
                "corpus/sub/deep/y.md",
                "corpus/sub/z.txt"});
}

TEST_CASE("inputs: --exclude by name removes files and does not descend into folders") {
  TempFolder tmp;
  make_corpus(tmp);
  InputOptions options;
  options.exclude = {"drafts", "*.tmp.md", "link-to-sub", "loop", "broken*"};
  CHECK(describe(tmp, expand_inputs({tmp.path("corpus")}, options)) ==
        Strings{"corpus/C.TXT", "corpus/a.txt", "corpus/b.md", "corpus/file-link.md",
                "corpus/sub/deep/y.md", "corpus/sub/z.txt"});
}

TEST_CASE("inputs: --exclude with '/' matches the path relative to the folder argument") {
  TempFolder tmp;
  make_corpus(tmp);
  InputOptions options;
  options.exclude = {"sub/deep", "/drafts/*.txt", "link-to-sub/*.txt", "loop"};
  CHECK(describe(tmp, expand_inputs({tmp.path("corpus")}, options)) ==
        Strings{"corpus/C.TXT", "corpus/a.txt", "corpus/b.md",
                "! corpus/broken.txt: broken symbolic link", "corpus/file-link.md",
                "corpus/link-to-sub/deep/skip.tmp.md", "corpus/link-to-sub/deep/y.md",
                "corpus/sub/z.txt"});
  options.exclude = {"**/deep/*", "*.txt", "loop"};
  CHECK(describe(tmp, expand_inputs({tmp.path("corpus")}, options)) ==
        Strings{"corpus/C.TXT", "corpus/b.md", "corpus/file-link.md"});  // case-sensitive
}

TEST_CASE("inputs: --include replaces the extension list inside folders") {
  TempFolder tmp;
  make_corpus(tmp);
  InputOptions options;
  options.include = {"*.rst"};
  CHECK(describe(tmp, expand_inputs({tmp.path("corpus")}, options)) ==
        Strings{"! corpus/loop: symbolic link loop, skipped", "corpus/notes.rst"});
  options.include = {"**/deep/*.md"};
  options.exclude = {"loop"};
  CHECK(describe(tmp, expand_inputs({tmp.path("corpus")}, options)) ==
        Strings{"corpus/link-to-sub/deep/skip.tmp.md", "corpus/link-to-sub/deep/y.md",
                "corpus/sub/deep/skip.tmp.md", "corpus/sub/deep/y.md"});
}

TEST_CASE("inputs: extensions are compared without ASCII case and the dot is optional") {
  TempFolder tmp;
  make_corpus(tmp);
  InputOptions options;
  options.extensions = {"rst", ".TXT"};
  options.exclude = {"loop"};
  CHECK(describe(tmp, expand_inputs({tmp.path("corpus")}, options)) ==
        Strings{"corpus/C.TXT", "corpus/a.txt", "! corpus/broken.txt: broken symbolic link",
                "corpus/drafts/d.txt", "corpus/link-to-sub/z.txt", "corpus/notes.rst",
                "corpus/sub/z.txt"});
}

TEST_CASE("inputs: arguments keep their order; named files are always taken") {
  TempFolder tmp;
  make_corpus(tmp);
  const std::vector<InputItem> items =
      expand_inputs({tmp.path("corpus/notes.rst"), "-", tmp.path("corpus/sub") + "/",
                     tmp.path("corpus/missing.txt"), tmp.path("corpus/broken.txt"),
                     tmp.path("corpus/.hidden.txt")});
  CHECK(describe(tmp, items) ==
        Strings{"corpus/notes.rst", "-", "corpus/sub/deep/skip.tmp.md", "corpus/sub/deep/y.md",
                "corpus/sub/z.txt", "! corpus/missing.txt: no such file or folder",
                "! corpus/broken.txt: broken symbolic link", "corpus/.hidden.txt"});
  REQUIRE(items.size() == 8);
  CHECK(items[5].error.code() == themescan::StatusCode::kNotFound);
  CHECK(items[6].error.code() == themescan::StatusCode::kNotFound);
}

TEST_CASE("inputs: --exclude applies to named files") {
  TempFolder tmp;
  make_corpus(tmp);
  InputOptions options;
  options.exclude = {"a.*", "corpus/sub/*.txt"};
  const fs::path cwd = fs::current_path();
  fs::current_path(tmp.path());
  CHECK(describe(tmp, expand_inputs({tmp.path("corpus/a.txt"), tmp.path("corpus/b.md"),
                                     "./corpus/sub/z.txt", "corpus/sub/deep/y.md"},
                                    options)) == Strings{"corpus/b.md", "corpus/sub/deep/y.md"});
  fs::current_path(cwd);
}

TEST_CASE("inputs: a folder with nothing to take is an error") {
  TempFolder tmp;
  tmp.folder("empty");
  tmp.file("empty/.hidden.md");
  tmp.file("empty/readme.rst");
  CHECK(describe(tmp, expand_inputs({tmp.path("empty")})) ==
        Strings{"! empty: no reports (.txt or .md files) in this folder"});
  InputOptions options;
  options.extensions = {".txt", ".md", ".html"};
  CHECK(describe(tmp, expand_inputs({tmp.path("empty")}, options)) ==
        Strings{"! empty: no reports (.txt, .md or .html files) in this folder"});
  options.include = {"*.pdf"};
  CHECK(describe(tmp, expand_inputs({tmp.path("empty")}, options)) ==
        Strings{"! empty: no files matching the include patterns in this folder"});
}

TEST_CASE("inputs: link loops named directly or deep in the tree") {
  TempFolder tmp;
  tmp.link("self.txt", "self.txt");
  tmp.file("tree/a/b/n.txt");
  tmp.link("tree/a/b/up", "../..");
  CHECK(describe(tmp, expand_inputs({tmp.path("self.txt"), tmp.path("tree")})) ==
        Strings{"! self.txt: symbolic link loop, skipped",
                "tree/a/b/n.txt",
                "! tree/a/b/up: symbolic link loop, skipped"});
}

TEST_CASE("inputs: an unreadable folder is an error item") {
  if (::geteuid() == 0) {
    MESSAGE("skipped: permissions do not apply to root");
    return;
  }
  TempFolder tmp;
  tmp.file("tree/a.txt");
  tmp.file("tree/locked/b.txt");
  fs::permissions(tmp.path("tree/locked"), fs::perms::none);
  CHECK(describe(tmp, expand_inputs({tmp.path("tree")})) ==
        Strings{"tree/a.txt", "! tree/locked: cannot read folder (Permission denied)"});
  fs::permissions(tmp.path("tree/locked"), fs::perms::owner_all);
}

TEST_CASE("inputs: the walk gives the byte order of full paths, one item at a time") {
  TempFolder tmp;
  // '-' (0x2D) < '/' (0x2F) < '0' (0x30): a-b.txt comes before the folder a's files, a0.txt after.
  for (const char* name : {"c/a/x.txt", "c/a-b.txt", "c/a0.txt", "c/a/b/y.txt", "c/a/z.txt",
                           "c/A.txt", "c/empty/none.rst"}) {
    tmp.file(name);
  }
  const Strings expected{"c/A.txt", "c/a-b.txt", "c/a/b/y.txt", "c/a/x.txt", "c/a/z.txt",
                         "c/a0.txt"};
  CHECK(describe(tmp, expand_inputs({tmp.path("c")})) == expected);
  themescan::InputWalker walker({tmp.path("c"), tmp.path("c/empty")}, InputOptions{});
  std::vector<InputItem> items;
  while (std::optional<InputItem> item = walker.next()) items.push_back(std::move(*item));
  Strings with_empty = expected;
  with_empty.push_back("! c/empty: no reports (.txt or .md files) in this folder");
  CHECK(describe(tmp, items) == with_empty);
  CHECK_FALSE(walker.next().has_value());
}
