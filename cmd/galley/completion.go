package main

import (
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/galleypress/galley/pkg/read"
	"github.com/galleypress/galley/pkg/render"
)

// completion prints a completion script for a shell: the commands, each
// command's flags, the formats after -t and -f, files elsewhere.
func completion(args []string, stdout, stderr io.Writer) int {
	if len(args) != 1 {
		return usageError(stderr, "completion: name the shell: galley completion bash, zsh or fish")
	}
	switch args[0] {
	case "bash":
		fmt.Fprint(stdout, bashCompletion())
	case "zsh":
		// zsh runs bash's completion functions through bashcompinit.
		fmt.Fprint(stdout, "#compdef galley\nautoload -U +X bashcompinit && bashcompinit\n"+bashCompletion())
	case "fish":
		fmt.Fprint(stdout, fishCompletion())
	default:
		msg := fmt.Sprintf("completion: no script for shell %q: bash, zsh or fish", clean(args[0]))
		if guess := closest(args[0], []string{"bash", "zsh", "fish"}); guess != "" {
			msg += "; did you mean " + guess + "?"
		}
		return usageError(stderr, "%s", msg)
	}
	return exitOK
}

// commandFlags returns a command's flags as typed (-o, --title), sorted.
func commandFlags(c command) []string {
	if c.flagSet == nil {
		return nil
	}
	var out []string
	c.flagSet(io.Discard).VisitAll(func(f *flag.Flag) { out = append(out, dashes(f.Name)) })
	sort.Strings(out)
	return out
}

func formatNames() (in, out []string) {
	for _, f := range read.Formats() {
		in = append(append(in, f.Name), f.Aliases...)
	}
	for _, f := range render.Formats() {
		out = append(out, f.Name)
	}
	return in, out
}

func bashCompletion() string {
	var names []string
	var cases strings.Builder
	for _, c := range commands {
		names = append(names, c.name)
		if c.flagSet != nil {
			fmt.Fprintf(&cases, "\t%s) flags=%q ;;\n", c.name, strings.Join(commandFlags(c), " "))
		}
	}
	in, out := formatNames()
	return `# galley completion for bash: source <(galley completion bash)
_galley() {
	local cur prev flags
	cur="${COMP_WORDS[COMP_CWORD]}"
	prev="${COMP_WORDS[COMP_CWORD-1]}"
	if [ "$COMP_CWORD" -eq 1 ]; then
		COMPREPLY=($(compgen -W "` + strings.Join(append(names, "help"), " ") + `" -- "$cur"))
		return
	fi
	case "${COMP_WORDS[1]}" in
` + cases.String() + `	help) COMPREPLY=($(compgen -W "` + strings.Join(names, " ") + `" -- "$cur")); return ;;
	completion) COMPREPLY=($(compgen -W "bash zsh fish" -- "$cur")); return ;;
	*) flags="" ;;
	esac
	case "$prev" in
	-t|--to) COMPREPLY=($(compgen -W "` + strings.Join(out, " ") + `" -- "$cur")); return ;;
	-f|--from) COMPREPLY=($(compgen -W "` + strings.Join(in, " ") + `" -- "$cur")); return ;;
	-C|--root) COMPREPLY=($(compgen -d -- "$cur")); return ;;
	esac
	if [[ "$cur" == -* ]]; then
		COMPREPLY=($(compgen -W "$flags" -- "$cur"))
	else
		COMPREPLY=($(compgen -f -- "$cur"))
	fi
}
complete -o filenames -F _galley galley
`
}

func fishCompletion() string {
	var b strings.Builder
	b.WriteString("# galley completion for fish: galley completion fish > ~/.config/fish/completions/galley.fish\n")
	b.WriteString("complete -c galley -f\n")
	var names []string
	for _, c := range commands {
		names = append(names, c.name)
		first, _, _ := strings.Cut(c.about, "\n")
		fmt.Fprintf(&b, "complete -c galley -n __fish_use_subcommand -a %s -d %s\n", c.name, fishQuote(first))
	}
	fmt.Fprintf(&b, "complete -c galley -n __fish_use_subcommand -a help -d 'Print a command'\\''s help'\n")
	fmt.Fprintf(&b, "complete -c galley -n '__fish_seen_subcommand_from help' -a '%s'\n", strings.Join(names, " "))
	fmt.Fprintf(&b, "complete -c galley -n '__fish_seen_subcommand_from completion' -a 'bash zsh fish'\n")
	in, out := formatNames()
	for _, c := range commands {
		if c.flagSet == nil {
			continue
		}
		cond := "'__fish_seen_subcommand_from " + c.name + "'"
		c.flagSet(io.Discard).VisitAll(func(f *flag.Flag) {
			spec := "-l " + f.Name
			if len(f.Name) == 1 {
				spec = "-s " + f.Name
			}
			_, help := flag.UnquoteUsage(f)
			help, _, _ = strings.Cut(help, ";")
			extra := ""
			switch f.Name {
			case "t", "to":
				extra = " -x -a '" + strings.Join(out, " ") + "'"
			case "f", "from":
				extra = " -x -a '" + strings.Join(in, " ") + "'"
			default:
				if b, ok := f.Value.(interface{ IsBoolFlag() bool }); !ok || !b.IsBoolFlag() {
					extra = " -r -F"
				}
			}
			fmt.Fprintf(&b, "complete -c galley -n %s %s%s -d %s\n", cond, spec, extra, fishQuote(help))
		})
		if c.name == "convert" {
			fmt.Fprintf(&b, "complete -c galley -n %s -F\n", cond)
		}
	}
	return b.String()
}

func fishQuote(s string) string {
	if len(s) > 80 {
		s = s[:77] + "..."
	}
	return "'" + strings.ReplaceAll(strings.ReplaceAll(s, `\`, `\\`), "'", `\'`) + "'"
}
