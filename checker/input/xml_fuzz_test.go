package input

import "testing"

func FuzzReadTMX(f *testing.F) {
	addFixtures(f, TMX,
		"", "<tmx/>", "<tmx", "<tmx><body><tu><tuv xml:lang='zh'><seg>&amp;",
		"<tmx><body><tu><tuv lang='zh'><seg><bpt><sub>中</sub></bpt></seg></tuv><tuv lang='en'><seg><![CDATA[x]]></seg></tuv></tu></body></tmx>",
		"<tmx><body><tu><tuv xml:lang='zh'><seg>中\r\n<hi><hi>文</hi></hi>&#x4E2D;</seg></tuv></tu></body></tmx><!-- termlint-disable -->",
	)
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzReader(t, "fuzz.tmx", data, readTMX)
	})
}

func FuzzReadXLIFF(f *testing.F) {
	addFixtures(f, XLIFF,
		"", "<xliff/>", "<xliff version='2.0'>",
		"<xliff><file source-language='zh'><body><trans-unit><source>中</source><seg-source><mrk mtype='seg' mid='1'>中</mrk></seg-source><target><mrk mtype='seg' mid='1'/></target></trans-unit></body></file></xliff>",
		"<xliff version='2.0' srcLang='zh'><file><unit><segment><source>中<sm id='a' translate='no'/>x<cp hex='1'/><pc><em startRef='a'/>文</pc></source></segment></unit></file></xliff>",
	)
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzReader(t, "fuzz.xlf", data, readXLIFF)
	})
}
