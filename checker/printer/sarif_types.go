package printer

// The part of SARIF 2.1.0 termlint writes, as encoding/json writes it.
// These types replace go-sarif's, which write -1 and [] for every index
// and array left unset, where SARIF lets them be left out: each optional
// property here is omitted when empty.

type sarifLog struct {
	Schema  string      `json:"$schema"`
	Version string      `json:"version"`
	Runs    []*sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                        `json:"tool"`
	OriginalURIBaseIDs map[string]sarifArtifactLocation `json:"originalUriBaseIds,omitempty"`
	ColumnKind         string                           `json:"columnKind"`
	// Results is written empty and filled in by SARIF.Print; an empty
	// array says the run found nothing.
	Results []*sarifResult `json:"results"`
}

// ruleIndex is the index of the rule named name among the run's rules,
// or -1.
func (r *sarifRun) ruleIndex(name string) int {
	for i, rule := range r.Tool.Driver.Rules {
		if rule.ID == name {
			return i
		}
	}
	return -1
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name            string      `json:"name"`
	Version         string      `json:"version,omitempty"`
	SemanticVersion string      `json:"semanticVersion,omitempty"`
	InformationURI  string      `json:"informationUri"`
	Rules           []sarifRule `json:"rules,omitempty"`
}

type sarifRule struct {
	ID                   string             `json:"id"`
	ShortDescription     sarifMessage       `json:"shortDescription"`
	FullDescription      sarifMessage       `json:"fullDescription"`
	Help                 sarifMessage       `json:"help"`
	HelpURI              string             `json:"helpUri"`
	DefaultConfiguration sarifConfiguration `json:"defaultConfiguration"`
}

type sarifConfiguration struct {
	Level string `json:"level"`
}

// sarifMessage is a message or a multiformat message string: text, and
// Markdown where the viewer may show it instead.
type sarifMessage struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           *int              `json:"ruleIndex,omitempty"`
	Level               string            `json:"level"`
	Message             sarifMessage      `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	RelatedLocations    []sarifLocation   `json:"relatedLocations,omitempty"`
	Fixes               []sarifFix        `json:"fixes,omitempty"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	Properties          *sarifProperties  `json:"properties,omitempty"`
}

// sarifProperties are a finding's termlint fields, as in the JSON format.
type sarifProperties struct {
	Concept     string   `json:"concept,omitempty"`
	ZH          string   `json:"zh,omitempty"`
	Rendering   string   `json:"rendering,omitempty"`
	Suggestions []string `json:"suggestions,omitempty"`
}

func (p sarifProperties) empty() bool {
	return p.Concept == "" && p.ZH == "" && p.Rendering == "" && len(p.Suggestions) == 0
}

type sarifLocation struct {
	// ID numbers related locations from 1; 0 is left out.
	ID               int                   `json:"id,omitempty"`
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
	Message          *sarifMessage         `json:"message,omitempty"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           sarifRegion           `json:"region"`
}

type sarifArtifactLocation struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int           `json:"startLine"`
	StartColumn int           `json:"startColumn,omitempty"`
	EndLine     int           `json:"endLine,omitempty"`
	EndColumn   int           `json:"endColumn,omitempty"`
	Snippet     *sarifContent `json:"snippet,omitempty"`
}

// withSnippet is the region quoting text, if there is any.
func (r sarifRegion) withSnippet(text string) sarifRegion {
	if text != "" {
		r.Snippet = &sarifContent{Text: text}
	}
	return r
}

type sarifContent struct {
	Text string `json:"text"`
}

type sarifFix struct {
	Description     sarifMessage          `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Replacements     []sarifReplacement    `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifRegion  `json:"deletedRegion"`
	InsertedContent sarifContent `json:"insertedContent"`
}
