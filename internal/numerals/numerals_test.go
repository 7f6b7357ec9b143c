package numerals

import (
	"slices"
	"testing"
)

func strs(ns []Number) []string {
	var out []string
	for _, n := range ns {
		if n.InName {
			out = append(out, "name:"+n.String())
		} else {
			out = append(out, n.String())
		}
	}
	return out
}

func TestChinese(t *testing.T) {
	for _, tt := range []struct {
		text string
		want []string
	}{
		{"2023年国内生产总值增长5.2%，城镇新增就业1244万人", []string{"2023", "5.2%", "12440000"}},
		{"赤字率拟按3%安排，赤字规模3.88万亿元", []string{"3%", "3880000000000"}},
		{"百分之五和百分之二十五，还有百分之3", []string{"5%", "25%", "3%"}},
		{"党的十九大以来，十三五规划，第十四个五年规划", []string{"19th", "13th", "14th"}},
		{"十九届五中全会", []string{"19th"}},
		{"二〇二三年，一亿三千万，三万五千，一百零五", []string{"2023", "130000000", "35000", "105"}},
		{"一些人十分统一，万一千方百计，百姓一心一意，两岸三地", nil},
		{"3月5日，十二月三十一日", []string{"5", "31"}},
		{"G20杭州峰会和5G网络，PM2.5浓度下降", []string{"name:20", "name:5", "name:2.5"}},
		{"14 亿多人口，90后和00后，1.5亿亩，1.3万亿斤，10亿千瓦", []string{"1400000000", "1990", "2000", "150000000", "1300000000000", "1000000000"}},
		{"3000多万人，2万多家，4万多亿元，下降0.5个百分点", []string{"30000000", "20000", "4000000000000", "0.5%"}},
		{"１２３４５", []string{"12345"}},
		{"80年代和上世纪八十年代，6成是男性，3成为，20里外", []string{"1980", "1980", "60%", "3", "20"}},
	} {
		if got := strs(Chinese(tt.text)); !slices.Equal(got, tt.want) {
			t.Errorf("Chinese(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestEnglish(t *testing.T) {
	for _, tt := range []struct {
		text string
		want []string
	}{
		{"GDP grew 5.2% in 2023, and 12.44 million urban jobs were added", []string{"5.2%", "2023", "12440000"}},
		{"a deficit of 3.88 trillion yuan, 3 percent of GDP, down 0.5 percentage points", []string{"3880000000000", "3%", "0.5%"}},
		{"since the 19th National Congress; the fourteenth plan; twenty-five years; three hundred; five per cent", []string{"19th", "14th", "25", "300", "5%"}},
		{"the G20 summit, COVID-19 and 5G, PM2.5 levels; in the 1990s; 1,386,000 people; items 1, 234 and 5", []string{"name:20", "name:19", "name:5", "name:2.5", "1990", "1386000", "1", "234", "5"}},
		{"one of the first, a hundred", []string{"1", "1st"}},
		{"Thirty two counties", []string{"32"}},
	} {
		if got := strs(English(tt.text)); !slices.Equal(got, tt.want) {
			t.Errorf("English(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestSame(t *testing.T) {
	zh := func(s string) Number { return Chinese(s)[0] }
	en := func(s string) Number { return English(s)[0] }
	for _, tt := range []struct {
		a, b Number
		want bool
	}{
		{zh("1386万"), en("13.86 million"), true},
		{zh("1386万"), en("14 million"), true},
		{zh("1386万"), en("over 13 million"), true},
		{zh("13.86亿"), en("1.39 billion"), true},
		{zh("320万"), en("3 million"), true},
		{zh("2023年"), en("2022"), false},
		{zh("2023年"), en("2000"), false},
		{zh("2.5%"), en("2.5 percent"), true},
		{zh("百分之五"), en("five percent"), true},
		{zh("十九大"), en("19th"), true},
		{zh("12"), en("10"), false},
		{zh("6.5%"), en("6 percent"), false},
		{zh("1.2万亿"), en("1.2 trillion"), true},
		{zh("1000万亩"), en("667,000 hectares"), true},
		{zh("1.3万亿斤"), en("650 million metric tons"), true},
		{zh("二十国集团"), en("G20"), true},
		{zh("20里外"), en("10 kilometers away"), true},
		{zh("八十年代"), en("the 1980s"), true},
		{zh("6成"), en("60%"), true},
	} {
		if got := Same(tt.a, tt.b); got != tt.want {
			t.Errorf("Same(%v, %v) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestWordValue(t *testing.T) {
	for w, want := range map[string]int{"six": 6, "Six": 6, "twelve": 12, "forty": 40} {
		if v, ok := WordValue(w); !ok || v != want {
			t.Errorf("WordValue(%q) = %d, %v; want %d", w, v, ok, want)
		}
	}
	for _, w := range []string{"sixth", "hundred", "areas", ""} {
		if v, ok := WordValue(w); ok {
			t.Errorf("WordValue(%q) = %d, want none", w, v)
		}
	}
}
