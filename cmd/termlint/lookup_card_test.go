package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// cardGlossary is a made-up glossary whose renderings have statuses of
// their own in some styles, phrase types and context patterns.
const cardGlossary = `styles:
  formal: {description: a formal house style}
  plain: {description: a plain house style}
  casual: {description: a casual house style}
concepts:
  - id: qiao
    zh: 桥
    renderings:
      - en: bridge
        status: preferred
        styles: [formal]
        context:
          require: [the _ over, "* _ toll"]
          exclude: [_ club]
      - en: crossing
        status: superseded
        status_in: {plain: preferred, casual: preferred, formal: admitted}
      - en: span
        status: admitted
        styles: [plain]
        context: {exclude: [_ of time]}
      - en: cross over
        status: admitted
        phrase: verb
      - en: overpass
        status: admitted
        phrase: noun
`

// TestLookupCardStylesAndContext: the card says a rendering's status in
// the styles where it has its own ("preferred in casual and plain;
// admitted in formal; superseded otherwise"), its phrase type when it is
// not a noun phrase, and where its words count as the rendering.
func TestLookupCardStylesAndContext(t *testing.T) {
	g := filepath.Join(writeFiles(t, map[string]string{"g.yaml": cardGlossary}), "g.yaml")
	code, out, errOut := runCLI(t, "--no-config", "-g", g, "lookup", "--style", "plain", "桥")
	want := `桥  qiáo  qiao
  use (plain): crossing

  bridge      preferred   formal
      counts only in: the _ over, * _ toll; not in: _ club
  crossing    superseded  casual, formal, plain
      status: preferred in casual and plain; admitted in formal; superseded otherwise
  span        admitted    plain
      counts except in: _ of time
  cross over  admitted
      phrase: verb
  overpass    admitted
`
	if code != 0 || out != want || errOut != "" {
		t.Errorf("exit %d, stderr %q, stdout:\n%s\nwant:\n%s", code, errOut, out, want)
	}
}

// TestLookupBriefStatusInStyle: the brief gives a rendering's status in
// the style asked for, and names each style with a status of its own
// with that status; its JSON gives status_in as the glossary does.
func TestLookupBriefStatusInStyle(t *testing.T) {
	dir := writeFiles(t, map[string]string{"g.yaml": cardGlossary, "draft.md": "The crossing and the bridge over the river.\n"})
	g, draft := filepath.Join(dir, "g.yaml"), filepath.Join(dir, "draft.md")
	for _, tc := range []struct {
		style, crossing string
	}{
		{"", "  crossing    superseded  casual (preferred), formal (admitted), plain (preferred)  used 1×"},
		{"plain", "  crossing    preferred   casual (preferred), formal (admitted), plain (preferred)  used 1×"},
		{"formal", "  crossing    admitted    casual (preferred), formal (admitted), plain (preferred)  used 1×"},
	} {
		args := []string{"--no-config", "-g", g, "lookup", "--in", draft}
		if tc.style != "" {
			args = append(args, "--style", tc.style)
		}
		code, out, errOut := runCLI(t, args...)
		if code != 0 || errOut != "" {
			t.Fatalf("style %q: exit %d: %s", tc.style, code, errOut)
		}
		if !slices.Contains(strings.Split(out, "\n"), tc.crossing) {
			t.Errorf("style %q: no line %q in\n%s", tc.style, tc.crossing, out)
		}
	}
	code, out, errOut := runCLI(t, "--no-config", "-g", g, "lookup", "--in", draft, "--format", "json")
	var brief struct {
		Concepts []struct {
			Renderings []struct {
				EN       string            `json:"en"`
				Status   string            `json:"status"`
				StatusIn map[string]string `json:"status_in"`
			} `json:"renderings"`
		} `json:"concepts"`
	}
	if err := json.Unmarshal([]byte(out), &brief); err != nil || code != 0 {
		t.Fatalf("json: exit %d, %v: %s%s", code, err, errOut, out)
	}
	var got []string
	for _, r := range brief.Concepts[0].Renderings {
		got = append(got, fmt.Sprintf("%s %s %v", r.EN, r.Status, r.StatusIn))
	}
	if want := "crossing superseded map[casual:preferred formal:admitted plain:preferred]"; !slices.Contains(got, want) || !slices.Contains(got, "bridge preferred map[]") {
		t.Errorf("json renderings %q, want %q and no status_in for bridge", got, want)
	}
}

// TestLookupCardKind: the card names a concept's kind, and what it means,
// among the concept's links when it is a name or a phrase; a term, said
// or not, has no kind line. The JSON gives kind as the glossary does.
func TestLookupCardKind(t *testing.T) {
	g := filepath.Join(writeFiles(t, map[string]string{"g.yaml": `concepts:
  - id: qiaowuju
    zh: 桥务局
    kind: name
    tags: [institution]
    renderings: [{en: Bridge Affairs Bureau, status: preferred}]
  - id: xin-qiaomian
    zh: 新桥面
    kind: phrase
    renderings: [{en: new bridge deck, status: preferred}]
  - id: qiaotou
    zh: 桥头
    kind: term
    renderings: [{en: bridgehead, status: preferred}]
  - id: qiaodun
    zh: 桥墩
    renderings: [{en: pier, status: preferred}]
`}), "g.yaml")
	for _, tc := range []struct{ query, want string }{
		{"桥务局", `桥务局  qiáo wù jú  qiaowuju

  Bridge Affairs Bureau  preferred

  kind: name (of an institution, meeting, document or title)
  tags: institution
`},
		{"新桥面", `新桥面  xīn qiáo miàn  xin-qiaomian

  new bridge deck  preferred

  kind: phrase (may be paraphrased: never reported missing or inconsistent)
`},
		{"桥头", "桥头  qiáo tóu  qiaotou\n\n  bridgehead  preferred\n"},
		{"桥墩", "桥墩  qiáo dūn  qiaodun\n\n  pier  preferred\n"},
	} {
		code, out, errOut := runCLI(t, "--no-config", "-g", g, "lookup", tc.query)
		if code != 0 || out != tc.want || errOut != "" {
			t.Errorf("lookup %s: exit %d, stderr %q, stdout:\n%s\nwant:\n%s", tc.query, code, errOut, out, tc.want)
		}
	}
	code, out, _ := runCLI(t, "--no-config", "-g", g, "lookup", "--format", "json", "新桥面", "桥墩")
	var got struct {
		Results []struct {
			Matches []struct {
				ID   string `json:"id"`
				Kind string `json:"kind"`
			} `json:"matches"`
		} `json:"results"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil || code != 0 || len(got.Results) != 2 || len(got.Results[0].Matches) == 0 || len(got.Results[1].Matches) == 0 {
		t.Fatalf("json: exit %d, %v: %s", code, err, out)
	}
	if m := got.Results[0].Matches[0]; m.ID != "xin-qiaomian" || m.Kind != "phrase" {
		t.Errorf("json: %s has kind %q, want phrase", m.ID, m.Kind)
	}
	if m := got.Results[1].Matches[0]; m.ID != "qiaodun" || m.Kind != "" {
		t.Errorf("json: %s has kind %q, want none", m.ID, m.Kind)
	}
}

// seenGlossary has a source with a publisher that carries a remark in
// brackets, one without a publisher, and a seen entry with a date of its
// own.
const seenGlossary = `sources:
  harbour-board-2019-bridge-notice:
    title: Notice on naming the harbour bridges
    kind: official
    publisher: "Harbour Board (with the Roads Office)"
    date: 2019-05
  scholarly-2021-bridge-essay:
    title: An essay on bridges
    kind: scholarly
    date: 2021
concepts:
  - id: qiao
    zh: 桥
    renderings:
      - en: bridge
        status: preferred
        seen:
          - {source: harbour-board-2019-bridge-notice}
          - {source: scholarly-2021-bridge-essay, date: 2021-03}
`

// TestLookupSeenNamesPublisher: a seen entry gives the source's id, its
// publisher without the bracketed remark, kind and date (the entry's own
// before the source's), and leaves out a publisher the glossary lacks;
// --sources names the publisher too.
func TestLookupSeenNamesPublisher(t *testing.T) {
	g := filepath.Join(writeFiles(t, map[string]string{"g.yaml": seenGlossary}), "g.yaml")
	code, out, errOut := runCLI(t, "--no-config", "-g", g, "lookup", "--sources", "桥")
	for _, want := range []string{
		"seen: harbour-board-2019-bridge-notice (Harbour Board, official, 2019-05); scholarly-2021-bridge-essay (scholarly, 2021-03)\n",
		"\nsources:\n  harbour-board-2019-bridge-notice  Notice on naming the harbour bridges (Harbour Board, official, 2019-05)\n  scholarly-2021-bridge-essay  An essay on bridges (scholarly, 2021)\n",
	} {
		if code != 0 || errOut != "" || !strings.Contains(out, want) {
			t.Errorf("exit %d, stderr %q: output lacks %q:\n%s", code, errOut, want, out)
		}
	}
}

// bookGlossary has a rendering seen only on a page of a book read through
// OCR, and one seen there and in a dated notice.
const bookGlossary = `sources:
  bridge-handbook:
    title: A handbook of bridge names, scanned
    kind: reference
    publisher: Bridge Press
    ocr: true
  harbour-board-2019-bridge-notice:
    title: Notice on naming the harbour bridges
    kind: official
    date: 2019-05
concepts:
  - id: qiao
    zh: 桥
    renderings:
      - en: bridge
        status: preferred
        seen:
          - {source: bridge-handbook, page: 48}
          - {source: harbour-board-2019-bridge-notice}
      - en: span
        seen:
          - {source: bridge-handbook, page: 49}
          - {source: bridge-handbook, page: 112}
`

// TestLookupSeenOnAPageOfAnOCRBook: a seen entry in a book gives its page
// and says the book was read through OCR, a source seen twice is named
// once with both pages; a rendering seen nowhere else is marked
// unconfirmed, and one a second source attests is not.
func TestLookupSeenOnAPageOfAnOCRBook(t *testing.T) {
	g := filepath.Join(writeFiles(t, map[string]string{"g.yaml": bookGlossary}), "g.yaml")
	code, out, errOut := runCLI(t, "--no-config", "-g", g, "lookup", "桥")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	bridge, span, _ := strings.Cut(out, "  span")
	if want := "seen: bridge-handbook (Bridge Press, reference, p. 48, OCR); harbour-board-2019-bridge-notice (official, 2019-05)\n"; !strings.Contains(bridge, want) {
		t.Errorf("bridge's seen line is not %q:\n%s", want, out)
	}
	if strings.Contains(bridge, "unconfirmed") {
		t.Errorf("bridge, attested by a dated notice too, is marked unconfirmed:\n%s", out)
	}
	if !strings.Contains(span, "seen: bridge-handbook (Bridge Press, reference, pp. 49, 112, OCR)\n") || !strings.Contains(span, "unconfirmed: seen only in an OCR transcription") {
		t.Errorf("span, seen only in the OCR book, is not marked unconfirmed with its page:\n%s", out)
	}
}
