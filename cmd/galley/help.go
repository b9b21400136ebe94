package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"
)

// command is one of galley's commands: its flags, and what its help
// says before them.
type command struct {
	name    string
	usage   string // "galley convert [flags] INPUT..."
	about   string // a paragraph
	flagSet func(stderr io.Writer) *flag.FlagSet
	// groups order the flags in the help: a title and the flags'
	// names; flags no group names come last, under "Other".
	groups func(fs *flag.FlagSet) []flagGroup
}

type flagGroup struct {
	title string
	names []string
}

// commands are galley's commands, in the order the usage lists them.
var commands = []command{
	{name: "convert", usage: "galley convert [flags] INPUT...",
		about:   "Reads INPUT (several are joined in order into one book; an mdBook's book.toml\nor SUMMARY.md reads its chapters; - reads standard input) and writes every\n-o FILE, in the format its extension names (or -t FORMAT).",
		flagSet: func(stderr io.Writer) *flag.FlagSet { fs, _ := convertFlagSet(stderr); return fs },
		groups:  convertGroups},
	{name: "build", usage: "galley build [flags]", about: "Builds every document listed in galley.yaml.", flagSet: buildFlagSet},
	{name: "init", usage: "galley init [-C DIR]", about: "Writes a commented starter galley.yaml.", flagSet: initFlagSet},
	{name: "formats", usage: "galley formats [--options [--markdown]]", about: "Lists the input and output formats, and with --options every format's options.", flagSet: formatsFlagSet},
	{name: "theme", usage: "galley theme [--print NAME]", about: "Lists the built-in themes (house styles for PDF, EPUB and HTML), or writes one,\ncommented, to start one's own from: galley theme --print default > theme.yaml.", flagSet: themeFlagSet},
	{name: "completion", usage: "galley completion bash|zsh|fish", about: "Prints a shell completion script: add \"source <(galley completion bash)\" to ~/.bashrc,\n\"source <(galley completion zsh)\" to ~/.zshrc, or\n\"galley completion fish > ~/.config/fish/completions/galley.fish\"."},
	{name: "version", usage: "galley version", about: "Prints galley's version."},
}

func lookupCommand(name string) (command, bool) {
	for _, c := range commands {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

// parseFlags parses a command's flags (see parse). -h prints the
// command's help on stdout; a wrong flag is one line on stderr, with the
// flag it may have meant. ok is false when the command is to end with
// code.
func parseFlags(fs *flag.FlagSet, args []string, cmd string, stdout, stderr io.Writer) (rest []string, code int, ok bool) {
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	rest, err := parse(fs, args)
	switch {
	case err == nil:
		return rest, 0, true
	case errors.Is(err, flag.ErrHelp):
		printHelp(stdout, cmd)
		return nil, exitOK, false
	}
	return nil, usageError(stderr, "%s: %s (galley %s -h lists the flags)", cmd, parseMessage(fs, err), cmd), false
}

// parseMessage words a flag package error, with a guess at the flag
// meant.
func parseMessage(fs *flag.FlagSet, err error) string {
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
		name = strings.TrimLeft(name, "-")
		var names []string
		fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
		msg = "unknown flag " + dashes(name)
		if guess := closest(name, names); guess != "" {
			msg += "; did you mean " + dashes(guess) + "?"
		}
		return msg
	}
	if name, ok := strings.CutPrefix(msg, "flag needs an argument: "); ok {
		return dashes(strings.TrimLeft(name, "-")) + " needs a value"
	}
	// invalid value "x" for flag -y: …
	return strings.Replace(msg, " for flag -", " for --", 1)
}

// dashes writes a flag as users type it: -o, --title.
func dashes(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

// closest returns the candidate nearest to s (an edit or two away, or
// one that starts with it), or "".
func closest(s string, candidates []string) string {
	best, bestD := "", 3
	for _, c := range candidates {
		d := distance(s, c)
		if len(s) >= 3 && strings.HasPrefix(c, s) && d > 1 {
			d = 2
		}
		if d < bestD || d == bestD && best != "" && c < best {
			best, bestD = c, d
		}
	}
	if bestD > 2 || len(s) <= 2 && bestD > 1 {
		return ""
	}
	return best
}

// distance is the Levenshtein distance between a and b, transpositions
// counting one.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

// printHelp prints a command's help: its usage, what it does, and its
// flags by group, each with its value's placeholder if it takes one.
func printHelp(w io.Writer, name string) {
	c, ok := lookupCommand(name)
	if !ok {
		fmt.Fprint(w, usage)
		return
	}
	fmt.Fprintf(w, "Usage: %s\n\n%s\n", c.usage, c.about)
	if c.flagSet == nil {
		return
	}
	fs := c.flagSet(io.Discard)
	var groups []flagGroup
	if c.groups != nil {
		groups = c.groups(fs)
	}
	listed := map[string]bool{}
	for _, g := range groups {
		for _, n := range g.names {
			listed[n] = true
		}
	}
	var other []string
	fs.VisitAll(func(f *flag.Flag) {
		if !listed[f.Name] && !isAlias(f.Name) {
			other = append(other, f.Name)
		}
	})
	if len(other) > 0 {
		title := "Flags"
		if len(groups) > 0 {
			title = "Other"
		}
		groups = append(groups, flagGroup{title, other})
	}
	for _, g := range groups {
		if len(g.names) == 0 {
			continue
		}
		fmt.Fprintf(w, "\n%s:\n", g.title)
		for _, n := range g.names {
			f := fs.Lookup(n)
			if f == nil {
				continue
			}
			fmt.Fprint(w, flagLine(f, g.title))
		}
	}
}

// aliases are flags shown beside another: -t and --to are one line.
var aliases = map[string]string{"to": "t", "from": "f", "metadata": "M", "standalone": "s", "table-of-contents": "toc"}

func isAlias(name string) bool { _, ok := aliases[name]; return ok }

// flagLine is one flag's line of help.
func flagLine(f *flag.Flag, group string) string {
	name, help := flag.UnquoteUsage(f)
	if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
		name = ""
	}
	// A placeholder put before the text ("`N` add N to…") is no word
	// of it.
	help = strings.TrimPrefix(help, name+" ")
	// An option's help may start with its format's name, which the
	// group already says.
	for _, label := range strings.Split(group, " and ") {
		if rest, ok := strings.CutPrefix(help, label+": "); ok {
			help = rest
		} else if rest, ok := strings.CutPrefix(strings.ToLower(help), strings.ToLower(label)+": "); ok {
			help = help[len(help)-len(rest):]
		}
	}
	spell := dashes(f.Name)
	for long, short := range aliases {
		if short == f.Name {
			spell += ", " + dashes(long)
		}
	}
	if name != "" {
		spell += " " + name
	}
	if def := f.DefValue; def != "" && def != "false" && def != "0" && !strings.Contains(help, "(default") && name != "" {
		help += " (default " + def + ")"
	}
	lines := wrap(help, helpWidth-helpIndent)
	var b strings.Builder
	if len(spell) <= helpIndent-4 {
		fmt.Fprintf(&b, "  %-*s  %s\n", helpIndent-4, spell, lines[0])
		lines = lines[1:]
	} else {
		fmt.Fprintf(&b, "  %s\n", spell)
	}
	for _, l := range lines {
		fmt.Fprintf(&b, "%*s%s\n", helpIndent, "", l)
	}
	return b.String()
}

// The help's width, and where flags' texts start.
const (
	helpWidth  = 80
	helpIndent = 28
)

// wrap breaks text into lines of at most width characters, at spaces.
func wrap(text string, width int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(text) {
		switch {
		case line == "":
			line = w
		case len([]rune(line))+1+len([]rune(w)) > width:
			lines = append(lines, line)
			line = w
		default:
			line += " " + w
		}
	}
	return append(lines, line)
}

// convertGroups orders convert's flags: its own, then the formats'
// options by format (as their scopes say), then limits and the project.
func convertGroups(fs *flag.FlagSet) []flagGroup {
	groups := []flagGroup{
		{"Input and output", []string{"o", "t", "f", "encoding"}},
		{"Metadata", []string{"title", "author", "date", "lang", "meta", "M"}},
	}
	_, c := convertFlagSet(io.Discard)
	byScope := map[string][]string{}
	var order []string
	for _, name := range c.options.ordered {
		if isAlias(name) {
			continue
		}
		label := scopesLabel(c.options.flags[name].targets)
		if _, ok := byScope[label]; !ok {
			order = append(order, label)
		}
		byScope[label] = append(byScope[label], name)
	}
	sort.SliceStable(order, func(i, j int) bool { return order[i] == "Every format" && order[j] != "Every format" })
	for _, label := range order {
		groups = append(groups, flagGroup{label, byScope[label]})
	}
	var limits []string
	fs.VisitAll(func(f *flag.Flag) {
		if strings.HasPrefix(f.Name, "max-") {
			limits = append(limits, f.Name)
		}
	})
	groups = append(groups,
		flagGroup{"Limits", limits},
		flagGroup{"Project and checks", []string{"root", "allow-outside", "allow-empty", "strict", "v"}},
		flagGroup{"pandoc's spellings", []string{"s", "pdf-engine"}},
	)
	return groups
}

// scopesLabel names the formats an option flag sets: "Every format",
// "PDF", "HTML and EPUB".
func scopesLabel(targets [][2]string) string {
	var labels []string
	for _, t := range targets {
		l := "Every format"
		switch t[0] {
		case "":
		case "html", "epub", "pdf", "json":
			l = strings.ToUpper(t[0])
		case "text":
			l = "Plain text"
		case "markdown":
			l = "Markdown"
		default:
			l = t[0]
		}
		if !containsString(labels, l) {
			labels = append(labels, l)
		}
	}
	return strings.Join(labels, " and ")
}
