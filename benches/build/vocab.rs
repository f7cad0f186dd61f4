//! The fixed vocabulary of the synthetic corpus: Chinese and English
//! phrases of the kind found in the real documents, each pair a
//! translation of the other, so that a generated clause reads (roughly)
//! the same in both columns.

/// A phrase in Chinese and in English.
pub type Pair = (&'static str, &'static str);

/// Partners named in document titles.
pub const PARTNERS: &[Pair] = &[
    ("拉共体", "CELAC"),
    ("东盟", "ASEAN"),
    ("非盟", "the African Union"),
    ("阿拉伯国家联盟", "the League of Arab States"),
    ("太平洋岛国", "the Pacific Island Countries"),
    ("中亚国家", "the Central Asian Countries"),
    ("中东欧国家", "the Central and Eastern European Countries"),
    ("加勒比国家", "the Caribbean Countries"),
    ("安第斯共同体", "the Andean Community"),
    ("南方共同市场", "MERCOSUR"),
    ("海湾合作委员会", "the Gulf Cooperation Council"),
    ("葡语国家", "the Portuguese-speaking Countries"),
];

/// Article headings.
pub const ARTICLE_HEADINGS: &[Pair] = &[
    (
        "平等互信，巩固政治关系",
        "Equality and mutual trust, consolidating political relations",
    ),
    (
        "互利共赢，深化发展战略对接",
        "Mutual benefit and win-win results, deepening the synergy of development strategies",
    ),
    (
        "交流互鉴，促进民心相通",
        "Exchanges and mutual learning, promoting people-to-people bonds",
    ),
    (
        "和平安全，共同应对全球挑战",
        "Peace and security, jointly addressing global challenges",
    ),
    (
        "开放包容，推动构建人类命运共同体",
        "Openness and inclusiveness, building a community with a shared future for mankind",
    ),
    (
        "创新驱动，培育合作新动能",
        "Innovation-driven growth, fostering new drivers of cooperation",
    ),
    (
        "绿色低碳，推进可持续发展",
        "Green and low-carbon development, advancing sustainable development",
    ),
    (
        "多边协作，完善全球治理",
        "Multilateral coordination, improving global governance",
    ),
    (
        "机制建设，提升论坛效能",
        "Institution building, enhancing the effectiveness of the Forum",
    ),
    (
        "务实合作，扩大贸易投资",
        "Practical cooperation, expanding trade and investment",
    ),
];

/// Section headings: the fields of cooperation.
pub const TOPICS: &[Pair] = &[
    ("金融", "Finance"),
    ("基础设施", "Infrastructure"),
    ("农业和粮食安全", "Agriculture and food security"),
    ("贸易", "Trade"),
    ("投资", "Investment"),
    ("工业和信息化", "Industry and information technology"),
    ("能源和矿产资源", "Energy and mineral resources"),
    ("科技创新", "Science, technology and innovation"),
    ("数字经济", "Digital economy"),
    ("航天", "Space"),
    ("卫生健康", "Health"),
    ("教育", "Education"),
    ("文化和旅游", "Culture and tourism"),
    ("新闻媒体", "News and media"),
    ("减贫和社会发展", "Poverty reduction and social development"),
    (
        "环境保护和气候变化",
        "Environmental protection and climate change",
    ),
    ("减灾救灾", "Disaster prevention and relief"),
    ("海关和质检", "Customs and quality inspection"),
    ("民航和交通运输", "Civil aviation and transport"),
    ("海洋和极地", "Oceans and polar affairs"),
    ("网络安全", "Cyber security"),
    ("执法安全", "Law enforcement and security"),
    ("青年和妇女", "Youth and women"),
    ("地方政府", "Local governments"),
    ("智库和学术", "Think tanks and academia"),
    ("体育", "Sports"),
];

/// How a clause opens: Chinese, and English that a verb phrase follows.
pub const OPENERS: &[Pair] = &[
    ("双方同意", "The two sides agree to"),
    ("双方将继续", "The two sides will continue to"),
    (
        "在论坛框架下",
        "Under the framework of the Forum, the two sides will",
    ),
    (
        "根据各自国内法律",
        "In accordance with their respective domestic laws, the two sides will",
    ),
    (
        "在平等互利的基础上",
        "On the basis of equality and mutual benefit, the two sides will",
    ),
    ("双方愿", "The two sides are willing to"),
    (
        "鼓励双方有关部门",
        "The relevant departments of both sides are encouraged to",
    ),
    ("支持双方企业", "Enterprises of both sides are supported to"),
];

/// Verb phrases, the body of a clause.
pub const ACTIONS: &[Pair] = &[
    ("加强高层交往", "strengthen high-level exchanges"),
    (
        "深化重点领域务实合作",
        "deepen practical cooperation in key areas",
    ),
    (
        "推动发展战略对接",
        "promote the alignment of development strategies",
    ),
    (
        "拓展各层级人员往来",
        "expand personnel exchanges at all levels",
    ),
    (
        "加强经验交流和政策对话",
        "strengthen the exchange of experience and policy dialogue",
    ),
    (
        "共同维护全球南方利益",
        "jointly safeguard the interests of the Global South",
    ),
    (
        "举办部长级会议和专题论坛",
        "hold ministerial meetings and thematic forums",
    ),
    (
        "开展联合研究和人员培训",
        "carry out joint research and personnel training",
    ),
    (
        "推进贸易投资自由化便利化",
        "advance the liberalization and facilitation of trade and investment",
    ),
    (
        "扩大优质特色产品进口",
        "expand imports of high-quality specialty products",
    ),
    (
        "促进互联互通和基础设施建设",
        "promote connectivity and infrastructure construction",
    ),
    (
        "支持金融机构开展合作",
        "support cooperation between financial institutions",
    ),
    (
        "探讨建立双边合作机制",
        "explore the establishment of bilateral cooperation mechanisms",
    ),
    (
        "加强能力建设和技术转让",
        "strengthen capacity building and technology transfer",
    ),
    (
        "落实已达成的合作共识",
        "implement the consensus on cooperation already reached",
    ),
    (
        "提升数字基础设施水平",
        "raise the level of digital infrastructure",
    ),
    (
        "推动清洁能源和绿色发展",
        "promote clean energy and green development",
    ),
    (
        "加强防灾减灾和应急管理合作",
        "strengthen cooperation on disaster reduction and emergency management",
    ),
    (
        "扩大奖学金和研修名额",
        "increase the number of scholarships and training places",
    ),
    (
        "支持智库和学术机构交流",
        "support exchanges between think tanks and academic institutions",
    ),
    (
        "鼓励媒体开展联合采访",
        "encourage the media to carry out joint interviews",
    ),
    (
        "加强海关和检验检疫合作",
        "strengthen cooperation on customs, inspection and quarantine",
    ),
    (
        "推动实现联合国2030年可持续发展议程",
        "advance the United Nations 2030 Agenda for Sustainable Development",
    ),
    ("维护多边贸易体制", "uphold the multilateral trading system"),
    (
        "加强在国际和地区事务中的协调",
        "strengthen coordination on international and regional affairs",
    ),
    ("打击跨国有组织犯罪", "combat transnational organized crime"),
    (
        "开展农业科技示范项目",
        "carry out agricultural technology demonstration projects",
    ),
    (
        "促进中小企业合作",
        "promote cooperation between small and medium-sized enterprises",
    ),
    (
        "加强知识产权保护",
        "strengthen the protection of intellectual property",
    ),
    (
        "推动航线网络建设",
        "promote the development of air route networks",
    ),
    (
        "支持举办文化年和艺术节",
        "support the holding of cultural years and arts festivals",
    ),
    (
        "深化卫生健康领域合作",
        "deepen cooperation in the field of health",
    ),
    (
        "加强网络安全领域对话",
        "strengthen dialogue in the field of cyber security",
    ),
    (
        "推进减贫经验分享",
        "advance the sharing of experience in poverty reduction",
    ),
    (
        "支持青年创新创业交流",
        "support exchanges on youth innovation and entrepreneurship",
    ),
    (
        "加强地方政府间友好交往",
        "strengthen friendly exchanges between local governments",
    ),
];

/// How a clause ends: what the actions are for.
pub const PURPOSES: &[Pair] = &[
    ("以促进共同发展", "so as to promote common development"),
    (
        "为双方企业创造良好条件",
        "in order to create favourable conditions for enterprises of both sides",
    ),
    (
        "增进相互了解和传统友谊",
        "and enhance mutual understanding and traditional friendship",
    ),
    (
        "推动双方关系迈上新台阶",
        "and take relations between the two sides to a new level",
    ),
    (
        "实现互利共赢",
        "so as to achieve mutual benefit and win-win results",
    ),
    (
        "服务双方人民福祉",
        "for the well-being of the peoples of both sides",
    ),
    (
        "助力经济社会可持续发展",
        "in support of sustainable economic and social development",
    ),
];

/// Editorial notes: kind, Chinese and English text.
pub const NOTES: &[(&str, &str, &str)] = &[
    ("translation", "中文“务实合作”在官方英文中译作“pragmatic cooperation”，本站统一理解为“practical cooperation”。", "The Chinese 务实合作 is rendered “pragmatic cooperation” in the official English; read “practical cooperation”."),
    ("translation", "中文为“探讨”，官方英文作“establish”，语气强于原文，应理解为“explore”。", "The Chinese reads 探讨, “explore”; the official English “establish” says more than the original."),
    ("correction", "官方英文本此处漏译“根据各自国内法律”。", "The official English leaves out 根据各自国内法律, “in accordance with their respective domestic laws”."),
    ("correction", "此处年份在原文中印作“2205年”，应为“2025年”。", "The source prints the year as 2205 here; read 2025."),
    ("remark", "本条内容与上一版本相同，仅措辞略有调整。", "This clause repeats the previous edition with minor changes of wording."),
    ("remark", "本条提及的论坛已于次年举办。", "The forum named in this clause was held the following year."),
];
