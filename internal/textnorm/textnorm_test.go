package textnorm

import "testing"

func TestKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Community of Common Destiny", "community of common destiny"},
		{"communities of common destiny", "community of common destiny"},
		{"neighbouring countries", "neighboring country"},
		{"Neighbourhood’s", "neighborhood"},
		{"country's", "country"},
		{"countries'", "country"},
		{"people-to-people  exchanges", "people to people exchange"},
		{"people\u2013to\u2013people\nexchange", "people to people exchange"},
		{"“community with a shared future”", "community with a shared future"},
		{"ＢＲＩ", "bri"},
		{"modernisation", "modernization"},
		{"emphasis", "emphasis"},
		{"emphasised", "emphasized"},
		{"organism", "organism"},
		{"process", "process"},
		{"crisis", "crisis"},
		{"status", "status"},
		{"approaches", "approach"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Key(tt.in); got != tt.want {
			t.Errorf("Key(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestChinese(t *testing.T) {
	tests := []struct{ in, want string }{
		{"周边命运共同\n体", "周边命运共同体"},
		{"睦邻、安邻、富邻", "睦邻安邻富邻"},
		{"共建“一带一路”", "共建一带一路"},
		{"ＲＣＥＰ", "rcep"},
	}
	for _, tt := range tests {
		if got := Chinese(tt.in); got != tt.want {
			t.Errorf("Chinese(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPinyin(t *testing.T) {
	for _, in := range []string{"zhōubiān gōngzuò", "Zhoubian Gongzuo", "zhou1bian1 gong1zuo4", "zhoubian-gongzuo"} {
		if got := Pinyin(in); got != "zhoubiangongzuo" {
			t.Errorf("Pinyin(%q) = %q, want zhoubiangongzuo", in, got)
		}
	}
	if got := Pinyin("lǜsè"); got != "luse" {
		t.Errorf("Pinyin(lǜsè) = %q, want luse", got)
	}
}

func TestHasHan(t *testing.T) {
	if !HasHan("the 周边 region") || HasHan("zhoubian") {
		t.Error("HasHan misclassifies")
	}
}
