// axe.js runs axe-core on HTML pages in headless Chromium, in the light
// colour scheme and in the dark one, and prints, for each page and
// scheme ("== page.html light"), one line per violation: "impact
// rule-id count". It is run
// by validate.AxeFindings with NODE_PATH set to npm's global folder (for
// axe-core) and Ace's (for puppeteer-core).
//
//	node axe.js CHROMIUM page.html...
const puppeteer = require('puppeteer-core');
const fs = require('fs');
const axePath = require.resolve('axe-core/axe.min.js');

(async () => {
  const [browserPath, ...pages] = process.argv.slice(2);
  const browser = await puppeteer.launch({
    executablePath: browserPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    for (const file of pages) {
      for (const scheme of ['light', 'dark']) {
        const page = await browser.newPage();
        await page.emulateMediaFeatures([{name: 'prefers-color-scheme', value: scheme}]);
        await page.goto('file://' + file, {waitUntil: 'load'});
        await page.addScriptTag({content: fs.readFileSync(axePath, 'utf8')});
        const result = await page.evaluate(async () => await axe.run(document, {resultTypes: ['violations']}));
        console.log('== ' + file + ' ' + scheme);
        for (const v of result.violations) {
          console.log(`${v.impact} ${v.id} ${v.nodes.length}`);
        }
        await page.close();
      }
    }
  } finally {
    await browser.close();
  }
})().catch(err => { console.error(err); process.exit(1); });
