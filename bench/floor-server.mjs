// The cold-start floor's host: a bare Node process that serves one static page over loopback and says where,
// in the same "Kiosk: <address>" line the real host prints. No database, no framework, no bundle: the page is
// one small HTML document whose inline script puts a "Sign in" button on it and wires its click, so the
// button showing means the page is interactive, as on the kiosk's welcome screen.
import { createServer } from 'node:http';

const PAGE = `<!doctype html>
<html lang="en-GB">
<head><meta charset="UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"><title>Floor</title></head>
<body>
<main id="root"></main>
<script>
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Sign in';
  button.addEventListener('click', () => { document.getElementById('root').textContent = 'About you'; });
  document.getElementById('root').append(button);
</script>
</body>
</html>
`;

const server = createServer((req, res) => {
  if (req.url !== '/') {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Not found.');
    return;
  }
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(PAGE);
});
server.listen(0, '127.0.0.1', () => {
  console.log(`Kiosk: http://127.0.0.1:${server.address().port}/`);
});
const stop = () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
