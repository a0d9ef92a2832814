"""The facts of the Jiujiang ETDZ demo: the office's people, the enterprises and the projects.

The five projects named in the newspaper report (DOMAIN.md) keep their published facts;
the other enterprises and projects are invented but typical of the zone.
"""
from __future__ import annotations

import datetime as dt
from typing import NamedTuple

D = dt.date
BUREAU = "九江经开区建设局质安监部门"

# Section chiefs who lead the one-on-one service teams, and the inspectors.
TEAM_LEADS = ("罗建平", "邓春林", "黄立新")
INSPECTORS = ("陈志刚", "刘卫东", "王海涛", "李建华", "张晓军", "吴斌", "周文杰", "徐丽萍",
              "胡国强", "朱红梅", "郭振宇", "彭志远")
EXPERTS = (
    ("熊国华", "江西省建筑设计研究总院集团有限公司"),
    ("万志勇", "九江学院土木工程与城市建设学院"),
    ("石磊", "九江市建设工程质量安全专家库（岩土）"),
    ("余建明", "九江市建设工程质量安全专家库（结构）"),
    ("涂文斌", "九江市建设工程质量安全专家库（机械）"),
    ("喻红", "江西省建设工程安全质量监督管理局专家库"),
    ("曾庆云", "九江市建设工程质量安全专家库（电气）"),
    ("董立平", "南昌大学工程建设学院"),
)


class Firm(NamedTuple):
    name: str
    kind: str
    region: str  # the six-digit administrative division code of the registering authority


CONTRACTORS = tuple(Firm(name, "contractor", region) for name, region in (
    ("江西浔阳建设集团有限公司", "360403"), ("九江庐峰建筑工程有限公司", "360400"),
    ("江西赣鄱建工集团有限公司", "360100"), ("九江长江建设工程有限公司", "360400"),
    ("江西中赣建设工程有限公司", "360100"), ("九江城西建筑安装有限公司", "360400"),
    ("江西华鼎建设集团有限公司", "360100"), ("湖北楚天建设工程有限公司", "420100"),
    ("江西昌宏市政工程有限公司", "360100"), ("九江水务工程建设有限公司", "360400"),
    ("江西鼎盛钢结构工程有限公司", "360400"), ("九江匡庐建设有限公司", "360483"),
    ("江西省恒信建设工程有限公司", "360100"), ("湖南湘江建工集团有限公司", "430100"),
    ("九江鄱湖建筑工程有限公司", "360428"), ("江西瑞达安装工程有限公司", "360481"),
    ("九江和盛建设工程有限公司", "360402"), ("江西泰和建工有限公司", "360800"),
    ("广东粤建工程有限公司", "440100"), ("九江新港市政建设有限公司", "360400"),
    ("江西宏远消防工程有限公司", "360100"), ("九江永固基础工程有限公司", "360400"),
))
SUPERVISORS = tuple(Firm(name, "supervisor", region) for name, region in (
    ("九江诚信工程监理有限公司", "360400"), ("江西中昌工程咨询监理有限公司", "360100"),
    ("九江建科工程管理有限公司", "360400"), ("江西赣建工程项目管理有限公司", "360100"),
    ("九江正大建设监理有限公司", "360402"), ("江西华泰工程监理有限公司", "360100"),
    ("九江浔诚工程咨询有限公司", "360403"), ("江西方圆建设管理有限公司", "360100"),
    ("九江远航工程监理有限公司", "360400"), ("湖北中南工程监理有限公司", "420100"),
    ("九江恒正项目管理有限公司", "360400"), ("江西永信工程咨询有限公司", "360100"),
))
DESIGNERS = tuple(Firm(name, "designer", region) for name, region in (
    ("九江浔建建筑设计研究院有限公司", "360400"), ("江西华昌勘察设计有限公司", "360100"),
    ("九江市勘察测绘院有限公司", "360400"), ("江西赣北工程勘察设计有限公司", "360400"),
    ("九江市市政工程设计院有限公司", "360400"), ("湖北华中建筑设计有限公司", "420100"),
    ("江西博远设计咨询有限公司", "360100"), ("九江市岩土工程勘察院有限公司", "360400"),
    ("广东华南工业设计院有限公司", "440100"),
))
OTHERS = tuple(Firm(name, "other", region) for name, region in (
    ("九江市建设工程质量检测中心有限公司", "360400"), ("九江安泰建设工程检测有限公司", "360402"),
))

MANLING = "曼玲集团食品新材料产业园"
HONZE = "九江市鸿泽汽车循环利用有限公司汽车循环利用项目"
SHENGYI = "年产3000万平方米覆铜板(生益科技二期)项目"
WATER_PLANT = "石化产业园供水厂及其配套管网建设项目(一标段)"
FIRE_STATION = "特勤消防站"
CITY_INVEST = "九江经开区城市建设投资有限公司"
PETROCHEM_INVEST = "九江石化产业园投资开发有限公司"
WATER_COMPANY = "九江经开区水务有限公司"


class SiteFact(NamedTuple):
    name: str
    short: str
    kind: str
    is_key: bool
    start: dt.date
    completion: dt.date | None  # planned; recorded only once it has passed
    floor_area_m2: float
    developer: str
    progress_pct: float | None = None  # a published figure that stays fixed


SITES = (
    SiteFact("年产10GWh锂离子电池储能电芯项目", "储能电芯项目", "industrial", True, D(2022, 6, 18), D(2024, 3, 29),
             186000, "九江储能新能源科技有限公司"),
    SiteFact("九江经开区电子信息产业园标准厂房(三期)项目", "标准厂房三期", "industrial", False, D(2022, 8, 5),
             D(2023, 12, 20), 64800, "九江经开区产业发展投资有限公司"),
    SiteFact("年产5万吨高性能铜箔项目", "高性能铜箔项目", "industrial", True, D(2022, 9, 13), D(2024, 6, 28),
             98500, "江西瑞铜电子材料有限公司"),
    SiteFact("新能源汽车零部件智能制造基地项目", "汽车零部件基地", "industrial", False, D(2022, 11, 15),
             D(2024, 8, 30), 72300, "九江驰远汽车零部件有限公司"),
    SiteFact("城西港区疏港道路改造工程", "疏港道路改造", "municipal", False, D(2022, 12, 1), D(2023, 11, 30),
             0, CITY_INVEST),
    SiteFact("年产2万吨电子级化学品项目", "电子化学品项目", "industrial", True, D(2023, 2, 14), D(2024, 10, 31),
             41200, "九江晶润电子化学品有限公司"),
    SiteFact("光伏组件铝边框生产线项目", "铝边框生产线", "industrial", False, D(2023, 3, 1), D(2024, 1, 19),
             28600, "九江光辉新能源材料有限公司"),
    SiteFact(HONZE, "鸿泽汽车循环利用项目", "industrial", True, D(2023, 3, 20), D(2024, 9, 26),
             32800, "九江市鸿泽汽车循环利用有限公司"),
    SiteFact("九江经开区人才公寓(二期)项目", "人才公寓二期", "public", False, D(2023, 4, 10), D(2025, 3, 28),
             56700, CITY_INVEST),
    SiteFact("高端智能装备制造产业园一期项目", "智能装备产业园", "industrial", True, D(2023, 5, 8), D(2024, 12, 20),
             88400, "九江智造装备产业园发展有限公司"),
    SiteFact(WATER_PLANT, "供水厂一标段", "municipal", True, D(2023, 6, 12), D(2025, 6, 30),
             8600, PETROCHEM_INVEST),
    SiteFact("年产8万吨特种纸项目", "特种纸项目", "industrial", False, D(2023, 6, 26), D(2025, 1, 24),
             67900, "九江浔纸新材料有限公司"),
    SiteFact("冷链物流仓储中心项目", "冷链物流中心", "other", False, D(2023, 7, 17), D(2024, 7, 12),
             23500, "九江港联冷链物流有限公司"),
    SiteFact(SHENGYI, "生益科技二期", "industrial", True, D(2023, 8, 8), D(2025, 9, 18),
             126500, "江西生益科技有限公司"),
    SiteFact("出口加工区污水处理厂提标改造工程", "污水厂提标改造", "municipal", False, D(2023, 9, 4),
             D(2024, 8, 16), 4200, WATER_COMPANY),
    SiteFact("年产3000吨碳纤维复合材料项目", "碳纤维项目", "industrial", True, D(2023, 10, 9), D(2025, 5, 30),
             45600, "九江碳谷复合材料有限公司"),
    SiteFact(FIRE_STATION, "特勤消防站", "public", False, D(2023, 11, 6), D(2025, 4, 28), 9800, CITY_INVEST),
    SiteFact("智能家居电器生产基地项目", "智能家居基地", "industrial", False, D(2023, 12, 4), D(2025, 2, 27),
             52400, "九江美居智能电器有限公司"),
    SiteFact("九江经开区第二实验学校(初中部)项目", "第二实验学校", "public", False, D(2024, 1, 8), D(2025, 7, 31),
             31500, CITY_INVEST),
    SiteFact("半导体封装测试基地项目", "封装测试基地", "industrial", True, D(2024, 2, 26), D(2025, 11, 28),
             76800, "九江芯泰半导体有限公司"),
    SiteFact("年产12万吨再生铝合金项目", "再生铝合金项目", "industrial", False, D(2024, 3, 11), D(2025, 8, 29),
             39800, "九江华铝再生资源有限公司"),
    SiteFact("汽车线束及连接器生产基地项目", "汽车线束基地", "industrial", False, D(2024, 4, 1), D(2025, 6, 27),
             34600, "九江联讯汽车电子有限公司"),
    SiteFact("经开区纬三路延伸段道路工程", "纬三路延伸段", "municipal", False, D(2024, 4, 22), D(2025, 4, 30),
             0, CITY_INVEST),
    SiteFact("医药中间体研发生产基地项目", "医药中间体基地", "industrial", True, D(2024, 5, 13), D(2026, 3, 31),
             58300, "九江康润医药化工有限公司"),
    SiteFact("精密模具产业园项目", "精密模具产业园", "industrial", False, D(2024, 6, 3), D(2025, 9, 30),
             42700, "九江精工模具科技有限公司"),
    SiteFact("年产5000吨高纯石英砂项目", "高纯石英砂项目", "industrial", False, D(2024, 7, 8), D(2025, 12, 19),
             26900, "九江晶石新材料有限公司"),
    SiteFact("数据中心(一期)项目", "数据中心一期", "industrial", True, D(2024, 8, 5), D(2026, 1, 30),
             47300, "九江云港数据科技有限公司"),
    SiteFact("九江港城西港区综合物流园项目", "综合物流园", "other", False, D(2024, 9, 2), D(2026, 2, 27),
             68200, "九江港城物流发展有限公司"),
    SiteFact(MANLING, "曼玲食品新材料产业园", "industrial", True, D(2024, 10, 16), None,
             47600, "九江曼玲食品新材料有限公司", progress_pct=80),
    SiteFact("石化产业园供水厂配套管网建设项目(二标段)", "供水管网二标段", "municipal", False, D(2024, 11, 4),
             D(2025, 10, 31), 0, PETROCHEM_INVEST),
    SiteFact("绿色建材产业园项目", "绿色建材产业园", "industrial", False, D(2024, 12, 2), D(2026, 5, 29),
             61800, "九江绿筑建材科技有限公司"),
    SiteFact("年产20万套新能源汽车电机项目", "新能源电机项目", "industrial", True, D(2025, 1, 13), D(2026, 6, 30),
             54200, "九江驱动新能源电机有限公司"),
    SiteFact("高分子新材料产业化项目", "高分子新材料项目", "industrial", False, D(2025, 2, 17), D(2026, 7, 31),
             37400, "九江科宇高分子材料有限公司"),
    SiteFact("电子铜箔产业园(二期)项目", "电子铜箔二期", "industrial", False, D(2025, 3, 10), D(2026, 9, 30),
             71500, "江西瑞铜电子材料有限公司"),
    SiteFact("经开区应急救援指挥中心", "应急救援指挥中心", "public", False, D(2025, 4, 7), D(2026, 8, 28),
             18600, CITY_INVEST),
    SiteFact("储能系统集成制造基地项目", "储能系统集成基地", "industrial", True, D(2025, 5, 12), D(2026, 11, 13),
             83600, "九江储能新能源科技有限公司"),
    SiteFact("智能仓储装备生产线项目", "智能仓储装备", "industrial", False, D(2025, 6, 9), D(2026, 10, 16),
             29800, "九江仓智物流装备有限公司"),
    SiteFact("港区雨污分流改造工程", "雨污分流改造", "municipal", False, D(2025, 7, 7), D(2026, 4, 30),
             0, WATER_COMPANY),
    SiteFact("光学膜材料生产基地项目", "光学膜基地", "industrial", False, D(2025, 8, 18), None,
             44300, "九江明光膜材料有限公司"),
    SiteFact("年产1万吨锂电池回收利用项目", "锂电池回收项目", "industrial", True, D(2025, 9, 15), None,
             36100, "九江循环锂电资源有限公司"),
    SiteFact("工业互联网产业园项目", "工业互联网产业园", "industrial", False, D(2025, 11, 3), None,
             52800, "九江经开区产业发展投资有限公司"),
    SiteFact("生物基可降解材料项目", "可降解材料项目", "industrial", False, D(2026, 1, 12), None,
             33700, "九江绿源生物材料有限公司"),
    SiteFact("新型显示模组产业园项目", "显示模组产业园", "industrial", True, D(2026, 3, 9), None,
             79200, "九江视界光电科技有限公司"),
    SiteFact("高端纺织新材料项目", "纺织新材料项目", "industrial", False, D(2026, 5, 11), None,
             48500, "九江锦纶新材料有限公司"),
    SiteFact("氢能装备制造基地项目", "氢能装备基地", "industrial", False, D(2026, 8, 3), None,
             57600, "九江氢能装备制造有限公司"),
)
# Where the developers are registered; the zone's own companies mostly with the city.
DEVELOPER_REGIONS = {CITY_INVEST: "360400", PETROCHEM_INVEST: "360400", WATER_COMPANY: "360400",
                     "江西生益科技有限公司": "360400", "九江市鸿泽汽车循环利用有限公司": "360404"}


class AwardFact(NamedTuple):
    project: str
    name: str
    year: int
    level: str
    announced: dt.date


AWARDS = (
    AwardFact("年产5万吨高性能铜箔项目", "九江市建筑施工安全生产标准化示范工地", 2023, "city", D(2023, 11, 20)),
    AwardFact(HONZE, "九江市优质建设工程奖", 2024, "city", D(2024, 12, 6)),
    AwardFact("高端智能装备制造产业园一期项目", "九江市优质建设工程奖", 2025, "city", D(2025, 11, 28)),
    AwardFact(SHENGYI, "江西省优质建设工程（杜鹃花奖）", 2025, "province", D(2025, 12, 18)),
    AwardFact(WATER_PLANT, "九江市优质建设工程奖", 2026, "city", D(2026, 11, 10)),
)


class AccidentFact(NamedTuple):
    project: str
    occurred_on: dt.date
    level: str
    deaths: int
    injuries: int
    description: str


ACCIDENTS = (
    AccidentFact("年产12万吨再生铝合金项目", D(2025, 7, 16), "general", 0, 1,
                 "钢筋加工区一名作业人员操作切断机时右手被划伤，送医治疗后无生命危险"),
)
