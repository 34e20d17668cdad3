#include "run_documents.h"

#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>

#include <fmt/format.h>

#include "commands.h"
#include "output_file.h"
#include "progress.h"
#include "themescan/dates.h"
#include "themescan/csv_input.h"
#include "themescan/extract.h"
#include "themescan/jsonl_input.h"
#include "themescan/parallel.h"
#include "themescan/sqlite_writer.h"
#include "themescan/summary.h"

namespace themescan::cli {
namespace {

// Set by SIGINT/SIGTERM (and by a failed write): no new document starts.
std::atomic<bool> g_stop{false};
std::atomic<bool> g_interrupted{false};
static_assert(std::atomic<bool>::is_always_lock_free);

extern "C" void on_interrupt(int) {
  g_interrupted.store(true);
  g_stop.store(true);
  // A second Ctrl-C ends the process at once.
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
}

constexpr std::size_t kFlushBytes = 1 << 16;
constexpr std::chrono::milliseconds kFlushInterval{50};
constexpr std::size_t kBatchPerThread = 64;  // documents read ahead per thread

// One document to analyse.
struct Job {
  std::string path;                   // the file, or the feed for JSONL and CSV
  Status error;                       // this input could not be used
  std::uint64_t line = 0;             // feeds: line of a bad record
  std::optional<JsonlDocument> doc;   // feeds: the document, text included
  InputFormat format = InputFormat::kAuto;  // files: what to read them as (auto: by name, content)
};

struct Outcome {
  std::optional<DocumentResult> result;
  std::optional<FailedInput> failure;
  std::string rendered;  // this document's part of the output
  std::uint64_t bytes = 0;
};

// What an input item is read as: the format given, else by its name (a .jsonl or .csv file is a
// feed of documents; standard input and other names are decided from their content later).
InputFormat item_format(const RunSettings& settings, const std::string& path) {
  if (settings.input_format != InputFormat::kAuto) return settings.input_format;
  if (path == "-") return InputFormat::kAuto;
  const InputFormat by_name = detect_input_format(path, {});
  return by_name == InputFormat::kJsonl || by_name == InputFormat::kCsv ? by_name
                                                                          : InputFormat::kAuto;
}

bool is_feed(InputFormat format) {
  return format == InputFormat::kJsonl || format == InputFormat::kCsv;
}

// Reads the jobs in order, a batch at a time, so that only the paths of a folder (which must be
// sorted) are held for the whole run, and a feed of any length runs in bounded memory.
class JobSource {
 public:
  JobSource(const std::vector<std::string>& inputs, const InputOptions& options,
            const RunSettings& settings, std::size_t batch)
      : walker_(inputs, options), settings_(settings), batch_(batch) {}

  // The next jobs, in order; empty at the end.
  std::vector<Job> next() {
    std::vector<Job> jobs;
    while (jobs.size() < batch_) {
      if (!reader_) {
        std::optional<InputItem> item = walker_.next();
        if (!item) break;
        const InputFormat format = item_format(settings_, item->path);
        if (!item->error.ok() || !is_feed(format)) {
          jobs.push_back({std::move(item->path), std::move(item->error), 0, std::nullopt, format});
          continue;
        }
        feed_ = std::move(item->path);
        feed_format_ = format;
        std::istream* in = &std::cin;
        if (feed_ != "-") {
          file_ = std::make_unique<std::ifstream>(feed_, std::ios::binary);
          if (!*file_) {
            const int error = errno;
            jobs.push_back({feed_, Status(StatusCode::kIoError,
                                          fmt::format("{}: {}", feed_, std::strerror(error))),
                            0, std::nullopt, format});
            file_.reset();
            continue;
          }
          in = file_.get();
        }
        if (format == InputFormat::kJsonl) {
          reader_ = std::make_unique<JsonlReader>(*in, display_path(feed_));
        } else {
          reader_ = std::make_unique<CsvDocumentReader>(*in, display_path(feed_),
                                                        settings_.csv_columns,
                                                        csv_delimiter(feed_));
        }
      }
      std::optional<Result<JsonlDocument>> doc = reader_->next();
      if (!doc) {
        reader_.reset();
        file_.reset();
        continue;
      }
      if (!doc->ok()) {
        jobs.push_back({feed_, doc->status(), reader_->line(), std::nullopt, feed_format_});
      } else {
        jobs.push_back({feed_, Status::Ok(), (*doc)->line, std::move(**doc), feed_format_});
      }
    }
    return jobs;
  }

 private:
  // Tab-separated for .tsv (and --csv-delimiter), else commas.
  char csv_delimiter(const std::string& path) const {
    if (settings_.csv_columns.delimiter != '\0') return settings_.csv_columns.delimiter;
    return path.size() >= 4 && (path.ends_with(".tsv") || path.ends_with(".TSV")) ? '\t' : ',';
  }

  InputWalker walker_;
  const RunSettings& settings_;
  std::size_t batch_;
  std::string feed_;
  InputFormat feed_format_ = InputFormat::kJsonl;
  std::unique_ptr<std::ifstream> file_;
  std::unique_ptr<DocumentFeed> reader_;
};

std::uint64_t file_size(const std::string& path) {
  struct stat info {};
  if (path == "-" || ::stat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) return 0;
  return static_cast<std::uint64_t>(info.st_size);
}

class Runner {
 public:
  Runner(const Analyzer& analyzer, const RunSettings& settings)
      : analyzer_(analyzer), s_(settings) {}

  Outcome work(Job& job) const {
    Outcome out;
    auto fail = [&](std::string message) {
      FailedInput failure{job.path, std::move(message), job.line,
                          job.doc ? job.doc->id : std::string()};
      if (s_.format == OutputFormat::kJsonl) out.rendered = render_jsonl_error(failure);
      if (s_.format == OutputFormat::kCsv) out.rendered = render_csv_error(failure, s_.csv_table);
      out.failure = std::move(failure);
      return std::move(out);
    };
    if (!job.error.ok()) return fail(job.error.message());
    std::string bytes;
    std::string where = display_path(job.path);
    if (job.doc) {
      bytes = std::move(job.doc->text);
      where = fmt::format("{}:{}", where, job.doc->line);
      if (bytes.size() > s_.max_bytes) {
        return fail(too_large_message(where, bytes.size(), s_.max_bytes));
      }
    } else {
      Result<std::string> read = read_input(job.path, s_.max_bytes);
      if (!read.ok()) return fail(read.status().message());
      bytes = std::move(*read);
    }
    out.bytes = bytes.size();
    Result<DocumentResult> result =
        job.doc ? analyzer_.analyze_owned(job.path, std::move(bytes))
                : analyzer_.analyze_document(job.path, std::move(bytes), job.format);
    if (!result.ok()) return fail(fmt::format("{}: {}", where, result.status().message()));
    if (job.doc) set_feed_meta(*job.doc, *result, job.format);
    out.rendered = render(*result);
    out.result = std::move(*result);
    return out;
  }

 private:
  static void set_feed_meta(JsonlDocument& doc, DocumentResult& r, InputFormat feed) {
    r.meta.id = std::move(doc.id);
    r.meta.line = doc.line;
    r.meta.title = std::move(doc.title);
    r.meta.source = doc.source.value_or("");
    if (doc.date) {
      if (std::optional<std::string> date = normalize_date(*doc.date)) {
        r.meta.date = std::move(date);
        r.meta.date_from = std::string(input_format_name(feed));
      } else {
        r.warnings.push_back(fmt::format("'date' \"{}\" is not an ISO date (YYYY-MM-DD or RFC 3339); "
                                         "{}",
                                         *doc.date,
                                         r.meta.date ? "the date in the text is used" : "no date"));
      }
    }
  }

  std::string render(const DocumentResult& result) const {
    const Lexicon& lexicon = analyzer_.lexicon();
    switch (s_.format) {
      case OutputFormat::kTable:
        return s_.single || s_.per_document ? render_table(result, lexicon, s_.render) : "";
      case OutputFormat::kJson:
        return s_.single ? render_json(result, lexicon, s_.render)
                         : CorpusJsonWriter::element(result, lexicon, s_.render);
      case OutputFormat::kJsonl: return render_jsonl_document(result, lexicon, s_.render);
      case OutputFormat::kHtml:
        return s_.single ? render_html(result, lexicon, s_.render)
                         : CorpusHtmlWriter::element(result, lexicon, s_.render);
      case OutputFormat::kCsv: return render_csv(result, lexicon, s_.render, s_.csv_table);
      case OutputFormat::kSqlite: return {};  // written from the result on the main thread
    }
    return {};
  }

  const Analyzer& analyzer_;
  const RunSettings& s_;
};

// Writes the output in pieces, buffered up to 64 KiB or 50 ms, so a reader of a pipe sees
// each document soon after it is done; remembers the first write error and stops the run.
class Writer {
 public:
  explicit Writer(OutputSink& sink) : sink_(sink) {}
  void put(std::string_view data) {
    buffer_ += data;
    const auto now = std::chrono::steady_clock::now();
    if (buffer_.size() >= kFlushBytes || now - last_flush_ >= kFlushInterval) flush();
  }
  void flush() {
    if (error_.ok() && !buffer_.empty()) {
      error_ = sink_.write(buffer_);
      if (!error_.ok()) g_stop.store(true);
    }
    buffer_.clear();
    last_flush_ = std::chrono::steady_clock::now();
  }
  const Status& error() const { return error_; }

 private:
  OutputSink& sink_;
  std::string buffer_;
  Status error_;
  std::chrono::steady_clock::time_point last_flush_ = std::chrono::steady_clock::now();
};

}  // namespace

bool parse_output_format(const std::string& name, OutputFormat* format) {
  if (name == "table") *format = OutputFormat::kTable;
  else if (name == "json") *format = OutputFormat::kJson;
  else if (name == "jsonl") *format = OutputFormat::kJsonl;
  else if (name == "csv") *format = OutputFormat::kCsv;
  else if (name == "html") *format = OutputFormat::kHtml;
  else if (name == "sqlite") *format = OutputFormat::kSqlite;
  else return false;
  return true;
}

int run_documents(const Analyzer& analyzer, const std::vector<std::string>& inputs,
                  const InputOptions& input_options, const RunSettings& settings,
                  const std::string& output) {
  const Lexicon& lexicon = analyzer.lexicon();
  const bool sqlite = settings.format == OutputFormat::kSqlite;
  OutputSink sink;
  std::optional<SqliteWriter> database;
  if (sqlite) {
    Result<SqliteWriter> created =
        SqliteWriter::create(output, lexicon, settings.render, analyzer.options().count_names);
    if (!created.ok()) {
      print_error(created.status().message());
      return kExitUsage;
    }
    database.emplace(std::move(*created));
  } else if (Status status = sink.open(output); !status.ok()) {
    print_error(status.message());
    return kExitUsage;
  }
  Status database_error;
  auto to_database = [&](Status status) {
    if (database_error.ok() && !status.ok()) {
      database_error = std::move(status);
      g_stop.store(true);
    }
  };
  g_stop.store(false);
  g_interrupted.store(false);
  struct sigaction action {};
  action.sa_handler = on_interrupt;
  sigemptyset(&action.sa_mask);
  struct sigaction old_int {}, old_term {};
  ::sigaction(SIGINT, &action, &old_int);
  ::sigaction(SIGTERM, &action, &old_term);

  // The progress bar needs the totals: a first walk counts the files (only then).
  std::uint64_t total_files = 0;
  std::uint64_t total_bytes = 0;
  bool show_progress = !settings.quiet && ::isatty(STDERR_FILENO);
  if (show_progress && is_feed(settings.input_format)) {
    for (const std::string& feed : inputs) total_bytes += file_size(feed);
  } else if (show_progress) {
    InputWalker counter(inputs, input_options);
    while (std::optional<InputItem> item = counter.next()) {
      ++total_files;
      total_bytes += file_size(item->path);
    }
    show_progress = total_files > 1;
  }
  ProgressBar progress(total_files, total_bytes, show_progress);
  auto report = [&](const std::string& message) {
    progress.clear();
    print_error(message);
  };

  CorpusSummary summary(lexicon, analyzer.options().count_names);
  std::vector<FailedInput> failures;  // for the JSON object's "errors"
  CorpusJsonWriter json;
  CorpusHtmlWriter html;
  Writer writer(sink);
  const bool corpus_json = settings.format == OutputFormat::kJson && !settings.single;
  const bool corpus_html = settings.format == OutputFormat::kHtml && !settings.single;
  if (corpus_json) writer.put(json.begin());
  if (corpus_html) writer.put(html.begin(lexicon));
  if (settings.format == OutputFormat::kCsv) writer.put(render_csv_header(settings.csv_table));

  Runner runner(analyzer, settings);
  JobSource source(inputs, input_options, settings, kBatchPerThread * settings.threads);
  std::size_t tables = 0;
  bool any_failed = false;
  for (std::vector<Job> jobs = source.next(); !jobs.empty() && !g_stop.load();
       jobs = source.next()) {
    run_ordered(
        jobs.size(), settings.threads, [&](std::size_t i) { return runner.work(jobs[i]); },
        [&](std::size_t, Outcome&& outcome) {
          if (outcome.failure) {
            any_failed = true;
            report(outcome.failure->message);
            summary.add_error(outcome.failure->path, outcome.failure->message);
            if (database) to_database(database->add_error(*outcome.failure));
            if (corpus_json) failures.push_back(std::move(*outcome.failure));
          } else {
            if (!settings.quiet) {
              for (const std::string& warning : outcome.result->warnings) {
                const DocumentResult& r = *outcome.result;
                report(fmt::format("{}{}: warning: {}", display_path(r.path),
                                   r.meta.line ? fmt::format(":{}", r.meta.line) : "", warning));
              }
            }
            summary.add(*outcome.result);
            if (database) to_database(database->add_document(*outcome.result));
          }
          if (!outcome.rendered.empty()) {
            if (corpus_json) {
              writer.put(json.document(outcome.rendered));
            } else if (corpus_html) {
              writer.put(html.document(outcome.rendered, *outcome.result, lexicon));
            } else {
              if (settings.format == OutputFormat::kTable && tables++ > 0) writer.put("\n");
              writer.put(outcome.rendered);
            }
          }
          progress.advance(outcome.bytes);
        },
        &g_stop);
  }
  progress.finish();
  ::sigaction(SIGINT, &old_int, nullptr);
  ::sigaction(SIGTERM, &old_term, nullptr);

  if (g_interrupted.load()) {
    database.reset();  // the temporary database is removed, the target left as it was
    print_error(output.empty() || output == "-"
                    ? "interrupted"
                    : fmt::format("interrupted; {} was not written", output));
    return 130;
  }
  // JSONL always ends with the summary, so any run's output can be a part for 'merge'.
  if (settings.format == OutputFormat::kJsonl) writer.put(summary.to_json(-1, true));
  if (!settings.single && settings.format == OutputFormat::kTable) {
    if (tables > 0) writer.put("\n");
    writer.put(render_summary_table(summary, settings.render));
  }
  if (!settings.single && settings.format == OutputFormat::kJson) {
    writer.put(json.end(failures, summary, lexicon));
  }
  if (corpus_html) writer.put(html.end(summary, lexicon));
  if (database) {
    if (database_error.ok()) database_error = database->finish();
    database.reset();
    if (!database_error.ok()) {
      print_error(database_error.message());
      return kExitUsage;
    }
    return any_failed ? kExitDocumentsFailed : kExitOk;
  }
  const bool single_failed = settings.single && any_failed &&
                             (settings.format == OutputFormat::kTable ||
                              settings.format == OutputFormat::kJson ||
                              settings.format == OutputFormat::kHtml);
  if (!single_failed) {
    writer.flush();
    Status status = writer.error();
    if (status.ok()) status = sink.commit();
    if (!status.ok()) {
      print_error(status.message());
      return kExitUsage;
    }
  }
  return any_failed ? kExitDocumentsFailed : kExitOk;
}

}  // namespace themescan::cli
