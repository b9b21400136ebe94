// Compiles a Typst file to PDF with Typst's compiler as an npm package
// (@myriaddreamin/typst-ts-node-compiler): node typst.js IN.typ OUT.pdf
const fs = require('fs');
const { NodeCompiler } = require('@myriaddreamin/typst-ts-node-compiler');
const [input, output] = process.argv.slice(2);
const compiler = NodeCompiler.create({ workspace: require('path').dirname(input) });
const pdf = compiler.pdf({ mainFileContent: fs.readFileSync(input, 'utf8') });
fs.writeFileSync(output, pdf);
