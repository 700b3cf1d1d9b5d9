// Scores metascraper on the stripped publisher pages that PageMetaPublisherTest writes to
// target/meta-eval/, with the same field comparisons as the test, next to Herald's own score.
// Usage (Node 20): npm install metascraper@5.49.24 metascraper-{title,description,image,author,date,publisher,lang}@5.49.24
//   node compare-metascraper.js <path to target/meta-eval>
const fs = require('fs');
const path = require('path');
const metascraper = require('metascraper')([
  require('metascraper-title')(), require('metascraper-description')(), require('metascraper-image')(),
  require('metascraper-author')(), require('metascraper-date')(), require('metascraper-publisher')(),
  require('metascraper-lang')()]);

const same = (a, b) => b != null && a.trim().toLowerCase() === String(b).trim().toLowerCase();
const overlaps = (a, b) => {
  const x = a.replace(/…/g, '').trim().toLowerCase(); const y = String(b).replace(/…|\.\.\.$/g, '').trim().toLowerCase();
  return x === y || x.startsWith(y) || y.startsWith(x);
};
const imageKey = (u) => {
  let p = new URL(u).pathname.toLowerCase(); p = p.substring(p.lastIndexOf('/') + 1);
  return p.replace(/\.(webp|avif)$/, '').replace(/\d/g, '').replace(/[-_](facebookjumbo|superjumbo|articlelarge|jumbo|large|medium|small|thumb|thumbnail)/g, '');
};
const sameTime = (a, b) => {
  if (!b) return false; const x = new Date(a), y = new Date(b);
  return x.getTime() === y.getTime() || (x.toISOString().slice(0, 10) === y.toISOString().slice(0, 10) && y.toISOString().slice(11, 19) === '00:00:00');
};
function compare(t, g) {
  const r = {};
  if (t.title) r.title = same(t.title, g.title);
  if (t.description) r.description = g.description != null && overlaps(t.description, g.description);
  if (t.image) r.image = g.image != null && imageKey(t.image) === imageKey(g.image);
  if (t.author && t.author !== t.publisher) r.author = g.author != null && same(t.author, g.author);
  if (t.date) r.date = sameTime(t.date, g.date);
  if (t.publisher) r.publisher = same(t.publisher, g.publisher);
  if (t.lang) r.lang = g.lang != null && t.lang === String(g.lang).slice(0, 2).toLowerCase();
  return r;
}
(async () => {
  const dir = process.argv[2];
  const totals = { herald: [0, 0], metascraper: [0, 0] }; const perField = {};
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const rec = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
    const html = fs.readFileSync(path.join(dir, f.replace(/\.json$/, '.html')), 'utf8');
    const ms = await metascraper({ html, url: rec.url });
    for (const [who, got] of [['herald', rec.herald], ['metascraper', ms]]) {
      for (const [field, ok] of Object.entries(compare(rec.truth, got))) {
        totals[who][1]++; if (ok) totals[who][0]++;
        perField[field] = perField[field] || { herald: [0, 0], metascraper: [0, 0] };
        perField[field][who][1]++; if (ok) perField[field][who][0]++;
        if (!ok) console.log(`${who} missed ${f.replace('.json', '')}.${field}: got ${JSON.stringify(got[field])}`);
      }
    }
  }
  console.log('\nfield        herald   metascraper');
  for (const [field, s] of Object.entries(perField)) console.log(`${field.padEnd(12)} ${s.herald[0]}/${s.herald[1]}      ${s.metascraper[0]}/${s.metascraper[1]}`);
  console.log(`total        ${totals.herald[0]}/${totals.herald[1]}    ${totals.metascraper[0]}/${totals.metascraper[1]}`);
})().catch((e) => { console.error(e); process.exit(1); });
