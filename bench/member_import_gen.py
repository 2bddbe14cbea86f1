#!/usr/bin/env python3
"""A legacy member export for the import benchmark: N members with card numbers,
tiers, stored value (principal and 赠金), points, dates and some arrears, in
GB18030 as Chinese salon software writes it. Deterministic by seed.

  python3 bench/member_import_gen.py 100000 /tmp/members100k.csv
  salon-kiosk demo-data --db /tmp/b.db
  /usr/bin/time -v env SALON_PIN=1234 salon-kiosk customers import /tmp/members100k.csv \
      --db /tmp/b.db --staff mgr --map-tiers 银卡会员=silver,金卡会员=gold
"""
import random
import sys

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "美丽静雅婷芳敏燕玲娟霞红梅兰秀英华慧巧淑惠珠翠莉萍琳素云莲真环雪荣爱妹香月莺媛艳瑞凡佳嘉琼勤珍贞䶮"
TIERS = ["普通会员", "银卡会员", "金卡会员"]


def main():
    n = int(sys.argv[1])
    out = sys.argv[2]
    rnd = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 7)
    lines = ["会员卡号,姓名,性别,手机号,生日,会员等级,储值余额,赠送余额,积分,开卡日期,最后到店,欠款,备注"]
    for i in range(n):
        name = rnd.choice(SURNAMES) + rnd.choice(GIVEN) + (rnd.choice(GIVEN) if rnd.random() < 0.7 else "")
        phone = "1%d%09d" % (rnd.choice([3, 5, 7, 8, 9]), i)
        fen = rnd.randrange(0, 500000)
        bonus = rnd.randrange(0, 50000) if rnd.random() < 0.3 else 0
        arrears = rnd.randrange(0, 20000) if rnd.random() < 0.02 else 0
        note = '"喜欢安静,不聊天"' if rnd.random() < 0.05 else ""
        lines.append("%06d,%s,%s,%s,19%02d/%d/%d,%s,\"%s\",%d.%02d,%d,20%02d-%02d-%02d,2026-%02d-%02d,%d.%02d,%s" % (
            i + 1, name, rnd.choice("女女女男"), phone, rnd.randrange(50, 100), rnd.randrange(1, 13),
            rnd.randrange(1, 29), rnd.choice(TIERS), "{:,}.{:02d}".format(fen // 100, fen % 100), bonus // 100,
            bonus % 100, rnd.randrange(0, 20000), rnd.randrange(15, 26), rnd.randrange(1, 13), rnd.randrange(1, 29),
            rnd.randrange(1, 12), rnd.randrange(1, 29), arrears // 100, arrears % 100, note))
    with open(out, "wb") as f:
        f.write(("\r\n".join(lines) + "\r\n").encode("gb18030"))


if __name__ == "__main__":
    main()
