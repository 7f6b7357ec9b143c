// This module pins reviewdog, the consumer TestReviewdog feeds termlint's
// sarif, rdjsonl and checkstyle output to. Its go.sum carries the checksums
// reviewdog's own go.sum records. To move to another release:
//
//	go -C checker/printer/testdata/reviewdog get github.com/reviewdog/reviewdog@VERSION
//	go -C checker/printer/testdata/reviewdog mod tidy
//
// It is a module of its own, under testdata, so that termlint's go.mod
// does not take on reviewdog's dependencies.
module termlint.test/reviewdog

go 1.26

require (
	code.gitea.io/sdk/gitea v0.18.0 // indirect
	github.com/davidmz/go-pageant v1.0.2 // indirect
	github.com/go-fed/httpsig v1.1.0 // indirect
	github.com/google/go-github/v62 v62.0.0 // indirect
	github.com/google/go-querystring v1.1.0 // indirect
	github.com/hashicorp/go-cleanhttp v0.5.2 // indirect
	github.com/hashicorp/go-retryablehttp v0.7.7 // indirect
	github.com/hashicorp/go-version v1.6.0 // indirect
	github.com/haya14busa/go-actions-toolkit v0.0.0-20200105081403-ca0307860f01 // indirect
	github.com/haya14busa/go-sarif v0.0.0-20240630170108-a3ba8d79599f // indirect
	github.com/mattn/go-shellwords v1.0.12 // indirect
	github.com/reva2/bitbucket-insights-api v1.0.0 // indirect
	github.com/reviewdog/errorformat v0.0.0-20240608101709-1d3280ed6bd4 // indirect
	github.com/reviewdog/go-bitbucket v0.0.0-20201024094602-708c3f6a7de0 // indirect
	github.com/reviewdog/reviewdog v0.20.1 // indirect
	github.com/xanzy/go-gitlab v0.106.0 // indirect
	golang.org/x/build v0.0.0-20240712162709-0b82a206aadf // indirect
	golang.org/x/crypto v0.25.0 // indirect
	golang.org/x/oauth2 v0.21.0 // indirect
	golang.org/x/sync v0.7.0 // indirect
	golang.org/x/sys v0.22.0 // indirect
	golang.org/x/time v0.5.0 // indirect
	google.golang.org/protobuf v1.34.2 // indirect
	gopkg.in/yaml.v3 v3.0.1 // indirect
)

tool github.com/reviewdog/reviewdog/cmd/reviewdog
