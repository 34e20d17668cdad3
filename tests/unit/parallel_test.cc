// Tests for parallel.h: ordered results from worker threads, bounded memory, cancel, errors.
#include <atomic>
#include <chrono>
#include <cstddef>
#include <memory>
#include <mutex>
#include <numeric>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <doctest/doctest.h>

#include "test_util.h"
#include "themescan/parallel.h"

using themescan::kWindowPerThread;
using themescan::run_ordered;

namespace {

std::vector<std::size_t> iota(std::size_t n) {
  std::vector<std::size_t> out(n);
  std::iota(out.begin(), out.end(), std::size_t{0});
  return out;
}

// A delay in microseconds that varies from item to item without a shared random generator.
std::chrono::microseconds scattered_delay(std::size_t i) {
  return std::chrono::microseconds((i * 7919U) % 503U);
}

// Raises *max to value if it is larger.
void raise_max(std::atomic<std::size_t>& max, std::size_t value) {
  std::size_t seen = max.load();
  while (value > seen && !max.compare_exchange_weak(seen, value)) {
  }
}

}  // namespace

TEST_CASE("parallel: results reach the sink in index order under random delays") {
  for (unsigned threads : {1U, 2U, 4U, 7U}) {
    CAPTURE(threads);
    std::vector<std::size_t> indices;
    std::vector<std::string> values;
    const std::size_t sunk = run_ordered(
        300, threads,
        [](std::size_t i) {
          std::this_thread::sleep_for(scattered_delay(i));
          return std::to_string(i * i);
        },
        [&](std::size_t i, std::string&& value) {
          indices.push_back(i);
          values.push_back(std::move(value));
        });
    CHECK(sunk == 300);
    CHECK(indices == iota(300));
    REQUIRE(values.size() == 300);
    CHECK(values[0] == "0");
    CHECK(values[17] == "289");
    CHECK(values[299] == "89401");
  }
}

TEST_CASE("parallel: count 0 calls neither work nor sink") {
  std::atomic<int> calls{0};
  for (unsigned threads : {1U, 4U}) {
    const std::size_t sunk = run_ordered(
        0, threads, [&](std::size_t) { return ++calls; }, [&](std::size_t, int&&) { ++calls; });
    CHECK(sunk == 0);
  }
  CHECK(calls.load() == 0);
}

TEST_CASE("parallel: more threads than items") {
  std::vector<std::size_t> indices;
  const std::size_t sunk = run_ordered(
      3, 16, [](std::size_t i) { return i + 100; },
      [&](std::size_t i, std::size_t&& value) {
        CHECK(value == i + 100);
        indices.push_back(i);
      });
  CHECK(sunk == 3);
  CHECK(indices == std::vector<std::size_t>{0, 1, 2});
}

TEST_CASE("parallel: one thread runs inline; several run off the calling thread") {
  const std::thread::id caller = std::this_thread::get_id();
  std::set<std::thread::id> inline_ids;
  run_ordered(
      5, 1, [&](std::size_t) { return std::this_thread::get_id(); },
      [&](std::size_t, std::thread::id&& id) { inline_ids.insert(id); });
  CHECK(inline_ids == std::set<std::thread::id>{caller});

  std::set<std::thread::id> worker_ids;
  std::set<std::thread::id> sink_ids;
  run_ordered(
      20, 3, [&](std::size_t) { return std::this_thread::get_id(); },
      [&](std::size_t, std::thread::id&& id) {
        worker_ids.insert(id);
        sink_ids.insert(std::this_thread::get_id());
      });
  CHECK(worker_ids.count(caller) == 0);
  CHECK(worker_ids.size() <= 3);
  CHECK(sink_ids == std::set<std::thread::id>{caller});
}

TEST_CASE("parallel: at most 4 * threads items are in flight or buffered") {
  constexpr unsigned kThreads = 3;
  constexpr std::size_t kWindow = kWindowPerThread * kThreads;
  CHECK(kWindow == 12);
  std::atomic<std::size_t> live{0};  // started by work, not yet done in the sink
  std::atomic<std::size_t> max_live{0};
  const std::size_t sunk = run_ordered(
      200, kThreads,
      [&](std::size_t i) {
        raise_max(max_live, ++live);
        return i;
      },
      [&](std::size_t, std::size_t&&) {
        std::this_thread::sleep_for(std::chrono::microseconds(300));  // a slow sink
        --live;
      });
  CHECK(sunk == 200);
  CHECK(live.load() == 0);
  // Workers are fast and the sink is slow, so the window fills but never overflows.
  CHECK(max_live.load() == kWindow);
}

TEST_CASE("parallel: results may be move-only") {
  std::vector<int> seen;
  run_ordered(
      10, 2, [](std::size_t i) { return std::make_unique<int>(static_cast<int>(i) * 3); },
      [&](std::size_t, std::unique_ptr<int>&& value) { seen.push_back(*value); });
  CHECK(seen == std::vector<int>{0, 3, 6, 9, 12, 15, 18, 21, 24, 27});
}

TEST_CASE("parallel: cancel stops new items; started ones are finished and sunk") {
  SUBCASE("set before the start") {
    std::atomic<bool> cancel{true};
    std::atomic<int> started{0};
    for (unsigned threads : {1U, 4U}) {
      const std::size_t sunk = run_ordered(
          50, threads, [&](std::size_t i) { return ++started, i; },
          [](std::size_t, std::size_t&&) {}, &cancel);
      CHECK(sunk == 0);
    }
    CHECK(started.load() == 0);
  }
  SUBCASE("set by the sink, inline") {
    std::atomic<bool> cancel{false};
    std::vector<std::size_t> indices;
    const std::size_t sunk = run_ordered(
        50, 1, [](std::size_t i) { return i; },
        [&](std::size_t i, std::size_t&&) {
          indices.push_back(i);
          if (i == 10) cancel = true;
        },
        &cancel);
    CHECK(sunk == 11);
    CHECK(indices == iota(11));
  }
  SUBCASE("set by the sink, four threads") {
    std::atomic<bool> cancel{false};
    std::atomic<std::size_t> started{0};
    std::vector<std::size_t> indices;
    const std::size_t sunk = run_ordered(
        1000, 4,
        [&](std::size_t i) {
          ++started;
          std::this_thread::sleep_for(scattered_delay(i));
          return i;
        },
        [&](std::size_t i, std::size_t&&) {
          indices.push_back(i);
          if (i == 10) cancel = true;
        },
        &cancel);
    CHECK(sunk >= 11);
    CHECK(sunk <= 11 + kWindowPerThread * 4);
    CHECK(started.load() == sunk);  // every started item was sunk, none lost
    CHECK(indices == iota(sunk));
  }
}

TEST_CASE("parallel: an exception in work is rethrown on the calling thread") {
  for (unsigned threads : {1U, 2U, 5U}) {
    CAPTURE(threads);
    std::vector<std::size_t> indices;
    auto run = [&] {
      return run_ordered(
          200, threads,
          [](std::size_t i) {
            std::this_thread::sleep_for(scattered_delay(i));
            if (i == 37 || i == 41 || i == 150) throw std::runtime_error("item " + std::to_string(i));
            return i;
          },
          [&](std::size_t i, std::size_t&&) { indices.push_back(i); });
    };
    CHECK_THROWS_WITH_AS(run(), "item 37", std::runtime_error);
    CHECK(indices == iota(37));  // everything before the first failure, nothing after
  }
}

TEST_CASE("parallel: an exception in the sink stops the workers and propagates") {
  std::atomic<std::size_t> started{0};
  auto run = [&] {
    return run_ordered(
        10000, 3, [&](std::size_t i) { return ++started, i; },
        [](std::size_t i, std::size_t&&) {
          if (i == 5) throw std::logic_error("sink failed");
        });
  };
  CHECK_THROWS_WITH_AS(run(), "sink failed", std::logic_error);
  CHECK(started.load() <= 6 + kWindowPerThread * 3);
}
