package input

import (
	"strings"
	"testing"
)

func TestAlign(t *testing.T) {
	type file struct {
		name, src string
		f         Format
	}
	tests := []struct {
		name   string
		zh, en file
		want   []string // segments as "Chinese | English"
		err    string
	}{
		{"a line per paragraph",
			file{"zh.txt", "周边工作\n构建命运共同体。\n***\n共建一带一路。\n", PlainText},
			file{"en.txt", "Neighborhood Work\nBuild a community with a shared future.\n***\nJointly build the Belt and Road.\n", PlainText},
			[]string{"周边工作 | Neighborhood Work", "构建命运共同体。 | Build a community with a shared future.",
				"共建一带一路。 | Jointly build the Belt and Road."}, ""},
		{"hard wraps against a line per paragraph",
			file{"zh.txt", "周边工作\n构建周边命运共同体。\n", PlainText},
			file{"en.txt", "Neighborhood\nWork\n\nBuild a community with a shared\nfuture with our neighbors.\n", PlainText},
			[]string{"周边工作 | Neighborhood\nWork", "构建周边命运共同体。 | Build a community with a shared\nfuture with our neighbors."}, ""},
		{"blank lines make blocks; English in the Chinese file counts",
			file{"zh.txt", "周边工作\n\nRCEP\n\n共建一带一路，\n推动合作。\n", PlainText},
			file{"en.txt", "Neighborhood work\n\nRCEP\n\nJointly build the Belt and Road\nand promote cooperation.\n", PlainText},
			[]string{"周边工作 | Neighborhood work", "RCEP | RCEP", "共建一带一路，\n推动合作。 | Jointly build the Belt and Road\nand promote cooperation."}, ""},
		{"Markdown against HTML",
			file{"zh.md", "# 周边工作\n\n- 一带一路\n- 命运*共同体*\n\n```\ncode\n```\n", Markdown},
			file{"en.html", "<h1>Neighborhood Work</h1><ul><li>Belt and Road<li>community with a <em>shared</em> future</ul>", HTML},
			[]string{"周边工作 | Neighborhood Work", "一带一路 | Belt and Road", "命运共同体 | community with a \x00shared\x00 future"}, ""},
		{"empty files align to nothing",
			file{"zh.txt", "", PlainText}, file{"en.txt", "\n\n", PlainText}, []string{}, ""},
		{"different counts",
			file{"zh.txt", "周边工作\n\n构建命运共同体。\n\n共建一带一路。\n", PlainText},
			file{"en.txt", "Neighborhood Work\n\nJointly build the Belt and Road.\n", PlainText},
			nil, "zh.txt has 3 paragraphs, en.txt has 2: cannot align them by position"},
		{"one paragraph",
			file{"zh.md", "周边工作\n", Markdown},
			file{"en.md", "Neighborhood\n\nWork\n", Markdown},
			nil, "zh.md has 1 paragraph, en.md has 2: cannot align them by position"},
		{"a translation format",
			file{"zh.txt", "周边工作\n", PlainText}, file{"en.po", "", PO},
			nil, "en.po: a po file has no paragraphs to pair"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			read := func(f file) *Document {
				if f.f == PO { // PO is not read here: a document of its format will do
					return &Document{Path: f.name, Format: PO, Text: []byte(f.src), Masked: []byte(f.src)}
				}
				d, err := ReadWith(f.name, []byte(f.src), Options{Format: f.f, Bilingual: BilingualOff})
				if err != nil {
					t.Fatal(err)
				}
				return d
			}
			zh, en := read(tt.zh), read(tt.en)
			err := Align(zh, en)
			if tt.err != "" {
				if err == nil || !strings.HasPrefix(err.Error(), tt.err) {
					t.Fatalf("error %v, want %q", err, tt.err)
				}
				if en.Segments != nil {
					t.Errorf("failed Align set segments")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			checkInvariants(t, []byte(tt.en.src), en)
			if !en.Bilingual() || en.ChinesePath != tt.zh.name || string(en.ChineseText) != tt.zh.src {
				t.Errorf("bilingual %v, Chinese file %q %q", en.Bilingual(), en.ChinesePath, en.ChineseText)
			}
			var got []string
			for _, s := range en.Segments {
				got = append(got, string(s.Chinese.Text)+" | "+string(s.English.Text))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("segments:\n\t%q\nwant:\n\t%q", got, tt.want)
			}
		})
	}
}

// TestAlignDivergence checks that the error of files of different lengths
// says where they part, when their paragraphs' lengths tell.
func TestAlignDivergence(t *testing.T) {
	zhParas := []string{
		"周边工作。",
		"我们要同周边国家一道，坚持亲诚惠容，构建命运共同体，推动地区和平与繁荣，让合作成果惠及各国人民。",
		"共建一带一路。",
		"周边外交要立足长远，统筹发展和安全，深化互利合作，妥善处理分歧，维护地区稳定，为现代化建设营造良好环境。",
		"这是一个重要的历史时刻。",
		"我们将继续推进区域经济一体化，加强基础设施互联互通，扩大人文交流，夯实命运共同体的民意基础。",
	}
	enParas := []string{
		"Neighborhood work.",
		"Together with neighboring countries we will uphold amity, sincerity, mutual benefit and inclusiveness, build a community with a shared future, and promote regional peace and prosperity so that the fruits of cooperation benefit all peoples.",
		// The translation of the third paragraph is missing.
		"Neighborhood diplomacy must take the long view, balance development and security, deepen mutually beneficial cooperation, handle differences properly, keep the region stable and create a sound environment for modernization.",
		"This is an important historic moment.",
		"We will keep advancing regional economic integration, strengthen infrastructure connectivity, expand people-to-people exchanges and consolidate public support for the community with a shared future.",
	}
	zh, err := ReadAs("zh.txt", []byte(strings.Join(zhParas, "\n")+"\n"), PlainText)
	if err != nil {
		t.Fatal(err)
	}
	en, err := ReadAs("en.txt", []byte(strings.Join(enParas, "\n")+"\n"), PlainText)
	if err != nil {
		t.Fatal(err)
	}
	err = Align(zh, en)
	want := "zh.txt has 6 paragraphs, en.txt has 5: cannot align them by position; they part near paragraph 3 of zh.txt (line 3) and paragraph 3 of en.txt (line 3)"
	if err == nil || err.Error() != want {
		t.Errorf("error\n\t%v\nwant\n\t%s", err, want)
	}
	// Files cut differently have no one place where they part.
	zh, _ = ReadAs("zh.txt", []byte(strings.Join(zhParas, "")), PlainText)
	err = Align(zh, en)
	want = "zh.txt has 1 paragraph, en.txt has 5: cannot align them by position"
	if err == nil || err.Error() != want {
		t.Errorf("error\n\t%v\nwant\n\t%s", err, want)
	}
	// A paragraph missing at the end is found there.
	en, _ = ReadAs("en.txt", []byte(strings.Join(append(enParas[:2:2], enParas[2:4]...), "\n")), PlainText)
	zh, _ = ReadAs("zh.txt", []byte(strings.Join(append(zhParas[:2:2], zhParas[3:]...), "\n")), PlainText)
	err = Align(zh, en)
	want = "zh.txt has 5 paragraphs, en.txt has 4: cannot align them by position; they part near paragraph 5 of zh.txt (line 5) and the end of en.txt"
	if err == nil || err.Error() != want {
		t.Errorf("error\n\t%v\nwant\n\t%s", err, want)
	}
}
