// Package sarif holds the part of the SARIF 2.1.0 object model that
// resplint writes: one run of one tool, its rules, and results with
// locations, related locations and fixes. Names follow the OASIS SARIF
// 2.1.0 standard; optional properties are omitted when empty.
package sarif

// Version and Schema identify the format.
const (
	Version = "2.1.0"
	Schema  = "https://json.schemastore.org/sarif-2.1.0.json"
)

// SrcRoot is the uriBaseId of artifact URIs relative to the root of the
// analysed repository, as GitHub code scanning expects.
const SrcRoot = "%SRCROOT%"

// A Log is a SARIF log file.
type Log struct {
	Schema  string `json:"$schema"`
	Version string `json:"version"`
	Runs    []Run  `json:"runs"`
}

// A Run is the output of one run of one tool.
type Run struct {
	Tool               Tool                        `json:"tool"`
	Invocations        []Invocation                `json:"invocations,omitempty"`
	OriginalURIBaseIDs map[string]ArtifactLocation `json:"originalUriBaseIds,omitempty"`
	Results            []Result                    `json:"results"`
	ColumnKind         string                      `json:"columnKind,omitempty"`
}

// A Tool describes the tool that made a run.
type Tool struct {
	Driver ToolComponent `json:"driver"`
}

// A ToolComponent is the tool's driver and its rules.
type ToolComponent struct {
	Name            string                `json:"name"`
	Version         string                `json:"version,omitempty"`
	SemanticVersion string                `json:"semanticVersion,omitempty"` // SemVer 2.0, without "v"
	InformationURI  string                `json:"informationUri,omitempty"`
	Rules           []ReportingDescriptor `json:"rules,omitempty"`
}

// A ReportingDescriptor describes a rule.
type ReportingDescriptor struct {
	ID                   string                  `json:"id"`
	Name                 string                  `json:"name,omitempty"`
	ShortDescription     *MultiformatMessage     `json:"shortDescription,omitempty"`
	FullDescription      *MultiformatMessage     `json:"fullDescription,omitempty"`
	Help                 *MultiformatMessage     `json:"help,omitempty"`
	HelpURI              string                  `json:"helpUri,omitempty"`
	DefaultConfiguration *ReportingConfiguration `json:"defaultConfiguration,omitempty"`
}

// A MultiformatMessage is text with an optional Markdown form.
type MultiformatMessage struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

// A ReportingConfiguration holds a rule's defaults.
type ReportingConfiguration struct {
	Level string `json:"level,omitempty"`
}

// An Invocation says whether the run succeeded, and why not.
type Invocation struct {
	ExecutionSuccessful        bool           `json:"executionSuccessful"`
	ToolExecutionNotifications []Notification `json:"toolExecutionNotifications,omitempty"`
}

// A Notification is a message about the run itself.
type Notification struct {
	Level   string  `json:"level,omitempty"`
	Message Message `json:"message"`
}

// A Message is plain text.
type Message struct {
	Text string `json:"text"`
}

// A Result is one finding.
type Result struct {
	RuleID           string     `json:"ruleId"`
	RuleIndex        int        `json:"ruleIndex"`
	Level            string     `json:"level,omitempty"`
	Message          Message    `json:"message"`
	Locations        []Location `json:"locations,omitempty"`
	RelatedLocations []Location `json:"relatedLocations,omitempty"`
	Fixes            []Fix      `json:"fixes,omitempty"`
}

// A Location is a place in a file, with a message for related locations.
type Location struct {
	ID               *int             `json:"id,omitempty"` // for related locations
	PhysicalLocation PhysicalLocation `json:"physicalLocation"`
	Message          *Message         `json:"message,omitempty"`
}

// A PhysicalLocation is a region of a file.
type PhysicalLocation struct {
	ArtifactLocation ArtifactLocation `json:"artifactLocation"`
	Region           *Region          `json:"region,omitempty"`
}

// An ArtifactLocation names a file, relative to URIBaseID if set.
type ArtifactLocation struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

// A Region is a range of text: lines and columns are 1-based, columns
// count UTF-16 code units, and EndColumn is one past the last character,
// so that a region with EndColumn == StartColumn on one line is an
// insertion point. Columns are 0, and left out, when not known: the
// region is then its lines.
type Region struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
	EndLine     int `json:"endLine"`
	EndColumn   int `json:"endColumn,omitempty"`
}

// A Fix is a suggested fix: changes to files.
type Fix struct {
	Description     *Message         `json:"description,omitempty"`
	ArtifactChanges []ArtifactChange `json:"artifactChanges"`
}

// An ArtifactChange is the replacements a fix makes in one file.
type ArtifactChange struct {
	ArtifactLocation ArtifactLocation `json:"artifactLocation"`
	Replacements     []Replacement    `json:"replacements"`
}

// A Replacement replaces a region by new text.
type Replacement struct {
	DeletedRegion   Region           `json:"deletedRegion"`
	InsertedContent *ArtifactContent `json:"insertedContent,omitempty"`
}

// An ArtifactContent is inserted text.
type ArtifactContent struct {
	Text string `json:"text"`
}
