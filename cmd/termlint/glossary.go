package main

import "github.com/spf13/cobra"

func newCmdGlossary(f *factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "glossary",
		Short: "Validate, format, count, export and import glossaries",
		Long: `Work on glossary files: check them for problems, format them, count what
they hold, export the merged glossary for other tools (TBX, CSV, TSV, JSON,
YAML), and import glossaries kept in those tools and in Markdown tables.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return cmd.Help()
		},
	}
	cmd.AddCommand(newCmdGlossaryValidate(f))
	cmd.AddCommand(newCmdGlossaryFmt(f))
	cmd.AddCommand(newCmdGlossaryStats(f))
	cmd.AddCommand(newCmdGlossaryExport(f))
	cmd.AddCommand(newCmdGlossaryImport(f))
	return cmd
}
