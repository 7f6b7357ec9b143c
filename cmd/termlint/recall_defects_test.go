package main

// The defects TestRecallSeed000 injects into seed 000 (issue 19, done
// criterion 2). Each is an operation on the material, computed at test
// time: in a pair whose Chinese holds a glossary term and whose English
// holds a phrase, replace the phrase (its first occurrence, or every one)
// by another. No sentence of the material is written here: the phrases
// are the glossary's renderings, the seed's renderings of its terms, or a
// word or two around them.

// Kinds of defect, as a reviewer names them.
const (
	recallDropped    = "a term dropped"
	recallDeprecated = "a deprecated rendering"
	recallSecond     = "a second rendering"
	recallGarbled    = "a garbled list or near miss"
)

// recallDefect is one defect to inject.
type recallDefect struct {
	kind string
	// zh is a Chinese term the pair's Chinese holds, find a phrase its
	// English holds; skip passes over that many such pairs first.
	zh, find string
	skip     int
	// all replaces every occurrence of find in the pair's English, not
	// only the first (where the English renders the term more than once
	// and the Chinese has it as often).
	all     bool
	replace string
	// concepts are the concept ids a finding may name (the first is the
	// term's), rules the rules that report the defect.
	concepts []string
	rules    []string
	// kept is what the English keeps of a dropped term's rendering, which
	// the missing finding should quote ("" where it keeps nothing: the
	// message then names no phrase).
	kept string
}

var (
	recallMissingRule    = []string{"missing"}
	recallDeprecatedRule = []string{"deprecated"}
	recallSecondRules    = []string{"inconsistent", "non-preferred"}
	recallVariantRule    = []string{"variant"}
)

// recallDefects are the 30 defects: 8 dropped terms, 8 deprecated
// renderings, 7 second renderings and 7 garbled lists or near misses.
var recallDefects = []recallDefect{
	// A term dropped: the English no longer renders it.
	{kind: recallDropped, zh: "元首外交", find: "Led by head-of-state diplomacy, ", replace: "",
		concepts: []string{"yuanshou-waijiao"}, rules: recallMissingRule},
	{kind: recallDropped, zh: "全球安全倡议", find: ", the Global Security Initiative", replace: "",
		concepts: []string{"quanqiu-anquan-changyi"}, rules: recallMissingRule},
	{kind: recallDropped, zh: "互联互通", find: "high-level connectivity network", replace: "high-level network",
		concepts: []string{"hulian-hutong"}, rules: recallMissingRule},
	{kind: recallDropped, zh: "战略互信", find: "strategic mutual trust", replace: "trust",
		concepts: []string{"zhanlue-huxin"}, rules: recallMissingRule, kept: "trust"},
	{kind: recallDropped, zh: "真正的多边主义", find: "genuine multilateralism", replace: "multilateralism",
		concepts: []string{"zhenzheng-de-duobian-zhuyi"}, rules: recallMissingRule, kept: "multilateralism"},
	{kind: recallDropped, zh: "人员往来", find: "the movement of people", replace: "travel",
		concepts: []string{"renyuan-wanglai"}, rules: recallMissingRule},
	{kind: recallDropped, zh: "亚洲安全观", find: "the Asian Security Concept of", replace: "the idea of",
		concepts: []string{"yazhou-anquanguan"}, rules: recallMissingRule},
	{kind: recallDropped, zh: "国事访问", find: "paid state visits", replace: "paid visits",
		concepts: []string{"guoshi-fangwen"}, rules: recallMissingRule, kept: "visits"},

	// A deprecated or superseded rendering.
	{kind: recallDeprecated, zh: "周边外交", find: "periphery diplomacy", replace: "peripheral diplomacy",
		concepts: []string{"zhoubian-waijiao"}, rules: recallDeprecatedRule},
	{kind: recallDeprecated, zh: "周边外交", find: "periphery diplomacy", skip: 1, replace: "neighboring diplomacy",
		concepts: []string{"zhoubian-waijiao"}, rules: recallDeprecatedRule},
	{kind: recallDeprecated, zh: "一带一路", find: "the Belt and Road", replace: "One Belt, One Road",
		concepts: []string{"yidai-yilu"}, rules: recallDeprecatedRule},
	{kind: recallDeprecated, zh: "人类命运共同体", find: "community of common destiny for mankind", replace: "community of shared future for mankind",
		concepts: []string{"renlei-mingyun-gongtongti"}, rules: recallDeprecatedRule},
	{kind: recallDeprecated, zh: "周边国家", find: "countries in our periphery", replace: "surrounding countries",
		concepts: []string{"zhoubian-guojia"}, rules: recallDeprecatedRule},
	{kind: recallDeprecated, zh: "亲诚惠容", find: "amity, sincerity, mutual benefit, and inclusiveness", replace: "friendship, sincerity, benefit and inclusiveness",
		concepts: []string{"qin-cheng-hui-rong"}, rules: recallDeprecatedRule},
	{kind: recallDeprecated, zh: "两个大局", find: "two overall situations", replace: "overall domestic and international situations",
		concepts: []string{"liangge-daju"}, rules: recallDeprecatedRule},
	{kind: recallDeprecated, zh: "周边外交工作座谈会", find: "the Symposium on Periphery Diplomacy", replace: "the conference on the diplomatic work with neighboring countries",
		concepts: []string{"zhoubian-waijiao-gongzuo-zuotanhui"}, rules: recallDeprecatedRule},

	// A second rendering of a term the file renders otherwise.
	{kind: recallSecond, zh: "周边外交", find: "periphery diplomacy", skip: 2, replace: "neighborhood diplomacy",
		concepts: []string{"zhoubian-waijiao"}, rules: recallSecondRules},
	{kind: recallSecond, zh: "命运共同体", find: "community of common destiny", replace: "community with a shared future",
		concepts: []string{"mingyun-gongtongti"}, rules: recallSecondRules},
	{kind: recallSecond, zh: "周边工作", find: "Work on periphery affairs", replace: "Neighborhood work",
		concepts: []string{"zhoubian-gongzuo"}, rules: recallSecondRules},
	{kind: recallSecond, zh: "党中央集中统一领导", find: "leadership of the Party Central Committee", replace: "leadership of the CPC Central Committee",
		concepts: []string{"dangzhongyang-jizhong-tongyi-lingdao", "dangzhongyang"}, rules: recallSecondRules},
	{kind: recallSecond, zh: "周边环境", find: "the periphery environment", replace: "the surrounding environment",
		concepts: []string{"zhoubian-huanjing"}, rules: recallSecondRules},
	{kind: recallSecond, zh: "产业链供应链", find: "production and supply chains", replace: "industrial and supply chains",
		concepts: []string{"chanyelian-gongyinglian"}, rules: recallSecondRules},
	{kind: recallSecond, zh: "十八大", find: "the 18th Party Congress", replace: "the 18th CPC National Congress",
		concepts: []string{"shiba-da"}, rules: recallSecondRules},

	// A garbled list or a near miss of a multiword rendering.
	{kind: recallGarbled, zh: "亲诚惠容", find: "amity, sincerity, mutual benefit, and inclusiveness", skip: 1, replace: "amity, sincerity, benefit, and inclusiveness",
		concepts: []string{"qin-cheng-hui-rong"}, rules: recallVariantRule},
	{kind: recallGarbled, zh: "亲诚惠容", find: "amity, sincerity, mutual benefit, and inclusiveness", skip: 2, replace: "amity, mutual benefit, sincerity, and inclusiveness",
		concepts: []string{"qin-cheng-hui-rong"}, rules: recallVariantRule},
	{kind: recallGarbled, zh: "和平、合作、开放、包容", find: "peace, cooperation, openness, and inclusiveness", replace: "peace, cooperation, and inclusiveness",
		concepts: []string{"heping-hezuo-kaifang-baorong"}, rules: recallVariantRule},
	{kind: recallGarbled, zh: "共同、综合、合作、可持续", find: "common, comprehensive, cooperative, and sustainable security", replace: "common, cooperative, and sustainable security",
		concepts: []string{"gongtong-zonghe-hezuo-kechixu"}, rules: recallVariantRule},
	{kind: recallGarbled, zh: "睦邻、安邻、富邻", find: "ensuring security for neighbors, and promoting", replace: "and promoting",
		concepts: []string{"mulin-anlin-fulin"}, rules: recallVariantRule},
	{kind: recallGarbled, zh: "涉外法律法规体系", find: "system of foreign-related laws and regulations", replace: "system of foreign laws and regulations",
		concepts: []string{"shewai-falu-fagui-tixi"}, rules: recallVariantRule},
	{kind: recallGarbled, zh: "党和国家中心任务", find: "central tasks of the Party and the country", all: true, replace: "central tasks of the country",
		concepts: []string{"dang-he-guojia-zhongxin-renwu"}, rules: recallVariantRule},
}
