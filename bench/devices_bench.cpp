// Devices figures: a 20-line receipt encoded (target ≤ 200 µs) and a member
// card with its QR (target ≤ 500 µs), signing included, native and raster QR.
// `devices_bench` runs a quick CI-sized pass; `devices_bench --full` a long one.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <functional>
#include <vector>

#include "app/core/member_card.h"
#include "app/core/receipt.h"
#include "devices/escpos/tickets.h"

using namespace salon;
using namespace salon::devices;

namespace {

const Instant kAt = 1'795'300'000'000;

std::string encodeCard(const CardKeyPair& key, const PrinterProfile& profile) {
  CardTicket t;
  t.holder = {"M00000001", "李美华", "13800138000", "金卡", "S01-2026-000001", 2, true};
  t.payload = signCard(key, t.holder.memberNo, t.holder.cardVersion);
  t.printedAt = kAt;
  t.storeName = "悦容美容美发沙龙";
  return encodeMemberCard(t, profile);
}

double threadCpuMicros() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

struct Figure {
  double cpu, wall;  // µs per call, medians over batches
};

// CPU time is the figure that counts: the build machine's cores are shared, so
// wall time also shows other people's work. Both are printed.
Figure measure(int batches, int perBatch, const std::function<void()>& fn) {
  fn();  // warm up: layouts parsed, catalogue, iconv and fonts opened
  std::vector<double> cpu, wall;
  for (int b = 0; b < batches; ++b) {
    double c0 = threadCpuMicros();
    auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < perBatch; ++i) fn();
    wall.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count() / perBatch);
    cpu.push_back((threadCpuMicros() - c0) / perBatch);
  }
  std::sort(cpu.begin(), cpu.end());
  std::sort(wall.begin(), wall.end());
  return {cpu[cpu.size() / 2], wall[wall.size() / 2]};
}

void BM_Receipt20(benchmark::State& state) {
  Receipt r = sampleReceipt(kAt, 20);
  for (auto _ : state) benchmark::DoNotOptimize(encodeReceipt(r, defaultProfile()));
}
BENCHMARK(BM_Receipt20)->Unit(benchmark::kMicrosecond);

void BM_MemberCard(benchmark::State& state) {
  auto key = cardKeyFromSeed(std::string(32, 'k'));
  for (auto _ : state) benchmark::DoNotOptimize(encodeCard(key, defaultProfile()));
}
BENCHMARK(BM_MemberCard)->Unit(benchmark::kMicrosecond);

}  // namespace

int main(int argc, char** argv) {
  bool full = false, gbench = false;
  for (int i = 1; i < argc; ++i) {
    full = full || std::strcmp(argv[i], "--full") == 0;
    gbench = gbench || std::strcmp(argv[i], "--gbench") == 0;
  }
  if (gbench) {  // only Google benchmark's own runs, for profiling
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    return 0;
  }
  int batches = full ? 50 : 9, perBatch = full ? 400 : 50;
  Receipt r20 = sampleReceipt(kAt, 20);
  auto key = cardKeyFromSeed(std::string(32, 'k'));
  struct Row { const char* what; double target; std::function<void()> fn; };
  std::vector<Row> rows = {
      {"20-line receipt, 80 mm GB18030", 200, [&] { benchmark::DoNotOptimize(encodeReceipt(r20, defaultProfile())); }},
      {"20-line receipt, 58 mm GB18030", 200, [&] { benchmark::DoNotOptimize(encodeReceipt(r20, *profileByName("58mm"))); }},
      {"member card, signed, native QR", 500, [&] { benchmark::DoNotOptimize(encodeCard(key, defaultProfile())); }},
      {"member card, signed, raster QR (58mm-basic)", 500,
       [&] { benchmark::DoNotOptimize(encodeCard(key, *profileByName("58mm-basic"))); }},
  };
  bool ok = true;
  std::printf("%-46s %9s %9s %9s\n", "devices benchmark (µs per call, median)", "cpu", "wall", "target");
  for (const Row& row : rows) {
    Figure f = measure(batches, perBatch, row.fn);
    ok = ok && f.cpu <= row.target;
    std::printf("%-46s %9.1f %9.1f %9.0f %s\n", row.what, f.cpu, f.wall, row.target, f.cpu <= row.target ? "ok" : "SLOW");
  }
  if (gbench) {
    benchmark::Initialize(&argc, argv);  // e.g. --benchmark_filter=BM_Receipt20
    benchmark::RunSpecifiedBenchmarks();
  }
  return ok ? 0 : 1;
}
