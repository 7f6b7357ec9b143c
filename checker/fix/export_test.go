package fix

// SpanProbes counts the work of placing edits in segments.
var SpanProbes = &spanProbes
