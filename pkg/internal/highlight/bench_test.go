package highlight

import "testing"

var rustSample = "fn main() {\n    let mut guess = String::new();\n    io::stdin().read_line(&mut guess).expect(\"Failed\");\n    println!(\"You guessed: {guess}\");\n}\n"

func BenchmarkTokens(b *testing.B) {
	for _, lang := range []string{"rust", "console", "toml", "text"} {
		b.Run(lang, func(b *testing.B) {
			for b.Loop() {
				Tokens(lang, rustSample)
			}
		})
	}
}
