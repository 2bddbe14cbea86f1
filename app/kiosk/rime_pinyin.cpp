#include "app/kiosk/rime_pinyin.h"

#include <rime_api.h>

#include <atomic>
#include <cctype>
#include <filesystem>
#include <fstream>

namespace salon::kiosk {
namespace {

constexpr const char* kSchema = "luna_pinyin_simp";

// Only this schema is deployed: compiling every installed schema takes seconds.
void writeDefaultCustom(const std::string& userDir) {
  std::string path = userDir + "/default.custom.yaml";
  std::string want = std::string("patch:\n  schema_list:\n    - schema: ") + kSchema + "\n";
  std::ifstream in(path);
  std::string have((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (have != want) std::ofstream(path, std::ios::trunc) << want;
}

}  // namespace

RimePinyin::RimePinyin(std::string userDir, std::string sharedDir)
    : userDir_(std::move(userDir)), sharedDir_(std::move(sharedDir)) {}

RimePinyin::~RimePinyin() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!initialized_) return;
  RimeApi* rime = rime_get_api();
  if (session_) rime->destroy_session(session_);
  rime->finalize();
}

bool RimePinyin::start() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (ready_) return true;
  std::error_code ec;
  if (!std::filesystem::exists(sharedDir_ + "/" + kSchema + ".schema.yaml", ec)) return false;
  std::filesystem::create_directories(userDir_, ec);
  writeDefaultCustom(userDir_);
  RimeApi* rime = rime_get_api();
  RIME_STRUCT(RimeTraits, traits);
  traits.shared_data_dir = sharedDir_.c_str();
  traits.user_data_dir = userDir_.c_str();
  traits.distribution_name = "Salon Kiosk";
  traits.distribution_code_name = "salon-kiosk";
  traits.distribution_version = "0.1";
  traits.app_name = "rime.salon-kiosk";
  traits.min_log_level = 2;  // errors only
  traits.log_dir = userDir_.c_str();
  static const char* modules[] = {"default", nullptr};  // no lua/octagram plugins: faster start
  traits.modules = modules;
  // setup() starts glog, which may happen once per process.
  static std::atomic<bool> setUp{false};
  if (!setUp.exchange(true)) rime->setup(&traits);
  rime->initialize(&traits);
  initialized_ = true;
  if (rime->start_maintenance(False)) rime->join_maintenance_thread();
  session_ = rime->create_session();
  if (!session_ || !rime->select_schema(session_, kSchema)) return false;
  ready_ = true;
  return true;
}

std::vector<std::string> RimePinyin::candidates(const std::string& letters, int limit) {
  std::vector<std::string> out;
  if (!ready_ || letters.empty()) return out;
  std::string keys;
  for (char c : letters)
    if (std::isalpha(static_cast<unsigned char>(c)) || c == '\'') keys += static_cast<char>(std::tolower(c));
  std::lock_guard<std::mutex> lock(mutex_);
  RimeApi* rime = rime_get_api();
  rime->clear_composition(session_);
  if (keys.empty() || !rime->simulate_key_sequence(session_, keys.c_str())) return out;
  // The first page holds the best few; page on until `limit`.
  for (int page = 0; static_cast<int>(out.size()) < limit && page < 10; ++page) {
    RIME_STRUCT(RimeContext, ctx);
    if (!rime->get_context(session_, &ctx)) break;
    for (int i = 0; i < ctx.menu.num_candidates && static_cast<int>(out.size()) < limit; ++i)
      out.emplace_back(ctx.menu.candidates[i].text);
    bool last = ctx.menu.is_last_page;
    rime->free_context(&ctx);
    if (last || !rime->process_key(session_, 0xff56 /* Page_Down */, 0)) break;
  }
  rime->clear_composition(session_);
  return out;
}

}  // namespace salon::kiosk
