// Reads Prometheus text exposition on stdin and writes the parsed metric families as JSON on stdout,
// using parse-prometheus-text-format (https://github.com/yunyu/parse-prometheus-text-format).
const parse = require('parse-prometheus-text-format');

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  try {
    process.stdout.write(JSON.stringify(parse(input)));
  } catch (e) {
    process.stderr.write(String(e && e.stack || e));
    process.exit(2);
  }
});
