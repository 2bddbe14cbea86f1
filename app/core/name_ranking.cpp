#include "app/core/name_ranking.h"

#include <algorithm>
#include <unordered_set>

#include "app/core/text_rules.h"

namespace salon {
namespace {

// The most common surnames (about 98 % of the population), then common given-name
// characters, in simplified and traditional forms. Chosen from the usual surname
// tables and given-name frequency lists; a character missing here only loses its
// place at the front, never its place in the list.
const char* const kNameCharacters =
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
    "姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施"
    "文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛"
    "曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席"
    "卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝欧阳上官司马诸葛"
    "陳楊黃趙吳劉張許韓馮鄧蕭董葉蘇呂盧鍾譚陸賈韋鄒閆龍賀顧龔萬錢嚴湯聶魯嶽歐關蘭寧紀單塗駱藍鮑華饒繆簡車項連蘆"
    "麥婁竇費衛閔鄔邊師欒鞏遲鄺"
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂玉萍红建文辉力鹏飞宇浩然子涵轩梓萱欣怡佳琪雨晨博思彤悦诗晴"
    "嘉妍可馨婷雅琳瑶慧颖珊菲蕾璐倩茜薇燕凤梅莉丹玲云春秋冬夏月星光安康乐福德仁义礼智信忠孝诚志国家庆生成立新"
    "宏俊峰岚山海河波泽润清源森松竹菊荷莲蓉芸芝萌梦婉婕姝妮娇媛嫣姗娅琴瑾瑜琦璇琼瑞祥宝珍珠钰铭锦鑫银锋伦昊昕晗"
    "晓昱晟景睿哲敬逸翔航远达迪宸辰鸿鸣鹤凯恺恒惠心恩慈爱雯霖雪露霏靖婧天一元亮仪佩依健儒兆克兴冰凡函勤卿友启君"
    "唯园坤城培坚基堂增士壮大太奇奕好如妙妤姣威娴守宜富寒尧展岩峻崇川巧巍希帆弘彬影征忆念怀恬悠惜慕斌旭昌昭晋晶"
    "朗本杉枫柔栋桐楠欢正毅水永沁沛泉泰洁洪淑渊滨潇澜灵炎烨煜熙爽玥珂琛瑛璟甜璋益盈真瞻碧祖秀稳笑笛策筠紫纯绍维"
    "美羽翠翰耀聪育胜舒良艺芬花芮若茂茹莹莎蓓蕊虹谦豪贝贤赛越迎遥邦郁采锐长闻雁韵顺风香驰骏鸥晨曦轶骁霆钧"
    "偉麗強軍傑濤輝鵬飛軒詩穎鳳雲陽樂禮義誠國慶榮貴興鋒嵐澤潤蓮夢嬌瑤瓊寶銘錦鑫銀曉鴻凱愷恆惠悅愛靜鳴鶴儀啟園堅"
    "壯嫻憶懷楓棟歡潔淵濱瀟瀾靈燁煒瑋瑩環紅純紹維聰勝藝謙賢賽邁銳長聞韻順風馨馳駿鷗曄鈞";

// Characters no one gives a child; an engine may still offer them for a syllable.
const char* const kNeverInNames = "亡死病毒尸屍鬼坟墳墓丧喪哭灾災祸禍凶恶惡屎尿屁杀殺贼賊奴妓蛆癌疮瘡疯瘋丑醜腐溃潰";

std::unordered_set<char32_t> setOf(const char* text) {
  std::unordered_set<char32_t> out;
  for (char32_t c : codePoints(text)) out.insert(c);
  return out;
}

const std::unordered_set<char32_t>& nameSet() {
  static const std::unordered_set<char32_t> s = setOf(kNameCharacters);
  return s;
}

const std::unordered_set<char32_t>& neverSet() {
  static const std::unordered_set<char32_t> s = setOf(kNeverInNames);
  return s;
}

// 0: made of name characters; 1: ordinary; 2: holds a character never in names.
int nameRank(const std::string& word) {
  const std::u32string cps = codePoints(word);
  if (std::any_of(cps.begin(), cps.end(), [](char32_t c) { return neverSet().count(c) > 0; })) return 2;
  return !cps.empty() && std::all_of(cps.begin(), cps.end(), [](char32_t c) { return nameSet().count(c) > 0; })
             ? 0
             : 1;
}

}  // namespace

bool isNameLike(const std::string& word) { return nameRank(word) == 0; }

std::vector<std::string> rankForNames(std::vector<std::string> candidates) {
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const std::string& a, const std::string& b) { return nameRank(a) < nameRank(b); });
  return candidates;
}

}  // namespace salon
