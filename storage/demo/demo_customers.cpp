#include "storage/demo/demo_customers.h"

#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "app/core/customer_file.h"
#include "app/core/text_rules.h"
#include "app/core/uuid.h"
#include "storage/audit_store.h"
#include "storage/customer_rows.h"

namespace salon::demo {
namespace {

// Surnames with their share (per mille) among mainland Chinese, roughly as the
// 2020 census lists them, plus the polyphone and compound surnames the lookup
// must handle.
struct Surname {
  const char* text;
  int perMille;
};
constexpr Surname kSurnames[] = {
    {"王", 71}, {"李", 70}, {"张", 67}, {"刘", 54}, {"陈", 46}, {"杨", 31}, {"黄", 22}, {"赵", 20}, {"吴", 20},
    {"周", 19}, {"徐", 13}, {"孙", 12}, {"马", 11}, {"朱", 11}, {"胡", 10}, {"郭", 10}, {"何", 9},  {"林", 9},
    {"高", 9},  {"罗", 8},  {"郑", 8},  {"梁", 7},  {"谢", 6},  {"宋", 6},  {"唐", 6},  {"许", 5},  {"韩", 5},
    {"冯", 5},  {"邓", 5},  {"曹", 5},  {"彭", 5},  {"曾", 5},  {"肖", 4},  {"田", 4},  {"董", 4},  {"袁", 4},
    {"潘", 4},  {"于", 4},  {"蒋", 4},  {"蔡", 4},  {"余", 4},  {"杜", 4},  {"叶", 4},  {"程", 3},  {"苏", 3},
    {"魏", 3},  {"吕", 3},  {"丁", 3},  {"任", 3},  {"沈", 3},  {"姚", 3},  {"卢", 3},  {"姜", 3},  {"崔", 3},
    {"钟", 3},  {"谭", 3},  {"陆", 3},  {"汪", 2},  {"范", 2},  {"金", 2},  {"石", 2},  {"廖", 2},  {"贾", 2},
    {"夏", 2},  {"韦", 2},  {"付", 2},  {"方", 2},  {"白", 2},  {"邹", 2},  {"孟", 2},  {"熊", 2},  {"秦", 2},
    {"邱", 2},  {"江", 2},  {"尹", 2},  {"薛", 2},  {"闫", 2},  {"段", 2},  {"雷", 2},  {"侯", 2},  {"龙", 2},
    {"史", 2},  {"陶", 1},  {"黎", 1},  {"贺", 1},  {"顾", 1},  {"毛", 1},  {"郝", 1},  {"龚", 1},  {"邵", 1},
    {"万", 1},  {"钱", 1},  {"严", 1},  {"覃", 1},  {"武", 1},  {"戴", 1},  {"莫", 1},  {"孔", 1},  {"向", 1},
    {"汤", 1},  {"单", 1},  {"解", 1},  {"仇", 1},  {"区", 1},  {"朴", 1},  {"欧阳", 1}, {"司马", 1}, {"诸葛", 1},
    {"上官", 1},
};

const char* const kFemaleChars[] = {"丽", "芳", "娜", "敏", "静", "秀", "英", "华", "慧", "巧", "美", "娟", "红",
                                    "玲", "霞", "燕", "萍", "雪", "琳", "婷", "倩", "颖", "洁", "晶", "妍", "茜",
                                    "璐", "瑶", "怡", "欣", "佳", "悦", "思", "雨", "梦", "涵", "诗", "嘉", "蕾",
                                    "薇", "岚", "月", "莉", "艳", "凤", "桂", "兰", "梅", "云", "晓", "小", "文",
                                    "心", "可", "馨", "彤", "宁", "蓉", "琪", "露"};
const char* const kMaleChars[] = {"伟", "强", "磊", "军", "勇", "杰", "涛", "斌", "超", "明", "刚", "平", "辉",
                                  "鹏", "飞", "鑫", "波", "宇", "浩", "凯", "俊", "帅", "建", "国", "志", "文"};
// A few customers as they really are at a salon counter.
const char* const kUnusualNames[] = {"Cathy 王", "Amy 陈", "陳美玲", "黃詩涵", "王䶮", "𠮷田惠子",
                                     "迪丽热巴·迪力木拉提", "阿依古丽·买买提", "林嘉欣", "張曉彤"};
const char* const kMobilePrefixes[] = {"130", "131", "132", "133", "135", "136", "137", "138", "139", "150",
                                       "151", "152", "153", "155", "156", "157", "158", "159", "166", "176",
                                       "177", "180", "181", "182", "183", "185", "186", "187", "188", "189",
                                       "191", "198", "199"};
const char* const kSkinTypes[] = {"dry", "oily", "combination", "normal", "sensitive"};
const char* const kServices[] = {"深层补水护理", "美白淡斑护理", "祛痘净肤疗程", "抗衰紧致护理", "眼部护理",
                                 "肩颈按摩",     "精油SPA",      "背部排毒护理", "小气泡清洁",   "光子嫩肤"};
const char* const kBefore[] = {"两颊干燥起皮", "T区出油，毛孔粗大", "额头有闭口粉刺", "眼周细纹明显", "肤色暗沉不均",
                               "肩颈僵硬"};
const char* const kAfter[] = {"水润有光泽", "出油减少，毛孔收细", "闭口减少，红肿消退", "细纹变浅", "肤色提亮",
                              "肩颈放松"};
const char* const kOccupations[] = {"教师", "护士", "会计", "设计师", "销售", "公务员", "自由职业", "工程师", "学生"};
const char* const kDistricts[] = {"静安区南京西路", "徐汇区衡山路", "长宁区愚园路", "黄浦区淮海中路", "浦东新区世纪大道"};
const char* const kPetNames[] = {"豆豆", "球球", "旺财", "咪咪", "可乐", "布丁", "花花", "毛毛", "乐乐", "糖糖"};
const char* const kDogBreeds[] = {"泰迪", "比熊", "柯基", "金毛", "柴犬", "博美", "雪纳瑞"};
const char* const kCatBreeds[] = {"英短", "布偶", "美短", "中华田园猫", "暹罗"};
const char* const kStaff[] = {"cash", "beau", "sup", "mgr"};

template <class T, std::size_t N>
const T& pick(std::mt19937_64& rng, const T (&items)[N]) {
  return items[rng() % N];
}

bool chance(std::mt19937_64& rng, int percent) { return static_cast<int>(rng() % 100) < percent; }

class DemoCustomers {
 public:
  DemoCustomers(std::uint64_t seed, std::int64_t firstIndex) : rng_(seed), next_(firstIndex) {
    for (const Surname& s : kSurnames) {
      totalWeight_ += s.perMille;
      cumulative_.push_back(totalWeight_);
    }
    // A bijection on 8-digit numbers (multiplier coprime to 10^8), so phones are
    // unique yet look random.
    multiplier_ = 2 * (seed % 1000003) + 1;
    if (multiplier_ % 5 == 0) multiplier_ += 2;
    offset_ = (seed * 2654435761ULL) % 100000000ULL;
  }

  std::string name(bool female) {
    if (rng_() % 500 == 0) return pick(rng_, kUnusualNames);
    std::uint64_t w = rng_() % static_cast<std::uint64_t>(totalWeight_);
    std::size_t i = 0;
    while (static_cast<std::uint64_t>(cumulative_[i]) <= w) ++i;
    std::string n = kSurnames[i].text;
    int len = chance(rng_, 30) ? 1 : 2;
    for (int k = 0; k < len; ++k) n += female || k == 1 ? pick(rng_, kFemaleChars) : pick(rng_, kMaleChars);
    return n;
  }

  std::string phone() {
    std::uint64_t i = static_cast<std::uint64_t>(next_++);
    constexpr std::size_t kPrefixes = sizeof kMobilePrefixes / sizeof kMobilePrefixes[0];
    std::uint64_t suffix = ((i / kPrefixes) * multiplier_ + offset_) % 100000000ULL;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%s%08llu", kMobilePrefixes[i % kPrefixes], static_cast<unsigned long long>(suffix));
    return buf;
  }

  std::mt19937_64& rng() { return rng_; }

 private:
  std::mt19937_64 rng_;
  std::int64_t next_;
  int totalWeight_ = 0;
  std::vector<int> cumulative_;
  std::uint64_t multiplier_ = 1, offset_ = 0;
};

FieldMap demoFields(std::mt19937_64& rng, bool female, Instant createdAt, StoreZone zone) {
  FieldMap f;
  f["gender"] = FieldValue::of(female ? "female" : "male");
  if (chance(rng, 80)) {
    int year = localDate(createdAt, zone).year - 18 - static_cast<int>(rng() % 50);
    CivilDate d = civilFromDays(daysFromCivil({year, 1, 1}) + static_cast<std::int64_t>(rng() % 365));
    f["birthday"] = FieldValue::of(formatDate(d));
  } else if (chance(rng, 50)) {
    f["birthday"] = FieldValue::declined();
  }
  if (chance(rng, 50)) f["address"] = FieldValue::of(std::string("上海市") + pick(rng, kDistricts) + std::to_string(rng() % 1500 + 1) + "号");
  if (chance(rng, 40)) f["occupation"] = FieldValue::of(pick(rng, kOccupations));
  if (chance(rng, 10)) f["allergies"] = FieldValue::of(chance(rng, 50) ? "芒果、海鲜" : "酒精类护肤品");
  else if (chance(rng, 10)) f["allergies"] = FieldValue::declined();
  if (chance(rng, 70)) f["skin_type"] = FieldValue::of(pick(rng, kSkinTypes));
  if (chance(rng, 30)) f["pressure"] = FieldValue::of(chance(rng, 50) ? "light" : "medium");
  if (chance(rng, 5)) f["income_band"] = FieldValue::declined();
  return f;
}

VisitRecord demoVisit(std::mt19937_64& rng, Instant at) {
  VisitRecord v;
  v.at = at;
  std::size_t k = rng() % (sizeof kBefore / sizeof kBefore[0]);
  v.service = pick(rng, kServices);
  v.staff = "beau";
  v.durationMinutes = 30 + static_cast<int>(rng() % 4) * 15;
  v.beforeNotes = kBefore[k];
  v.afterNotes = kAfter[k];
  v.effect = chance(rng, 70) ? "明显改善" : "略有改善";
  return v;
}

// Loading a million files into an empty store: the secondary indexes are taken
// away and built again at the end (a sort is far quicker than a million random
// inserts), and name pieces are staged and inserted in key order.
class BulkLoad {
 public:
  explicit BulkLoad(storage::Database& db) : db_(db) {
    SQLite::Statement q(db.sql(),
                        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN"
                        " ('customers', 'customer_visits', 'pets', 'pet_vaccinations')");
    while (q.executeStep()) indexes_.emplace_back(q.getColumn(0).getString(), q.getColumn(1).getString());
    db.sql().exec("PRAGMA foreign_keys = OFF");
    db.sql().exec("PRAGMA temp_store = MEMORY");
    db.write([&](SQLite::Database& s) {
      for (const auto& [name, sql] : indexes_) s.exec("DROP INDEX " + name);
      s.exec("CREATE TEMP TABLE demo_grams (gram TEXT, place INTEGER, customer_id INTEGER)");
    });
  }
  ~BulkLoad() {
    try {
      finish();
    } catch (...) {
      // finish() is called explicitly on success; here only after a failure, when
      // the indexes must come back whatever happened.
    }
  }
  void finish() {
    if (done_) return;
    done_ = true;
    db_.write([&](SQLite::Database& s) {
      s.exec("INSERT OR IGNORE INTO customer_name_grams (gram, place, customer_id)"
             " SELECT gram, place, customer_id FROM demo_grams ORDER BY gram, place, customer_id");
      s.exec("DROP TABLE temp.demo_grams");
      for (const auto& [name, sql] : indexes_) s.exec(sql);
    });
    db_.sql().exec("PRAGMA foreign_keys = ON");
  }

 private:
  storage::Database& db_;
  std::vector<std::pair<std::string, std::string>> indexes_;
  bool done_ = false;
};

// The connection's page cache at 200 MB (the default is 2 MB) while the rows go
// in; afterwards the old size, and the pages handed back, so the kiosk that goes
// on to use this connection does not keep 200 MB of cache it never asked for.
class BigCache {
 public:
  explicit BigCache(storage::Database& db) : db_(db) {
    previous_ = db_.sql().execAndGet("PRAGMA cache_size").getInt64();
    db_.sql().exec("PRAGMA cache_size = -200000");
  }
  ~BigCache() {
    try {
      db_.sql().exec("PRAGMA cache_size = " + std::to_string(previous_));
      db_.sql().exec("PRAGMA shrink_memory");
    } catch (const std::exception&) {
      // Only memory is at stake; the rows are already stored or rolled back.
    }
  }
  BigCache(const BigCache&) = delete;
  BigCache& operator=(const BigCache&) = delete;

 private:
  storage::Database& db_;
  std::int64_t previous_ = -2000;
};

// One demo customer's file: a name, a phone, membership, consent and fields.
NewCustomerFile demoFile(DemoCustomers& gen, NameKeyMaker& keys, bool female, Instant createdAt, const StoreZone& zone) {
  std::mt19937_64& rng = gen.rng();
  NewCustomerFile f;
  f.createdAt = createdAt;
  f.year = localDate(f.createdAt, zone).year;
  f.name = gen.name(female);
  f.keys = keys.keysOf(f.name);
  f.phone = parsePhone(gen.phone());
  f.member = chance(rng, 60);
  f.createdBy = pick(rng, kStaff);
  f.consent = {"agreed", kPrivacyNoticeVersion, f.createdAt, f.createdBy, chance(rng, 40)};
  f.fields = demoFields(rng, female, f.createdAt, zone);
  return f;
}

// A pet for a demo file, with its rabies (dog) or feline (cat) vaccination.
void addDemoPet(std::mt19937_64& rng, storage::CustomerRowWriter& writer, SQLite::Statement& vac, CustomerId id,
                Instant createdAt, const StoreZone& zone) {
  Pet p;
  p.name = pick(rng, kPetNames);
  p.species = chance(rng, 70) ? "dog" : "cat";
  p.breed = p.species == "dog" ? pick(rng, kDogBreeds) : pick(rng, kCatBreeds);
  p.weightGrams = 2000 + static_cast<int>(rng() % 20000);
  p.temperament = chance(rng, 30) ? "怕吹风机，需安抚" : "温顺";
  std::int64_t petId = writer.insertPet(id, p, createdAt);
  CivilDate given = localDate(createdAt, zone);
  vac.reset();
  vac.bind(1, static_cast<std::int64_t>(petId));
  vac.bind(2, p.species == "dog" ? "狂犬疫苗" : "猫三联");
  vac.bind(3, formatDate(given));
  vac.bind(4, formatDate({given.year + 1, given.month, given.day == 29 && given.month == 2 ? 28 : given.day}));
  vac.exec();
}

// A batch's file and member counters are written once, with its audit and outbox rows.
void closeBatch(SQLite::Database& s, const std::map<int, std::int64_t>& lastOfYear, std::int64_t lastMember, Instant now,
                std::int64_t n, const std::string& firstNo, const std::string& lastNo) {
  for (const auto& [year, last] : lastOfYear)
    storage::reserveFileNumbers(s, year, last - (storage::reserveFileNumbers(s, year, 0) - 1));
  storage::reserveMemberNumbers(s, lastMember - (storage::reserveMemberNumbers(s, 0) - 1));
  storage::appendAudit(s, auditOf(now, "", "customer.seed_demo", "customer", firstNo + ".." + lastNo, "demo data",
                                  std::to_string(n) + " files"));
  storage::appendOutbox(s, {newUuid(), "customer.demo_seeded",
                            "{\"count\":" + std::to_string(n) + ",\"first\":\"" + firstNo + "\",\"last\":\"" + lastNo + "\"}",
                            now});
}

}  // namespace

DemoCustomersReport seedDemoCustomers(storage::Database& db, const Clock& clock, std::int64_t count, std::uint64_t seed) {
  DemoCustomersReport report;
  if (count <= 0) return report;
  NameKeyMaker keys;
  Instant now = clock.now();
  StoreZone zone = storage::storeZone(db.sql());
  std::string code = storage::storeCode(db.sql());
  std::int64_t existing = db.sql().execAndGet("SELECT COUNT(*) FROM customers").getInt64();
  DemoCustomers gen(seed, existing);
  std::mt19937_64& rng = gen.rng();
  // Files created over the last three years, oldest first, so numbers follow time.
  const Instant span = 3 * 365 * kDay;
  const Instant start = now - span;
  BigCache cache(db);  // a bigger page cache while a million rows go in
  std::unique_ptr<BulkLoad> bulk;
  if (existing == 0) bulk = std::make_unique<BulkLoad>(db);
  constexpr std::int64_t kBatch = 20000;
  std::int64_t done = 0;
  while (done < count) {
    std::int64_t n = std::min(kBatch, count - done);
    db.write([&](SQLite::Database& s) {
      storage::CustomerRowWriter writer(s, bulk ? "temp.demo_grams" : "customer_name_grams");
      // Numbers are counted here and the counters written once per batch.
      std::map<int, std::int64_t> lastOfYear;
      std::int64_t lastMember = storage::reserveMemberNumbers(s, 0) - 1;
      SQLite::Statement vac(s, "INSERT INTO pet_vaccinations (pet_id, vaccine, given_on, expires_on) VALUES (?,?,?,?)");
      std::string firstNo, lastNo;
      for (std::int64_t k = 0; k < n; ++k) {
        std::int64_t i = done + k;
        bool female = chance(rng, 85);  // drawn first: the same seed gives the same salon
        Instant createdAt = start + static_cast<Instant>((span / count) * i) + static_cast<Instant>(rng() % kHour);
        NewCustomerFile f = demoFile(gen, keys, female, createdAt, zone);
        if (!lastOfYear.count(f.year)) lastOfYear[f.year] = storage::reserveFileNumbers(s, f.year, 0) - 1;
        std::int64_t seq = ++lastOfYear[f.year];
        std::string fileNo = formatFileNo(code, f.year, seq);
        std::string memberNo = f.member ? formatMemberNo(++lastMember) : "";
        CustomerId id = writer.insert(f, fileNo, memberNo, chance(rng, 80) ? "in_force" : "pending_review", false);
        if (firstNo.empty()) firstNo = fileNo;
        lastNo = fileNo;
        // Visit histories: most have a few; one file in 20,000 (and the first) has
        // sixty, as a long-standing regular does.
        int visits = (i % 20000 == 0) ? 60 : chance(rng, 35) ? static_cast<int>(rng() % 6) + 1 : 0;
        Instant step = std::max<Instant>((now - f.createdAt) / (visits + 1), kHour);
        for (int v = 0; v < visits; ++v) writer.insertVisit(id, demoVisit(rng, f.createdAt + step * (v + 1)));
        report.visits += visits;
        if (visits >= 50) ++report.filesWithManyVisits;
        if (chance(rng, 8)) {
          addDemoPet(rng, writer, vac, id, f.createdAt, zone);
          ++report.pets;
        }
        report.members += f.member ? 1 : 0;
      }
      closeBatch(s, lastOfYear, lastMember, now, n, firstNo, lastNo);
    });
    done += n;
  }
  if (bulk) bulk->finish();
  report.customers = done;
  return report;
}

}  // namespace salon::demo
