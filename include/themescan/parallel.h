// parallel: run independent work items on worker threads and consume the results in order.
//
// run_ordered(count, threads, work, sink, cancel) calls work(i) for every i in [0, count) on up
// to `threads` worker threads and sink(i, result) on the CALLING thread, strictly in index order,
// as soon as the next result in order is ready. Output is therefore the same whatever the thread
// count. Memory is bounded: at most kWindowPerThread * threads items are being worked on, waiting
// in the reorder buffer or being sunk at once; workers wait for the sink to catch up, so a slow
// sink throttles them instead of letting results pile up.
//
// Invariants and failure handling:
//   * threads <= 1 runs everything inline on the calling thread, with no thread started.
//   * work must be safe to call concurrently for different indices; sink is never called
//     concurrently (only from the calling thread).
//   * cancel (may be null): once *cancel is true no new item starts; the items already started
//     finish and are sunk (they are the next ones in order), then run_ordered returns.
//   * An exception thrown by work(i) stops new items from starting; the items before i are still
//     sunk, all workers are joined, and the exception of the lowest failing index is rethrown on
//     the calling thread. An exception thrown by sink stops and joins the workers, then propagates.
//   * Returns the number of items sunk (count unless cancelled or failed).
//
//   std::vector<Result<Report>> out;
//   run_ordered(paths.size(), 4,
//               [&](std::size_t i) { return analyze(paths[i]); },
//               [&](std::size_t, Result<Report>&& r) { out.push_back(std::move(r)); });
#pragma once

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

namespace themescan {

// Results allowed in flight or buffered per worker thread.
inline constexpr std::size_t kWindowPerThread = 4;

namespace parallel_detail {

// State shared by the workers and the calling thread; every member is guarded by mutex_.
template <typename T>
class OrderedState {
 public:
  OrderedState(std::size_t count, std::size_t window, const std::atomic<bool>* cancel)
      : count_(count), window_(window), cancel_(cancel), slots_(window) {}

  template <typename Work>
  void worker_loop(Work& work) {
    std::unique_lock lock(mutex_);
    for (;;) {
      ready_.wait(lock, [&] { return !may_start() || next_ - retired_ < window_; });
      if (!may_start()) break;
      const std::size_t index = next_++;
      lock.unlock();
      std::optional<T> value;
      std::exception_ptr error;
      try {
        value.emplace(work(index));
      } catch (...) {
        error = std::current_exception();
      }
      lock.lock();
      if (error) {
        if (!error_ || index < error_index_) {
          error_ = error;
          error_index_ = index;
        }
      } else {
        slots_[index % window_] = std::move(value);
      }
      ready_.notify_all();
    }
    ready_.notify_all();  // the calling thread may be waiting for an item that will not start
  }

  // Waits for result `index` (the next one in order). nullopt: it will never come (cancelled or
  // an earlier-or-equal item failed).
  std::optional<T> take(std::size_t index) {
    std::unique_lock lock(mutex_);
    std::optional<T>& slot = slots_[index % window_];
    ready_.wait(lock, [&] {
      return slot.has_value() || (error_ && index >= error_index_) ||
             (index >= next_ && !may_start());
    });
    if (!slot.has_value()) return std::nullopt;
    std::optional<T> value = std::move(slot);
    slot.reset();
    return value;
  }

  // The item taken last has been sunk: its place in the window is free.
  void retire() {
    std::lock_guard lock(mutex_);
    ++retired_;
    ready_.notify_all();
  }

  void stop() {
    std::lock_guard lock(mutex_);
    stopped_ = true;
    ready_.notify_all();
  }

  std::exception_ptr error() {
    std::lock_guard lock(mutex_);
    return error_;
  }

 private:
  bool may_start() const {
    return !stopped_ && !error_ && next_ < count_ &&
           !(cancel_ != nullptr && cancel_->load(std::memory_order_acquire));
  }

  const std::size_t count_;
  const std::size_t window_;
  const std::atomic<bool>* const cancel_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::vector<std::optional<T>> slots_;  // result i lives in slots_[i % window_]
  std::size_t next_ = 0;                 // next index to start
  std::size_t retired_ = 0;              // items sunk so far
  bool stopped_ = false;
  std::exception_ptr error_;
  std::size_t error_index_ = 0;
};

}  // namespace parallel_detail

template <typename Work, typename Sink>
std::size_t run_ordered(std::size_t count, unsigned threads, Work work, Sink sink,
                        std::atomic<bool>* cancel = nullptr) {
  using T = std::decay_t<std::invoke_result_t<Work&, std::size_t>>;
  static_assert(!std::is_void_v<T>, "work(i) must return the result to sink");
  auto cancelled = [cancel] { return cancel != nullptr && cancel->load(std::memory_order_acquire); };

  if (threads <= 1 || count <= 1) {
    std::size_t sunk = 0;
    for (; sunk < count && !cancelled(); ++sunk) sink(sunk, work(sunk));
    return sunk;
  }

  const std::size_t workers = std::min<std::size_t>(threads, count);
  parallel_detail::OrderedState<T> state(count, kWindowPerThread * threads, cancel);
  std::vector<std::jthread> pool;
  pool.reserve(workers);
  // Stops and joins the workers however this function is left (a sink exception included).
  struct Joiner {
    parallel_detail::OrderedState<T>& state;
    std::vector<std::jthread>& pool;
    ~Joiner() {
      state.stop();
      for (std::jthread& thread : pool) thread.join();
    }
  };
  std::size_t sunk = 0;
  {
    Joiner joiner{state, pool};
    for (std::size_t t = 0; t < workers; ++t) {
      pool.emplace_back([&state, &work] { state.worker_loop(work); });
    }
    for (; sunk < count; ++sunk) {
      std::optional<T> value = state.take(sunk);
      if (!value) break;
      sink(sunk, std::move(*value));
      state.retire();
    }
  }
  if (std::exception_ptr error = state.error()) std::rethrow_exception(error);
  return sunk;
}

}  // namespace themescan
