"""The wording of the demo records: hazards, risk points, ledgers, visits, enforcement, trainings."""
from __future__ import annotations

# General hazards by category (db.enums.CATEGORY), with how often each category turns up.
HAZARDS = {
    "site_management": (30, ("项目负责人未按规定在岗带班", "安全技术交底记录缺少作业人员签字",
                             "特种作业人员未持证上岗", "三级安全教育记录不完整")),
    "excavation_slope": (22, ("基坑周边1米范围内堆放钢筋", "基坑临边防护栏杆缺失",
                              "基坑监测数据未按要求及时报送", "坑边排水沟堵塞，坡面有积水")),
    "formwork_support": (26, ("模板支撑架立杆底部未设置垫板", "支撑架扫地杆设置不全",
                              "高支模区域未设置变形监测点", "支撑架剪刀撑设置不符合专项方案")),
    "scaffolding": (30, ("外脚手架连墙件缺失", "作业层脚手板未满铺", "悬挑脚手架型钢锚固不牢",
                         "脚手架密目安全网破损未更换")),
    "cranes_lifting": (20, ("塔吊吊索具磨损严重仍在使用", "施工升降机防坠安全器超过检定有效期",
                            "塔吊信号司索工未持证上岗", "吊装作业区域未设置警戒")),
    "work_at_height": (34, ("楼层临边防护栏杆缺失", "电梯井口未设置防护门", "楼板预留洞口未封闭",
                            "高处作业人员未系挂安全带")),
    "temporary_power": (32, ("开关箱未做到一机一闸一漏一箱", "电缆线拖地浸水", "配电箱未接保护零线",
                             "照明线路私拉乱接")),
    "confined_space": (6, ("有限空间作业前未进行气体检测", "有限空间作业未设专人监护")),
    "demolition": (3, ("拆除作业区域未设置警戒", "拆除顺序与专项方案不符")),
    "temporary_loading": (8, ("楼板上集中堆放砌块超过设计荷载", "地下室顶板材料堆载未控制")),
    "reckless_operation": (6, ("作业人员违章进入吊装作业半径内", "大风天气继续高处焊接作业")),
    "obsolete_equipment": (3, ("现场使用已淘汰的竹脚手架", "使用淘汰的井架物料提升机")),
    "fire_safety": (20, ("动火作业未办理动火审批", "易燃材料仓库未配置灭火器", "生活区电动车违规室内充电")),
    "civilized_site": (24, ("施工现场裸土未覆盖", "材料堆放杂乱，通道堵塞", "车辆出场未冲洗", "围挡破损未修复")),
    "other_safety": (6, ("安全警示标志设置不足", "应急预案未组织演练")),
    "foundation": (14, ("桩基检测报告未及时提交", "地基验槽记录缺失", "承台钢筋保护层厚度不足")),
    "main_structure": (30, ("梁柱节点箍筋加密不符合设计要求", "混凝土试块留置数量不足",
                            "楼板钢筋保护层垫块缺失", "剪力墙混凝土表面蜂窝麻面")),
    "steel_structure": (14, ("高强螺栓终拧扭矩未检查", "钢结构焊缝存在咬边", "防火涂料厚度不足")),
    "waterproofing": (10, ("屋面防水卷材搭接宽度不足", "地下室后浇带渗水")),
    "decoration": (8, ("墙面抹灰空鼓", "吊顶龙骨间距过大")),
    "energy_saving": (6, ("外墙保温板粘结面积不足", "节能材料进场复验报告缺失")),
    "mep_installation": (12, ("消防管道支吊架间距过大", "电缆桥架跨接地线缺失", "风管法兰连接不严密")),
    "other_quality": (8, ("原材料进场验收记录不完整", "见证取样送检不及时")),
}
# Major hazards, worded after the 2024 standard (建质规〔2024〕5号).
MAJOR_HAZARDS = {
    "excavation_slope": ("开挖深度超过5米的基坑未按专项施工方案支护，坑边出现明显裂缝",
                         "基坑周边超载堆放且未采取加固措施，监测数据超过预警值"),
    "formwork_support": ("超过一定规模的高大模板支撑体系未经专家论证即组织施工",
                         "高大模板支撑体系立杆间距大于专项方案要求，浇筑前未验收"),
    "cranes_lifting": ("塔式起重机起重力矩限制器失效仍在作业", "施工升降机防坠安全器失效仍在使用"),
    "scaffolding": ("悬挑脚手架型钢悬挑梁锚固不符合专项方案，存在坍塌风险",),
    "confined_space": ("有限空间作业未通风检测，作业人员无防护进入",),
}

# Risk points: (description, controls) by category.
RISKS = {
    "excavation_slope": (("深基坑开挖与支护（开挖深度6.2米）", "分层分段开挖，第三方监测，坑边严禁堆载"),
                         ("基坑降水作业", "设置观测井，监测周边沉降")),
    "formwork_support": (("高大模板支撑体系（搭设高度9.5米）", "专项方案经专家论证，浇筑时专人监测"),
                         ("梁板模板支撑体系", "按方案验收合格后方可浇筑")),
    "scaffolding": (("落地式双排脚手架（搭设高度32米）", "按方案搭设，每周检查连墙件和剪刀撑"),
                    ("悬挑式脚手架", "型钢锚固验收，分段挂牌使用")),
    "cranes_lifting": (("QTZ80塔式起重机作业区", "安装监控系统，专职信号工指挥，群塔防碰撞"),
                       ("大型构件吊装作业", "编制吊装方案，设置警戒区，试吊后作业")),
    "work_at_height": (("屋面临边及洞口", "设置定型化防护栏杆，挂设安全平网"),
                       ("电梯井道作业", "井口设防护门，井内每两层设水平网")),
    "temporary_power": (("施工临时用电总配电房", "TN-S系统，三级配电两级保护，每日巡检"),),
    "confined_space": (("污水管网检查井有限空间作业", "先通风、再检测、后作业，专人监护"),),
    "fire_safety": (("钢结构焊接动火作业区", "动火审批，配备灭火器，专人看火"),
                    ("生活区宿舍", "电动车集中充电，定期消防检查")),
    "temporary_loading": (("楼面材料集中堆放区", "设置限载标识，分散堆放"),),
    "foundation": (("旋挖钻孔灌注桩施工", "控制泥浆比重，孔口防护"),),
    "main_structure": (("大体积混凝土底板浇筑（厚2.0米）", "分层浇筑，测温养护"),),
    "steel_structure": (("大跨度钢屋架吊装（跨度36米）", "专家论证，双机抬吊，专人指挥"),),
    "mep_installation": (("变配电室安装调试", "停送电挂牌，专人监护"),),
}
RISK_WEIGHTS = {"excavation_slope": 10, "formwork_support": 12, "scaffolding": 14, "cranes_lifting": 14,
                "work_at_height": 14, "temporary_power": 10, "confined_space": 3, "fire_safety": 8,
                "temporary_loading": 4, "foundation": 4, "main_structure": 4, "steel_structure": 4,
                "mep_installation": 3}
MAJOR_RISKS = ("excavation_slope", "formwork_support", "cranes_lifting", "steel_structure", "scaffolding")

# Ledger entries: (name, danger category code, beyond scale) for works of greater danger.
KEY_PROCESSES = ("桩基施工", "基础承台浇筑", "主体结构混凝土浇筑", "钢结构吊装", "屋面防水施工", "外墙保温施工",
                 "机电设备安装", "消防系统调试", "大体积混凝土浇筑")
MUNICIPAL_PROCESSES = ("沟槽开挖", "管道安装", "管道试压", "路基填筑", "沥青面层摊铺", "顶管施工")
DANGEROUS_WORKS = (
    ("深基坑开挖与支护", "excavation", True), ("基坑土方开挖", "excavation", False),
    ("高大模板支撑体系", "formwork", True), ("梁板模板支撑体系", "formwork", False),
    ("塔式起重机安装拆卸", "lifting", False), ("大跨度钢结构吊装", "lifting", True),
    ("落地式脚手架", "scaffolding", False), ("悬挑式脚手架", "scaffolding", False),
    ("建筑幕墙安装", "other", False), ("既有构筑物拆除", "demolition", False),
)
MUNICIPAL_DANGEROUS_WORKS = (("沟槽深基坑支护", "excavation", True), ("顶管暗挖施工", "underground", False),
                             ("汽车吊吊装作业", "lifting", False))
CONCEALED_WORKS = ("地基验槽", "基础钢筋隐蔽验收", "主体结构钢筋隐蔽验收", "防水层隐蔽验收", "给排水管道隐蔽验收",
                   "电气预埋管线隐蔽验收", "外墙保温隐蔽验收", "吊顶内管线隐蔽验收")
MUNICIPAL_CONCEALED_WORKS = ("管道基础隐蔽验收", "管道接口隐蔽验收", "路基压实度检验")

VISIT_NOTES = {
    "patrol": ("现场安全文明施工总体受控", "临边洞口防护到位，临时用电规范", "塔吊、施工升降机运行正常",
               "督促落实项目每日安全巡查", "材料堆放基本整齐，扬尘治理到位"),
    "spot_check": ("抽查钢筋原材料及见证取样记录", "抽查特种作业人员持证情况", "抽查混凝土试块留置与养护",
                   "抽查安全技术交底记录"),
    "resident": ("驻点指导主体结构施工质量控制", "驻点指导高支模搭设与验收", "驻点指导钢结构吊装作业",
                 "驻点指导桩基施工质量"),
    "special": ("专项排查隐蔽工程验收", "专项排查深基坑与高支模", "专项排查施工临时用电",
                "专项排查消防安全与动火作业", "专项排查起重机械安全"),
}
NOTE_WITH_HAZARDS = "发现隐患{n}处，已当场交底并下发整改通知"
NOTE_WITH_MAJOR = "发现重大事故隐患，责令停工整改"

STOP_WORK_FOR_MAJOR = "发现重大事故隐患：{description}，责令暂停施工，整改复查合格后复工"
STOP_WORK_REPEATED = "隐患多次复查未整改到位，责令局部停工整改"
WARNING_INTERVIEWS = ("隐患整改回复逾期，约谈施工单位项目负责人", "同类隐患反复出现，约谈施工单位及监理单位负责人",
                      "危大工程专项方案落实不到位，约谈建设、施工、监理三方", "项目负责人长期不在岗，约谈施工单位",
                      "安全文明施工管理薄弱，约谈施工单位主要负责人")
RECTIFICATION_NOTICE = "下发隐患整改通知书：本次检查发现隐患{n}处，限期整改并书面回复"

TRAININGS = ("危大工程安全管理专项培训", "建筑施工高处作业安全培训", "施工临时用电安全技术培训",
             "深基坑与高支模专项方案编制培训", "建设工程质量常见问题防治培训", "隐蔽工程验收规范培训",
             "建筑起重机械安全管理培训", "有限空间作业安全培训", "消防安全与动火作业管理培训",
             "安全生产月专题培训", "项目负责人质量安全责任培训", "钢结构工程质量控制培训")
OBSERVATIONS = ("{short}标准化工地观摩会", "{short}质量安全示范现场观摩")
ONLINE_QA = ("线上答疑：隐蔽工程验收常见问题", "线上答疑：危大工程专项方案论证", "线上答疑：安全生产标准化考评",
             "线上答疑：工程质量验收资料", "线上答疑：施工许可与监督登记", "线上答疑：冬季施工质量安全")
NEW_STANDARD_TRAINING = "《房屋市政工程生产安全重大事故隐患判定标准（2024版）》宣贯培训"
