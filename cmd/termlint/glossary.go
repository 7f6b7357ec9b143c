package main

import "github.com/spf13/cobra"

func newCmdGlossary(f *factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "glossary",
		Short: "Validate and export glossaries",
		Long: `Work on glossary files: check them for problems, and export the merged
glossary for other tools.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return cmd.Help()
		},
	}
	cmd.AddCommand(newCmdGlossaryValidate(f))
	cmd.AddCommand(newCmdGlossaryExport(f))
	cmd.AddCommand(newCmdGlossaryFmt(f))
	cmd.AddCommand(newCmdGlossaryStats(f))
	return cmd
}
