package corpus

// The vocabulary of synthetic renderings: a rendering is one to three
// modifiers and a head noun. Some words also occur in the corpus's prose
// ("trade", "border", "fund"), so that the matcher meets prefixes of
// synthetic renderings in the text and has to walk them, as it would with
// a real glossary of this size.

var modifiers = []string{
	"coastal", "inland", "border", "regional", "provincial", "municipal", "rural", "urban", "maritime", "continental",
	"joint", "mutual", "collective", "shared", "bilateral", "trilateral", "multilateral", "cross-border", "transit", "frontier",
	"green", "digital", "low-carbon", "blue", "circular", "smart", "open", "inclusive", "resilient", "sustainable",
	"trade", "investment", "customs", "tariff", "credit", "currency", "payment", "insurance", "bond", "equity",
	"energy", "power", "grid", "pipeline", "solar", "wind", "hydropower", "nuclear", "hydrogen", "battery",
	"rail", "road", "port", "harbor", "airport", "logistics", "freight", "shipping", "corridor", "gateway",
	"science", "research", "innovation", "technology", "data", "satellite", "cyber", "software", "patent", "standards",
	"health", "medical", "vaccine", "public", "social", "labor", "pension", "housing", "education", "youth",
	"cultural", "heritage", "tourism", "media", "film", "sports", "language", "archive", "museum", "library",
	"farm", "grain", "fishery", "forestry", "water", "river", "delta", "mountain", "grassland", "desert",
	"emergency", "disaster", "flood", "drought", "climate", "carbon", "ocean", "wildlife", "soil", "air",
	"legal", "judicial", "police", "treaty", "consular", "visa", "migration", "election", "census", "statistics",
	"national", "central", "local", "pilot", "model", "demonstration", "flagship", "priority", "strategic", "long-term",
	"early", "new", "advanced", "basic", "integrated", "coordinated", "comprehensive", "special", "annual", "quarterly",
	"northern", "southern", "eastern", "western", "upstream", "downstream", "offshore", "highland", "lowland", "island",
}

var heads = []string{
	"council", "committee", "commission", "board", "bureau", "office", "agency", "authority", "secretariat", "panel",
	"fund", "bank", "facility", "reserve", "budget", "levy", "subsidy", "loan", "guarantee", "account",
	"zone", "park", "hub", "center", "base", "cluster", "belt", "ring", "axis", "network",
	"plan", "program", "scheme", "initiative", "campaign", "project", "pilot", "roadmap", "blueprint", "agenda",
	"forum", "summit", "dialogue", "conference", "symposium", "workshop", "seminar", "expo", "fair", "festival",
	"agreement", "accord", "protocol", "charter", "declaration", "memorandum", "compact", "pact", "convention", "framework",
	"mechanism", "platform", "system", "regime", "model", "pathway", "channel", "pipeline", "link", "bridge",
	"standard", "code", "rule", "regulation", "guideline", "principle", "doctrine", "strategy", "policy", "reform",
	"index", "survey", "registry", "database", "atlas", "yearbook", "review", "report", "audit", "census",
	"alliance", "partnership", "coalition", "league", "union", "association", "federation", "consortium", "club", "circle",
	"academy", "institute", "college", "school", "laboratory", "observatory", "station", "camp", "clinic", "hospital",
	"market", "exchange", "auction", "warehouse", "depot", "terminal", "checkpoint", "crossing", "wharf", "dock",
}
