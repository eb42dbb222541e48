#!/usr/bin/env node
// Renders the marketplace icon media/icon.png (128×128, what package.json's
// "icon" names) from the activity-bar glyph media/activitybar.svg, in headless
// Chromium through playwright-core. Run by hand after changing the glyph:
//   node scripts/gen-icon.js [CHROME]   (default /usr/bin/chromium)
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const glyph = fs.readFileSync(path.join(root, 'media', 'activitybar.svg'), 'utf8');
const out = path.join(root, 'media', 'icon.png');
// The gallery banner's colour (package.json galleryBanner.color), so the icon sits on it seamlessly.
const BACKGROUND = '#1b3a5c';

async function main() {
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({ executablePath: process.argv[2] || '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 128, height: 128 }, deviceScaleFactor: 1 });
    const svg = glyph.replace('<svg ', '<svg style="width:88px;height:88px;color:#ffffff" ');
    await page.setContent(`<html><body style="margin:0;background:transparent">
      <div style="width:128px;height:128px;border-radius:24px;background:${BACKGROUND};display:flex;align-items:center;justify-content:center">${svg}</div>
      </body></html>`);
    await page.screenshot({ path: out, omitBackground: true, clip: { x: 0, y: 0, width: 128, height: 128 } });
  } finally {
    await browser.close();
  }
  console.log(`wrote ${path.relative(root, out)}`);
}

main().catch((err) => { console.error(err); process.exit(1); });
