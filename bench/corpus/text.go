package corpus

// The text the generator assembles files from, written for this benchmark.
// A slot "{}" takes one mention of a glossary concept. The sentences avoid
// every rendering of the default glossary (TestTemplatesMentionNoConcept),
// so that the only renderings in the corpus are the ones slotted in.

// sentences are the prose of paragraphs: most have slots, some have none,
// so that the matcher also steps over stretches without a term.
var sentences = []string{
	"The report returns to {} in almost every chapter.",
	"Few observers expected {} to feature so prominently in the final communiqué.",
	"{} was mentioned four times in the keynote address, more than in any previous year.",
	"Officials described {} as a long-term undertaking rather than a short campaign.",
	"In the provinces along the border, {} has translated into new roads, customs posts and trade fairs.",
	"The editors chose to keep {} in the headline, even though the speech itself was about finance.",
	"A closer reading shows that {} and {} are treated as two sides of one argument.",
	"The committee's summary links {} directly to the question of fuel prices.",
	"Several contributors question whether {} can be measured at all.",
	"Translators have struggled with {} ever since the term first appeared in print.",
	"It is worth noting that {} appears only once in the earlier draft.",
	"The ministry's spokesperson referred to {} when asked about the new rail link.",
	"Provincial governments were told to align their five-year plans with {}.",
	"For readers abroad, {} is perhaps the least familiar idea in the document.",
	"{} is presented as the natural successor to {}.",
	"The volume opens with an essay on {} and closes with a chapter on {}.",
	"Whether {} will survive the next leadership transition is an open question.",
	"The audience at the seminar asked repeatedly how {} differs from {}.",
	"Much of the commentary focused on {}, leaving the budget figures unexamined.",
	"According to the press office, {} will be the theme of next year's forum.",
	"The white paper devotes an entire section to {}.",
	"Local newspapers reported on {} with unusual enthusiasm.",
	"Critics argue that {} has been used to justify projects of doubtful value.",
	"Supporters reply that {} has already delivered tangible results in the border provinces.",
	"The keynote placed {} at the centre of the government's agenda for the coming decade.",
	"Students of the period will recognise {} from the speeches of the early 2010s.",
	"The second half of the chapter traces how {} entered the official vocabulary.",
	"Here the author pauses to define {} more carefully.",
	"In a footnote, the translator explains why {} was chosen over a more literal wording.",
	"The delegation arrived with a proposal built around {}.",
	"Trade figures for the first quarter were read as evidence of {}.",
	"No other phrase in the document is repeated as often as {}.",
	"The conference declaration calls {} a shared responsibility.",
	"By the end of the decade, {} had become a fixture of official communiqués.",
	"The institute's annual review ranks {} among the five most cited ideas.",
	"The speech connects {} with the earlier emphasis on {}.",
	"Two years later, {} was written into the charter of a new regional fund.",
	"Observers in the capital read the reshuffle as a signal about {}.",
	"Public lectures on {} were organised in more than forty universities.",
	"The archive holds the first internal memorandum on {}, dated March 2014.",
	"Funding for {} rose by a third between 2018 and 2023.",
	"Any account of {} must begin with the geography of the region.",
	"Some historians trace {} back to debates of the 1950s.",
	"Readers will find an index entry for {} at the end of the volume.",
	"At the press conference, the minister twice corrected a journalist who misquoted {}.",
	"Progress on {} is reviewed at a plenary session each spring.",
	"The textbook introduces {} in its second unit, alongside {}.",
	"Interviews with port officials suggest that {} matters more to them than tariffs do.",
	"A survey of business leaders found broad support for {}.",
	"The joint statement mentions {} in its opening paragraph.",
	"Editorials in the official press linked {} to the anniversary celebrations.",
	"Without {}, the author argues, the plan loses its coherence.",
	"The guidelines ask every department to report on {} twice a year.",
	"{} also features in the updated curriculum for civil servants.",
	"Researchers at the institute describe {} as an organising idea rather than a single programme.",
	"The closing remarks returned to {} and thanked the host city.",
	"Each of the case studies in Part Two illustrates {} in a different setting.",
	"Envoys from the region asked for more detail on {}.",
	"The summit produced a joint statement that endorsed {} and {}.",
	"Compared with the 2017 text, the new one says less about {} and more about {}.",
	"The passage on {} was added late, after objections from the finance ministry.",
	"It would be a mistake to read {} as a purely economic idea.",
	"The exhibition in the museum's east wing is devoted to {}.",
	"A chart in the appendix shows how often {} appeared in speeches each year.",
	"The text was revised at least three times before publication.",
	"Attendance at the meeting was limited to senior officials.",
	"Figures for 2022 were later revised downward.",
	"This section draws on interviews conducted between 2019 and 2023.",
	"The full transcript runs to more than sixty pages.",
	"None of the participants spoke to the press afterwards.",
	"Rail freight across the border doubled in three years.",
	"The map in the appendix shows the main transport corridors.",
	"A second edition appeared in 2021 with a new preface.",
	"The quotations below are taken from the published version, not from the recording.",
	"Budget details remain confidential.",
	"The first chapter sets out the historical background.",
	"Several of the projects described here were completed ahead of schedule.",
	"The tone of the document is noticeably more confident than that of its predecessor.",
	"Some passages repeat almost word for word the language of earlier speeches.",
	"Readers interested in the legal details should consult the annex.",
	"The authors thank the staff of the provincial archive for their help.",
	"It rained for most of the opening day, and the outdoor ceremony was cancelled.",
	"The statistics are drawn from customs records and company reports.",
	"Opinions among the experts we consulted were divided.",
	"The original title was shortened for this edition.",
	"Three ministries share responsibility for implementation.",
	"Exports of farm produce rose sharply in the following year.",
	"Most of the delegates travelled by train.",
	"The numbers in brackets refer to paragraphs of the original text.",
}

// headings are section titles; some carry a slot.
var headings = []string{
	"{}: an overview",
	"Notes on {}",
	"{} in practice",
	"From {} to {}",
	"Background",
	"Key findings",
	"Implementation",
	"Open questions",
	"Timeline",
	"Sources and methods",
	"Why {} matters",
	"Reading {} closely",
	"Case study: {}",
	"Summary",
	"The debate over {}",
	"Further reading",
}

// items are list entries.
var items = []string{
	"progress on {}",
	"funding for {}",
	"{} in the border provinces",
	"a timetable for {}",
	"training courses on {}",
	"a review of {}",
	"Revise the section on {}.",
	"Check the figures given for {}.",
	"Cross-reference {} with the annex.",
	"the budget for the coming year",
	"minutes of the March meeting",
	"{} and its critics",
	"what the 2013 text says about {}",
	"a list of the provinces taking part",
}

// linkTexts are the text of inline links.
var linkTexts = []string{
	"the full text",
	"the note on {}",
	"an earlier essay on {}",
	"the official summary",
	"a chronology of {}",
	"the statistical annex",
}

// sections name the corpus's top-level folders.
var sections = []string{"reports", "speeches", "briefings", "commentary", "readouts", "analysis", "translations", "archive"}

// topics are the words file names are made of.
var topics = []string{"trade", "border", "ports", "rail", "energy", "finance", "forum", "summit", "review", "survey", "memo", "notes", "draft", "chapter", "annex", "lecture", "press", "statement", "plan", "budget"}

// codeKeys are the keys of the YAML snippets in code blocks.
var codeKeys = []string{"topic", "title", "subject", "keyword", "label"}

// pairs are the sentence pairs of bilingual files: a Chinese sentence and
// its English, slots in the same order.
var pairs = [][2]string{
	{"报告多次提到{}。", "The report mentions {} several times."},
	{"与会代表围绕{}展开了讨论。", "The delegates held a discussion on {}."},
	{"{}是今年论坛的主题。", "{} is the theme of this year's forum."},
	{"文件用一整节阐述{}。", "The document devotes a whole section to {}."},
	{"专家认为，{}需要长期坚持。", "Experts believe that {} needs to be pursued over the long term."},
	{"地方政府应将{}纳入发展规划。", "Local governments should build {} into their development plans."},
	{"这一提法最早出现在二〇一三年的讲话中。", "The wording first appeared in a speech in 2013."},
	{"译者在注释中解释了{}的译法。", "In a note, the translator explains how {} was rendered."},
	{"{}与{}密切相关。", "{} is closely linked to {}."},
	{"今年第一季度的贸易数据好于预期。", "Trade data for the first quarter of this year were better than expected."},
	{"有学者把{}追溯到上世纪五十年代。", "Some scholars trace {} back to the 1950s."},
	{"会议要求各部门每半年报告一次{}的进展。", "The meeting asked every department to report on the progress of {} twice a year."},
}

// hanChars are the characters synthetic Chinese terms are made of: common
// ones, so the terms look like terms to the Chinese matcher.
const hanChars = "" +
	"经济合作发展安全文化交流贸易投资金融能源交通港口铁路公路航运口岸边境" +
	"区域国际双边多边机制平台论坛会议协定规划战略政策制度体系框架网络中心" +
	"基础设施产业园区市场资源环境生态绿色数字科技创新人才教育卫生医疗旅游" +
	"农业粮食水利海洋气候减贫民生治理法律标准监管服务信息数据通信互联共享" +
	"开放包容和平友好伙伴关系睦邻互信互利共赢稳定繁荣建设推进深化拓展联合" +
	"青年妇女媒体智库学术研究历史遗产语言艺术体育城市乡村社区地方省市边民"
